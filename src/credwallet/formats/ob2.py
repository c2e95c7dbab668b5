"""Open Badges 2.0 (and legacy 1.x) assertions into the normalized `Credential`.

Badge class and issuer may be embedded or given as URLs; URLs are kept as-is (fetching them is an online
step). Problems a sloppy issuer makes (a missing date, a malformed alignment) are recorded as structure
errors on the credential instead of refusing it; only what makes it not an assertion at all is refused.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from credwallet.errors import InputError
from credwallet.formats.vc_fields import as_list, evidence_of
from credwallet.model import (
    Alignment,
    Container,
    Credential,
    CredentialFormat,
    Criteria,
    Issuer,
    Recipient,
    parse_iso_datetime,
)

OB2_CONTEXTS = ("https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json")
OB1_CONTEXTS = ("https://w3id.org/openbadges/v1",)
# A document whose first context is one of these, or typed VerifiableCredential, is a VC whatever other
# types it has (DCC issues VC 1.1 credentials typed ["VerifiableCredential", "Assertion"] with dcc/v1).
VC_CONTEXTS = ("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2")


def _types(document: dict[str, Any]) -> list[str]:
    raw = document.get("type", document.get("@type"))
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [t for t in raw if isinstance(t, str)]
    return []


def _contexts(document: dict[str, Any]) -> list[str]:
    raw = document.get("@context")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [c for c in raw if isinstance(c, str)]
    return []


def looks_like_ob2(document: dict[str, Any]) -> bool:
    """An OB 2.0 assertion by its context or type, or a 1.x one by its shape (`uid`/`verify` + `badge`);
    never a Verifiable Credential (the VC context and type are looked at first)."""
    types = _types(document)
    contexts = _contexts(document)
    if "VerifiableCredential" in types or (contexts and contexts[0] in VC_CONTEXTS):
        return False
    if "Assertion" in types:
        return True
    if types:  # another OB type (BadgeClass, Issuer, RevocationList...): not an assertion
        return False
    return "badge" in document and "recipient" in document and ("verify" in document or "uid" in document)


def is_ob_document(document: dict[str, Any]) -> bool:
    """Any Open Badges 1.x/2.0 JSON-LD document (assertion or not), by its context."""
    return any(c in OB2_CONTEXTS or c in OB1_CONTEXTS for c in _contexts(document))


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return None


def _id_or_url(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return _text(value.get("id")) or _text(value.get("url"))
    return None


def parse_date(value: Any, field: str, errors: list[str]) -> datetime | None:
    """ISO 8601 or (1.x) a Unix timestamp; an unreadable date is a recorded error, not a crash."""
    if value is None:
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
            return datetime.fromtimestamp(int(value), tz=UTC)
        if isinstance(value, str):
            return parse_iso_datetime(value)
    except (ValueError, OverflowError, OSError):
        pass
    errors.append(f"{field}: {value!r} is not a date")
    return None


def _recipient(document: dict[str, Any], errors: list[str]) -> Recipient | None:
    raw = document.get("recipient")
    if isinstance(raw, str):  # 0.5 / 1.0: a bare email or hash, salt at the top level
        hashed = "$" in raw
        return Recipient(identity=raw, type="email", hashed=hashed, salt=_text(document.get("salt")))
    if not isinstance(raw, dict):
        errors.append("recipient: missing")
        return None
    identity = _text(raw.get("identity"))
    if identity is None:
        errors.append("recipient.identity: missing")
        return None
    declared = raw.get("hashed")
    if isinstance(declared, bool):
        hashed = declared
    else:
        hashed = "$" in identity and identity.split("$", 1)[0].lower() in ("sha256", "md5", "sha1")
    return Recipient(
        identity=identity,
        type=_text(raw.get("type")) or "email",
        hashed=hashed,
        salt=_text(raw.get("salt")),
    )


def _issuer(raw: Any) -> Issuer:
    if isinstance(raw, dict):
        return Issuer(
            id=_text(raw.get("id")),
            name=_text(raw.get("name")),
            url=_text(raw.get("url")) or _text(raw.get("origin")),
            email=_text(raw.get("email")),
            description=_text(raw.get("description")),
            image=_id_or_url(raw.get("image")),
        )
    if isinstance(raw, str):
        return Issuer(id=_text(raw))
    return Issuer()


def _alignments(raw: Any, errors: list[str]) -> list[Alignment]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    result = []
    for index, item in enumerate(items):
        name = _text(item.get("targetName")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or name is None:
            errors.append(f"badge.alignment[{index}]: targetName missing")
            continue
        result.append(
            Alignment(
                target_name=name,
                target_url=_text(item.get("targetUrl")),
                target_code=_text(item.get("targetCode")),
                target_framework=_text(item.get("targetFramework")),
                target_description=_text(item.get("targetDescription")),
                target_type=_text(item.get("targetType")),
            )
        )
    return result


def _criteria(raw: Any) -> Criteria | None:
    if isinstance(raw, str):
        return Criteria(url=_text(raw))
    if isinstance(raw, dict):
        return Criteria(
            url=_text(raw.get("id")) or _text(raw.get("url")), narrative=_text(raw.get("narrative"))
        )
    return None


def parse_assertion(
    document: dict[str, Any],
    *,
    source: str,
    container: Container,
    original_bytes: bytes,
    token: str | None = None,
) -> Credential:
    """One OB 2.0 / 1.x assertion as a Credential; InputError when it is not an assertion at all."""
    errors: list[str] = []
    contexts = _contexts(document)
    types = _types(document)
    legacy = not contexts or any(c in OB1_CONTEXTS for c in contexts)
    if contexts and not legacy and "Assertion" not in types:
        shown = ", ".join(types) or "none"
        raise InputError(f"{source}: not an Open Badges assertion (type is {shown}, expected Assertion)")
    badge = document.get("badge")
    if badge is None:
        raise InputError(f"{source}: not an Open Badges assertion (no badge)")
    if not isinstance(badge, (dict, str)):
        raise InputError(f"{source}: assertion 'badge' must be a badge class object or its URL")

    extension: dict[str, Any] = {"ob_version": "1.x" if legacy else "2.0"}
    badge_class: dict[str, Any] = badge if isinstance(badge, dict) else {}
    if isinstance(badge, str):
        extension["badge_class_url"] = badge
    issuer_raw = badge_class.get("issuer")
    if isinstance(issuer_raw, str):
        extension["issuer_url"] = issuer_raw
    verification = document.get("verification") or document.get("verify")
    verify_url = None
    if isinstance(verification, dict):
        extension["verification"] = verification
        verify_url = _text(verification.get("url"))
    elif not legacy:
        errors.append("verification: missing")

    name = _text(badge_class.get("name"))
    if name is None:
        name = f"Badge class at {badge}" if isinstance(badge, str) else "Unnamed badge"
        if isinstance(badge, dict):
            errors.append("badge.name: missing")
    credential_id = _text(document.get("id")) or _text(document.get("uid"))
    if not legacy and credential_id is None:
        errors.append("id: missing")
    issued_on = parse_date(document.get("issuedOn"), "issuedOn", errors)
    if document.get("issuedOn") is None:
        errors.append("issuedOn: missing")
    raw_tags = badge_class.get("tags")
    tags = [t.strip() for t in as_list(raw_tags) if isinstance(t, str) and t.strip()]
    if raw_tags is not None and not isinstance(raw_tags, (list, str)):
        errors.append("badge.tags: not a list of strings")
    image = _id_or_url(document.get("image")) or _id_or_url(badge_class.get("image"))
    narrative = _text(document.get("narrative"))
    if narrative:
        extension["narrative"] = narrative
    return Credential(
        format=CredentialFormat.OB2_SIGNED
        if token
        else (CredentialFormat.OB1 if legacy else CredentialFormat.OB2),
        name=name,
        issuer=_issuer(issuer_raw),
        container=container,
        credential_id=credential_id,
        description=_text(badge_class.get("description")),
        issued_on=issued_on,
        expires_on=parse_date(document.get("expires"), "expires", errors),
        recipient=_recipient(document, errors),
        criteria=_criteria(badge_class.get("criteria")),
        alignments=_alignments(badge_class.get("alignment", badge_class.get("alignments")), errors),
        tags=tags,
        image=image,
        achievement_id=_text(badge_class.get("id")) or (badge if isinstance(badge, str) else None),
        achievement_type=_text(badge_class.get("achievementType")),
        evidence=evidence_of(document.get("evidence")),
        verify_url=verify_url or (credential_id if verification_is_hosted(verification) else None),
        document=document,
        token=token,
        extension=extension,
        original_bytes=original_bytes,
        source=source,
        schema_errors=errors,
    )


def verification_is_hosted(verification: Any) -> bool:
    return isinstance(verification, dict) and str(verification.get("type", "")).lower() == "hosted"

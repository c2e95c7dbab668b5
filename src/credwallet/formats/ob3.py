"""Open Badges 3.0 and W3C Verifiable Credentials (VC DM 1.1 and 2.0) as JSON-LD: document -> Credential(s).

Parsing never trusts and never fetches: an embedded proof is kept for `verify`, `@context[0]` must be a VC
context, and an inline context may not redefine a protected term. A context that is not bundled does not stop
the import: the learner keeps the credential, and `verify` says its proof needs that context (`--online` or
`--documents DIR` fetches it). A VerifiablePresentation yields each credential it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from credwallet import jsonld
from credwallet.errors import InputError, NotACredentialError
from credwallet.formats import vc_fields as fields
from credwallet.formats.schema_check import (
    CLR_TYPE,
    ENDORSEMENT_TYPE,
    OB_TYPES,
    VC_V1,
    VC_V2,
    context_urls,
    structure_report,
    types_of,
    vc_version,
)
from credwallet.limits import MAX_INNER_CREDENTIALS, MAX_JSON_DEPTH
from credwallet.model import Container, Credential, CredentialFormat, Endorsement

PRESENTATION_TYPE = "VerifiablePresentation"
# Credentials that exist for verifiers, not holders: refused with an explanation.
STATUS_LIST_TYPES = frozenset(
    {"BitstringStatusListCredential", "StatusList2021Credential", "RevocationList2020Credential"}
)
_OB_CONTEXT_PREFIXES = (
    "https://purl.imsglobal.org/spec/ob/v3p0/",
    "https://purl.imsglobal.org/spec/clr/v2p0/",
)

# Terms whose meaning a verifier relies on (credwallet.jsonld): an inline @context may not redefine them.
PROTECTED_TERMS = jsonld.PROTECTED_TERMS


def looks_like_vc(document: Any) -> bool:
    """True for anything that claims to be a VC / presentation / OB 3.0 / CLR document (parse decides)."""
    if not isinstance(document, dict):
        return False
    contexts = context_urls(document)
    if contexts and contexts[0] in (VC_V1, VC_V2):
        return True
    types = set(types_of(document))
    if types & {"VerifiableCredential", PRESENTATION_TYPE, ENDORSEMENT_TYPE, CLR_TYPE} or types & OB_TYPES:
        return True
    ob_context = any(isinstance(c, str) and c.startswith(_OB_CONTEXT_PREFIXES) for c in contexts)
    return ob_context and "credentialSubject" in document


def parse_vc(
    document: dict[str, Any],
    *,
    container: Container,
    original_bytes: bytes,
    source: str,
    token: str | None = None,
    text: bytes | None = None,
) -> list[Credential]:
    """Every credential in a VC / OB 3.0 / CLR / presentation document (`token`: it came as a JWT; `text`:
    the JSON text the document was parsed from, when the caller has it)."""
    if not isinstance(document, dict):
        raise InputError(f"{source}: not a credential (expected a JSON object)")
    types = set(types_of(document))
    if PRESENTATION_TYPE in types:
        from credwallet.formats import embedded

        return embedded.parse_presentation(document, source=source, secured_by_jwt=token is not None)
    if CLR_TYPE in types:
        from credwallet.formats import clr

        return clr.parse_clr(
            document, container=container, original_bytes=original_bytes, source=source, token=token
        )
    if types & STATUS_LIST_TYPES:
        raise NotACredentialError(
            f"{source}: a status list credential (verifiers use it to check revocation), not a credential "
            "issued to a learner"
        )
    if "VerifiableCredential" not in types and "credentialSubject" not in document:
        kinds = ", ".join(sorted(types)) or "no type"
        raise NotACredentialError(f"{source}: not a credential ({kinds}; no credentialSubject)")
    if text is None and container is Container.JSON and token is None:
        text = original_bytes
    check = check_document(document, source=source, secured_by_jwt=token is not None, text=text)
    fmt = CredentialFormat.OB3_JWT if token is not None else CredentialFormat.OB3
    credential = credential_from_vc(
        document,
        fmt=fmt,
        container=container,
        original_bytes=original_bytes,
        source=source,
        token=token,
        check=check,
    )
    return [credential]


@dataclass(slots=True)
class DocumentCheck:
    """What `check_document` learned in its one walk over the document."""

    unknown_contexts: list[str] = field(default_factory=list)  # not bundled: verify needs them fetched
    single_object_proof: bool = False  # some `proof` is an object, not an array (schema check wraps it)


def check_document(
    document: dict[str, Any], *, source: str, secured_by_jwt: bool, text: bytes | None = None
) -> DocumentCheck:
    """Nesting, `@context[0]`, protected-term redefinition and unbundled contexts, in one walk.

    A credential with an unbundled context is imported with the contexts listed: the learner keeps it, and
    `verify` says what its proof needs (a JWT-secured one's signature covers the bytes, not the graph).
    """
    from credwallet.jsonld import unknown_contexts

    contexts = context_urls(document)
    if not contexts or contexts[0] not in (VC_V1, VC_V2):
        found = repr(contexts[0])[:120] if contexts else "nothing"
        raise InputError(f"{source}: @context[0] must be {VC_V2} or {VC_V1}, found {found}")
    for item in contexts:
        if not isinstance(item, (str, dict)):
            raise InputError(
                f"{source}: @context holds a {type(item).__name__}; only URLs and objects are allowed"
            )
    scan = _scan_top_level(document, text) or _scan(document)
    if scan.too_deep:
        raise InputError(f"{source}: credential nested too deeply (limit {MAX_JSON_DEPTH})")
    if scan.redefined:
        raise InputError(
            f"{source}: an inline @context redefines the protected term {scan.redefined[0]!r}; "
            "a credential may not change the meaning of VC / Open Badges terms"
        )
    # Every @context value found anywhere, handed over as one list: the same URLs as walking the document.
    unknown = unknown_contexts({"@context": scan.contexts})
    return DocumentCheck(unknown_contexts=unknown, single_object_proof=scan.single_object_proof)


@dataclass(slots=True)
class _Scan:
    too_deep: bool = False
    contexts: list[Any] = field(default_factory=list)  # every @context value, at any depth
    redefined: list[str] = field(default_factory=list)  # protected terms defined by inline contexts
    single_object_proof: bool = False


def _redefined(inline_context: dict[str, Any]) -> list[str]:
    """The protected terms an inline context gives another meaning than the VC / OB contexts do; restating a
    term with its own meaning (LearnCard's CLRs add `@container` to `identifier`) is not a redefinition."""
    if not any(term in PROTECTED_TERMS for term in inline_context):
        return []
    return jsonld.redefined_protected_terms({"@context": inline_context})


def _scan_top_level(document: dict[str, Any], text: bytes | None) -> _Scan | None:
    """The scan's answer without walking the document, when its JSON text shows that the only `@context` and
    the only `proof` are the top-level ones (no escapes that could spell a key differently); else None.

    Most credentials are like that, and the walk is a measurable share of import time. The parser has already
    enforced the depth limit.
    """
    if text is None or b"\\u" in text or text.count(b'"@context"') != 1:
        return None
    proofs = text.count(b'"proof"')
    if proofs > 1 or (proofs == 1 and "proof" not in document):
        return None
    context = document.get("@context")
    scan = _Scan(contexts=[context], single_object_proof=isinstance(document.get("proof"), dict))
    for item in fields.as_list(context):
        if isinstance(item, dict):
            scan.redefined.extend(_redefined(item))
    return scan


def _scan(document: dict[str, Any]) -> _Scan:
    """One iterative walk (deep input cannot overflow the stack) collecting what `check_document` needs."""
    scan = _Scan()
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            scan.too_deep = True
            return scan
        if isinstance(node, list):
            stack.extend((item, depth + 1) for item in node if isinstance(item, (dict, list)))
            continue
        for key, value in node.items():
            if key == "@context":
                scan.contexts.append(value)
                for context in fields.as_list(value):
                    if isinstance(context, dict):
                        scan.redefined.extend(_redefined(context))
            elif key == "proof" and isinstance(value, dict):
                scan.single_object_proof = True
            if isinstance(value, (dict, list)):
                stack.append((value, depth + 1))
    return scan


def credential_from_vc(
    document: dict[str, Any],
    *,
    fmt: CredentialFormat,
    container: Container,
    original_bytes: bytes,
    source: str,
    token: str | None,
    check: DocumentCheck,
    clr: fields.ClrSummary | None = None,
) -> Credential:
    """One normalized credential from one VC document already checked by `check_document`."""
    notes: list[str] = []
    subject = fields.subject_of(document)
    achievement_node = subject.get("achievement")
    achievement: dict[str, Any] = achievement_node if isinstance(achievement_node, dict) else {}
    types = types_of(document)
    issuer_node = document.get("issuer")
    alignments = fields.alignments_of(achievement.get("alignment"))
    descriptions = fields.result_descriptions_of(achievement)
    identifiers = fields.identifiers_of(subject)
    own_name = fields.text(document.get("name"))
    specific = [t for t in types if t != "VerifiableCredential"]
    name = fields.text(achievement.get("name")) or own_name or (specific[0] if specific else "Credential")
    issued = document.get("validFrom", document.get("issuanceDate"))
    expires = document.get("validUntil", document.get("expirationDate"))
    credits_earned = fields.number(subject.get("creditsEarned"))
    credits_available = fields.number(achievement.get("creditsAvailable"))
    report = structure_report(document, single_object_proof=check.single_object_proof)
    unknown_contexts = check.unknown_contexts
    notes.extend(report.notes)
    if unknown_contexts:
        notes.append(
            "contexts not bundled with credwallet (verify --online fetches them; a JWT signature does not "
            "depend on them): " + ", ".join(unknown_contexts)
        )
    endorsements = _endorsements(document, achievement, issuer_node, source=source, notes=notes)
    extension = fields.Ob3Extension(
        vc_version=vc_version(document),
        types=types,
        credential_name=own_name,
        contexts=[c for c in context_urls(document) if isinstance(c, str)],
        unknown_contexts=unknown_contexts,
        proofs=[_proof_summary(p) for p in fields.dicts(document.get("proof"))],
        credential_status=[dict(status) for status in fields.dicts(document.get("credentialStatus"))],
        credential_schema=[
            {"id": fields.text(s.get("id")), "type": fields.text(s.get("type"))}
            for s in fields.dicts(document.get("credentialSchema"))
        ],
        subject_id=fields.text(subject.get("id")),
        identifiers=identifiers,
        awarded_date=fields.text(document.get("awardedDate")),
        activity_start=fields.text(subject.get("activityStartDate")),
        activity_end=fields.text(subject.get("activityEndDate")),
        term=fields.text(subject.get("term")),
        role=fields.text(subject.get("role")),
        license_number=fields.text(subject.get("licenseNumber")),
        human_code=fields.text(achievement.get("humanCode")),
        field_of_study=fields.text(achievement.get("fieldOfStudy")),
        specialization=fields.text(achievement.get("specialization")),
        achievement_version=fields.text(achievement.get("version")),
        in_language=fields.text(achievement.get("inLanguage")),
        credits_available=credits_available,
        credits_earned=credits_earned,
        other_identifiers=fields.other_identifiers_of(achievement.get("otherIdentifier")),
        framework_codes=fields.framework_codes(alignments),
        result_descriptions=descriptions,
        clr=clr,
        notes=notes,
    )
    return Credential(
        format=fmt,
        name=name,
        issuer=fields.issuer_of(issuer_node),
        container=container,
        credential_id=fields.text(document.get("id")),
        description=fields.text(achievement.get("description"))
        or fields.text(document.get("description"))
        or fields.text(subject.get("endorsementComment")),
        issued_on=fields.parse_date(issued, "validFrom/issuanceDate", notes)
        or fields.parse_date(document.get("awardedDate"), "awardedDate", notes),
        expires_on=fields.parse_date(expires, "validUntil/expirationDate", notes),
        recipient=fields.recipient_of(subject, identifiers),
        criteria=fields.criteria_of(achievement.get("criteria")),
        alignments=alignments,
        tags=[t for t in (fields.text(x) for x in fields.as_list(achievement.get("tag"))) if t],
        image=fields.image_of(document.get("image")) or fields.image_of(achievement.get("image")),
        achievement_id=fields.text(achievement.get("id")),
        achievement_type=fields.text(achievement.get("achievementType")),
        evidence=fields.evidence_of(document.get("evidence")),
        results=fields.results_of(subject, descriptions),
        credit_hours=credits_earned if credits_earned is not None else credits_available,
        endorsements=endorsements,
        document=document,
        token=token,
        extension=extension.to_dict(),
        source=source,
        original_bytes=original_bytes,
        schema_errors=report.errors,
    )


def _proof_summary(proof: dict[str, Any]) -> dict[str, Any]:
    keys = ("type", "cryptosuite", "verificationMethod", "proofPurpose", "created", "previousProof")
    return {key: proof[key] for key in keys if key in proof}


def _endorsements(
    document: dict[str, Any], achievement: dict[str, Any], issuer: Any, *, source: str, notes: list[str]
) -> list[Endorsement]:
    """Endorsements on the credential, its achievement, the achievement's creator and the issuer."""
    holders: list[tuple[str, Any]] = [("credential", document), ("achievement", achievement)]
    holders += [("issuer", issuer), ("issuer", achievement.get("creator"))]
    found: list[Endorsement] = []
    for target, holder in holders:
        if not isinstance(holder, dict):
            continue
        embedded = fields.dicts(holder.get("endorsement"))
        tokens = [t for t in fields.as_list(holder.get("endorsementJwt")) if isinstance(t, str)]
        if len(found) + len(embedded) + len(tokens) > MAX_INNER_CREDENTIALS:
            raise InputError(f"{source}: more than {MAX_INNER_CREDENTIALS:,} endorsements")
        found.extend(fields.endorsement_from_document(e, target, notes) for e in embedded)
        for index, token in enumerate(tokens):
            endorsement = _endorsement_from_jwt(
                token, target, f"{source} ({target} endorsementJwt #{index + 1})"
            )
            if isinstance(endorsement, str):
                notes.append(endorsement)
            else:
                found.append(endorsement)
    return found


def _endorsement_from_jwt(token: str, target: str, source: str) -> Endorsement | str:
    """The endorsement a compact JWT carries, or a note saying why it could not be read."""
    from credwallet.formats import vc_jwt
    from credwallet.formats.jwt import decode_compact_jws

    try:
        decoded = decode_compact_jws(token, source=source)
        view, _info, jwt_notes = vc_jwt.credential_view(decoded.header, decoded.payload, source=source)
    except InputError as exc:
        return f"endorsement not read: {exc.message}"
    return fields.endorsement_from_document(view, target, jwt_notes)

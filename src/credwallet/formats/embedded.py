"""Credentials held inside another document: a VerifiablePresentation's or a CLR's inner credentials.

Each may be a JSON object, a compact JWT, or an EnvelopedVerifiableCredential carrying a JWT in a data:
URL. The same credential given twice is parsed once, and counts are bounded before anything is parsed.
"""

from __future__ import annotations

import json
from typing import Any

from credwallet.errors import InputError
from credwallet.formats import ob3
from credwallet.formats import vc_fields as fields
from credwallet.formats.schema_check import CLR_TYPE, types_of
from credwallet.limits import MAX_INNER_CREDENTIALS
from credwallet.model import Container, Credential

PRESENTATION_TYPE = ob3.PRESENTATION_TYPE
ENVELOPED_TYPE = "EnvelopedVerifiableCredential"
# Media types of an EnvelopedVerifiableCredential's data: URL that carry a compact JWT.
_ENVELOPED_JWT_MEDIA = ("application/vc+jwt", "application/vc+ld+json+jwt", "application/jwt")


def dedup_key(item: Any) -> str:
    """Equal for the same credential given twice in a presentation or CLR (same JSON or same token)."""
    try:
        token = _enveloped_token(item, "") if isinstance(item, dict) else None
    except InputError:
        token = None  # parse_embedded reports it with the credential's position
    if isinstance(item, str) or token is not None:
        return "jwt:" + (token if token is not None else str(item)).strip()
    return "json:" + json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _enveloped_token(item: dict[str, Any], source: str) -> str | None:
    if ENVELOPED_TYPE not in types_of(item):
        return None
    data_url = fields.text(item.get("id")) or ""
    media, _, payload = data_url.partition(",")
    if not media.startswith("data:") or media[5:].split(";")[0] not in _ENVELOPED_JWT_MEDIA:
        raise InputError(
            f"{source}: enveloped credential of an unsupported kind ({media[:60]!r}); only VC-JWT is read"
        )
    return payload


def parse_embedded(
    item: Any, *, source: str, links: dict[str, str | None], allow_clr: bool
) -> list[Credential]:
    """A credential held by a CLR or presentation: a JSON object, a compact JWT, or an enveloped JWT."""
    from credwallet.formats import vc_jwt
    from credwallet.formats.jwt import decode_compact_jws

    token = (
        item if isinstance(item, str) else _enveloped_token(item, source) if isinstance(item, dict) else None
    )
    if token is not None:
        token = token.strip()
        decoded = decode_compact_jws(token, source=source)
        found = vc_jwt.parse_vc_jwt(
            decoded, container=Container.CLR, original_bytes=token.encode(), source=source
        )
    elif isinstance(item, dict):
        types = set(types_of(item))
        if PRESENTATION_TYPE in types:
            raise InputError(f"{source}: a presentation inside a presentation or CLR is not supported")
        if CLR_TYPE in types and not allow_clr:
            raise InputError(f"{source}: a CLR inside a CLR is not supported")
        compact = json.dumps(item, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        found = ob3.parse_vc(item, container=Container.CLR, original_bytes=compact, source=source)
    else:
        raise InputError(
            f"{source}: expected a credential object or a compact JWT, found {type(item).__name__}"
        )
    for credential in found:
        for key, value in links.items():
            if value is not None and credential.extension.get(key) is None:
                credential.extension[key] = value
    return found


def parse_presentation(document: dict[str, Any], *, source: str, secured_by_jwt: bool) -> list[Credential]:
    """Each credential a presentation holds, duplicates once; the holder's own proof is not kept."""
    items = fields.as_list(document.get("verifiableCredential"))
    # Counted before anything is parsed, CLRs with their inner credentials, so the bound costs nothing.
    claimed = len(items) + sum(
        len(fields.as_list(fields.subject_of(item).get("verifiableCredential")))
        for item in items
        if _is_clr(item)
    )
    if claimed > MAX_INNER_CREDENTIALS:
        raise InputError(
            f"{source}: the presentation holds {claimed:,} credentials, "
            f"over the limit of {MAX_INNER_CREDENTIALS:,}"
        )
    ob3.check_document(document, source=source, secured_by_jwt=secured_by_jwt)
    if not items:
        raise InputError(f"{source}: the presentation holds no credentials")
    links = {
        "presentation_id": fields.text(document.get("id")),
        "presentation_holder": fields.node_id(document.get("holder")),
    }
    seen: set[str] = set()
    found: list[Credential] = []
    for index, item in enumerate(items):
        key = dedup_key(item)
        if key in seen:
            continue
        seen.add(key)
        found.extend(
            parse_embedded(item, source=f"{source} [credential {index + 1}]", links=links, allow_clr=True)
        )
    return found


def _is_clr(item: Any) -> bool:
    return isinstance(item, dict) and CLR_TYPE in types_of(item)

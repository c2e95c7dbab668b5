"""Compact JWS / JWT decoding only: split, base64url-decode, parse. Trust is decided in verify/, never here."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from credwallet.errors import InputError
from credwallet.limits import MAX_JSON_BYTES
from credwallet.safejson import loads_strict


@dataclass(frozen=True, slots=True)
class DecodedJws:
    """A compact JWS taken apart; `signing_input` is exactly what the signature covers."""

    header: dict[str, Any]
    payload: Any
    signing_input: bytes
    signature: bytes
    token: str
    payload_bytes: bytes = b""  # the decoded payload JSON text, for cheap textual checks


def b64url_decode(segment: str) -> bytes:
    """base64url without padding, strictly (a stray character is an error, not silently dropped)."""
    padded = segment + "=" * (-len(segment) % 4)
    try:
        return base64.b64decode(padded.encode("ascii"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"bad base64url: {exc}") from None


def looks_like_compact_jws(text: str) -> bool:
    """Three dot-separated parts whose header decodes to a JSON object (base64url of "{" starts with "e").

    Cheap on purpose (tokens are many KB); `decode_compact_jws` enforces the alphabet strictly.
    """
    candidate = text.strip()
    return len(candidate) <= MAX_JSON_BYTES * 2 and candidate[:1] == "e" and candidate.count(".") == 2


def decode_compact_jws(token: str, *, source: str) -> DecodedJws:
    """Decode a compact JWS whose header and payload are JSON; size and depth caps apply before parsing."""
    token = token.strip()
    if len(token) > MAX_JSON_BYTES * 2:
        raise InputError(f"{source}: token is {len(token):,} characters, over the limit")
    parts = token.split(".")
    if len(parts) != 3 or not parts[0]:  # the base64url alphabet is enforced by the strict decoding below
        raise InputError(f"{source}: not a compact JWS (expected three base64url parts separated by dots)")
    header_part, payload_part, signature_part = parts
    try:
        header_bytes = b64url_decode(header_part)
        payload_bytes = b64url_decode(payload_part)
        signature = b64url_decode(signature_part)
    except ValueError as exc:
        raise InputError(f"{source}: malformed JWS: {exc}") from None
    header = loads_strict(header_bytes, source=f"{source} (JWS header)")
    if not isinstance(header, dict):
        raise InputError(f"{source}: JWS header is not a JSON object")
    payload = loads_strict(payload_bytes, source=f"{source} (JWS payload)")
    return DecodedJws(
        header=header,
        payload=payload,
        signing_input=f"{header_part}.{payload_part}".encode("ascii"),
        signature=signature,
        token=token,
        payload_bytes=payload_bytes,
    )


def document_in_token(token: str, *, credential_format: str) -> dict[str, Any]:
    """The credential document a stored token carries, as the importer keeps it: an OB 2.0 signed assertion's
    payload, a VC-JWT's `vc` claim, or a VC-JOSE-COSE payload without the JWT registered claims.

    The token was parsed strictly when it was imported (as a stored JSON document was): only its payload is
    decoded here, with the plain parser, as for stored JSON documents.
    """
    import json

    parts = token.strip().split(".")
    if len(parts) != 3:
        raise InputError("wallet: the stored token is not a compact JWS")
    try:
        payload = json.loads(b64url_decode(parts[1]))
    except ValueError as exc:  # bad base64url, bytes that are not UTF-8 JSON
        raise InputError(f"wallet: the stored token's payload cannot be read: {exc}") from None
    if not isinstance(payload, dict):
        return {}
    if credential_format == "ob2-jws":
        return payload
    if isinstance(payload.get("vc"), dict):
        return dict(payload["vc"])
    from credwallet.formats.vc_jwt import REGISTERED_CLAIMS

    return {key: value for key, value in payload.items() if key not in REGISTERED_CLAIMS}

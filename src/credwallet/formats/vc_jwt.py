"""VC-JWT / VC-JOSE-COSE: a decoded compact JWS -> the credential document it secures -> Credential(s).

Two styles exist. VC-JWT 1.1 puts the credential in a `vc` claim (a presentation in `vp`) and moves some
properties into JWT claims (`iss`, `sub`, `nbf`, `exp`, `jti`); VC-JOSE-COSE (`typ` `vc+ld+json+jwt`,
`vc+jwt`, ...) makes the payload the credential itself. Decoding only: `verify` decides trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from typing import Any, Protocol

from credwallet.errors import InputError
from credwallet.formats import vc_fields as fields
from credwallet.formats.schema_check import VC_V1, context_urls, types_of
from credwallet.model import Container, Credential, parse_iso_datetime

# JOSE `typ` values that announce a VC-JOSE-COSE credential or presentation.
VC_JOSE_TYPES = frozenset(
    {"vc+ld+json+jwt", "vc+jwt", "vc+ld+jwt", "vp+ld+json+jwt", "vp+jwt", "vp+ld+jwt", "vc+ld+json", "vc"}
)
# Registered JWT claims: not credential properties, so they are left out of a VC-JOSE-COSE document view.
# JWT registered claims (RFC 7519 §4.1): beside the credential in a VC-JOSE-COSE payload, not part of it.
REGISTERED_CLAIMS = ("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf", "nonce")
# Timestamps beyond year 9999 cannot be shown as ISO dates and are never legitimate.
_MAX_TIMESTAMP = 253_402_300_799


class JwsLike(Protocol):
    """What this module needs of `formats.jwt.DecodedJws` (so tests can hand in a stand-in)."""

    @property
    def header(self) -> dict[str, Any]: ...

    @property
    def payload(self) -> Any: ...

    @property
    def token(self) -> str: ...


@dataclass(slots=True)
class JwtInfo:
    """The JOSE header and JWT claims kept in `extension["jwt"]`, for display and for `verify` to compare."""

    style: str  # "vc-jwt-1.1" (vc claim), "vp-jwt-1.1" (vp claim) or "vc-jose-cose" (payload is the VC)
    alg: str | None = None
    kid: str | None = None
    typ: str | None = None
    cty: str | None = None
    header_jwk: bool = False  # a key is embedded in the header (self-asserted: verify must bind it)
    iss: str | None = None
    sub: str | None = None
    aud: list[str] | None = None
    jti: str | None = None
    nbf: int | float | None = None
    exp: int | float | None = None
    iat: int | float | None = None


_INFO_FIELDS = tuple(f.name for f in dataclass_fields(JwtInfo))


def looks_like_vc_jwt(decoded: JwsLike) -> bool:
    """True when the token secures a VC or presentation (rather than an OB 2.0 assertion)."""
    payload = decoded.payload
    if not isinstance(payload, dict):
        return False
    if isinstance(payload.get("vc"), dict) or isinstance(payload.get("vp"), dict):
        return True
    typ = str(decoded.header.get("typ", "")).lower()
    return typ in VC_JOSE_TYPES or any(
        t in ("VerifiableCredential", "VerifiablePresentation") for t in types_of(payload)
    )


def parse_vc_jwt(
    decoded: JwsLike, *, container: Container, original_bytes: bytes, source: str
) -> list[Credential]:
    """The credential(s) a VC-JWT secures; the token is kept on the credential(s) it signs."""
    from credwallet.formats import ob3

    view, info, notes = credential_view(decoded.header, decoded.payload, source=source)
    found = ob3.parse_vc(
        view,
        container=container,
        original_bytes=original_bytes,
        source=source,
        token=decoded.token,
        text=getattr(decoded, "payload_bytes", None) or None,  # the view's keys all come from this text
    )
    for credential in found:
        if credential.token == decoded.token:
            if info.style == "vc-jwt-1.1":
                # The fields above come from the view with the JWT claims merged in; the document stays the
                # vc claim exactly as signed, which is what `verify` compares with the token.
                credential.document = dict(decoded.payload["vc"])
            credential.extension["jwt"] = {name: getattr(info, name) for name in _INFO_FIELDS}
            credential.extension["notes"] = [*credential.extension.get("notes", []), *notes]
    return found


def credential_view(
    header: dict[str, Any], payload: Any, *, source: str
) -> tuple[dict[str, Any], JwtInfo, list[str]]:
    """The credential document a JWT carries, JWT claims merged in per VC-JWT 1.1 (never overriding).

    A claim fills the matching property only when the credential lacks it; when both are present and
    differ, the document keeps its value and a note records the mismatch (`verify` judges it).
    """
    if not isinstance(payload, dict):
        raise InputError(f"{source}: the JWT payload is not a JSON object")
    info = _info(header, payload)
    notes: list[str] = []
    if isinstance(payload.get("vc"), dict):
        info.style = "vc-jwt-1.1"
        view = dict(payload["vc"])
        _merge_vc_claims(view, payload, notes)
    elif isinstance(payload.get("vp"), dict):
        info.style = "vp-jwt-1.1"
        view = dict(payload["vp"])
        _fill(view, "id", fields.text(payload.get("jti")), notes)
        _fill(view, "holder", fields.text(payload.get("iss")), notes)
    elif "@context" in payload and types_of(payload):
        view = {key: value for key, value in payload.items() if key not in REGISTERED_CLAIMS}
    else:
        raise InputError(f"{source}: the JWT holds no verifiable credential (no vc claim and no @context)")
    return view, info, notes


def _info(header: dict[str, Any], payload: dict[str, Any]) -> JwtInfo:
    audience = payload.get("aud")
    return JwtInfo(
        style="vc-jose-cose",
        alg=fields.text(header.get("alg")),
        kid=fields.text(header.get("kid")),
        typ=fields.text(header.get("typ")),
        cty=fields.text(header.get("cty")),
        header_jwk="jwk" in header,
        iss=fields.text(payload.get("iss")),
        sub=fields.text(payload.get("sub")),
        aud=[a for a in (fields.text(x) for x in fields.as_list(audience)) if a]
        if audience is not None
        else None,
        jti=fields.text(payload.get("jti")),
        nbf=_timestamp(payload.get("nbf")),
        exp=_timestamp(payload.get("exp")),
        iat=_timestamp(payload.get("iat")),
    )


def _merge_vc_claims(view: dict[str, Any], payload: dict[str, Any], notes: list[str]) -> None:
    contexts = context_urls(view)
    v1 = bool(contexts) and contexts[0] == VC_V1
    _fill(view, "id", fields.text(payload.get("jti")), notes)
    issuer_claim = fields.text(payload.get("iss"))
    issuer = view.get("issuer")
    if isinstance(issuer, dict) and issuer_claim is not None:
        merged_issuer = dict(issuer)
        _fill(merged_issuer, "id", issuer_claim, notes, label="issuer.id")
        view["issuer"] = merged_issuer
    else:
        _fill(view, "issuer", issuer_claim, notes)
    subject_claim = fields.text(payload.get("sub"))
    subject = view.get("credentialSubject")
    if subject_claim is not None and isinstance(subject, dict):
        merged_subject = dict(subject)
        _fill(merged_subject, "id", subject_claim, notes, label="credentialSubject.id")
        view["credentialSubject"] = merged_subject
    for claim, v1_key, v2_key in (
        ("nbf", "issuanceDate", "validFrom"),
        ("exp", "expirationDate", "validUntil"),
    ):
        moment = _timestamp(payload.get(claim))
        if claim in payload and moment is None:
            notes.append(f"JWT claim {claim} is not a NumericDate; ignored")
        if moment is None:
            continue
        key = v1_key if v1 else v2_key
        iso = datetime.fromtimestamp(moment, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        current = view.get(key)
        if current is None:
            view[key] = iso
        elif not _same_instant(current, moment):
            notes.append(f"JWT claim {claim} ({iso}) differs from {key} ({str(current)[:40]})")


def _fill(
    view: dict[str, Any], key: str, value: str | None, notes: list[str], *, label: str | None = None
) -> None:
    if value is None:
        return
    current = view.get(key)
    if current is None:
        view[key] = value
    elif current != value:
        notes.append(
            f"JWT claim for {label or key} ({value[:80]}) differs from the credential ({str(current)[:80]})"
        )


def _timestamp(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if 0 <= value <= _MAX_TIMESTAMP else None


def _same_instant(text_value: Any, moment: int | float) -> bool:
    if not isinstance(text_value, str):
        return False
    try:
        return abs(parse_iso_datetime(text_value).timestamp() - moment) < 1
    except ValueError:
        return False

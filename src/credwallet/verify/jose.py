"""Compact JWS proofs: OB 3.0 / VC-JWT (a `vc` claim or the credential as payload), OB 2.0 signed assertions.

The algorithm comes from the key, never from the header alone; `none`, HMAC, unknown `crit` and a header
`jwk` the issuer does not own are refused; the registered claims must agree with the credential (OB 3.0 §8.2).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from credwallet.limits import MAX_JSON_BYTES
from credwallet.model import parse_iso_datetime
from credwallet.verify.keys import (
    NOT_FOUND,
    Documents,
    KeyMaterialError,
    PublicKey,
    authorized_keys,
    b64url_decode,
    from_jwk,
    is_offline,
    issuer_authorizes,
    parse_did_key,
    resolve_method,
    unavailable,
    verify_binding,
)
from credwallet.verify.report import Check, errored, failed, passed, skipped

SIGNING_ALGORITHMS = frozenset({"EdDSA", "Ed25519", "ES256", "ES384", "RS256", "PS256"})


class TokenError(ValueError):
    """A token that is not a usable compact JWS (malformed, forbidden algorithm, unknown crit)."""


@dataclass(slots=True)
class Token:
    """A compact JWS split and decoded, but not yet trusted."""

    header: dict[str, Any]
    payload: dict[str, Any]
    text: str


def decode_unverified(text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and payload of a compact JWS, decoded but NOT verified (to recognize what a token holds).

    Cached: one verification reads the same token several times. The dicts are shared; never mutate them.
    """
    return _decode(text.strip())


@lru_cache(maxsize=64)
def _decode(text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if len(text) > MAX_JSON_BYTES * 2:
        raise TokenError(f"token is {len(text)} characters; the limit is {MAX_JSON_BYTES * 2}")
    parts = text.split(".")
    if len(parts) != 3 or not all(parts[:2]):
        raise TokenError("not a compact JWS (expected three base64url parts separated by dots)")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError) as error:
        raise TokenError("the token's header or payload is not base64url JSON") from error
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise TokenError("the token's header and payload must be JSON objects")
    return header, payload


def parse_token(text: str) -> Token:
    """Decode a compact JWS without trusting it; TokenError for anything credwallet must refuse outright."""
    header, payload = decode_unverified(text)
    text = text.strip()
    alg = header.get("alg")
    if alg in (None, "none", "None", "NONE"):
        raise TokenError("alg 'none' (an unsigned token) is never accepted")
    if isinstance(alg, str) and alg.upper().startswith("HS"):
        raise TokenError(f"alg {alg!r} is an HMAC (shared-secret) algorithm, never accepted for credentials")
    if not isinstance(alg, str) or alg not in SIGNING_ALGORITHMS:
        raise TokenError(f"unsupported algorithm {alg!r}")
    if "crit" in header:
        raise TokenError(f"unknown critical header parameter(s) {header['crit']!r}")
    if header.get("b64") is False:
        raise TokenError("unencoded payloads (b64: false) are not accepted")
    return Token(header, payload, text)


@lru_cache(maxsize=256)
def _joserfc_key(key: PublicKey) -> Any:
    from joserfc.jwk import ECKey, OKPKey, RSAKey

    jwk: Any = key.jwk
    if key.kind == "Ed25519":
        return OKPKey.import_key(jwk)
    if key.kind == "RSA":
        return RSAKey.import_key(jwk)
    return ECKey.import_key(jwk)


@lru_cache(maxsize=1)
def _registry() -> Any:
    from joserfc.jws import JWSRegistry

    registry = JWSRegistry(algorithms=sorted(SIGNING_ALGORITHMS), strict_check_header=False)
    registry.max_header_length = 8192  # an RSA jwk in the header is larger than joserfc's 512-byte default
    registry.max_payload_length = MAX_JSON_BYTES * 2
    return registry


# What joserfc accepts for the parts of a compact JWS: base64url characters only, and a header this long at most.
_BASE64URL_PART = re.compile(r"[A-Za-z0-9_-]*")
_MAX_HEADER_PART = 8192


@lru_cache(maxsize=256)
def _ed25519_public_key(key: PublicKey) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(key.raw_ed25519())


def _plain_compact(text: str) -> bool:
    """Parts of base64url characters only and a header of joserfc's size at most: what its parser accepts."""
    parts = text.split(".")
    return len(parts[0]) <= _MAX_HEADER_PART and all(_BASE64URL_PART.fullmatch(part) for part in parts)


def _ed25519_signature_valid(token: Token, alg: str, key: PublicKey) -> str | None:
    """EdDSA checked directly with `cryptography`, as joserfc checks it, for a plain token `parse_token`
    accepted (its alg allowed, no crit, no b64: false)."""
    from cryptography.exceptions import InvalidSignature

    signing_input, _, signature_part = token.text.rpartition(".")
    try:
        _ed25519_public_key(key).verify(b64url_decode(signature_part), signing_input.encode("ascii"))
    except InvalidSignature:
        return f"{alg} signature does not match (tampered, or signed by another key)"
    except ValueError as error:  # a key or signature of the wrong length
        return f"{alg} signature rejected: {error}"
    return None


def signature_valid(token: Token, key: PublicKey) -> str | None:
    """None when `key` verifies the token; otherwise why not. The header's alg must be one the key allows."""
    alg = str(token.header["alg"])
    if alg not in key.algorithms:
        return f"the header says {alg} but the key is {key.kind} (allowed: {', '.join(sorted(key.algorithms))})"
    if key.kind == "Ed25519" and _plain_compact(token.text):  # the common case, at a third of joserfc's cost
        return _ed25519_signature_valid(token, alg, key)
    from joserfc import jws
    from joserfc.errors import BadSignatureError, JoseError, SecurityWarning

    try:
        with warnings.catch_warnings():
            # RFC 9864 prefers the fully-specified "Ed25519"; "EdDSA" is still what issuers send.
            warnings.simplefilter("ignore", SecurityWarning)
            jws.deserialize_compact(token.text, _joserfc_key(key), algorithms=[alg], registry=_registry())
    except BadSignatureError:
        return f"{alg} signature does not match (tampered, or signed by another key)"
    except (JoseError, ValueError) as error:
        return f"{alg} signature rejected: {error}"
    return None


def _issuer_id(vc: Mapping[str, Any]) -> str | None:
    issuer = vc.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _epoch(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        return int(parse_iso_datetime(value).timestamp())
    except ValueError:
        return None


def claim_mismatches(payload: Mapping[str, Any], vc: Mapping[str, Any]) -> list[str]:
    """OB 3.0 §8.2: the JWT's registered claims must say what the credential says."""
    problems = []
    issuer = _issuer_id(vc)
    if "vc" in payload and "iss" not in payload:
        problems.append("the token has no iss claim")
    if "iss" in payload and payload["iss"] != issuer:
        problems.append(f"iss {payload['iss']!r} is not the credential's issuer {issuer!r}")
    subject = vc.get("credentialSubject")
    subject_id = subject.get("id") if isinstance(subject, Mapping) else None
    if "sub" in payload and subject_id is not None and payload["sub"] != subject_id:
        problems.append(f"sub {payload['sub']!r} is not the credential subject {subject_id!r}")
    if "jti" in payload and vc.get("id") is not None and payload["jti"] != vc.get("id"):
        problems.append(f"jti {payload['jti']!r} is not the credential id {vc.get('id')!r}")
    for claim, fields in (("nbf", ("validFrom", "issuanceDate")), ("exp", ("validUntil", "expirationDate"))):
        if claim not in payload:
            continue
        if not isinstance(payload[claim], (int, float)) or isinstance(payload[claim], bool):
            problems.append(f"{claim} is not a number")
            continue
        stated = next((vc[f] for f in fields if f in vc), None)
        if stated is not None and _epoch(stated) != int(payload[claim]):
            moment = datetime.fromtimestamp(int(payload[claim]), UTC).isoformat()
            problems.append(f"{claim} {moment} differs from the credential's {stated}")
    return problems


def _jwk_binding(issuer_id: str | None, key: PublicKey, documents: Documents | None) -> Check:
    """A key carried in the token's own header is only trusted when it is provably the issuer's."""
    if not issuer_id:
        return failed("key", "the credential names no issuer id, so the header jwk cannot be bound to it")
    if issuer_id.startswith("did:key:"):
        try:
            same = parse_did_key(issuer_id).thumbprint == key.thumbprint
        except KeyMaterialError as error:
            return failed("key", f"issuer {issuer_id}: {error}")
        if same:
            return passed("key", f"the header jwk is the issuer's own did:key {issuer_id}")
        return failed("key", f"key not controlled by issuer: the header jwk is not {issuer_id}")
    if issuer_id.startswith("did:jwk:"):
        try:
            same = from_jwk(json.loads(b64url_decode(issuer_id[8:].partition("#")[0]))).thumbprint == key.thumbprint
        except (KeyMaterialError, ValueError) as error:
            return failed("key", f"issuer {issuer_id} is not a valid did:jwk ({error})")
        return (
            passed("key", "the header jwk is the issuer's did:jwk")
            if same
            else failed("key", "key not controlled by issuer: the header jwk is not the issuer's did:jwk")
        )
    authorized = issuer_authorizes(issuer_id, None, key, documents)
    if authorized:
        return passed("key", "the issuer's document lists the header jwk under assertionMethod")
    if authorized is False:
        return failed("key", "key not controlled by issuer: the issuer's document does not list the header jwk")
    if issuer_id.startswith(("did:web:", "https://", "http://")):
        why = "run with --online" if is_offline(documents) else f"the issuer's document {NOT_FOUND}"
        return skipped(
            "key",
            f"the token carries its own key (jwk header); binding it to {issuer_id} needs the issuer's "
            f"published keys; {why}",
        )
    return failed("key", f"key not controlled by issuer: nothing binds the header jwk to {issuer_id}")


def _find_key(token: Token, issuer_id: str | None, documents: Documents | None) -> tuple[PublicKey | None, Check]:
    """The key to check the token with and the `key` check that says whose it is."""
    header = token.header
    header_key = from_jwk(header["jwk"]) if "jwk" in header else None
    kid = header.get("kid")
    if isinstance(kid, str) and kid:
        method_id = kid
        if ":" not in kid.partition("#")[0] and issuer_id:
            method_id = f"{issuer_id}#{kid.lstrip('#')}"  # a relative kid names a key of the issuer
        resolved = resolve_method(method_id, documents)
        if resolved.key is not None and resolved.problem is None:
            if header_key is not None and header_key.thumbprint != resolved.key.thumbprint:
                return None, failed("key", f"the header jwk is not the key {method_id} names")
            return resolved.key, verify_binding(issuer_id, resolved, documents)
        if header_key is None:
            binding = verify_binding(issuer_id, resolved, documents)
            if binding.status.value == "failed":
                return None, binding
            return None, skipped("key", resolved.problem or resolved.online or f"cannot resolve kid {kid!r}")
    if header_key is not None:
        return header_key, _jwk_binding(issuer_id, header_key, documents)
    if issuer_id and issuer_id.startswith("did:key:"):
        resolved = resolve_method(issuer_id, documents)
        return resolved.key, verify_binding(issuer_id, resolved, documents)
    issuer_document = documents.get(issuer_id) if documents and issuer_id else None
    if isinstance(issuer_document, Mapping):
        alg = str(header["alg"])
        for method_id, key in authorized_keys(issuer_document, "assertionMethod"):
            if alg in key.algorithms and signature_valid(token, key) is None:
                return key, passed("key", f"{method_id} is listed under assertionMethod by the issuer")
        return None, failed("key", "no key the issuer lists under assertionMethod verifies the token")
    missing = unavailable(f"the document with the keys of {issuer_id}", documents)
    return None, skipped("key", f"the token names no key (kid or jwk) and {missing}")


def verify_vc_jwt(
    token_text: str, document: Mapping[str, Any] | None, *, documents: Documents | None
) -> tuple[Check, Check]:
    """The `proof` and `key` checks of a VC-JWT / VC-JOSE credential."""
    try:
        token = parse_token(token_text)
    except TokenError as error:
        return failed("proof", str(error)), skipped("key", "no key checked: the token was refused", None)
    try:
        vc = token.payload.get("vc", token.payload)
        if not isinstance(vc, Mapping):
            return failed("proof", "the vc claim is not a credential object"), skipped("key", "not checked", None)
        issuer_id = _issuer_id(vc)
        try:
            key, key_check = _find_key(token, issuer_id, documents)
        except KeyMaterialError as error:
            return failed("proof", f"unusable key in the token header: {error}"), failed("key", str(error))
        if key is None:
            if key_check.status.value == "failed":
                return skipped("proof", "signature not checked: " + key_check.detail, None), key_check
            return skipped("proof", "signature not checked: " + key_check.detail), key_check
        problem = signature_valid(token, key)
        if problem:
            return failed("proof", problem), key_check
        mismatches = claim_mismatches(token.payload, vc)
        if document and dict(document) not in (dict(vc), token.payload, _without_registered_claims(token.payload)):
            mismatches.append("the stored credential differs from the one inside the signed token")
        if mismatches:
            return failed("proof", "signature valid but " + "; ".join(mismatches)), key_check
        return passed("proof", f"{token.header['alg']} signature valid (key {key.label})"), key_check
    except Exception as error:  # a library broke: one line, never a traceback
        return errored("proof", error), skipped("key", "not checked", None)


def _without_registered_claims(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A VC-JOSE-COSE payload as the credential it secures (what the importer stores as the document)."""
    from credwallet.formats.vc_jwt import REGISTERED_CLAIMS

    return {key: value for key, value in payload.items() if key not in REGISTERED_CLAIMS}

"""Issuing side of the proofs credwallet verifies: for tests, benchmarks and the sample-data script.

Not used to verify anything. Signs with eddsa-rdfc-2022 / eddsa-jcs-2022 (Data Integrity), VC-JWT and
OB 2.0 signed assertions, exactly as `credwallet.verify` checks them.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from typing import Any

from credwallet.verify.canon import canonicalize
from credwallet.verify.keys import b64url, did_key_of, from_ed25519, from_pem
from credwallet.verify.multibase import MultibaseError, multibase_decode, multibase_encode_b58

_ED25519_PRIVATE = b"\x80\x26"  # multicodec ed25519-priv, as in W3C test vectors' privateKeyMultibase


def new_ed25519_key() -> Any:
    """A fresh Ed25519 private key (cryptography object)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def ed25519_key_from_seed(seed: bytes) -> Any:
    """A deterministic Ed25519 key from 32 seed bytes (reproducible sample data)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed).digest() if len(seed) != 32 else seed)


def ed25519_key_from_multibase(private_key_multibase: str) -> Any:
    """The private key of a W3C test vector (`privateKeyMultibase`, multicodec ed25519-priv)."""
    raw = multibase_decode(private_key_multibase)
    if not raw.startswith(_ED25519_PRIVATE) or len(raw) != 34:
        raise MultibaseError("not a multibase Ed25519 private key")
    return ed25519_key_from_seed(raw[2:])


def public_bytes(private_key: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw: bytes = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return raw


def did_key(public_key: Any) -> str:
    """The did:key of an Ed25519 public key (raw 32 bytes or a cryptography public/private key)."""
    if isinstance(public_key, bytes):
        return did_key_of(from_ed25519(public_key))
    if hasattr(public_key, "public_key"):
        public_key = public_key.public_key()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if isinstance(public_key, Ed25519PublicKey):
        return did_key_of(from_ed25519(public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)))
    pem = public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    return did_key_of(from_pem(pem))


def did_key_method(private_key: Any) -> str:
    """The verification method id of a did:key: `did:key:z...#z...`."""
    did = did_key(private_key)
    return f"{did}#{did[len('did:key:') :]}"


def sign_data_integrity(
    credential: Mapping[str, Any],
    private_key: Any,
    *,
    verification_method: str | None = None,
    cryptosuite: str = "eddsa-rdfc-2022",
    created: str = "2024-01-01T00:00:00Z",
    proof_purpose: str = "assertionMethod",
    proof_options: Mapping[str, Any] | None = None,
    documents: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A copy of `credential` with a DataIntegrityProof added (appended when it already has proofs);
    `documents` holds contexts that are not bundled, by URL."""
    unsecured = {k: v for k, v in credential.items() if k != "proof"}
    proof: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": created,
        "verificationMethod": verification_method or did_key_method(private_key),
        "proofPurpose": proof_purpose,
        **dict(proof_options or {}),
    }
    config = dict(proof)
    if "@context" in unsecured:
        config["@context"] = unsecured["@context"]
    if cryptosuite == "eddsa-jcs-2022":
        import rfc8785

        document_bytes, config_bytes = rfc8785.dumps(unsecured), rfc8785.dumps(config)
    else:
        document_bytes = canonicalize(unsecured, documents).encode("utf-8")
        config_bytes = canonicalize(config, documents).encode("utf-8")
    data = hashlib.sha256(config_bytes).digest() + hashlib.sha256(document_bytes).digest()
    proof["proofValue"] = multibase_encode_b58(private_key.sign(data))
    secured = dict(credential)
    existing = credential.get("proof")
    if existing is None:
        secured["proof"] = proof
    else:
        secured["proof"] = [*(existing if isinstance(existing, list) else [existing]), proof]
    return secured


def _jwk_private(private_key: Any) -> Any:
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from joserfc.jwk import ECKey, OKPKey, RSAKey

    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        return OKPKey.import_key(private_key), "EdDSA"
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        alg = {"secp256r1": "ES256", "secp384r1": "ES384"}[private_key.curve.name]
        return ECKey.import_key(private_key), alg
    if isinstance(private_key, rsa.RSAPrivateKey):
        return RSAKey.import_key(private_key), "RS256"
    raise TypeError("unsupported private key type")


def public_jwk(private_key: Any) -> dict[str, Any]:
    key, _ = _jwk_private(private_key)
    members: dict[str, Any] = key.as_dict(private=False)
    return {k: v for k, v in members.items() if k in ("kty", "crv", "x", "y", "n", "e")}


def sign_jws(payload: Mapping[str, Any], private_key: Any, *, header: Mapping[str, Any] | None = None) -> str:
    """A compact JWS over `payload` (JSON), the algorithm chosen from the key (EdDSA, ES256/384, RS256)."""
    import warnings

    from joserfc import jws
    from joserfc.errors import SecurityWarning

    key, alg = _jwk_private(private_key)
    protected = {"alg": alg, **dict(header or {})}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SecurityWarning)  # "EdDSA" is what verifiers in the field expect
        return str(jws.serialize_compact(protected, body, key, algorithms=[protected["alg"]]))


def sign_vc_jwt(
    credential: Mapping[str, Any],
    private_key: Any,
    *,
    kid: str | None = None,
    embed_jwk: bool = False,
    vc_claim: bool = True,
) -> str:
    """A VC-JWT: the `vc` claim with iss/sub/nbf/exp/jti (VC-JWT 1.1, OB 3.0 §8.2), or the bare credential."""
    from credwallet.model import parse_iso_datetime

    header: dict[str, Any] = {"typ": "JWT" if vc_claim else "vc+jwt"}
    if kid:
        header["kid"] = kid
    if embed_jwk:
        header["jwk"] = public_jwk(private_key)
    if not vc_claim:
        return sign_jws(credential, private_key, header=header)
    issuer = credential.get("issuer")
    claims: dict[str, Any] = {
        "vc": dict(credential),
        "iss": issuer.get("id") if isinstance(issuer, Mapping) else issuer,
    }
    subject = credential.get("credentialSubject")
    if isinstance(subject, Mapping) and "id" in subject:
        claims["sub"] = subject["id"]
    if "id" in credential:
        claims["jti"] = credential["id"]
    start = credential.get("validFrom") or credential.get("issuanceDate")
    claims["nbf"] = int(parse_iso_datetime(start).timestamp()) if start else int(time.time())
    end = credential.get("validUntil") or credential.get("expirationDate")
    if end:
        claims["exp"] = int(parse_iso_datetime(end).timestamp())
    return sign_jws(claims, private_key, header=header)


def sign_ob2_assertion(assertion: Mapping[str, Any], rsa_private_key: Any) -> str:
    """An Open Badges 2.0 signed assertion (compact JWS, RS256)."""
    return sign_jws(assertion, rsa_private_key, header={"typ": "JWT"})


def jwk_thumbprint(private_key: Any) -> str:
    """RFC 7638 thumbprint of the public half (handy as a stable kid)."""
    members = public_jwk(private_key)
    canonical = json.dumps(members, sort_keys=True, separators=(",", ":"))
    return b64url(hashlib.sha256(canonical.encode("utf-8")).digest())

"""Public keys in one normal form, whatever encoding they arrive in: Multikey, did:key, JWK, PEM, base58.

Used by the key-resolution module (`keys`) and the signing helpers; no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from credwallet.verify.multibase import MultibaseError, b58decode, decode_multikey, encode_multikey

_CURVES = {"P-256": ("secp256r1", 32, "ES256"), "P-384": ("secp384r1", 48, "ES384")}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class KeyMaterialError(ValueError):
    """Key material that cannot be used (malformed, unsupported type)."""


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A public key in one normal form: its kind and its public JWK (the JOSE libraries' input)."""

    kind: str  # Ed25519 | P-256 | P-384 | RSA
    jwk_json: str  # canonical JSON of the public JWK members (sorted), hashable

    @property
    def jwk(self) -> dict[str, str]:
        value: dict[str, str] = json.loads(self.jwk_json)
        return value

    @property
    def thumbprint(self) -> str:
        """RFC 7638 thumbprint: how two keys from different sources are compared."""
        return b64url(hashlib.sha256(self.jwk_json.encode("utf-8")).digest())

    @property
    def algorithms(self) -> frozenset[str]:
        """The JOSE algorithms this key may verify: taken from the key, never from a token's header."""
        if self.kind == "Ed25519":
            return frozenset({"EdDSA", "Ed25519"})
        if self.kind in _CURVES:
            return frozenset({_CURVES[self.kind][2]})
        return frozenset({"RS256", "PS256"})

    @property
    def label(self) -> str:
        """A short human name: the did:key multibase for Ed25519/EC keys, the thumbprint otherwise."""
        return _label(self)

    def raw_ed25519(self) -> bytes:
        return b64url_decode(self.jwk["x"])


@lru_cache(maxsize=512)
def _label(key: PublicKey) -> str:
    try:
        text = did_key_of(key)[len("did:key:") :] if key.kind != "RSA" else key.thumbprint
    except KeyMaterialError:
        text = key.thumbprint
    return f"{key.kind} {text[:12]}…"


def _from_members(kind: str, members: dict[str, str]) -> PublicKey:
    return PublicKey(kind, json.dumps(members, sort_keys=True, separators=(",", ":")))


def from_ed25519(raw: bytes) -> PublicKey:
    if len(raw) != 32:
        raise KeyMaterialError(f"Ed25519 public key must be 32 bytes, got {len(raw)}")
    return _from_members("Ed25519", {"crv": "Ed25519", "kty": "OKP", "x": b64url(raw)})


def from_ec_point(kind: str, point: bytes) -> PublicKey:
    from cryptography.hazmat.primitives.asymmetric import ec

    curve = ec.SECP256R1() if kind == "P-256" else ec.SECP384R1()
    try:
        numbers = ec.EllipticCurvePublicKey.from_encoded_point(curve, point).public_numbers()
    except ValueError as error:
        raise KeyMaterialError(f"invalid {kind} point") from error
    size = _CURVES[kind][1]
    return _from_members(
        kind,
        {
            "crv": kind,
            "kty": "EC",
            "x": b64url(numbers.x.to_bytes(size, "big")),
            "y": b64url(numbers.y.to_bytes(size, "big")),
        },
    )


def from_multikey(text: str) -> PublicKey:
    try:
        kind, raw = decode_multikey(text)
    except MultibaseError as error:
        raise KeyMaterialError(str(error)) from error
    return from_ed25519(raw) if kind == "Ed25519" else from_ec_point(kind, raw)


def from_jwk(jwk: Any) -> PublicKey:
    """A public JWK (private members are ignored) into a PublicKey; KeyMaterialError if unusable."""
    if not isinstance(jwk, dict):
        raise KeyMaterialError("JWK must be an object")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    try:
        if kty == "OKP" and crv == "Ed25519":
            return from_ed25519(b64url_decode(str(jwk["x"])))
        if kty == "EC" and crv in _CURVES:
            size = _CURVES[crv][1]
            x, y = b64url_decode(str(jwk["x"])), b64url_decode(str(jwk["y"]))
            if len(x) != size or len(y) != size:
                raise KeyMaterialError(f"{crv} coordinates must be {size} bytes")
            return from_ec_point(crv, b"\x04" + x + y)
        if kty == "RSA":
            n, e = b64url_decode(str(jwk["n"])), b64url_decode(str(jwk["e"]))
            if len(n) < 256:
                raise KeyMaterialError(f"RSA key of {len(n) * 8} bits is too small (2048 at least)")
            return _from_members(
                "RSA", {"e": b64url(e.lstrip(b"\0")), "kty": "RSA", "n": b64url(n.lstrip(b"\0"))}
            )
    except (KeyError, ValueError, TypeError) as error:
        if isinstance(error, KeyMaterialError):
            raise
        raise KeyMaterialError(f"malformed {kty} JWK") from error
    if kty == "oct":
        raise KeyMaterialError("symmetric (oct) keys are never accepted for credentials")
    raise KeyMaterialError(f"unsupported JWK type {kty!r}/{crv!r}")


def from_pem(pem: str) -> PublicKey:
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

    try:
        key = load_pem_public_key(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as error:
        raise KeyMaterialError("publicKeyPem is not a PEM public key") from error
    if isinstance(key, rsa.RSAPublicKey):
        numbers = key.public_numbers()
        n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
        e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        return from_jwk({"kty": "RSA", "n": b64url(n), "e": b64url(e)})
    if isinstance(key, ed25519.Ed25519PublicKey):
        return from_ed25519(key.public_bytes(Encoding.Raw, PublicFormat.Raw))
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in ("secp256r1", "secp384r1"):
        kind = "P-256" if key.curve.name == "secp256r1" else "P-384"
        return from_ec_point(kind, key.public_bytes(Encoding.X962, PublicFormat.CompressedPoint))
    raise KeyMaterialError("unsupported PEM key type")


def did_key_of(key: PublicKey) -> str:
    """The did:key identifier of an Ed25519 or P-256/P-384 key."""
    if key.kind == "Ed25519":
        return "did:key:" + encode_multikey("Ed25519", key.raw_ed25519())
    if key.kind in _CURVES:
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        jwk = key.jwk
        size = _CURVES[key.kind][1]
        x = int.from_bytes(b64url_decode(jwk["x"]), "big")
        y = int.from_bytes(b64url_decode(jwk["y"]), "big")
        curve = ec.SECP256R1() if key.kind == "P-256" else ec.SECP384R1()
        point = (
            ec.EllipticCurvePublicNumbers(x, y, curve)
            .public_key()
            .public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
        )
        assert len(point) == size + 1
        return "did:key:" + encode_multikey(key.kind, point)
    raise KeyMaterialError("did:key is only defined here for Ed25519, P-256 and P-384 keys")


@lru_cache(maxsize=512)
def parse_did_key(did_url: str) -> PublicKey:
    """The key inside `did:key:z...` (a `#fragment`, when present, must repeat the identifier)."""
    did, _, fragment = did_url.partition("#")
    identifier = did[len("did:key:") :]
    if not identifier.startswith("z"):
        raise KeyMaterialError(f"{did} is not a base58btc did:key")
    if fragment and fragment != identifier:
        raise KeyMaterialError(f"{did_url}: the fragment does not name the did:key's own key")
    return from_multikey(identifier)


def key_from_method(method: Mapping[str, Any]) -> PublicKey:
    """Key material of a verification method / CryptographicKey document, whatever its encoding."""
    if isinstance(method.get("publicKeyMultibase"), str):
        text = method["publicKeyMultibase"]
        if method.get("type") == "Ed25519VerificationKey2018":
            return from_ed25519(b58decode(text[1:] if text.startswith("z") else text))
        return from_multikey(text)
    if "publicKeyJwk" in method:
        return from_jwk(method["publicKeyJwk"])
    if isinstance(method.get("publicKeyBase58"), str):
        return from_ed25519(b58decode(method["publicKeyBase58"]))
    if isinstance(method.get("publicKeyPem"), str):
        return from_pem(method["publicKeyPem"])
    raise KeyMaterialError("verification method has no supported key material")

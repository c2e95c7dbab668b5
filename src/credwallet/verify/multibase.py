"""Base58btc, multibase and multicodec: the encodings of did:key identifiers, Multikeys and proof values.

Small enough to own (about 20 lines of base58) rather than add a dependency; tested against published vectors.
"""

from __future__ import annotations

import base64

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: index for index, char in enumerate(BASE58_ALPHABET)}
# A proof value or key is at most a few hundred bytes; refuse absurd input before the quadratic-ish decode.
MAX_BASE58_CHARS = 4096

# Multicodec prefixes (unsigned varints) of the public keys credwallet understands.
ED25519_PUB = b"\xed\x01"
P256_PUB = b"\x80\x24"
P384_PUB = b"\x81\x24"


class MultibaseError(ValueError):
    """Text that is not valid base58btc / multibase / multicodec key material."""


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def b58decode(text: str) -> bytes:
    if len(text) > MAX_BASE58_CHARS:
        raise MultibaseError(f"base58 text too long ({len(text)} characters)")
    number = 0
    for char in text:
        index = _BASE58_INDEX.get(char)
        if index is None:
            raise MultibaseError(f"{char!r} is not a base58btc character")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_ones = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_ones + body


def multibase_decode(text: str) -> bytes:
    """Decode multibase `z` (base58btc) or `u` (base64url, no padding): the two Data Integrity uses."""
    if not text:
        raise MultibaseError("empty multibase value")
    prefix, body = text[0], text[1:]
    if prefix == "z":
        return b58decode(body)
    if prefix == "u":
        try:
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except ValueError as error:
            raise MultibaseError("invalid base64url multibase value") from error
    raise MultibaseError(f"unsupported multibase prefix {prefix!r} (expected 'z' or 'u')")


def multibase_encode_b58(data: bytes) -> str:
    return "z" + b58encode(data)


def decode_multikey(text: str) -> tuple[str, bytes]:
    """A multibase public key into (kind, raw key bytes): kind is 'Ed25519', 'P-256' or 'P-384'."""
    raw = multibase_decode(text)
    if raw.startswith(ED25519_PUB):
        key = raw[len(ED25519_PUB) :]
        if len(key) != 32:
            raise MultibaseError(f"Ed25519 public key must be 32 bytes, got {len(key)}")
        return "Ed25519", key
    if raw.startswith(P256_PUB):
        key = raw[len(P256_PUB) :]
        if len(key) != 33 or key[0] not in (2, 3):
            raise MultibaseError("P-256 public key must be a 33-byte compressed point")
        return "P-256", key
    if raw.startswith(P384_PUB):
        key = raw[len(P384_PUB) :]
        if len(key) != 49 or key[0] not in (2, 3):
            raise MultibaseError("P-384 public key must be a 49-byte compressed point")
        return "P-384", key
    raise MultibaseError("unsupported multicodec key type (expected Ed25519, P-256 or P-384)")


def encode_multikey(kind: str, key: bytes) -> str:
    """The multibase (base58btc) Multikey text of a raw public key, as did:key uses it."""
    prefixes = {"Ed25519": ED25519_PUB, "P-256": P256_PUB, "P-384": P384_PUB}
    return multibase_encode_b58(prefixes[kind] + key)

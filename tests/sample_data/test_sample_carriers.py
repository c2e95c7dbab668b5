"""Each carrier is well formed: PNG chunks and CRCs, one openbadges chunk, SVG layout, JWS, JSON."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

import pytest

from tests.sample_data.sample_support import (
    OPENBADGES_NS,
    SAMPLE_DIR,
    assertion_of,
    jws_parts,
    openbadges_chunks,
    png_chunks,
    strict_json,
    svg_assertion,
)

PNG_FILES = sorted(p.relative_to(SAMPLE_DIR).as_posix() for p in SAMPLE_DIR.glob("ob2/*.png"))
SVG_FILES = sorted(p.relative_to(SAMPLE_DIR).as_posix() for p in SAMPLE_DIR.glob("ob2/*.svg"))
JWS_FILES = sorted(p.relative_to(SAMPLE_DIR).as_posix() for p in SAMPLE_DIR.glob("ob2/*.jws"))
JSON_FILES = sorted(
    p.relative_to(SAMPLE_DIR).as_posix()
    for p in SAMPLE_DIR.rglob("*.json")
    if "broken" not in p.parts and "ob3" not in p.parts
)


def test_carrier_counts() -> None:
    assert (len(PNG_FILES), len(SVG_FILES), len(JWS_FILES)) == (3, 2, 2)


def _check_png_structure(raw: bytes) -> list[Any]:
    chunks = png_chunks(raw)
    assert all(chunk.crc_ok for chunk in chunks), [c.type for c in chunks if not c.crc_ok]
    assert chunks[0].type == b"IHDR" and chunks[-1].type == b"IEND" and chunks[-1].data == b""
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[0].data[:10])
    assert (width, height, depth, colour_type) == (128, 128, 8, 6)
    pixels = zlib.decompress(b"".join(c.data for c in chunks if c.type == b"IDAT"))
    assert len(pixels) == height * (1 + width * 4)
    return chunks


@pytest.mark.parametrize("path", PNG_FILES)
def test_baked_png_has_valid_crcs_and_exactly_one_openbadges_chunk(path: str) -> None:
    chunks = _check_png_structure((SAMPLE_DIR / path).read_bytes())
    baked = openbadges_chunks(chunks)
    assert len(baked) == 1
    assert chunks[-2].type == b"iTXt", "the badge chunk sits just before IEND"
    compressed, text = baked[0]
    assert compressed == path.endswith("aws-cloud-fundamentals.png")
    assert strict_json(text.encode("utf-8"))["type"] == "Assertion"


def test_not_a_badge_png_is_a_valid_png_without_badge_data() -> None:
    chunks = _check_png_structure((SAMPLE_DIR / "broken" / "not-a-badge.png").read_bytes())
    assert openbadges_chunks(chunks) == []


def test_truncated_assertion_does_not_parse() -> None:
    raw = (SAMPLE_DIR / "broken" / "truncated-assertion.json").read_bytes()
    assert raw.startswith(b"{") and b'"type": "Assertion"' in raw
    with pytest.raises(json.JSONDecodeError):
        strict_json(raw)


@pytest.mark.parametrize("path", SVG_FILES)
def test_baked_svg_carries_the_assertion_as_first_child(path: str) -> None:
    raw = (SAMPLE_DIR / path).read_bytes()
    verify, text, tag = svg_assertion(raw)
    assert tag == f"{{{OPENBADGES_NS}}}assertion"
    assert raw.count(b"<openbadges:assertion") == 1
    document = strict_json(text.encode("utf-8"))
    assert verify == document["id"]


def _published(url: str) -> dict[str, Any]:
    assert url.startswith("https://")
    document: dict[str, Any] = strict_json(
        (SAMPLE_DIR / "issuer-documents" / url[len("https://") :]).read_bytes()
    )
    return document


def _verify_rs256(public_pem: str, signing_input: bytes, signature: bytes) -> None:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    assert isinstance(key, rsa.RSAPublicKey)
    key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())


@pytest.mark.parametrize("path", JWS_FILES)
def test_jws_signature_verifies_with_the_published_key(path: str) -> None:
    header, payload, signing_input, signature = jws_parts((SAMPLE_DIR / path).read_text("ascii"))
    assert header == {"alg": "RS256", "typ": "JWT"}
    creator = payload["verification"]["creator"]
    assert payload["verification"]["type"] == "SignedBadge"
    key_document = _published(creator)
    issuer_document = _published(payload["badge"]["issuer"]["id"])
    assert key_document["type"] == "CryptographicKey" and key_document["id"] == creator
    assert key_document["owner"] == issuer_document["id"] == payload["badge"]["issuer"]["id"]
    assert issuer_document["publicKey"] == creator
    _verify_rs256(key_document["publicKeyPem"], signing_input, signature)


@pytest.mark.parametrize("path", JWS_FILES)
def test_jws_tampered_payload_fails(path: str) -> None:
    from cryptography.exceptions import InvalidSignature

    _header, payload, signing_input, signature = jws_parts((SAMPLE_DIR / path).read_text("ascii"))
    key_document = _published(payload["verification"]["creator"])
    with pytest.raises(InvalidSignature):
        _verify_rs256(key_document["publicKeyPem"], signing_input.replace(b".", b".e", 1), signature)


def test_keys_of_the_two_signing_issuers_differ() -> None:
    pems = {
        _published(jws_parts((SAMPLE_DIR / p).read_text())[1]["verification"]["creator"])["publicKeyPem"]
        for p in JWS_FILES
    }
    assert len(pems) == 2


@pytest.mark.parametrize("path", JSON_FILES)
def test_every_json_file_parses(path: str) -> None:
    document = strict_json((SAMPLE_DIR / path).read_bytes())
    assert document["@context"] == "https://w3id.org/openbadges/v2"


def test_only_ob2_files_are_assertions() -> None:
    """issuer-documents/ must not look like credentials to a content sniffer keyed on `type`."""
    for path in JSON_FILES:
        is_assertion = strict_json((SAMPLE_DIR / path).read_bytes())["type"] == "Assertion"
        assert is_assertion == path.startswith("ob2/"), path


@pytest.mark.parametrize("path", PNG_FILES + SVG_FILES + JWS_FILES)
def test_baked_and_signed_carriers_hold_a_full_assertion(path: str) -> None:
    document = assertion_of(path, (SAMPLE_DIR / path).read_bytes())
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["type"] == "Assertion"
    assert isinstance(document["badge"], dict) and document["badge"]["issuer"]["name"]

"""Open Badges 2.0 assertions: embedded and hosted badge classes, signed JWS, sloppy and non-badges."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.formats.detect import parse_bytes
from credwallet.formats.jwt import decode_compact_jws
from credwallet.model import Container, CredentialFormat
from tests.badgekit import assertion, assertion_bytes


def test_embedded_assertion_fields() -> None:
    [c] = parse_bytes(assertion_bytes(), source="a.json")
    assert c.format is CredentialFormat.OB2 and c.container is Container.JSON
    assert c.credential_id == "https://badges.example.org/assertions/1001"
    assert c.issuer.name == "Example Data School"
    assert c.issuer.id == "https://badges.example.org/issuer.json"
    assert c.issued_on is not None and c.issued_on.year == 2025
    assert c.expires_on is not None and c.expires_on.year == 2028
    assert c.recipient is not None and c.recipient.hashed and c.recipient.salt == "pepper"
    assert c.criteria is not None and c.criteria.narrative is not None
    assert [a.target_framework for a in c.alignments] == ["ESCO"]
    assert c.tags == ["sql", "databases"]
    assert c.achievement_id == "https://badges.example.org/classes/sql-101"
    assert c.verify_url == c.credential_id  # hosted verification
    assert c.schema_errors == []
    assert c.original_bytes == assertion_bytes()


def test_hosted_badge_class_and_issuer_urls_are_kept() -> None:
    [c] = parse_bytes(assertion_bytes(badge="https://badges.example.org/classes/sql-101"), source="h.json")
    assert c.extension["badge_class_url"] == "https://badges.example.org/classes/sql-101"
    assert c.achievement_id == "https://badges.example.org/classes/sql-101"
    assert "sql-101" in c.name


def test_issuer_as_url_is_kept() -> None:
    document = assertion()
    document["badge"]["issuer"] = "https://badges.example.org/issuer.json"
    [c] = parse_bytes(json.dumps(document).encode(), source="i.json")
    assert c.issuer.id == "https://badges.example.org/issuer.json"
    assert c.extension["issuer_url"] == "https://badges.example.org/issuer.json"


def test_sloppy_assertion_is_imported_with_structure_errors() -> None:
    document = assertion(issuedOn="last tuesday")
    del document["verification"]
    document["badge"]["alignment"] = [{"targetUrl": "https://x"}]
    [c] = parse_bytes(json.dumps(document).encode(), source="s.json")
    assert any("issuedOn" in e for e in c.schema_errors)
    assert any("verification" in e for e in c.schema_errors)
    assert any("alignment[0]" in e for e in c.schema_errors)


def test_wrong_type_is_refused() -> None:
    with pytest.raises(InputError, match="type OtherAssertion, not an Assertion"):
        parse_bytes(assertion_bytes(type="OtherAssertion"), source="t.json")


def test_badge_class_alone_is_explained() -> None:
    document = {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "name": "x"}
    with pytest.raises(InputError, match="describes a badge"):
        parse_bytes(json.dumps(document).encode(), source="class.json")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 ...", "PDF document"),
        (b"<!DOCTYPE html><html></html>", "web page"),
        (b"\xff\xd8\xff\xe0JFIF", "cannot carry a badge"),
        (b"hello world", "neither JSON"),
        (b'{"a": 1', "invalid JSON"),
        (b"[1, 2]", "expected an object"),
        (b'{"name": "x"}', "no Open Badges"),
    ],
)
def test_not_a_badge_messages(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_bytes(data, source="f")


def _b64(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


def test_signed_assertion_jws_is_stored_with_token() -> None:
    signed = assertion(verification={"type": "SignedBadge", "creator": "https://badges.example.org/key.json"})
    token = f"{_b64({'alg': 'RS256'})}.{_b64(signed)}.c2lnbmF0dXJl"
    [c] = parse_bytes(token.encode() + b"\n", source="badge.jws")
    assert c.format is CredentialFormat.OB2_SIGNED and c.container is Container.JWS
    assert c.token == token
    decoded = decode_compact_jws(token, source="t")
    assert decoded.signature == b"signature" and decoded.header == {"alg": "RS256"}


def test_jws_with_bad_parts_is_refused() -> None:
    with pytest.raises(InputError, match=r"bad base64url|malformed JWS|not a compact JWS"):
        decode_compact_jws("a.b!.c", source="t")
    with pytest.raises(InputError, match="JWS header"):
        decode_compact_jws(f"{_b64([1])}.{_b64({})}.", source="t")


def test_external_ob2_files(external: Path) -> None:
    folder = external / "ob2/1edtech-validator"
    for name in (
        "basic-assertion.json",
        "basic-assertion-expired.json",
        "basic-assertion-with-language.json",
        "assertion-with-endorsements.json",
        "assertion-with-data-image.json",
    ):
        [c] = parse_bytes((folder / name).read_bytes(), source=name)
        assert c.format is CredentialFormat.OB2
    for name in ("simple.jwt", "simple-revoked.jwt", "simple-not-revoked.jwt"):
        [c] = parse_bytes((folder / name).read_bytes(), source=name)
        assert c.format is CredentialFormat.OB2_SIGNED and c.token
    with pytest.raises(InputError, match="invalid JSON"):  # a literal newline inside a string, as published
        parse_bytes((external / "ob2/1edtech-spec/badgeclass.json").read_bytes(), source="badgeclass.json")
    [spec_signed] = parse_bytes(
        (external / "ob2/1edtech-spec/signed-assertion-example.jws").read_bytes(), source="s"
    )
    assert spec_signed.format is CredentialFormat.OB2_SIGNED

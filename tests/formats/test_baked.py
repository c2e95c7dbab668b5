"""Unbaking PNG and SVG badges, including hostile images (bombs, bad CRCs, XXE, entity expansion)."""

from __future__ import annotations

import json
import resource
import struct
import time
import zlib
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.formats.baked import unbake_png, unbake_svg
from credwallet.formats.detect import parse_bytes
from credwallet.limits import MAX_PNG_TEXT_BYTES
from credwallet.model import Container, CredentialFormat
from tests.badgekit import assertion, assertion_bytes, chunk, itxt, png, svg, text_chunk


def test_png_itxt_uncompressed() -> None:
    [credential] = parse_bytes(png(itxt(assertion_bytes())), source="badge.png")
    assert credential.name == "SQL Fundamentals"
    assert credential.container is Container.PNG
    assert credential.format is CredentialFormat.OB2


def test_png_itxt_compressed() -> None:
    payload = unbake_png(png(itxt(assertion_bytes(), compressed=True)), source="x.png")
    assert json.loads(payload.text)["id"] == "https://badges.example.org/assertions/1001"


def test_png_text_chunk_legacy_1x() -> None:
    legacy = {
        "uid": "123",
        "issuedOn": "2015-04-01",
        "badge": "http://example.org/badge1",
        "recipient": {"identity": "test@example.com", "hashed": False},
        "verify": {"type": "hosted", "url": "http://example.org/badgeinstance1"},
    }
    [credential] = parse_bytes(png(text_chunk(json.dumps(legacy))), source="old.png")
    assert credential.format is CredentialFormat.OB1
    assert credential.verify_url == "http://example.org/badgeinstance1"


def test_png_without_badge_says_so() -> None:
    with pytest.raises(InputError, match="not a baked badge; ask the issuer"):
        parse_bytes(png(), source="plain.png")


def test_png_with_two_credentials_is_refused() -> None:
    data = png(itxt(assertion_bytes()), itxt(assertion_bytes(id="https://badges.example.org/assertions/2")))
    with pytest.raises(InputError, match="more than one baked credential"):
        unbake_png(data, source="two.png")


def test_png_bad_crc() -> None:
    bad = chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00{}", crc=1234)
    with pytest.raises(InputError, match=r"damaged \(a part fails its checksum\)"):
        unbake_png(png(bad), source="bad.png")


def test_png_declared_length_past_end() -> None:
    data = png(end=False) + struct.pack(">I", 2**31) + b"iTXt" + b"abcdefgh"
    with pytest.raises(InputError, match=r"cut short \(a part runs"):
        unbake_png(data, source="lie.png")


def test_png_truncated_without_iend() -> None:
    with pytest.raises(InputError, match="cut short"):
        unbake_png(png(itxt(assertion_bytes()), end=False), source="cut.png")


def test_png_too_many_chunks() -> None:
    data = png(*(chunk(b"tIME", b"\x07\xe9\x01\x01\x00\x00\x00") for _ in range(10_001)))
    with pytest.raises(InputError, match="more than 10,000 parts"):
        unbake_png(data, source="many.png")


def test_png_decompression_bomb_is_capped_fast_and_small() -> None:
    bomb = zlib.compress(b"{" + b" " * (200 * 1024 * 1024), 9)  # 200 MB of text in ~200 KB
    data = png(chunk(b"iTXt", b"openbadges\x00\x01\x00\x00\x00" + bomb))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(InputError, match="decompression bomb"):
        unbake_png(data, source="bomb.png")
    assert time.perf_counter() - started < 1.0
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100 * 1024
    assert MAX_PNG_TEXT_BYTES < 100 * 1024 * 1024


def test_svg_cdata_assertion() -> None:
    inner = f'<openbadges:assertion verify="https://x/a"><![CDATA[{assertion_bytes().decode()}]]></openbadges:assertion>'
    [credential] = parse_bytes(svg(inner), source="badge.svg")
    assert credential.container is Container.SVG
    assert credential.alignments[0].target_name == "SQL"


def test_svg_with_doctype_line_is_accepted() -> None:
    prolog = '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
    inner = f"<openbadges:assertion><![CDATA[{assertion_bytes().decode()}]]></openbadges:assertion>"
    assert parse_bytes(svg(inner, prolog=prolog), source="doctype.svg")


def test_svg_verify_url_only_needs_online() -> None:
    inner = '<openbadges:assertion verify="https://badges.example.org/assertions/1001"/>'
    with pytest.raises(InputError, match="only a link to a hosted badge"):
        parse_bytes(svg(inner), source="hosted.svg")


def test_svg_entity_bomb_is_refused_quickly() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    prolog = f'<?xml version="1.0"?><!DOCTYPE svg [{entities}]>'
    started = time.perf_counter()
    with pytest.raises(InputError, match="declares entities or external references"):
        unbake_svg(svg("<openbadges:assertion>&i;</openbadges:assertion>", prolog=prolog), source="lol.svg")
    assert time.perf_counter() - started < 1.0


def test_svg_xxe_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not leak")
    prolog = f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    with pytest.raises(InputError, match="entities or external references"):
        unbake_svg(svg("<openbadges:assertion>&xxe;</openbadges:assertion>", prolog=prolog), source="xxe.svg")


def test_svg_two_credentials_refused() -> None:
    one = f"<openbadges:assertion><![CDATA[{assertion_bytes().decode()}]]></openbadges:assertion>"
    with pytest.raises(InputError, match="more than one"):
        unbake_svg(svg(one + one), source="two.svg")


def test_svg_not_baked_and_not_svg() -> None:
    with pytest.raises(InputError, match="not a baked badge"):
        unbake_svg(svg(""), source="plain.svg")
    with pytest.raises(InputError, match="not an SVG"):
        unbake_svg(b"<?xml version='1.0'?><html/>", source="page.xml")
    with pytest.raises(InputError, match="not well-formed"):
        unbake_svg(b"<svg><openbadges:assertion>", source="broken.svg")


def test_external_baked_files(external: Path) -> None:
    [ob2_png] = parse_bytes((external / "ob2/1edtech-validator/simple-badge.png").read_bytes(), source="x")
    assert ob2_png.credential_id == "https://example.org/beths-robotics-badge.json"
    [heart] = parse_bytes((external / "ob2/openbadges-bakery-py/baked_heart.png").read_bytes(), source="x")
    assert heart.format is CredentialFormat.OB1
    with pytest.raises(InputError, match="only a link to a hosted badge"):
        parse_bytes((external / "ob2/mozilla-backpack/valid-baked.png").read_bytes(), source="x")
    for unbaked in (
        "ob2/mozilla-bakery/unbaked.png",
        "ob2/mozilla-bakery/unbaked.svg",
        "ob2/mozilla-backpack/unbaked.png",
    ):
        with pytest.raises(InputError, match="not a baked badge"):
            parse_bytes((external / unbaked).read_bytes(), source=unbaked)
    with pytest.raises(InputError, match="invalid JSON"):
        parse_bytes((external / "hostile/mozilla-bakery/bad-json.svg").read_bytes(), source="bad-json.svg")
    with pytest.raises(InputError, match="only a link to a hosted badge"):
        parse_bytes((external / "hostile/mozilla-bakery/no-json.svg").read_bytes(), source="no-json.svg")


def test_assertion_helper_round_trip() -> None:
    assert assertion()["badge"]["name"] == "SQL Fundamentals"

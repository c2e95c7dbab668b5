"""Inputs that used to crash the importer with an internal error: each class is a one-line error or a clean
import now, and a folder import goes on past any file, even one that meets a bug."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from credwallet.errors import InputError
from credwallet.formats import vc_fields
from credwallet.formats.baked import unbake_svg
from credwallet.formats.detect import display_name, parse_bytes
from credwallet.importer import import_paths
from credwallet.model import parse_iso_datetime
from credwallet.safejson import loads_strict
from credwallet.store.wallet import Wallet
from tests.badgekit import assertion, assertion_bytes, itxt, png, svg
from tests.formats.ob3.conftest import b64url, clr_document, credential, make_jwt

LONE = "\ud800"  # json.dumps writes it as the escape \ud800, exactly as a hostile file would


def _json(document: Any) -> bytes:
    return json.dumps(document).encode("ascii")  # ensure_ascii: surrogates become \\uXXXX escapes


def _ob2_with_lone_surrogate() -> dict[str, Any]:
    document = assertion()
    document["badge"]["name"] = f"SQL {LONE} Fundamentals"
    return document


def _vc_with_lone_surrogate_key() -> dict[str, Any]:
    document = credential()
    document["credentialSubject"]["achievement"][f"note{LONE}"] = "x"
    return document


SURROGATE_FILES = {
    "OB 2.0 JSON": lambda: _json(_ob2_with_lone_surrogate()),
    "OB 2.0 baked PNG": lambda: png(itxt(_json(_ob2_with_lone_surrogate()))),
    "OB 2.0 signed JWS": lambda: make_jwt(_ob2_with_lone_surrogate(), {"alg": "RS256"}).encode(),
    "VC-JWT": lambda: make_jwt({"vc": credential(name=f"x{LONE}"), "iss": "did:example:1"}).encode(),
    "OB 3.0 key": lambda: _json(_vc_with_lone_surrogate_key()),
    "CLR inner credential (JSON)": lambda: _json(clr_document(credential(name=f"inner {LONE}"))),
    "CLR inner credential (JWT)": lambda: _json(clr_document(make_jwt({"vc": credential(name=f"in {LONE}")}))),
    "low surrogate alone": lambda: _json(assertion(id="urn:x:\udfff")),
}


@pytest.mark.parametrize("kind", sorted(SURROGATE_FILES))
def test_lone_surrogates_are_a_clear_error(kind: str) -> None:
    with pytest.raises(InputError, match="lone UTF-16 surrogate"):
        parse_bytes(SURROGATE_FILES[kind](), source="hostile.json")


def test_surrogate_pairs_are_ordinary_text() -> None:
    [credential_read] = parse_bytes(_json(assertion(badge={**assertion()["badge"], "name": "SQL 😀"})), source="a")
    assert credential_read.name == "SQL 😀"
    assert loads_strict(b'["\\\\ud800"]', source="s") == ["\\ud800"]  # an escaped backslash, not a surrogate


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1E+999"])
def test_numbers_beyond_a_double_are_refused(number: str) -> None:
    text = json.dumps(credential()).replace('"validFrom"', f'"creditsEarned": {number}, "validFrom"')
    with pytest.raises(InputError, match="out of range"):
        parse_bytes(text.encode(), source="big.json")


def test_huge_integers_and_numeric_text_are_not_numbers() -> None:
    assert vc_fields.number(10**400) is None
    assert vc_fields.number("1e400") is None
    assert vc_fields.number("NaN") is None
    assert vc_fields.number("2.5") == 2.5
    document = credential()
    document["credentialSubject"]["creditsEarned"] = 10**400
    [read] = parse_bytes(json.dumps(document).encode(), source="huge-int.json")
    assert read.credit_hours is None
    normalized, _ = read.normalized_json()
    assert "Infinity" not in normalized


BAKED = f"<openbadges:assertion><![CDATA[{assertion_bytes().decode()}]]></openbadges:assertion>"


@pytest.mark.parametrize(
    "encoding", ["UTF-5", "UTF-7", "UTF-32", "rot13", "punycode", "idna", "x" * 90, "utf\x00-8", "UTF-8" + "k" * 300]
)
def test_svg_with_an_unusable_encoding_is_refused_by_name(encoding: str) -> None:
    data = svg(BAKED, prolog=f'<?xml version="1.0" encoding="{encoding}"?>')
    with pytest.raises(InputError, match="character encoding"):
        unbake_svg(data, source="odd.svg")


@pytest.mark.parametrize("encoding", ["UTF-8", "utf-8", "ISO-8859-1", "windows-1252", "US-ASCII"])
def test_svg_with_a_real_character_set_still_reads(encoding: str) -> None:
    data = svg(BAKED, prolog=f'<?xml version="1.0" encoding="{encoding}"?>')
    assert json.loads(unbake_svg(data, source="ok.svg").text)["type"] == "Assertion"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0001-01-01T00:00:00+01:00", datetime.min.replace(tzinfo=UTC)),
        ("9999-12-31T23:59:59-01:00", datetime.max.replace(tzinfo=UTC)),
        ("0001-01-01T00:00:00Z", datetime(1, 1, 1, tzinfo=UTC)),
        ("9999-12-31T23:59:59+00:00", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
    ],
)
def test_dates_at_the_edge_of_the_calendar(text: str, expected: datetime) -> None:
    assert parse_iso_datetime(text) == expected


@pytest.mark.parametrize("edge", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_edge_dates_import_in_every_format(edge: str) -> None:
    [ob2] = parse_bytes(assertion_bytes(issuedOn=edge, expires=edge), source="ob2.json")
    assert ob2.issued_on is not None and ob2.expires_on is not None
    assert not any("not a date" in error for error in ob2.schema_errors)
    [ob3] = parse_bytes(json.dumps(credential(validFrom=edge, validUntil=edge)).encode(), source="ob3.json")
    assert ob3.issued_on == ob3.expires_on is not None


def test_far_future_expiry_is_not_expired_and_far_past_issue_is_not_future() -> None:
    from credwallet.verify.dates import dates_check

    now = datetime(2026, 1, 1, tzinfo=UTC)
    check = dates_check([{"validFrom": "0001-01-01T00:00:00+01:00", "validUntil": "9999-12-31T23:59:59-01:00"}], now)
    assert check.status.value == "passed", check.detail


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path, wallet_home: Path) -> None:
    folder = os.fsencode(tmp_path)
    good = os.path.join(folder, b"badge-\xff.json")
    broken = os.path.join(folder, b"broken-\xfe.json")
    with open(good, "wb") as handle:
        handle.write(assertion_bytes())
    with open(broken, "wb") as handle:
        handle.write(b'{"x": ')
    with Wallet.open(home=wallet_home) as wallet:
        report = import_paths(wallet, [str(tmp_path)])
        stored = wallet.credentials()
    assert len(report.imported) == 1
    [error] = report.errors
    assert error.path.endswith("broken-\\xfe.json") and "invalid JSON" in (error.error or "")
    assert stored[0].source is not None and stored[0].source.endswith("badge-\\xff.json")
    json.dumps(report.to_jsonable()).encode("utf-8")  # printable and storable
    assert display_name("plain-é.json") == "plain-é.json"


def test_an_unexpected_error_is_that_files_error_and_the_import_goes_on(
    tmp_path: Path, wallet_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from credwallet.formats import ob2

    (tmp_path / "a.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/a"))
    (tmp_path / "b.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/b"))
    (tmp_path / "c.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/c"))
    original = ob2.parse_assertion

    def buggy(document: dict[str, Any], **kwargs: Any) -> Any:
        if document["id"].endswith("/b"):
            raise ZeroDivisionError("a bug met on one file")
        return original(document, **kwargs)

    monkeypatch.setattr(ob2, "parse_assertion", buggy)
    with Wallet.open(home=wallet_home) as wallet:
        report = import_paths(wallet, [str(tmp_path)], workers=1)
        assert wallet.count() == 2
    [error] = report.errors
    assert error.path.endswith("b.json")
    assert "internal error (ZeroDivisionError: a bug met on one file)" in (error.error or "")
    assert "\n" not in (error.error or "")


def test_a_row_sqlite_refuses_is_that_files_error(tmp_path: Path, wallet_home: Path) -> None:

    (tmp_path / "a.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/a"))
    (tmp_path / "b.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/b"))
    with Wallet.open(home=wallet_home) as wallet:
        wallet.connection().execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON credentials WHEN NEW.credential_id LIKE '%/b' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a constraint'); END"
        )
        report = import_paths(wallet, [str(tmp_path)], workers=1)
        assert wallet.count() == 1
    [error] = report.errors
    assert error.path.endswith("b.json") and "could not be stored (refused by a constraint)" in (error.error or "")


def test_clr_inner_jwt_with_bad_base64_is_an_error_not_a_crash() -> None:
    token = f"{b64url(b'{}')}.!!!.{b64url(b'sig')}"
    with pytest.raises(InputError, match=r"clr.json \[inner credential 1\]: malformed JWS"):
        parse_bytes(_json(clr_document(token)), source="clr.json")


def _dies_on_file_100(item: tuple[str, bool]) -> Any:
    from credwallet.importer import prepare_file

    if item[0].endswith("badge-0100.json"):
        os._exit(9)  # the worker process vanishes without a word, as under the out-of-memory killer
    return prepare_file(item[0], from_folder=item[1])


def test_a_parsing_worker_that_dies_loses_no_file(
    tmp_path: Path, wallet_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-import (out of memory, a signal): the files it had not delivered are read here."""
    import credwallet.importer as importer

    for index in range(importer.PARALLEL_IMPORT_THRESHOLD + 40):
        document = assertion_bytes(id=f"https://badges.example.org/assertions/w{index:04d}")
        (tmp_path / f"badge-{index:04d}.json").write_bytes(document)
    monkeypatch.setattr(importer, "_dispatch", _dies_on_file_100)
    with Wallet.open(home=wallet_home) as wallet:
        report = import_paths(wallet, [str(tmp_path)], workers=2)
        assert not report.errors
        assert wallet.count() == importer.PARALLEL_IMPORT_THRESHOLD + 40


def test_a_named_pipe_or_device_in_a_folder_never_stalls_the_import(tmp_path: Path, wallet_home: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")  # opening it for reading would wait for a writer forever
    (tmp_path / "zeros.json").symlink_to("/dev/zero")
    (tmp_path / "badge.json").write_bytes(assertion_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linked.json").symlink_to(tmp_path / "badge.json")  # a link to a badge still counts
    with Wallet.open(home=wallet_home) as wallet:
        report = import_paths(wallet, [str(tmp_path)], workers=1)
    assert [Path(result.path).name for result in report.files] == ["badge.json", "linked.json"]
    assert len(report.imported) == 1 and len(report.duplicates) == 1 and not report.errors


def test_an_encoding_declaration_too_long_to_check_is_still_refused() -> None:
    data = svg(BAKED, prolog='<?xml version="1.0" encoding="' + "U" * 5000 + '"?>')
    with pytest.raises(InputError, match="character encoding"):
        unbake_svg(data, source="long.svg")

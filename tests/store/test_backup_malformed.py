"""Malformed backups are one clear error before anything is restored: wrong structure, deep JSON, odd file
names, a file shorter than its header, damaged compression. The wallet is left exactly as it was."""

from __future__ import annotations

import copy
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.badgekit import assertion_bytes

from credwallet.errors import InputError
from credwallet.formats.detect import parse_bytes
from credwallet.store.backup import ENCRYPTED_MAGIC, backup_document, decode_backup, encode_backup, restore
from credwallet.store.wallet import Wallet


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    with Wallet.open(home=tmp_path / "source") as wallet:
        wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
        wallet.add_identity("learner@example.org")
        return backup_document(wallet)


def _changed(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def apply(document: dict[str, Any]) -> dict[str, Any]:
        copied = copy.deepcopy(document)
        change(copied)
        return copied

    return apply


def _row(document: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = document["credentials"][0]
    return row


MALFORMED: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]], str]] = {
    "credentials not a list": (_changed(lambda d: d.update(credentials={"a": 1})), "'credentials' is not a list"),
    "a row that is text": (_changed(lambda d: d.update(credentials=["row"])), "credential 1 is not an object"),
    "a row without its original": (_changed(lambda d: _row(d).pop("original")), "has no original bytes"),
    "original not base64": (_changed(lambda d: _row(d).update(original="!!")), "not base64"),
    "a list where text belongs": (_changed(lambda d: _row(d).update(format=["ob2"])), "has no format"),
    "a number where text belongs": (_changed(lambda d: _row(d).update(notes=5)), "notes that is not text"),
    "an integer past 64 bits": (_changed(lambda d: _row(d).update(recipient_hashed=2**70)), "not 0 or 1"),
    "a missing required column": (_changed(lambda d: _row(d).pop("status")), "has no status"),
    "an unknown column": (_changed(lambda d: _row(d).update(evil=1)), "unknown column 'evil'"),
    "an orphan inner credential": (_changed(lambda d: _row(d).update(parent_id="deadbeef")), "lacks"),
    "profile not an object": (_changed(lambda d: d.update(profile=[])), "'profile' is not an object"),
    "identities not text": (_changed(lambda d: d["profile"].update(identities=[{}])), "identities"),
    "files not an object": (_changed(lambda d: d.update(files=["roles/x.yaml"])), "'files' is not an object"),
    "NUL in a file name": (_changed(lambda d: d.update(files={"roles/a\x00.yaml": "x"})), "control character"),
    "a file called roles": (_changed(lambda d: d.update(files={"roles": "id: x"})), "not a wallet user file"),
    "a file outside": (_changed(lambda d: d.update(files={"roles/../../x": "x"})), "outside the wallet"),
    "file content not text": (_changed(lambda d: d.update(files={"roles/a.yaml": ["x"]})), "not a text file"),
    "a name too long": (_changed(lambda d: d.update(files={"roles/" + "a" * 300: "x"})), "too long"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_backup_is_one_clear_error_and_restores_nothing(
    case: str, document: dict[str, Any], tmp_path: Path
) -> None:
    change, expected = MALFORMED[case]
    data = encode_backup(change(document), None)
    with pytest.raises(InputError, match=expected) as raised:
        decode_backup(data, None, source="backup.gz")
    assert raised.value.message.startswith("backup.gz") and "\n" not in raised.value.message
    with Wallet.open(home=tmp_path / "target") as wallet:
        assert wallet.count() == 0 and not (tmp_path / "target" / "roles").exists()


def test_the_unchanged_document_restores(document: dict[str, Any], tmp_path: Path) -> None:
    restored = decode_backup(encode_backup(document, None), None, source="backup.gz")
    with Wallet.open(home=tmp_path / "target") as wallet:
        assert len(restore(wallet, restored).restored) == 1


def test_deep_json_is_refused_without_a_recursion_error() -> None:
    deep = '{"format": "credwallet-backup", "version": 1, "x": ' + "[" * 2000 + "]" * 2000 + "}"
    with pytest.raises(InputError, match="nested too deeply"):
        decode_backup(gzip.compress(deep.encode()), None, source="deep.gz")


@pytest.mark.parametrize("length", [0, 8, 20, 36, 51])
def test_a_backup_shorter_than_its_header_is_damaged(length: int) -> None:
    data = (ENCRYPTED_MAGIC + b"\x00" * 64)[: max(length, len(ENCRYPTED_MAGIC))]
    with pytest.raises(InputError, match="shorter than its header"):
        decode_backup(data, "passphrase", source="short.bak")


def test_damaged_compression_is_an_error(document: dict[str, Any]) -> None:
    data = bytearray(encode_backup(document, None))
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(InputError, match=r"not a credwallet backup|damaged"):
        decode_backup(bytes(data), None, source="flipped.gz")


def test_text_that_is_not_unicode_is_refused(document: dict[str, Any]) -> None:
    text = json.dumps(document).replace('"name": null', '"name": "\\ud800"', 1)
    with pytest.raises(InputError, match="lone UTF-16 surrogate"):
        decode_backup(gzip.compress(text.encode()), None, source="surrogate.gz")


def _cli_cases(document: dict[str, Any]) -> dict[str, bytes]:
    cases = {name: encode_backup(change(document), None) for name, (change, _) in MALFORMED.items()}
    deep = '{"format": "credwallet-backup", "version": 1, "x": ' + "[" * 2000 + "]" * 2000 + "}"
    cases["2,000-deep JSON"] = gzip.compress(deep.encode())
    cases["shorter than its header"] = ENCRYPTED_MAGIC + b"\x00" * 8
    cases["not a backup"] = b"hello"
    return cases


def test_restoring_any_malformed_backup_from_the_cli_is_one_line_and_changes_nothing(
    document: dict[str, Any], tmp_path: Path, wallet_home: Path
) -> None:
    """`import --backup` into a wallet that already holds a credential: exit 2, one line naming the file, no
    traceback, and the wallet exactly as it was (same rows, no user files)."""
    from typer.testing import CliRunner

    from credwallet.cli.main import app

    runner = CliRunner()
    assert runner.invoke(app, ["import", "--no-verify", "-"], input=assertion_bytes()).exit_code == 0
    before = runner.invoke(app, ["list", "--json"]).stdout
    for name, data in _cli_cases(document).items():
        path = tmp_path / "bad.cwbak"
        path.write_bytes(data)
        env = {"CREDWALLET_PASSPHRASE": "x"} if data.startswith(ENCRYPTED_MAGIC) else {}
        result = runner.invoke(app, ["import", "--backup", str(path)], env=env)
        assert result.exit_code == 2, (name, result.output)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in result.output, (name, lines)
        assert "internal error" not in lines[0], name
        assert runner.invoke(app, ["list", "--json"]).stdout == before, name
        assert not (wallet_home / "roles").exists(), name

"""Backups: a round trip gives identical credentials and hashes; merging reports duplicates."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.badgekit import assertion

from credwallet.errors import InputError
from credwallet.formats.detect import parse_bytes
from credwallet.model import Status
from credwallet.store.backup import ROW_COLUMNS, backup_document, decode_backup, encode_backup, restore
from credwallet.store.wallet import Wallet

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    str.strip
)


def _fill(wallet: Wallet, badge_names: list[str], notes: list[str | None]) -> None:
    for index, (name, note) in enumerate(zip(badge_names, notes, strict=True)):
        document = assertion(id=f"https://badges.example.org/assertions/{index}")
        document["badge"]["name"] = name
        [wallet_id] = wallet.add(parse_bytes(json.dumps(document).encode(), source=f"{index}.json")).ids
        if note:
            wallet.set_note(wallet_id, note)
            wallet.add_tag(wallet_id, "t" + str(index))
        if index % 2:
            wallet.save_verification(wallet_id, Status.VALID, {"status": "valid", "checks": []})


def _unverified(row: tuple[object, ...]) -> tuple[object, ...]:
    """A row as restore stores it: identical but for the verdict, which a backup only claims (issue 12)."""
    reset = {"status": "unverified", "verification": None, "verified_at": None}
    return tuple(reset.get(column, value) for column, value in zip(ROW_COLUMNS, row, strict=True))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(names, st.one_of(st.none(), names)), max_size=6))
def test_round_trip_into_empty_wallet_is_identical(items: list[tuple[str, str | None]]) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        with Wallet.open(home=root / "a") as source:
            _fill(source, [n for n, _ in items], [n for _, n in items])
            source.set_name("Alex")
            source.add_identity("alex@example.org")
            (root / "a" / "roles").mkdir()
            (root / "a" / "roles" / "mine.yaml").write_text("id: mine\n")
            data = encode_backup(backup_document(source), None)
            before = source.raw_rows(ROW_COLUMNS)
        with Wallet.open(home=root / "b") as target:
            report = restore(target, decode_backup(data, None, source="b.bak"))
            assert target.raw_rows(ROW_COLUMNS) == [_unverified(row) for row in before]
            assert len(report.restored) == len(before) and report.duplicates == []
            assert target.profile().identities == ["alex@example.org"]
            assert (root / "b" / "roles" / "mine.yaml").read_text() == "id: mine\n"
            again = restore(target, decode_backup(data, None, source="b.bak"))
            assert again.restored == [] and len(again.duplicates) == len(before)
    finally:
        shutil.rmtree(root)


def test_encrypted_backup_and_wrong_passphrase(wallet_home: Path) -> None:
    with Wallet.open(home=wallet_home) as wallet:
        _fill(wallet, ["SQL"], [None])
        data = encode_backup(backup_document(wallet), "correct horse")
    assert b"SQL" not in data
    assert decode_backup(data, "correct horse", source="w.bak")["credentials"][0]["name"] == "SQL"
    with pytest.raises(InputError, match="wrong passphrase"):
        decode_backup(data, "wrong", source="w.bak")
    with pytest.raises(InputError, match="encrypted"):
        decode_backup(data, None, source="w.bak")


def test_hostile_backups_are_refused(wallet_home: Path) -> None:
    with pytest.raises(InputError, match="not a credwallet backup"):
        decode_backup(b"hello", None, source="x")
    document = {"format": "credwallet-backup", "version": 1, "credentials": [], "files": {"../../evil": "x"}}
    with (
        Wallet.open(home=wallet_home) as wallet,
        pytest.raises(InputError, match="outside the wallet folder"),
    ):
        restore(wallet, decode_backup(encode_backup(document, None), None, source="x"))
    assert not (wallet_home.parent / "evil").exists()

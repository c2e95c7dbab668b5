"""Honest storage errors: a full disk says the disk is full, a read-only wallet still reads and says that
writing needs write access, and import commits before it verifies.

A full disk is simulated with SQLite's `max_page_count`, which fails writes with the same SQLITE_FULL result
an exhausted file system gives (checked by hand on a small tmpfs too); a read-only wallet by denying write
access the way `os.access` reports a read-only file, folder or mount.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from tests.badgekit import assertion_bytes
from typer.testing import CliRunner, Result

from credwallet.cli.main import app
from credwallet.errors import StoreError
from credwallet.importer import import_paths
from credwallet.store import wallet as wallet_module
from credwallet.store.connection import connect, open_database
from credwallet.store.wallet import Wallet

FILES = 400


def _cli(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def badge_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "badges"
    folder.mkdir()
    for index in range(FILES):
        document = assertion_bytes(id=f"https://badges.example.org/assertions/full-{index:04d}")
        (folder / f"badge-{index:04d}.json").write_bytes(document)
    return folder


def _pages_for(folder: Path, count: int, tmp_path: Path) -> int:
    """The database size, in pages, after importing the first `count` files of `folder`."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for path in sorted(folder.iterdir())[:count]:
        (scratch / path.name).write_bytes(path.read_bytes())
    with Wallet.open(tmp_path / "scratch.db", home=tmp_path) as wallet:
        import_paths(wallet, [str(scratch)], workers=1)
        return int(wallet.connection().execute("PRAGMA page_count").fetchone()[0])


@pytest.fixture
def disk_fills_after_250_files(
    badge_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every wallet opened from now on gets a size limit reached about 250 files into the folder."""
    limit = _pages_for(badge_folder, 250, tmp_path)
    monkeypatch.setattr("credwallet.importer.COMMIT_EVERY_FILES", 100)

    def limited(*args: Any, **kwargs: Any) -> tuple[sqlite3.Connection, bool]:
        db, read_only = open_database(*args, **kwargs)
        db.execute(f"PRAGMA max_page_count = {limit}")
        return db, read_only

    monkeypatch.setattr(wallet_module, "open_database", limited)


@pytest.mark.usefixtures("disk_fills_after_250_files")
def test_full_disk_stops_the_import_with_the_reason_and_keeps_committed_files(
    badge_folder: Path, wallet_home: Path
) -> None:
    commits: list[int] = []
    with Wallet.open(home=wallet_home) as wallet:
        with pytest.raises(StoreError) as raised:
            import_paths(wallet, [str(badge_folder)], workers=1, on_commit=commits.append)
        assert raised.value.code == "DISK_FULL"
        message = raised.value.message
        assert "the disk is full" in message and f"the {commits[-1]:,} files before were saved" in message
        assert "cannot commit" not in message and "damaged" not in message
        assert commits and commits[-1] < FILES
        assert wallet.count() == commits[-1]
        assert wallet.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.usefixtures("disk_fills_after_250_files")
def test_full_disk_from_the_cli_is_one_honest_line_and_reading_still_works(badge_folder: Path) -> None:
    result = _cli("import", "--no-verify", str(badge_folder))
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("error: ") and "the disk is full" in line and "free some space" in line
    assert "Traceback" not in result.output and "cannot commit" not in line and "damaged" not in line
    listed = _cli("list", "--json")  # also writes its skill cache, which a full disk must not turn into an error
    assert listed.exit_code == 0, listed.stderr
    assert 0 < len(json.loads(listed.stdout)) < FILES
    tagged = _cli("tag", json.loads(listed.stdout)[0]["id"], "job-search")
    assert tagged.exit_code in (0, 2)  # a tag may still fit in a free page; if not, the reason is the disk
    assert "internal error" not in tagged.stderr


def _deny_writes(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """os.access reports no write access under `folder`, as for a read-only file, folder or mount."""
    real = os.access

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(path).resolve().is_relative_to(folder.resolve()):
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_wallet_reads_and_refuses_writes_clearly(
    wallet_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _cli("import", "--no-verify", "-", input=assertion_bytes()).exit_code == 0
    wallet_id = json.loads(_cli("list", "--json").stdout)[0]["id"]
    db = wallet_home / "wallet.db"
    before = _digest(db)
    _deny_writes(monkeypatch, wallet_home)
    for reading in (
        ["list", "--json"],
        ["show", wallet_id, "--json"],
        ["gap", "--role", "data-analyst", "--json"],
        ["export", "resume", "--format", "json-resume"],
        ["skills", "--json"],
    ):
        result = _cli(*reading)
        assert result.exit_code == 0, (reading, result.stderr)
    for writing in (
        ["import", "-"],
        ["tag", wallet_id, "job-search"],
        ["note", wallet_id, "capstone"],
        ["remove", wallet_id, "--yes"],
        ["verify", "--all"],
        ["profile", "add-identity", "learner@example.org"],
    ):
        result = _cli(*writing, input=assertion_bytes(id="https://badges.example.org/assertions/new"))
        assert result.exit_code == 2, (writing, result.output)
        [line] = [line for line in result.stderr.splitlines() if line.strip()]
        assert "read-only" in line and "this command changes the wallet" in line, writing
        assert "list, show, gap, export" in line
    assert _digest(db) == before


def test_read_only_wallet_is_opened_read_only_by_sqlite(wallet_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Wallet.open(home=wallet_home) as wallet:
        wallet.add_identity("learner@example.org")
    _deny_writes(monkeypatch, wallet_home)
    with Wallet.open(home=wallet_home) as wallet:
        assert wallet.read_only
        assert wallet.profile().identities == ["learner@example.org"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            wallet.connection().execute("DELETE FROM identities")
        with pytest.raises(StoreError, match="read-only"):
            import_paths(wallet, ["-"])


def test_read_only_wallet_that_needs_an_upgrade_says_so(wallet_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wallet_home.mkdir(parents=True)
    connect(wallet_home / "wallet.db", migrate_upto="m001_initial").close()
    _deny_writes(monkeypatch, wallet_home)
    result = _cli("list")
    assert result.exit_code == 2
    assert "read-only" in result.stderr and "needs an upgrade" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root; the os.access tests cover it")
def test_read_only_permissions_for_real(wallet_home: Path) -> None:
    assert _cli("import", "--no-verify", "-", input=assertion_bytes()).exit_code == 0
    db = wallet_home / "wallet.db"
    db.chmod(0o400)
    wallet_home.chmod(0o500)
    try:
        assert len(json.loads(_cli("list", "--json").stdout)) == 1
        result = _cli("import", "-", input=assertion_bytes(id="https://badges.example.org/assertions/new"))
        assert result.exit_code == 2 and "read-only" in result.stderr
    finally:
        wallet_home.chmod(0o700)
        db.chmod(0o600)


def test_import_commits_before_it_verifies(wallet_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow proof never holds up the import: when verification starts, another reader already sees it."""
    import credwallet.verification as verification

    seen: list[int] = []

    def verify_from_elsewhere(wallet: Wallet, wallet_ids: list[str], **_: Any) -> list[Any]:
        other = sqlite3.connect(wallet.db_path)
        seen.append(other.execute("SELECT count(*) FROM credentials").fetchone()[0])
        other.close()
        raise KeyboardInterrupt  # the learner gives up on a proof that takes too long

    monkeypatch.setattr(verification, "verify_wallet", verify_from_elsewhere)
    result = _cli("import", "-", input=assertion_bytes())
    assert seen == [1]
    assert result.exit_code == 130
    assert "the 1 imported credential is kept, unverified" in result.stderr
    listed = json.loads(_cli("list", "--json").stdout)
    assert [item["status"] for item in listed] == ["unverified"]


def test_a_full_disk_at_the_checkpoint_still_counts_the_files_that_were_committed(
    badge_folder: Path, wallet_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit lands in the log; the checkpoint that copies it into the database file finds the disk full
    (seen on a real full tmpfs): the error must count those files as saved, because they are."""
    import credwallet.importer as importer

    ticks = iter(range(10**6))
    monkeypatch.setattr(importer.time, "monotonic", lambda: next(ticks) / 100)  # each file 10 ms
    original = Wallet._commit

    def checkpoint_on_a_full_disk(self: Wallet, *, durable: bool, **kwargs: Any) -> None:
        original(self, durable=False, **kwargs)
        if durable:
            raise StoreError(f"{self.db_path}: the disk is full", code="DISK_FULL")

    monkeypatch.setattr(Wallet, "_commit", checkpoint_on_a_full_disk)
    with Wallet.open(home=wallet_home) as wallet:
        with pytest.raises(StoreError) as raised:
            import_paths(wallet, [str(badge_folder)], workers=1)
        saved = wallet.count()
    assert saved == 100  # a second of files went into the log before the first durable commit
    assert f"the {saved:,} files before were saved" in raised.value.message

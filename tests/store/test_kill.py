"""A bulk import killed with SIGKILL at random moments keeps every file whose commit finished, and the wallet
stays sound (`PRAGMA integrity_check` ok); importing again adds exactly the rest."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from tests.badgekit import assertion_bytes

from credwallet.importer import COMMIT_EVERY_FILES, import_paths
from credwallet.store.wallet import Wallet

FILES = 1_200
KILLS = 3

# The child reports each finished commit on stdout: the parent then knows which files must survive a kill.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from credwallet.importer import import_paths
    from credwallet.store.wallet import Wallet

    folder, db, workers = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    with Wallet.open(db, home=db.parent) as wallet:
        import_paths(wallet, [folder], workers=workers, on_commit=lambda n: print(n, flush=True))
    print("done", flush=True)
    """
)


@pytest.fixture(scope="module")
def badge_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("badges")
    for index in range(FILES):
        document = assertion_bytes(id=f"https://badges.example.org/assertions/kill-{index:05d}")
        (folder / f"badge-{index:05d}.json").write_bytes(document)
    return folder


def _import_and_kill(folder: Path, db: Path, workers: int, rng: random.Random) -> int:
    """How many files the child said were committed before it died."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(db), str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: the kill takes the parsing workers too
    )
    assert child.stdout is not None
    reported: list[str] = []
    first_commit = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            reported.append(line.strip())
            first_commit.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    first_commit.wait(timeout=60)
    time.sleep(rng.uniform(0.0, 0.6))  # a random moment after the import got going
    with contextlib.suppress(ProcessLookupError):  # it may have finished already: then nothing is lost
        os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=10)
    committed = [int(line) for line in reported if line.isdigit()]
    return max(committed) if committed else 0


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_keeps_every_committed_file(badge_folder: Path, tmp_path: Path, workers: int) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    names = sorted(path.name for path in badge_folder.iterdir())
    for attempt in range(KILLS):
        db = tmp_path / f"kill-{attempt}" / "wallet.db"
        committed = _import_and_kill(badge_folder, db, workers, rng)
        connection = sqlite3.connect(db)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"seed {seed}"
            stored = {Path(row[0]).name for row in connection.execute("SELECT source FROM credentials")}
        finally:
            connection.close()
        # Files are stored in name order, so the committed ones are the first `committed` names.
        assert set(names[:committed]) <= stored, f"seed {seed}: lost committed files"
        assert len(stored) >= committed
        with Wallet.open(db, home=db.parent) as wallet:
            again = import_paths(wallet, [str(badge_folder)], workers=1)
            assert not again.errors
            assert len(again.imported) + len(again.duplicates) == FILES
            assert len(again.duplicates) == len(stored)
            assert wallet.count() == FILES


def test_commits_come_every_few_hundred_files(badge_folder: Path, tmp_path: Path) -> None:
    commits: list[int] = []
    with Wallet.open(tmp_path / "wallet.db", home=tmp_path) as wallet:
        import_paths(wallet, [str(badge_folder)], workers=1, on_commit=commits.append)
    assert commits[-1] == FILES
    steps = [b - a for a, b in zip([0, *commits], commits, strict=False)]
    assert max(steps) <= COMMIT_EVERY_FILES


def test_a_power_cut_loses_at_most_the_last_second(
    badge_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Durable commits (a checkpoint at least every second) put the import into the database file itself: the
    file alone, without its write-ahead log (what a power cut may leave of unsynced writes), holds all but the
    files of the last second. A fake clock makes each file take 10 ms, so a second is 100 files."""
    import shutil

    import credwallet.importer as importer

    ticks = iter(range(10**6))
    monkeypatch.setattr(importer.time, "monotonic", lambda: next(ticks) / 100)
    db = tmp_path / "wallet.db"
    with Wallet.open(db, home=tmp_path) as wallet:
        import_paths(wallet, [str(badge_folder)], workers=1)
        shutil.copyfile(db, tmp_path / "file-only.db")  # the -wal file is left behind, as if lost
    copy = sqlite3.connect(tmp_path / "file-only.db")
    try:
        in_file = copy.execute("SELECT count(*) FROM credentials").fetchone()[0]
    finally:
        copy.close()
    assert FILES - 100 <= in_file <= FILES

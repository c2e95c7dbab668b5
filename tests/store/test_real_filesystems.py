"""The storage errors on real file systems, not simulated: a small tmpfs that fills up during an import, then the
same tmpfs remounted read-only. It runs in a private mount namespace (`unshare --map-root-user --mount`), so
nothing is mounted for anyone else and the mount goes away with the test's shell; where the kernel does not allow
that, the simulated tests in test_storage_errors.py still cover both classes.

As root, file permissions bind nothing (test_read_only_permissions_for_real is skipped), but a read-only mount
binds root too: this is the read-only test that runs everywhere the namespace can be made.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.badgekit import assertion_bytes

FILES = 1_000
DISK = "3m"  # about 500 files fit (their originals, rows and the log), so the disk fills partway
SCRIPT = r"""
set -u
mount -t tmpfs -o size="$DISK" tmpfs "$MNT" || exit 97
cw() { "$PYTHON" -m credwallet "$@"; }
cw import --no-verify "$BADGES" 2>"$OUT/import.err"; echo $? >"$OUT/import.rc"
cw list --json >"$OUT/list.json" 2>"$OUT/list.err"
cp "$MNT/wallet/wallet.db" "$OUT/copy.db"
[ -f "$MNT/wallet/wallet.db-wal" ] && cp "$MNT/wallet/wallet.db-wal" "$OUT/copy.db-wal"
mount -o remount,ro "$MNT" || exit 98
ID=$("$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' <"$OUT/list.json")
for command in "list --json" "show $ID --json" "gap --role data-analyst --json" \
               "export resume --format json-resume" "tag $ID job-search" "import --no-verify $BADGES"; do
  name=${command%% *}
  cw $command >"$OUT/ro-$name.out" 2>"$OUT/ro-$name.err"; echo $? >"$OUT/ro-$name.rc"
done
"""


def _can_mount_privately() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = "mount -t tmpfs -o size=64k tmpfs /mnt || mount -t tmpfs -o size=64k tmpfs /tmp"
    done = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", probe], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0


pytestmark = pytest.mark.skipif(
    not _can_mount_privately(), reason="no private mount namespace here (unshare -rm); simulated tests cover it"
)


def _text(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The script's outputs: the import that filled the disk, the wallet copied out, each read-only command."""
    root = tmp_path_factory.mktemp("realfs")
    badges, mnt, out = root / "badges", root / "mnt", root / "out"
    for folder in (badges, mnt, out):
        folder.mkdir()
    for index in range(FILES):
        document = assertion_bytes(id=f"https://badges.example.org/assertions/realfs-{index:04d}")
        (badges / f"badge-{index:04d}.json").write_bytes(document)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": ":".join(sys.path),
        "PYTHON": sys.executable,
        "CREDWALLET_HOME": str(mnt / "wallet"),
        "NO_COLOR": "1",
        "DISK": DISK,
        "MNT": str(mnt),
        "BADGES": str(badges),
        "OUT": str(out),
    }
    done = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_a_real_full_disk_says_so_and_counts_what_was_saved(ran: Path) -> None:
    assert _text(ran, "import.rc").strip() == "2"
    [line] = [line for line in _text(ran, "import.err").splitlines() if line.strip()]
    assert line.startswith("error: ") and "the disk is full" in line and "free some space" in line
    assert "cannot commit" not in line and "damaged" not in line and "Traceback" not in line
    listed = json.loads(_text(ran, "list.json"))
    assert 0 < len(listed) < FILES
    # The message counts exactly the files a later command finds (a checkpoint that met the full disk after
    # a finished commit once made it say "nothing was saved" over 497 stored files).
    assert f"the {len(listed):,} files before were saved" in line
    copy = sqlite3.connect(ran / "copy.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM credentials").fetchone()[0] == len(listed)
    finally:
        copy.close()


def test_a_read_only_mount_reads_and_refuses_writes_clearly(ran: Path) -> None:
    for reading in ("list", "show", "gap", "export"):
        assert _text(ran, f"ro-{reading}.rc").strip() == "0", (reading, _text(ran, f"ro-{reading}.err"))
    assert json.loads(_text(ran, "ro-list.out")) == json.loads(_text(ran, "list.json"))
    assert json.loads(_text(ran, "ro-show.out"))["id"]
    for writing in ("tag", "import"):
        assert _text(ran, f"ro-{writing}.rc").strip() == "2", writing
        [line] = [line for line in _text(ran, f"ro-{writing}.err").splitlines() if line.strip()]
        assert "read-only" in line and "this command changes the wallet" in line, line
        assert "list, show, gap, export" in line and "Traceback" not in line

"""The committed sample_data/ is exactly what scripts/make_sample_data.py generates, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.sample_data.sample_support import REPO, SAMPLE_DIR, SCRIPTS


def test_every_generated_file_is_committed_byte_for_byte(generated: dict[str, bytes]) -> None:
    drift = [
        path
        for path, content in generated.items()
        if not (SAMPLE_DIR / path).is_file() or (SAMPLE_DIR / path).read_bytes() != content
    ]
    assert drift == [], "run `python scripts/make_sample_data.py` and commit the result"


def test_no_stale_files_in_generated_folders(generated: dict[str, bytes]) -> None:
    import make_sample_data

    assert make_sample_data.stale_files(SAMPLE_DIR, generated) == []


def test_check_mode_in_a_fresh_process_passes() -> None:
    """A new interpreter (no caches) regenerates the same bytes: determinism beyond this process."""
    completed = subprocess.run(
        [sys.executable, str(SCRIPTS / "make_sample_data.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_writing_leaves_other_engineers_files_alone(tmp_path: Path, generated: dict[str, bytes]) -> None:
    import make_sample_data

    foreign = tmp_path / "ob3" / "credential.json"
    foreign.parent.mkdir()
    foreign.write_text("{}")
    (tmp_path / "catalog.yaml").write_text("offerings: []\n")
    stale = tmp_path / "ob2" / "old-badge.json"
    stale.parent.mkdir()
    stale.write_text("{}")

    assert make_sample_data.main(["--out", str(tmp_path)]) == 0

    assert foreign.read_text() == "{}"
    assert (tmp_path / "catalog.yaml").exists()
    assert not stale.exists()
    for path, content in generated.items():
        assert (tmp_path / path).read_bytes() == content
    assert make_sample_data.main(["--out", str(tmp_path), "--check"]) == 0


def test_check_mode_reports_a_changed_byte(tmp_path: Path, generated: dict[str, bytes]) -> None:
    import make_sample_data

    make_sample_data.main(["--out", str(tmp_path)])
    target = tmp_path / "ob2" / "sql-foundations.json"
    target.write_bytes(target.read_bytes().replace(b"SQL Foundations", b"SQL Foundationz"))
    assert make_sample_data.main(["--out", str(tmp_path), "--check"]) == 1

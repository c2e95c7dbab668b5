"""Shared inputs for the end-to-end CLI tests: the repo's sample wallet, built once and copied per test.

Importing `sample_data/` takes a fraction of a second; copying the finished database is near free, so every
test still starts from its own wallet without paying for the import again.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from credwallet.paths import DB_FILENAME

REPO = Path(__file__).resolve().parents[2]
SAMPLE_DATA = REPO / "sample_data"
EXTERNAL = REPO.parent / "shared" / "fixtures" / "external"
CLR_FIXTURE = EXTERNAL / "clr" / "1edtech-spec" / "ldp-test-vector-signed-clr.json"
OB3_SIMPLE = EXTERNAL / "ob3" / "1edtech-validator" / "simple.json"
JSON_RESUME_SCHEMA = REPO / "src" / "credwallet" / "data" / "jsonresume" / "schema.json"

Cli = Callable[..., Result]

_template: dict[str, Any] = {}


def json_out(result: Result) -> Any:
    """stdout must be exactly one JSON document (json.loads refuses anything after it)."""
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


def error_lines(result: Result) -> list[str]:
    """The non-empty stderr lines of a failed command."""
    return [line for line in result.stderr.splitlines() if line.strip()]


def install_sample_wallet(cli: Cli, home: Path, factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Give the current test a copy of the wallet made by `profile load` + `import sample_data/`; returns
    that import's JSON report and exit code, `rows` (`list --json`), `names` (name -> wallet id) and
    `sources` (wallet id -> imported file)."""
    if not SAMPLE_DATA.is_dir():
        pytest.skip(f"sample data not present at {SAMPLE_DATA}")
    if "db" not in _template:
        db = factory.mktemp("sample-wallet-template") / DB_FILENAME
        profile = SAMPLE_DATA / "profile.yaml"
        if profile.is_file():  # as the README demo does: the learner's identities confirm recipients
            assert cli("--wallet", str(db), "--create", "profile", "load", str(profile)).exit_code == 0
        result = cli("--wallet", str(db), "--create", "import", str(SAMPLE_DATA), "--json")
        report = json_out(result)
        rows = json_out(cli("--wallet", str(db), "list", "--json"))
        sources = {  # wallet id -> the file it came from (`show --json` keeps it)
            row["id"]: json_out(cli("--wallet", str(db), "show", row["id"], "--json"))["source"] for row in rows
        }
        _template.update(
            sources=sources,
            db=db,
            exit_code=result.exit_code,
            report=report,
            rows=rows,
            names={row["name"]: row["id"] for row in rows},
        )
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(_template["db"]) + suffix)
        if source.exists():
            shutil.copy2(source, home / (DB_FILENAME + suffix))
    return _template


def external_file(relative: str) -> Path:
    path = EXTERNAL / relative
    if not path.is_file():
        pytest.skip(f"external fixture not present: {path}")
    return path

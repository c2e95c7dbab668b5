"""Every test gets its own empty wallet folder; nothing touches the real home or the network."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

REPO = Path(__file__).resolve().parents[1]
# The shared fixtures sit next to the repository (/work/main -> /work/shared); a worktree is one level deeper
# (/work/wt/NAME), and its tests must run them too, or they would only run in CI.
_SHARED_CANDIDATES = (REPO.parent / "shared", REPO.parents[1] / "shared")
SHARED = next((path for path in _SHARED_CANDIDATES if path.is_dir()), _SHARED_CANDIDATES[0])
EXTERNAL = SHARED / "fixtures" / "external"
SAMPLE_DATA = REPO / "sample_data"


@pytest.fixture(autouse=True)
def wallet_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("wallet-home") / "credwallet"
    monkeypatch.setenv("CREDWALLET_HOME", str(home))
    monkeypatch.delenv("CREDWALLET_ALLOW_PRIVATE_NETWORK", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def external() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip(f"external fixtures not present at {EXTERNAL}")
    return EXTERNAL


@pytest.fixture
def cli() -> Callable[..., Result]:
    """The CLI in process, as users run it (one error funnel); stdin from `input`."""
    from typer.testing import CliRunner

    from credwallet.cli.main import app

    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke

"""Planner tests never touch the real home (they use no wallet, but keep it out of reach anyway)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Planner code never touches the wallet, but keep the real home out of reach regardless.
    monkeypatch.setenv("CREDWALLET_HOME", str(tmp_path / "home"))

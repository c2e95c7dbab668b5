"""Fixtures for the export tests; the data lives in export_samples.py so tests can import it too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from credwallet.model import Credential

# Importable by name whatever pytest's import mode: the tests and the golden updater share this module.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_samples import EXTERNAL, sample_credentials


@pytest.fixture
def credentials() -> list[Credential]:
    return sample_credentials()


@pytest.fixture
def external() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip(f"shared fixtures not found at {EXTERNAL}")
    return EXTERNAL

"""Session fixtures for the sample-data tests: the freshly generated files and the shared reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sample_data.sample_support import SHARED_DATA


@pytest.fixture(scope="session")
def generated() -> dict[str, bytes]:
    """What scripts/make_sample_data.py produces now (built once per session: about two seconds)."""
    import make_sample_data

    return make_sample_data.build_sample_files()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared reference data not found at {SHARED_DATA.resolve()}")
    return SHARED_DATA.resolve()

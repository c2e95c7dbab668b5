"""Shared fixtures for the verification tests: the external fixture documents the 1EdTech tests serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TESTLIST_URL = (
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)


@pytest.fixture(scope="session")
def served_documents() -> dict[str, Any]:
    """The documents the 1EdTech validator tests serve in place of example.org (keys, profiles, lists)."""
    from tests.conftest import EXTERNAL

    if not EXTERNAL.is_dir():
        pytest.skip(f"external fixtures not present at {EXTERNAL}")
    documents: dict[str, Any] = {}
    for path in sorted((EXTERNAL / "ob2" / "1edtech-validator" / "assets").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        documents[document["id"]] = document
    testlist = EXTERNAL / "ob3" / "1edtech-validator" / "bit-string-list" / "testlist"
    documents[TESTLIST_URL] = json.loads(testlist.read_text(encoding="utf-8"))
    return documents


def read_fixture(path: Path) -> Any:
    if path.suffix in (".jwt", ".jws"):
        return path.read_text(encoding="utf-8").strip()
    return json.loads(path.read_text(encoding="utf-8"))

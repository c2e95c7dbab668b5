"""docs/examples/ must be what scripts/make_docs_examples.py produces from sample_data/ today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_docs_examples_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_docs_examples", REPO / "scripts" / "make_docs_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.build_examples()
    assert sorted(expected) == sorted(p.name for p in (REPO / "docs" / "examples").iterdir())
    for name, text in expected.items():
        assert (REPO / "docs" / "examples" / name).read_text(encoding="utf-8") == text, (
            f"docs/examples/{name} is stale: run python scripts/make_docs_examples.py"
        )

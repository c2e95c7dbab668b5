"""docs/examples/ must be what scripts/make_docs_examples.py produces from sample_data/ today."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_docs_examples", REPO / "scripts" / "make_docs_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_examples_are_up_to_date() -> None:
    module = _script()
    expected = module.build_examples()
    expected[module.SCREENSHOT_RECORD] = module.screenshot_record(expected["report.html"])
    binaries = [name for name, _, _ in module.SCREENSHOTS]
    assert sorted([*expected, *binaries]) == sorted(p.name for p in EXAMPLES.iterdir())
    for name, text in expected.items():
        assert (EXAMPLES / name).read_text(encoding="utf-8") == text, (
            f"docs/examples/{name} is stale: run python scripts/make_docs_examples.py"
        )


def test_report_screenshots_show_the_current_page() -> None:
    """The record names the page the screenshots were taken from; the files are a real PNG of the desktop and
    phone widths and a PDF (retaken by the script whenever report.html changes)."""
    module = _script()
    record = json.loads((EXAMPLES / module.SCREENSHOT_RECORD).read_text(encoding="utf-8"))
    assert record == json.loads(module.screenshot_record((EXAMPLES / "report.html").read_text(encoding="utf-8")))
    for name, size, kind in module.SCREENSHOTS:
        data = (EXAMPLES / name).read_bytes()
        if kind == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n"), name
            width, height = struct.unpack(">II", data[16:24])
            assert width == size and height > 1500, (name, width, height)
        else:
            assert data.startswith(b"%PDF-"), name

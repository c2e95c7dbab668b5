"""Golden files: each format's exact output for the sample credentials under three option sets.

Regenerate after an intended change with `CREDWALLET_UPDATE_GOLDEN=1 pytest tests/export` and review the diff.
"""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from export_samples import GOLDEN, NOW, RELEVANCE, SKILL_LABELS, sample_credentials

from credwallet.export import EXTENSIONS, FORMATS, ResumeOptions, build_entries, render

CASES: dict[str, tuple[ResumeOptions, bool]] = {
    # name: (options, pass the relevance map)
    "default": (ResumeOptions(now=NOW), False),
    "full": (
        ResumeOptions(
            now=NOW,
            include_unverified=True,
            include_expired=True,
            with_skills=True,
            group_by="issuer",
            skill_labels=SKILL_LABELS,
        ),
        True,
    ),
    "role": (
        ResumeOptions(now=NOW, role="Data Analyst", with_skills=True, limit=3, skill_labels=SKILL_LABELS),
        True,
    ),
}
PARAMS = [(case, fmt) for case in CASES for fmt in FORMATS] + [("full-moderncv", "latex")]


def _options(case: str) -> tuple[ResumeOptions, bool]:
    if case == "full-moderncv":
        options, relevance = CASES["full"]
        return replace(options, latex_style="moderncv"), relevance
    return CASES[case]


@pytest.mark.parametrize(("case", "fmt"), PARAMS)
def test_matches_golden_file(case: str, fmt: str) -> None:
    options, with_relevance = _options(case)
    entries = build_entries(sample_credentials(), options, RELEVANCE if with_relevance else None)
    output = render(entries, fmt, options)
    golden = GOLDEN / f"{case}{EXTENSIONS[fmt]}"
    if os.environ.get("CREDWALLET_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden}; run with CREDWALLET_UPDATE_GOLDEN=1"
    assert output == golden.read_text(encoding="utf-8")


def test_rendering_is_pure() -> None:
    """Same entries and options, same text: renderers keep no state and read no clock."""
    options, _ = CASES["full"]
    entries = build_entries(sample_credentials(), options, RELEVANCE)
    for fmt in FORMATS:
        assert render(entries, fmt, options) == render(list(entries), fmt, options)

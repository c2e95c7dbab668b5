"""Piped, `import` writes its per-file report directly: exactly the text rich renders from the styled one."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from credwallet.cli import console, imports
from credwallet.importer import FileResult, ImportReport

NASTY = [
    "[bold]Python[/bold] \\[x] basics",
    "Tabs\tand\nnew lines  and   spaces",
    "Bidi \u202eevil\u202c and \x1b[31mescape",
    ":key: did:key:z6Mk {} {0} %s",
    "",
]


def _report() -> ImportReport:
    files = [FileResult(path=f"f{i}.json", imported=[f"id{i}"], names={f"id{i}": name}) for i, name in enumerate(NASTY)]
    files.append(FileResult(path="dup.json", duplicates=["id0"], names={"id0": NASTY[0]}))
    files.append(FileResult(path="li.zip", declared=["sql", "python"], notes=["li.zip: 2 rows [left] out"]))
    files.append(FileResult(path="bad.json", error="bad.json: not JSON [line 1]"))
    files.append(FileResult(path="issuer.json", skipped="an issuer profile"))
    return ImportReport(files=files)


def test_piped_lines_are_what_rich_renders(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    report, statuses = _report(), {"id1": "valid"}
    imports._render(report, statuses, ["folder"], verbose=True)  # capsys's stdout is no terminal: direct
    piped = capsys.readouterr()
    styled = io.StringIO()
    terminal = Console(
        file=styled, force_terminal=True, color_system=None, highlight=False, emoji=False, width=100_000, soft_wrap=True
    )
    monkeypatch.setattr(console, "out", lambda: terminal)
    imports._render(report, statuses, ["folder"], verbose=True)
    assert piped.out == styled.getvalue()
    assert piped.err == capsys.readouterr().err
    assert "+ id0  unverified  [bold]Python[/bold] \\[x] basics\n" in piped.out
    assert "+ id1  valid       Tabs and new lines and spaces\n" in piped.out
    assert "+ declared 2 skills listed on LinkedIn (level 2)\n" in piped.out
    assert piped.out.endswith("imported 5, duplicates 1, errors 1, skipped 1 (not credentials: issuer profiles, "
                              "keys, other files)\n")

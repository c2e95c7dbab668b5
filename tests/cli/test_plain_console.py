"""Piped output is printed without rich; it must be exactly what rich's plain console prints."""

from __future__ import annotations

import io
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.errors import MarkupError
from rich.markup import escape

from credwallet.cli import console

# Pieces that exercise rich's markup grammar: tags, closings, escapes, links, stray brackets, controls, tabs.
PIECES = st.sampled_from(
    ["[", "]", "\\", "\\\\", "[bold]", "[/bold]", "[/]", "[red]", "[/red]", "[bold red]", "[/red bold]",
     "[dim]", "[link=https://x.example/a?b=1]", "[/link]", "[@click]", "[Bold]", "[/ bold ]", "[1]", "[#ff0000]",
     "[not a tag", "a", "b c", "é", "語", "\t", "\n", "\x07", "\r", " ", "did:key:z6Mk", ":smile:", "x]", "=", "/"]
)
TEXTS = st.lists(PIECES, max_size=12).map("".join)


def rich_prints(*objects: Any, **options: Any) -> str:
    buffer = io.StringIO()
    rich_console = console._piped_rich_console(stderr=False)
    rich_console.file = buffer
    rich_console.print(*objects, **options)
    return buffer.getvalue()


def plain_prints(*objects: Any, **options: Any) -> str:
    buffer = io.StringIO()
    saved = sys.stdout
    sys.stdout = buffer
    try:
        console.PlainConsole(stderr=False).print(*objects, **options)
    finally:
        sys.stdout = saved
    return buffer.getvalue()


def outcome(printer: Any, *objects: Any, **options: Any) -> str:
    try:
        return printer(*objects, **options)
    except MarkupError as error:
        return f"MarkupError: {error}"


@settings(max_examples=3000, deadline=None)
@given(TEXTS, st.sampled_from([{}, {"markup": False}, {"soft_wrap": True}, {"end": ""}, {"style": "dim"}]))
def test_plain_console_prints_what_rich_prints(text: str, options: dict[str, Any]) -> None:
    assert outcome(plain_prints, text, **options) == outcome(rich_prints, text, **options)


@settings(max_examples=500, deadline=None)
@given(TEXTS, TEXTS)
def test_several_objects_and_escaped_text(first: str, second: str) -> None:
    assert outcome(plain_prints, first, second) == outcome(rich_prints, first, second)
    assert outcome(plain_prints, first, second, sep="|") == outcome(rich_prints, first, second, sep="|")
    assert console.escape_markup(first) == escape(first)
    shown = f"[bold]{console.clean(first, keep_newlines=True)}[/bold] {console.clean(second)}"
    assert plain_prints(shown) == rich_prints(shown)


def test_anything_but_text_goes_to_rich() -> None:
    from rich.text import Text

    assert plain_prints(Text("a\tb", style="bold")) == rich_prints(Text("a\tb", style="bold"))
    assert plain_prints() == rich_prints() == "\n"
    assert plain_prints("a", justify="right") == rich_prints("a", justify="right")


@pytest.mark.parametrize("no_color", [False, True])
def test_a_piped_command_does_not_import_rich(no_color: bool, tmp_path: Any) -> None:
    """`credwallet gap` piped, on an empty wallet: rich stays unimported (it is a fifth of a short command)."""
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['credwallet', 'gap', '--role', 'data-analyst']\n"
        "try:\n    runpy.run_module('credwallet', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('RICH=' + str(any(m == 'rich' or m.startswith('rich.') for m in sys.modules)))\n"
    )
    env = {"CREDWALLET_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    if no_color:
        env["NO_COLOR"] = "1"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert "Data Analyst" in result.stdout
    assert "RICH=False" in result.stderr, result.stderr

"""Rendering helpers shared by the commands: two consoles, safe text, plain JSON on stdout."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# C0/C1 controls (except tab/newline), and bidirectional overrides that can make text read backwards.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: object, *, keep_newlines: bool = False) -> str:
    """Credential text made safe for a terminal: control characters dropped, rich markup escaped."""
    from rich.markup import escape

    value = "" if text is None else str(text)
    value = _UNSAFE.sub("", value)
    if not keep_newlines:
        value = " ".join(value.split())
    return escape(value)


def no_color() -> bool:
    """NO_COLOR (https://no-color.org): set and not empty means no colour and no other styling either."""
    return bool(os.environ.get("NO_COLOR"))


def _console(*, stderr: bool) -> Console:
    from rich.console import Console
    from rich.text import Text

    class TidyConsole(Console):
        """Wraps printed text itself on a terminal, so wrapped lines never end in a space (rich keeps the
        space it broke at)."""

        def print(self, *objects: Any, **kwargs: Any) -> None:  # type: ignore[override]
            simple = len(objects) == 1 and isinstance(objects[0], (str, Text)) and set(kwargs) <= {"markup"}
            if not (simple and self.is_terminal):
                super().print(*objects, **kwargs)
                return
            item = objects[0]
            text = self.render_str(item, markup=kwargs.get("markup")) if isinstance(item, str) else item
            for line in text.wrap(self, self.width):
                line.rstrip()
                super().print(line, soft_wrap=True)

    # emoji=False: credential text like `did:key:z6Mk...` must not turn into `did🔑z6Mk...`.
    # color_system=None emits no escape code at all (rich's own NO_COLOR handling keeps bold and dim).
    styled = {"color_system": None} if no_color() else {}
    console: Console = TidyConsole(stderr=stderr, highlight=False, emoji=False, **styled)  # type: ignore[arg-type]
    if not console.is_terminal:  # piped: plain, unwrapped lines a script can read
        console = Console(stderr=stderr, highlight=False, emoji=False, width=100_000, soft_wrap=True, color_system=None)
    return console


_CONSOLES: dict[tuple[bool, int, str, str], Console] = {}


def _cached(*, stderr: bool) -> Console:
    """One console per stream and setting: tests swap sys.stdout and NO_COLOR between runs in one process."""
    stream = sys.stderr if stderr else sys.stdout
    key = (stderr, id(stream), os.environ.get("NO_COLOR", ""), os.environ.get("COLUMNS", ""))
    console = _CONSOLES.get(key)
    if console is None:
        if len(_CONSOLES) > 32:
            _CONSOLES.clear()
        console = _CONSOLES[key] = _console(stderr=stderr)
    return console


def out() -> Console:
    """Data goes to stdout; plain when piped or with NO_COLOR."""
    return _cached(stderr=False)


def err() -> Console:
    """Progress, warnings and errors go to stderr."""
    return _cached(stderr=True)


def say(markup: str) -> None:
    """One paragraph of rich markup: wrapped to a terminal's width with no trailing spaces; piped, one line."""
    console = out()
    console.print(markup) if console.is_terminal else console.print(markup, soft_wrap=True)


def note(text: str) -> None:
    """A message about the result rather than data (`No credentials match.`, a count): stdout on a terminal,
    stderr when piped, so a script reading stdout gets only data."""
    (out() if out().is_terminal else err()).print(text, markup=False)


def write_plain(text: str) -> None:
    """Text exactly as given on stdout (piped tables, documents), bypassing rich."""
    sys.stdout.write(text)
    sys.stdout.flush()


def print_json(document: Any) -> None:
    """One JSON document on stdout, never touched by rich (no colour codes, no wrapping).

    json escapes only C0 controls; C1 controls and bidi overrides from credential text are escaped too
    (`\\u202e`), so the data stays exact but cannot drive or reorder the terminal.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False, default=str)
    text = _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def short_date(value: str | None) -> str:
    return value[:10] if value else "—"


def print_columns(
    headers: list[str],
    rows: list[list[str]],
    *,
    flexible: tuple[int, ...] = (),
    styles: list[dict[int, str]] | None = None,
) -> None:
    """Older spelling of `table.print_table`: the `flexible` columns wrap, the others are kept whole."""
    from credwallet.cli.table import Column, print_table

    columns = [Column(h, fit="wrap" if i in flexible else "keep") for i, h in enumerate(headers)]
    print_table(columns, rows, styles=styles)


def clean_plain(text: object) -> str:
    """Like `clean` but without markup escaping, for cells printed as rich Text (never parsed as markup)."""
    value = "" if text is None else str(text)
    return " ".join(_UNSAFE.sub("", value).split())


STATUS_STYLE = {
    "valid": "green",
    "invalid": "red",
    "expired": "yellow",
    "revoked": "red",
    "suspended": "red",
    "unverified": "dim",
}


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A transient bar on stderr when it is a terminal (and `enabled`, and not NO_COLOR); yields
    `update(done, total)`.

    Piped or disabled, the update does nothing, so callers need no second code path.
    """
    if not (enabled and err().is_terminal) or no_color():  # a live bar redraws with escape codes
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), console=err(), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)

"""Rendering helpers shared by the commands: two consoles, safe text, plain JSON on stdout."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
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


@cache
def out() -> Console:
    """Data goes to stdout; rich turns colour off when piped or when NO_COLOR is set."""
    from rich.console import Console

    # emoji=False: credential text like `did:key:z6Mk...` must not turn into `did🔑z6Mk...`.
    console = Console(highlight=False, emoji=False)
    if not console.is_terminal:  # piped: plain, unwrapped lines a script can read
        console = Console(highlight=False, emoji=False, width=100_000, soft_wrap=True)
    return console


@cache
def err() -> Console:
    """Progress, warnings and errors go to stderr."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False, emoji=False)
    if not console.is_terminal:
        console = Console(stderr=True, highlight=False, emoji=False, width=100_000, soft_wrap=True)
    return console


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


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def print_columns(
    headers: list[str],
    rows: list[list[str]],
    *,
    flexible: tuple[int, ...] = (),
    styles: list[dict[int, str]] | None = None,
) -> None:
    """Aligned columns, fast for thousands of rows (rich tables take seconds at that size).

    Cells must already be safe text (see `clean_plain`). On a terminal the `flexible` columns shrink to
    fit its width and `styles` colour single cells; piped output is plain and never truncated.
    """
    from rich.text import Text

    console = out()
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    if console.is_terminal and flexible:
        spare = console.width - sum(widths) - 2 * (len(widths) - 1)
        while spare < 0 and any(widths[i] > 12 for i in flexible):
            widest = max(flexible, key=lambda i: widths[i])
            cut = min(-spare, widths[widest] - 12)
            widths[widest] -= cut
            spare += cut
    text = Text(no_wrap=True, overflow="ignore")
    text.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n", "bold")
    for index, row in enumerate(rows):
        cell_styles = styles[index] if styles else {}
        for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
            shown = _fit(cell, width)
            last = column == len(row) - 1
            text.append(shown if last else shown.ljust(width), cell_styles.get(column))
            if not last:
                text.append("  ")
        text.append("\n")
    console.print(text, end="", soft_wrap=True)


def clean_plain(text: object) -> str:
    """Like `clean` but without markup escaping, for cells printed as rich Text (never parsed as markup)."""
    value = "" if text is None else str(text)
    return " ".join(_UNSAFE.sub("", value).split())


STATUS_STYLE = {"valid": "green", "invalid": "red", "expired": "yellow", "revoked": "red", "unverified": "dim"}


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A transient bar on stderr when it is a terminal (and `enabled`); yields `update(done, total)`.

    Piped or disabled, the update does nothing, so callers need no second code path.
    """
    if not (enabled and err().is_terminal):
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), console=err(), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)

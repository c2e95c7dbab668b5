"""Rendering helpers shared by the commands: two consoles, safe text, plain JSON on stdout."""

from __future__ import annotations

import json
import re
import sys
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

    console = Console(highlight=False)
    if not console.is_terminal:  # piped: plain, unwrapped lines a script can read
        console = Console(highlight=False, width=100_000, soft_wrap=True)
    return console


@cache
def err() -> Console:
    """Progress, warnings and errors go to stderr."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    if not console.is_terminal:
        console = Console(stderr=True, highlight=False, width=100_000, soft_wrap=True)
    return console


def print_json(document: Any) -> None:
    """One JSON document on stdout, never touched by rich (no colour codes, no wrapping)."""
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def short_date(value: str | None) -> str:
    return value[:10] if value else "—"

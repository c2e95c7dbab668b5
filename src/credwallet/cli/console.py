"""Rendering helpers shared by the commands: two consoles, safe text, plain JSON on stdout."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import Console

# C0/C1 controls (except tab/newline), and bidirectional overrides that can make text read backwards.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: object, *, keep_newlines: bool = False) -> str:
    """Credential text made safe for a terminal: control characters dropped, rich markup escaped."""
    value = "" if text is None else str(text)
    value = _UNSAFE.sub("", value)
    if not keep_newlines:
        value = " ".join(value.split())
    return escape_markup(value)


# rich's markup grammar (rich/markup.py): a tag is `[` then a letter, `#`, `/` or `@`, up to the first `]`;
# backslashes before it escape it in pairs. Kept here so piped output needs no rich (tests hold the two equal).
_MARKUP_TAG = re.compile(r"((\\*)\[([a-z#/@][^[]*?)])")
_MARKUP_ESCAPABLE = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")
# The control codes rich drops from any text it prints (rich/control.py STRIP_CONTROL_CODES).
_RICH_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))


def escape_markup(text: str) -> str:
    """`rich.markup.escape` without importing rich: text that rich then prints exactly as written."""
    escaped = _MARKUP_ESCAPABLE.sub(lambda match: f"{match[1]}{match[1]}\\{match[2]}", text)
    if escaped.endswith("\\") and not escaped.endswith("\\\\"):
        return escaped + "\\"
    return escaped


def plain_markup(markup: str) -> str | None:
    """The characters rich prints for `markup` with all styling off (the tags dropped, escapes undone), or
    None where rich must answer itself: a closing tag this reading cannot pair (rich raises there)."""
    if "[" not in markup:
        return markup.translate(_RICH_STRIPPED)
    pieces: list[str] = []
    opened: list[str] = []
    position = 0
    for match in _MARKUP_TAG.finditer(markup):
        whole, escapes, tag = match.groups()
        start, end = match.span()
        if start > position:
            pieces.append(markup[position:start].replace("\\[", "["))
        position = end
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            pieces.append("\\" * backslashes)
            if escaped:
                pieces.append(whole[len(escapes) :])
                continue
        name = tag.partition("=")[0]
        if not name.startswith("/"):
            opened.append(name.strip().lower())
            continue
        closing = name[1:].strip().lower()
        if closing and closing in opened:
            del opened[len(opened) - 1 - opened[::-1].index(closing)]
        elif not closing and opened:
            opened.pop()
        else:
            return None
    if position < len(markup):
        pieces.append(markup[position:].replace("\\[", "["))
    return "".join(pieces).translate(_RICH_STRIPPED)


def no_color() -> bool:
    """NO_COLOR (https://no-color.org): set and not empty means no colour and no other styling either."""
    return bool(os.environ.get("NO_COLOR"))


# A piped console's width: nothing is wrapped (scripts read whole lines).
PIPED_WIDTH = 100_000


class PlainConsole:
    """The console for a stream that is surely not a terminal: prints text as rich's plain console would,
    without importing rich (a fifth of a short command's time); anything else it hands to that console."""

    is_terminal = False
    width = PIPED_WIDTH

    def __init__(self, *, stderr: bool) -> None:
        self.stderr = stderr
        self._rich: Console | None = None

    @property
    def file(self) -> IO[str]:
        return sys.stderr if self.stderr else sys.stdout

    def print(self, *objects: Any, sep: str = " ", end: str = "\n", markup: bool | None = None, **options: Any) -> None:
        if set(options) <= {"soft_wrap", "style", "highlight"} and all(type(item) is str for item in objects):
            texts = [item.translate(_RICH_STRIPPED) if markup is False else plain_markup(item) for item in objects]
            # rich expands tabs by display cells; tabs (rare in printed text) are left to it
            plain = [text for text in texts if text is not None and "\t" not in text]
            if len(plain) == len(texts):
                self.file.write(sep.join(plain) + end)
                self.file.flush()
                return
        self.rich().print(*objects, sep=sep, end=end, markup=markup, **options)

    def rich(self) -> Console:
        if self._rich is None:
            self._rich = _piped_rich_console(stderr=self.stderr)
        return self._rich

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich(), name)


def _piped_rich_console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, width=PIPED_WIDTH, soft_wrap=True, color_system=None)


def _surely_piped(stream: object) -> bool:
    """What rich would call not a terminal, decided without rich; when in doubt (a variable that forces a
    terminal, a notebook), False, and rich decides."""
    if os.environ.get("TTY_COMPATIBLE") or os.environ.get("FORCE_COLOR") is not None:
        return False
    import builtins

    if hasattr(builtins, "get_ipython") or getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:
        return False


def _console(*, stderr: bool) -> Console | PlainConsole:
    if _surely_piped(sys.stderr if stderr else sys.stdout):
        return PlainConsole(stderr=stderr)
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
        return _piped_rich_console(stderr=stderr)
    return console


_CONSOLES: dict[tuple[bool, int, str, str], Console | PlainConsole] = {}


def _cached(*, stderr: bool) -> Console:
    """One console per stream and setting: tests swap sys.stdout and NO_COLOR between runs in one process."""
    stream = sys.stderr if stderr else sys.stdout
    key = (stderr, id(stream), os.environ.get("NO_COLOR", ""), os.environ.get("COLUMNS", ""))
    console = _CONSOLES.get(key)
    if console is None:
        if len(_CONSOLES) > 32:
            _CONSOLES.clear()
        console = _CONSOLES[key] = _console(stderr=stderr)
    # A PlainConsole answers as rich's piped console does (what it does not print itself, it forwards to one)
    return cast("Console", console)


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

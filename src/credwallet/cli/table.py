"""Tables that read well at 80 columns and pipe cleanly, in the manner of gh.

On a terminal the columns are fitted to its width: the columns that identify a row are never cut, long text
columns (names, titles, reasons) wrap onto more lines, short descriptive ones are cut with `…`, and the
least useful columns are dropped when even that does not fit. Piped, every row is one line of
tab-separated fields (no header, nothing cut, no padding), so `cut -f2` and `awk -F'\\t'` work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

GAP = 2  # spaces between columns on a terminal
DEFAULT_WRAP_WIDTH = 24  # a wrapping column is not squeezed below this before others are dropped
DEFAULT_CUT_WIDTH = 12  # nor a cut column below this
COMFORTABLE_WRAP_WIDTH = 48  # wider than this, a wrapping column waits until the cut ones are whole
DETAIL_INDENT = 4


@dataclass(frozen=True, slots=True)
class Column:
    """How one column behaves when the terminal is too narrow for every cell in full.

    `fit`: "keep" never cuts or wraps (ids, dates, numbers, statuses); "wrap" wraps long text onto more
    lines (names, titles, reasons: a row is never identified by a cut name); "cut" shortens with `…`
    (issuer, provider: context, not identity). `drop`: 0 keeps the column always; columns with a higher
    number are dropped first when the kept ones do not fit. `min_width` is the narrowest a wrap or cut
    column is made before columns are dropped. `spill`: a long identifier (a catalog id) that, when the row
    cannot hold it, moves whole to its own line under the row instead of squeezing the name beside it.
    """

    header: str
    fit: Literal["keep", "wrap", "cut"] = "keep"
    drop: int = 0
    min_width: int = 0
    align: Literal["left", "right"] = "left"
    spill: bool = False

    def narrowest(self, natural: int) -> int:
        if self.fit == "keep":
            return natural
        floor = self.min_width or (DEFAULT_WRAP_WIDTH if self.fit == "wrap" else DEFAULT_CUT_WIDTH)
        return min(natural, max(floor, len(self.header)))


def kept_columns(columns: Sequence[Column], natural: Sequence[int], width: int) -> tuple[list[int], int]:
    """The columns kept once the droppable ones (highest `drop` first, the rightmost among equals) are gone
    until the rest fit at their narrowest, and the width those need."""
    kept = list(range(len(columns)))

    def needed(indexes: list[int]) -> int:
        return sum(columns[i].narrowest(natural[i]) for i in indexes) + GAP * (len(indexes) - 1)

    while needed(kept) > width:
        droppable = [i for i in kept if columns[i].drop > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    return kept, needed(kept)


def layout(columns: Sequence[Column], natural: Sequence[int], width: int) -> list[int | None]:
    """The width of each column on a terminal `width` cells wide; None for a dropped column.

    Columns are dropped (see `kept_columns`); the room left goes first to the wrapping columns, in order,
    then to the cut ones.
    """
    kept, needed = kept_columns(columns, natural, width)
    widths: list[int | None] = [None] * len(columns)
    for i in kept:
        widths[i] = columns[i].narrowest(natural[i])
    spare = width - needed
    # Room goes to the wrapping columns up to a comfortable width, then to the cut ones, then the rest to
    # the wrapping ones again: a long name must not starve the issuer down to three letters.
    for fit, cap in (("wrap", COMFORTABLE_WRAP_WIDTH), ("cut", None), ("wrap", None)):
        for i in kept:
            current = widths[i]
            if spare <= 0 or columns[i].fit != fit or current is None:
                continue
            goal = natural[i] if cap is None else min(natural[i], max(cap, current))
            grant = min(spare, max(goal - current, 0))
            widths[i] = current + grant
            spare -= grant
    if spare < 0:  # narrower than the kept columns at their narrowest: squeeze the flexible ones further
        for i in sorted(kept, key=lambda i: -(widths[i] or 0)):
            current = widths[i]
            if columns[i].fit != "keep" and current is not None and spare < 0:
                cut = min(-spare, current - max(len(columns[i].header), 4))
                if cut > 0:
                    widths[i] = current - cut
                    spare += cut
    return widths


def wrap_cell(text: str, width: int) -> list[str]:
    """`text` in lines at most `width` cells wide, broken at spaces where possible."""
    from rich.cells import cell_len, chop_cells

    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if cell_len(word) <= width:
            line = word
        else:  # a word longer than the column (a URL, an id list without spaces) is broken
            pieces = chop_cells(word, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
    if line:
        lines.append(line)
    return lines or [""]


def cut_cell(text: str, width: int) -> str:
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"


def print_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    styles: Sequence[dict[int, str]] | None = None,
    details: Sequence[str] | None = None,
    footer: str | None = None,
    header: bool = True,
    indent: int = 0,
) -> None:
    """Print rows under `columns` (cells must already be safe text, see `console.clean_plain`).

    `styles[r]` colours single cells of row r on a terminal; `details[r]` is a longer text printed under
    row r, indented and wrapped (piped: its last field). `footer` (a count, a hint) goes under the table on
    a terminal and to stderr when piped, so stdout stays pure data. `header=False` leaves the column names
    out and `indent` shifts the table right (a table nested under a heading line).
    """
    from credwallet.cli import console

    out = console.out()
    if not out.is_terminal:
        lines = []
        for index, row in enumerate(rows):
            fields = ["" if cell == "—" else cell.replace("\t", " ") for cell in row]
            if details is not None and details[index]:
                fields.append(details[index])
            lines.append("\t".join(fields).rstrip())
        console.write_plain("".join(line + "\n" for line in lines))
        if footer:
            console.err().print(footer)
        return
    print_terminal_table(
        columns, rows, width=out.width, styles=styles, details=details, header=header, indent=indent
    )
    if footer:
        out.print(footer)


def print_terminal_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    width: int,
    styles: Sequence[dict[int, str]] | None = None,
    details: Sequence[str] | None = None,
    header: bool = True,
    indent: int = 0,
) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from credwallet.cli import console

    width -= indent
    natural = [
        max([cell_len(c.header) if header else 1] + [cell_len(row[i]) for row in rows]) for i, c in enumerate(columns)
    ]
    spilled: list[int] = []
    if kept_columns(columns, natural, width)[1] > width:  # dropping columns is not enough: spill the long ids
        spilled = [i for i, c in enumerate(columns) if c.spill]
    if spilled:
        in_row = [c for i, c in enumerate(columns) if i not in spilled]
        kept_natural = [n for i, n in enumerate(natural) if i not in spilled]
        kept_widths = iter(layout(in_row, kept_natural, width))
        widths: list[int | None] = [None if i in spilled else next(kept_widths) for i in range(len(columns))]
        moved = [" · ".join(row[i] for i in spilled) for row in rows]
        details = [m + (f" · {d}" if d else "") for m, d in zip(moved, details or [""] * len(rows), strict=True)]
    else:
        widths = layout(columns, natural, width)
    shown = [i for i, w in enumerate(widths) if w is not None]
    text = Text(no_wrap=True, overflow="ignore", end="")

    def emit(cells: list[tuple[str, str | None]]) -> None:
        pieces: list[tuple[str, str | None]] = []
        for position, (i, (cell, style)) in enumerate(zip(shown, cells, strict=True)):
            last = position == len(shown) - 1
            column_width = widths[i] or 0
            pad = " " * (column_width - cell_len(cell))
            if columns[i].align == "right":
                pieces.append((pad, None))
                pieces.append((cell, style))
            else:
                pieces.append((cell, style))
                if not last:
                    pieces.append((pad, None))
            if not last:
                pieces.append((" " * GAP, None))
        while pieces and not pieces[-1][0].strip():  # never a trailing space
            pieces.pop()
        if pieces:
            last_text, last_style = pieces[-1]
            pieces[-1] = (last_text.rstrip(), last_style)
            text.append(" " * indent)
        for piece, style in pieces:
            text.append(piece, style)
        text.append("\n")

    if header:
        emit([(cut_cell(columns[i].header, widths[i] or 0), "bold") for i in shown])
    for index, row in enumerate(rows):
        cell_styles = styles[index] if styles else {}
        cells: dict[int, list[str]] = {}
        for i in shown:
            column_width = widths[i] or 0
            fit = columns[i].fit
            if fit == "wrap":
                cells[i] = wrap_cell(row[i], column_width)
            elif fit == "cut":
                cells[i] = [cut_cell(row[i], column_width)]
            else:
                cells[i] = [row[i]]
        for line in range(max(len(lines) for lines in cells.values())):
            emit(
                [
                    (cells[i][line] if line < len(cells[i]) else "", cell_styles.get(i) if line == 0 else None)
                    for i in shown
                ]
            )
        if details is not None and details[index]:
            for line_text in wrap_cell(details[index], max(width - DETAIL_INDENT, 20)):
                text.append(" " * (indent + DETAIL_INDENT) + line_text + "\n", "dim")
    console.out().print(text, soft_wrap=True, end="")


def print_fields(fields: Sequence[tuple[str, str]], *, indent: int = 0) -> None:
    """Labelled values, one per line: `label  value` on a terminal (the value wrapped under itself),
    `label:<TAB>value` piped. Empty values are left out; values must already be safe text."""
    from rich.cells import cell_len
    from rich.text import Text

    from credwallet.cli import console

    shown = [(label, value) for label, value in fields if value]
    if not shown:
        return
    out = console.out()
    if not out.is_terminal:
        console.write_plain("".join(f"{' ' * indent}{label}:\t{value}\n" for label, value in shown))
        return
    label_width = max(cell_len(label) for label, _ in shown)
    value_width = max(out.width - indent - label_width - GAP, 20)
    text = Text(no_wrap=True, overflow="ignore", end="")
    for label, value in shown:
        lines = wrap_cell(value, value_width)
        text.append(" " * indent)
        text.append(label, "bold")
        text.append(" " * (label_width - cell_len(label) + GAP) + lines[0] + "\n")
        for line in lines[1:]:
            text.append(" " * (indent + label_width + GAP) + line + "\n")
    out.print(text, soft_wrap=True, end="")


def print_bullets(title: str, items: Sequence[str]) -> None:
    """A titled list (`evidence`, `contains`): bullets wrapped under themselves on a terminal."""
    from rich.text import Text

    from credwallet.cli import console

    if not items:
        return
    out = console.out()
    if not out.is_terminal:
        console.write_plain(f"{title}:\n" + "".join(f"  • {item}\n" for item in items))
        return
    text = Text(no_wrap=True, overflow="ignore", end="")
    text.append(title + "\n", "bold")
    for item in items:
        lines = wrap_cell(item, max(out.width - 4, 20))
        text.append("  • " + lines[0] + "\n")
        for line in lines[1:]:
            text.append("    " + line + "\n")
    out.print(text, soft_wrap=True, end="")

"""The report's drawings as inline SVG: skill level bars, share bars, the pathway timeline, icons.

Every drawing carries its numbers as text too (an `aria-label`, a `<title>` shown on hover, and visible
labels), so it reads without colour, without a mouse and on paper. All text passes through `esc`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from credwallet.report.model import GAP_STATUS_WORDS, SkillRow, Step

MAX_LEVEL = 5
SEGMENT = 40  # one level in the bar's own units
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Icons drawn once in a hidden sprite and reused with <use>: status marks that do not depend on colour.
ICON_PATHS = {
    "valid": '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" class="mark"/>',
    "unverified": '<circle cx="8" cy="8" r="7"/><path d="M8 4.2v4.6M8 11.2v.6" class="mark"/>',
    "expired": '<circle cx="8" cy="8" r="7"/><path d="M8 4.3V8l2.6 1.7" class="mark"/>',
    "self-reported": '<circle cx="8" cy="8" r="7"/><path d="M5 11l.6-2.3 4.3-4.3 1.7 1.7-4.3 4.3z" class="mark"/>',
    "revoked": '<circle cx="8" cy="8" r="7"/><path d="M4.6 11.4l6.8-6.8" class="mark"/>',
    "suspended": '<circle cx="8" cy="8" r="7"/><path d="M6.2 5v6M9.8 5v6" class="mark"/>',
    "invalid": '<circle cx="8" cy="8" r="7"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" class="mark"/>',
    "trusted": '<path d="M8 1l5.5 2.2v4.1c0 3.6-2.4 6.3-5.5 7.6C4.9 13.6 2.5 10.9 2.5 7.3V3.2z"/>'
    '<path d="M5.4 8.1l1.9 1.9 3.3-3.5" class="mark"/>',
    "done": '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" class="mark"/>',
}


def esc(text: object) -> str:
    """Escape for HTML text and attribute values (and for SVG inside HTML)."""
    return escape(str(text), quote=True)


def icon_sprite() -> str:
    symbols = "".join(
        f'<symbol id="icon-{name}" viewBox="0 0 16 16">{paths}</symbol>' for name, paths in ICON_PATHS.items()
    )
    return f'<svg class="sprite" aria-hidden="true" focusable="false">{symbols}</svg>'


def icon(name: str, extra_class: str = "") -> str:
    classes = f"icon icon-{name} {extra_class}".strip()
    return f'<svg class="{classes}" aria-hidden="true" focusable="false"><use href="#icon-{esc(name)}"/></svg>'


def monogram(letters: str, seed: str) -> str:
    """A calm two-letter tile for a credential without an embeddable image (decorative: the name is beside it)."""
    hue = sum(seed.encode("utf-8")) * 37 % 360
    return (
        f'<svg class="monogram" viewBox="0 0 56 56" aria-hidden="true" focusable="false">'
        f'<rect width="56" height="56" rx="12" style="fill:hsl({hue} 35% 92%)"/>'
        f'<text x="28" y="35" text-anchor="middle" style="fill:hsl({hue} 40% 28%)">{esc(letters)}</text></svg>'
    )


def evidence_sentence(row: SkillRow) -> str:
    if not row.evidence:
        return "no credential evidences it yet"
    return "; ".join(
        f"{item.name} (level {item.level}{', from its text' if item.text_match else ''})" for item in row.evidence
    )


def level_bar(row: SkillRow) -> str:
    """Five level segments: held ones filled, still-needed ones dashed, the required level marked by a line."""
    summary = (
        f"{row.label}: need level {row.required_level}, have "
        f"{row.held_level or 'none'}, {GAP_STATUS_WORDS.get(row.status, row.status)}"
    )
    parts = [
        f'<svg class="levels" viewBox="0 0 {MAX_LEVEL * SEGMENT} 28" role="img" aria-label="{esc(summary)}" '
        f'data-required="{row.required_level}" data-held="{row.held_level}">',
        f"<title>{esc(summary)}. Evidence: {esc(evidence_sentence(row))}</title>",
    ]
    for level in range(1, MAX_LEVEL + 1):
        x = (level - 1) * SEGMENT + 2
        if level <= row.held_level:
            css = f"seg held {row.status}"
        elif level <= row.required_level:
            css = "seg needed"
        else:
            css = "seg spare"
        parts.append(f'<rect class="{css}" x="{x}" y="7" width="{SEGMENT - 4}" height="14" rx="3"/>')
    marker = row.required_level * SEGMENT
    parts.append(f'<path class="required-marker" d="M{marker} 2V26"/>')
    parts.append("</svg>")
    return "".join(parts)


def share_bar(first: float, second: float, label: str, css: str = "share") -> str:
    """A 0-100 % bar: `first` solid, `second` (>= first) lighter, the rest empty; numbers in the label."""
    first = min(max(first, 0.0), 1.0)
    second = min(max(second, first), 1.0)
    solid = round(first * 200, 2)
    light = round((second - first) * 200, 2)
    return (
        f'<svg class="{esc(css)}" viewBox="0 0 200 10" preserveAspectRatio="none" role="img" '
        f'aria-label="{esc(label)}" data-first="{first:.4f}" data-second="{second:.4f}">'
        f"<title>{esc(label)}</title>"
        f'<rect class="track" width="200" height="10"/>'
        f'<rect class="part" x="{solid}" width="{light}" height="10"/>'
        f'<rect class="whole" width="{solid}" height="10" rx="0"/>'
        "</svg>"
    )


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Month starts between the two days, thinned to at most ~12 labels; the year shows on January."""
    months: list[date] = []
    current = _next_month(_month_start(first)) if first.day != 1 else first
    while current <= last:
        months.append(current)
        current = _next_month(current)
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if len(months) / s <= 12)
    ticks = []
    for day in months:
        if (day.month - 1) % step == 0:
            label = str(day.year) if day.month == 1 else MONTHS[day.month - 1]
            ticks.append((day, label))
    return ticks


GANTT_LABEL_WIDTH = 300
GANTT_WIDTH = 760
GANTT_ROW = 30
GANTT_TITLE_CHARS = 33


def gantt(steps: Sequence[Step], start: date, finish: date | None, today: date | None = None) -> str:
    """The pathway as a timeline: one row per step, its bar from start to end date, month ticks above."""
    if not steps:
        return ""
    last = max([finish or start, *(s.end for s in steps)])
    first = min([start, *(s.start for s in steps)])
    span = max((last - first).days + 1, 28)
    chart_left, chart_right = GANTT_LABEL_WIDTH, GANTT_WIDTH - 10
    scale = (chart_right - chart_left) / span
    top = 26
    height = top + GANTT_ROW * len(steps) + (20 if today is not None else 8)  # room for the "today" label

    def x_of(day: date) -> float:
        return round(chart_left + (day - first).days * scale, 2)

    label = f"Timeline of {len(steps)} steps from {short_date(first)} to {short_date(last)}"
    parts = [
        f'<svg class="gantt" viewBox="0 0 {GANTT_WIDTH} {height}" role="img" aria-label="{esc(label)}">',
        f"<title>{esc(label)}</title>",
    ]
    for day, text in _ticks(first, last):
        x = x_of(day)
        parts.append(f'<path class="tick" d="M{x} {top - 6}V{height - 6}"/>')
        if x + 3 + 7.5 * len(text) <= GANTT_WIDTH:  # a label that would run off the edge is left out
            parts.append(f'<text class="tick-label" x="{x + 3}" y="{top - 10}">{esc(text)}</text>')
    for index, step in enumerate(steps):
        y = top + index * GANTT_ROW
        title = step.title if len(step.title) <= GANTT_TITLE_CHARS else step.title[: GANTT_TITLE_CHARS - 1] + "…"
        bar_x = x_of(step.start)
        bar_w = max(round((step.end - step.start).days + 1, 2) * scale, 4)
        closes = "; closes " + ", ".join(step.closes) if step.closes else ""
        tip = (
            f"{step.number}. {step.title}: {short_date(step.start)} to {short_date(step.end)}, "
            f"{step.hours:g} h{closes}" + (" (done)" if step.done else "")
        )
        css = "bar done" if step.done else "bar"
        parts.append(
            f'<g class="step" data-step="{step.number}" data-start="{step.start.isoformat()}" '
            f'data-end="{step.end.isoformat()}"><title>{esc(tip)}</title>'
            f'<rect class="row-band" x="0" y="{y}" width="{GANTT_WIDTH}" height="{GANTT_ROW}"/>'
            f'<text class="row-label" x="6" y="{y + 19}">{step.number}. {esc(title)}</text>'
            f'<rect class="{css}" x="{bar_x}" y="{y + 7}" width="{round(bar_w, 2)}" height="16" rx="4"/>'
            "</g>"
        )
    if today is not None and first <= today <= last:
        x = x_of(today)
        parts.append(f'<path class="today" d="M{x} {top - 4}V{height - 6}"><title>today</title></path>')
        parts.append(f'<text class="today-label" x="{x + 3}" y="{height - 4}">today</text>')
    parts.append("</svg>")
    return "".join(parts)

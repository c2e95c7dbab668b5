"""Small pieces of page text every section shares: percentages, hours, money, dates and plain links.

Everything returned is HTML-safe: text is escaped here, links are https URLs vetted upstream.
"""

from __future__ import annotations

from datetime import date

from credwallet.report.svg import esc, short_date


def pct(value: float) -> str:
    """0.473 -> "47%"."""
    return f"{value * 100:.0f}%"


def money(amount: float, currency: str) -> str:
    if not amount:
        return "free"
    return f"{amount:,.0f} {currency}" if float(amount).is_integer() else f"{amount:,.2f} {currency}"


def hours(hours: float) -> str:
    return f"{hours:,.0f} h" if float(hours).is_integer() else f"{hours:,.1f} h"


def link(url: str | None, text: str, css: str = "out") -> str:
    """A plain link the reader may follow (https, vetted upstream); never a resource the page loads."""
    if not url:
        return esc(text)
    return f'<a class="{css}" href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def time_tag(day: date) -> str:
    return f'<time datetime="{day.isoformat()}">{esc(short_date(day))}</time>'

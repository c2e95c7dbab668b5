"""The `dates` check: not valid before its start (5 minutes of clock skew), `expired` after its end.

Expired is a status, not an error: the credential stays in the wallet and is shown as expired.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from credwallet.model import Status, parse_iso_datetime
from credwallet.verify.report import Check, failed, passed

CLOCK_SKEW = timedelta(minutes=5)
START_FIELDS = ("validFrom", "issuanceDate", "issuedOn", "nbf")
END_FIELDS = ("validUntil", "expirationDate", "expires", "exp")


def _moment(name: str, value: Any) -> datetime:
    if name in ("nbf", "exp"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ValueError(f"{name} is not a number")
        return datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str):
        raise ValueError(f"{name} is not a date string")
    return parse_iso_datetime(value)


def _first(sources: list[Mapping[str, Any]], names: tuple[str, ...]) -> tuple[str, datetime] | None:
    for source in sources:
        for name in names:
            if name in source and source[name] is not None:
                return name, _moment(name, source[name])
    return None


def dates_check(
    sources: list[Mapping[str, Any]],
    now: datetime,
    issued_on: datetime | None = None,
    expires_on: datetime | None = None,
) -> Check:
    """`sources` in priority order (the credential, then e.g. the JWT claims); fallbacks from the model."""
    try:
        start = _first(sources, START_FIELDS)
        end = _first(sources, END_FIELDS)
    except (ValueError, OverflowError, OSError) as error:
        return failed("dates", f"unreadable date: {error}")
    if start is None and issued_on is not None:
        start = ("issued", issued_on)
    if end is None and expires_on is not None:
        end = ("expires", expires_on)
    if start and end and end[1] < start[1]:
        return failed(
            "dates", f"{end[0]} {end[1]:%Y-%m-%d %H:%M} is before {start[0]} {start[1]:%Y-%m-%d %H:%M}"
        )
    if start and start[1] > now + CLOCK_SKEW:
        return failed("dates", f"not valid yet: {start[0]} is {start[1].isoformat()}")
    if end and end[1] <= now - CLOCK_SKEW:
        return failed("dates", f"expired on {end[1].isoformat()} ({end[0]})", Status.EXPIRED)
    if end:
        return passed("dates", f"valid until {end[1].isoformat()}")
    if start:
        return passed("dates", f"valid since {start[1].isoformat()}, no expiry")
    return passed("dates", "no validity period stated")

"""Checks for option values, each failing with one line that names the option (exit status 2).

Commands call these right after parsing, before opening the wallet, so a typo costs nothing:
`choice("--minimize", value, ["hours", "cost", "weighted"])`, `number("--hours-per-week", value, 1, 80)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from credwallet.errors import InputError
from credwallet.wording import did_you_mean, join_words


def choice(option: str, value: str, allowed: Sequence[str]) -> str:
    """`value` if it is one of `allowed` (case-insensitive), else `--sort 'nmae': choose ... (did you mean name?)`."""
    for name in allowed:
        if value.lower() == name.lower():
            return name
    hint = did_you_mean(value, allowed)
    message = f"{option} {value!r}: choose {join_words(list(allowed), 'or')}"
    raise InputError(message, hint=hint)


def optional_choice(option: str, value: str | None, allowed: Sequence[str]) -> str | None:
    return None if value is None else choice(option, value, allowed)


def known_name(option: str, value: str | None, known: Iterable[str]) -> str | None:
    """`value` if it names one of `known` (case-insensitive), else an error with the closest names."""
    if value is None:
        return None
    names = list(known)
    for name in names:
        if value.lower() == name.lower():
            return name
    raise InputError(f"{option} {value!r}: none known by that name", hint=did_you_mean(value, names))


def number(option: str, value: float | None, low: float | None = None, high: float | None = None) -> float | None:
    """`value` within [low, high]; the message gives the range in words."""
    if value is None:
        return None
    if value != value:  # NaN
        raise InputError(f"{option}: give a number")
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bounds = f"between {low:g} and {high:g}"
        elif low is not None:
            bounds = f"at least {low:g}"
        else:
            bounds = f"at most {high:g}"
        raise InputError(f"{option} {value:g}: must be {bounds}")
    return value


def iso_date(option: str, value: str | None) -> date | None:
    """A YYYY-MM-DD date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def duration(option: str, value: str | None) -> timedelta | None:
    """`30m`, `2h`, `1d`, `45s` or plain seconds."""
    if value is None:
        return None
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    amount, unit = (value[:-1], value[-1].lower()) if value[-1:].lower() in units else (value, "s")
    try:
        seconds = float(amount) * units[unit]
    except ValueError:
        raise InputError(f"{option} {value!r}: give a duration such as 30m, 2h or 1d") from None
    if seconds < 0 or seconds != seconds:
        raise InputError(f"{option} {value!r}: give a duration of zero or more")
    return timedelta(seconds=seconds)


def existing_path(value: Path | str, *, what: str = "file") -> Path:
    """A path the user named that must exist (exit status 2 when it does not)."""
    path = Path(value)
    if not path.exists():
        raise InputError(f"{path}: no such {what}")
    return path

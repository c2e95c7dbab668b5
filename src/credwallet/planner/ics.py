"""A plan as an iCalendar file (RFC 5545) a learner imports into any calendar app.

Two shapes: one all-day event per step spanning its dates, or one event per study week listing what to
study that week and for how long. Written with the `icalendar` package; output is deterministic (UIDs and
DTSTAMP derive from the plan), so the same plan always gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from credwallet import __version__

if TYPE_CHECKING:
    from credwallet.planner.result import Plan

MODES = ("steps", "weekly")


def _hours_text(hours: float) -> str:
    return f"{hours:g} h"


def plan_to_ics(plan: Plan, *, mode: str = "steps", stamp: datetime | None = None) -> bytes:
    """The plan's schedule as iCalendar bytes; `stamp` is DTSTAMP (default: the plan's start, UTC)."""
    import icalendar

    from credwallet.errors import InputError

    if mode not in MODES:
        raise InputError(f"unknown calendar mode {mode!r} (steps or weekly)")
    stamp = stamp or datetime.combine(plan.start, time(0, 0), tzinfo=UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//credwallet//credwallet {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Learning plan: {plan.role}")
    events = _step_events(plan) if mode == "steps" else _weekly_events(plan)
    for uid, day, last_day, summary, description, url in events:
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", last_day + timedelta(days=1))  # all-day DTEND is exclusive
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # study time is not a meeting; do not block the calendar
        if url:
            event.add("url", url)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


Event = tuple[str, date, date, str, str, str | None]


def _step_events(plan: Plan) -> list[Event]:
    events: list[Event] = []
    for number, step in enumerate(plan.steps, start=1):
        offering = step.offering
        cost = f"{offering.cost:g} {offering.currency}" if offering.cost else "free"
        description = "\n".join(
            [
                f"Step {number} of {len(plan.steps)} for role {plan.role}",
                f"{offering.title} ({offering.provider}), {_hours_text(offering.hours)}, {cost}",
                f"Why: {step.why}",
                *([f"Link: {offering.url}"] if offering.url else []),
            ]
        )
        uid = f"{plan.role}-{number}-{offering.id}-{step.start.isoformat()}@credwallet"
        summary = f"Study: {offering.title} ({_hours_text(offering.hours)})"
        events.append((uid, step.start, step.end, summary, description, offering.url))
    return events


def _weekly_events(plan: Plan) -> list[Event]:
    per_week: dict[int, list[tuple[str, float]]] = {}
    done = 0.0
    for step in plan.steps:
        begin, end = done, done + step.offering.hours
        done = end
        week = int(begin // plan.hours_per_week)
        while week * plan.hours_per_week < end:
            lo = max(begin, week * plan.hours_per_week)
            hi = min(end, (week + 1) * plan.hours_per_week)
            if hi - lo > 1e-9:
                per_week.setdefault(week + 1, []).append((step.offering.title, hi - lo))
            week += 1
    events: list[Event] = []
    for week, items in sorted(per_week.items()):
        first = plan.start + timedelta(days=7 * (week - 1))
        total = sum(hours for _, hours in items)
        summary = f"Study week {week}: {_hours_text(round(total, 2))}"
        description = "\n".join(f"{title}: {_hours_text(round(hours, 2))}" for title, hours in items)
        uid = f"{plan.role}-week-{week}-{first.isoformat()}@credwallet"
        events.append((uid, first, first + timedelta(days=6), summary, description, None))
    return events

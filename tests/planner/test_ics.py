"""The plan as iCalendar: parsed back with the icalendar library."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from credwallet.errors import InputError
from credwallet.planner import Need, PlanOptions, make_plan
from credwallet.planner.ics import plan_to_ics
from credwallet.planner.result import Plan
from tests.planner.helpers import catalog_of, offering

START = date(2026, 3, 2)


def sample_plan() -> Plan:
    catalog = catalog_of(
        offering("sql-intro", 8, 0, {"sql": 2}),
        offering("sql-deep", 12, 49, {"sql": 4}, needs_skills={"sql": 2}),
        offering("viz", 6, 0, {"data-visualization": 3}),
    )
    needs = [Need("sql", 3), Need("data-visualization", 3, 0.5)]
    return make_plan("data-analyst", needs, {}, catalog, PlanOptions(hours_per_week=4), today=START)


def test_one_event_per_step_parses_back() -> None:
    plan = sample_plan()
    calendar = icalendar.Calendar.from_ical(plan_to_ics(plan))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.steps) == 3
    for event, step in zip(events, plan.steps, strict=True):
        assert step.offering.title in str(event.get("summary"))
        assert event.decoded("dtstart") == step.start
        assert event.decoded("dtend") == step.end + timedelta(days=1)
        assert step.why in str(event.get("description"))
    assert len({str(e.get("uid")) for e in events}) == 3
    assert str(calendar.get("version")) == "2.0"


def test_text_is_escaped_and_round_trips() -> None:
    from dataclasses import replace

    plan = sample_plan()
    tricky = replace(plan.steps[0].offering, title="SQL, Part 2; \\Advanced\\ — naïve")
    plan = replace(plan, steps=(replace(plan.steps[0], offering=tricky), *plan.steps[1:]))
    event = next(iter(icalendar.Calendar.from_ical(plan_to_ics(plan)).walk("VEVENT")))
    assert str(event.get("summary")) == f"Study: SQL, Part 2; \\Advanced\\ — naïve ({plan.steps[0].offering.hours:g} h)"


def test_output_is_deterministic() -> None:
    assert plan_to_ics(sample_plan()) == plan_to_ics(sample_plan())


def test_weekly_blocks_add_up_to_the_plan() -> None:
    plan = sample_plan()
    calendar = icalendar.Calendar.from_ical(plan_to_ics(plan, mode="weekly"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 7  # 26 h at 4 h/week
    total = 0.0
    for week, event in enumerate(events, start=1):
        assert event.decoded("dtstart") == START + timedelta(days=7 * (week - 1))
        hours = float(str(event.get("summary")).split(": ")[1].removesuffix(" h"))
        assert hours <= plan.hours_per_week + 1e-9
        total += hours
    assert total == pytest.approx(plan.total_hours)


def test_unknown_mode() -> None:
    with pytest.raises(InputError, match="unknown calendar mode"):
        plan_to_ics(sample_plan(), mode="daily")

"""Ordering by prerequisites, weekly packing, dates, and the `plan --json` document."""

from __future__ import annotations

import json
from datetime import date

import pytest

from credwallet.errors import InputError
from credwallet.planner import Need, PlanOptions, build_plan, choose, make_plan
from credwallet.planner.schedule import order_offerings
from tests.planner.helpers import catalog_of, offering

START = date(2026, 1, 5)  # a Monday


def test_weekly_packing_and_dates() -> None:
    catalog = catalog_of(
        offering("a", 10, 0, {"sql": 3}),
        offering("b", 5, 20, {"python": 3}),
        offering("c", 3, 0, {"r": 3}),
    )
    needs = [Need("sql", 3, 3.0), Need("python", 3, 2.0), Need("r", 3, 1.0)]
    options = PlanOptions(hours_per_week=5, target_coverage=1.0)
    plan = make_plan("analyst", needs, {}, catalog, options, today=START)
    # Most weight per hour first (b 0.4, c 0.33, a 0.3). 5 h/week flows at 5/7 h a day: 5 h take 7 days,
    # the next 3 h 4.2 days (the step ends on the day its last hour falls), the last 10 h 14 days.
    assert [(s.offering.id, s.start, s.end) for s in plan.steps] == [
        ("b", date(2026, 1, 5), date(2026, 1, 11)),
        ("c", date(2026, 1, 12), date(2026, 1, 16)),
        ("a", date(2026, 1, 16), date(2026, 1, 30)),
    ]
    assert [(s.start_week, s.end_week) for s in plan.steps] == [(1, 1), (2, 2), (2, 4)]
    assert plan.finish == date(2026, 1, 30)
    assert plan.total_hours == 18 and plan.total_cost == 20
    assert plan.coverage_before == 0 and plan.coverage_after == 1


def test_steps_share_a_day_when_hours_run_out_mid_day() -> None:
    catalog = catalog_of(offering("a", 1, 0, {"x": 1}), offering("b", 1, 0, {"y": 1}))
    plan = make_plan("r", [Need("x", 1, 2.0), Need("y", 1)], {}, catalog, PlanOptions(hours_per_week=14), today=START)
    assert [(s.start, s.end) for s in plan.steps] == [(START, START), (START, START)]  # 2 h a day: both fit
    assert plan.finish == START


def test_prerequisites_come_first_and_say_why() -> None:
    catalog = catalog_of(
        offering("excel-basics", 6, 0, {"spreadsheets": 1}),
        offering("sql-intro", 8, 0, {"sql": 2}),
        offering("sql-adv", 12, 0, {"sql": 4}, needs_skills={"sql": 2}),
        offering("viz", 6, 0, {"data-visualization": 3}, needs_offerings=["excel-basics"]),
    )
    needs = [Need("sql", 3, 1.0), Need("data-visualization", 3, 0.8)]
    plan = make_plan("data-analyst", needs, {}, catalog, today=START)
    order = [s.offering.id for s in plan.steps]
    # Prerequisites first; then the branch closing the most weight per hour (viz: 0.8 in 12 h) before
    # the heavier but slower one (sql: 1.0 in 20 h).
    assert order == ["excel-basics", "viz", "sql-intro", "sql-adv"]
    why = {s.offering.id: s.why for s in plan.steps}
    assert why["sql-intro"] == "prerequisite for sql-adv"
    assert why["sql-adv"] == "closes sql (level 3)"
    assert why["excel-basics"] == "prerequisite for viz"
    assert plan.steps[0].prerequisite_for == ("viz",) and plan.steps[1].after == ("excel-basics",)
    reasons = {s.offering.id: s.order_reason for s in plan.steps}
    assert reasons["excel-basics"] == "first: viz build on it"
    assert reasons["sql-adv"] == "after sql-intro, which it builds on"
    labelled = make_plan("data-analyst", needs, {}, catalog, today=START, labels={"sql": "SQL"})
    assert labelled.steps[-1].why == "closes SQL (level 3)"


def test_order_offerings_reports_stuck_sets() -> None:
    a = offering("a", 1, 0, {"x": 2}, needs_skills={"y": 2})
    b = offering("b", 1, 0, {"y": 2}, needs_skills={"x": 2})
    ordered, stuck = order_offerings([a, b], {})
    assert ordered == [] and [o.id for o in stuck] == ["a", "b"]
    ordered, stuck = order_offerings([a, b], {"y": 2})
    assert [o.id for o in ordered] == ["a", "b"] and stuck == []
    ordered, stuck = order_offerings([offering("c", needs_offerings=["missing"])], {})
    assert stuck and not ordered
    ordered, _ = order_offerings([offering("c", needs_offerings=["done"])], {}, completed=["done"])
    assert [o.id for o in ordered] == ["c"]


def test_deadline_is_met_by_the_schedule() -> None:
    catalog = catalog_of(*(offering(f"o{i}", 4, 0, {f"s{i}": 2}) for i in range(6)))
    needs = [Need(f"s{i}", 2, 1.0 + i / 10) for i in range(6)]
    options = PlanOptions(hours_per_week=6, start=START, deadline=date(2026, 1, 25))  # 3 weeks: 18 h
    plan = make_plan("r", needs, {}, catalog, options)
    assert plan.total_hours == 16 and plan.finish is not None and plan.finish <= options.deadline
    assert [n.skill for n in plan.selection.left_out] == ["s0", "s1"]  # the two lightest gaps


def test_plan_json_follows_the_contract() -> None:
    catalog = catalog_of(
        offering("sql", 10, 49, {"sql": 3}, stacks_into=["sql-bundle"]),
        offering("py", 4, 0, {"python": 2}),
    )
    needs = [Need("sql", 3), Need("python", 2, 0.5), Need("cobol", 1), Need("excel", 2)]
    plan = make_plan("data-analyst", needs, {"excel": 3}, catalog, today=START)
    document = json.loads(json.dumps(plan.to_jsonable()))
    assert {"role", "steps", "total_hours", "total_cost", "unreachable"} <= set(document)
    assert document["role"] == "data-analyst"
    assert document["unreachable"] == ["cobol"]
    assert document["total_hours"] == 14 and document["total_cost"] == 49
    for step in document["steps"]:
        assert {"offering", "title", "provider", "skills", "hours", "cost", "start", "end"} <= set(step)
        date.fromisoformat(step["start"]), date.fromisoformat(step["end"])
    assert [step["skills"] for step in document["steps"]] == [["python"], ["sql"]]  # value per hour
    assert document["optimal"] is True and document["gap"] == 0
    assert document["stacks_completed"] == ["sql-bundle"]
    assert document["coverage_before"] == pytest.approx(1 / 3.5, abs=1e-4)
    assert document["coverage_after"] == pytest.approx(2.5 / 3.5, abs=1e-4)
    assert document["unreachable_detail"][0]["reason"] == "no offering in the catalog teaches it"
    assert document["finish"] == document["steps"][-1]["end"]


def test_empty_plan_when_everything_is_met() -> None:
    plan = make_plan("r", [Need("sql", 2)], {"sql": 5}, catalog_of(offering("a")), today=START)
    assert plan.steps == () and plan.finish is None and plan.coverage_before == 1 == plan.coverage_after
    assert plan.to_jsonable()["steps"] == []


def test_build_plan_rejects_bad_pace() -> None:
    catalog = catalog_of(offering("a"))
    selection = choose([Need("sql", 3)], {}, catalog)
    with pytest.raises(InputError, match="hours-per-week"):
        build_plan(selection, catalog, role="r", start=START, options=PlanOptions(hours_per_week=0))

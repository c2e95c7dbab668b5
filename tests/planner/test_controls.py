"""The value-aware objective and the controls learners ask for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from credwallet.errors import InputError
from credwallet.planner import Need, PlanOptions, choose, make_plan
from credwallet.planner.options import PAID_HOURS_FACTOR, parse_have
from credwallet.planner.reach import undominated
from tests.planner.helpers import catalog_of, offering

START = date(2026, 1, 5)


def test_required_items_are_closed_and_the_target_is_met_with_least_hours() -> None:
    catalog = catalog_of(
        offering("sql", 30, 0, {"sql": 3}),
        offering("viz", 10, 0, {"data-visualization": 3}),
        offering("stats", 12, 0, {"statistics": 3}),
        offering("ppt", 5, 0, {"powerpoint": 3}),
    )
    needs = [
        Need("sql", 3, 0.3, required=True),  # required: closed even though it is the slowest
        Need("data-visualization", 3, 0.3),
        Need("statistics", 3, 0.2),
        Need("powerpoint", 3, 0.2),
    ]
    selection = choose(needs, {}, catalog, PlanOptions(target_coverage=0.8))
    assert set(selection.chosen) == {"sql", "viz", "ppt"}  # 0.8 of the weight in 45 h (stats instead: 52 h)
    assert selection.coverage_after == pytest.approx(0.8) and selection.target_reached
    assert [n.skill for n in selection.left_out] == ["statistics"]
    assert choose(needs, {}, catalog, PlanOptions(target_coverage=0)).chosen == ("sql",)
    assert len(choose(needs, {}, catalog, PlanOptions(target_coverage=1.0)).chosen) == 4
    assert choose(needs, {"sql": 3, "data-visualization": 3, "powerpoint": 3}, catalog).chosen == ()  # at 80%


def test_a_choice_group_needs_one_member_the_cheapest_way() -> None:
    catalog = catalog_of(
        offering("tableau", 40, 250, {"tableau": 3}),
        offering("power-bi", 40, 165, {"power-bi": 3}),
        offering("looker", 60, 0, {"looker": 3}),
    )
    bi = Need("bi-tool", 3, 1.0, required=True, any_of=("tableau", "power-bi", "looker"), label="BI tool")
    assert choose([bi], {}, catalog).chosen == ("power-bi",)  # equal hours: the cheaper one
    assert choose([bi], {}, catalog, PlanOptions(minimize="cost")).chosen == ("looker",)
    assert choose([bi], {"tableau": 3}, catalog).chosen == ()  # a member held meets the group
    two = Need("bi-tools", 3, 1.0, required=True, any_of=("tableau", "power-bi", "looker"), count=2)
    assert set(choose([two], {"looker": 3}, catalog).chosen) == {"power-bi"}
    assert set(choose([two], {}, catalog).chosen) == {"power-bi", "tableau"}
    assert bi.describe({"tableau": "Tableau", "power-bi": "Power BI", "looker": "Looker"}) == (
        "BI tool: one of Tableau, Power BI, Looker (level 3)"
    )


def test_foundation_items_count_but_are_planned_only_when_asked() -> None:
    catalog = catalog_of(offering("sql", 10, 0, {"sql": 3}), offering("speak", 60, 120, {"speaking": 3}))
    needs = [Need("sql", 3, 0.9, required=True), Need("speaking", 3, 0.1, foundation=True)]
    default = choose(needs, {}, catalog, PlanOptions(target_coverage=1.0))
    assert default.chosen == ("sql",) and [n.skill for n in default.not_planned] == ["speaking"]
    assert default.coverage_after == pytest.approx(0.9)  # counted in coverage, not planned
    asked = choose(needs, {}, catalog, PlanOptions(target_coverage=1.0, include_foundation=True))
    assert set(asked.chosen) == {"sql", "speak"} and asked.not_planned == ()


def test_prefer_free_follows_its_stated_rule() -> None:
    assert PAID_HOURS_FACTOR == 1.5
    for free_hours, expected in ((30, "free"), (31, "paid")):
        catalog = catalog_of(offering("paid", 20, 49, {"sql": 3}), offering("free", free_hours, 0, {"sql": 3}))
        assert choose([Need("sql", 3)], {}, catalog, PlanOptions(prefer_free=True)).chosen == (expected,)
        assert choose([Need("sql", 3)], {}, catalog).chosen == ("paid",)  # without it, hours decide
    # The plan states the rule it followed.
    plan = make_plan("r", [Need("sql", 3)], {}, catalog, PlanOptions(prefer_free=True), today=START)
    assert plan.selection.notes == (
        "--prefer-free: a paid offering counts as 1.5x its hours, so a free one wins unless it takes over 50% longer",
    )


def test_max_steps_have_and_cost_as_tie_breaker_under_a_deadline() -> None:
    catalog = catalog_of(
        offering("a", 10, 0, {"x": 2}),
        offering("b", 10, 0, {"y": 2}),
        offering("ab", 25, 0, {"x": 2, "y": 2}),
        offering("dear", 5, 300, {"z": 2}),
        offering("cheap", 5, 20, {"z": 2}),
    )
    needs = [Need("x", 2), Need("y", 2)]
    assert set(choose(needs, {}, catalog, PlanOptions(target_coverage=1.0)).chosen) == {"a", "b"}
    assert choose(needs, {}, catalog, PlanOptions(target_coverage=1.0, max_steps=1)).chosen == ("ab",)
    assert choose(needs, {}, catalog, PlanOptions(target_coverage=1.0, have=(("x", 3),))).chosen == ("b",)
    deadline = PlanOptions(start=START, deadline=date(2026, 1, 20), hours_per_week=10)
    assert choose([Need("z", 2)], {}, catalog, deadline).chosen == ("cheap",)
    assert parse_have(["sql=4", "python=0"]) == (("sql", 4), ("python", 0))
    for bad in ["sql", "sql=six", "sql=9", "=3"]:
        with pytest.raises(InputError, match="--have"):
            parse_have([bad])


def test_dominated_offerings_are_dropped_but_never_a_named_prerequisite() -> None:
    strong = offering("strong", 10, 0, {"sql": 4, "python": 2})
    weak = offering("weak", 12, 0, {"sql": 3})
    named = offering("named", 12, 0, {"sql": 3})
    needs_named = offering("after", 5, 0, {"r": 2}, needs_offerings=["named"])
    prereqs = offering("gated", 8, 0, {"sql": 3}, needs_skills={"python": 3})
    pool = {o.id: o for o in (strong, weak, named, needs_named, prereqs)}
    kept = undominated(pool, {}, set())
    assert set(kept) == {"strong", "named", "after", "gated"}  # gated needs python 3 that strong does not


def test_a_plan_over_a_year_and_stale_prices_are_said_up_front() -> None:
    from dataclasses import replace

    old = replace(offering("long", 400, 0, {"sql": 3}), checked=date(2024, 1, 10))
    plan = make_plan("r", [Need("sql", 3)], {}, catalog_of(old), PlanOptions(hours_per_week=5), today=START)
    assert plan.warnings[0].startswith("this plan takes 18 months at 5 h/week (over a year)")
    assert "last checked on 2024-01-10, over a year ago" in plan.warnings[1]
    assert plan.checked_oldest == date(2024, 1, 10)


def test_a_budget_that_leaves_required_items_out_says_so() -> None:
    catalog = catalog_of(offering("sql", 10, 300, {"sql": 3}), offering("viz", 10, 50, {"data-visualization": 3}))
    needs = [Need("sql", 3, 1.0, required=True), Need("data-visualization", 3, 1.0, required=True)]
    plan = make_plan("r", needs, {}, catalog, PlanOptions(budget=100), today=START)
    assert [s.offering.id for s in plan.steps] == ["viz"]
    assert any(w == "the budget leaves required items out: sql (level 3)" for w in plan.warnings)
    assert any(
        w.startswith("the target coverage of 80% is not reached: 50% is the most the budget") for w in plan.warnings
    )
    assert plan.selection.required_open[0].skill == "sql"
    # Up front: what the whole plan would take, and how far over the budget that is.
    assert (
        "the whole plan (every required item, 100% coverage) takes 2 steps, 20 h and 350 USD: 250 USD over the budget"
        in plan.warnings
    )
    assert plan.to_jsonable()["without_limits"] == {
        "offerings": ["sql", "viz"],
        "hours": 20,
        "totals": {"USD": 350},
        "required_open": 0,
        "coverage": 1.0,
    }


def test_a_deadline_or_step_limit_that_leaves_items_out_says_what_the_whole_plan_takes() -> None:
    catalog = catalog_of(offering("sql", 30, 0, {"sql": 3}), offering("viz", 10, 50, {"data-visualization": 3}))
    needs = [Need("sql", 3, 1.0, required=True), Need("data-visualization", 3, 1.0, required=True)]
    options = PlanOptions(start=START, deadline=START + timedelta(days=20), hours_per_week=5)
    plan = make_plan("r", needs, {}, catalog, options, today=START)
    assert [s.offering.id for s in plan.steps] == ["viz"]
    end = START + timedelta(days=55)  # 40 h at 5 h/week: 56 days
    assert (
        "the whole plan (every required item, 100% coverage) takes 2 steps, 40 h and 50 USD: at 5 h/week it ends "
        f"on {end.isoformat()}, after the deadline {(START + timedelta(days=20)).isoformat()}"
    ) in plan.warnings
    plan = make_plan("r", needs, {}, catalog, PlanOptions(max_steps=1), today=START)
    assert "the --max-steps leaves required items out: sql (level 3)" in plan.warnings
    assert plan.warnings[2].endswith("takes 2 steps, 40 h and 50 USD: 1 step more than --max-steps allows")
    # A limit that costs nothing needs no such line.
    plan = make_plan("r", needs, {}, catalog, PlanOptions(budget=1000), today=START)
    assert plan.selection.without_limits is None and not any("whole plan" in w for w in plan.warnings)


def test_currencies_are_kept_as_published_with_totals_per_currency() -> None:
    catalog = catalog_of(
        offering("uk", 10, 120, {"sql": 3}, currency="GBP"),
        offering("us", 30, 50, {"sql": 3}),
        offering("us-2", 10, 49, {"python": 3}),
        offering("us-3", 12, 99, {"r": 3}),
    )
    plan = make_plan(
        "r",
        [Need("sql", 3), Need("python", 3), Need("r", 3)],
        {},
        catalog,
        PlanOptions(target_coverage=1.0),
        today=START,
    )
    assert dict(plan.totals) == {"GBP": 120, "USD": 148} and plan.currency == "USD" and plan.total_cost == 148
    assert plan.to_jsonable()["totals"] == {"GBP": 120, "USD": 148}


def test_each_step_names_alternatives_with_hours_and_cost() -> None:
    catalog = catalog_of(
        offering("pl-300", 40, 165, {"power-bi": 3}),
        offering("coursera-pbi", 150, 245, {"power-bi": 3}),
        offering("dp-600", 45, 165, {"power-bi": 3, "sql": 3}),
        offering("other", 5, 0, {"excel": 3}),
    )
    plan = make_plan("r", [Need("power-bi", 3)], {}, catalog, today=START)
    [step] = plan.steps
    assert step.offering.id == "pl-300"
    assert [a.offering.id for a in step.alternatives] == ["dp-600", "coursera-pbi"]
    document = step.to_jsonable()["alternatives"][0]
    assert document["hours"] == 45 and document["cost"] == 165 and document["closes"] == ["power-bi"]
    assert step.eligibility == "open enrolment"


def test_an_alternatives_entry_note_names_skills_by_label() -> None:
    catalog = catalog_of(
        offering("mo-200", 20, 100, {"excel": 3}),
        offering("mo-201", 30, 100, {"excel": 4}, needs_skills={"excel": 3}),
    )
    labels = {"excel": "Microsoft Excel"}
    plan = make_plan("r", [Need("excel", 3)], {"excel": 2}, catalog, labels=labels, today=START)
    [step] = plan.steps
    assert [(a.offering.id, a.note) for a in step.alternatives] == [("mo-201", "needs Microsoft Excel level 3 first")]

"""The exact choice of offerings: brute-force optima, prerequisites, limits, unreachable skills, fallbacks."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date

import pytest

from credwallet.errors import InputError
from credwallet.planner.optimize import Need, PlanOptions, choose, hours_capacity
from tests.planner.brute import brute_force, limit_options, random_instance
from tests.planner.helpers import catalog_of, offering

START = date(2026, 1, 5)


@pytest.mark.parametrize("minimize", ["hours", "cost", "weighted"])
@pytest.mark.parametrize("target", [0.5, 0.8, 1.0])
def test_optimum_matches_brute_force(minimize: str, target: float) -> None:
    """Choice groups, required items, foundation items and the target, no limits: always every required
    item closed and the target reached, at the least objective."""
    rng = random.Random(f"plan-{minimize}-{target}")
    for _ in range(40):
        needs, held, offerings = random_instance(rng)
        options = PlanOptions(minimize=minimize, hours_weight=1.0, cost_weight=0.1, target_coverage=target)
        selection = choose(needs, held, catalog_of(*offerings), options)
        assert selection.optimal and selection.status == "optimal" and selection.gap is not None
        assert selection.gap <= 1e-6
        best = brute_force(needs, held, offerings, options)
        required = [n for n in selection.covered if n.required]
        reachable_required = [n for n in selection.gaps if n.required and not n.foundation]
        assert (
            len(required)
            == best.required
            == len([n for n in reachable_required if n.skill not in {u.skill for u in selection.unreachable}])
        )
        assert selection.objective == pytest.approx(best.objective, abs=1e-6)


@pytest.mark.parametrize("minimize", ["hours", "cost"])
def test_optimum_under_limits_matches_brute_force(minimize: str) -> None:
    """Budget, deadline and step limits: the most required items, then coverage up to the target, then
    the least objective, as brute force finds them."""
    rng = random.Random(f"limits-{minimize}")
    limited = 0
    for _ in range(60):
        needs, held, offerings = random_instance(rng)
        base = PlanOptions(minimize=minimize, target_coverage=rng.choice([0.6, 1.0]))
        options = limit_options(rng, base)
        selection = choose(needs, held, catalog_of(*offerings), options)
        assert selection.optimal
        best = brute_force(needs, held, offerings, options)
        assert len([n for n in selection.covered if n.required]) == best.required
        assert selection.objective == pytest.approx(best.objective, abs=1e-6)
        chosen = [o for o in offerings if o.id in selection.chosen]
        if options.budget is not None:
            assert sum(o.cost for o in chosen) <= options.budget
        if selection.hours_cap is not None:
            assert sum(o.hours for o in chosen) <= selection.hours_cap + 1e-9
        if options.max_steps is not None:
            assert len(chosen) <= options.max_steps
        limited += bool(selection.left_out)
    assert limited >= 5  # the limits really bit in a fair share of instances


def test_held_offerings_match_brute_force() -> None:
    """Offerings the learner holds are done: never chosen, they meet prerequisites, their skills count."""
    rng = random.Random("held")
    for _ in range(50):
        needs, held, offerings = random_instance(rng)
        done = {o.id for o in rng.sample(offerings, rng.randint(1, 2))}
        options = PlanOptions(target_coverage=rng.choice([0.8, 1.0]), completed=frozenset(done))
        selection = choose(needs, held, catalog_of(*offerings), options)
        assert not set(selection.chosen) & done
        best = brute_force(needs, held, offerings, options, done=done)
        assert len([n for n in selection.covered if n.required]) == best.required
        assert selection.objective == pytest.approx(best.objective, abs=1e-6)


def test_prerequisite_offering_is_pulled_in() -> None:
    catalog = catalog_of(
        offering("basics", 5, 0, {"python": 1}),
        offering("advanced", 10, 0, {"python": 4}, needs_offerings=["basics"]),
        offering("long", 40, 0, {"python": 4}),
    )
    selection = choose([Need("python", 4)], {}, catalog)
    assert selection.chosen == ("basics", "advanced")  # 15 h beats 40 h; prerequisite first
    assert selection.optimal


def test_held_skill_satisfies_prerequisite() -> None:
    catalog = catalog_of(
        offering("sql-intro", 8, 0, {"sql": 2}),
        offering("sql-deep", 10, 0, {"sql": 4}, needs_skills={"sql": 2}),
    )
    assert choose([Need("sql", 4)], {}, catalog).chosen == ("sql-intro", "sql-deep")
    assert choose([Need("sql", 4)], {"sql": 2}, catalog).chosen == ("sql-deep",)
    assert choose([Need("sql", 4)], {"sql": 4}, catalog).chosen == ()


def test_circular_skill_prerequisites_are_cut_and_still_optimal() -> None:
    # a and b each need the skill the other teaches: cheap together but impossible to start.
    catalog = catalog_of(
        offering("a", 5, 0, {"x": 2}, needs_skills={"y": 2}),
        offering("b", 5, 0, {"y": 2}, needs_skills={"x": 2}),
        offering("c", 30, 0, {"x": 2}),
    )
    selection = choose([Need("x", 2), Need("y", 2)], {}, catalog)
    assert set(selection.chosen) == {"c", "b"} and selection.chosen[0] == "c"
    assert selection.optimal and selection.objective == 35


def test_unreachable_skills_with_closest_offering() -> None:
    catalog = catalog_of(
        offering("sql-basic", 5, 0, {"sql": 2}),
        offering("paid-sql", 5, 300, {"sql": 4}),
        offering("needs-magic", 5, 0, {"r": 3}, needs_skills={"magic": 1}),
    )
    needs = [Need("sql", 4), Need("cobol", 2), Need("r", 3), Need("excel", 1, 0.5)]
    selection = choose(needs, {"excel": 3}, catalog, PlanOptions(only_free=True))
    by_skill = {u.skill: u for u in selection.unreachable}
    assert set(by_skill) == {"sql", "cobol", "r"}
    assert by_skill["sql"].closest == "paid-sql" and by_skill["sql"].best_level == 2
    assert "not free" in by_skill["sql"].reason
    assert by_skill["cobol"].closest is None and "no offering" in by_skill["cobol"].reason
    assert by_skill["r"].closest == "needs-magic"
    assert by_skill["r"].reason == "needs-magic: needs magic at level 1 first, which no usable offering teaches"
    assert selection.chosen == () and [n.skill for n in selection.gaps] == ["sql", "cobol", "r"]

    selection = choose([Need("sql", 4)], {}, catalog, PlanOptions(exclude=frozenset({"paid-sql"})))
    assert selection.unreachable[0].reason == "paid-sql: excluded (--exclude)"
    selection = choose([Need("sql", 5)], {}, catalog)
    assert selection.unreachable[0].closest == "paid-sql" and selection.unreachable[0].best_level == 4


def test_budget_maximizes_weighted_coverage_and_says_what_is_left_out() -> None:
    catalog = catalog_of(
        offering("sql", 10, 60, {"sql": 3}),
        offering("viz", 10, 50, {"data-visualization": 3}),
        offering("stats", 10, 50, {"statistics": 3}),
    )
    needs = [Need("sql", 3, 1.0), Need("data-visualization", 3, 0.8), Need("statistics", 3, 0.7)]
    selection = choose(needs, {}, catalog, PlanOptions(budget=110))
    assert set(selection.chosen) == {"sql", "viz"}  # 1.8 beats 1.5 (viz+stats) within 110
    assert [n.skill for n in selection.left_out] == ["statistics"]
    assert selection.optimal
    assert choose(needs, {}, catalog, PlanOptions(budget=0)).chosen == ()
    full = choose(needs, {}, catalog, PlanOptions(budget=1000))
    assert len(full.chosen) == 3 and not full.left_out


def test_deadline_limits_total_hours() -> None:
    catalog = catalog_of(
        offering("sql", 10, 0, {"sql": 3}),
        offering("viz", 6, 0, {"data-visualization": 3}),
    )
    needs = [Need("sql", 3, 1.0), Need("data-visualization", 3, 0.8)]
    # 14 days at 5 h/week = 10 h: only one of them fits; sql has the larger weight.
    options = PlanOptions(start=START, deadline=date(2026, 1, 18), hours_per_week=5)
    assert hours_capacity(options) == pytest.approx(10)
    selection = choose(needs, {}, catalog, options)
    assert selection.chosen == ("sql",) and [n.skill for n in selection.left_out] == ["data-visualization"]


def test_objectives_and_tie_breakers() -> None:
    catalog = catalog_of(
        offering("fast-dear", 10, 300, {"sql": 3}, provider="Dear Inc"),
        offering("slow-free", 30, 0, {"sql": 3}, provider="Free U"),
        offering("fast-free", 10, 0, {"sql": 3}, provider="Other"),
        offering("twin", 10, 0, {"sql": 3}, provider="Free U", stacks_into=["bundle"]),
    )
    need = [Need("sql", 3)]
    assert choose(need, {}, catalog).objective == 10
    assert choose(need, {}, catalog).chosen[0] in {"fast-free", "twin"}  # cost breaks the hours tie
    assert choose(need, {}, catalog, PlanOptions(minimize="cost")).chosen[0] in {"fast-free", "twin"}
    preferred = choose(need, {}, catalog, PlanOptions(prefer_provider="free u"))
    assert preferred.chosen == ("twin",)
    stacked = choose(need, {}, catalog, PlanOptions(prefer_stacks=True))
    assert stacked.chosen == ("twin",) and stacked.stacks_completed == ("bundle",)
    weighted = choose(need, {}, catalog, PlanOptions(minimize="weighted", hours_weight=0, cost_weight=1))
    assert catalog.get(weighted.chosen[0]).cost == 0


def test_exclusions_completed_and_currency() -> None:
    catalog = catalog_of(
        offering("intro", 5, 0, {"go": 1}),
        offering("main", 10, 0, {"go": 3}, needs_offerings=["intro"]),
        offering("euro", 1, 10, {"go": 3}, currency="EUR"),
        offering("usd-1", 50, 10, {"go": 3}),
        offering("usd-2", 50, 10, {"go": 3}),
    )
    # Minimizing hours, prices in any currency are kept as published: the 1-hour EUR course wins.
    assert choose([Need("go", 3)], {}, catalog).chosen == ("euro",)
    # Comparing money (cost, weighted, a budget) needs one currency: the others are left out, and said so.
    by_cost = choose([Need("go", 3)], {}, catalog, PlanOptions(minimize="cost"))
    assert by_cost.chosen == ("intro", "main")
    assert by_cost.notes == ("1 offering priced in another currency than USD left out",)
    assert [s.offering for s in by_cost.skipped] == ["euro"] and by_cost.skipped[0].kind == "currency"
    budget = PlanOptions(budget=100, exclude=frozenset({"intro"}))
    assert choose([Need("go", 3)], {}, catalog, budget).chosen == ("usd-1",)
    done = choose([Need("go", 3)], {}, catalog, PlanOptions(minimize="cost", completed=frozenset({"intro"})))
    assert done.chosen == ("main",) and "intro" in done.done
    assert choose([Need("go", 3)], {}, catalog, PlanOptions(minimize="cost", currency="EUR")).chosen == (
        "intro",
        "main",
    )
    small = catalog_of(catalog.get("intro"), catalog.get("main"))
    none = choose([Need("go", 3)], {}, small, PlanOptions(exclude=frozenset({"intro"})))
    assert none.chosen == () and none.unreachable[0].closest == "main"
    assert none.unreachable[0].reason == "main: needs intro first (excluded (--exclude))"
    providers = choose([Need("go", 3)], {}, catalog, PlanOptions(exclude_providers=("PROVIDER",)))
    assert providers.chosen == () and "excluded (--exclude-provider)" in providers.unreachable[0].reason


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (PlanOptions(budget=-1), "budget must be zero or more"),
        (PlanOptions(hours_per_week=0), "hours-per-week must be more than 0"),
        (PlanOptions(minimize="fun"), "--minimize must be one of"),
        (PlanOptions(start=START, deadline=date(2025, 12, 1)), "is before the start"),
        (PlanOptions(deadline=START), "needs a start date"),
        (PlanOptions(exclude=frozenset({"ghost"})), "--exclude ghost: no such offering"),
        (PlanOptions(completed=frozenset({"ghost"})), "--completed ghost: no such offering"),
        (PlanOptions(target_coverage=1.5), "--target-coverage must be 0-100"),
        (PlanOptions(max_steps=-1), "--max-steps must be zero or more"),
        (PlanOptions(minimize="weighted", hours_weight=0, cost_weight=0), "positive"),
    ],
)
def test_bad_options_are_one_line_errors(options: PlanOptions, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        choose([Need("sql", 3)], {}, catalog_of(offering("a")), options)
    assert "\n" not in str(caught.value)


def test_empty_catalog_and_bad_needs() -> None:
    with pytest.raises(InputError, match="the catalog has no offerings"):
        choose([Need("sql", 3)], {}, catalog_of())
    with pytest.raises(InputError, match="level must be 1-5"):
        choose([("sql", 7, 1.0)], {}, catalog_of(offering("a")))


def test_needs_as_tuples_are_merged_per_skill() -> None:
    selection = choose([("sql", 2, 1.0), ("sql", 3, 0.5)], {}, catalog_of(offering("a", 1, 0, {"sql": 3})))
    assert selection.needs == (Need("sql", 3, 1.0),)


def test_greedy_fallback_when_solver_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "highspy", None)  # `import highspy` now raises ImportError
    catalog = catalog_of(offering("basics", 5, 0, {"r": 1}), offering("r", 10, 0, {"r": 3}, needs_offerings=["basics"]))
    selection = choose([Need("r", 3)], {}, catalog)
    assert selection.chosen == ("basics", "r")
    assert not selection.optimal and selection.gap is None and selection.solver == "greedy"
    assert selection.status == "greedy: solver unavailable" and "not installed" in selection.notes[0]


def test_greedy_fallback_on_time_limit_and_on_request() -> None:
    catalog = catalog_of(offering("a", 5, 0, {"sql": 3}), offering("b", 50, 0, {"sql": 3}))
    timed_out = choose([Need("sql", 3)], {}, catalog, PlanOptions(time_limit=1e-9))
    assert timed_out.chosen == ("a",) and not timed_out.optimal
    assert timed_out.status.startswith("greedy: the solver stopped")
    asked = choose([Need("sql", 3)], {}, catalog, PlanOptions(solver="greedy"))
    assert asked.chosen == ("a",) and asked.status == "greedy: requested" and not asked.optimal


def test_greedy_respects_budget_and_prerequisites() -> None:
    catalog = catalog_of(
        offering("pre", 2, 10, {"x": 1}),
        offering("main", 5, 20, {"y": 3}, needs_skills={"x": 1}),
        offering("other", 5, 50, {"z": 3}),
    )
    needs = [Need("y", 3, 1.0), Need("z", 3, 1.0)]
    selection = choose(needs, {}, catalog, PlanOptions(solver="greedy", budget=40))
    assert selection.chosen == ("pre", "main") and [n.skill for n in selection.left_out] == ["z"]


def test_solver_prints_nothing_on_stdout() -> None:
    # HiGHS writes a banner to file descriptor 1 on first use; it must never reach `plan --json`.
    code = (
        "from credwallet.planner.optimize import choose, Need\n"
        "from credwallet.planner.catalog import catalog_from_offerings, Offering, SkillLevel\n"
        "o = Offering('a', 'A', 'P', 'course', 1.0, 0.0, (SkillLevel('sql', 3),))\n"
        "s = choose([Need('sql', 3)], {}, catalog_from_offerings([o]))\n"
        "import json, sys; sys.stderr.write(json.dumps([s.chosen, s.solver]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == ""
    chosen, solver = json.loads(result.stderr)
    assert chosen == ["a"] and solver.startswith("highs")


def test_time_limit_incumbent_is_kept_unless_greedy_beats_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from credwallet.planner import mip

    catalog = catalog_of(offering("a", 5, 100, {"sql": 3}), offering("b", 50, 0, {"sql": 3}))  # b: not dominated

    def stopped(chosen: tuple[str, ...]) -> object:
        return lambda *args: mip.Outcome(chosen, "time limit reached", 0.3, False, "highs 1.16.0", True)

    monkeypatch.setattr(mip, "solve", stopped(("b",)))
    worse = choose([Need("sql", 3)], {}, catalog)
    assert worse.chosen == ("a",) and not worse.optimal and worse.status.startswith("greedy: better than")
    monkeypatch.setattr(mip, "solve", stopped(("a",)))
    kept = choose([Need("sql", 3)], {}, catalog)
    assert kept.chosen == ("a",) and not kept.optimal and kept.gap == 0.3 and kept.status == "time limit reached"

"""Robust solving: a proven phase-1 optimum is never thrown away, greedy only when HiGHS fails (with a bound).

The four instances below are the shapes an independent brute-force check found where the old second phase
(least effort at the best coverage, with a float coverage floor) was declared infeasible by HiGHS 1.16's
presolve, and the planner fell back to a greedy plan that dropped the heaviest skill: a budget with a
deadline, a deadline alone, a budget alone, and a large budget with a year's deadline.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from credwallet.planner import mip, optimize
from credwallet.planner.needs import Need
from credwallet.planner.optimize import choose
from credwallet.planner.options import PlanOptions
from tests.planner.brute import START, brute_force
from tests.planner.helpers import catalog_of, offering

Spec = tuple[str, float, float, dict[str, int], dict[str, int], list[str]]

INSTANCES: dict[str, tuple[float | None, int | None, float, list[Need], dict[str, int], list[Spec]]] = {
    "budget 500 USD, deadline 190 days, 10 offerings": (
        500,
        190,
        10,
        [
            Need("s5", 4, 0.82),
            Need("s0", 1, 0.84),
            Need("s2", 4, 0.9),
            Need("s3", 3, 0.37),
            Need("s1", 3, 0.45),
            Need("s4", 2, 0.97),
        ],
        {"s2": 1, "s3": 2},
        [
            ("o0", 80, 49, {"s5": 4}, {}, []),
            ("o1", 20, 300, {"s3": 4, "s4": 4, "s0": 2}, {}, []),
            ("o2", 20, 0, {"s1": 3, "s3": 2}, {}, []),
            ("o3", 200, 0, {"s4": 3}, {"s1": 1}, []),
            ("o4", 20, 99, {"s5": 1, "s2": 2, "s3": 4}, {}, []),
            ("o5", 200, 575, {"s5": 3}, {}, []),
            ("o6", 40, 0, {"s5": 1, "s3": 1, "s2": 1}, {"s1": 2}, []),
            ("o7", 80, 49, {"s4": 2, "s2": 3}, {"s4": 3}, ["o4"]),
            ("o8", 40, 300, {"s1": 3, "s2": 4}, {}, []),
            ("o9", 20, 0, {"s2": 3, "s3": 2}, {}, []),
        ],
    ),
    "deadline 90 days alone, 10 offerings": (
        None,
        90,
        5,
        [
            Need("s4", 4, 0.32),
            Need("s3", 2, 0.6),
            Need("s0", 4, 0.91),
            Need("s6", 1, 0.99),
            Need("s5", 1, 0.4),
            Need("s2", 3, 0.68),
            Need("s7", 3, 0.57),
            Need("s1", 2, 0.74),
        ],
        {"s1": 0, "s4": 2},
        [
            ("o0", 20, 300, {"s6": 3}, {}, []),
            ("o1", 5, 0, {"s1": 4, "s2": 1}, {"s2": 1}, []),
            ("o2", 5, 294, {"s3": 3, "s5": 2}, {"s6": 1}, []),
            ("o3", 200, 450, {"s5": 4, "s3": 1}, {"s0": 1}, []),
            ("o4", 10, 294, {"s3": 1, "s4": 1, "s1": 2}, {"s5": 2}, []),
            ("o5", 60, 99, {"s2": 3}, {"s3": 1}, []),
            ("o6", 10, 294, {"s6": 2, "s1": 4}, {}, []),
            ("o7", 40, 450, {"s0": 4}, {"s6": 1}, []),
            ("o8", 40, 294, {"s4": 4}, {}, ["o6"]),
            ("o9", 60, 300, {"s3": 3}, {}, ["o8"]),
        ],
    ),
    "budget 300 USD alone, 12 offerings": (
        300,
        None,
        10,
        [
            Need("s5", 3, 0.3),
            Need("s0", 1, 0.82),
            Need("s1", 4, 0.65),
            Need("s2", 1, 0.37),
            Need("s3", 1, 0.55),
            Need("s6", 2, 0.96),
            Need("s4", 3, 0.71),
            Need("s7", 1, 0.51),
        ],
        {"s4": 1, "s1": 2},
        [
            ("o0", 60, 300, {"s4": 1, "s3": 2, "s6": 2}, {"s4": 1}, []),
            ("o1", 5, 575, {"s1": 3, "s4": 4}, {"s4": 2}, []),
            ("o2", 20, 150, {"s0": 4, "s4": 3, "s1": 1}, {}, []),
            ("o3", 150, 0, {"s5": 1, "s1": 2, "s6": 2}, {"s3": 2}, []),
            ("o4", 10, 575, {"s7": 4}, {}, ["o2"]),
            ("o5", 5, 294, {"s6": 2, "s7": 2, "s5": 1}, {"s7": 3}, []),
            ("o6", 80, 150, {"s5": 4, "s1": 4}, {}, []),
            ("o7", 5, 300, {"s0": 1, "s3": 3, "s7": 4}, {"s3": 3}, []),
            ("o8", 20, 99, {"s1": 1, "s5": 4, "s0": 3}, {"s6": 2}, ["o0"]),
            ("o9", 80, 294, {"s1": 3}, {"s0": 2}, []),
            ("o10", 5, 49, {"s7": 4, "s3": 4}, {"s5": 2}, []),
            ("o11", 150, 294, {"s5": 2, "s6": 1}, {}, ["o6"]),
        ],
    ),
    "budget 1000 USD, deadline 365 days, 8 offerings": (
        1000,
        365,
        8,
        [
            Need("s6", 4, 0.9),
            Need("s5", 3, 0.5),
            Need("s3", 2, 0.98),
            Need("s4", 1, 0.97),
            Need("s1", 1, 0.97),
            Need("s2", 2, 0.94),
            Need("s7", 1, 0.8),
            Need("s0", 1, 0.91),
        ],
        {"s7": 0, "s6": 2},
        [
            ("o0", 60, 150, {"s4": 4}, {}, []),
            ("o1", 120, 300, {"s5": 4, "s1": 2}, {"s2": 1}, ["o0"]),
            ("o2", 200, 294, {"s5": 1, "s7": 2}, {}, []),
            ("o3", 200, 294, {"s2": 4}, {}, []),
            ("o4", 60, 0, {"s3": 3}, {}, []),
            ("o5", 20, 300, {"s7": 4, "s4": 4, "s1": 4}, {"s2": 3}, []),
            ("o6", 40, 294, {"s5": 4, "s7": 1, "s2": 2}, {}, []),
            ("o7", 80, 450, {"s3": 3, "s0": 4}, {}, []),
        ],
    ),
}


def instance(name: str) -> tuple[list[Need], dict[str, int], list[Any], PlanOptions]:
    budget, days, per_week, needs, held, specs = INSTANCES[name]
    offerings = [offering(i, h, c, t, needs_skills=ns, needs_offerings=no) for i, h, c, t, ns, no in specs]
    deadline = START + timedelta(days=days) if days is not None else None
    options = PlanOptions(budget=budget, start=START, deadline=deadline, hours_per_week=per_week, target_coverage=1.0)
    return needs, held, offerings, options


def covered_units(selection: Any) -> int:
    return sum(round(n.weight * 10_000) for n in selection.covered)


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_former_infeasible_second_phase_gives_the_optimum(name: str) -> None:
    needs, held, offerings, options = instance(name)
    selection = choose(needs, held, catalog_of(*offerings), options)
    best = brute_force(needs, held, offerings, options)
    assert selection.optimal and selection.solver.startswith("highs")
    assert covered_units(selection) == best.covered
    assert selection.objective == pytest.approx(best.objective)


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_when_phase_two_fails_the_phase_one_optimum_is_returned(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every solve after the first fail (as HiGHS's presolve did): phase 1's plan comes back, pruned,
    still proven optimal for coverage, and says that its effort may not be the least."""
    runs = {"count": 0}
    real_run = mip._Model.run

    def failing_after_first(self: Any, deadline_at: float) -> mip.Outcome:
        runs["count"] += 1
        if runs["count"] == 1:
            return real_run(self, deadline_at)
        return mip.Outcome((), "infeasible", None, False, "highs", False)

    monkeypatch.setattr(mip._Model, "run", failing_after_first)
    # The plan without limits (said up front when a limit leaves items out) is solved afterwards: not counted.
    monkeypatch.setattr(optimize, "_without_limits", lambda *args: None)
    needs, held, offerings, options = instance(name)
    selection = choose(needs, held, catalog_of(*offerings), options)
    best = brute_force(needs, held, offerings, options)
    assert runs["count"] == 3  # phase 1, phase 2, phase 2 again without presolve
    assert selection.optimal and selection.status == "optimal coverage (phase 1)"
    assert covered_units(selection) == best.covered
    assert "proven optimal for coverage" in selection.notes[0]
    assert selection.objective >= best.objective - 1e-9
    chosen = [o for o in offerings if o.id in selection.chosen]
    assert sum(o.cost for o in chosen) <= (options.budget or float("inf"))


def test_presolve_off_retry_rescues_phase_two(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_run = mip._Model.run

    def presolve_fails(self: Any, deadline_at: float) -> mip.Outcome:
        calls.append(str(self.highs.getOptionValue("presolve")[1]))
        if len(calls) == 2:  # phase 2 with presolve on
            return mip.Outcome((), "infeasible", None, False, "highs", False)
        return real_run(self, deadline_at)

    monkeypatch.setattr(mip._Model, "run", presolve_fails)
    monkeypatch.setattr(optimize, "_without_limits", lambda *args: None)
    needs, held, offerings, options = instance("budget 500 USD, deadline 190 days, 10 offerings")
    selection = choose(needs, held, catalog_of(*offerings), options)
    best = brute_force(needs, held, offerings, options)
    assert calls == ["choose", "choose", "off"]
    assert selection.status == "optimal" and selection.objective == pytest.approx(best.objective)


def test_greedy_only_when_highs_fails_and_then_with_an_lp_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        mip._Model, "run", lambda self, deadline_at: mip.Outcome((), "solver error", None, False, "highs", False)
    )
    catalog = catalog_of(
        offering("wide", 30, 0, {"a": 3, "b": 3}),
        offering("a-only", 12, 0, {"a": 3}),
        offering("b-only", 12, 0, {"b": 3}),
    )
    needs = [Need("a", 3, 1.0, True), Need("b", 3, 1.0, True)]
    selection = choose(needs, {}, catalog, PlanOptions())
    assert selection.solver == "greedy" and not selection.optimal
    assert selection.status.startswith("greedy: the solver stopped (solver error)")
    assert {n.skill for n in selection.covered} == {"a", "b"}
    assert selection.bound is not None and selection.bound <= selection.objective + 1e-9
    assert selection.bound == pytest.approx(24, abs=1e-6)  # the relaxation finds the 24-hour pair


def test_a_new_search_finds_no_lost_phase_two() -> None:
    """Random instances of the same shapes (the check that found the four) never lose phase 2 now."""
    import random

    from tests.planner.brute import random_instance

    rng = random.Random("phase-two")
    notes = 0
    for _ in range(80):
        needs, held, offerings = random_instance(rng, groups=False, foundation=False)
        options = PlanOptions(
            budget=rng.choice([None, 100, 300, 500]),
            start=START,
            deadline=START + timedelta(days=rng.choice([30, 90, 190, 365])),
            hours_per_week=rng.choice([3, 5, 8, 10]),
            target_coverage=1.0,
        )
        selection = choose(needs, held, catalog_of(*offerings), options)
        assert selection.optimal and selection.solver.startswith("highs")
        notes += any("second phase" in note for note in selection.notes)
    assert notes == 0

"""The 0-1 integer program behind `choose`, solved with HiGHS (`highspy`), and kept exact and robust.

Columns: x_o (take offering o); y_k (gap k is closed, binary; a choice group still short of two or more
members gets a z column per member); c (coverage counted towards the target, only when limits apply).
Weights are integer units (needs.UNITS), so every coverage floor is an exact integer.

Rows: a gap is closed only by offerings teaching a member skill at its level; offering prerequisites
(x_o <= sum of x over the group's alternatives); skill prerequisites not held (x_o <= sum of x_q over the
other offerings teaching the skill at that level and needing less of it); budget, hours and step limits.
Chosen sets whose skill prerequisites satisfy each other in a circle cannot be scheduled; they are cut off
with a valid inequality and the program solved again, so the answer stays proven optimal.

Without limits one solve: every required gap closed, target coverage reached, least effort. With limits
two phases: (1) the most required gaps, then the most coverage up to the target (least effort as a
sub-unit tie-break); (2) least effort at that coverage. Phase 1's plan is proven optimal for coverage and
is never thrown away: when phase 2 cannot be solved (HiGHS 1.16's presolve wrongly rejects some of these
programs), it is solved again without presolve, and failing that phase 1's plan, minus anything it does not
need, is the answer.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from credwallet.planner.catalog import Offering
from credwallet.planner.needs import Need, levels_after
from credwallet.planner.options import PlanOptions, primary_cost, secondary_cost
from credwallet.planner.schedule import order_offerings

# Tie-breakers ride on the objective with weights far below any real difference in hours or money.
SECONDARY_SHARE = 1e-4  # all secondary-metric terms together stay below this many objective units
PREFERENCE_SHARE = 1e-6  # all provider / stack preference terms together stay below this
PHASE1_EFFORT_SHARE = 0.4  # phase 1's effort tie-break stays below half a weight unit in total
MAX_CUT_ROUNDS = 200  # circular-prerequisite cuts; real catalogs need none or a few
LP_BOUND_SECONDS = 2.0


@dataclass(frozen=True)
class Problem:
    """One program: the offerings that can matter, the gaps to close and what the plan must reach."""

    offerings: tuple[Offering, ...]
    gaps: tuple[Need, ...]
    weights: tuple[int, ...]  # integer weight units per gap
    target: int  # units of gap weight the plan must close (<= sum of weights)
    held: Mapping[str, int]
    done: frozenset[str]
    options: PlanOptions
    capacity: float | None
    limited: bool
    stack_targets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def by_id(self) -> dict[str, Offering]:
        return {o.id: o for o in self.offerings}

    def truth(self, chosen: Iterable[str]) -> tuple[int, int]:
        """(required gaps closed, weight units closed up to the target) by a chosen set, computed exactly."""
        by_id = self.by_id
        levels = levels_after(self.held, (by_id[c] for c in chosen))
        required = sum(1 for n in self.gaps if n.required and n.met_by(levels))
        closed = sum(w for n, w in zip(self.gaps, self.weights, strict=True) if n.met_by(levels))
        return required, min(self.target, closed)

    @property
    def best_possible(self) -> tuple[int, int]:
        return sum(1 for n in self.gaps if n.required), self.target


@dataclass(frozen=True, slots=True)
class Outcome:
    """What solving found: chosen ids, the solver's status and proven relative gap."""

    chosen: tuple[str, ...]
    status: str
    gap: float | None
    optimal: bool
    solver: str
    chosen_found: bool
    note: str | None = None


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    # HiGHS's C++ constructor writes a banner straight to file descriptor 1 once per process; domain code
    # must never print (it would corrupt `plan --json`), so fd 1 points at /dev/null while it runs.
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def solver_name(highs: Any = None) -> str:
    """`highs 1.16.0`: the version the library reports (importlib.metadata alone took 45 ms to import)."""
    try:
        if highs is None:
            modules = _imports()
            if modules is None:
                return "highs"
            with _stdout_silenced():
                highs = modules[0].Highs()
        return f"highs {highs.version()}"
    except Exception:
        return "highs"


class _Rows:
    """Constraint rows gathered as lists, handed to HiGHS in one `addRows` call."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.starts: list[int] = []
        self.indices: list[int] = []
        self.values: list[float] = []

    def add(self, lower: float, upper: float, terms: Mapping[int, float]) -> None:
        self.lower.append(lower)
        self.upper.append(upper)
        self.starts.append(len(self.indices))
        self.indices.extend(terms)
        self.values.extend(terms.values())

    def flush(self, highs: Any, np: Any) -> None:
        if not self.lower:
            return
        highs.addRows(
            len(self.lower),
            np.array(self.lower, dtype=np.double),
            np.array(self.upper, dtype=np.double),
            len(self.indices),
            np.array(self.starts, dtype=np.int32),
            np.array(self.indices, dtype=np.int32),
            np.array(self.values, dtype=np.double),
        )
        self.__init__()  # type: ignore[misc]


class _Model:
    """The program for one Problem inside a HiGHS instance, with the columns' positions."""

    def __init__(self, problem: Problem, highspy: Any, np: Any, *, relax: bool = False) -> None:
        self.problem, self.highspy, self.np = problem, highspy, np
        inf = highspy.kHighsInf
        offerings = problem.offerings
        self.n = n = len(offerings)
        self.index = {o.id: i for i, o in enumerate(offerings)}
        held = problem.held
        teachers: dict[str, list[tuple[int, int]]] = {}
        for i, offering in enumerate(offerings):
            for taught in offering.skills:
                teachers.setdefault(taught.skill, []).append((i, taught.level))
        self.teachers = teachers
        lower: list[float] = [0.0] * n
        upper: list[float] = [1.0] * n
        integer: list[int] = list(range(n))
        rows = _Rows()
        self.y0 = n
        cols = n
        for need in problem.gaps:
            lower.append(1.0 if need.required and not problem.limited else 0.0)
            upper.append(1.0)
        cols += len(problem.gaps)
        # Every y is binary: the coverage row is then a knapsack HiGHS strengthens with cover cuts (with
        # continuous y a relaxation closes a gap with half of two offerings, and 80%-coverage programs took
        # several times longer).
        integer.extend(range(self.y0, self.y0 + len(problem.gaps)))
        for k, need in enumerate(problem.gaps):
            y = self.y0 + k
            open_members = [m for m in need.members if held.get(m, 0) < need.level]
            missing = need.missing(held)
            if missing <= 1:
                terms: dict[int, float] = {}
                for member in open_members:
                    for i, level in teachers.get(member, ()):
                        if level >= need.level:
                            terms[i] = terms.get(i, 0.0) + 1.0
                terms[y] = -1.0
                rows.add(0.0, inf, terms)
                continue
            group: dict[int, float] = {y: -float(missing)}
            for member in open_members:
                z = cols
                cols += 1
                lower.append(0.0)
                upper.append(1.0)
                group[z] = 1.0
                terms = {i: 1.0 for i, level in teachers.get(member, ()) if level >= need.level}
                terms[z] = -1.0
                rows.add(0.0, inf, terms)
            rows.add(0.0, inf, group)
        self.c = -1
        if problem.limited:
            self.c = cols
            cols += 1
            lower.append(0.0)
            upper.append(float(problem.target))
            terms = {self.y0 + k: float(w) for k, w in enumerate(problem.weights)}
            terms[self.c] = -1.0
            rows.add(0.0, inf, terms)
        elif problem.target > 0:
            rows.add(problem.target - 0.5, inf, {self.y0 + k: float(w) for k, w in enumerate(problem.weights)})
        self.s0 = cols
        self.stacks = [[self.index[m] for m in members] for members in problem.stack_targets.values()]
        cols += len(self.stacks)
        lower.extend([0.0] * len(self.stacks))
        upper.extend([1.0] * len(self.stacks))
        for t, columns in enumerate(self.stacks):
            for column in columns:
                rows.add(-inf, 0.0, {self.s0 + t: 1.0, column: -1.0})
        needs_of = [{pre.skill: pre.level for pre in o.prerequisite_skills} for o in offerings]
        for i, offering in enumerate(offerings):
            for group_ids in offering.prerequisite_groups:
                if any(p in problem.done for p in group_ids):
                    continue
                terms = {self.index[needed]: -1.0 for needed in group_ids if needed in self.index}
                terms[i] = 1.0
                rows.add(-inf, 0.0, terms)
            for pre in offering.prerequisite_skills:
                if held.get(pre.skill, 0) >= pre.level:
                    continue
                # Only offerings that need less of this skill than `pre` can be the first to reach it: in any
                # valid order the earliest offering reaching the level is one of them, so no plan is lost
                # and same-skill chains (each course needing the level below) cannot satisfy each other.
                terms = {
                    q: -1.0
                    for q, level in teachers.get(pre.skill, ())
                    if q != i and level >= pre.level and needs_of[q].get(pre.skill, 0) < pre.level
                }
                terms[i] = 1.0
                rows.add(-inf, 0.0, terms)
        options = problem.options
        if options.budget is not None:
            rows.add(-inf, options.budget + 1e-9, {i: o.cost for i, o in enumerate(offerings) if o.cost})
        if problem.capacity is not None:
            rows.add(-inf, problem.capacity + 1e-9, {i: o.hours for i, o in enumerate(offerings) if o.hours})
        if options.max_steps is not None:
            rows.add(-inf, options.max_steps + 0.5, {i: 1.0 for i in range(n)})
        self.cols = cols
        with _stdout_silenced():
            highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("log_to_console", False)
        highs.setOptionValue("mip_rel_gap", 1e-9)
        highs.setOptionValue("mip_abs_gap", 1e-9)
        highs.setOptionValue("random_seed", 0)
        highs.setOptionValue("threads", 1)
        highs.addVars(cols, np.array(lower, dtype=np.double), np.array(upper, dtype=np.double))
        if not relax:
            highs.changeColsIntegrality(
                len(integer),
                np.array(integer, dtype=np.int32),
                np.array([highspy.HighsVarType.kInteger] * len(integer)),
            )
        rows.flush(highs, np)
        self.highs = highs

    def effort(self) -> list[float]:
        """Per offering: primary cost plus the secondary metric and preferences as sub-unit tie-breaks."""
        options = self.problem.options
        pool = self.problem.offerings
        eps_secondary = SECONDARY_SHARE / (1.0 + sum(secondary_cost(o, options) for o in pool))
        eps_preference = PREFERENCE_SHARE / (1.0 + 2 * len(pool))
        wanted = options.prefer_provider.casefold() if options.prefer_provider else None
        costs = []
        for offering in pool:
            price = primary_cost(offering, options) + eps_secondary * secondary_cost(offering, options)
            if wanted and wanted not in offering.provider.casefold():
                price += eps_preference
            costs.append(price + eps_preference * 1e-3)  # never take a free, useless offering
        return costs

    def set_costs(self, costs: Mapping[int, float]) -> None:
        full = [0.0] * self.cols
        for col, value in costs.items():
            full[col] = value
        np = self.np
        self.highs.changeColsCost(self.cols, np.arange(self.cols, dtype=np.int32), np.array(full, dtype=np.double))

    def minimize_effort(self) -> None:
        costs: dict[int, float] = dict(enumerate(self.effort()))
        for t in range(len(self.stacks)):
            costs[self.s0 + t] = -PREFERENCE_SHARE / (1.0 + 2 * self.n)
        self.set_costs(costs)

    def maximize_coverage(self) -> None:
        """Phase 1: required gaps first, then coverage up to the target, then (sub-unit) least effort."""
        problem = self.problem
        big = float(problem.target + 1)
        effort = self.effort()
        scale = PHASE1_EFFORT_SHARE / (1.0 + sum(effort))
        costs: dict[int, float] = {i: scale * value for i, value in enumerate(effort)}
        for k, need in enumerate(problem.gaps):
            if need.required:
                costs[self.y0 + k] = -big
        costs[self.c] = -1.0
        self.set_costs(costs)

    def add_floor(self, required: int, closed: int) -> None:
        """Phase 2 keeps phase 1's required count and coverage (integers, so floors sit half a unit below)."""
        inf = self.highspy.kHighsInf
        rows = _Rows()
        required_terms = {self.y0 + k: 1.0 for k, n in enumerate(self.problem.gaps) if n.required}
        if required_terms and required > 0:
            rows.add(required - 0.5, inf, required_terms)
        if closed > 0:
            rows.add(closed - 0.5, inf, {self.y0 + k: float(w) for k, w in enumerate(self.problem.weights)})
        rows.flush(self.highs, self.np)

    def run(self, deadline_at: float) -> Outcome:
        """Solve, cutting off circular skill-prerequisite sets until the chosen set can be scheduled."""
        highs, highspy = self.highs, self.highspy
        offerings = self.problem.offerings
        status = "not run"
        for _ in range(MAX_CUT_ROUNDS):
            remaining = deadline_at - time.perf_counter()
            if remaining <= 0:
                return Outcome((), "time-limit", None, False, "highs", False)
            highs.setOptionValue("time_limit", remaining)
            highs.run()
            model_status = highs.getModelStatus()
            info = highs.getInfo()
            status = highs.modelStatusToString(model_status).lower()
            optimal = model_status == highspy.HighsModelStatus.kOptimal
            if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
                return Outcome((), status, None, False, "highs", False)
            values = highs.getSolution().col_value
            chosen = [offerings[i] for i in range(self.n) if values[i] > 0.5]
            _, stuck = order_offerings(chosen, self.problem.held, self.problem.done)
            gap = max(0.0, float(info.mip_gap)) if info.mip_gap < float("inf") else None
            if not stuck:
                ids = tuple(o.id for o in chosen)
                return Outcome(ids, "optimal" if optimal else status, gap, optimal, "highs", True)
            if not optimal:  # no time left to cut and re-solve: let the caller fall back
                return Outcome((), status, gap, False, "highs", False)
            self._cut_circle(chosen, stuck)
        return Outcome((), f"{status} (circular prerequisites not resolved)", None, False, "highs", False)

    def objective_value(self) -> float:
        return float(self.highs.getInfo().objective_function_value)

    def _cut_circle(self, chosen: Sequence[Offering], stuck: Sequence[Offering]) -> None:
        """Forbid taking all of `stuck` unless some outside offering meets one of their open prerequisites."""
        offerings = self.problem.offerings
        stuck_ids = {o.id for o in stuck}
        reach = levels_after(self.problem.held, (o for o in chosen if o.id not in stuck_ids))
        terms: dict[int, float] = {self.index[o.id]: 1.0 for o in stuck}
        for offering in stuck:
            for pre in offering.prerequisite_skills:
                if reach.get(pre.skill, 0) >= pre.level:
                    continue
                for q in offerings:
                    if q.id not in stuck_ids and q.level_of(pre.skill) >= pre.level:
                        terms[self.index[q.id]] = -1.0
        rows = _Rows()
        rows.add(-self.highspy.kHighsInf, len(stuck) - 1.0, terms)
        rows.flush(self.highs, self.np)


def _imports() -> tuple[Any, Any] | None:
    try:
        import highspy
        import numpy as np
    except ImportError:
        return None
    return highspy, np


def solve(problem: Problem) -> Outcome | None:
    """Solve the program; None when highspy is not installed. An Outcome without a plan means HiGHS failed."""
    modules = _imports()
    if modules is None:
        return None
    highspy, np = modules
    if not problem.gaps or problem.best_possible == (0, 0):
        return Outcome((), "optimal", 0.0, True, solver_name(), True)
    deadline_at = time.perf_counter() + problem.options.time_limit
    model = _Model(problem, highspy, np)
    name = solver_name(model.highs)
    if not problem.limited:
        model.minimize_effort()
        outcome = _with_retry(model, deadline_at)
        return _named(outcome, name)
    model.maximize_coverage()
    first = model.run(deadline_at)
    if not first.chosen_found or not first.optimal:
        return _named(first, name)
    required, closed = problem.truth(first.chosen)
    model.add_floor(required, closed)
    model.minimize_effort()
    second = _with_retry(model, deadline_at)
    if second.chosen_found and problem.truth(second.chosen) >= (required, closed):
        return _named(second, name)
    kept = prune(first.chosen, problem)
    why = f"the second phase ({second.status}) could not be solved"
    note = f"{why}: this plan is proven optimal for coverage; its hours or cost may not be the least"
    return Outcome(kept, "optimal coverage (phase 1)", first.gap, True, name, True, note)


def _with_retry(model: _Model, deadline_at: float) -> Outcome:
    outcome = model.run(deadline_at)
    if outcome.chosen_found or outcome.status == "time-limit" or "time limit" in outcome.status:
        return outcome
    model.highs.setOptionValue("presolve", "off")  # HiGHS presolve rejects some feasible programs
    retried = model.run(deadline_at)
    model.highs.setOptionValue("presolve", "choose")
    return retried if retried.chosen_found else outcome


def _named(outcome: Outcome, name: str) -> Outcome:
    return Outcome(
        outcome.chosen, outcome.status, outcome.gap, outcome.optimal, name, outcome.chosen_found, outcome.note
    )


def prune(chosen: Sequence[str], problem: Problem) -> tuple[str, ...]:
    """Drop offerings (dearest first) the chosen set does not need for its required gaps, coverage and order."""
    by_id = problem.by_id
    keep = list(chosen)
    goal = problem.truth(keep)
    for offering_id in sorted(keep, key=lambda o: (-primary_cost(by_id[o], problem.options), o)):
        rest = [o for o in keep if o != offering_id]
        if problem.truth(rest) < goal:
            continue
        if order_offerings([by_id[o] for o in rest], problem.held, problem.done)[1]:
            continue
        keep = rest
    return tuple(keep)


def lp_bound(problem: Problem, required: int, closed: int) -> float | None:
    """A lower bound on the effort of any plan closing `required` required gaps and `closed` weight units:
    the linear relaxation's optimum (None when it cannot be computed)."""
    modules = _imports()
    if modules is None:
        return None
    highspy, np = modules
    try:
        model = _Model(problem, highspy, np, relax=True)
        model.add_floor(required, closed)
        model.minimize_effort()
        model.highs.setOptionValue("time_limit", LP_BOUND_SECONDS)
        model.highs.run()
        if model.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return max(0.0, model.objective_value())
    except Exception:
        return None

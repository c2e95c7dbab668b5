"""The 0-1 integer program behind `choose`, solved with HiGHS (`highspy`), with its exactness kept.

Variables x_o (take offering o). Coverage: for each gap (skill, level), the sum of x over offerings teaching
it at that level is >= 1 (or >= y_k, a soft coverage variable, when a budget or deadline may make full
coverage impossible: then weighted coverage is maximized first and effort minimized second). Offering
prerequisites: x_o <= x_p. Skill prerequisites not already held: x_o <= sum of x_q over the other offerings
teaching the skill at that level and needing less of it. Chosen sets in which skill prerequisites still
satisfy each other in a circle (across skills) cannot be scheduled; they are cut off with a valid
inequality and the program solved again, so the answer stays proven optimal.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from credwallet.planner.schedule import order_offerings

if TYPE_CHECKING:
    from credwallet.planner.catalog import Catalog, Offering
    from credwallet.planner.optimize import Need, PlanOptions

# Tie-breakers ride on the objective with weights far below any real difference in hours or money.
SECONDARY_SHARE = 1e-4  # all secondary-metric terms together stay below this many objective units
PREFERENCE_SHARE = 1e-6  # all provider / stack preference terms together stay below this
MAX_CUT_ROUNDS = 200  # circular-prerequisite cuts; real catalogs need none or a few


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one solve found: chosen ids, the solver's status and proven relative gap."""

    chosen: tuple[str, ...]
    status: str
    gap: float | None
    optimal: bool
    solver: str
    chosen_found: bool


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


def _solver_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"highs {version('highspy')}"
    except PackageNotFoundError:
        return "highs"


def _new_highs(highspy: Any) -> Any:
    with _stdout_silenced():
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("log_to_console", False)
    highs.setOptionValue("mip_rel_gap", 1e-9)
    highs.setOptionValue("mip_abs_gap", 1e-9)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("threads", 1)
    return highs


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


def _objective(pool: Sequence[Offering], options: PlanOptions) -> list[float]:
    from credwallet.planner.optimize import primary_cost

    def secondary(o: Offering) -> float:
        return {"hours": o.cost, "cost": o.hours}.get(options.minimize, 0.0)

    eps_secondary = SECONDARY_SHARE / (1.0 + sum(secondary(o) for o in pool))
    eps_preference = PREFERENCE_SHARE / (1.0 + 2 * len(pool))
    wanted = options.prefer_provider.casefold() if options.prefer_provider else None
    costs = []
    for offering in pool:
        price = primary_cost(offering, options) + eps_secondary * secondary(offering)
        if wanted and wanted not in offering.provider.casefold():
            price += eps_preference
        costs.append(price + eps_preference * 1e-3)  # never take a free, useless offering
    return costs


def solve(
    gaps: Sequence[Need],
    pool: Mapping[str, Offering],
    held: Mapping[str, int],
    catalog: Catalog,
    options: PlanOptions,
    capacity: float | None,
) -> Outcome | None:
    """Solve the program over `pool`; None when highspy is not installed."""
    try:
        import highspy
        import numpy as np
    except ImportError:
        return None
    solver_name = _solver_name()
    if not gaps:
        return Outcome((), "optimal", 0.0, True, solver_name, True)
    deadline_at = time.perf_counter() + options.time_limit
    offerings = [pool[k] for k in sorted(pool)]
    index = {o.id: i for i, o in enumerate(offerings)}
    n = len(offerings)
    limited = options.budget is not None or capacity is not None
    y0 = n  # soft coverage columns y_k follow the x columns when limited
    n_y = len(gaps) if limited else 0
    targets = _stack_targets(catalog, index, options) if options.prefer_stacks else {}
    z0 = n + n_y
    n_cols = z0 + len(targets)

    highs = _new_highs(highspy)
    highs.addVars(n_cols, np.zeros(n_cols), np.ones(n_cols))
    highs.changeColsIntegrality(
        n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n)
    )
    rows = _Rows()
    completed = options.completed
    teachers: dict[str, list[tuple[int, int]]] = {}
    for i, offering in enumerate(offerings):
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append((i, taught.level))
    needs_of = [{pre.skill: pre.level for pre in o.prerequisite_skills} for o in offerings]
    for k, need in enumerate(gaps):
        terms: dict[int, float] = {i: 1.0 for i, level in teachers.get(need.skill, ()) if level >= need.level}
        if limited:
            terms[y0 + k] = -1.0
            rows.add(0.0, highspy.kHighsInf, terms)
        else:
            rows.add(1.0, highspy.kHighsInf, terms)
    for offering in offerings:
        i = index[offering.id]
        for needed in offering.prerequisite_offerings:
            if needed not in completed:
                rows.add(-highspy.kHighsInf, 0.0, {i: 1.0, index[needed]: -1.0})
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) >= pre.level:
                continue
            # Only offerings that need less of this skill than `pre` can be the first to reach it: in any
            # valid order the earliest offering reaching the level is one of them, so no plan is lost and
            # same-skill chains (each course needing the level below) cannot satisfy each other in a circle.
            terms = {
                q: -1.0
                for q, level in teachers.get(pre.skill, ())
                if q != i and level >= pre.level and needs_of[q].get(pre.skill, 0) < pre.level
            }
            terms[i] = 1.0
            rows.add(-highspy.kHighsInf, 0.0, terms)
    if options.budget is not None:
        rows.add(-highspy.kHighsInf, options.budget, {i: o.cost for i, o in enumerate(offerings) if o.cost})
    if capacity is not None:
        rows.add(
            -highspy.kHighsInf, capacity + 1e-9, {i: o.hours for i, o in enumerate(offerings) if o.hours}
        )
    for t, members in enumerate(targets.values()):
        for member in members:
            rows.add(-highspy.kHighsInf, 0.0, {z0 + t: 1.0, member: -1.0})
    rows.flush(highs, np)

    costs = [0.0] * n_cols
    if limited:  # phase 1: the most weighted coverage the limits allow
        for k, need in enumerate(gaps):
            costs[y0 + k] = -need.weight
        highs.changeColsCost(n_cols, np.arange(n_cols, dtype=np.int32), np.array(costs, dtype=np.double))
        first = _run(highs, highspy, np, offerings, gaps, held, options, deadline_at)
        if not first.chosen_found or not first.optimal:
            return Outcome(first.chosen, first.status, first.gap, False, solver_name, first.chosen_found)
        values = highs.getSolution().col_value
        best = sum(need.weight * min(1.0, values[y0 + k]) for k, need in enumerate(gaps))
        total = sum(need.weight for need in gaps)
        tolerance = 1e-7 * max(1.0, total)
        if best >= total - tolerance:
            highs.changeColsBounds(n_y, np.arange(y0, y0 + n_y, dtype=np.int32), np.ones(n_y), np.ones(n_y))
        else:
            rows.add(
                best - tolerance, highspy.kHighsInf, {y0 + k: need.weight for k, need in enumerate(gaps)}
            )
            rows.flush(highs, np)
        costs = [0.0] * n_cols
    costs[:n] = _objective(offerings, options)
    for t in range(len(targets)):
        costs[z0 + t] = -PREFERENCE_SHARE / (1.0 + 2 * n)
    highs.changeColsCost(n_cols, np.arange(n_cols, dtype=np.int32), np.array(costs, dtype=np.double))
    outcome = _run(highs, highspy, np, offerings, gaps, held, options, deadline_at)
    return Outcome(
        outcome.chosen, outcome.status, outcome.gap, outcome.optimal, solver_name, outcome.chosen_found
    )


def _stack_targets(catalog: Catalog, index: Mapping[str, int], options: PlanOptions) -> dict[str, list[int]]:
    targets = {}
    for target, members in sorted(catalog.stack_members().items()):
        open_members = [m for m in members if m not in options.completed]
        if open_members and all(m in index for m in open_members) and target not in options.completed:
            targets[target] = [index[m] for m in open_members]
    return targets


def _run(
    highs: Any,
    highspy: Any,
    np: Any,
    offerings: Sequence[Offering],
    gaps: Sequence[Need],
    held: Mapping[str, int],
    options: PlanOptions,
    deadline_at: float,
) -> Outcome:
    """Solve, cutting off circular skill-prerequisite sets until the chosen set can be scheduled."""
    n = len(offerings)
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
        has_solution = info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible
        if not has_solution:
            return Outcome((), status, None, False, "highs", False)
        values = highs.getSolution().col_value
        chosen = [offerings[i] for i in range(n) if values[i] > 0.5]
        _, stuck = order_offerings(chosen, held, options.completed)
        gap = max(0.0, float(info.mip_gap)) if info.mip_gap < float("inf") else None
        if not stuck:
            return Outcome(
                tuple(o.id for o in chosen), "optimal" if optimal else status, gap, optimal, "highs", True
            )
        if not optimal:  # no time left to cut and re-solve: let the caller fall back
            return Outcome((), status, gap, False, "highs", False)
        _cut_circle(highs, highspy, np, offerings, chosen, stuck, held)
    return Outcome((), f"{status} (circular prerequisites not resolved)", None, False, "highs", False)


def _cut_circle(
    highs: Any,
    highspy: Any,
    np: Any,
    offerings: Sequence[Offering],
    chosen: Sequence[Offering],
    stuck: Sequence[Offering],
    held: Mapping[str, int],
) -> None:
    """Forbid taking all of `stuck` unless some outside offering meets one of their open prerequisites."""
    index = {o.id: i for i, o in enumerate(offerings)}
    stuck_ids = {o.id for o in stuck}
    done = [o for o in chosen if o.id not in stuck_ids]
    reach = dict(held)
    for offering in done:
        for taught in offering.skills:
            reach[taught.skill] = max(reach.get(taught.skill, 0), taught.level)
    terms: dict[int, float] = {index[o.id]: 1.0 for o in stuck}
    for offering in stuck:
        for pre in offering.prerequisite_skills:
            if reach.get(pre.skill, 0) >= pre.level:
                continue
            for q in offerings:
                if q.id not in stuck_ids and q.level_of(pre.skill) >= pre.level:
                    terms[index[q.id]] = -1.0
    rows = _Rows()
    rows.add(-highspy.kHighsInf, len(stuck) - 1.0, terms)
    rows.flush(highs, np)

"""When to take the chosen offerings: a prerequisite-respecting order packed into weeks, with dates.

Pure: the order is a topological order of the prerequisites (ties broken by value: the weighted gaps an
offering and everything it unlocks close, then fewer hours, then id); study time flows at
`hours_per_week` spread evenly over the days, so step dates and the finish date follow from the hours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from credwallet.planner.catalog import Catalog, Offering
    from credwallet.planner.optimize import Need, Selection

_EPSILON = 1e-9


def _ready(offering: Offering, reach: Mapping[str, int], done: set[str]) -> bool:
    return all(p in done for p in offering.prerequisite_offerings) and all(
        reach.get(pre.skill, 0) >= pre.level for pre in offering.prerequisite_skills
    )


def order_offerings(
    chosen: Sequence[Offering],
    held: Mapping[str, int],
    completed: Iterable[str] = (),
    value: Mapping[str, float] | None = None,
) -> tuple[list[Offering], list[Offering]]:
    """Chosen offerings in an order where each one's prerequisites come first, and those that never can.

    An offering's skill prerequisite is met by a held level or by an offering earlier in the order.
    Returns (ordered, stuck); `stuck` is non-empty only when prerequisites form a circle or are missing.
    """
    value = value or {}
    reach = dict(held)
    done = set(completed)
    remaining = {o.id: o for o in chosen}
    ordered: list[Offering] = []
    while remaining:
        ready = [o for o in remaining.values() if _ready(o, reach, done)]
        if not ready:
            break
        pick = min(ready, key=lambda o: (-value.get(o.id, 0.0), o.hours, o.id))
        ordered.append(pick)
        done.add(pick.id)
        del remaining[pick.id]
        for taught in pick.skills:
            reach[taught.skill] = max(reach.get(taught.skill, 0), taught.level)
    return ordered, sorted(remaining.values(), key=lambda o: o.id)


@dataclass(frozen=True, slots=True)
class Step:
    """One offering in the plan, with its dates and why it is there."""

    offering: Offering
    start: date
    end: date
    start_week: int  # 1-based study weeks from the plan's start date
    end_week: int
    closes: tuple[Need, ...]  # gap skills this step is the first to bring to the required level
    prerequisite_for: tuple[str, ...]  # later steps that need it (as an offering or for a skill level)

    @property
    def why(self) -> str:
        """A one-line reason: the gaps it closes and the steps it unlocks."""
        parts = []
        if self.closes:
            parts.append("closes " + ", ".join(f"{n.skill} (level {n.level})" for n in self.closes))
        if self.prerequisite_for:
            parts.append("prerequisite for " + ", ".join(self.prerequisite_for))
        return "; ".join(parts) or "chosen by the optimizer"


@dataclass(frozen=True)
class Plan:
    """An ordered, dated pathway for a role, with its totals and how it was chosen."""

    role: str
    steps: tuple[Step, ...]
    selection: Selection
    start: date
    hours_per_week: float
    total_hours: float
    total_cost: float
    currency: str
    finish: date | None
    coverage_before: float
    coverage_after: float

    def to_jsonable(self) -> dict[str, Any]:
        """The `plan --json` document (DESIGN.md §7), with the extra keys it allows."""
        selection = self.selection
        return {
            "role": self.role,
            "steps": [_step_jsonable(step) for step in self.steps],
            "total_hours": _number(self.total_hours),
            "total_cost": _number(self.total_cost),
            "unreachable": [u.skill for u in selection.unreachable],
            "currency": self.currency,
            "start": self.start.isoformat(),
            "finish": self.finish.isoformat() if self.finish else None,
            "hours_per_week": _number(self.hours_per_week),
            "coverage_before": round(self.coverage_before, 4),
            "coverage_after": round(self.coverage_after, 4),
            "optimal": selection.optimal,
            "status": selection.status,
            "gap": None if selection.gap is None else round(selection.gap, 6),
            "solver": selection.solver,
            "left_out": [_need_jsonable(n) for n in selection.left_out],
            "unreachable_detail": [
                {
                    "skill": u.skill,
                    "required_level": u.required_level,
                    "weight": u.weight,
                    "best_level": u.best_level,
                    "closest": u.closest,
                    "reason": u.reason,
                }
                for u in selection.unreachable
            ],
            "stacks_completed": list(selection.stacks_completed),
            "notes": list(selection.notes),
        }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def _need_jsonable(need: Need) -> dict[str, Any]:
    return {"skill": need.skill, "required_level": need.level, "weight": need.weight}


def _step_jsonable(step: Step) -> dict[str, Any]:
    offering = step.offering
    return {
        "offering": offering.id,
        "title": offering.title,
        "provider": offering.provider,
        "skills": [n.skill for n in step.closes],
        "hours": _number(offering.hours),
        "cost": _number(offering.cost),
        "start": step.start.isoformat(),
        "end": step.end.isoformat(),
        "currency": offering.currency,
        "url": offering.url,
        "kind": offering.kind,
        "teaches": [{"skill": s.skill, "level": s.level} for s in offering.skills],
        "week_start": step.start_week,
        "week_end": step.end_week,
        "prerequisite_for": list(step.prerequisite_for),
        "why": step.why,
    }


def _values(chosen: Sequence[Offering], gaps: Sequence[Need], held: Mapping[str, int]) -> dict[str, float]:
    """Each offering's own closed gap weight plus that of everything depending on it, transitively."""
    own = {o.id: sum(n.weight for n in gaps if o.level_of(n.skill) >= n.level) for o in chosen}
    dependents: dict[str, set[str]] = {o.id: set() for o in chosen}
    for offering in chosen:
        for needed in offering.prerequisite_offerings:
            if needed in dependents:
                dependents[needed].add(offering.id)
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) < pre.level:
                for q in chosen:
                    if q.id != offering.id and q.level_of(pre.skill) >= pre.level:
                        dependents[q.id].add(offering.id)
    values = {}
    for offering in chosen:
        seen: set[str] = set()
        stack = [offering.id]
        while stack:
            for nxt in dependents[stack.pop()]:
                if nxt not in seen and nxt != offering.id:
                    seen.add(nxt)
                    stack.append(nxt)
        values[offering.id] = own[offering.id] + sum(own[d] for d in seen)
    return values


def build_plan(
    selection: Selection,
    catalog: Catalog,
    *,
    role: str,
    held: Mapping[str, int],
    start: date,
    hours_per_week: float,
    completed: Iterable[str] = (),
) -> Plan:
    """Order the selection by prerequisites, pack it into weeks from `start`, and date every step."""
    if not (hours_per_week > 0 and math.isfinite(hours_per_week)):
        from credwallet.errors import InputError

        raise InputError(f"--hours-per-week must be more than 0, not {hours_per_week}")
    chosen = [catalog.get(offering_id) for offering_id in selection.chosen]
    values = _values(chosen, selection.gaps, held)
    ordered, stuck = order_offerings(chosen, held, completed, values)
    if stuck:
        from credwallet.errors import InputError

        names = ", ".join(o.id for o in stuck)
        raise InputError(
            f"cannot order these offerings, their prerequisites are circular or missing: {names}"
        )
    daily = hours_per_week / 7
    open_gaps = list(selection.gaps)
    position = {o.id: i for i, o in enumerate(ordered)}
    prerequisite_for: dict[str, list[str]] = {o.id: [] for o in ordered}
    for offering in ordered:
        for needed in offering.prerequisite_offerings:
            if needed in prerequisite_for:
                prerequisite_for[needed].append(offering.id)
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) >= pre.level:
                continue
            first = min(
                (q for q in ordered[: position[offering.id]] if q.level_of(pre.skill) >= pre.level),
                key=lambda q: position[q.id],
            )
            if offering.id not in prerequisite_for[first.id]:
                prerequisite_for[first.id].append(offering.id)
    steps = []
    hours_done = 0.0
    for offering in ordered:
        closes = tuple(n for n in open_gaps if offering.level_of(n.skill) >= n.level)
        open_gaps = [n for n in open_gaps if n not in closes]
        first_day = math.floor(hours_done / daily + _EPSILON)
        first_week = math.floor(hours_done / hours_per_week + _EPSILON) + 1
        hours_done += offering.hours
        last_day = max(first_day, math.ceil(hours_done / daily - _EPSILON) - 1)
        last_week = max(first_week, math.ceil(hours_done / hours_per_week - _EPSILON))
        steps.append(
            Step(
                offering=offering,
                start=start + timedelta(days=first_day),
                end=start + timedelta(days=last_day),
                start_week=first_week,
                end_week=last_week,
                closes=closes,
                prerequisite_for=tuple(prerequisite_for[offering.id]),
            )
        )
    total_weight = sum(n.weight for n in selection.needs)
    met_before = sum(n.weight for n in selection.needs if held.get(n.skill, 0) >= n.level)
    met_after = met_before + sum(n.weight for n in selection.covered)
    return Plan(
        role=role,
        steps=tuple(steps),
        selection=selection,
        start=start,
        hours_per_week=hours_per_week,
        total_hours=sum(o.hours for o in ordered),
        total_cost=sum(o.cost for o in ordered),
        currency=selection.currency,
        finish=steps[-1].end if steps else None,
        coverage_before=met_before / total_weight if total_weight else 1.0,
        coverage_after=met_after / total_weight if total_weight else 1.0,
    )

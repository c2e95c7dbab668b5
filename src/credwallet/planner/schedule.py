"""When to take the chosen offerings: a prerequisite-respecting order packed into weeks, with dates.

Pure: the order is a topological order of the prerequisites; among offerings ready at the same time the
one whose branch (itself and everything waiting on it) closes the most weight per hour goes first. Study
time flows at `hours_per_week` spread evenly over the days, so step dates and the finish date follow.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering
    from credwallet.planner.needs import Need

_EPSILON = 1e-9


def _ready(offering: Offering, reach: Mapping[str, int], done: set[str]) -> bool:
    return all(any(p in done for p in group) for group in offering.prerequisite_groups) and all(
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
    `value` ranks offerings ready at the same time (higher first; then fewer hours, then id).
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


def dependents(chosen: Sequence[Offering], held: Mapping[str, int]) -> dict[str, set[str]]:
    """For each chosen offering, the chosen offerings that directly need it (as an offering or a skill)."""
    result: dict[str, set[str]] = {o.id: set() for o in chosen}
    for offering in chosen:
        for group in offering.prerequisite_groups:
            for needed in group:
                if needed in result:
                    result[needed].add(offering.id)
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) < pre.level:
                for q in chosen:
                    if q.id != offering.id and q.level_of(pre.skill) >= pre.level:
                        result[q.id].add(offering.id)
    return result


def branch_values(chosen: Sequence[Offering], gaps: Sequence[Need], held: Mapping[str, int]) -> dict[str, float]:
    """Weight closed per hour by each offering's branch: itself and everything depending on it."""
    own = {o.id: sum(n.weight for n in gaps if any(o.level_of(m) >= n.level for m in n.members)) for o in chosen}
    hours = {o.id: o.hours for o in chosen}
    edges = dependents(chosen, held)
    values = {}
    for offering in chosen:
        seen: set[str] = set()
        stack = [offering.id]
        while stack:
            for nxt in edges[stack.pop()]:
                if nxt not in seen and nxt != offering.id:
                    seen.add(nxt)
                    stack.append(nxt)
        branch = [offering.id, *seen]
        values[offering.id] = sum(own[b] for b in branch) / max(sum(hours[b] for b in branch), 1e-6)
    return values


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one step falls in the calendar."""

    start: date
    end: date
    start_week: int
    end_week: int


def slots(hours: Sequence[float], start: date, hours_per_week: float) -> list[Slot]:
    """Dates for consecutive pieces of study of these hours, at `hours_per_week` spread over the days."""
    daily = hours_per_week / 7
    done = 0.0
    result = []
    for amount in hours:
        first_day = math.floor(done / daily + _EPSILON)
        first_week = math.floor(done / hours_per_week + _EPSILON) + 1
        done += amount
        last_day = max(first_day, math.ceil(done / daily - _EPSILON) - 1)
        last_week = max(first_week, math.ceil(done / hours_per_week - _EPSILON))
        result.append(Slot(start + timedelta(days=first_day), start + timedelta(days=last_day), first_week, last_week))
    return result

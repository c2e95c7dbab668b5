"""A greedy plan: the fallback when the MIP solver is missing or times out, and the benchmark's baseline.

Repeatedly takes the offering (with the cheapest self-sufficient set of prerequisites it needs) that closes
the most weighted gap per unit of objective, within the budget and hours, then drops what turned out
redundant. Never proven optimal; plans built this way are labelled so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from credwallet.planner.schedule import order_offerings

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering
    from credwallet.planner.optimize import Need, PlanOptions


def _closures(
    pool: Mapping[str, Offering], held: Mapping[str, int], options: PlanOptions
) -> dict[str, list[Offering]]:
    """For each offering, a cheap set of offerings (prerequisites first, itself last) that can be taken
    from the held skills alone. Built in the order offerings become attainable, so each one only leans
    on closures already built (no recursion, whatever the length of the prerequisite chains)."""
    from credwallet.planner.optimize import attainable, primary_cost

    order = attainable(list(pool.values()), held, options.completed)
    closures: dict[str, list[Offering]] = {}
    teachers: dict[str, list[Offering]] = {}
    for offering in order.values():
        plan: dict[str, Offering] = {}
        for needed in offering.prerequisite_offerings:
            if needed not in options.completed:
                plan.update((o.id, o) for o in closures[needed])
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) >= pre.level or any(
                o.level_of(pre.skill) >= pre.level for o in plan.values()
            ):
                continue
            choices = [
                closures[q.id] for q in teachers.get(pre.skill, ()) if q.level_of(pre.skill) >= pre.level
            ]
            best = min(
                choices,
                key=lambda sub: (sum(primary_cost(o, options) for o in sub if o.id not in plan), sub[-1].id),
            )
            plan.update((o.id, o) for o in best)
        closures[offering.id] = [*plan.values(), offering]
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append(offering)
    return closures


def solve(
    gaps: Sequence[Need],
    pool: Mapping[str, Offering],
    held: Mapping[str, int],
    options: PlanOptions,
    capacity: float | None,
) -> tuple[str, ...]:
    """Offering ids of a greedy plan (prerequisites included) over `pool`."""
    from credwallet.planner.optimize import covers, primary_cost

    closures = _closures(pool, held, options)
    teachers = {need: [o for o in pool.values() if covers(o, need)] for need in gaps}
    chosen: dict[str, Offering] = {}
    open_needs = list(gaps)
    spent_cost = spent_hours = 0.0
    while open_needs:
        best: tuple[tuple[float, float, str], list[Offering]] | None = None
        seen: set[str] = set()
        for need in open_needs:
            for offering in teachers[need]:
                if offering.id in seen:
                    continue
                seen.add(offering.id)
                full = closures.get(offering.id)
                if full is None:
                    continue
                extra = [o for o in full if o.id not in chosen]
                add_cost = sum(o.cost for o in extra)
                add_hours = sum(o.hours for o in extra)
                if options.budget is not None and spent_cost + add_cost > options.budget + 1e-9:
                    continue
                if capacity is not None and spent_hours + add_hours > capacity + 1e-9:
                    continue
                gain = sum(n.weight for n in open_needs if any(covers(o, n) for o in extra))
                price = sum(primary_cost(o, options) for o in extra)
                key = ((gain + 1e-9) / (price + 1e-9), -price, offering.id)
                if best is None or key[:2] > best[0][:2] or (key[:2] == best[0][:2] and key[2] < best[0][2]):
                    best = (key, extra)
        if best is None:
            break
        for offering in best[1]:
            chosen[offering.id] = offering
            spent_cost += offering.cost
            spent_hours += offering.hours
        open_needs = [n for n in open_needs if not any(covers(o, n) for o in best[1])]
    return _drop_redundant(list(chosen.values()), gaps, held, options)


def _drop_redundant(
    chosen: list[Offering], gaps: Sequence[Need], held: Mapping[str, int], options: PlanOptions
) -> tuple[str, ...]:
    """Remove offerings (dearest first) whose removal keeps the covered gaps and a valid order."""
    from credwallet.planner.optimize import covers, primary_cost

    covered = [n for n in gaps if any(covers(o, n) for o in chosen)]
    for offering in sorted(chosen, key=lambda o: (-primary_cost(o, options), o.id)):
        rest = [o for o in chosen if o.id != offering.id]
        if not all(any(covers(o, n) for o in rest) for n in covered):
            continue
        _, stuck = order_offerings(rest, held, options.completed)
        if not stuck:
            chosen = rest
    return tuple(o.id for o in chosen)

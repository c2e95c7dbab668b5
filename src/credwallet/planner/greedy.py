"""A greedy plan: the fallback when HiGHS fails or is missing, and the benchmark's baseline.

Repeatedly takes the offering (with the cheapest self-sufficient set of prerequisites it needs) that adds
the most value per unit of effort, value being required gaps closed first, then weighted coverage up to the
target, within the budget, hours and step limits; then drops what turned out redundant. Never proven
optimal; `choose` says by how much it may be worse (the linear relaxation's bound) when it can.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from credwallet.planner.needs import levels_after
from credwallet.planner.options import primary_cost
from credwallet.planner.reach import attainable, teachers_of

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering
    from credwallet.planner.mip import Problem


def _closures(problem: Problem) -> dict[str, list[Offering]]:
    """For each offering, a cheap set of offerings (prerequisites first, itself last) that can be taken
    from the held skills alone. Built in the order offerings become attainable, so each one only leans
    on closures already built (no recursion, whatever the length of the prerequisite chains)."""
    options = problem.options
    order = attainable(list(problem.offerings), problem.held, problem.done)
    closures: dict[str, list[Offering]] = {}
    teachers: dict[str, list[Offering]] = {}

    def price(sub: list[Offering], plan: Mapping[str, Offering]) -> tuple[float, str]:
        return sum(primary_cost(o, options) for o in sub if o.id not in plan), sub[-1].id

    for offering in order.values():
        plan: dict[str, Offering] = {}
        for group in offering.prerequisite_groups:
            if any(p in problem.done for p in group):
                continue
            options_for_group = [closures[p] for p in group if p in closures]
            plan.update((o.id, o) for o in min(options_for_group, key=lambda sub: price(sub, plan)))
        for pre in offering.prerequisite_skills:
            if problem.held.get(pre.skill, 0) >= pre.level or any(
                o.level_of(pre.skill) >= pre.level for o in plan.values()
            ):
                continue
            choices = [closures[q.id] for q in teachers.get(pre.skill, ()) if q.level_of(pre.skill) >= pre.level]
            plan.update((o.id, o) for o in min(choices, key=lambda sub: price(sub, plan)))
        closures[offering.id] = [*plan.values(), offering]
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append(offering)
    return closures


def solve(problem: Problem) -> tuple[str, ...]:
    """Offering ids of a greedy plan (prerequisites included)."""
    from credwallet.planner.mip import prune

    options = problem.options
    closures = _closures(problem)
    teachers = teachers_of(problem.offerings)
    big = problem.target + 1
    chosen: dict[str, Offering] = {}
    spent_cost = spent_hours = 0.0
    value = problem.truth(())
    while value < problem.best_possible:
        levels = levels_after(problem.held, chosen.values())
        open_gaps = [n for n in problem.gaps if not n.met_by(levels)]
        best: tuple[float, float, str] | None = None
        best_extra: list[Offering] = []
        seen: set[str] = set()
        for need in open_gaps:
            for member in need.members:
                for offering in teachers.get(member, ()):
                    if offering.id in seen or offering.level_of(member) < need.level:
                        continue
                    seen.add(offering.id)
                    full = closures.get(offering.id)
                    if full is None:
                        continue
                    extra = [o for o in full if o.id not in chosen]
                    if not extra:
                        continue
                    if options.budget is not None and spent_cost + sum(o.cost for o in extra) > options.budget + 1e-9:
                        continue
                    hours = sum(o.hours for o in extra)
                    if problem.capacity is not None and spent_hours + hours > problem.capacity + 1e-9:
                        continue
                    if options.max_steps is not None and len(chosen) + len(extra) > options.max_steps:
                        continue
                    after = problem.truth([*chosen, *(o.id for o in extra)])
                    gain = big * (after[0] - value[0]) + (after[1] - value[1])
                    if gain <= 0:
                        continue
                    price = sum(primary_cost(o, options) for o in extra)
                    key = ((gain + 1e-9) / (price + 1e-9), -price, offering.id)
                    if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and key[2] < best[2]):
                        best, best_extra = key, extra
        if best is None:
            break
        for offering in best_extra:
            chosen[offering.id] = offering
            spent_cost += offering.cost
            spent_hours += offering.hours
        value = problem.truth(tuple(chosen))
    return prune(tuple(chosen), problem)

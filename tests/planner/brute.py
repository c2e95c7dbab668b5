"""An independent brute-force planner for small instances: every subset, checked the slow, obvious way.

It shares no code with the solver beyond the input types: needs are met when enough member skills reach
the level, prerequisites are checked by simulating an order, and the optimum is the lexicographic best of
(required items closed, coverage towards the target) and then the least objective.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from credwallet.planner.catalog import Offering
from credwallet.planner.needs import Need
from credwallet.planner.options import PlanOptions
from tests.planner.helpers import offering

START = date(2026, 1, 5)


def levels_with(held: Mapping[str, int], taken: Iterable[Offering]) -> dict[str, int]:
    levels = dict(held)
    for o in taken:
        for s in o.skills:
            levels[s.skill] = max(levels.get(s.skill, 0), s.level)
    return levels


def met(need: Need, levels: Mapping[str, int]) -> bool:
    members = need.any_of or (need.skill,)
    return sum(1 for m in members if levels.get(m, 0) >= need.level) >= (need.count if need.any_of else 1)


def schedulable(subset: Sequence[Offering], held: Mapping[str, int], done: set[str]) -> bool:
    levels, taken, left = dict(held), set(done), list(subset)
    while left:
        ready = [
            o
            for o in left
            if all(p in taken for p in o.prerequisite_offerings)
            and all(any(p in taken for p in g) for g in (o.eligibility.certifications if o.eligibility else ()))
            and all(levels.get(p.skill, 0) >= p.level for p in o.prerequisite_skills)
        ]
        if not ready:
            return False
        for o in ready:
            left.remove(o)
            taken.add(o.id)
            levels = levels_with(levels, [o])
    return True


def effort(o: Offering, options: PlanOptions) -> float:
    hours = o.hours * (1.5 if options.prefer_free and o.cost > 0 else 1)
    if options.minimize == "cost":
        return o.cost
    if options.minimize == "weighted":
        return options.hours_weight * hours + options.cost_weight * o.cost
    return hours


@dataclass(frozen=True)
class Optimum:
    required: int
    covered: int  # weight units towards the target
    objective: float


def brute_force(
    needs: Sequence[Need],
    held: Mapping[str, int],
    offerings: Sequence[Offering],
    options: PlanOptions,
    done: Iterable[str] = (),
) -> Optimum:
    done_set = set(done)
    start = levels_with(held, [o for o in offerings if o.id in done_set])
    usable = [o for o in offerings if o.id not in done_set]
    units = {n.skill: round(n.weight * 10_000) for n in needs}
    total = sum(units.values())
    have = sum(units[n.skill] for n in needs if met(n, start))
    gaps = [n for n in needs if not met(n, start) and (options.include_foundation or not n.foundation)]
    capacity = None
    if options.deadline is not None:
        capacity = options.hours_per_week * ((options.deadline - START).days + 1) / 7

    def score(subset: Sequence[Offering]) -> tuple[int, int]:
        levels = levels_with(start, subset)
        return (
            sum(1 for n in gaps if n.required and met(n, levels)),
            sum(units[n.skill] for n in gaps if met(n, levels)),
        )

    subsets = [
        subset
        for size in range(len(usable) + 1)
        for subset in combinations(usable, size)
        if schedulable(subset, start, done_set)
    ]
    reachable = max(score(s)[1] for s in subsets)
    target = min(max(0, math.ceil(round(options.target_coverage * total, 6)) - have), reachable)
    best: tuple[int, int, float] | None = None
    for subset in subsets:
        if options.budget is not None and sum(o.cost for o in subset) > options.budget + 1e-9:
            continue
        if capacity is not None and sum(o.hours for o in subset) > capacity + 1e-9:
            continue
        if options.max_steps is not None and len(subset) > options.max_steps:
            continue
        required, covered = score(subset)
        key = (-required, -min(covered, target), round(sum(effort(o, options) for o in subset), 9))
        best = key if best is None or key < best else best
    assert best is not None
    return Optimum(-best[0], -best[1], best[2])


def random_instance(
    rng: random.Random, *, groups: bool = True, foundation: bool = True
) -> tuple[list[Need], dict[str, int], list[Offering]]:
    """5-9 offerings over six skills, prerequisites of both kinds, needs with groups and required items."""
    skills = ["s0", "s1", "s2", "s3", "s4", "s5"]
    offerings: list[Offering] = []
    for index in range(rng.randint(5, 9)):
        taught = {s: rng.randint(1, 4) for s in rng.sample(skills, rng.randint(1, 2))}
        needs_skills = {rng.choice(skills): rng.randint(1, 3)} if rng.random() < 0.35 else {}
        needs_offerings = [f"o{rng.randrange(index)}"] if index and rng.random() < 0.2 else []
        offerings.append(
            offering(
                f"o{index}",
                rng.randint(1, 30),
                rng.choice([0, 0, 10, 25, 60, 100]),
                taught,
                needs_skills=needs_skills,
                needs_offerings=needs_offerings,
            )
        )
    needs: list[Need] = []
    pool = list(skills)
    rng.shuffle(pool)
    while pool and len(needs) < rng.randint(2, 4):
        if groups and len(pool) >= 3 and rng.random() < 0.4:
            members = tuple(pool.pop() for _ in range(rng.choice([2, 3])))
            count = rng.choice([1, 1, 2])
            needs.append(
                Need(
                    "|".join(members),
                    rng.randint(1, 3),
                    rng.choice([0.5, 0.8, 1.0]),
                    rng.random() < 0.4,
                    members,
                    count,
                )
            )
        else:
            needs.append(
                Need(
                    pool.pop(),
                    rng.randint(1, 4),
                    rng.choice([0.3, 0.5, 0.72, 1.0, 2.0]),
                    rng.random() < 0.4,
                    foundation=foundation and rng.random() < 0.2,
                )
            )
    held = {s: rng.randint(0, 2) for s in rng.sample(skills, 2)}
    return needs, held, offerings


def limit_options(rng: random.Random, base: PlanOptions) -> PlanOptions:
    """The same options with a random budget, deadline and step limit (often none)."""
    from dataclasses import replace

    deadline = rng.choice([None, START + timedelta(days=13), START + timedelta(days=41)])
    return replace(
        base,
        budget=rng.choice([None, 0, 30, 80]),
        start=START,
        deadline=deadline,
        hours_per_week=rng.choice([3, 7]),
        max_steps=rng.choice([None, None, 1, 2]),
    )

"""What a learner can reach at all: usable offerings, the order they unlock in, and why a gap stays open.

Used before solving, so the program only sees offerings that can matter, and after it, to say for every
gap no usable offering closes what the closest thing is and what stands in the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from credwallet.planner.catalog import Catalog, Offering
from credwallet.planner.needs import Need, levels_after


@dataclass(frozen=True, slots=True)
class Unreachable:
    """A gap no usable offering closes, with the closest thing available."""

    skill: str  # the need's key (a skill id, or a choice group's key)
    required_level: int
    weight: float
    best_level: int  # the highest level a usable offering reaches (0: none teaches it)
    closest: str | None  # offering id of the closest thing, usable or not
    reason: str
    required: bool = False


def groups_met(offering: Offering, done: set[str] | Mapping[str, object]) -> bool:
    """Whether every prerequisite group of `offering` has a member in `done`."""
    return all(any(p in done for p in group) for group in offering.prerequisite_groups)


def attainable(
    usable: Sequence[Offering], held: Mapping[str, int], completed: Iterable[str] = ()
) -> dict[str, Offering]:
    """Usable offerings whose prerequisites can be met, in some order, from the held skills."""
    reach = dict(held)
    done = set(completed)
    found: dict[str, Offering] = {}
    pending = list(usable)
    progress = True
    while progress and pending:
        progress = False
        still = []
        for offering in pending:
            ready = all(any(p in found or p in done for p in group) for group in offering.prerequisite_groups)
            ready = ready and all(reach.get(s.skill, 0) >= s.level for s in offering.prerequisite_skills)
            if not ready:
                still.append(offering)
                continue
            found[offering.id] = offering
            progress = True
            for taught in offering.skills:
                reach[taught.skill] = max(reach.get(taught.skill, 0), taught.level)
        pending = still
    return found


def teachers_of(offerings: Iterable[Offering]) -> dict[str, list[Offering]]:
    """Offerings by the skills they teach."""
    teachers: dict[str, list[Offering]] = {}
    for offering in offerings:
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append(offering)
    return teachers


def candidates(
    gaps: Sequence[Need], usable: Mapping[str, Offering], held: Mapping[str, int], completed: Iterable[str]
) -> dict[str, Offering]:
    """Offerings that can matter: teachers of a gap member at its level, plus all their prerequisites reach."""
    done = set(completed)
    teachers: dict[str, list[tuple[int, Offering]]] = {}
    for offering in usable.values():
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append((taught.level, offering))
    chosen: dict[str, Offering] = {}
    queued: set[str] = set()
    queue: list[Offering] = []

    def push(skill: str, level: int) -> None:
        for taught_level, offering in teachers.get(skill, ()):
            if taught_level >= level and offering.id not in queued:
                queued.add(offering.id)
                queue.append(offering)

    expanded: set[tuple[str, int]] = set()
    for need in gaps:
        for member in need.members:
            if held.get(member, 0) < need.level:
                push(member, need.level)
    while queue:
        offering = queue.pop()
        chosen[offering.id] = offering
        for group in offering.prerequisite_groups:
            if not any(p in done for p in group):
                for p in group:
                    if p in usable and p not in queued:
                        queued.add(p)
                        queue.append(usable[p])
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) < pre.level and (pre.skill, pre.level) not in expanded:
                expanded.add((pre.skill, pre.level))
                push(pre.skill, pre.level)
    return chosen


def reachable_needs(
    gaps: Sequence[Need], usable: Mapping[str, Offering], held: Mapping[str, int]
) -> tuple[list[Need], list[Need]]:
    """(reachable, unreachable) gaps: whether taking every attainable offering would meet each."""
    everything = levels_after(held, usable.values())
    reachable = [n for n in gaps if n.met_by(everything)]
    return reachable, [n for n in gaps if not n.met_by(everything)]


def blocked_by(
    offering: Offering, usable: Mapping[str, Offering], held: Mapping[str, int], why_unusable: Mapping[str, str]
) -> str:
    """Why an offering the learner could take cannot be reached: the first prerequisite out of reach."""
    everything = levels_after(held, usable.values())
    for group in offering.prerequisite_groups:
        if any(p in usable for p in group):
            continue
        reasons = [why_unusable[p] for p in group if p in why_unusable]
        detail = f" ({reasons[0]})" if reasons else ""
        return f"needs {' or '.join(group)} first{detail}"
    for pre in offering.prerequisite_skills:
        if everything.get(pre.skill, 0) < pre.level:
            return f"needs {pre.skill} at level {pre.level} first, which no usable offering teaches"
    return "its prerequisites cannot be met"


def explain_unreachable(
    need: Need,
    catalog: Catalog,
    usable: Mapping[str, Offering],
    held: Mapping[str, int],
    why_unusable: Mapping[str, str],
) -> Unreachable:
    """The closest thing to closing `need` and what stands in the way."""
    teachers = [o for m in need.members for o in catalog.teaching(m)]
    if not teachers:
        return Unreachable(
            need.skill, need.level, need.weight, 0, None, "no offering in the catalog teaches it", need.required
        )

    def level(o: Offering) -> int:
        return max(o.level_of(m) for m in need.members)

    best_usable = max((o for o in teachers if o.id in usable), key=lambda o: (level(o), -o.hours), default=None)
    best_level = level(best_usable) if best_usable else 0
    blocked = [o for o in teachers if o.id not in usable and level(o) >= need.level]
    if blocked:
        offering = min(blocked, key=lambda o: (o.hours, o.id))
        why = why_unusable.get(offering.id) or blocked_by(offering, usable, held, why_unusable)
        return Unreachable(
            need.skill, need.level, need.weight, best_level, offering.id, f"{offering.id}: {why}", need.required
        )
    if best_usable is not None and best_level < need.level:
        reason = f"the best offering reaches level {best_level}"
        return Unreachable(need.skill, need.level, need.weight, best_level, best_usable.id, reason, need.required)
    if best_usable is not None:  # a choice group: each member is reachable, not enough of them together
        reached = [m for m in need.members if any(o.level_of(m) >= need.level for o in usable.values())]
        reason = f"only {len(reached)} of its skills can be reached, {need.count} needed"
        return Unreachable(need.skill, need.level, need.weight, best_level, best_usable.id, reason, need.required)
    top = max(teachers, key=lambda o: (level(o), -o.hours))
    why = why_unusable.get(top.id) or blocked_by(top, usable, held, why_unusable)
    reason = f"only {top.id} teaches it, to level {level(top)} ({why})"
    return Unreachable(need.skill, need.level, need.weight, 0, top.id, reason, need.required)


def _unmet_skill_prerequisites(offering: Offering, held: Mapping[str, int]) -> dict[str, int]:
    return {p.skill: p.level for p in offering.prerequisite_skills if held.get(p.skill, 0) < p.level}


def _unmet_groups(offering: Offering, done: set[str] | frozenset[str]) -> set[tuple[str, ...]]:
    return {tuple(sorted(g)) for g in offering.prerequisite_groups if not any(p in done for p in g)}


def thresholds(
    gaps: Sequence[Need], pool: Mapping[str, Offering], held: Mapping[str, int]
) -> dict[str, tuple[int, ...]]:
    """Per skill, the levels anything in the program asks for (a gap's level for its open members, an open
    skill prerequisite's level): only whether a plan reaches these matters, never the skill or level as such."""
    wanted: dict[str, set[int]] = {}
    for need in gaps:
        for member in need.members:
            if held.get(member, 0) < need.level:
                wanted.setdefault(member, set()).add(need.level)
    for offering in pool.values():
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) < pre.level:
                wanted.setdefault(pre.skill, set()).add(pre.level)
    return {skill: tuple(sorted(levels)) for skill, levels in wanted.items()}


def _effective(offering: Offering, wanted: Mapping[str, tuple[int, ...]] | None) -> dict[str, int]:
    """What an offering teaches as the program sees it: each skill at the highest asked-for level it reaches."""
    if wanted is None:
        return {t.skill: t.level for t in offering.skills}
    taught: dict[str, int] = {}
    for t in offering.skills:
        reached = [level for level in wanted.get(t.skill, ()) if level <= t.level]
        if reached:
            taught[t.skill] = max(taught.get(t.skill, 0), reached[-1])
    return taught


def undominated(
    pool: Mapping[str, Offering],
    held: Mapping[str, int],
    done: set[str] | frozenset[str],
    gaps: Sequence[Need] | None = None,
) -> dict[str, Offering]:
    """The pool without offerings another one beats on every count, so the program stays small and exact.

    B dominates A when B teaches every skill A teaches at least as high, costs no more hours and no more
    money (in the same currency), needs no prerequisite A does not need (no more of any skill), and A is
    not named as a prerequisite by any offering in the pool. Any plan taking A stays valid, covers as much
    and costs no more with B instead, so some optimal plan avoids A. Equal offerings keep the lowest id.
    Given the `gaps`, teaching is compared as the program sees it (`thresholds`): a skill nothing asks for,
    or a level above the highest one asked for, counts for nothing.
    """
    named = {p for o in pool.values() for group in o.prerequisite_groups for p in group}
    wanted = thresholds(gaps, pool, held) if gaps is not None else None
    levels = {o.id: _effective(o, wanted) for o in pool.values()}
    teaches: dict[str, list[Offering]] = {}
    for offering in pool.values():
        for skill in levels[offering.id]:
            teaches.setdefault(skill, []).append(offering)
    needs = {o.id: _unmet_skill_prerequisites(o, held) for o in pool.values()}
    groups = {o.id: _unmet_groups(o, done) for o in pool.values()}

    def beats(b: Offering, a: Offering) -> bool:
        if b.hours > a.hours or b.cost > a.cost or (b.cost > 0 and b.currency != a.currency):
            return False
        if (b.hours, b.cost) == (a.hours, a.cost) and b.id > a.id and levels[b.id] == levels[a.id]:
            return False  # identical on every count: the lower id stays
        have = levels[b.id]
        if any(have.get(skill, 0) < level for skill, level in levels[a.id].items()):
            return False
        a_needs = needs[a.id]
        if any(a_needs.get(skill, 0) < level for skill, level in needs[b.id].items()):
            return False
        return groups[b.id] <= groups[a.id]

    kept: dict[str, Offering] = {}
    for offering_id, offering in pool.items():
        taught = levels[offering_id]
        if offering_id in named or not taught:
            kept[offering_id] = offering
            continue
        anchor = max(taught.items(), key=lambda item: (item[1], item[0]))[0]
        if not any(b.id != offering_id and beats(b, offering) for b in teaches.get(anchor, ())):
            kept[offering_id] = offering
    return kept

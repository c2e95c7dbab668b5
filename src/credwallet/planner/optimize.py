"""Which offerings to take: an exact 0-1 integer program over the catalog, solved by HiGHS.

Choosing offerings that bring every gap skill to its level, with their prerequisites, within a budget is
a set cover with precedence (NP-hard), so it is solved exactly as a MIP (`highspy`); a greedy plan is used
only when the solver is missing or times out without an answer, and is then labelled `optimal=False`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from credwallet.errors import InputError
from credwallet.planner.catalog import Catalog, Offering
from credwallet.planner.schedule import order_offerings

MINIMIZE = ("hours", "cost", "weighted")


@dataclass(frozen=True, slots=True)
class Need:
    """A skill a role asks for, at a level 1-5, with its weight in the coverage score."""

    skill: str
    level: int
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """How to choose: objective, limits, exclusions and tie-breakers (all optional)."""

    minimize: str = "hours"  # hours | cost | weighted (hours_weight * hours + cost_weight * cost)
    hours_weight: float = 1.0
    cost_weight: float = 1.0
    budget: float | None = None  # money, in `currency`
    hours_per_week: float = 5.0
    start: date | None = None  # needed with a deadline; make_plan defaults it to today
    deadline: date | None = None  # last study day (inclusive)
    exclude: frozenset[str] = frozenset()
    only_free: bool = False
    prefer_provider: str | None = None
    prefer_stacks: bool = False
    completed: frozenset[str] = frozenset()  # offerings already taken: satisfy prerequisites, never planned
    currency: str | None = None  # None: the catalog's most common currency
    time_limit: float = 10.0  # seconds for the solver, over all its rounds
    solver: str = "highs"  # highs | greedy (greedy is for comparison and tests)


@dataclass(frozen=True, slots=True)
class Unreachable:
    """A gap skill no usable offering teaches to the level, with the closest thing available."""

    skill: str
    required_level: int
    weight: float
    best_level: int  # the highest level a usable offering reaches (0: none teaches it)
    closest: str | None  # offering id of the closest thing, usable or not
    reason: str


@dataclass(frozen=True)
class Selection:
    """The chosen offerings and everything said about how they were chosen."""

    chosen: tuple[str, ...]
    needs: tuple[Need, ...]  # every role skill, as given (deduplicated)
    gaps: tuple[Need, ...]  # needs the held skills do not meet
    covered: tuple[Need, ...]  # gaps the chosen offerings close
    left_out: tuple[Need, ...]  # reachable gaps left open because of the budget or deadline
    unreachable: tuple[Unreachable, ...]
    optimal: bool
    status: str  # optimal | time-limit | greedy: <why>
    gap: float | None  # the solver's proven relative optimality gap (None for greedy)
    objective: float
    solver: str
    seconds: float
    currency: str
    hours_cap: float | None  # total hours allowed by the deadline
    stacks_completed: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def check_options(options: PlanOptions) -> None:
    """Reject options that cannot mean anything, with one line each."""
    if options.minimize not in MINIMIZE:
        raise InputError(f"--minimize must be one of {', '.join(MINIMIZE)}, not {options.minimize!r}")
    if options.budget is not None and (options.budget < 0 or not math.isfinite(options.budget)):
        raise InputError(f"the budget must be zero or more, not {options.budget}")
    if not (options.hours_per_week > 0 and math.isfinite(options.hours_per_week)):
        raise InputError(f"--hours-per-week must be more than 0, not {options.hours_per_week}")
    if options.hours_weight < 0 or options.cost_weight < 0:
        raise InputError("--hours-weight and --cost-weight must be zero or more")
    if options.minimize == "weighted" and options.hours_weight == 0 and options.cost_weight == 0:
        raise InputError("--minimize weighted needs a positive --hours-weight or --cost-weight")
    if options.deadline is not None:
        if options.start is None:
            raise InputError("a deadline needs a start date")
        if options.deadline < options.start:
            raise InputError(f"the deadline {options.deadline} is before the start {options.start}")
    if options.time_limit <= 0:
        raise InputError("the solver time limit must be more than 0 seconds")
    if options.solver not in ("highs", "greedy"):
        raise InputError(f"unknown solver {options.solver!r} (highs or greedy)")


def hours_capacity(options: PlanOptions) -> float | None:
    """Study hours that fit between start and deadline (inclusive) at the weekly pace."""
    if options.deadline is None or options.start is None:
        return None
    days = (options.deadline - options.start).days + 1
    return options.hours_per_week * days / 7


def merge_needs(needs: Iterable[Need | tuple[str, int, float]]) -> tuple[Need, ...]:
    """Needs as `Need`s, one per skill (the highest level and weight asked win)."""
    merged: dict[str, Need] = {}
    for item in needs:
        need = item if isinstance(item, Need) else Need(item[0], int(item[1]), float(item[2]))
        if not 1 <= need.level <= 5:
            raise InputError(f"skill {need.skill!r}: level must be 1-5, not {need.level}")
        if need.weight < 0:
            raise InputError(f"skill {need.skill!r}: weight must be zero or more, not {need.weight}")
        old = merged.get(need.skill)
        merged[need.skill] = (
            need
            if old is None
            else Need(need.skill, max(old.level, need.level), max(old.weight, need.weight))
        )
    return tuple(merged.values())


def _pick_currency(catalog: Catalog, options: PlanOptions) -> str:
    if options.currency:
        return options.currency
    counts: dict[str, int] = {}
    for offering in catalog:
        if offering.cost > 0:
            counts[offering.currency] = counts.get(offering.currency, 0) + 1
    return max(sorted(counts), key=lambda c: counts[c]) if counts else "USD"


def _why_unusable(offering: Offering, options: PlanOptions, currency: str) -> str | None:
    if offering.id in options.exclude:
        return "excluded"
    if offering.id in options.completed:
        return "already completed"
    if offering.cost > 0 and options.only_free:
        return "not free"
    if offering.cost > 0 and offering.currency != currency:
        return f"priced in {offering.currency}, not {currency}"
    return None


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
            ready = all(p in found or p in done for p in offering.prerequisite_offerings) and all(
                reach.get(s.skill, 0) >= s.level for s in offering.prerequisite_skills
            )
            if not ready:
                still.append(offering)
                continue
            found[offering.id] = offering
            progress = True
            for taught in offering.skills:
                reach[taught.skill] = max(reach.get(taught.skill, 0), taught.level)
        pending = still
    return found


def _closest(
    need: Need, catalog: Catalog, usable: Mapping[str, Offering], options: PlanOptions, currency: str
) -> Unreachable:
    teachers = catalog.teaching(need.skill)
    if not teachers:
        return Unreachable(
            need.skill, need.level, need.weight, 0, None, "no offering in the catalog teaches it"
        )
    best_usable = max(
        (o for o in teachers if o.id in usable),
        key=lambda o: (o.level_of(need.skill), -o.hours),
        default=None,
    )
    best_level = best_usable.level_of(need.skill) if best_usable else 0
    blocked = [o for o in teachers if o.id not in usable and o.level_of(need.skill) >= need.level]
    if blocked:
        offering = min(blocked, key=lambda o: (o.hours, o.id))
        why = _why_unusable(offering, options, currency) or "its prerequisites cannot be met"
        return Unreachable(
            need.skill, need.level, need.weight, best_level, offering.id, f"{offering.id}: {why}"
        )
    if best_usable is not None:
        reason = f"the best offering reaches level {best_level}"
        return Unreachable(need.skill, need.level, need.weight, best_level, best_usable.id, reason)
    top = max(teachers, key=lambda o: (o.level_of(need.skill), -o.hours))
    why = _why_unusable(top, options, currency) or "its prerequisites cannot be met"
    reason = f"only {top.id} teaches it, to level {top.level_of(need.skill)} ({why})"
    return Unreachable(need.skill, need.level, need.weight, 0, top.id, reason)


def candidates(
    gaps: Sequence[Need], usable: Mapping[str, Offering], held: Mapping[str, int], completed: Iterable[str]
) -> dict[str, Offering]:
    """Offerings that can matter: teachers of a gap at its level plus everything their prerequisites reach."""
    done = set(completed)
    teachers: dict[str, list[Offering]] = {}
    for offering in usable.values():
        for taught in offering.skills:
            teachers.setdefault(taught.skill, []).append(offering)
    chosen: dict[str, Offering] = {}
    queue = [o for need in gaps for o in teachers.get(need.skill, []) if o.level_of(need.skill) >= need.level]
    while queue:
        offering = queue.pop()
        if offering.id in chosen:
            continue
        chosen[offering.id] = offering
        queue.extend(usable[p] for p in offering.prerequisite_offerings if p not in done)
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) < pre.level:
                queue.extend(o for o in teachers.get(pre.skill, []) if o.level_of(pre.skill) >= pre.level)
    return chosen


def primary_cost(offering: Offering, options: PlanOptions) -> float:
    """The objective's price of one offering."""
    if options.minimize == "cost":
        return offering.cost
    if options.minimize == "weighted":
        return options.hours_weight * offering.hours + options.cost_weight * offering.cost
    return offering.hours


def covers(offering: Offering, need: Need) -> bool:
    """Whether taking `offering` closes `need`."""
    return offering.level_of(need.skill) >= need.level


def stacks_completed(
    chosen: Iterable[str], catalog: Catalog, completed: Iterable[str] = ()
) -> tuple[str, ...]:
    """`stacks_into` targets whose every member offering is chosen or already completed."""
    have = set(chosen) | set(completed)
    return tuple(
        target
        for target, members in sorted(catalog.stack_members().items())
        if target not in have and all(m in have for m in members) and any(m in set(chosen) for m in members)
    )


def choose(
    needs: Iterable[Need | tuple[str, int, float]],
    held: Mapping[str, int],
    catalog: Catalog,
    options: PlanOptions = PlanOptions(),
) -> Selection:
    """Choose offerings closing the gaps of `needs` for a learner holding `held` skill levels.

    Pure: the same inputs give the same selection. Raises InputError for options that make no sense,
    an empty catalog, or an unknown offering in `exclude`.
    """
    check_options(options)
    if len(catalog) == 0:
        raise InputError("the catalog has no offerings", hint="check --catalog files and --catalog-only")
    for offering_id in sorted(options.exclude):
        if offering_id not in catalog:
            raise InputError(f"--exclude {offering_id}: no such offering in the catalog")
    started = time.perf_counter()
    all_needs = merge_needs(needs)
    gaps = tuple(n for n in all_needs if held.get(n.skill, 0) < n.level)
    currency = _pick_currency(catalog, options)
    usable_list = [o for o in catalog if _why_unusable(o, options, currency) is None]
    notes = []
    other_currency = [o for o in catalog if o.cost > 0 and o.currency != currency]
    if other_currency:
        count = len(other_currency)
        plural = "s" if count > 1 else ""
        notes.append(f"{count} offering{plural} priced in another currency than {currency} left out")
    usable = attainable(usable_list, held, options.completed)
    unreachable = tuple(
        _closest(n, catalog, usable, options, currency)
        for n in gaps
        if not any(covers(o, n) for o in usable.values())
    )
    lost = {u.skill for u in unreachable}
    reachable = tuple(n for n in gaps if n.skill not in lost)
    pool = candidates(reachable, usable, held, options.completed)
    capacity = hours_capacity(options)

    from credwallet.planner import greedy, mip

    result: mip.Outcome | None = None
    if options.solver == "highs":
        result = mip.solve(reachable, pool, held, catalog, options, capacity)
        if result is None:
            notes.append("the MIP solver (highspy) is not installed: greedy plan, not proven optimal")
    if result is None or not result.chosen_found:
        fallback = greedy.solve(reachable, pool, held, options, capacity)
        if result is not None:
            status = f"greedy: the solver stopped ({result.status}) without a plan"
        else:
            status = "greedy: requested" if options.solver == "greedy" else "greedy: solver unavailable"
        result = mip.Outcome(fallback, status, None, False, "greedy", True)
    elif not result.optimal:  # stopped by the time limit with a plan: keep the better of it and greedy's
        fallback = greedy.solve(reachable, pool, held, options, capacity)

        def rank(chosen: Iterable[str]) -> tuple[float, float]:
            taken = [catalog.get(o) for o in chosen]
            weight = sum(n.weight for n in reachable if any(covers(o, n) for o in taken))
            return (-round(weight, 9), sum(primary_cost(o, options) for o in taken))

        if rank(fallback) < rank(result.chosen):
            status = f"greedy: better than the solver's plan when it stopped ({result.status})"
            result = mip.Outcome(fallback, status, None, False, "greedy", True)
    chosen_ids = set(result.chosen)
    covered = tuple(n for n in reachable if any(covers(catalog.get(o), n) for o in chosen_ids))
    left_out = tuple(n for n in reachable if n not in covered)
    objective = sum(primary_cost(catalog.get(o), options) for o in chosen_ids)
    ordered, _ = order_offerings([catalog.get(o) for o in chosen_ids], held, options.completed)
    return Selection(
        chosen=tuple(o.id for o in ordered),
        needs=all_needs,
        gaps=gaps,
        covered=covered,
        left_out=left_out,
        unreachable=unreachable,
        optimal=result.optimal,
        status=result.status,
        gap=result.gap,
        objective=objective,
        solver=result.solver,
        seconds=time.perf_counter() - started,
        currency=currency,
        hours_cap=capacity,
        stacks_completed=stacks_completed(chosen_ids, catalog, options.completed),
        notes=tuple(notes),
    )


def with_start(options: PlanOptions, start: date) -> PlanOptions:
    """The same options with a start date filled in (the CLI passes today)."""
    return options if options.start is not None else replace(options, start=start)

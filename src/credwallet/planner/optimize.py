"""Which offerings to take: every required item closed and the target coverage reached with least effort.

Choosing offerings that close a role's gaps, with their prerequisites, within a budget, a deadline and a
step limit is a set cover with precedence (NP-hard), so it is solved exactly as a 0-1 program (`mip`,
HiGHS). The plan starts from everything the learner holds: every skill level (not only the role's) and
every catalog offering a wallet credential shows they hold, which is `done`: never planned, and it meets
prerequisites. Offerings the learner may not enrol in (eligibility), excluded ones and, when money is
compared, ones priced in another currency are left out, each with its reason. A greedy plan is used only
when HiGHS itself fails or is missing, and says by how much it may be worse (the LP bound).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from credwallet.errors import InputError
from credwallet.planner.catalog import Catalog, Offering
from credwallet.planner.eligibility import ineligibility
from credwallet.planner.held import HeldOffering, with_completed_stacks
from credwallet.planner.needs import Need, coverage, levels_after, merge_needs, units
from credwallet.planner.options import (
    PAID_HOURS_FACTOR,
    PlanOptions,
    check_options,
    hours_capacity,
    limited,
    primary_cost,
)
from credwallet.planner.reach import (
    Unreachable,
    attainable,
    candidates,
    explain_unreachable,
    reachable_needs,
    undominated,
)
from credwallet.planner.schedule import order_offerings

__all__ = [
    "Need",
    "PlanOptions",
    "Selection",
    "Skipped",
    "Unreachable",
    "WithoutLimits",
    "choose",
    "covers",
    "hours_capacity",
    "primary_cost",
]

ELIGIBILITY = "eligibility"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An offering that would teach a gap but was not considered, and why (shown with the plan)."""

    offering: str
    title: str
    reason: str
    kind: str  # eligibility | excluded | provider | price | currency

    def to_jsonable(self) -> dict[str, str]:
        return {"offering": self.offering, "title": self.title, "reason": self.reason, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class WithoutLimits:
    """What the plan would take with no budget, deadline or step limit, when a limit keeps it from its goal:
    the learner sees up front how far over their budget or deadline reaching it is."""

    chosen: tuple[str, ...]
    hours: float
    costs: Mapping[str, float]  # per currency, as published
    required_open: int
    coverage: float

    def to_jsonable(self) -> dict[str, object]:
        return {
            "offerings": list(self.chosen),
            "hours": round(self.hours, 2),
            "totals": {currency: round(value, 2) for currency, value in self.costs.items()},
            "required_open": self.required_open,
            "coverage": round(self.coverage, 4),
        }


@dataclass(frozen=True)
class Selection:
    """The chosen offerings and everything said about how they were chosen."""

    chosen: tuple[str, ...]
    needs: tuple[Need, ...]  # every role item, as given (deduplicated)
    gaps: tuple[Need, ...]  # items the learner does not meet yet
    covered: tuple[Need, ...]  # gaps the chosen offerings close
    left_out: tuple[Need, ...]  # reachable gaps left open (the target was met, or a limit bit)
    unreachable: tuple[Unreachable, ...]
    optimal: bool
    status: str  # optimal | optimal coverage (phase 1) | time-limit | greedy: <why>
    gap: float | None  # the solver's proven relative optimality gap (None for greedy)
    objective: float
    solver: str
    seconds: float
    currency: str
    hours_cap: float | None  # total hours allowed by the deadline
    stacks_completed: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    held: Mapping[str, int] = field(default_factory=dict)  # levels the plan starts from
    held_offerings: tuple[HeldOffering, ...] = ()
    done: frozenset[str] = frozenset()  # offerings held, completed, or completed stacks
    skipped: tuple[Skipped, ...] = ()
    not_planned: tuple[Need, ...] = ()  # foundation gaps (planned only with include_foundation)
    target: float = 0.8
    coverage_before: float = 0.0
    coverage_after: float = 0.0
    bound: float | None = None  # with a greedy plan: the least objective any plan of its coverage can have
    limited_by: tuple[str, ...] = ()  # budget | deadline | max-steps, when set
    without_limits: WithoutLimits | None = None  # set when a limit keeps the plan from its goal

    @property
    def required_open(self) -> tuple[Need, ...]:
        """Required items the plan leaves open (unreachable, or over a limit)."""
        closed = {n.skill for n in self.covered}
        return tuple(n for n in self.gaps if n.required and n.skill not in closed)

    @property
    def target_reached(self) -> bool:
        return self.coverage_after + 1e-9 >= self.target


def covers(offering: Offering, need: Need) -> bool:
    """Whether `offering` alone brings a member skill of `need` to its level."""
    return any(offering.level_of(m) >= need.level for m in need.members)


def _pick_currency(catalog: Catalog, options: PlanOptions) -> str:
    if options.currency:
        return options.currency
    counts: dict[str, int] = {}
    for offering in catalog:
        if offering.cost > 0:
            counts[offering.currency] = counts.get(offering.currency, 0) + 1
    return max(sorted(counts), key=lambda c: counts[c]) if counts else "USD"


def _compares_money(options: PlanOptions) -> bool:
    return options.budget is not None or options.minimize in ("cost", "weighted")


def why_unusable(offering: Offering, options: PlanOptions, currency: str, done: set[str]) -> tuple[str, str] | None:
    """(kind, reason) when the planner may not choose `offering`, else None."""
    if offering.id in done:
        return "held", "already held or completed"
    if offering.id in options.exclude:
        return "excluded", "excluded (--exclude)"
    provider = offering.provider.casefold()
    for name in options.exclude_providers:
        if name.casefold() in provider:
            return "provider", f"provider {offering.provider} excluded (--exclude-provider)"
    if offering.cost > 0 and options.only_free:
        return "price", "not free (--only-free)"
    if offering.cost > 0 and offering.currency != currency and _compares_money(options):
        return "currency", f"priced in {offering.currency}, not {currency}"
    if not options.ignore_eligibility:
        reason = ineligibility(offering, options.facts)
        if reason is not None:
            return ELIGIBILITY, reason
    return None


def _check_references(catalog: Catalog, options: PlanOptions) -> None:
    for flag, ids in (("--exclude", options.exclude), ("--completed", options.completed)):
        for offering_id in sorted(ids):
            if offering_id not in catalog:
                from credwallet.wording import did_you_mean

                hint = did_you_mean(offering_id, catalog.offerings) or "list them with `credwallet catalog`"
                raise InputError(f"{flag} {offering_id}: no such offering in the catalog", hint=hint)


def _target_units(needs: tuple[Need, ...], levels: Mapping[str, int], target: float) -> int:
    total = sum(units(n.weight) for n in needs)
    have = sum(units(n.weight) for n in needs if n.met_by(levels))
    return max(0, math.ceil(round(target * total, 6)) - have)


def choose(
    needs: Iterable[Need | tuple[str, int, float]],
    held: Mapping[str, int],
    catalog: Catalog,
    options: PlanOptions | None = None,
    *,
    held_offerings: Iterable[HeldOffering] = (),
) -> Selection:
    """Choose offerings for a learner holding `held` skill levels and `held_offerings` from the catalog.

    Pure: the same inputs give the same selection. Raises InputError for options that make no sense, an
    empty catalog, or an unknown offering in `exclude` / `completed`.
    """
    options = options or PlanOptions()
    check_options(options)
    if len(catalog) == 0:
        raise InputError("the catalog has no offerings", hint="check --catalog files and --catalog-only")
    _check_references(catalog, options)
    started = time.perf_counter()
    held_list = tuple(held_offerings)
    done = with_completed_stacks({h.offering for h in held_list} | set(options.completed), catalog)
    levels = dict(held)
    for skill, level in options.have:
        levels[skill] = max(levels.get(skill, 0), level)
    levels = levels_after(levels, (catalog.get(o) for o in sorted(done)))
    all_needs = merge_needs(needs)
    gaps = tuple(n for n in all_needs if not n.met_by(levels))
    plannable = [n for n in gaps if options.include_foundation or not n.foundation]
    not_planned = tuple(n for n in gaps if n not in plannable)
    currency = _pick_currency(catalog, options)
    reasons: dict[str, tuple[str, str]] = {}
    usable_list = []
    for offering in catalog:
        why = why_unusable(offering, options, currency, done)
        if why is None:
            usable_list.append(offering)
        else:
            reasons[offering.id] = why
    usable = attainable(usable_list, levels, done)
    reachable, lost = reachable_needs(plannable, usable, levels)
    why_text = {oid: reason for oid, (_, reason) in reasons.items()}
    unreachable = tuple(explain_unreachable(n, catalog, usable, levels, why_text) for n in lost)
    target = _target_units(all_needs, levels, options.target_coverage)
    weights = tuple(units(n.weight) for n in reachable)
    target = min(target, sum(weights))
    pool = candidates(reachable, usable, levels, done)
    if not (options.prefer_provider or options.prefer_stacks):
        # Dominated offerings out, then only what the gaps still reach through what is left (an offering
        # pulled in as a prerequisite of a dominated one alone is of no use any more).
        pool = candidates(reachable, undominated(pool, levels, done, reachable), levels, done)
    capacity = hours_capacity(options)

    from credwallet.planner import greedy, mip

    stacks: dict[str, tuple[str, ...]] = {}
    if options.prefer_stacks:
        for stack, members in sorted(catalog.stack_members().items()):
            open_members = tuple(m for m in members if m not in done)
            if open_members and all(m in pool for m in open_members) and stack not in done:
                stacks[stack] = open_members
    problem = mip.Problem(
        offerings=tuple(pool[k] for k in sorted(pool)),
        gaps=tuple(reachable),
        weights=weights,
        target=target,
        held=levels,
        done=frozenset(done),
        options=options,
        capacity=capacity,
        limited=limited(options),
        stack_targets=stacks,
    )
    notes: list[str] = []
    if options.prefer_free:
        notes.append(
            f"--prefer-free: a paid offering counts as {PAID_HOURS_FACTOR:g}x its hours, so a free one wins unless "
            f"it takes over {PAID_HOURS_FACTOR - 1:.0%} longer"
        )
    outcome: mip.Outcome | None = None
    bound: float | None = None
    if options.solver == "highs":
        outcome = mip.solve(problem)
        if outcome is None:
            notes.append("the MIP solver (highspy) is not installed: greedy plan, not proven optimal")
    if outcome is not None and outcome.note:
        notes.append(outcome.note)
    if outcome is None or not outcome.chosen_found:
        fallback = greedy.solve(problem)
        if outcome is not None:
            status = f"greedy: the solver stopped ({outcome.status}) without a plan"
        else:
            status = "greedy: requested" if options.solver == "greedy" else "greedy: solver unavailable"
        bound = mip.lp_bound(problem, *problem.truth(fallback))
        outcome = mip.Outcome(fallback, status, None, False, "greedy", True)
    elif not outcome.optimal:  # stopped by the time limit with a plan: keep the better of it and greedy's
        fallback = greedy.solve(problem)

        def rank(chosen: Iterable[str]) -> tuple[int, int, float]:
            ids = tuple(chosen)
            required, closed = problem.truth(ids)
            return (-required, -closed, sum(primary_cost(catalog.get(o), options) for o in ids))

        if rank(fallback) < rank(outcome.chosen):
            status = f"greedy: better than the solver's plan when it stopped ({outcome.status})"
            bound = mip.lp_bound(problem, *problem.truth(fallback))
            outcome = mip.Outcome(fallback, status, None, False, "greedy", True)
    chosen = [catalog.get(o) for o in outcome.chosen]
    after = levels_after(levels, chosen)
    covered = tuple(n for n in reachable if n.met_by(after))
    left_out = tuple(n for n in reachable if n not in covered)
    ordered, _ = order_offerings(chosen, levels, done)
    other_currency = [o for o in catalog if reasons.get(o.id, ("",))[0] == "currency"]
    if other_currency:
        count = len(other_currency)
        notes.append(f"{count} offering{'s' if count > 1 else ''} priced in another currency than {currency} left out")
    limits = tuple(
        name
        for name, value in (
            ("budget", options.budget),
            ("deadline", options.deadline),
            ("max-steps", options.max_steps),
        )
        if value is not None
    )
    coverage_after = coverage(all_needs, after)
    without = None
    required_short = any(n.required for n in left_out)
    if limits and (required_short or coverage_after + 1e-9 < options.target_coverage) and left_out:
        without = _without_limits(all_needs, held, catalog, options, held_list, len(left_out), coverage_after)
    return Selection(
        chosen=tuple(o.id for o in ordered),
        needs=all_needs,
        gaps=gaps,
        covered=covered,
        left_out=left_out,
        unreachable=unreachable,
        optimal=outcome.optimal,
        status=outcome.status,
        gap=outcome.gap,
        objective=sum(primary_cost(o, options) for o in chosen),
        solver=outcome.solver,
        seconds=time.perf_counter() - started,
        currency=currency,
        hours_cap=capacity,
        stacks_completed=stacks_completed(outcome.chosen, catalog, done),
        notes=tuple(notes),
        held=levels,
        held_offerings=held_list,
        done=frozenset(done),
        skipped=_relevant_skips(reasons, catalog, plannable, levels),
        not_planned=not_planned,
        target=options.target_coverage,
        coverage_before=coverage(all_needs, levels),
        coverage_after=coverage_after,
        bound=bound,
        limited_by=limits,
        without_limits=without,
    )


def _without_limits(
    needs: Iterable[Need | tuple[str, int, float]],
    held: Mapping[str, int],
    catalog: Catalog,
    options: PlanOptions,
    held_list: tuple[HeldOffering, ...],
    left_out: int,
    coverage_now: float,
) -> WithoutLimits | None:
    """The same plan with the budget, deadline and step limit lifted (None when lifting them gains nothing)."""
    free = choose(
        needs,
        held,
        catalog,
        replace(options, budget=None, deadline=None, max_steps=None),
        held_offerings=held_list,
    )
    if len(free.left_out) >= left_out and free.coverage_after <= coverage_now + 1e-9:
        return None
    offerings = [catalog.get(o) for o in free.chosen]
    costs: dict[str, float] = {}
    for offering in offerings:
        if offering.cost:
            costs[offering.currency] = costs.get(offering.currency, 0.0) + offering.cost
    return WithoutLimits(
        chosen=free.chosen,
        hours=sum(o.hours for o in offerings),
        costs=costs or {free.currency: 0.0},
        required_open=len(free.required_open),
        coverage=free.coverage_after,
    )


def _relevant_skips(
    reasons: Mapping[str, tuple[str, str]], catalog: Catalog, gaps: list[Need], levels: Mapping[str, int]
) -> tuple[Skipped, ...]:
    """Left-out offerings worth mentioning: those that would teach an open gap at its level."""
    skipped = []
    for offering_id, (kind, reason) in reasons.items():
        if kind == "held":
            continue
        offering = catalog.get(offering_id)
        if any(offering.level_of(m) >= n.level for n in gaps for m in n.members if levels.get(m, 0) < n.level):
            skipped.append(Skipped(offering.id, offering.title, reason, kind))
    return tuple(sorted(skipped, key=lambda s: (s.kind != ELIGIBILITY, s.offering)))


def stacks_completed(chosen: Iterable[str], catalog: Catalog, done: Iterable[str] = ()) -> tuple[str, ...]:
    """`stacks_into` targets whose every member offering is chosen or already done."""
    chosen_set = set(chosen)
    have = chosen_set | set(done)
    return tuple(
        target
        for target, members in sorted(catalog.stack_members().items())
        if target not in have and all(m in have for m in members) and any(m in chosen_set for m in members)
    )


def with_start(options: PlanOptions, start: date) -> PlanOptions:
    """The same options with a start date filled in (the CLI passes today)."""
    return options if options.start is not None else replace(options, start=start)

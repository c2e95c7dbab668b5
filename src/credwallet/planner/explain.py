"""What a plan says besides its steps: alternatives per step, why each step sits where it does, and the
warnings that belong up front (a plan over a year, a budget that leaves required items out, prices last
checked over a year ago, a plan that is not proven optimal)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from credwallet.planner.catalog import Catalog, Offering
from credwallet.planner.needs import Need
from credwallet.planner.optimize import Selection, why_unusable
from credwallet.planner.options import PlanOptions, primary_cost
from credwallet.planner.result import Alternative

MAX_ALTERNATIVES = 2
LONG_PLAN_DAYS = 365
STALE_AFTER_DAYS = 365


def alternatives(
    closes: Sequence[Need],
    chosen: set[str],
    catalog: Catalog,
    selection: Selection,
    options: PlanOptions,
    levels: Mapping[str, int],
    labels: Mapping[str, str] | None = None,
) -> tuple[Alternative, ...]:
    """Up to two other offerings closing the most of `closes`, least effort first (usable ones only)."""
    if not closes:
        return ()
    found: list[tuple[tuple[int, float, str], Alternative]] = []
    seen: set[str] = set()
    for need in closes:
        for member in need.members:
            for offering in catalog.teaching(member, need.level):
                if offering.id in seen or offering.id in chosen or offering.id in selection.done:
                    continue
                seen.add(offering.id)
                if why_unusable(offering, options, selection.currency, set(selection.done)) is not None:
                    continue
                closed = tuple(n.skill for n in closes if any(offering.level_of(m) >= n.level for m in n.members))
                note = _entry_note(offering, levels, chosen | set(selection.done), labels or {})
                key = (-len(closed), primary_cost(offering, options), offering.id)
                found.append((key, Alternative(offering, closed, note)))
    found.sort(key=lambda item: item[0])
    return tuple(alternative for _, alternative in found[:MAX_ALTERNATIVES])


def _entry_note(
    offering: Offering, levels: Mapping[str, int], done: set[str], labels: Mapping[str, str]
) -> str | None:
    missing = [" or ".join(group) for group in offering.prerequisite_groups if not any(p in done for p in group)]
    missing += [
        f"{labels.get(p.skill, p.skill)} level {p.level}"
        for p in offering.prerequisite_skills
        if levels.get(p.skill, 0) < p.level
    ]
    return f"needs {', '.join(missing)} first" if missing else None


def order_reason(
    offering: Offering, after: Sequence[str], prerequisite_for: Sequence[str], value: float, first: bool
) -> str:
    """Why this step sits where it does."""
    if prerequisite_for and not after:
        return f"first: {', '.join(prerequisite_for)} build on it"
    if after:
        return f"after {', '.join(after)}, which it builds on"
    per_ten = value * 10  # weights are shares of the role
    lead = "highest" if first else "next highest"
    return f"{lead} value for the time: {per_ten:.1%} of the role per 10 h"


def warnings(
    selection: Selection,
    options: PlanOptions,
    *,
    start: date,
    finish: date | None,
    total_cost: float,
    today: date,
    oldest_checked: date | None,
    labels: Mapping[str, str],
) -> tuple[str, ...]:
    """What the learner must hear before the steps."""
    said: list[str] = []
    if finish is not None and (finish - start).days >= LONG_PLAN_DAYS:
        months = (finish - start).days / 30.44
        said.append(
            f"this plan takes {months:.0f} months at {options.hours_per_week:g} h/week (over a year): "
            "consider more hours per week, a lower --target-coverage, or --deadline"
        )
    if options.budget is not None and total_cost > options.budget + 1e-9:
        said.append(
            f"this plan costs {total_cost:,.2f} {selection.currency}, over your budget of {options.budget:,.2f}"
        )
    limits = " and ".join("--max-steps" if n == "max-steps" else n for n in selection.limited_by) or "limits"
    required_left = [n for n in selection.left_out if n.required]
    if required_left and selection.limited_by:
        names = ", ".join(n.describe(labels) for n in required_left)
        said.append(f"the {limits} leave{'s' if len(selection.limited_by) == 1 else ''} required items out: {names}")
    unreachable_required = [u for u in selection.unreachable if u.required]
    if unreachable_required:
        names = ", ".join(labels.get(u.skill, u.skill) for u in unreachable_required)
        said.append(f"no usable offering closes these required items: {names} (see below)")
    if not selection.target_reached and selection.gaps:
        limit = selection.left_out and selection.limited_by
        reach = (
            f"the most the {limits} allow{'s' if len(selection.limited_by) == 1 else ''}"
            if limit
            else ("the most the offerings you can take reach")
        )
        said.append(
            f"the target coverage of {selection.target:.0%} is not reached: {selection.coverage_after:.0%} is {reach}"
        )
    if selection.without_limits is not None:
        said.append(_over_the_limits(selection, options, start))
    if oldest_checked is not None and (today - oldest_checked) > timedelta(days=STALE_AFTER_DAYS):
        said.append(
            f"hours and prices were last checked on {oldest_checked.isoformat()}, over a year ago: "
            "check each provider's page before you enrol or pay"
        )
    if not selection.optimal:
        bound = ""
        if selection.bound is not None and selection.objective > 0:
            worse = max(0.0, selection.objective - selection.bound)
            unit = {"hours": "h", "cost": selection.currency}.get(options.minimize, "units")
            bound = (
                f"; it may take up to {worse:,.0f} {unit} more than the best plan "
                f"({worse / selection.objective:.0%}; LP bound {selection.bound:,.0f} {unit})"
            )
        elif selection.solver == "greedy":
            bound = "; no bound on how much better a plan could be was computed"
        said.append(f"not proven optimal ({selection.status}){bound}")
    ineligible = [s for s in selection.skipped if s.kind == "eligibility"]
    if ineligible:
        said.append(
            f"{len(ineligible)} offering{'s' if len(ineligible) > 1 else ''} you may not enrol in yet "
            "{was} left out (see below; --ignore-eligibility to plan them anyway)".format(
                was="were" if len(ineligible) > 1 else "was"
            )
        )
    return tuple(said)


def _over_the_limits(selection: Selection, options: PlanOptions, start: date) -> str:
    """What the plan would take with the limits lifted, and how far over each limit that is."""
    from credwallet.planner.schedule import slots
    from credwallet.wording import join_words, plural

    free = selection.without_limits
    assert free is not None
    closed = "every required item" if not free.required_open else "every required item it can"
    goal = f"the whole plan ({closed}, {free.coverage:.0%} coverage)"
    money = join_words([f"{value:,.0f} {currency}" for currency, value in free.costs.items()])
    over: list[str] = []
    spent = free.costs.get(selection.currency, 0.0)
    if options.budget is not None and spent > options.budget + 1e-9:
        over.append(f"{spent - options.budget:,.0f} {selection.currency} over the budget")
    if options.deadline is not None and free.hours > 0:
        finish = slots([free.hours], start, options.hours_per_week)[-1].end
        if finish > options.deadline:
            over.append(
                f"at {options.hours_per_week:g} h/week it ends on {finish.isoformat()}, "
                f"after the deadline {options.deadline.isoformat()}"
            )
    if options.max_steps is not None and len(free.chosen) > options.max_steps:
        over.append(f"{plural(len(free.chosen) - options.max_steps, 'step')} more than --max-steps allows")
    reach = f"{plural(len(free.chosen), 'step')}, {free.hours:,.0f} h and {money}"
    return f"{goal} takes {reach}" + (f": {'; '.join(over)}" if over else "")

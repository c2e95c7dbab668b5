"""From a selection to a Plan: ordered steps with dates, reasons, eligibility notes and alternatives."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from credwallet.errors import InputError
from credwallet.planner.catalog import Catalog
from credwallet.planner.eligibility import eligibility_note
from credwallet.planner.explain import alternatives, order_reason, warnings
from credwallet.planner.needs import levels_after
from credwallet.planner.optimize import Selection
from credwallet.planner.options import PlanOptions
from credwallet.planner.result import Plan, Step
from credwallet.planner.schedule import branch_values, order_offerings, slots


def build_plan(
    selection: Selection,
    catalog: Catalog,
    *,
    role: str,
    start: date,
    options: PlanOptions,
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Plan:
    """Order the selection by prerequisites then value per hour, date every step, and explain it."""
    import math

    labels = dict(labels or {})
    hours_per_week = options.hours_per_week
    if not (hours_per_week > 0 and math.isfinite(hours_per_week)):
        raise InputError(f"--hours-per-week must be more than 0, not {hours_per_week}")
    held = selection.held
    chosen = [catalog.get(offering_id) for offering_id in selection.chosen]
    values = branch_values(chosen, selection.gaps, held)
    ordered, stuck = order_offerings(chosen, held, selection.done, values)
    if stuck:
        names = ", ".join(o.id for o in stuck)
        raise InputError(f"cannot order these offerings, their prerequisites are circular or missing: {names}")
    position = {o.id: i for i, o in enumerate(ordered)}
    prerequisite_for: dict[str, list[str]] = {o.id: [] for o in ordered}
    after: dict[str, list[str]] = {o.id: [] for o in ordered}

    def link(first: str, then: str) -> None:
        if then not in prerequisite_for[first]:
            prerequisite_for[first].append(then)
            after[then].append(first)

    for offering in ordered:
        for group in offering.prerequisite_groups:
            earlier = [p for p in group if p in position and position[p] < position[offering.id]]
            if earlier and not any(p in selection.done for p in group):
                link(min(earlier, key=position.__getitem__), offering.id)
        for pre in offering.prerequisite_skills:
            if held.get(pre.skill, 0) >= pre.level:
                continue
            first = min(
                (q for q in ordered[: position[offering.id]] if q.level_of(pre.skill) >= pre.level),
                key=lambda q: position[q.id],
            )
            link(first.id, offering.id)
    chosen_ids = {o.id for o in ordered}
    open_gaps = list(selection.gaps)
    levels = dict(held)
    steps = []
    for index, (offering, slot) in enumerate(
        zip(ordered, slots([o.hours for o in ordered], start, hours_per_week), strict=True)
    ):
        closes = tuple(n for n in open_gaps if n.met_by(levels_after(levels, [offering])))
        open_gaps = [n for n in open_gaps if n not in closes]
        steps.append(
            Step(
                offering=offering,
                start=slot.start,
                end=slot.end,
                start_week=slot.start_week,
                end_week=slot.end_week,
                closes=closes,
                prerequisite_for=tuple(prerequisite_for[offering.id]),
                after=tuple(after[offering.id]),
                order_reason=order_reason(
                    offering, after[offering.id], prerequisite_for[offering.id], values[offering.id], index == 0
                ),
                eligibility=eligibility_note(offering, options.facts, options.ignore_eligibility),
                alternatives=alternatives(closes, chosen_ids, catalog, selection, options, levels, labels),
                labels=labels,
            )
        )
        levels = levels_after(levels, [offering])
    totals: dict[str, float] = {}
    for offering in ordered:
        if offering.cost:
            totals[offering.currency] = totals.get(offering.currency, 0.0) + offering.cost
    total_cost = totals.get(selection.currency, 0.0)
    finish = steps[-1].end if steps else None
    checked = [o.checked for o in ordered if o.checked is not None]
    oldest = min(checked) if checked else None
    return Plan(
        role=role,
        steps=tuple(steps),
        selection=selection,
        start=start,
        hours_per_week=hours_per_week,
        total_hours=sum(o.hours for o in ordered),
        total_cost=total_cost,
        currency=selection.currency,
        finish=finish,
        coverage_before=selection.coverage_before,
        coverage_after=selection.coverage_after,
        totals=totals or {selection.currency: 0.0},
        warnings=warnings(
            selection,
            options,
            start=start,
            finish=finish,
            total_cost=total_cost,
            today=today or date.today(),
            oldest_checked=oldest,
            labels=labels,
        ),
        labels=labels,
        checked_oldest=oldest,
    )

"""How `plan` and `plan show` look: what matters up front, then the steps as an 80-column table whose
detail line under each step says what it closes, why it sits there, who may enrol, and what else would do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from credwallet.cli import console
from credwallet.cli.table import Column, print_table
from credwallet.wording import plural

if TYPE_CHECKING:
    from credwallet.planner import Plan, Step
    from credwallet.planner.progress import Progress

PLAN_COLUMNS = (
    Column("#", align="right"),
    Column("start"),
    Column("end", drop=2),
    Column("offering", fit="wrap", min_width=26),
    Column("provider", fit="cut", drop=1, min_width=14),
    Column("hours", align="right"),
    Column("cost", align="right"),
)
PROGRESS_COLUMNS = (
    Column("#", align="right"),
    Column("state"),
    Column("offering", fit="wrap", min_width=26),
    Column("hours", align="right"),
    Column("when / how", fit="wrap", min_width=20),
)


def money(amount: float, currency: str) -> str:
    return f"{amount:,.0f} {currency}" if float(amount).is_integer() else f"{amount:,.2f} {currency}"


def _totals(plan: Plan) -> str:
    return " + ".join(money(value, currency) for currency, value in plan.totals.items())


def render_plan(plan: Plan) -> None:
    selection = plan.selection
    title = plan.labels.get(plan.role, plan.role)
    title = f"{title} ({plan.role})" if title != plan.role else title
    when = f"{plan.hours_per_week:g} h/week from {plan.start.isoformat()}"
    if plan.finish:
        when += f" to {plan.finish.isoformat()}"
    console.say(
        f"[bold]Plan for {console.clean(title)}[/bold]: {plural(len(plan.steps), 'step')}, "
        f"{plan.total_hours:,.0f} h, {_totals(plan)}; {when}"
    )
    required_open = selection.required_open
    state = "every required item closed" if not required_open else f"{len(required_open)} required left open"
    proof = "proven optimal" if selection.optimal else f"[yellow]not proven optimal ({selection.status})[/yellow]"
    console.say(
        f"coverage {plan.coverage_before:.0%} → {plan.coverage_after:.0%} "
        f"(target {selection.target:.0%}); {state}; {proof}"
    )
    if selection.held_offerings:
        held = "; ".join(
            f"{held.offering} (credential {(held.credential or '')[:8]})" for held in selection.held_offerings
        )
        console.say(f"[dim]already held, never planned again: {console.clean(held)}[/dim]")
    for warning in plan.warnings:
        console.say(f"[yellow]! {console.clean(warning)}[/yellow]")
    rows = [
        [
            str(number),
            step.start.isoformat(),
            step.end.isoformat(),
            console.clean_plain(step.offering.title),
            console.clean_plain(step.offering.provider),
            f"{step.offering.hours:g}",
            money(step.offering.cost, step.offering.currency),
        ]
        for number, step in enumerate(plan.steps, start=1)
    ]
    if rows:
        print_table(PLAN_COLUMNS, rows, details=[console.clean_plain(_details(step)) for step in plan.steps])
    _render_leftovers(plan)
    console.say("Hours and prices are indicative, as published by the providers; check before you enrol.")


def _details(step: Step) -> str:
    offering = step.offering
    parts = [f"{offering.id} · {step.why}", f"order: {step.order_reason}", f"entry: {step.eligibility}"]
    if offering.checked:
        parts.append(f"checked {offering.checked.isoformat()}")
    for alternative in step.alternatives:
        other = alternative.offering
        note = f"; {alternative.note}" if alternative.note else ""
        parts.append(
            f"or {other.title} ({other.provider}), {other.hours:g} h, {money(other.cost, other.currency)}{note}"
        )
    return " · ".join(parts)


def _render_leftovers(plan: Plan) -> None:
    selection = plan.selection
    labels = plan.labels
    limited = " and ".join("--max-steps" if name == "max-steps" else name for name in selection.limited_by)
    for stack in selection.stacks_completed:
        console.say(f"[green]completes[/green] {console.clean(stack)}")
    for need in selection.left_out:
        why = f"over the {limited}" if limited and not selection.target_reached else "not needed for the target"
        console.say(f"[dim]not planned[/dim] {console.clean(need.describe(labels))}: {why}")
    if selection.not_planned:
        names = ", ".join(n.describe(labels) for n in selection.not_planned)
        console.say(f"[dim]foundation, not planned (--include-foundation plans them):[/dim] {console.clean(names)}")
    for item in selection.unreachable:
        closest = f"; closest: {item.closest}" if item.closest else ""
        name = labels.get(item.skill, item.skill)
        console.say(
            f"[red]unreachable[/red] {console.clean(name)} (level {item.required_level}): "
            f"{console.clean(item.reason)}{console.clean(closest)}"
        )
    for skipped in selection.skipped:
        if skipped.kind == "eligibility":
            console.say(
                f"[yellow]not eligible[/yellow] {console.clean(skipped.offering)}: {console.clean(skipped.reason)}"
            )
    for note in selection.notes:
        console.say(f"note: {console.clean(note)}")


def render_progress(progress: Progress) -> None:
    done = sum(1 for step in progress.steps if step.done)
    console.say(
        f"[bold]Plan {console.clean(progress.name)}[/bold] for {console.clean(progress.role)}: "
        f"{done} of {plural(len(progress.steps), 'step')} done, {progress.hours_done:,.0f} h done, "
        f"{progress.hours_left:,.0f} h left"
    )
    console.say(
        f"coverage {progress.coverage_start:.0%} at the start, {progress.coverage_now:.0%} now, "
        f"{progress.coverage_planned:.0%} when every step is done"
    )
    planned = progress.planned_finish.isoformat() if progress.planned_finish else "—"
    revised = progress.revised_finish.isoformat() if progress.revised_finish else "done"
    console.say(f"finish: planned {planned}, now {revised} (at {progress.hours_per_week:g} h/week from today)")
    current = progress.current
    rows = []
    for step in progress.steps:
        if step.done:
            state, when = "done", console.clean_plain(step.done_by)
        else:
            state = "now" if current is not None and step.number == current.number else "to do"
            assert step.expected_start is not None and step.expected_end is not None
            when = f"{step.expected_start.isoformat()} → {step.expected_end.isoformat()}"
        rows.append([str(step.number), state, console.clean_plain(step.title), f"{step.hours:g}", when])
    if rows:
        print_table(PROGRESS_COLUMNS, rows)

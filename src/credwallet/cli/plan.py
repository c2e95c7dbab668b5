"""`credwallet plan` and `credwallet catalog`: the dated pathway to a role, and the offerings it draws on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

catalog_app = typer.Typer(
    help="Learning offerings (courses, certificates, certifications) the planner draws on.",
    epilog="Example: credwallet catalog --skill sql --max-hours 40   |   credwallet catalog --json",
    invoke_without_command=True,
)


def _date(value: str | None, option: str) -> date | None:
    from credwallet.errors import InputError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def plan_command(
    role: Annotated[str, typer.Option("--role", help="A role id or a role YAML file.")],
    minimize: Annotated[str, typer.Option(help="hours | cost | weighted")] = "hours",
    hours_weight: Annotated[float, typer.Option(help="With --minimize weighted: weight of one hour.")] = 1.0,
    cost_weight: Annotated[
        float, typer.Option(help="With --minimize weighted: weight of one unit of money.")
    ] = 1.0,
    budget: Annotated[float | None, typer.Option(help="Spend at most this much money.")] = None,
    hours_per_week: Annotated[float, typer.Option(help="Study hours per week.", min=0.5)] = 5.0,
    start: Annotated[str | None, typer.Option(help="First study day, YYYY-MM-DD (default today).")] = None,
    deadline: Annotated[str | None, typer.Option(help="Finish by this day, YYYY-MM-DD.")] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Never choose this offering (repeatable).")
    ] = None,
    prefer_provider: Annotated[str | None, typer.Option(help="Break ties toward this provider.")] = None,
    prefer_stacks: Annotated[
        bool, typer.Option(help="Break ties toward offerings that stack into more.")
    ] = False,
    only_free: Annotated[bool, typer.Option(help="Only offerings that cost nothing.")] = False,
    catalog: Annotated[
        list[Path] | None, typer.Option("--catalog", help="Also use this catalog YAML (repeatable).")
    ] = None,
    catalog_only: Annotated[
        bool, typer.Option(help="Use only the --catalog files, not the built-in catalog.")
    ] = False,
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid.")
    ] = False,
    include_unverified: Annotated[
        bool, typer.Option(hidden=True, help="Unverified credentials now count by default.")
    ] = False,
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Also write the schedule as an iCalendar file.")
    ] = None,
    ics_mode: Annotated[
        str, typer.Option(help="steps (one event per step) | weekly (study blocks)")
    ] = "steps",
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --ics file if it exists.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """The least-effort ordered, dated pathway of offerings that closes your gap for a role."""
    from credwallet.errors import InputError
    from credwallet.planner import PlanOptions
    from credwallet.skills.planning import plan_for_role

    if minimize not in ("hours", "cost", "weighted"):
        raise InputError(f"--minimize {minimize!r}: choose hours, cost or weighted")
    if ics_mode not in ("steps", "weekly"):
        raise InputError(f"--ics-mode {ics_mode!r}: choose steps or weekly")
    options = PlanOptions(
        minimize=minimize,
        hours_weight=hours_weight,
        cost_weight=cost_weight,
        budget=budget,
        hours_per_week=hours_per_week,
        start=_date(start, "--start"),
        deadline=_date(deadline, "--deadline"),
        exclude=frozenset(exclude or []),
        only_free=only_free,
        prefer_provider=prefer_provider,
        prefer_stacks=prefer_stacks,
    )
    with open_wallet() as wallet:
        plan = plan_for_role(
            credentials_of(wallet),
            role,
            home=wallet.home,
            catalogs=list(catalog or []),
            catalog_only=catalog_only,
            options=options,
            verified_only=verified_only,
            declared=wallet.declared_skills(),
        )
    if ics is not None:
        from credwallet.export import write_bytes_safely
        from credwallet.planner.ics import plan_to_ics

        write_bytes_safely(ics, plan_to_ics(plan, mode=ics_mode), force=force)
        console.err().print(f"wrote {console.clean(str(ics))}")
    if as_json:
        console.print_json(plan.to_jsonable())
        return
    _render_plan(plan)


def _render_plan(plan: object) -> None:
    from credwallet.planner import Plan

    assert isinstance(plan, Plan)
    out = console.out()
    selection = plan.selection
    out.print(
        f"[bold]Plan for {console.clean(plan.role)}[/bold]: {len(plan.steps)} steps, "
        f"{plan.total_hours:g} h, {plan.total_cost:,.2f} {plan.currency}, "
        f"{plan.hours_per_week:g} h/week from {plan.start.isoformat()}"
        + (f", finish {plan.finish.isoformat()}" if plan.finish else "")
    )
    out.print(
        f"coverage {plan.coverage_before:.0%} → {plan.coverage_after:.0%}; "
        + (
            "proven optimal"
            if selection.optimal
            else f"[yellow]not proven optimal ({selection.status})[/yellow]"
        )
    )
    rows = [
        [
            str(i),
            step.start.isoformat(),
            step.end.isoformat(),
            console.clean_plain(step.offering.title),
            console.clean_plain(step.offering.provider),
            f"{step.offering.hours:g}",
            f"{step.offering.cost:g}",
            console.clean_plain(step.why),
        ]
        for i, step in enumerate(plan.steps, start=1)
    ]
    if rows:
        console.print_columns(
            ["#", "start", "end", "offering", "provider", "hours", "cost", "why"], rows, flexible=(3, 4, 7)
        )
    for stack in selection.stacks_completed:
        out.print(f"[green]completes[/green] {console.clean(stack)}")
    for need in selection.left_out:
        out.print(
            f"[yellow]left out[/yellow] {console.clean(need.skill)} (level {need.level}): over the budget or deadline"
        )
    for item in selection.unreachable:
        closest = f"; closest: {item.closest}" if item.closest else ""
        out.print(
            f"[red]unreachable[/red] {console.clean(item.skill)} (level {item.required_level}): "
            f"{console.clean(item.reason)}{console.clean(closest)}"
        )
    for note in selection.notes:
        out.print(f"note: {console.clean(note)}")
    out.print("Hours and prices are indicative, as published by the providers; check before you enrol.")


@catalog_app.callback()
def catalog_list(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Option("--search", help="Words in the title, provider or notes.")
    ] = None,
    skill: Annotated[str | None, typer.Option(help="Only offerings teaching this skill.")] = None,
    provider: Annotated[str | None, typer.Option(help="Only this provider.")] = None,
    max_hours: Annotated[float | None, typer.Option(help="At most this many hours.")] = None,
    only_free: Annotated[bool, typer.Option(help="Only free offerings.")] = False,
    catalog: Annotated[
        list[Path] | None, typer.Option("--catalog", help="Also use this catalog YAML.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List and search offerings (with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = list(catalog or [])
        return
    from credwallet.planner import search
    from credwallet.skills.planning import load_catalogs

    with open_wallet() as wallet:
        home = wallet.home
    found = search(
        load_catalogs(home, list(catalog or []), catalog_only=False),
        text,
        skill=skill,
        provider=provider,
        max_hours=max_hours,
        only_free=only_free,
    )
    if as_json:
        console.print_json([o.to_jsonable() for o in found])
        return
    rows = [
        [
            o.id,
            console.clean_plain(o.title),
            console.clean_plain(o.provider),
            o.kind,
            f"{o.hours:g}",
            f"{o.cost:g} {o.currency}",
        ]
        for o in found
    ]
    console.print_columns(["id", "title", "provider", "kind", "hours", "cost"], rows, flexible=(1, 2))
    console.out().print(f"{len(found)} offerings")


@catalog_app.command("show", epilog="Example: credwallet catalog show google-data-analytics-certificate")
def catalog_show(
    ctx: typer.Context,
    offering_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Everything about one offering."""
    from credwallet.skills.planning import load_catalogs

    with open_wallet() as wallet:
        home = wallet.home
    offering = load_catalogs(home, list(ctx.obj or []), catalog_only=False).get(offering_id)
    document = offering.to_jsonable()
    if as_json:
        console.print_json(document)
        return
    out = console.out()
    for key, value in document.items():
        if value not in (None, [], {}, ""):
            out.print(f"[bold]{key:14}[/bold] {console.clean(value)}")


@catalog_app.command("validate", epilog="Example: credwallet catalog validate my-courses.yaml")
def catalog_validate(
    path: Annotated[Path, typer.Argument(help="A catalog YAML file.", dir_okay=False)],
) -> None:
    """Check a catalog file: one line per problem (file, path, what is wrong)."""
    from credwallet.errors import InputError
    from credwallet.planner.catalog import validate_catalog_file
    from credwallet.skills.service import vocabulary_for

    with open_wallet() as wallet:
        vocabulary = vocabulary_for(wallet.home)

    def resolve(text: str) -> str | None:
        skill = vocabulary.lookup(text)
        return skill.id if skill else None

    problems = validate_catalog_file(path, resolve_skill=resolve)
    if problems:
        raise InputError("\n".join(problems))
    console.out().print(f"{console.clean(str(path))}: valid")

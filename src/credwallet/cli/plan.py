"""`credwallet plan` and `credwallet catalog`: the dated pathway to a role, and the offerings it draws on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet
from credwallet.cli.table import Column, print_fields, print_table
from credwallet.wording import plural

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


PLAN_COLUMNS = (
    Column("#", align="right"),
    Column("start"),
    Column("end", drop=2),
    Column("offering", fit="wrap", min_width=26),
    Column("provider", fit="cut", drop=1, min_width=14),
    Column("hours", align="right"),
    Column("cost", align="right"),
)


def _render_plan(plan: object) -> None:
    from credwallet.planner import Plan

    assert isinstance(plan, Plan)
    selection = plan.selection
    console.say(
        f"[bold]Plan for {console.clean(plan.role)}[/bold]: {plural(len(plan.steps), 'step')}, "
        f"{plan.total_hours:g} h, {plan.total_cost:,.2f} {plan.currency}, "
        f"{plan.hours_per_week:g} h/week from {plan.start.isoformat()}"
        + (f", finish {plan.finish.isoformat()}" if plan.finish else "")
    )
    console.say(
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
        ]
        for i, step in enumerate(plan.steps, start=1)
    ]
    if rows:
        print_table(
            PLAN_COLUMNS,
            rows,
            details=[f"{step.offering.id} · {console.clean_plain(step.why)}" for step in plan.steps],
        )
    for stack in selection.stacks_completed:
        console.say(f"[green]completes[/green] {console.clean(stack)}")
    for need in selection.left_out:
        console.say(
            f"[yellow]left out[/yellow] {console.clean(need.skill)} (level {need.level}): over the budget or deadline"
        )
    for item in selection.unreachable:
        closest = f"; closest: {item.closest}" if item.closest else ""
        console.say(
            f"[red]unreachable[/red] {console.clean(item.skill)} (level {item.required_level}): "
            f"{console.clean(item.reason)}{console.clean(closest)}"
        )
    for note in selection.notes:
        console.say(f"note: {console.clean(note)}")
    console.say("Hours and prices are indicative, as published by the providers; check before you enrol.")


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
    print_table(CATALOG_COLUMNS, rows, footer=plural(len(found), "offering"))


CATALOG_COLUMNS = (
    Column("id", spill=True),
    Column("title", fit="wrap", min_width=30),
    Column("provider", fit="cut", drop=1),
    Column("kind", drop=2),
    Column("hours", align="right"),
    Column("cost", align="right"),
)


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
    if as_json:
        console.print_json(offering.to_jsonable())
        return
    _render_offering(offering, home)


def _render_offering(offering: Any, home: Path) -> None:
    """Every field of an offering in words: `Networking (level 4)`, `150 h`, `free`, never a Python repr."""
    from credwallet.skills.service import vocabulary_for

    vocabulary = vocabulary_for(home)

    def skills_text(skills: Any) -> str:
        return ", ".join(f"{vocabulary.label(s.skill)} (level {s.level})" for s in skills)

    plain = console.clean_plain
    console.say(f"[bold]{console.clean(offering.title)}[/bold] ({offering.id})")
    cost = "free" if offering.cost == 0 else f"{offering.cost:,.2f}".removesuffix(".00") + f" {offering.currency}"
    print_fields(
        [
            ("provider", plain(offering.provider)),
            ("kind", offering.kind),
            ("url", plain(offering.url)),
            ("hours", f"{offering.hours:g} h"),
            ("cost", cost),
            ("teaches", plain(skills_text(offering.skills))),
            ("requires", plain(", ".join(offering.prerequisite_offerings))),
            ("requires skills", plain(skills_text(offering.prerequisite_skills))),
            ("stacks into", plain(", ".join(offering.stacks_into))),
            ("recognition", plain(offering.recognition)),
            ("notes", plain(offering.notes)),
            ("checked", offering.checked.isoformat() if offering.checked else ""),
            ("source", plain(offering.source)),
        ]
    )


@catalog_app.command("validate", epilog="Example: credwallet catalog validate my-courses.yaml")
def catalog_validate(
    path: Annotated[Path, typer.Argument(help="A catalog YAML file.", dir_okay=False)],
) -> None:
    """Check a catalog file: one line per problem (file, path, what is wrong)."""
    from credwallet.errors import InputError
    from credwallet.planner.catalog_file import validate_catalog_file
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

"""`credwallet catalog`: the learning offerings the planner draws on (`plan` is in cli/planning.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_fields, print_table
from credwallet.wording import plural

catalog_app = typer.Typer(
    help="Learning offerings (courses, certificates, certifications) the planner draws on.",
    epilog="Example: credwallet catalog --skill sql --max-hours 40   |   credwallet catalog --json",
    invoke_without_command=True,
)


def _date(value: str | None, option: str) -> date | None:
    from credwallet.cli.options import iso_date

    return iso_date(option, value)


@catalog_app.callback()
def catalog_list(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Option("--search", help="Words in the title, provider or notes.")
    ] = None,
    skill: Annotated[str | None, typer.Option(help="Only offerings teaching this skill.")] = None,
    provider: Annotated[str | None, typer.Option(help="Only this provider.")] = None,
    max_hours: Annotated[float | None, typer.Option(help="At most this many hours.")] = None,
    only_free: Annotated[bool, typer.Option("--only-free", help="Only free offerings.")] = False,
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
    offering_id: Annotated[str, typer.Argument(metavar="ID", help="The offering's id (see `credwallet catalog`).")],
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

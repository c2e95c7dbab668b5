"""`credwallet roles`: curated, O*NET and user job-role profiles; `roles match` ranks them by progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table

if TYPE_CHECKING:
    from credwallet.roles import Role
    from credwallet.skills.vocabulary import Vocabulary

app = typer.Typer(
    help="Job-role profiles: list, search every O*NET occupation, show, add your own, rank against your wallet.",
    epilog='Example: credwallet roles   |   credwallet roles search "marketing analyst"   |   credwallet roles match',
    invoke_without_command=True,
)


def _home() -> Path:
    """The wallet folder (user roles live there); role commands read no credentials, so no database opens."""
    from credwallet.paths import wallet_home

    return wallet_home()


# A long O*NET slug ("first-line-supervisors-of-...") would not fit 80 columns; its code names it as well.
SHOWN_ID_MAX = 30


def shown_id(role_id: str, codes: list[str] | tuple[str, ...]) -> str:
    """What a human table shows to type next: the id, or the O*NET code when the id is too long."""
    return role_id if len(role_id) <= SHOWN_ID_MAX or not codes else codes[0]


def _list_item(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "title": role.title,
        "onet_codes": list(role.onet_codes),
        "curated": role.curated,
        "origin": role.origin,
        "overrides_builtin": role.overrides_builtin,
    }


@app.callback()
def list_roles_command(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False
) -> None:
    """List the curated roles first, then your own, then the other built-in roles (with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    list_command(as_json)


@app.command("list", epilog="Example: credwallet roles list --json")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    curated_only: Annotated[
        bool, typer.Option("--curated", help="Only the curated roles and your own, not every O*NET occupation.")
    ] = False,
) -> None:
    """Curated roles first, then your own, then every O*NET occupation (1,016)."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import list_roles
    from credwallet.roles.occupations import occupations
    from credwallet.skills.service import vocabulary_for

    home = _home()
    roles = list_roles(user_roles_dir(home), vocabulary_for(home))
    items = [_list_item(r) for r in roles]
    if not curated_only:
        taken = {r.id for r in roles}
        items += [
            {"id": o.id, "title": o.title, "onet_codes": [o.code], "curated": False, "origin": "built-in",
             "overrides_builtin": False}
            for o in occupations()
            if o.id not in taken
        ]
    if as_json:
        console.print_json(items)
        return
    rows = [
        [
            shown_id(item["id"], item["onet_codes"]),
            console.clean_plain(item["title"]),
            ", ".join(item["onet_codes"][:1]),
            "curated" if item["curated"] else item["origin"] + (" (overrides)" if item["overrides_builtin"] else ""),
        ]
        for item in items
    ]
    id_column = Column("id (or code)", spill=True)
    print_table((id_column, Column("title", fit="wrap"), Column("O*NET", drop=1), Column("kind", drop=2)), rows)


@app.command("search", epilog='Example: credwallet roles search "marketing analyst"')
def search(
    words: Annotated[list[str], typer.Argument(help="Words of a job title.")],
    limit: Annotated[int, typer.Option(help="Show at most this many roles.", min=1)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Find roles among every O*NET occupation (titles, alternate and reported job titles) and the curated
    and your own roles, best match first."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import load_user_roles
    from credwallet.roles.search import search_roles

    home = _home()
    user_roles = list(load_user_roles(user_roles_dir(home)).values()) if user_roles_dir(home).is_dir() else []
    hits = search_roles(" ".join(words), user_roles, limit=limit)
    if as_json:
        console.print_json([hit.to_jsonable() for hit in hits])
        return
    if not hits:
        console.out().print("No role matches; try fewer or other words.")
        return
    rows = [
        [
            f"{hit.score:.2f}",
            shown_id(hit.id, hit.onet_codes),
            console.clean_plain(hit.title) + ("" if hit.matched_title == hit.title else f" ({hit.matched_title})"),
            ", ".join(hit.onet_codes[:1]),
            "curated" if hit.curated else hit.origin,
        ]
        for hit in hits
    ]
    print_table(
        (
            Column("score"),
            Column("id (or code)"),
            Column("title (matched title)", fit="wrap"),
            Column("O*NET", drop=1),
            Column("kind", drop=2),
        ),
        rows,
    )


@app.command("show", epilog="Example: credwallet roles show data-analyst   |   credwallet roles show 15-2051.01")
def show(
    role: Annotated[str, typer.Argument(help="A role id or slug, an O*NET-SOC code, or a role YAML file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the role in format 2, as JSON.")] = False,
) -> None:
    """A role's core items and choice groups, foundation items and requirements, and where it comes from."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import load_role
    from credwallet.skills.service import vocabulary_for

    home = _home()
    vocabulary = vocabulary_for(home)
    profile = load_role(role, user_roles_dir(home), vocabulary)
    if as_json:
        console.print_json(profile.to_jsonable())
        return
    render_role(profile, vocabulary)


def render_role(profile: Role, vocabulary: Vocabulary) -> None:
    from credwallet.cli.gap import requirements_line
    from credwallet.roles import ChoiceGroup

    out = console.out()
    kind = "curated" if profile.curated else profile.origin
    out.print(f"[bold]{console.clean(profile.title)}[/bold] ({profile.id}), {kind}")
    if profile.overrides_builtin:
        out.print("[yellow]this user role overrides the built-in role with the same id[/yellow]")
    if profile.description:
        out.print(console.clean(profile.description))
    if profile.source:
        source = profile.source
        parts = [source.name, ", ".join(source.codes), source.title or "", source.version or ""]
        out.print("source: " + console.clean(" ".join(p for p in parts if p)))
    requirements = requirements_line(profile.requirements)
    if requirements:
        out.print(console.clean(requirements))
    out.print()
    rows = []
    for item in profile.core:
        if isinstance(item, ChoiceGroup):
            members = " / ".join(vocabulary.label(s) for s in item.any_of)
            need = f"{item.need} of " if item.need > 1 else "any of "
            name = f"{item.name}: " if item.name else ""
            label, ids = f"{name}{need}{members}", "+".join(item.any_of)
        else:
            label, ids = vocabulary.label(item.skill), item.skill
        rows.append(
            [console.clean_plain(label), ids, str(item.level), f"{item.weight:.2f}", "yes" if item.required else ""]
        )
    print_table(
        (
            Column("core item", fit="wrap"),
            Column("id", fit="wrap", drop=2),
            Column("level"),
            Column("weight", drop=1),
            Column("required"),
        ),
        rows,
    )
    if profile.foundation:
        out.print()
        out.print(
            f"[bold]Foundation[/bold]: {profile.foundation_weight:.0%} of coverage, not planned unless asked"
        )
        foundation_rows = [
            [console.clean_plain(vocabulary.label(f.skill)), f.skill, str(f.level), f"{f.weight:.2f}"]
            for f in profile.foundation
        ]
        print_table(
            (
                Column("foundation item", fit="wrap"),
                Column("id", fit="wrap", drop=2),
                Column("level"),
                Column("weight"),
            ),
            foundation_rows,
        )
    if profile.notes:
        out.print()
        out.print("notes: " + console.clean(profile.notes))
    if profile.onet_codes and not profile.curated and profile.origin == "built-in":
        from credwallet.roles.occupations import find_occupation

        occupation = find_occupation(profile.onet_codes[0])
        if occupation is not None and occupation.curated_roles and occupation.id == profile.id:
            out.print("curated roles built on this occupation: " + ", ".join(occupation.curated_roles))


@app.command("add", epilog="Example: credwallet roles add my-analyst.yaml")
def add(
    path: Annotated[Path, typer.Argument(help="A role YAML file to validate and install.", dir_okay=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace an installed role with the same id.")] = False,
) -> None:
    """Validate a role file (format 2, or format 1) and install it in your wallet's roles folder."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import install_role
    from credwallet.skills.service import vocabulary_for

    home = _home()
    role = install_role(path, user_roles_dir(home), vocabulary_for(home), force=force)
    note = " (overrides the built-in role with this id)" if role.overrides_builtin else ""
    console.out().print(f"installed role {role.id}{note}")


@app.command("new", epilog="Example: credwallet roles new --from data-analyst > my-analyst.yaml")
def new(
    from_role: Annotated[str, typer.Option("--from", help="Start from this role (id, slug or O*NET code).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file.")] = False,
) -> None:
    """Write a starter role YAML in format 2 to edit (then `roles add` it)."""
    import sys

    from credwallet.export import write_text_safely
    from credwallet.paths import user_roles_dir
    from credwallet.roles import load_role, starter_yaml
    from credwallet.skills.service import vocabulary_for

    home = _home()
    vocabulary = vocabulary_for(home)
    text = starter_yaml(load_role(from_role, user_roles_dir(home), vocabulary), vocabulary)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_safely(output, text, force=force)
        console.err().print(f"wrote {console.clean(str(output))}")


@app.command("match", epilog="Example: credwallet roles match --json")
def match(
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid.")
    ] = False,
    include_unverified: Annotated[
        bool, typer.Option("--include-unverified", hidden=True, help="Unverified credentials now count by default.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Show this many roles.", min=1)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Rank the curated roles and your own by progress: which jobs you are closest to, and what to learn next."""
    from credwallet.skills.service import evidence_credentials, rank_roles

    with open_wallet() as wallet:
        matches = rank_roles(
            evidence_credentials(wallet),
            home=wallet.home,
            verified_only=verified_only,
            declared=wallet.declared_skills(),
        )
    if as_json:
        console.print_json([m.to_jsonable() for m in matches])
        return
    rows = [
        [
            f"{m.progress:4.0%}",
            f"{m.coverage:4.0%}",
            m.role,
            console.clean_plain("; ".join(m.top_missing)),
        ]
        for m in matches[:limit]
    ]
    print_table(
        (
            Column("progress", align="right"),
            Column("coverage", align="right"),
            Column("role"),
            Column("learn next", fit="wrap", min_width=20),
        ),
        rows,
    )

"""`credwallet roles`: built-in and user job-role profiles; `roles match` ranks them by coverage."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

app = typer.Typer(
    help="Job-role profiles: list, show, add your own, and rank them against your wallet.",
    epilog="Example: credwallet roles   |   credwallet roles match --include-unverified",
    invoke_without_command=True,
)


def _home() -> Path:
    with open_wallet() as wallet:
        return wallet.home


@app.callback()
def list_roles_command(
    ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False
) -> None:
    """List the built-in roles and your own (with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    from credwallet.paths import user_roles_dir
    from credwallet.roles import list_roles
    from credwallet.skills.service import vocabulary_for

    home = _home()
    roles = list_roles(user_roles_dir(home), vocabulary_for(home))
    if as_json:
        console.print_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "origin": r.origin,
                    "skills": len(r.skills),
                    "overrides_builtin": r.overrides_builtin,
                }
                for r in roles
            ]
        )
        return
    rows = [
        [
            r.id,
            console.clean_plain(r.title),
            r.origin + (" (overrides built-in)" if r.overrides_builtin else ""),
            str(len(r.skills)),
            (r.source.code or "") if r.source else "",
        ]
        for r in roles
    ]
    console.print_columns(["id", "title", "origin", "skills", "source"], rows, flexible=(1,))


@app.command("show", epilog="Example: credwallet roles show data-analyst")
def show(
    role: Annotated[str, typer.Argument(help="A role id or a role YAML file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """A role's skills with levels, weights and required flags, and where the profile comes from."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import load_role
    from credwallet.skills.service import vocabulary_for

    home = _home()
    vocabulary = vocabulary_for(home)
    profile = load_role(role, user_roles_dir(home), vocabulary)
    if as_json:
        console.print_json(profile.to_jsonable())
        return
    out = console.out()
    out.print(f"[bold]{console.clean(profile.title)}[/bold] ({profile.id}), {profile.origin}")
    if profile.overrides_builtin:
        out.print("[yellow]this user role overrides the built-in role with the same id[/yellow]")
    if profile.description:
        out.print(console.clean(profile.description))
    if profile.source:
        source = profile.source.to_jsonable()
        out.print("source: " + console.clean(" ".join(str(v) for v in source.values() if v)))
    rows = [
        [
            console.clean_plain(vocabulary.label(s.skill)),
            s.skill,
            str(s.level),
            f"{s.weight:.2f}",
            "yes" if s.required else "",
        ]
        for s in profile.skills
    ]
    console.print_columns(["skill", "id", "level", "weight", "required"], rows, flexible=(0,))


@app.command("add", epilog="Example: credwallet roles add my-analyst.yaml")
def add(
    path: Annotated[Path, typer.Argument(help="A role YAML file to validate and install.", dir_okay=False)],
    force: Annotated[
        bool, typer.Option("--force", help="Replace an installed role with the same id.")
    ] = False,
) -> None:
    """Validate a role file and install it in your wallet's roles folder."""
    from credwallet.paths import user_roles_dir
    from credwallet.roles import install_role
    from credwallet.skills.service import vocabulary_for

    home = _home()
    role = install_role(path, user_roles_dir(home), vocabulary_for(home), force=force)
    note = " (overrides the built-in role with this id)" if role.overrides_builtin else ""
    console.out().print(f"installed role {role.id}{note}")


@app.command("new", epilog="Example: credwallet roles new --from data-analyst > my-analyst.yaml")
def new(
    from_role: Annotated[str, typer.Option("--from", help="Start from this role.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file.")] = False,
) -> None:
    """Write a starter role YAML to edit (then `roles add` it)."""
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
    include_unverified: Annotated[bool, typer.Option(help="Also count unverified credentials.")] = False,
    limit: Annotated[int, typer.Option(help="Show this many roles.", min=1)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Rank every role by coverage: which jobs you are closest to, and what to learn next for each."""
    from credwallet.skills.service import rank_roles

    with open_wallet() as wallet:
        matches = rank_roles(credentials_of(wallet), home=wallet.home, include_unverified=include_unverified)
    if as_json:
        console.print_json([m.to_jsonable() for m in matches])
        return
    rows = [
        [
            f"{m.coverage:6.1%}",
            f"{m.progress:6.1%}",
            m.role,
            console.clean_plain(m.title),
            f"{m.met}/{m.total}",
            ", ".join(m.top_missing),
        ]
        for m in matches[:limit]
    ]
    console.print_columns(["coverage", "progress", "role", "title", "met", "learn next"], rows, flexible=(3, 5))

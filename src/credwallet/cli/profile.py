"""`credwallet profile`: the learner's name and the identities badges are issued to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet

app = typer.Typer(
    help="Your name and the emails, URLs and DIDs your badges are issued to (used to confirm recipients).",
    epilog="Example: credwallet profile   |   credwallet profile load sample_data/profile.yaml",
    invoke_without_command=True,
    no_args_is_help=False,
)


@app.callback()
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Show the profile (with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_wallet() as wallet:
        profile = wallet.profile()
    if as_json:
        console.print_json({"name": profile.name, "identities": profile.identities})
        return
    out = console.out()
    out.print(f"name: {console.clean(profile.name) or '(not set: credwallet profile set-name NAME)'}")
    if not profile.identities:
        out.print("identities: none yet (credwallet profile add-identity you@example.org)")
    for identity in profile.identities:
        out.print(f"  • {console.clean(identity)}")


@app.command("set-name", epilog="Example: credwallet profile set-name 'Alex Morgan'")
def set_name(name: Annotated[str, typer.Argument(help="Your name as it should appear on exports.")]) -> None:
    """Set your display name."""
    with open_wallet() as wallet:
        wallet.set_name(name)
    console.out().print(f"name set to {console.clean(name)}")


@app.command("add-identity", epilog="Example: credwallet profile add-identity alex@example.org")
def add_identity(
    identity: Annotated[str, typer.Argument(help="An email, URL, telephone number or DID.")],
) -> None:
    """Add an identity your badges may be issued to."""
    with open_wallet() as wallet:
        added = wallet.add_identity(identity)
    console.out().print(f"{'added' if added else 'already listed'}: {console.clean(identity)}")


@app.command("remove-identity", epilog="Example: credwallet profile remove-identity old@example.org")
def remove_identity(identity: Annotated[str, typer.Argument(help="The identity to forget.")]) -> None:
    """Remove one of your identities."""
    with open_wallet() as wallet:
        wallet.remove_identity(identity)
    console.out().print(f"removed: {console.clean(identity)}")


@app.command("load", epilog="Example: credwallet profile load sample_data/profile.yaml")
def load(
    path: Annotated[Path, typer.Argument(help="A YAML file with `name` and `identities`.", dir_okay=False)],
) -> None:
    """Set the name and add the identities listed in a YAML profile file."""
    from credwallet.profile_file import read_profile_file

    profile = read_profile_file(path)
    with open_wallet() as wallet:
        if profile.name:
            wallet.set_name(profile.name)
        added = [identity for identity in profile.identities if wallet.add_identity(identity)]
    console.out().print(
        f"profile loaded: {console.clean(profile.name or '(no name)')}, {len(added)} new identities"
    )

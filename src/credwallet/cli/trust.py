"""`credwallet trust`: the issuers you recognise. A valid signature proves who holds the issuer's key; this
list is your word for who they are, and `verify` marks credentials from issuers on it."""

from __future__ import annotations

from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table

app = typer.Typer(
    help="Your list of issuers you recognise: verify marks their credentials.",
    epilog="Example: credwallet trust add 3fa2c1d0   |   credwallet trust list",
    no_args_is_help=True,
)
COLUMNS = (Column("since"), Column("issuer", fit="wrap", min_width=30), Column("name", fit="cut", drop=1))


@app.command(
    "add", epilog="Example: credwallet trust add https://university.example/issuer   |   credwallet trust add 3fa2c1d0"
)
def add_command(
    issuer: Annotated[str, typer.Argument(help="An issuer id (DID or https address), or a wallet credential id.")],
    name: Annotated[str | None, typer.Option(help="What you call this issuer (default: the name it gives).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
) -> None:
    """Put an issuer on your trust list."""
    from credwallet.trust import add_trusted

    with open_wallet() as wallet:
        entry = add_trusted(wallet, issuer, name)
    if as_json:
        console.print_json(entry.to_jsonable())
        return
    label = f" ({console.clean(entry.name)})" if entry.name else ""
    console.out().print(f"trusted: {console.clean(entry.issuer_id)}{label}")


@app.command("list", epilog="Example: credwallet trust list --json")
def list_command(as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False) -> None:
    """Show the issuers you trust."""
    from credwallet.trust import trusted_issuers

    with open_wallet() as wallet:
        entries = trusted_issuers(wallet)
    if as_json:
        console.print_json([entry.to_jsonable() for entry in entries])
        return
    rows = [
        [e.added_at.date().isoformat(), console.clean_plain(e.issuer_id), console.clean_plain(e.name) or "—"]
        for e in entries
    ]
    footer = (
        f"{len(entries)} trusted issuer{'s' if len(entries) != 1 else ''}"
        if entries
        else ("none yet: credwallet trust add ISSUER_ID (or a credential id)")
    )
    print_table(COLUMNS, rows, footer=footer)


@app.command("remove", epilog="Example: credwallet trust remove 3fa2c1d0   |   credwallet trust remove did:key:z6Mk...")
def remove_command(
    issuer: Annotated[str, typer.Argument(help="The issuer id to take off the list, or a credential id.")],
) -> None:
    """Take an issuer off your trust list (exit 1 when it was not on it)."""
    from credwallet.errors import ExitCode
    from credwallet.trust import remove_trusted

    with open_wallet() as wallet:
        removed = remove_trusted(wallet, issuer)
    if not removed:
        console.err().print(f"{console.clean(issuer)}: not on your trust list (credwallet trust list)")
        raise typer.Exit(int(ExitCode.PROBLEM))
    console.err().print(f"no longer trusted: {console.clean(issuer)}")

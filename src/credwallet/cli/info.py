"""`credwallet info`: version, where the wallet is, and what it holds."""

from __future__ import annotations

from typing import Annotated

import typer

from credwallet import __version__
from credwallet.cli import console
from credwallet.cli.state import open_wallet


def info_command(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Show the version, the wallet's location and schema, and counts by format and status."""
    with open_wallet() as wallet:
        schema = wallet.schema_version()
        counts = {"by_format": wallet.counts_by("format"), "by_status": wallet.counts_by("status")}
        document: dict[str, object] = {
            "version": __version__,
            "wallet": str(wallet.db_path),
            "home": str(wallet.home),
            "schema": schema,
            "credentials": wallet.count(),
            **counts,
            "identities": len(wallet.profile().identities),
        }
    if as_json:
        console.print_json(document)
        return
    out = console.out()
    out.print(f"credwallet {__version__}")
    out.print(f"wallet:      {console.clean(document['wallet'])}")
    out.print(f"home:        {console.clean(document['home'])}")
    out.print(f"schema:      {len(schema)} migrations applied")
    out.print(f"credentials: {document['credentials']}")
    for label, by_value in counts.items():
        if by_value:
            out.print(f"  {label.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in sorted(by_value.items())))
    out.print(f"identities:  {document['identities']}")

"""`credwallet documents`: what the wallet's cache holds for offline verification (contexts, issuer profiles,
keys, DID documents, status lists, hosted assertions), with each one's sha256 and age."""

from __future__ import annotations

from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table

COLUMNS = (
    Column("age"),
    Column("kind", drop=2),
    Column("sha256", drop=1),
    Column("url", fit="wrap", min_width=30),
)


def documents_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Forget every cached document.")] = False,
) -> None:
    """List the documents fetched by `verify --online` or read with `--documents DIR`, which later offline
    verifications reuse (`verify --max-age` leaves out the older ones)."""
    from credwallet.online.cache import cached_entries, describe_age
    from credwallet.store.documents import DocumentCache

    with open_wallet() as wallet:
        cache = DocumentCache(wallet.connection())
        if clear:
            with wallet.batch():
                removed = cache.clear()
            console.err().print(f"forgot {removed} cached document{'s' if removed != 1 else ''}")
            return
        entries = cached_entries(cache)
    if as_json:
        console.print_json([entry.to_jsonable() for entry in entries])
        return
    rows = [
        [describe_age(e.age_seconds), e.kind, e.sha256[:12], console.clean_plain(e.url) or "—"] for e in entries
    ]
    hint = "verify --online (or --documents DIR) fetches documents; offline runs reuse them"
    footer = f"{len(entries)} cached document{'s' if len(entries) != 1 else ''}" if entries else f"none yet: {hint}"
    print_table(COLUMNS, rows, footer=footer)

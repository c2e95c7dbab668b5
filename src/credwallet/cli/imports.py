"""`credwallet import`: files, folders and stdin into the wallet, with a per-file report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.errors import ExitCode


def import_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Badge files, folders (walked recursively), or - for stdin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    backup: Annotated[
        Path | None,
        typer.Option("--backup", metavar="FILE", help="Restore a backup (the older spelling of `credwallet restore`)."),
    ] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not verify what was imported.")] = False,
) -> None:
    """Import Open Badges, verifiable credentials and CLRs; the same credential is stored once."""
    from credwallet.errors import InputError
    from credwallet.importer import import_paths

    if backup is not None:
        from credwallet.cli.backup import restore_paths

        restore_paths([backup], as_json=as_json)
        return
    if not paths:
        raise InputError("name at least one file or folder to import (or - for stdin, or --backup FILE)")

    with open_wallet() as wallet:
        with console.progress_bar("importing", enabled=not as_json) as update:
            report = import_paths(
                wallet, paths, stdin=sys.stdin.buffer, on_progress=lambda done, total, _name: update(done, total)
            )
        statuses: dict[str, str] = {}
        if report.imported and not no_verify:
            from credwallet.verification import verify_wallet

            # Everything is committed already: a slow proof or Ctrl-C here never costs the import.
            try:
                verified = verify_wallet(wallet, report.imported)
            except KeyboardInterrupt:
                console.err().print(
                    f"interrupted while verifying: the {len(report.imported)} imported credentials are kept, "
                    "unverified (run `credwallet verify --all` later)"
                )
                raise typer.Exit(130) from None
            statuses = {str(r.credential.wallet_id): r.report.status.value for r in verified}

    if as_json:
        console.print_json({**report.to_jsonable(), "status": statuses})
    else:
        out = console.out()
        for result in report.files:
            if result.error:
                console.err().print(f"[red]✗[/red] {console.clean(result.error)}")
                continue
            for wallet_id in result.imported:
                status = statuses.get(wallet_id, "unverified")
                out.print(f"[green]+[/green] {wallet_id}  {status:10}  {console.clean(result.names.get(wallet_id))}")
            for wallet_id in result.duplicates:
                name = console.clean(result.names.get(wallet_id))
                out.print(f"[dim]= {wallet_id}  {name}: already in the wallet[/dim]")
            if result.declared:
                out.print(f"[green]+[/green] declared {len(result.declared)} skills listed on LinkedIn (level 2)")
            for note in result.notes:
                console.err().print(f"[yellow]![/yellow] {console.clean(note)}")
        summary = f"imported {len(report.imported)}, duplicates {len(report.duplicates)}, errors {len(report.errors)}"
        if report.skipped:
            summary += f", skipped {len(report.skipped)} non-credential documents (issuer profiles, keys, ...)"
        out.print(summary)
    if report.errors:
        raise typer.Exit(int(ExitCode.PROBLEM))

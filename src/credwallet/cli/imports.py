"""`credwallet import`: files, folders and stdin into the wallet, with a per-file report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.errors import ExitCode
from credwallet.wording import plural


def import_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Badge files, folders (walked recursively), https:// URLs of hosted badges, or - for standard input.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    backup: Annotated[
        Path | None,
        typer.Option(
            "--backup",
            metavar="FILE",
            help="Restore a backup (the older spelling of `credwallet restore`; CREDWALLET_PASSPHRASE if encrypted).",
        ),
    ] = None,
    no_verify: Annotated[bool, typer.Option("--no-verify", help="Do not verify what was imported.")] = False,
    allow_http: Annotated[
        bool, typer.Option("--allow-http", help="For URLs: also fetch plain http:// addresses (https only otherwise).")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Name every skipped file and why it was skipped.")
    ] = False,
) -> None:
    """Import Open Badges, verifiable credentials and CLRs from files, folders or URLs; the same credential
    is stored once. Files in a folder that are not credentials (issuer profiles, PDFs) are counted as skipped."""
    from credwallet.errors import InputError
    from credwallet.importer import STDIN_NAME, import_paths, is_url

    if backup is not None:
        from credwallet.cli.backup import restore_paths

        restore_paths([backup], as_json=as_json)
        return
    if not paths:
        raise InputError("name at least one file, folder or URL to import (or - for standard input)")
    for name in paths:  # a typo fails before anything is imported (exit status 2)
        if name != STDIN_NAME and not is_url(name) and not Path(name).exists():
            raise InputError(f"{name}: no such file or folder")

    done = 0

    def progress(update: Any) -> Any:
        def on_progress(index: int, total: int, _name: str) -> None:
            nonlocal done
            done = index
            update(index, total)

        return on_progress

    report: Any = None  # set once import_paths returns: a later Ctrl-C loses nothing
    try:
        with open_wallet() as wallet:
            try:
                with console.progress_bar("importing", enabled=not as_json) as update:
                    report = import_paths(
                        wallet, paths, stdin=sys.stdin.buffer, on_progress=progress(update), allow_http=allow_http
                    )
            except KeyboardInterrupt:
                kept = (
                    f"the {plural(done, 'file')} finished before are imported and kept" if done else "nothing imported"
                )
                console.err().print(
                    f"interrupted: {kept}; import again to add the rest "
                    "(files already in the wallet show as duplicates)",
                    markup=False,
                )
                raise typer.Exit(130) from None
            statuses: dict[str, str] = {}
            if report.imported and not no_verify:
                from credwallet.verification import verify_wallet

                # Everything is committed already: a slow proof or Ctrl-C here never costs the import.
                try:
                    verified = verify_wallet(wallet, report.imported)
                except KeyboardInterrupt:
                    console.err().print(
                        f"interrupted while verifying: the {plural(len(report.imported), 'imported credential')} "
                        f"{'is' if len(report.imported) == 1 else 'are'} kept, unverified "
                        "(run `credwallet verify --all` later)",
                        markup=False,
                    )
                    raise typer.Exit(130) from None
                statuses = {str(r.credential.wallet_id): r.report.status.value for r in verified}

        if as_json:
            console.print_json({**report.to_jsonable(), "status": statuses})
        else:
            _render(report, statuses, paths, verbose=verbose)
    except KeyboardInterrupt:  # after the import returned: closing the wallet or the listing was cut short
        if report is None:
            raise
        console.err().print(f"interrupted: all {plural(len(report.files), 'file')} were imported", markup=False)
        raise typer.Exit(130) from None
    if report.errors:
        raise typer.Exit(int(ExitCode.PROBLEM))


def _render(report: Any, statuses: dict[str, str], paths: list[str], *, verbose: bool) -> None:
    """The per-file report: styled on a terminal; piped, stdout's lines are the same text written directly,
    in one piece between stderr lines (through rich, a 10,000-file import spent a third of its time on them)."""
    out = console.out()
    piped = not out.is_terminal
    pending: list[str] = []

    def flush() -> None:
        if pending:
            console.write_plain("".join(pending))
            pending.clear()

    for result in report.files:
        if result.error:
            flush()
            console.err().print(f"[red]✗[/red] {console.clean(result.error)}")
            continue
        if result.skipped and verbose:
            flush()
            console.err().print(f"- {console.clean(result.path)}: skipped, {console.clean(result.skipped)}")
        for wallet_id in result.imported:
            head = f"{wallet_id}  {statuses.get(wallet_id, 'unverified'):10}  "
            name = result.names.get(wallet_id)
            if piped:
                pending.append(f"+ {head}{console.clean_plain(name)}\n")
            else:
                out.print(f"[green]+[/green] {head}{console.clean(name)}")
        for wallet_id in result.duplicates:
            name = result.names.get(wallet_id)
            if piped:
                pending.append(f"= {wallet_id}  {console.clean_plain(name)}: already in the wallet\n")
            else:
                out.print(f"[dim]= {wallet_id}  {console.clean(name)}: already in the wallet[/dim]")
        if result.declared:
            line = f"declared {plural(len(result.declared), 'skill')} listed on LinkedIn (level 2)"
            pending.append(f"+ {line}\n") if piped else out.print(f"[green]+[/green] {line}")
        if result.notes:
            flush()
        for note in result.notes:
            console.err().print(f"[yellow]![/yellow] {console.clean(note)}")
    flush()
    if not report.files:
        console.err().print(f"nothing to import: {', '.join(paths)} holds no files", markup=False)
    summary = f"imported {len(report.imported)}, duplicates {len(report.duplicates)}, errors {len(report.errors)}"
    if report.skipped:
        summary += f", skipped {len(report.skipped)} (not credentials: issuer profiles, keys, other files"
        summary += "; -v lists them)" if not verbose else ")"
    console.write_plain(summary + "\n") if piped else out.print(summary, markup=False)

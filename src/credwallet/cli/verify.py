"""`credwallet verify`: check wallet credentials (or a file, without importing it), one line per check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.errors import ExitCode

if TYPE_CHECKING:
    from credwallet.verification import Verified

STATUS_STYLE = {
    "valid": "green",
    "invalid": "red",
    "expired": "yellow",
    "revoked": "red",
    "unverified": "dim",
}
CHECK_STYLE = {"passed": "green", "failed": "red", "skipped": "dim", "error": "magenta"}


def _did_documents(paths: list[Path]) -> dict[str, Any]:
    """DID documents given with --did-doc, keyed by their `id` (and by each verification method id)."""
    from credwallet.errors import InputError
    from credwallet.formats.detect import read_capped
    from credwallet.safejson import loads_strict

    documents: dict[str, Any] = {}
    for path in paths:
        document = loads_strict(read_capped(path), source=str(path))
        if not isinstance(document, dict) or not isinstance(document.get("id"), str):
            raise InputError(f"{path}: a DID document must be a JSON object with an `id`")
        documents[document["id"]] = document
    return documents


def verify_command(
    targets: Annotated[
        list[str] | None, typer.Argument(help="Wallet ids, or badge files to check without importing them.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Verify every credential in the wallet.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    did_doc: Annotated[
        list[Path] | None, typer.Option("--did-doc", help="A DID document to trust for its DID (repeatable).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Recompute every check.")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: all cores when it pays).")
    ] = None,
) -> None:
    """Verify structure, signatures, issuer keys, dates, revocation status and recipient."""
    from credwallet.errors import InputError
    from credwallet.verification import problem_found

    names = list(targets or [])
    if not names and not all_:
        raise InputError("name credentials to verify (wallet ids or files), or pass --all")
    documents = _did_documents(list(did_doc or [])) or None
    files = [n for n in names if n == "-" or Path(n).is_file()]
    ids = [n for n in names if n not in files]
    results = _verify_files(files, documents) if files else []
    if ids or all_:
        results += _verify_in_wallet(
            None if all_ else ids, documents, use_cache=not no_cache, workers=workers
        )
    if as_json:
        console.print_json([r.to_jsonable() for r in results])
    else:
        _render(results)
    if problem_found(results):
        raise typer.Exit(int(ExitCode.PROBLEM))


def _verify_in_wallet(
    ids: list[str] | None, documents: dict[str, Any] | None, *, use_cache: bool, workers: int | None
) -> list[Verified]:
    from credwallet.verification import verify_wallet

    with open_wallet() as wallet:
        resolved = None if ids is None else [wallet.resolve_id(i) for i in ids]
        total = wallet.count() if resolved is None else len(resolved)
        if total > 20 and console.err().is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            with Progress(
                TextColumn("verifying"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console.err(),
                transient=True,
            ) as progress:
                task = progress.add_task("verify", total=total)
                return verify_wallet(
                    wallet,
                    resolved,
                    documents=documents,
                    use_cache=use_cache,
                    workers=workers,
                    on_progress=lambda done, all_count: progress.update(
                        task, completed=done, total=all_count
                    ),
                )
        return verify_wallet(wallet, resolved, documents=documents, use_cache=use_cache, workers=workers)


def _verify_files(files: list[str], documents: dict[str, Any] | None) -> list[Verified]:
    """Files are checked as they are, against the wallet's identities, and nothing is stored."""
    import sys

    from credwallet.formats.detect import parse_bytes, read_capped
    from credwallet.importer import read_stdin
    from credwallet.verification import verify_credentials

    with open_wallet() as wallet:
        identities = wallet.profile().identities
    credentials = []
    for name in files:
        data = read_stdin(sys.stdin.buffer) if name == "-" else read_capped(Path(name))
        for credential in parse_bytes(data, source=name):
            credential.wallet_id = None
            credential.source = name
            credentials.append(credential)
    return verify_credentials(credentials, identities=identities, documents=documents, use_cache=False)


def _render(results: list[Verified]) -> None:
    out = console.out()
    clean = console.clean
    for result in results:
        status = result.report.status.value
        style = STATUS_STYLE.get(status, "")
        label = result.credential.wallet_id or result.credential.source or "file"
        out.print(
            f"[{style}]{status:10}[/{style}] {clean(label)}  [bold]{clean(result.credential.name)}[/bold]"
        )
        for check in result.report.checks:
            check_style = "yellow" if check.warning else CHECK_STYLE.get(check.status.value, "")
            word = "warning" if check.warning else check.status.value
            out.print(f"    [{check_style}]{word:8}[/{check_style}] {check.name:10} {clean(check.detail)}")
    counts: dict[str, int] = {}
    for result in results:
        counts[result.report.status.value] = counts.get(result.report.status.value, 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    out.print(f"{len(results)} verified: {summary or 'nothing to verify'}")

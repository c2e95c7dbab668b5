"""`credwallet verify`: check wallet credentials (or a file, without importing it), one line per check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table
from credwallet.errors import ExitCode

if TYPE_CHECKING:
    from credwallet.verification import Verified

CHECK_COLUMNS = (Column("result"), Column("check"), Column("detail", fit="wrap", min_width=30))
SUMMARY_COLUMNS = (
    Column("status"),
    Column("id"),
    Column("name", fit="wrap", min_width=16),
    Column("why", fit="wrap", min_width=24, drop=1),
)
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
        list[str] | None,
        typer.Argument(metavar="ID|FILE", help="Wallet ids, or badge files to check without importing them."),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Verify every credential in the wallet.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    did_doc: Annotated[
        list[Path] | None, typer.Option("--did-doc", help="A DID document to trust for its DID (repeatable).")
    ] = None,
    online: Annotated[
        bool, typer.Option("--online", help="Fetch issuer documents, keys, status lists and hosted assertions.")
    ] = False,
    documents: Annotated[
        Path | None,
        typer.Option(help="Answer every fetch of https://HOST/PATH from DIR/HOST/PATH (no network).", file_okay=False),
    ] = None,
    max_age: Annotated[
        str | None,
        typer.Option(
            help="Cached documents older than this (30m, 2h, 1d) are refetched with --online, left out offline."
        ),
    ] = None,
    allow_http: Annotated[
        bool, typer.Option("--allow-http", help="With --online: also fetch plain http:// URLs.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Recompute every check.")] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Judge as a validator: schema and data-model findings fail (shown, not saved)."),
    ] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores when it pays).")] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="One line per credential and the totals, instead of every check.")
    ] = False,
) -> None:
    """Verify structure, signatures, issuer keys, dates, revocation status and recipient."""
    from credwallet.errors import InputError
    from credwallet.verification import problem_found, strict_view

    names = list(targets or [])
    if not names and not all_:
        raise InputError("name credentials to verify (wallet ids or files), or pass --all")
    did_documents = _did_documents(list(did_doc or [])) or None
    fetching = online or documents is not None
    if fetching and did_documents:
        raise InputError("--did-doc works offline; with --online or --documents, put the DID document there")
    age_limit = _duration(max_age)
    fetch_options = {"online": online, "documents_dir": documents, "max_age": age_limit, "allow_http": allow_http}
    files = [n for n in names if n == "-" or Path(n).is_file()]
    ids = [n for n in names if n not in files]
    for name in ids:  # wallet ids are hex: a name with a dot or a slash meant a file
        if Path(name).is_dir():
            raise InputError(f"{name}: a folder; name its files, or import it and run verify --all")
        if "/" in name or "." in name or "\\" in name:
            raise InputError(f"{name}: no such file (and not a wallet id)")
    fetch = fetch_options if fetching else None
    offline_max_age = None if fetching else age_limit
    results = _verify_files(files, did_documents, fetch, offline_max_age) if files else []
    if ids or all_:
        results += _verify_in_wallet(
            None if all_ else ids,
            did_documents,
            fetch,
            use_cache=not no_cache,
            workers=workers,
            max_age=offline_max_age,
        )
    if strict:
        results = strict_view(results)
    if as_json:
        console.print_json([_result_json(r) for r in results])
    elif summary:
        _render_summary(results)
    else:
        _render(results)
    if problem_found(results):
        raise typer.Exit(int(ExitCode.PROBLEM))


def _result_json(result: Verified) -> dict[str, Any]:
    """The §7 verify item; a file checked without importing has no wallet id, so it names its source."""
    document = result.to_jsonable()
    if result.credential.wallet_id is None:
        document["source"] = result.credential.source
    return document


def _duration(text: str | None) -> timedelta | None:
    """`30m`, `2h`, `1d`, `45s` or plain seconds."""
    from credwallet.errors import InputError

    if text is None:
        return None
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text[-1:].lower() in units else (text, "s")
    try:
        seconds = float(number) * units[unit.lower()]
    except ValueError:
        raise InputError(f"--max-age {text!r}: give a duration such as 30m, 2h or 1d") from None
    if seconds < 0:
        raise InputError(f"--max-age {text!r} cannot be negative")
    return timedelta(seconds=seconds)


def _verify_in_wallet(
    ids: list[str] | None,
    documents: dict[str, Any] | None,
    fetch_options: dict[str, Any] | None,
    *,
    use_cache: bool,
    workers: int | None,
    max_age: timedelta | None,
) -> list[Verified]:
    from credwallet.verification import verify_wallet

    with open_wallet() as wallet:
        if fetch_options is not None:
            from credwallet.online import make_fetcher

            fetcher = make_fetcher(wallet=wallet, **fetch_options)
            resolved_ids = None if ids is None else [wallet.resolve_id(i) for i in ids]
            return verify_wallet(wallet, resolved_ids, fetcher=fetcher)
        resolved = None if ids is None else [wallet.resolve_id(i) for i in ids]
        total = wallet.count() if resolved is None else len(resolved)
        with console.progress_bar("verifying", enabled=total > 20) as update:
            return verify_wallet(
                wallet,
                resolved,
                documents=documents,
                use_cache=use_cache,
                workers=workers,
                on_progress=update,
                max_age=max_age,
            )


def _verify_files(
    files: list[str],
    documents: dict[str, Any] | None,
    fetch_options: dict[str, Any] | None,
    max_age: timedelta | None = None,
) -> list[Verified]:
    """Files are checked as they are, against the wallet's identities (and its cached documents), and
    nothing is stored."""
    import sys

    from credwallet.formats.detect import display_name, parse_bytes, read_capped
    from credwallet.importer import read_stdin
    from credwallet.verification import verify_offline

    with open_wallet() as wallet:
        identities = wallet.profile().identities
    credentials = []
    for name in files:
        data = read_stdin(sys.stdin.buffer) if name == "-" else read_capped(Path(name))
        shown = display_name(name)
        for credential in parse_bytes(data, source=shown):
            credential.wallet_id = None
            credential.source = shown
            credentials.append(credential)
    if fetch_options is not None:
        from credwallet.online import make_fetcher
        from credwallet.verification import mark_trusted, verify_gathered

        with open_wallet() as wallet:
            fetcher = make_fetcher(wallet=wallet, **fetch_options)
            gathered = verify_gathered(credentials, fetcher, identities=identities, now=datetime.now(UTC))
            mark_trusted(gathered, wallet)
            return gathered
    from credwallet.verification import mark_trusted

    with open_wallet() as wallet:
        results = verify_offline(
            credentials,
            wallet,
            identities=identities,
            now=datetime.now(UTC),
            documents=documents,
            use_cache=False,
            max_age=max_age,
        )
        mark_trusted(results, wallet)
        return results


def deciding_reason(result: Verified) -> str:
    """The check line that decided a verdict other than valid (the first one with that effect)."""
    status = result.report.status
    for check in result.report.checks:
        if check.effect is status:
            return check.detail
    return ""


def _render_summary(results: list[Verified]) -> None:
    """`verify --summary`: one line per credential (why, when it is not valid) and the totals."""
    rows, styles = [], []
    for result in results:
        status = result.report.status.value
        label = result.credential.wallet_id or result.credential.source or "file"
        reason = console.clean_plain(deciding_reason(result)) or "—"
        rows.append([status, console.clean_plain(label), console.clean_plain(result.credential.name) or "—", reason])
        styles.append({0: console.STATUS_STYLE.get(status, "")})
    print_table(SUMMARY_COLUMNS, rows, styles=styles, footer=_totals(results))


def _totals(results: list[Verified]) -> str:
    counts: dict[str, int] = {}
    for result in results:
        counts[result.report.status.value] = counts.get(result.report.status.value, 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    return f"{len(results)} verified: {summary or 'nothing to verify'}"


def _render(results: list[Verified]) -> None:
    out = console.out()
    if not out.is_terminal:  # piped: the same lines written once, not a rich print per credential
        _render_plain(results)
        return
    clean = console.clean
    for result in results:
        status = result.report.status.value
        style = console.STATUS_STYLE.get(status, "")
        label = result.credential.wallet_id or result.credential.source or "file"
        out.print(f"[{style}]{status:10}[/{style}] {clean(label)}  [bold]{clean(result.credential.name)}[/bold]")
        words = ["warning" if check.warning else check.status.value for check in result.report.checks]
        print_table(
            CHECK_COLUMNS,
            [
                [word, check.name, console.clean_plain(check.detail) or "—"]
                for word, check in zip(words, result.report.checks, strict=True)
            ],
            styles=[
                {0: "yellow" if check.warning else CHECK_STYLE.get(check.status.value, "")}
                for check in result.report.checks
            ],
            header=False,
            indent=4,
        )
    out.print(_totals(results))


def _render_plain(results: list[Verified]) -> None:
    """What `_render` prints when piped: a heading line per credential, then its checks as tab-separated rows
    (the piped form of `print_table`), and the totals."""
    clean = console.clean_plain
    lines = []
    for result in results:
        label = result.credential.wallet_id or result.credential.source or "file"
        lines.append(f"{result.report.status.value:10} {clean(label)}  {clean(result.credential.name)}")
        for check in result.report.checks:
            word = "warning" if check.warning else check.status.value
            fields = [word, check.name, clean(check.detail).replace("\t", " ")]
            lines.append("\t".join(fields).rstrip())
    lines.append(_totals(results))
    console.write_plain("".join(line + "\n" for line in lines))

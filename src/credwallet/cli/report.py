"""`credwallet report`: write the wallet, the gap and the pathway as one self-contained HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet

DEFAULT_OUTPUT = Path("report.html")
# A file this command wrote before says so near its top; only such a file is replaced without --force.
_OWN_MARK = b'<meta name="generator" content="credwallet report">'


def _made_by_us(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return _OWN_MARK in handle.read(4096)
    except OSError:
        return False


def report_command(
    role: Annotated[
        str | None,
        typer.Option("--role", help="A role id or role YAML file (default: the role you are closest to)."),
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option("--plan", help="Show this saved plan (plan --save NAME) with the steps already done."),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Write the page here ('-' for stdout).", dir_okay=False)
    ] = DEFAULT_OUTPUT,
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in your web browser.")] = False,
    reveal: Annotated[bool, typer.Option("--reveal", help="Show recipient e-mails (redacted by default).")] = False,
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid towards skills.")
    ] = False,
    pathway: Annotated[bool, typer.Option(help="Plan and show the pathway to the role.")] = True,
    hours_per_week: Annotated[float, typer.Option(help="Study hours per week for the pathway.", min=0.5)] = 5.0,
    start: Annotated[str | None, typer.Option(help="First study day, YYYY-MM-DD (default today).")] = None,
    catalog: Annotated[
        list[Path] | None, typer.Option("--catalog", help="Also plan from this catalog YAML (repeatable).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the output file even if credwallet did not write it.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report's data as JSON instead.")] = False,
) -> None:
    """One HTML page with your credentials, your gap for a role and your pathway: offline, no scripts,
    nothing loaded from the internet; open it in a browser or print it to PDF."""
    from credwallet.cli.options import iso_date
    from credwallet.errors import InputError
    from credwallet.report import ReportOptions, build_report, render

    to_stdout = str(output) == "-"
    if open_page and to_stdout:
        raise InputError("--open needs a file: give -o FILE instead of '-'")
    start_day = iso_date("--start", start)
    options = ReportOptions(
        role=role,
        plan=plan,
        verified_only=verified_only,
        reveal=reveal,
        hours_per_week=hours_per_week,
        start=start_day,
        catalogs=tuple(catalog or ()),
        pathway=pathway,
    )
    with open_wallet() as wallet:
        report = build_report(wallet, options)
    if as_json:
        console.print_json(report.to_jsonable())
        return
    page = render(report)
    if to_stdout:
        sys.stdout.write(page)
        return
    from credwallet.export import write_text_safely

    overwrite = force or (output.is_file() and not output.is_symlink() and _made_by_us(output))
    written = write_text_safely(output, page, force=overwrite)
    counts = ", ".join(f"{len(g.cards)} {g.label.lower()}" for g in report.groups) or "no credentials"
    console.err().print(f"wrote {console.clean(str(written))} ({counts})")
    if open_page:
        import webbrowser

        if not webbrowser.open(written.resolve().as_uri()):
            console.err().print("no web browser could be started here: open the file yourself")

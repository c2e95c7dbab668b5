"""The `credwallet` command: global options, command registration, and the one error funnel.

Only typer and the standard library are imported here; each command imports what it needs when it runs,
so `credwallet --help` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from credwallet import __version__
from credwallet.cli import credentials, export, gap, imports, info, plan, profile, roles, skills, verify
from credwallet.cli.state import OPTIONS
from credwallet.errors import CredwalletError, ExitCode

EPILOG = (
    "Exit status: 0 success; 1 the command ran but found a problem (an import with errors, a failed "
    "verification); 2 usage or input error. The wallet lives in CREDWALLET_HOME (default: your user data "
    "folder); --wallet FILE uses another database for one command.\n\n"
    "Example: credwallet import sample_data/ && credwallet list"
)


def _report(message: str, code: int) -> typer.Exit:
    sys.stderr.write(message + "\n")
    return typer.Exit(code)


class FunnelGroup(TyperGroup):
    """Runs every command inside the one error funnel (so CliRunner tests see the same as users)."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except CredwalletError as exc:
            if OPTIONS.debug:
                raise
            message = f"error: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
            raise _report(message, int(exc.exit_code)) from None
        except KeyboardInterrupt:
            raise _report("interrupted", 130) from None
        except Exception as exc:  # a bug: still one line; the traceback only with --debug
            if OPTIONS.debug:
                raise
            detail = f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"
            raise _report(detail, int(ExitCode.PROBLEM)) from None


app = typer.Typer(
    cls=FunnelGroup,
    name="credwallet",
    help="A learner-owned wallet for your badges and certificates: import, verify, and plan your next step.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"credwallet {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    wallet: Annotated[
        Path | None,
        typer.Option("--wallet", help="Use this wallet database file for this command.", dir_okay=False),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Global options apply to every command."""
    OPTIONS.wallet_path = wallet
    OPTIONS.debug = debug


app.command("import", epilog="Example: credwallet import ~/Downloads/badges/ my-badge.png")(
    imports.import_command
)
app.command("list", epilog="Example: credwallet list --issuer Coursera --sort expires")(
    credentials.list_command
)
app.command("show", epilog="Example: credwallet show 3fa2c1d0 --json")(credentials.show_command)
app.command("remove", epilog="Example: credwallet remove 3fa2c1d0 --yes")(credentials.remove_command)
app.command("tag", epilog="Example: credwallet tag 3fa2c1d0 job-search")(credentials.tag_command)
app.command("note", epilog="Example: credwallet note 3fa2c1d0 'Capstone on churn analysis'")(
    credentials.note_command
)
app.command("verify", epilog="Example: credwallet verify --all   |   credwallet verify badge.png --json")(
    verify.verify_command
)
app.command("info", epilog="Example: credwallet info --json")(info.info_command)
app.command("skills", epilog="Example: credwallet skills --json   |   credwallet skills 3fa2c1d0")(
    skills.skills_command
)
app.command("gap", epilog="Example: credwallet gap --role data-analyst")(gap.gap_command)
app.command("plan", epilog="Example: credwallet plan --role data-analyst --hours-per-week 8 --ics plan.ics")(
    plan.plan_command
)
app.add_typer(roles.app, name="roles")
app.add_typer(plan.catalog_app, name="catalog")
app.add_typer(profile.app, name="profile")
app.add_typer(export.app, name="export")


def run() -> None:
    """Console-script entry point."""
    app()

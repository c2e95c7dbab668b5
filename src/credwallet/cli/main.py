"""The `credwallet` command: global options, command registration, and the one error funnel.

Only typer and the standard library are imported here; each command imports what it needs when it runs,
so `credwallet --help` starts fast.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from credwallet import __version__
from credwallet.cli import (
    add,
    backup,
    conventions,
    credentials,
    documents,
    export,
    gap,
    imports,
    info,
    plan,
    planning,
    profile,
    report,
    roles,
    skills,
    trust,
    verify,
)
from credwallet.cli.state import OPTIONS
from credwallet.errors import CredwalletError, ExitCode

EPILOG = (
    "Exit status: 0 success; 1 the command ran and found something you must act on (an invalid or revoked "
    "credential, a file that could not be imported); 2 usage or input error (a bad option, a path that does "
    "not exist). An expired badge alone is not an error.\n\n"
    "Environment: CREDWALLET_HOME the wallet folder (default: your user data folder); CREDWALLET_PASSPHRASE "
    "the passphrase of encrypted backups (asked on the terminal otherwise); NO_COLOR=1 plain output.\n\n"
    "Example: credwallet import sample_data/ && credwallet list"
)

COMPLETE_VAR = "_CREDWALLET_COMPLETE"
# Click spells completion instructions `bash_source` / `bash_complete`; Typer `source_bash` / `complete_bash`.
_CLICK_INSTRUCTION = re.compile(r"^(bash|zsh|fish|pwsh|powershell)_(source|complete)$")


def _report(message: str, code: int) -> typer.Exit:
    sys.stderr.write(message + "\n")
    return typer.Exit(code)


def usage_line(error: UsageError) -> str:
    """A Typer/Click usage error as one line: `error: no such option: --bogus (see 'credwallet list --help')`."""
    message = " ".join(error.format_message().split())
    first, _, rest = message.partition(". ")
    first = first.rstrip(".")
    text = first[:1].lower() + first[1:]
    if rest:
        rest = rest.rstrip(".")
        text += f"; {rest[:1].lower() + rest[1:]}"
    command = error.ctx.command_path if error.ctx is not None else "credwallet"
    return f"error: {text} (see '{command} --help')"


class OneLineUsageError(UsageError):
    """A usage error shown as one line on stderr (exit status 2) instead of usage, hint and message."""

    def __init__(self, original: UsageError) -> None:
        super().__init__(original.message, original.ctx)
        self.line = usage_line(original)

    def show(self, file: IO[Any] | None = None) -> None:
        (file or sys.stderr).write(self.line + "\n")


class FunnelGroup(TyperGroup):
    """Runs every command inside the one error funnel (so CliRunner tests see the same as users)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        instruction = os.environ.get(COMPLETE_VAR, "")
        click_style = _CLICK_INSTRUCTION.match(instruction)
        if click_style:
            os.environ[COMPLETE_VAR] = f"{click_style.group(2)}_{click_style.group(1)}"
        conventions.apply(self)
        # `python -m credwallet` is credwallet too: same usage lines, same completion variable
        kwargs.setdefault("prog_name", "credwallet")
        kwargs.setdefault("complete_var", COMPLETE_VAR)
        return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise OneLineUsageError(exc) from None

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except OneLineUsageError:
            raise
        except UsageError as exc:
            raise OneLineUsageError(exc) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except CredwalletError as exc:
            if OPTIONS.debug:
                raise
            raise _report(error_line(exc), int(exc.exit_code)) from None
        except KeyboardInterrupt:
            raise _report("interrupted", 130) from None
        except BrokenPipeError:  # `credwallet list | head`: the reader has what it wanted
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:  # a bug: still one line; the traceback only with --debug
            if OPTIONS.debug:
                raise
            detail = f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"
            raise _report(" ".join(detail.split()), int(ExitCode.PROBLEM)) from None


def error_line(exc: CredwalletError) -> str:
    """`error: MESSAGE (HINT)`; a message listing several problems keeps one `error:` line per problem."""
    lines = [line.strip() for line in exc.message.splitlines() if line.strip()] or ["unknown error"]
    if exc.hint:
        lines[-1] += f" ({' '.join(exc.hint.split())})"
    return "\n".join(f"error: {line}" for line in lines)


class CredwalletTyper(typer.Typer):
    """The app: before Typer builds the command tree, each command's annotations are evaluated once.

    The command modules use `from __future__ import annotations`, so every annotation is a string, and Typer
    evaluates each one four times while building the tree (signature, type hints, for the command and its
    help): compiling those strings was most of `credwallet --help`'s start-up. Evaluated once here, Typer's
    passes find objects and cost almost nothing.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        evaluate_annotations(self)
        return super().__call__(*args, **kwargs)


def evaluate_annotations(typer_app: typer.Typer) -> None:
    """Replace the string annotations of every command callback in `typer_app` by their values (once)."""
    import typing

    def callbacks(current: typer.Typer) -> Any:
        for command in current.registered_commands:
            yield command.callback
        if current.registered_callback is not None:
            yield current.registered_callback.callback
        for group in current.registered_groups:
            yield group.callback
            if group.typer_instance is not None:
                yield from callbacks(group.typer_instance)

    for function in callbacks(typer_app):
        if callable(function) and not getattr(function, "_credwallet_evaluated", False):
            function.__annotations__ = typing.get_type_hints(function, include_extras=True)
            function._credwallet_evaluated = True  # type: ignore[attr-defined]


app = CredwalletTyper(
    cls=FunnelGroup,
    name="credwallet",
    help="A learner-owned wallet for your badges and certificates: import, verify, and plan your next step.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,
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
        typer.Option(
            "--wallet",
            metavar="FILE",
            help="Use this wallet database file for this command (it must exist, unless --create).",
            dir_okay=False,
        ),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="With --wallet: make a new wallet there if none exists.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Global options apply to every command."""
    OPTIONS.wallet_path = wallet
    OPTIONS.create = create
    OPTIONS.debug = debug


app.command("import", epilog="Example: credwallet import ~/Downloads/badges/ my-badge.png")(imports.import_command)
app.command(
    "add",
    epilog=(
        "Example: credwallet add --title 'Google Data Analytics Professional Certificate' --issuer Google "
        "--issued 2024-05 --url https://www.coursera.org/account/accomplishments/professional-cert/ABC123"
    ),
)(add.add_command)
app.command("list", epilog="Example: credwallet list --issuer Coursera --sort expires")(credentials.list_command)
app.command("show", epilog="Example: credwallet show 3fa2c1d0 --json")(credentials.show_command)
app.command("remove", epilog="Example: credwallet remove 3fa2c1d0 --yes")(credentials.remove_command)
app.command("tag", epilog="Example: credwallet tag 3fa2c1d0 job-search")(credentials.tag_command)
app.command("note", epilog="Example: credwallet note 3fa2c1d0 'Capstone on churn analysis'")(credentials.note_command)
app.command("verify", epilog="Example: credwallet verify --all   |   credwallet verify badge.png --json")(
    verify.verify_command
)
app.command("info", epilog="Example: credwallet info --json")(info.info_command)
app.command("documents", epilog="Example: credwallet documents   |   credwallet documents --json")(
    documents.documents_command
)
app.command("backup", epilog="Example: credwallet backup ~/wallet-2026.cwbak --encrypt")(backup.backup_command)
app.command("restore", epilog="Example: credwallet restore ~/laptop.cwbak ~/phone.cwbak")(backup.restore_command)
app.command("gap", epilog="Example: credwallet gap --role data-analyst")(gap.gap_command)
app.add_typer(skills.app, name="skills")
app.command(
    "report", epilog="Example: credwallet report --role data-analyst -o report.html   |   credwallet report --json"
)(report.report_command)
app.add_typer(roles.app, name="roles")
app.add_typer(planning.plan_app, name="plan")
app.add_typer(plan.catalog_app, name="catalog")
app.add_typer(profile.app, name="profile")
app.add_typer(export.app, name="export")
app.add_typer(trust.app, name="trust")


# Global options that take a value: the token after them is that value, not a command name.
_GLOBAL_VALUE_OPTIONS = frozenset({"--wallet"})
_GLOBAL_FLAGS = frozenset({"--create", "--debug"})


def invoked_name(args: list[str]) -> str | None:
    """The command `args` run (`gap` in `--wallet w.db gap --role x`), or None when the whole tree is needed:
    no command, `--help`, `--version`, completion, or an option or name the tree itself must judge."""
    if os.environ.get(COMPLETE_VAR):
        return None
    index = 0
    while index < len(args):
        token = args[index]
        if token in _GLOBAL_VALUE_OPTIONS:
            index += 2
        elif token in _GLOBAL_FLAGS or token.split("=", 1)[0] in _GLOBAL_VALUE_OPTIONS:
            index += 1
        elif token.startswith("-"):
            return None
        else:
            return token
    return None


def app_for(args: list[str], typer_app: CredwalletTyper = app) -> CredwalletTyper:
    """The app with only the invoked command registered (the global options kept), so a command builds its
    own options, not the twenty others' (a third of a command's start-up); the whole app for anything else.

    The pruned app answers exactly as the whole one does for that command: same usage lines, help, errors.
    """
    import copy

    name = invoked_name(args)
    if name is None:
        return typer_app
    commands = [info for info in typer_app.registered_commands if info.name == name]
    groups = [info for info in typer_app.registered_groups if info.name == name]
    if not commands and not groups:  # not a command: the whole tree says so, with its suggestions
        return typer_app
    pruned = copy.copy(typer_app)
    pruned.registered_commands = commands
    pruned.registered_groups = groups
    return pruned


def run() -> None:
    """Console-script entry point."""
    app_for(sys.argv[1:])()

"""The console script builds only the invoked command's part of the tree; it must answer exactly as the
whole tree does, for a normal run, its help, and its usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from credwallet.cli.main import app, app_for, invoked_name

COMMANDS = sorted(
    [info.name for info in app.registered_commands if info.name]
    + [info.name for info in app.registered_groups if info.name]
)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["gap", "--role", "x"], "gap"),
        (["--wallet", "w.db", "--create", "list"], "list"),
        (["--wallet=w.db", "--debug", "roles", "match"], "roles"),
        (["--wallet", "list"], None),  # `list` is the option's value: no command named
        ([], None),
        (["--help"], None),
        (["--version", "list"], None),
        (["--bogus", "list"], None),
    ],
)
def test_the_invoked_command_is_found_past_the_global_options(argv: list[str], expected: str | None) -> None:
    assert invoked_name(argv) == expected


def test_completion_and_unknown_names_get_the_whole_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    assert app_for(["gapp"]) is app  # the whole tree suggests `gap`
    assert app_for(["--help"]) is app
    pruned = app_for(["gap", "--role", "x"])
    assert pruned is not app and [info.name for info in pruned.registered_commands] == ["gap"]
    assert not pruned.registered_groups and len(app.registered_commands) > 1  # the app itself is untouched
    monkeypatch.setenv("_CREDWALLET_COMPLETE", "complete_bash")
    assert app_for(["gap"]) is app


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_answers_the_same_from_the_pruned_tree(name: str, wallet_home: Path) -> None:
    runner = CliRunner()
    for argv in ([name, "--help"], [name, "--no-such-option"], ["--wallet", str(wallet_home / "w.db"), name, "-h"]):
        whole = runner.invoke(app, argv)
        pruned = runner.invoke(app_for(argv), argv)
        assert (pruned.exit_code, pruned.stdout, pruned.stderr) == (whole.exit_code, whole.stdout, whole.stderr), argv


def test_the_console_script_runs_a_command_from_the_pruned_tree(wallet_home: Path) -> None:
    """Through `python -m credwallet` (the console script's code path): a real command, and a usage error."""
    env = {**os.environ, "CREDWALLET_HOME": str(wallet_home), "NO_COLOR": "1"}
    listed = subprocess.run([sys.executable, "-m", "credwallet", "list"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0, listed.stderr
    bad = subprocess.run([sys.executable, "-m", "credwallet", "gap"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert bad.stderr == "error: missing option '--role' (see 'credwallet gap --help')\n"

"""Shell completion for bash, zsh and fish: each script is generated (both instruction spellings), is valid
for its shell where that shell is installed, and completes command names and options when the shell asks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHELLS = ("bash", "zsh", "fish")


def _run(env: dict[str, str], *args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("_CREDWALLET", "_TYPER", "COMP_"))}
    environment.update(env)
    if home is not None:
        environment["HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "credwallet", *args], capture_output=True, text=True, env=environment, timeout=60
    )


def _script(shell: str, instruction: str) -> str:
    result = _run({"_CREDWALLET_COMPLETE": instruction})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_script_for_each_shell(shell: str, tmp_path: Path) -> None:
    click_style = _script(shell, f"{shell}_source")  # the spelling Click documents
    typer_style = _script(shell, f"source_{shell}")  # the spelling Typer documents
    assert click_style == typer_style
    assert "_CREDWALLET_COMPLETE" in click_style and "credwallet" in click_style
    binary = shutil.which(shell)
    if binary is None:
        pytest.skip(f"{shell} is not installed: the script was generated but not syntax-checked")
    script = tmp_path / f"credwallet.{shell}"
    script.write_text(click_style)
    check = [binary, "--no-execute", str(script)] if shell == "fish" else [binary, "-n", str(script)]
    checked = subprocess.run(check, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_bash_completes_commands_subcommands_and_options() -> None:
    def complete(words: str) -> list[str]:
        parts = words.split(" ")
        env = {"_CREDWALLET_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
        result = _run(env)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    assert "roles" in complete("credwallet ro")
    assert {"show", "match"} <= set(complete("credwallet roles "))
    assert "--hours-per-week" in complete("credwallet plan --hours")
    assert "restore" in complete("credwallet re")


def test_zsh_and_fish_complete_too() -> None:
    zsh = _run({"_CREDWALLET_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "credwallet exp"})
    assert zsh.returncode == 0 and "export" in zsh.stdout
    fish = _run(
        {
            "_CREDWALLET_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "credwallet gap --ro",
        }
    )
    assert fish.returncode == 0 and "--role" in fish.stdout


def test_show_and_install_completion(tmp_path: Path) -> None:
    shown = _run({"SHELL": "/bin/bash"}, "--show-completion", home=tmp_path)
    assert shown.returncode == 0 and "_CREDWALLET_COMPLETE" in shown.stdout
    installed = _run({"SHELL": "/bin/bash"}, "--install-completion", home=tmp_path)
    assert installed.returncode == 0, installed.stderr
    assert "bash completion installed" in installed.stdout
    assert "credwallet" in (tmp_path / ".bashrc").read_text()


def test_help_offers_completion() -> None:
    text = _run({"COLUMNS": "100"}, "--help").stdout
    assert "--install-completion" in text and "--show-completion" in text


def _shell_environment(tmp_path: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("_CREDWALLET", "_TYPER", "COMP_"))}
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}"
    environment["HOME"] = str(tmp_path)
    return environment


def test_bash_completes_through_its_script(tmp_path: Path) -> None:
    """The generated script, sourced in a real bash, fills COMPREPLY from credwallet itself."""
    script = tmp_path / "credwallet.bash"
    script.write_text(_script("bash", "bash_source"))
    command = (
        f"source {script}; COMP_WORDS=(credwallet roles m); COMP_CWORD=2; "
        '_credwallet_completion credwallet; echo "${COMPREPLY[@]}"'
    )
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=_shell_environment(tmp_path), timeout=60
    )
    assert result.stdout.split() == ["match"], result.stderr


def test_fish_completes_through_its_script(tmp_path: Path) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    script = tmp_path / "credwallet.fish"
    script.write_text(_script("fish", "fish_source"))
    command = f"source {script}; complete --do-complete 'credwallet exp'"
    result = subprocess.run(
        ["fish", "-c", command], capture_output=True, text=True, env=_shell_environment(tmp_path), timeout=60
    )
    assert result.stdout.startswith("export\t"), result.stdout + result.stderr

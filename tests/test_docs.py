"""Docs are tested (STYLE.md habit 12): every command has help with an example that really runs, and the
README's commands work and stay in step with CI."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from credwallet.cli.main import app
from tests.cli.commands import COMMANDS, PLACEHOLDER_ID, stage_example_files
from tests.cli.commands import examples as _examples
from tests.cli.sample_wallet import install_sample_wallet, json_out

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
CI_SCRIPT = REPO / ".ci" / "run"


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _code_blocks(markdown: str) -> list[str]:
    """The shell blocks (```sh), in order; output samples in other blocks are not commands."""
    return [block.strip() for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", markdown, re.DOTALL)]


@pytest.mark.parametrize("path", list(COMMANDS), ids=lambda path: " ".join(path) or "credwallet")
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = _invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage: credwallet" in result.stdout
    assert "Example:" in result.stdout, f"`credwallet {' '.join(path)} --help` has no Example: epilog"


def test_help_lists_every_command_and_the_exit_statuses() -> None:
    text = _invoke("--help").stdout
    for name in COMMANDS[()].commands:
        assert re.search(rf"^\s+{name}\s", text, re.MULTILINE), name
    assert "Exit status: 0 success; 1" in text and "2 usage or input error" in " ".join(text.split())


@pytest.fixture
def example_wallet(
    wallet_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The sample wallet, run from a scratch folder holding the files the examples name."""
    sample = install_sample_wallet(_invoke, wallet_home, tmp_path_factory)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CREDWALLET_PASSPHRASE", "example passphrase")
    stage_example_files(tmp_path)
    assert _invoke("profile", "add-identity", "old@example.org").exit_code == 0
    for name in ("laptop.cwbak", "phone.cwbak"):  # what `credwallet restore` examples read
        assert _invoke("backup", str(tmp_path / name)).exit_code == 0
    (tmp_path / "my-analyst.yaml").write_text(_invoke("roles", "new", "--from", "data-analyst").stdout)
    return sample


@pytest.mark.parametrize(("path", "example"), _examples(), ids=lambda value: value if isinstance(value, str) else None)
def test_every_help_example_runs(example_wallet: dict[str, Any], path: tuple[str, ...], example: str) -> None:
    words = shlex.split(example)
    assert words[0] == "credwallet", example
    assert tuple(w for w in words[1:] if not w.startswith("-"))[: len(path)] == path, (
        f"the example of `{' '.join(path)}` runs another command: {example}"
    )
    redirect = words.index(">") if ">" in words else None
    args = words[1:redirect] if redirect else words[1:]
    valid = [row["id"] for row in example_wallet["rows"] if row["status"] == "valid"]
    wallet_id = (valid or [example_wallet["names"]["SQL Foundations for Data Analysis"]])[0]
    args = [wallet_id if word == PLACEHOLDER_ID else os.path.expanduser(word) for word in args]
    if path[:1] == ("plan",) and "spring" in args and "--save" not in args:  # a saved plan to show or remove
        assert _invoke("plan", "--role", "data-analyst", "--save", "spring").exit_code == 0
    result = _invoke(*args)
    # 1 is a finding (an expired badge, a missing download folder), never a broken example
    assert result.exit_code in (0, 1), f"{example}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if "--json" in args:
        json_out(result)


# --- README --------------------------------------------------------------------------------------------


def test_readme_demo_and_test_commands_exist_and_ci_runs_the_test_command() -> None:
    blocks = _code_blocks(README.read_text())
    assert len(blocks) >= 2
    demo, tests = blocks[0], blocks[1]
    assert len(demo.splitlines()) == 1 and len(tests.splitlines()) == 1  # one line each, to copy and paste
    assert "credwallet import sample_data/" in demo and "credwallet list" in demo
    assert tests.endswith("pytest")
    ci_lines = [line.strip() for line in CI_SCRIPT.read_text().splitlines()]
    assert tests in ci_lines, f"{CI_SCRIPT} must run the README's test command verbatim: {tests}"


def _credwallet_commands(block: str) -> list[list[str]]:
    commands = []
    for line in block.splitlines():
        line = line.split("  #", 1)[0]  # the tour block annotates commands with comments
        for part in re.split(r"&&|;", line):
            words = shlex.split(part)
            if words and words[0] == "credwallet":
                commands.append(words[1:])
    return commands


def test_readme_commands_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo command (profile load, import, list) and the tour after it, on the sample data."""
    monkeypatch.chdir(REPO)  # the README runs from the repository root
    blocks = _code_blocks(README.read_text())
    demo = _credwallet_commands(blocks[0])
    assert [words[:2] for words in demo] == [["profile", "load"], ["import", "sample_data/"], ["list"]]
    codes = [_invoke(*words).exit_code for words in demo]
    assert codes == [0, 1, 0]  # sample_data/broken/ fails on purpose: import says so with exit 1
    tour = [words for block in blocks[2:] for words in _credwallet_commands(block)]
    assert tour, "the README's tour block is gone"
    some_id = json_out(_invoke("list", "--json"))[0]["id"]
    for words in tour:
        result = _invoke(*[some_id if word == "<ID>" else word for word in words])
        assert result.exit_code in (0, 1), (words, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout.strip(), words

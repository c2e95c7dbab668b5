"""Every command of the Typer app and the examples in its help, found by walking the app: a command another
engineer adds later is covered by the docs and conventions tests without anyone listing it."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from credwallet.cli.main import app
from tests.cli.sample_wallet import SAMPLE_DATA

PLACEHOLDER_ID = "3fa2c1d0"  # the wallet id the help examples use


def walk(command: Any = None, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, click command) for the root, every group and every command, in name order."""
    command = command or typer.main.get_command(app)
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


COMMANDS = dict(walk())


def examples() -> list[tuple[tuple[str, ...], str]]:
    """(command path, one example command line) from every epilog; `a | b` and `a && b` list two."""
    found = []
    for path, command in COMMANDS.items():
        for text in re.findall(r"Example:\s*(.+)", command.epilog or ""):
            for example in re.split(r"\s+\|\s+|\s+&&\s+", text.strip()):
                found.append((path, example.strip()))
    return found


def example_args(example: str, wallet_id: str, home: Path) -> list[str]:
    """The words after `credwallet`, without a shell redirect, with the placeholder id and ~ resolved."""
    words = shlex.split(example)
    assert words[0] == "credwallet", example
    if ">" in words:
        words = words[: words.index(">")]
    return [wallet_id if w == PLACEHOLDER_ID else (str(home) + w[1:] if w.startswith("~") else w) for w in words[1:]]


def stage_example_files(folder: Path) -> None:
    """The files the help examples name, in `folder` (their working directory and HOME)."""
    (folder / "sample_data").symlink_to(SAMPLE_DATA)
    for name in ("my-badge.png", "badge.png"):
        shutil.copy(SAMPLE_DATA / "ob2" / "python-pandas.png", folder / name)
    (folder / "my-courses.yaml").write_text(
        "offerings:\n  - {id: sql-evenings, title: SQL evenings, provider: Town College, kind: course,\n"
        "     hours: 10, cost: 0, skills: [{skill: sql, level: 3}]}\n"
    )
    (folder / "Downloads" / "badges").mkdir(parents=True)
    shutil.copy(SAMPLE_DATA / "ob2" / "sql-foundations.json", folder / "Downloads" / "badges" / "sql.json")

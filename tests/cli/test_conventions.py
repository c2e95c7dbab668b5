"""Every command, run the way people run it: at 80 and 200 columns, on a pseudo-terminal and piped, with and
without NO_COLOR. The commands and their arguments come from the app itself (each command's help example),
so a command added later is checked without anyone listing it here.

On a terminal no line is wider than the terminal; piped or with NO_COLOR there is no escape code at all; no
line ends in a space; human output shows no Python value (`{'`, `None`, `[[`); an error is one line.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from credwallet.cli.main import app
from tests.cli.commands import COMMANDS, example_args, examples, stage_example_files
from tests.cli.sample_wallet import SAMPLE_DATA, install_sample_wallet

ANSI = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
PYTHON_VALUE = re.compile(r"\{'|\[\[|\bNone\b|\[\{")
# Commands whose output is a document (YAML, Markdown, a URL, a file's bytes): its lines are its content, so
# they are not wrapped to the terminal; conventions about escape codes and errors still hold.
DOCUMENT_OUTPUT = {("roles", "new"), ("export", "resume"), ("export", "linkedin")}
EXAMPLES = examples()


def _example_id(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A scratch HOME holding the sample wallet (hosted badges verified from the issuers' documents) and every
    file the examples name; each run gets its own copy."""
    folder = tmp_path_factory.mktemp("conventions-home")
    home = folder / "wallet"
    runner = CliRunner()

    def cli(*args: str) -> Any:
        return runner.invoke(app, list(args), env={"CREDWALLET_HOME": str(home)}, catch_exceptions=False)

    sample = install_sample_wallet(cli, home, tmp_path_factory)
    assert cli("verify", "--all", "--documents", str(SAMPLE_DATA / "issuer-documents")).exit_code == 0
    stage_example_files(folder)
    (folder / "my-analyst.yaml").write_text(cli("roles", "new", "--from", "data-analyst").stdout)
    for name in ("laptop.cwbak", "phone.cwbak"):
        assert cli("backup", str(folder / name)).exit_code == 0
    valid = [row["id"] for row in sample["rows"] if row["status"] == "valid"]
    return {"folder": folder, "wallet_id": valid[0]}


def _scratch(template: dict[str, Any], tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    shutil.copytree(template["folder"], folder, symlinks=True)
    return folder


def _environment(folder: Path, width: int, no_color: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env.update(
        HOME=str(folder),
        CREDWALLET_HOME=str(folder / "wallet"),
        CREDWALLET_PASSPHRASE="example passphrase",
        COLUMNS=str(width),
        LINES="50",
        TERM="xterm-256color",
    )
    if no_color:
        env["NO_COLOR"] = "1"
    return env


def run_on_terminal(args: list[str], folder: Path, *, width: int, no_color: bool) -> tuple[int, str, str]:
    """Run `credwallet ARGS` with stdout and stderr each on a pseudo-terminal `width` columns wide."""
    import fcntl
    import termios

    masters, slaves = [], []
    for _ in range(2):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
        masters.append(master)
        slaves.append(slave)
    process = subprocess.Popen(
        [sys.executable, "-m", "credwallet", *args],
        stdin=subprocess.DEVNULL,
        stdout=slaves[0],
        stderr=slaves[1],
        cwd=folder,
        env=_environment(folder, width, no_color),
        close_fds=True,
    )
    for slave in slaves:
        os.close(slave)
    output = {master: b"" for master in masters}
    deadline = time.monotonic() + 120
    open_masters = list(masters)
    while open_masters and time.monotonic() < deadline:
        ready, _, _ = select.select(open_masters, [], [], 0.2)
        for master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the other end closed (Linux reports EIO)
                data = b""
            if data:
                output[master] += data
            else:
                open_masters.remove(master)
        if not ready and process.poll() is not None:
            break
    code = process.wait(timeout=30)
    for master in masters:
        os.close(master)
    text = [output[m].decode("utf-8", "replace").replace("\r\n", "\n") for m in masters]
    return code, text[0], text[1]


def _check(path: tuple[str, ...], args: list[str], code: int, stdout: str, stderr: str, *, width: int | None,
           escapes_allowed: bool) -> None:  # fmt: skip
    label = f"credwallet {' '.join(args)} (exit {code})"
    assert "Traceback" not in stdout + stderr and "internal error" not in stderr, label + "\n" + stderr
    if not escapes_allowed:
        assert "\x1b" not in stdout + stderr, f"{label}: escape codes\n{stdout!r}"
    human = "--json" not in args and path not in DOCUMENT_OUTPUT
    for stream_name, text in (("stdout", stdout), ("stderr", stderr)):
        plain = ANSI.sub("", text)
        for line in plain.splitlines():
            assert line == line.rstrip(), f"{label}: trailing space on {stream_name}: {line!r}"
            if width is not None and (human or stream_name == "stderr"):
                from rich.cells import cell_len

                assert cell_len(line) <= width, f"{label}: {cell_len(line)} columns > {width}: {line!r}"
        if human or stream_name == "stderr":
            found = PYTHON_VALUE.search(plain)
            assert found is None, f"{label}: Python value {found.group()!r} in {stream_name}:\n{plain}"
    if code == 2:
        lines = [line for line in ANSI.sub("", stderr).splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), f"{label}: an error is one line:\n{stderr}"


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")
@pytest.mark.parametrize(("path", "example"), EXAMPLES, ids=_example_id)
@pytest.mark.parametrize(("width", "no_color"), [(80, True), (200, False)], ids=["80-NO_COLOR", "200-colour"])
def test_on_a_terminal(
    template: dict[str, Any], tmp_path: Path, path: tuple[str, ...], example: str, width: int, no_color: bool
) -> None:
    folder = _scratch(template, tmp_path)
    args = example_args(example, template["wallet_id"], folder)
    code, stdout, stderr = run_on_terminal(args, folder, width=width, no_color=no_color)
    _check(path, args, code, stdout, stderr, width=width, escapes_allowed=not no_color)


@pytest.mark.parametrize(("path", "example"), EXAMPLES, ids=_example_id)
@pytest.mark.parametrize("width", [80, 200])
def test_piped(
    template: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], example: str,
    width: int,
) -> None:  # fmt: skip
    folder = _scratch(template, tmp_path)
    monkeypatch.chdir(folder)
    args = example_args(example, template["wallet_id"], folder)
    env = _environment(folder, width, no_color=False)
    for name in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, args, env={k: env[k] for k in ("HOME", "CREDWALLET_HOME", "COLUMNS",
                                                                     "CREDWALLET_PASSPHRASE")})  # fmt: skip
    _check(path, args, result.exit_code, result.stdout, result.stderr, width=None, escapes_allowed=False)
    if path in (("list",), ("catalog",)) and "--json" not in args and result.exit_code == 0 and result.stdout:
        rows = [line.split("\t") for line in result.stdout.splitlines()]
        assert len({len(row) for row in rows}) == 1 and len(rows[0]) > 1, "piped tables are tab-separated"


LEAF_COMMANDS = [path for path, command in COMMANDS.items() if path and not getattr(command, "commands", None)]


@pytest.mark.parametrize("path", LEAF_COMMANDS, ids=lambda path: " ".join(path))
def test_usage_errors_are_one_line(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--no-such-option"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: no such option: --no-such-option (see 'credwallet {' '.join(path)} --help')"
    ]
    assert result.stdout == ""


@pytest.mark.parametrize("path", list(COMMANDS), ids=lambda path: " ".join(path) or "credwallet")
def test_help_speaks_words_not_python_types(path: tuple[str, ...]) -> None:
    """No `<list[str]>`, `<float range>`, `[[ID]]`, `FILE......`; every argument described; flags without
    `[default: no-x]`, and an off-by-default flag without a `--no-x` twin (as gh: `--only-free`, not
    `--only-free / --no-only-free`)."""
    text = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "100"}).stdout
    assert not re.search(r"<[a-z]", text), text
    assert "[[" not in text and "range" not in text.replace("arrange", "")
    assert "[default: no-" not in text
    assert "...." not in text, "a many-valued argument's name is written once: click adds the '...'"
    for parameter in COMMANDS[path].params:
        if getattr(parameter, "is_flag", False) and parameter.default is False:
            assert not parameter.secondary_opts, f"credwallet {' '.join(path)}: {parameter.opts[0]} has a --no- twin"
        if parameter.param_type_name == "argument":
            assert parameter.help, f"credwallet {' '.join(path)}: argument {parameter.name} has no help"


GROUPS = [path for path, command in COMMANDS.items() if getattr(command, "commands", None)]


@pytest.mark.parametrize("path", GROUPS, ids=lambda path: " ".join(path) or "credwallet")
def test_command_lists_read_whole_at_80_columns(path: tuple[str, ...]) -> None:
    """Each command in a list has a summary that fits on its line at 80 columns, never a sentence cut with
    `...` (as gh lists its commands); a long first sentence gets an entry in cli/summaries.py."""
    text = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"}).stdout
    listing = text.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    shown = [name for name, sub in COMMANDS[path].commands.items() if not sub.hidden]
    assert [line.split()[0] for line in listing] == shown, "one line per command"
    for line in listing:
        assert not line.endswith("..."), f"cut summary: {line!r}"
        assert len(line) <= 80

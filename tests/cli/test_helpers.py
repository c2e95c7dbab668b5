"""The shared CLI helpers: table layout, wording, option checks, usage errors and pydantic-free parsing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from credwallet import __version__
from credwallet.cli.credentials import LIST_COLUMNS
from credwallet.cli.main import app
from credwallet.cli.options import choice, duration, iso_date, number
from credwallet.cli.table import cut_cell, layout, wrap_cell
from credwallet.errors import InputError, NotFoundError
from credwallet.wording import did_you_mean, join_words, plural, unknown_name

LIST_LIKE = LIST_COLUMNS  # the `list` table: the columns this module's layout rules are checked on


def test_layout_drops_low_value_columns_first_and_gives_the_name_the_room() -> None:
    natural = [8, 85, 36, 10, 10, 7, 10]
    wide = layout(LIST_LIKE, natural, 200)
    assert all(width is not None for width in wide)
    narrow = layout(LIST_LIKE, natural, 80)
    assert narrow[5] is None and narrow[4] is None  # format, then expires, dropped
    assert narrow[0] == 8 and narrow[3] == 10 and narrow[6] == 10  # kept whole
    assert narrow[1] is not None and narrow[2] is not None and narrow[1] > narrow[2]
    assert sum(w for w in narrow if w) + 2 * (sum(1 for w in narrow if w) - 1) <= 80


@given(
    st.lists(st.integers(min_value=1, max_value=120), min_size=7, max_size=7),
    st.integers(min_value=60, max_value=250),
)
def test_layout_never_exceeds_the_terminal_and_never_cuts_kept_columns(natural: list[int], width: int) -> None:
    natural = [min(n, 12) if c.fit == "keep" else n for n, c in zip(natural, LIST_LIKE, strict=True)]
    widths = layout(LIST_LIKE, natural, width)
    shown = [w for w in widths if w is not None]
    assert sum(shown) + 2 * (len(shown) - 1) <= width
    for column, want, got in zip(LIST_LIKE, natural, widths, strict=True):
        if column.fit == "keep" and got is not None:
            assert got == want
        if column.drop == 0:
            assert got is not None


@given(st.text(alphabet=st.sampled_from("ab cd-é漢 "), max_size=200), st.integers(min_value=4, max_value=60))
def test_wrapped_and_cut_cells_fit(text: str, width: int) -> None:
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in wrap_cell(text, width))
    assert "".join(wrap_cell(text, width)).replace(" ", "") == text.replace(" ", "")
    assert cell_len(cut_cell(text, width)) <= width


def test_wording() -> None:
    assert plural(1, "credential") == "1 credential"
    assert plural(2, "credential") == "2 credentials"
    assert plural(1000, "entry") == "1,000 entries"
    assert join_words(["hours", "cost", "weighted"], "or") == "hours, cost or weighted"
    assert did_you_mean("data-analist", ["data-analyst", "accountant"]) == "did you mean data-analyst?"
    assert did_you_mean("zzzz", ["data-analyst"]) is None
    error = unknown_name("role", "astronaut", ["data-analyst"], listing="credwallet roles list")
    assert isinstance(error, NotFoundError) and error.hint == "see `credwallet roles list`"


def test_option_checks_fail_with_one_line_naming_the_option() -> None:
    assert choice("--sort", "NAME", ["issued", "name"]) == "name"
    with pytest.raises(InputError) as failed:
        choice("--sort", "nmae", ["issued", "name"])
    assert failed.value.message == "--sort 'nmae': choose issued or name" and failed.value.hint == "did you mean name?"
    with pytest.raises(InputError, match="between 1 and 80"):
        number("--hours-per-week", 200, 1, 80)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        iso_date("--start", "tomorrow")
    assert duration("--max-age", "2h") is not None and duration("--max-age", "2h").total_seconds() == 7200
    with pytest.raises(InputError):
        duration("--max-age", "soon")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["lst"], "error: no such command 'lst'; did you mean 'list'? (see 'credwallet --help')"),
        (["list", "--bogus"], "error: no such option: --bogus (see 'credwallet list --help')"),
        (["show"], "error: missing argument 'ID' (see 'credwallet show --help')"),
        (
            ["roles", "match", "--limit", "many"],
            "error: invalid value for '--limit': 'many' is not a whole number (see 'credwallet roles match --help')",
        ),
        (
            ["roles", "match", "--limit", "0"],
            "error: invalid value for '--limit': 0 is not at least 1 (see 'credwallet roles match --help')",
        ),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [expected]


def test_a_wallet_path_that_does_not_exist_is_refused_unless_create(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    refused = CliRunner().invoke(app, ["--wallet", str(missing), "list"])
    assert refused.exit_code == 2 and not missing.exists()
    assert refused.stderr.startswith(f"error: no wallet at {missing}") and "--create" in refused.stderr
    made = CliRunner().invoke(app, ["--wallet", str(missing), "--create", "list"])
    assert made.exit_code == 0 and missing.exists()


PYDANTIC_PROBE = """
import sys
from credwallet.cli.credentials import LIST_COLUMNS
from credwallet.cli.main import app
try:
    app(sys.argv[1:], prog_name="credwallet")
except SystemExit:
    pass
sys.stderr.write("PYDANTIC=" + str("pydantic" in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["list"],
        ["list", "--sort", "name", "--issuer", "x"],
        ["gap", "--role", "data-analyst"],
        ["roles", "match", "--limit", "3"],
        ["export", "resume", "--format", "markdown", "--limit", "2"],
        ["plan", "--role", "data-analyst", "--hours-per-week", "8", "--help"],
        ["--wallet", "{home}/w.db", "--create", "info"],
        ["show", "--help"],
    ],
)
def test_commands_do_not_import_pydantic(argv: list[str], wallet_home: Path) -> None:
    """Typer 0.29 converts option values with pydantic (0.03-0.17 s of imports); credwallet does not."""
    args = [a.format(home=wallet_home) for a in argv]
    env = {**os.environ, "CREDWALLET_HOME": str(wallet_home)}
    result = subprocess.run([sys.executable, "-c", PYDANTIC_PROBE, *args], capture_output=True, text=True, env=env)
    assert "PYDANTIC=False" in result.stderr, result.stderr


@pytest.mark.parametrize("word", ["3", "0", "-2", "1e3", "2.5", "x", " 7", "nan", "inf", "", "100", "101", "1_0"])
def test_light_conversion_agrees_with_typer(word: str) -> None:
    """The light converter accepts and refuses the same numbers as Typer's pydantic one."""
    from typer.models import OptionInfo

    from credwallet.cli.coercion import convert_scalar

    def light(annotation: type) -> object:
        try:
            return convert_scalar(word, annotation, OptionInfo(min=0, max=100))
        except ValueError:
            return "refused"

    from typing import Annotated

    from pydantic import Field, TypeAdapter, ValidationError

    def typer_like(annotation: type) -> object:
        try:
            return TypeAdapter(Annotated[annotation, Field(ge=0, le=100)]).validate_python(word)  # type: ignore[valid-type]
        except ValidationError:
            return "refused"

    assert light(int) == typer_like(int)
    if word.strip() not in ("nan", "inf"):  # pydantic allows nan/inf floats when unbounded; we never do
        assert light(float) == typer_like(float)


def test_command_annotations_are_evaluated_once_before_typer_builds_the_tree() -> None:
    """Typer evaluates every string annotation four times while building the tree; credwallet evaluates
    them once first (most of the start-up of `--help` and `--version` with ~40 commands)."""
    import typer.main

    from credwallet.cli.main import evaluate_annotations

    evaluate_annotations(app)
    callbacks = [c.callback for c in app.registered_commands]
    assert callbacks and all(
        not isinstance(annotation, str) for function in callbacks for annotation in function.__annotations__.values()
    )
    assert typer.main.get_command(app).name == "credwallet"


VERSION_PROBE = """
import sys
sys.argv = ["credwallet", *sys.argv[1:]]
from credwallet.cli.launch import run
try:
    run()
except SystemExit:
    pass
sys.stderr.write("TYPER=" + str("typer" in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(("argv", "typer_loaded"), [(["--version"], False), (["--version", "--help"], True)])
def test_version_alone_answers_before_typer(argv: list[str], typer_loaded: bool, wallet_home: Path) -> None:
    """The console script and `python -m credwallet` print the version without building the command tree;
    anything more goes through Typer (which then prints the version itself, the same line)."""
    env = {**os.environ, "CREDWALLET_HOME": str(wallet_home)}
    result = subprocess.run([sys.executable, "-c", VERSION_PROBE, *argv], capture_output=True, text=True, env=env)
    assert result.stdout == f"credwallet {__version__}\n"
    assert f"TYPER={typer_loaded}" in result.stderr, result.stderr
    module = subprocess.run([sys.executable, "-m", "credwallet", "--version"], capture_output=True, text=True, env=env)
    assert module.returncode == 0 and module.stdout == result.stdout

"""`credwallet report` from the command line: where it writes, what it refuses, --json, --open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.sample_wallet import Cli, error_lines, install_sample_wallet
from tests.report.pagecheck import parse


@pytest.fixture
def sample(cli: Cli, wallet_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    install_sample_wallet(cli, wallet_home, tmp_path_factory)
    return wallet_home


def test_writes_a_page_with_a_card_per_credential(cli: Cli, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = cli("report", "--role", "data-analyst", "-o", str(target), "--no-pathway")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"wrote {target} (")
    root, _ = parse(target.read_text(encoding="utf-8"))
    rows = json.loads(cli("list", "--json").stdout)
    assert len(root.find_all("li", cls="card")) == len(rows)
    assert root.find("section", id="gap").find("h2").all_text() == "Where you stand: Data Analyst"
    assert not root.find_all("section", id="pathway")


def test_replaces_its_own_page_but_not_another_file(cli: Cli, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert cli("report", "-o", str(target), "--no-pathway").exit_code == 0
    assert cli("report", "-o", str(target), "--no-pathway").exit_code == 0  # its own page: replaced
    other = tmp_path / "notes.html"
    other.write_text("<p>my notes</p>")
    refused = cli("report", "-o", str(other), "--no-pathway")
    assert refused.exit_code == 2
    assert error_lines(refused) == [f"error: {other} already exists; pass --force to overwrite it"]
    assert other.read_text() == "<p>my notes</p>"
    assert cli("report", "-o", str(other), "--no-pathway", "--force").exit_code == 0
    assert "credwallet report" in other.read_text()


def test_stdout_and_json(cli: Cli, sample: Path) -> None:
    page = cli("report", "-o", "-", "--no-pathway")
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")
    data = json.loads(cli("report", "--role", "data-analyst", "--json").stdout)
    assert set(data) >= {"title", "learner", "generated_at", "counts", "groups", "gap", "pathway", "matches"}
    assert data["total"] == sum(data["counts"].values()) == len(json.loads(cli("list", "--json").stdout))
    gap = json.loads(cli("gap", "--role", "data-analyst", "--json").stdout)
    assert data["gap"]["coverage"] == gap["coverage"]
    held = {i["skill"]: i["held_level"] for key in ("met", "partial", "missing") for i in gap[key]}
    assert {r["key"]: r["held_level"] for r in data["gap"]["rows"]} == held
    assert data["pathway"]["steps"] and len(data["matches"]) == 5
    assert "data:" not in json.dumps(data)  # images are reported, not embedded


def test_open_hands_the_file_to_the_browser(
    cli: Cli, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    target = tmp_path / "r.html"
    assert cli("report", "-o", str(target), "--open", "--no-pathway").exit_code == 0
    assert opened == [target.resolve().as_uri()]
    monkeypatch.setattr("webbrowser.open", lambda url: False)
    headless = cli("report", "-o", str(target), "--open", "--no-pathway")
    assert headless.exit_code == 0 and "open the file yourself" in headless.stderr
    refused = cli("report", "-o", "-", "--open")
    assert refused.exit_code == 2
    assert error_lines(refused) == ["error: --open needs a file: give -o FILE instead of '-'"]


def test_bad_input_is_one_line(cli: Cli, sample: Path, tmp_path: Path) -> None:
    unknown = cli("report", "--role", "astronaut", "-o", str(tmp_path / "x.html"))
    assert unknown.exit_code == 2 and len(error_lines(unknown)) == 1 and "astronaut" in unknown.stderr
    assert not (tmp_path / "x.html").exists()
    bad_date = cli("report", "--start", "tomorrow", "-o", str(tmp_path / "x.html"))
    assert error_lines(bad_date) == ["error: --start 'tomorrow' is not a date (YYYY-MM-DD)"]
    missing = cli("report", "-o", str(tmp_path / "no" / "such" / "x.html"), "--no-pathway")
    assert missing.exit_code == 2 and len(error_lines(missing)) == 1


def test_help_has_an_example(cli: Cli) -> None:
    result = cli("report", "--help")
    assert result.exit_code == 0 and "Example: credwallet report" in result.stdout


def test_saved_plan_shows_its_done_steps(cli: Cli, sample: Path, tmp_path: Path) -> None:
    saved = cli("plan", "--role", "data-analyst", "--hours-per-week", "8", "--save", "spring", "--json")
    assert saved.exit_code == 0, saved.stderr
    steps = json.loads(saved.stdout)["steps"]
    assert len(steps) >= 2
    first = steps[0]["offering"]
    assert cli("plan", "show", "spring", "--completed", first).exit_code == 0
    target = tmp_path / "plan.html"
    result = cli("report", "--plan", "spring", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    root, _ = parse(target.read_text(encoding="utf-8"))
    section = root.find("section", id="pathway")
    assert section.find("h2").all_text() == "Your pathway: spring"
    items = section.find("ol", cls="steps").find_all("li")
    assert [i.attrs["data-offering"] for i in items] == [s["offering"] for s in steps]
    assert [i.attrs["data-done"] for i in items] == ["yes"] + ["no"] * (len(steps) - 1)
    assert "Done: marked completed" in items[0].all_text()
    bars = section.find("svg", cls="gantt").find_all("rect", cls="bar")
    assert ["done" in b.classes() for b in bars] == [True] + [False] * (len(steps) - 1)
    assert section.find("svg", cls="gantt").find_all("path", cls="today")
    assert f"1 of {len(steps)} steps done" in section.find("p", cls="intro").all_text()
    data = json.loads(cli("report", "--plan", "spring", "--json").stdout)
    assert data["gap"]["chosen_by"] == "saved plan" and data["pathway"]["saved_as"] == "spring"
    assert [s["done"] for s in data["pathway"]["steps"]] == [True] + [False] * (len(steps) - 1)
    unknown = cli("report", "--plan", "autumn", "-o", str(tmp_path / "x.html"))
    assert unknown.exit_code == 2 and len(error_lines(unknown)) == 1 and "autumn" in unknown.stderr
    other = cli("report", "--plan", "spring", "--role", "business-analyst", "-o", str(tmp_path / "x.html"))
    assert error_lines(other) == ["error: --plan spring is a plan for data-analyst, not business-analyst: drop --role"]

"""`credwallet skills declare / undeclare / declared`, and declared skills in gap."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.badgekit import assertion

Cli = Callable[..., Result]


def test_cli_declare_undeclare_and_gap(cli: Cli) -> None:
    declared = cli("skills", "declare", "Power BI", "--level", "4", "--note", "3 years of weekly reporting", "--json")
    assert declared.exit_code == 0, declared.stderr
    document = json.loads(declared.stdout)
    assert (document["skill"], document["level"], document["tier"]) == ("power-bi", 4, "declared")
    human = cli("skills", "declare", "sql", "--level", "4")
    assert "count a declared skill up to level 3" in human.stdout
    listed = json.loads(cli("skills", "declared", "--json").stdout)
    assert [d["skill"] for d in listed] == ["power-bi", "sql"]
    held = {h["skill"]: h for h in json.loads(cli("skills", "--json").stdout)}
    assert held["sql"]["evidence"][0] == {"id": None, "source": "declared", "confidence": 1.0, "tier": "declared"}
    gap = json.loads(cli("gap", "--role", "data-analyst", "--json").stdout)
    sql = next(i for i in gap["met"] if i["skill"] == "sql")
    assert sql["tier"] == "declared" and sql["evidence"] == ["declared"] and sql["held_level"] == 3
    assert gap["coverage_by_tier"]["declared"] > 0 and gap["verified_coverage"] == 0
    strict = json.loads(cli("gap", "--role", "data-analyst", "--verified-only", "--json").stdout)
    assert strict["coverage"] == 0
    text = cli("gap", "--role", "data-analyst").stdout
    assert "on skills you declared" in text and "declared" in text
    assert cli("skills", "undeclare", "sql").stdout.startswith("no longer declared: SQL")
    assert "was not declared" in cli("skills", "undeclare", "sql").stdout
    unknown = cli("skills", "declare", "basket weaving", "--level", "2")
    assert unknown.exit_code == 2 and "unknown skill 'basket weaving'" in unknown.stderr
    out_of_range = cli("skills", "declare", "sql", "--level", "7")
    assert out_of_range.exit_code == 2


def test_on_a_terminal_a_skill_names_its_strongest_evidence_and_counts_the_rest(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seven badges on SQL: a terminal row names two and says `+5 more`; piped, every id (scripts read them)."""
    from credwallet.cli.skills import evidence_cell

    assert evidence_cell(["a", "b"], terminal=True) == "a, b"
    assert evidence_cell(["a", "b", "c", "d"], terminal=True) == "a, b +2 more"
    assert evidence_cell(["a", "b", "c", "d"], terminal=False) == "a, b, c, d"
    for index in range(7):
        badge = assertion(id=f"https://badges.example.org/assertions/{index}")
        badge["badge"]["name"] = f"SQL for analysts, part {index}"
        (tmp_path / f"sql-{index}.json").write_text(json.dumps(badge))
    assert cli("import", "--no-verify", str(tmp_path)).exit_code in (0, 1)
    piped = next(line for line in cli("skills").stdout.splitlines() if line.startswith("SQL\t"))
    assert len(piped.split("\t")[3].split(", ")) == 7
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich (and credwallet) take stdout for a terminal
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("skills").stdout
    row = next(line for line in shown.splitlines() if line.startswith("SQL "))
    assert "+5 more" in shown and row.count(", ") == 1, shown

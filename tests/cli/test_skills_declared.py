"""`credwallet skills declare / undeclare / declared`, and declared skills in gap."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result

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

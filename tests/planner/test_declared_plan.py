"""Issue 15: skills the learner declares (`skills declare`) count in `plan` as weaker evidence than a
credential (DESIGN.md §6): they close a gap and meet a prerequisite up to level 3, never above, and
`skills undeclare` takes them back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from credwallet.cli.main import app
from credwallet.skills.holding import DECLARED_LEVEL_CAP
from tests.cli.sample_wallet import json_out

CATALOG = """offerings:
  - {id: sql-basics, title: SQL basics, provider: Town College, kind: course, hours: 30, cost: 0,
     skills: [{skill: sql, level: 3}]}
  - {id: sql-advanced, title: Advanced SQL, provider: Town College, kind: course, hours: 40, cost: 0,
     skills: [{skill: sql, level: 4}], prerequisites: {offerings: [], skills: [{skill: sql, level: 3}]}}
  - {id: tableau-course, title: Tableau course, provider: Town College, kind: course, hours: 20, cost: 0,
     skills: [{skill: tableau, level: 3}]}
"""


def role(level: int) -> str:
    return (
        "id: sql-analyst\ntitle: SQL Analyst\nskills:\n"
        f"  - {{skill: sql, level: {level}, weight: 1.0, required: true}}\n"
        "  - {skill: tableau, level: 3, weight: 1.0, required: true}\n"
    )


def test_declared_skills_count_in_the_plan_as_weaker_evidence(tmp_path: Path, wallet_home: Path) -> None:
    runner = CliRunner()

    def cli(*args: str) -> Any:
        return runner.invoke(app, list(args), catch_exceptions=False)

    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(CATALOG)
    for level in (3, 4):
        (tmp_path / f"role-{level}.yaml").write_text(role(level))

    def plan(level: int) -> dict[str, Any]:
        args = ("plan", "--role", str(tmp_path / f"role-{level}.yaml"), "--catalog", str(catalog), "--catalog-only")
        return json_out(cli(*args, "--start", "2027-01-04", "--target-coverage", "100", "--json"))

    def steps(level: int) -> list[str]:
        return [step["offering"] for step in plan(level)["steps"]]

    assert sorted(steps(3)) == ["sql-basics", "tableau-course"]
    assert cli("skills", "declare", "sql", "--level", "3", "--note", "3 years of weekly reporting").exit_code == 0
    assert steps(3) == ["tableau-course"]  # the declared level closes the gap
    assert plan(3)["held"]["sql"] == 3 and plan(3)["coverage_before"] == 0.5
    assert sorted(steps(4)) == ["sql-advanced", "tableau-course"]  # and meets the prerequisite of the next course

    assert DECLARED_LEVEL_CAP == 3
    assert cli("skills", "declare", "sql", "--level", "5").exit_code == 0
    assert plan(4)["held"]["sql"] == 3  # a declaration alone never shows more than level 3
    assert sorted(steps(4)) == ["sql-advanced", "tableau-course"]

    assert cli("skills", "undeclare", "sql").exit_code == 0
    assert "sql" not in plan(3)["held"] and sorted(steps(4)) == ["sql-advanced", "sql-basics", "tableau-course"]

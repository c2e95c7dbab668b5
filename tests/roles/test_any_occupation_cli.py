"""Any O*NET occupation through the commands a learner types: roles show, gap and plan by code or slug,
and search's machine output (issue 14: `gap --role` / `plan --role` accept any occupation)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from credwallet.cli.main import app


def run_json(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_roles_show_gives_any_occupation_in_format_2() -> None:
    shown = run_json("roles", "show", "15-2051.01")
    assert shown["format"] == 2 and shown["id"] == "business-intelligence-analysts"
    assert shown["onet_codes"] == ["15-2051.01"] and shown["curated"] is False
    assert any("any_of" in item for item in shown["core"]) and shown["foundation"]
    assert shown["requirements"]["job_zone"] == 4 and "bachelor" in shown["requirements"]["education"]
    assert run_json("roles", "show", "business-intelligence-analysts") == shown


def test_gap_and_plan_take_an_occupation_by_code_or_slug() -> None:
    by_code = run_json("gap", "--role", "29-1292.00")
    assert by_code["role"] == "dental-hygienists" and by_code["coverage"] == 0.0
    assert by_code["requirements"]["job_zone"] == 3 and "associate" in by_code["requirements"]["education"]
    assert by_code["missing"] and by_code["foundation"]
    assert run_json("gap", "--role", "29-1292")["role"] == "dental-hygienists"
    plan = run_json("plan", "--role", "dental-hygienists", "--start", "2027-01-04")
    assert plan["role"] == "dental-hygienists"


def test_search_json_names_the_occupation_found_by_an_alternate_title() -> None:
    hits = run_json("roles", "search", "dental hygienist")
    assert hits[0]["id"] == "dental-hygienists" and hits[0]["onet_codes"] == ["29-1292.00"]
    assert hits[0]["curated"] is False and 0 < hits[0]["score"] <= 1
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)

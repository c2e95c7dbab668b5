"""`credwallet plan`, `plan show/list/remove` and `credwallet add` end to end on the sample wallet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.cli.sample_wallet import error_lines, install_sample_wallet, json_out

Cli = Callable[..., Result]



@pytest.fixture
def sample(cli: Cli, wallet_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return install_sample_wallet(cli, wallet_home, tmp_path_factory)


def test_plan_json_explains_every_step(cli: Cli, sample: dict[str, Any]) -> None:
    plan = json_out(cli("plan", "--role", "data-analyst", "--start", "2027-01-04", "--hours-per-week", "8", "--json"))
    assert {"role", "steps", "total_hours", "total_cost", "unreachable"} <= set(plan)  # DESIGN.md §7
    assert plan["target_coverage"] == 0.8 and plan["coverage_after"] >= 0.8 and plan["required_open"] == []
    assert plan["optimal"] and plan["gap"] == 0 and plan["totals"] == {"USD": plan["total_cost"]}
    assert plan["held"]["sql"] >= 3 and plan["held"]["postgresql"] >= 3  # every skill held, not the role's only
    for step in plan["steps"]:
        assert step["order_reason"] and step["eligibility"] and step["checked"] == "2025-06-01"
        assert all({"offering", "hours", "cost", "currency"} <= set(a) for a in step["alternatives"])
        assert step["offering"] not in {"cisco-ccna", "illinois-imba", "gatech-omscs", "uiuc-strategic-leadership"}
    assert any("over a year ago" in warning for warning in plan["warnings"])  # catalog checked 2025-06-01


def test_plan_controls_and_their_errors(cli: Cli, sample: dict[str, Any]) -> None:
    base = ("plan", "--role", "data-analyst", "--start", "2027-01-04", "--json")
    first = json_out(cli(*base))["steps"][0]["offering"]
    again = json_out(cli(*base, "--completed", first))
    assert first not in [s["offering"] for s in again["steps"]] and first in again["done"]
    capped = json_out(cli(*base, "--max-steps", "1", "--target-coverage", "100"))
    assert len(capped["steps"]) <= 1
    assert json_out(cli(*base, "--have", "excel=4", "--have", "powerpoint=3"))["held"]["excel"] == 4
    provider = json_out(cli(*base, "--exclude-provider", "microsoft"))
    assert not any("Microsoft" in s["provider"] for s in provider["steps"])
    for args, message in [
        (("--experience", "lots"), "--experience 'lots': write AREA=HOURS"),
        (("--degree", "phd"), "--degree 'phd': choose one of"),
        (("--have", "sql"), "--have 'sql': write SKILL=LEVEL"),
        (("--completed", "ghost"), "--completed ghost: no such offering"),
        (("--save", "no spaces"), "plan name 'no spaces'"),
    ]:
        result = cli(*base, *args)
        assert result.exit_code == 2 and len(error_lines(result)) == 1 and message in result.stderr, result.stderr
    result = cli("plan")
    assert result.exit_code == 2 and "name a role with --role" in result.stderr


def test_ignore_eligibility_and_stated_experience(cli: Cli, sample: dict[str, Any]) -> None:
    base = ("plan", "--role", "business-analyst", "--start", "2027-01-04", "--json", "--target-coverage", "100")
    plan = json_out(cli(*base))
    skipped = {s["offering"]: s for s in plan["skipped"]}
    assert "iiba-ccba" in skipped and "3,750 h of business analysis work" in skipped["iiba-ccba"]["reason"]
    assert "iiba-ccba" not in [s["offering"] for s in plan["steps"]]
    stated = json_out(cli(*base, "--experience", "business-analysis=4000"))
    assert "iiba-ccba" not in {s["offering"] for s in stated["skipped"]}
    ignored = json_out(cli(*base, "--ignore-eligibility"))
    assert ignored["skipped"] == [] or all(s["kind"] != "eligibility" for s in ignored["skipped"])


def test_add_records_a_self_reported_credential_recognized_by_the_planner(cli: Cli, sample: dict[str, Any]) -> None:
    plan = json_out(cli("plan", "--role", "data-analyst", "--start", "2027-01-04", "--json"))
    step = plan["steps"][0]
    added = cli(
        "add",
        "--title",
        step["title"],
        "--issuer",
        step["provider"].split(" (")[0],
        "--issued",
        "2026-11",
        "--skill",
        "excel",
        "--json",
    )
    document = json_out(added)
    assert added.exit_code == 0 and len(document["imported"]) == 1 and document["offering"] == step["offering"]
    listed = {row["id"]: row for row in json_out(cli("list", "--json"))}
    row = listed[document["imported"][0]]
    assert row["format"] == "self-reported" and row["status"] == "unverified"
    verified = json_out(cli("verify", document["imported"][0], "--json"))[0]
    assert verified["status"] == "unverified"  # never valid, and never invalid for lack of a signature
    after = json_out(cli("plan", "--role", "data-analyst", "--start", "2027-01-04", "--json"))
    assert step["offering"] in after["done"] and step["offering"] not in [s["offering"] for s in after["steps"]]
    for args, message in [
        (("--issued", "soon"), "--issued 'soon' is not a date"),
        (("--issued", (date.today() + timedelta(days=30)).isoformat()), "is in the future"),
        (("--issued", "2024-01", "--url", "javascript:alert(1)"), "is not an http(s) address"),
    ]:
        result = cli("add", "--title", "T", "--issuer", "I", *args)
        assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_a_saved_plan_shows_its_progress(cli: Cli, sample: dict[str, Any]) -> None:
    made = cli(
        "plan", "--role", "data-analyst", "--start", "2026-01-05", "--hours-per-week", "6", "--save", "spring", "--json"
    )
    plan = json_out(made)
    assert "saved plan 'spring'" in made.stderr and len(plan["steps"]) >= 2
    progress = json_out(cli("plan", "show", "spring", "--json"))
    assert progress["done"] == 0 and progress["current"] == 1 and progress["total"] == len(plan["steps"])
    assert progress["coverage_start"] == plan["coverage_before"] == progress["coverage_now"]
    assert progress["revised_finish"] >= progress["planned_finish"]  # the plan started in the past
    first, second = plan["steps"][0], plan["steps"][1]
    marked = cli("plan", "show", "spring", "--completed", first["offering"], "--json")
    progress = json_out(marked)
    assert progress["done"] == 1 and progress["current"] == 2 and progress["steps"][0]["done_by"] == "marked completed"
    assert progress["coverage_now"] > progress["coverage_start"]
    cli("add", "--title", second["title"], "--issuer", second["provider"].split(" (")[0], "--issued", "2026-06")
    progress = json_out(cli("plan", "show", "spring", "--json"))
    assert progress["done"] == 2 and progress["steps"][1]["done_by"].startswith("credential ")
    assert progress["hours_left"] == sum(s["hours"] for s in plan["steps"][2:])
    text = cli("plan", "show", "spring")
    assert text.exit_code == 0 and "2 of" in text.stdout and "done" in text.stdout
    listed = json_out(cli("plan", "list", "--json"))
    assert [p["name"] for p in listed] == ["spring"] and listed[0]["role"] == "data-analyst"
    result = cli("plan", "show", "spring", "--completed", "not-a-step")
    assert result.exit_code == 2 and "not a step of plan 'spring'" in result.stderr
    assert cli("plan", "remove", "spring").exit_code == 0
    result = cli("plan", "show", "spring")
    assert result.exit_code == 2 and "no saved plan named 'spring'" in result.stderr


def test_a_saved_plans_course_is_done_when_its_certificate_is_held(cli: Cli, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(
        "offerings:\n"
        "  - {id: part-1, title: Part One, provider: Town College, kind: course, hours: 10, cost: 0,\n"
        "     skills: [{skill: sql, level: 2}], stacks_into: [town-cert]}\n"
        "  - {id: part-2, title: Part Two, provider: Town College, kind: course, hours: 10, cost: 0,\n"
        "     skills: [{skill: tableau, level: 2}], stacks_into: [town-cert]}\n"
        "  - {id: town-cert, title: Town Data Certificate, provider: Town College, kind: professional-certificate,\n"
        "     hours: 25, cost: 0, skills: [{skill: sql, level: 2}, {skill: tableau, level: 2}]}\n"
    )
    role = tmp_path / "role.yaml"
    role.write_text("id: town-analyst\ntitle: Town Analyst\nskills:\n  - {skill: sql, level: 2, weight: 1.0}\n")
    made = cli("plan", "--role", str(role), "--catalog", str(catalog), "--catalog-only", "--save", "town", "--json")
    assert [s["offering"] for s in json_out(made)["steps"]] == ["part-1"]
    assert json_out(cli("plan", "show", "town", "--json"))["done"] == 0
    cli("add", "--title", "Town Data Certificate", "--issuer", "Town College", "--issued", "2026-06")
    progress = json_out(cli("plan", "show", "town", "--json"))
    assert progress["done"] == 1 and progress["steps"][0]["done_by"] == "part of town-cert, which is done"

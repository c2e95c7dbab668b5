"""Realistic flows through the CLI on the repo's sample wallet and on real W3C / 1EdTech files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from credwallet.cli.main import app
from tests.badgekit import assertion_bytes
from tests.cli.sample_wallet import (
    CLR_FIXTURE,
    SAMPLE_DATA,
    Cli,
    error_lines,
    external_file,
    install_sample_wallet,
    json_out,
)

EXPIRED_NAME = "Cybersecurity Awareness Essentials"
HOSTED_NAME = "SQL Foundations for Data Analysis"
COLOUR_SGR = re.compile(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


@pytest.fixture
def sample(cli: Cli, wallet_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return install_sample_wallet(cli, wallet_home, tmp_path_factory)


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


# --- import and verify the sample wallet ------------------------------------------------------------------


def test_import_sample_data_reports_broken_files_and_skips_issuer_documents(cli: Cli, sample: dict[str, Any]) -> None:
    report = sample["report"]
    assert sample["exit_code"] == 1
    assert {Path(e["path"]) for e in report["errors"]} == _files(SAMPLE_DATA / "broken")
    skipped = {Path(s["path"]) for s in report["skipped"]}
    walked_documents = {p for p in _files(SAMPLE_DATA / "issuer-documents") if p.suffix in (".json", ".jsonld")}
    assert walked_documents and walked_documents <= skipped
    companions = {p for p in skipped if p.suffix in (".json", ".jsonld")}  # other file types: by their suffix
    assert companions and all("issuer-documents" in p.parts for p in companions)
    assert all(s["reason"].startswith("not a credential file type") for s in report["skipped"]
               if Path(s["path"]) not in companions)  # fmt: skip
    sources = sample["sources"]
    assert set(sources) == set(report["imported"])
    from_ob2 = [wallet_id for wallet_id, source in sources.items() if "/ob2/" in source]
    assert len(from_ob2) == len(_files(SAMPLE_DATA / "ob2"))  # one credential per OB 2.0 file


def test_import_human_output_names_each_broken_file_on_stderr(cli: Cli) -> None:
    result = cli("import", str(SAMPLE_DATA / "broken"), str(SAMPLE_DATA / "ob2" / "agile-scrum.json"))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    lines = error_lines(result)
    assert len(lines) == len(_files(SAMPLE_DATA / "broken"))
    for path in _files(SAMPLE_DATA / "broken"):
        assert sum(str(path) in line for line in lines) == 1
    assert "imported 1, duplicates 0, errors 2" in result.stdout
    assert "Agile Project Delivery with Scrum" in result.stdout


def test_verify_all_statuses_on_the_sample_wallet(cli: Cli, sample: dict[str, Any]) -> None:
    result = cli("verify", "--all", "--json")
    assert result.exit_code == 0  # an expired badge is a fact about its dates, not a problem to act on
    statuses = {item["id"]: item["status"] for item in json_out(result)}
    for wallet_id, source in sample["sources"].items():
        if "/ob2/" not in source:
            continue
        expected = "expired" if wallet_id == sample["names"][EXPIRED_NAME] else "unverified"
        assert statuses[wallet_id] == expected, source  # hosted and remote-key badges need --online
    human = cli("verify", sample["names"][EXPIRED_NAME], sample["names"][HOSTED_NAME])
    assert re.search(rf"expired\s+{sample['names'][EXPIRED_NAME]}\s+{EXPIRED_NAME}", human.stdout)
    assert "2 verified: 1 expired, 1 unverified" in human.stdout and human.exit_code == 0


def test_verify_a_file_without_importing_leaves_the_wallet_empty(cli: Cli) -> None:
    path = external_file("ob3/1edtech-validator/simple.json")
    result = cli("verify", str(path))
    assert result.exit_code == 0, result.stderr
    assert str(path) in result.stdout and "eddsa-rdfc-2022 signature valid" in result.stdout
    assert json_out(cli("list", "--json")) == []
    assert json_out(cli("info", "--json"))["credentials"] == 0


def test_tampered_credential_is_invalid_exit_1(cli: Cli, tmp_path: Path) -> None:
    document = json.loads(external_file("vc-di-eddsa/eddsa-jcs-2022/signedJCS.json").read_bytes())
    document["credentialSubject"]["alumniOf"] = "Someone Else University"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document))
    result = cli("verify", str(tampered))
    assert result.exit_code == 1
    assert re.search(r"^invalid\s", result.stdout, re.MULTILINE)
    assert re.search(r"failed\s+proof", result.stdout)
    imported = json_out(cli("import", str(tampered), "--json"))  # import keeps it, marked invalid
    [wallet_id] = imported["imported"]
    assert imported["status"][wallet_id] == "invalid"
    assert cli("verify", wallet_id).exit_code == 1


# --- CLR -------------------------------------------------------------------------------------------------


def test_clr_import_list_and_show(cli: Cli) -> None:
    path = external_file("clr/1edtech-spec/ldp-test-vector-signed-clr.json")
    assert path == CLR_FIXTURE
    report = json_out(cli("import", str(path), "--json"))
    assert len(report["imported"]) >= 2 and report["errors"] == []
    rows = {row["id"]: row for row in json_out(cli("list", "--json"))}
    [clr_id] = [i for i, row in rows.items() if row["format"] == "clr"]
    inner = json_out(cli("list", "--clr", clr_id, "--json"))
    assert inner and {row["id"] for row in inner} == set(rows) - {clr_id}
    assert all(row["format"] == "ob3" for row in inner)
    shown = cli("show", clr_id)
    assert "contains" in shown.stdout
    for row in inner:
        assert re.search(rf"• {row['id']}\s+{re.escape(row['name'])}", shown.stdout)
    assert json_out(cli("show", clr_id, "--json"))["contains"] == [row["id"] for row in inner]
    assert json_out(cli("show", inner[0]["id"], "--json"))["parent_id"] == clr_id
    piped = cli("list", "--clr", clr_id[:6])  # piped: one tab-separated row per inner credential
    rows_shown = [line.split("\t") for line in piped.stdout.splitlines()]
    assert sorted(row[0] for row in rows_shown) == sorted(row["id"][: len(rows_shown[0][0])] for row in inner)
    assert f"{len(inner)} credential" in piped.output
    on_terminal = CliRunner().invoke(app, ["list", "--clr", clr_id[:6]], env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1"})
    assert "↳" in on_terminal.stdout and f"{len(inner)} credential" in on_terminal.stdout


# --- skills, gap, roles, plan ----------------------------------------------------------------------------


def test_skills_gap_match_and_plan_count_unverified_by_default(cli: Cli, sample: dict[str, Any]) -> None:
    sql_id = sample["names"][HOSTED_NAME]
    skills = cli("skills")
    assert skills.exit_code == 0 and re.search(rf"SQL\s.*{sql_id}", skills.stdout)
    gap = cli("gap", "--role", "data-analyst")
    assert gap.exit_code == 0 and "Data Analyst (data-analyst)" in gap.stdout
    assert re.search(r"^met\s+SQL \*", gap.stdout, re.MULTILINE)
    assert "verified as valid" in gap.stdout
    gap_json = json_out(cli("gap", "--role", "data-analyst", "--json"))
    sql = next(item for item in gap_json["met"] if item["skill"] == "sql")
    assert sql_id in sql["evidence"]
    matches = json_out(cli("roles", "match", "--json"))
    progress = [m["progress"] for m in matches]
    assert progress == sorted(progress, reverse=True)
    analyst = next(m for m in matches if m["role"] == "data-analyst")
    assert analyst["coverage"] == pytest.approx(gap_json["coverage"])  # same numbers, two commands
    assert cli("gap", "--role", "data-analyst", "--include-unverified").exit_code == 0  # still accepted
    plan = cli("plan", "--role", "data-analyst", "--start", "2027-01-04")
    assert plan.exit_code == 0
    assert "Plan for Data Analyst (data-analyst)" in plan.stdout and "from 2027-01-04" in plan.stdout
    assert "proven optimal" in plan.stdout


def test_gap_and_plan_with_the_sample_role_and_catalog_files(cli: Cli, sample: dict[str, Any]) -> None:
    role = SAMPLE_DATA / "roles" / "junior-data-analyst.yaml"
    catalog = SAMPLE_DATA / "catalog.yaml"
    if not (role.is_file() and catalog.is_file()):
        pytest.skip("sample_data/roles and sample_data/catalog.yaml not present yet")
    assert cli("catalog", "validate", str(catalog)).exit_code == 0
    gap = json_out(cli("gap", "--role", str(role), "--json"))
    assert gap["role"] == "junior-data-analyst"
    plan = json_out(cli("plan", "--role", str(role), "--catalog", str(catalog), "--catalog-only", "--json"))
    providers = {step["provider"] for step in plan["steps"]}
    assert providers <= {"Harbor City Data Bootcamp"}


def test_roles_new_add_show_overrides_the_builtin(cli: Cli, tmp_path: Path) -> None:
    starter = tmp_path / "x.yaml"
    assert cli("roles", "new", "--from", "data-analyst", "-o", str(starter)).exit_code == 0
    text = starter.read_text()
    assert "id: data-analyst" in text and "roles add" in text
    refused = cli("roles", "new", "--from", "data-analyst", "-o", str(starter))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    starter.write_text(text.replace('title: "Data Analyst"', 'title: "Data Analyst (mine)"'))
    added = cli("roles", "add", str(starter))
    assert added.exit_code == 0 and "overrides the built-in" in added.stdout
    shown = cli("roles", "show", "data-analyst")
    assert "Data Analyst (mine)" in shown.stdout and "overrides the built-in role" in shown.stdout
    assert json_out(cli("roles", "show", "data-analyst", "--json"))["overrides_builtin"] is True
    listed = {r["id"]: r for r in json_out(cli("roles", "--json"))}
    assert listed["data-analyst"]["origin"] == "user" and listed["data-analyst"]["overrides_builtin"]
    again = cli("roles", "add", str(starter))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert cli("roles", "add", str(starter), "--force").exit_code == 0


def test_bad_role_file_gives_one_line_per_schema_error(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad-role.yaml"
    bad.write_text(
        "id: Bad Role\ntitle: 5\nextra: 1\nskills:\n"
        "  - {skill: sql, level: 9}\n  - {skill: python, level: 2, weight: -1}\n  - {level: 2}\n"
    )
    for argv in (["roles", "add", str(bad)], ["gap", "--role", str(bad)]):
        result = cli(*argv)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        lines = error_lines(result)
        assert len(lines) == 6, lines
        assert all(str(bad) in line for line in lines)
        for path in ("id:", "title:", "skills[0].level:", "skills[1].weight:", "skills[2]:", "extra"):
            assert sum(path in line for line in lines) == 1, path
    assert "bad-role" not in cli("roles").stdout


def test_catalog_validate_reports_each_problem(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "courses.yaml"
    bad.write_text(
        "offerings:\n"
        "  - {id: a, title: A, provider: P, kind: course, hours: -3, cost: 0, skills: [{skill: sql, level: 7}]}\n"
        "  - {id: a, title: B, provider: P, kind: course, hours: 3, cost: 0, skills: [{skill: sql, level: 2}]}\n"
    )
    result = cli("catalog", "validate", str(bad))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    lines = error_lines(result)
    assert len(lines) == 3 and all(str(bad) in line for line in lines)
    assert any("hours" in line for line in lines) and any("duplicate id 'a'" in line for line in lines)
    good = tmp_path / "good.yaml"
    good.write_text(
        "offerings:\n"
        "  - {id: sql-evening, title: SQL evenings, provider: Town College, kind: course, hours: 10,\n"
        "     cost: 0, skills: [{skill: sql, level: 3}]}\n"
    )
    ok = cli("catalog", "validate", str(good))
    assert ok.exit_code == 0 and f"{good}: valid" in ok.stdout
    found = json_out(cli("catalog", "--catalog", str(good), "--search", "evenings", "--json"))
    assert [o["id"] for o in found] == ["sql-evening"]
    unparsable = tmp_path / "broken.yaml"
    unparsable.write_text("offerings: [\n")
    [line] = error_lines(cli("catalog", "validate", str(unparsable)))
    assert str(unparsable) in line


def test_plan_ics_is_a_calendar_and_is_not_overwritten(cli: Cli, sample: dict[str, Any], tmp_path: Path) -> None:
    import icalendar

    ics = tmp_path / "plan.ics"
    argv = ["plan", "--role", "data-analyst", "--start", "2027-01-04", "--ics", str(ics)]
    plan = json_out(cli(*argv, "--json"))
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == len(plan["steps"])
    assert str(events[0].decoded("DTSTART")) == plan["steps"][0]["start"] == "2027-01-04"
    assert all(step["title"] in str(e["SUMMARY"]) for step, e in zip(plan["steps"], events, strict=True))
    before = ics.read_bytes()
    refused = cli(*argv, "--hours-per-week", "10")
    assert refused.exit_code == 2 and "--force" in refused.stderr and ics.read_bytes() == before
    assert cli(*argv, "--hours-per-week", "10", "--force").exit_code == 0
    assert ics.read_bytes() != before
    weekly = tmp_path / "weekly.ics"
    assert cli("plan", "--role", "data-analyst", "--ics", str(weekly), "--ics-mode", "weekly").exit_code == 0
    assert icalendar.Calendar.from_ical(weekly.read_bytes()).walk("VEVENT")


# --- export ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format_", "marker"),
    [
        ("markdown", "## Certifications"),
        ("text", "Certifications\n====="),
        ("json-resume", '"certificates"'),
        ("html", "<!DOCTYPE html>"),
        ("latex", r"\cvsection{Certifications}"),
    ],
)
def test_export_resume_to_a_file_in_every_format(
    cli: Cli, sample: dict[str, Any], tmp_path: Path, format_: str, marker: str
) -> None:
    target = tmp_path / f"certs.{format_}"
    result = cli("export", "resume", "-f", format_, "-o", str(target), "--include-unverified")
    assert result.exit_code == 0 and result.stdout == "" and str(target) in result.stderr
    text = target.read_text()
    assert marker in text and "SQL Foundations for Data Analysis" in text
    assert "alex.morgan@example.org" not in text  # recipient emails are redacted unless asked
    refused = cli("export", "resume", "-f", format_, "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr and target.read_text() == text
    assert cli("export", "resume", "-f", format_, "-o", str(target), "--force").exit_code == 0
    assert target.read_text() != text  # without --include-unverified the hosted badges are left out


def test_export_linkedin_refuses_unverified_without_force(cli: Cli, sample: dict[str, Any]) -> None:
    hosted = sample["names"][HOSTED_NAME]
    refused = cli("export", "linkedin", hosted)
    assert refused.exit_code == 2 and "Traceback" not in refused.stderr
    [line] = error_lines(refused)
    assert hosted in line and "--force" in line
    forced = cli("export", "linkedin", hosted, "--force")
    assert forced.exit_code == 0
    assert forced.stdout.startswith("https://www.linkedin.com/profile/add?")
    assert "SQL%20Foundations" in forced.stdout
    valid = [row["id"] for row in sample["rows"] if row["status"] == "valid"]
    if valid:  # the OB 3.0 sample credentials verify offline
        assert cli("export", "linkedin", valid[0]).exit_code == 0


def test_backup_round_trip_into_another_wallet(
    cli: Cli, sample: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hosted = sample["names"][HOSTED_NAME]
    cli("tag", hosted, "job-search")
    cli("note", hosted, "Capstone query review")
    backup = tmp_path / "wallet.cwbak"
    monkeypatch.setenv("CREDWALLET_PASSPHRASE", "correct horse battery staple")
    made = cli("export", "backup", str(backup), "--encrypt")
    assert made.exit_code == 0 and str(backup) in made.stderr
    assert b"SQL Foundations" not in backup.read_bytes()  # encrypted, not just compressed
    refused = cli("export", "backup", str(backup), "--encrypt")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    other = tmp_path / "other" / "wallet.db"
    restored = cli("--wallet", str(other), "--create", "import", "--backup", str(backup), "--json")
    assert restored.exit_code == 0
    assert set(json_out(restored)["restored"]) == set(sample["report"]["imported"])

    def summary(*wallet: str) -> list[tuple[str, str, str]]:
        rows = json_out(cli(*wallet, "list", "--json"))
        return sorted((row["id"], row["name"], row["status"]) for row in rows)

    assert summary("--wallet", str(other)) == summary()
    shown = json_out(cli("--wallet", str(other), "show", hosted, "--json"))
    assert shown["user_tags"] == ["job-search"] and shown["notes"] == "Capstone query review"
    assert json_out(cli("--wallet", str(other), "profile", "--json")) == json_out(cli("profile", "--json"))
    again = json_out(cli("--wallet", str(other), "import", "--backup", str(backup), "--json"))
    assert again["restored"] == [] and set(again["duplicates"]) == set(sample["report"]["imported"])
    monkeypatch.setenv("CREDWALLET_PASSPHRASE", "wrong")
    wrong = cli("--wallet", str(tmp_path / "third.db"), "--create", "import", "--backup", str(backup))
    assert wrong.exit_code == 2 and "Traceback" not in wrong.stderr
    [line] = error_lines(wrong)
    assert str(backup) in line and "passphrase" in line
    monkeypatch.delenv("CREDWALLET_PASSPHRASE")
    asked = cli("--wallet", str(tmp_path / "third.db"), "--create", "import", "--backup", str(backup))
    assert asked.exit_code == 2 and "CREDWALLET_PASSPHRASE" in asked.stderr


# --- the terminal: colour, markup, control characters -------------------------------------------------------


def _run(argv: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(CREDWALLET_HOME=str(home), **env)
    return subprocess.run([sys.executable, "-m", "credwallet", *argv], capture_output=True, env=environment, timeout=60)


def test_piped_output_has_no_escape_codes(sample: dict[str, Any], wallet_home: Path) -> None:
    listed = _run(["list"], wallet_home)
    assert listed.returncode == 0 and b"\x1b" not in listed.stdout + listed.stderr
    assert HOSTED_NAME.encode() in listed.stdout
    verified = _run(["verify", sample["names"][EXPIRED_NAME], "--json"], wallet_home)
    assert verified.returncode == 0 and b"\x1b" not in verified.stdout
    failed = _run(["show", "ffffffff"], wallet_home)
    assert failed.returncode == 2 and failed.stderr.startswith(b"error: ") and b"\x1b" not in failed.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_color_on_a_terminal_has_no_colour_codes(sample: dict[str, Any], wallet_home: Path) -> None:
    def on_terminal(**env: str) -> bytes:
        leader, follower = os.openpty()
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        environment.update(CREDWALLET_HOME=str(wallet_home), COLUMNS="200", TERM="xterm-256color", **env)
        process = subprocess.Popen(
            [sys.executable, "-m", "credwallet", "verify", sample["names"][EXPIRED_NAME]],
            stdout=follower,
            stderr=follower,
            env=environment,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        process.wait(timeout=60)
        os.close(leader)
        return output

    coloured = on_terminal()
    assert COLOUR_SGR.search(coloured), "a terminal without NO_COLOR should get colour (test sanity)"
    plain = on_terminal(NO_COLOR="1")
    assert EXPIRED_NAME.encode() in plain and not COLOUR_SGR.search(plain)


def test_credential_text_is_shown_literally_and_stripped_of_controls(cli: Cli, tmp_path: Path) -> None:
    name = "[bold red]x[/] \x1b[31mred\x1b[0m\x07 :smile: did:key:z6Mk \u202eevil\x9b"
    badge = tmp_path / "evil.json"
    document = json.loads(assertion_bytes())
    document["badge"]["name"] = name
    document["badge"]["description"] = "see [link=https://evil.example]here[/link]\x1b]8;;https://x\x07"
    document["badge"]["issuer"]["name"] = "[i]Issuer[/i]\x1b[2J"
    badge.write_text(json.dumps(document))
    imported = cli("import", str(badge))
    assert imported.exit_code == 0
    listed = cli("list")
    [wallet_id] = [row["id"] for row in json_out(cli("list", "--json"))]
    shown = cli("show", wallet_id)
    verified = cli("verify", wallet_id)
    for output in (imported.stdout, listed.stdout, shown.stdout, verified.stdout):
        assert "[bold red]x[/]" in output and ":smile:" in output and "did:key:z6Mk" in output
        for unsafe in ("\x1b", "\x07", "\u202e", "\x9b", "😄", "🔑"):
            assert unsafe not in output, (unsafe, output)
    assert "[i]Issuer[/i]" in listed.stdout and "[i]Issuer[/i]" in shown.stdout
    assert "[link=https://evil.example]here[/link]" in shown.stdout
    raw = cli("list", "--json").stdout
    assert "\u202e" not in raw and "\x9b" not in raw and "\x1b" not in raw
    assert json.loads(raw)[0]["name"] == name  # the data itself is kept exactly

"""The machine-output contract of DESIGN.md §7, pinned: `--json` prints exactly one JSON document on stdout
with stable keys, errors are one line on stderr, and the exit status says ok (0), problem found (1) or
usage/input error (2)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.badgekit import assertion_bytes
from tests.cli.sample_wallet import (
    JSON_RESUME_SCHEMA,
    OB3_SIMPLE,
    SAMPLE_DATA,
    Cli,
    error_lines,
    external_file,
    install_sample_wallet,
    json_out,
)

STATUSES = {"valid", "invalid", "expired", "revoked", "suspended", "unverified"}
CHECK_STATUSES = {"passed", "failed", "skipped", "error"}
CHECK_KINDS = {"authenticity", "conformance"}
WALLET_ID = re.compile(r"^[0-9a-f]{8,}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
EXPIRED_NAME = "Cybersecurity Awareness Essentials"
HOSTED_NAME = "SQL Foundations for Data Analysis"

# Keys `import --json` adds to the §7 contract (documented here so a new one is a deliberate change).
IMPORT_EXTRA_KEYS = {"skipped", "status"}


@pytest.fixture
def sample(cli: Cli, wallet_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return install_sample_wallet(cli, wallet_home, tmp_path_factory)


def _has_keys(document: dict[str, Any], required: set[str]) -> None:
    assert isinstance(document, dict), document
    missing = required - set(document)
    assert not missing, f"missing keys {missing} in {sorted(document)}"


# --- import ------------------------------------------------------------------------------------------


def test_import_json_contract_on_the_sample_folder(sample: dict[str, Any]) -> None:
    report = sample["report"]
    _has_keys(report, {"imported", "duplicates", "errors"})
    assert set(report) - {"imported", "duplicates", "errors"} <= IMPORT_EXTRA_KEYS
    assert sample["exit_code"] == 1  # the two files in sample_data/broken/ fail on purpose
    assert report["imported"] and all(WALLET_ID.match(i) for i in report["imported"])
    assert report["duplicates"] == []
    assert report["errors"], "sample_data/broken/ must produce errors"
    for error in report["errors"]:
        assert set(error) == {"path", "error"}
        assert error["path"] in error["error"] and "\n" not in error["error"]
    for skipped in report["skipped"]:
        assert set(skipped) == {"path", "reason"}
    assert set(report["status"]) == set(report["imported"])
    assert set(report["status"].values()) <= STATUSES


def test_import_json_exit_codes_and_duplicates(cli: Cli, tmp_path: Path) -> None:
    badge = tmp_path / "badge.json"
    badge.write_bytes(assertion_bytes())
    first = cli("import", str(badge), "--json")
    assert first.exit_code == 0
    [wallet_id] = json_out(first)["imported"]
    again = cli("import", str(badge), "--json")
    assert again.exit_code == 0 and json_out(again)["duplicates"] == [wallet_id]
    broken = tmp_path / "broken.json"
    broken.write_bytes(assertion_bytes()[:40])
    failed = cli("import", str(broken), str(badge), "--json")
    assert failed.exit_code == 1  # the command ran; one file had a problem
    document = json_out(failed)
    assert document["errors"][0]["path"] == str(broken) and document["duplicates"] == [wallet_id]


# --- list, show ----------------------------------------------------------------------------------------


def test_list_json_items(cli: Cli, sample: dict[str, Any]) -> None:
    rows = json_out(cli("list", "--json"))
    assert len(rows) == len(sample["report"]["imported"])
    for row in rows:
        assert set(row) == {"id", "name", "issuer", "issued_on", "expires_on", "format", "status", "skills"}
        assert WALLET_ID.match(row["id"]) and isinstance(row["name"], str)
        assert row["status"] in STATUSES
        assert row["issued_on"] is None or ISO_DATE.match(row["issued_on"])
        assert row["expires_on"] is None or ISO_DATE.match(row["expires_on"])
        assert isinstance(row["skills"], list) and all(isinstance(s, str) for s in row["skills"])
    assert len({row["id"] for row in rows}) == len(rows)
    sql = next(row for row in rows if row["name"] == HOSTED_NAME)
    assert "sql" in sql["skills"] and sql["format"] == "ob2"


def test_show_json_is_the_normalized_credential_with_verification(cli: Cli, sample: dict[str, Any]) -> None:
    wallet_id = sample["names"][EXPIRED_NAME]
    document = json_out(cli("show", wallet_id, "--json"))
    _has_keys(document, {"id", "name", "issuer", "issued_on", "expires_on", "format", "status", "verification"})
    assert document["id"] == wallet_id and document["name"] == EXPIRED_NAME
    assert document["status"] == "expired"
    verification = document["verification"]
    assert verification["status"] == "expired"
    assert [c["name"] for c in verification["checks"]][:1] == ["structure"]
    assert json_out(cli("show", wallet_id[:5], "--json"))["id"] == wallet_id  # a unique prefix works


# --- verify --------------------------------------------------------------------------------------------


def test_verify_json_items_and_exit_codes(cli: Cli, sample: dict[str, Any]) -> None:
    everything = cli("verify", "--all", "--json")
    assert everything.exit_code == 0  # one sample badge has expired: not a problem to act on (exit 1)
    results = json_out(everything)
    assert {r["id"] for r in results} == set(sample["report"]["imported"])
    for result in results:
        _has_keys(result, {"id", "status", "checks"})
        assert result["status"] in STATUSES
        for check in result["checks"]:
            assert {"name", "kind", "status", "detail"} <= set(check) <= {"name", "kind", "status", "detail", "warning"}
            assert check["status"] in CHECK_STATUSES and check["detail"]
            assert check["kind"] in CHECK_KINDS
            assert check.get("warning", True) is True  # present only when true
    hosted = cli("verify", sample["names"][HOSTED_NAME], "--json")
    assert hosted.exit_code == 0  # unverified (hosted, offline) is not a problem found
    assert [r["status"] for r in json_out(hosted)] == ["unverified"]
    expired = cli("verify", sample["names"][EXPIRED_NAME], "--json")
    assert expired.exit_code == 0 and json_out(expired)[0]["status"] == "expired"


def test_verify_json_on_a_tampered_file_is_invalid_exit_1(cli: Cli, tmp_path: Path) -> None:
    original = json.loads(external_file("ob3/1edtech-validator/simple.json").read_bytes())
    original["credentialSubject"]["achievement"]["name"] = "Leadership"
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(original))
    result = cli("verify", str(tampered), "--json")
    assert result.exit_code == 1
    [item] = json_out(result)
    assert item["id"] is None and item["source"] == str(tampered) and item["status"] == "invalid"
    assert [c["status"] for c in item["checks"] if c["name"] == "proof"] == ["failed"]


def test_verify_an_assertion_marked_revoked_is_revoked_exit_1(cli: Cli, tmp_path: Path) -> None:
    badge = tmp_path / "revoked.json"
    badge.write_bytes(assertion_bytes(revoked=True, revocationReason="issued in error"))
    result = cli("verify", str(badge), "--json")
    assert json_out(result)[0]["status"] == "revoked"
    assert result.exit_code == 1


def test_verify_json_tells_a_warning_from_a_failure(cli: Cli) -> None:
    path = SAMPLE_DATA / "ob3" / "r-for-data-analysis.json"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    cli("profile", "add-identity", "someone.else@example.org")  # the recipient is not confirmed: a warning
    [item] = json_out(cli("verify", str(path), "--json"))
    assert item["status"] == "valid"
    [recipient] = [check for check in item["checks"] if check["name"] == "recipient"]
    assert recipient["status"] != "failed" or recipient.get("warning") is True


# --- skills, gap, plan -----------------------------------------------------------------------------------


def test_skills_json_items(cli: Cli, sample: dict[str, Any]) -> None:
    ids = set(sample["report"]["imported"])
    held = json_out(cli("skills", "--json"))  # unverified credentials count by default
    assert held
    for item in held:
        assert set(item) == {"skill", "label", "level", "evidence"}
        assert 1 <= item["level"] <= 5 and item["label"]
        for evidence in item["evidence"]:
            _has_keys(evidence, {"id", "source", "confidence", "tier"})
            assert evidence["id"] in ids and 0 < evidence["confidence"] <= 1
    sql = next(item for item in held if item["skill"] == "sql")
    assert sample["names"][HOSTED_NAME] in {e["id"] for e in sql["evidence"]}
    valid = {row["id"] for row in json_out(cli("list", "--json")) if row["status"] == "valid"}
    counted = json_out(cli("skills", "--verified-only", "--json"))  # only credentials verified as valid
    assert {e["id"] for item in counted for e in item["evidence"]} <= valid
    assert "sql" not in {item["skill"] for item in counted} or sample["names"][HOSTED_NAME] not in {
        e["id"] for item in counted if item["skill"] == "sql" for e in item["evidence"]
    }


def test_gap_json(cli: Cli, sample: dict[str, Any]) -> None:
    ids = set(sample["report"]["imported"])
    gap = json_out(cli("gap", "--role", "data-analyst", "--json"))
    _has_keys(gap, {"role", "coverage", "met", "partial", "missing"})
    assert gap["role"] == "data-analyst" and 0 < gap["coverage"] <= 1
    for status in ("met", "partial", "missing"):
        for item in gap[status]:
            _has_keys(item, {"skill", "required_level", "held_level", "weight", "evidence"})
            assert set(item["evidence"]) <= ids
            held, required = item["held_level"] or 0, item["required_level"]
            assert {"met": held >= required, "partial": 0 < held < required, "missing": held == 0}[status]
    sql = next(item for item in gap["met"] if item["skill"] == "sql")
    assert sample["names"][HOSTED_NAME] in sql["evidence"]
    valid = {row["id"] for row in json_out(cli("list", "--json")) if row["status"] == "valid"}
    strict = json_out(cli("gap", "--role", "data-analyst", "--verified-only", "--json"))
    assert {i for item in strict["met"] + strict["partial"] for i in item["evidence"]} <= valid
    assert strict["coverage"] <= gap["coverage"]


def test_plan_json(cli: Cli, sample: dict[str, Any]) -> None:
    result = cli("plan", "--role", "data-analyst", "--start", "2027-01-04", "--json")
    assert result.exit_code == 0
    plan = json_out(result)
    _has_keys(plan, {"role", "steps", "total_hours", "total_cost", "unreachable"})
    assert plan["role"] == "data-analyst" and plan["steps"]
    for step in plan["steps"]:
        _has_keys(step, {"offering", "title", "provider", "skills", "hours", "cost", "start", "end"})
        assert "2027-01-04" <= step["start"] <= step["end"]
    assert plan["steps"][0]["start"] == "2027-01-04"
    assert [s["start"] for s in plan["steps"]] == sorted(s["start"] for s in plan["steps"])
    assert plan["total_hours"] == pytest.approx(sum(s["hours"] for s in plan["steps"]))
    assert plan["total_cost"] == pytest.approx(sum(s["cost"] for s in plan["steps"]))
    assert all(isinstance(skill, str) for skill in plan["unreachable"])
    gap = json_out(cli("gap", "--role", "data-analyst", "--json"))
    open_items = gap["partial"] + gap["missing"]
    to_close = {item["skill"] for item in open_items}
    to_close |= {m["skill"] for item in open_items for m in item.get("any_of", [])}
    closed = {skill for step in plan["steps"] for skill in step["skills"]}
    assert closed <= to_close  # never a course for a skill already met
    said = {item["skill"] for item in plan["left_out"] + plan["not_planned"]}  # past the target, or foundation
    for item in open_items:  # every gap (a choice group: one of its members) is closed or said why not
        members = {item["skill"]} | {m["skill"] for m in item.get("any_of", [])}
        assert members & (closed | set(plan["unreachable"]) | said), item["skill"]


# --- export --------------------------------------------------------------------------------------------


def test_export_json_resume_validates_against_the_bundled_schema(cli: Cli, sample: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(JSON_RESUME_SCHEMA.read_text())
    for extra in ((), ("--with-skills", "--include-expired", "--group-by", "skill")):
        result = cli("export", "resume", "--format", "json-resume", "--include-unverified", *extra)
        resume = json_out(result)
        jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(resume)
        names = [c["name"] for c in resume["certificates"]]
        assert any(HOSTED_NAME in name for name in names)
    bad = dict(resume, certificates=[{"name": 1}])
    with pytest.raises(jsonschema.ValidationError):  # the schema is a real check, not a formality
        jsonschema.Draft7Validator(schema).validate(bad)


# --- every data command: one JSON document on stdout -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "exit_code"),
    [
        (["list", "--json", "--issuer", "Harborview", "--sort", "expires"], 0),
        (["show", "{hosted}", "--json", "--reveal"], 0),
        (["verify", "{hosted}", "{expired}", "--json"], 0),  # expired and unverified: nothing to act on
        (["skills", "{hosted}", "--json"], 0),
        (["gap", "--role", "data-analyst", "--json"], 0),
        (["plan", "--role", "data-analyst", "--json", "--ics", "{tmp}/plan.ics"], 0),
        (["roles", "--json"], 0),
        (["roles", "show", "data-analyst", "--json"], 0),
        (["roles", "match", "--json"], 0),
        (["catalog", "--skill", "sql", "--json"], 0),
        (["catalog", "show", "google-data-analytics-certificate", "--json"], 0),
        (["profile", "--json"], 0),
        (["info", "--json"], 0),
        (["export", "linkedin", "{hosted}", "--force", "--json"], 0),
        (["import", "{sample}/ob2/sql-foundations.json", "--json"], 0),
        (["import", "{sample}/broken", "--json"], 1),
    ],
    ids=lambda value: " ".join(value[:2]) if isinstance(value, list) else str(value),
)
def test_every_data_command_prints_one_json_document(
    cli: Cli, sample: dict[str, Any], tmp_path: Path, argv: list[str], exit_code: int
) -> None:
    values = {
        "hosted": sample["names"][HOSTED_NAME],
        "expired": sample["names"][EXPIRED_NAME],
        "tmp": str(tmp_path),
        "sample": str(SAMPLE_DATA),
    }
    result = cli(*[arg.format(**values) for arg in argv])
    assert result.exit_code == exit_code, result.stderr
    document = json_out(result)
    assert isinstance(document, dict | list)
    assert result.stdout.count("\n") == len(json.dumps(document, indent=2, ensure_ascii=False).splitlines())


def test_side_messages_go_to_stderr_when_json_is_on_stdout(cli: Cli, sample: dict[str, Any], tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    result = cli("plan", "--role", "data-analyst", "--ics", str(ics), "--json")
    assert json_out(result)["role"] == "data-analyst"
    assert str(ics) in result.stderr and ics.is_file()
    written = cli("export", "resume", "-o", str(tmp_path / "certs.md"), "--include-unverified")
    assert written.exit_code == 0 and written.stdout == "" and "certs.md" in written.stderr


# --- errors: one line on stderr, exit 2 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["show", "ffffffff"], "ffffffff"),
        (["show", "ab"], "'ab'"),
        (["tag", "ffffffff", "x"], "ffffffff"),
        (["verify"], "--all"),
        (["verify", "{tmp}/missing.json"], "missing.json"),
        (["verify", "{tmp}"], "{tmp}"),
        (["verify", "--did-doc", "{tmp}/did.json", "--all"], "did.json"),
        (["gap", "--role", "astronaut"], "astronaut"),
        (["gap", "--role", "{tmp}/missing-role.yaml"], "missing-role.yaml"),
        (["plan", "--role", "data-analyst", "--start", "2027-13-01"], "--start"),
        (["plan", "--role", "data-analyst", "--minimize", "fun"], "--minimize"),
        (["roles", "show", "astronaut"], "astronaut"),
        (["roles", "add", "{tmp}/missing.yaml"], "missing.yaml"),
        (["roles", "new", "--from", "astronaut"], "astronaut"),
        (["catalog", "show", "no-such-course"], "no-such-course"),
        (["catalog", "validate", "{tmp}/missing.yaml"], "missing.yaml"),
        (["export", "resume", "--format", "docx"], "docx"),
        (["export", "resume", "--since", "last-year"], "--since"),
        (["export", "linkedin", "ffffffff"], "ffffffff"),
        (["import"], "import"),
        (["import", "--backup", "{tmp}/did.json"], "did.json"),
        (["list", "--sort", "colour"], "colour"),
        (["profile", "load", "{tmp}/missing.yaml"], "missing.yaml"),
        (["profile", "add-identity", "not an identity"], "not an identity"),
        (["--wallet", "{tmp}/did.json", "list"], "did.json"),
    ],
    ids=lambda value: " ".join(value[:3]) if isinstance(value, list) else None,
)
def test_errors_are_one_line_on_stderr_with_exit_2(cli: Cli, tmp_path: Path, argv: list[str], names: str) -> None:
    (tmp_path / "did.json").write_text('{"not": "a DID document"')
    result = cli(*[arg.format(tmp=tmp_path) for arg in argv])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = error_lines(result)
    assert line.startswith("error: ") and names.format(tmp=tmp_path) in line


def test_schema_errors_are_one_line_each_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    role = tmp_path / "role.yaml"
    role.write_text("id: Not Kebab\ntitle: 5\nskills:\n  - {skill: sql, level: 9}\n  - {level: 2}\n")
    result = cli("roles", "add", str(role))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    lines = error_lines(result)
    assert len(lines) == 4 and all(str(role) in line for line in lines)
    assert lines[0].startswith("error: ")


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli("list", "--no-such-option").exit_code == 2
    assert cli("no-such-command").exit_code == 2
    assert cli("gap").exit_code == 2  # --role is required


def test_verify_a_file_checks_it_against_the_contract(cli: Cli) -> None:
    path = external_file("ob3/1edtech-validator/simple.json")
    assert path == OB3_SIMPLE
    result = cli("verify", str(path), "--json")
    assert result.exit_code == 0
    [item] = json_out(result)
    assert item["source"] == str(path) and item["status"] == "unverified"
    names_and_kinds = [(c["name"], c["kind"]) for c in item["checks"]]
    assert names_and_kinds == [
        ("structure", "authenticity"),
        ("structure", "conformance"),
        ("proof", "authenticity"),
        ("key", "authenticity"),
        ("dates", "authenticity"),
        ("status", "authenticity"),
        ("recipient", "authenticity"),
    ]

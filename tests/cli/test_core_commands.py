"""The foundation commands end to end: import, list, show, remove, tag, note, profile, info."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from tests.badgekit import assertion, assertion_bytes, itxt, png

Cli = Callable[..., Result]


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "sql.json").write_bytes(assertion_bytes())
    (tmp_path / "baked.png").write_bytes(
        png(itxt(assertion_bytes(id="https://badges.example.org/assertions/2002", issuedOn="2024-01-05T00:00:00Z")))
    )
    return tmp_path


def test_import_json_contract_and_duplicates(cli: Cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = cli("import", str(folder), "--json")
    assert first.exit_code == 0, first.stderr
    document = json.loads(first.stdout)
    assert set(document) == {"imported", "duplicates", "errors", "skipped", "status"}
    assert len(document["imported"]) == 2 and document["duplicates"] == [] and document["errors"] == []
    again = json.loads(cli("import", str(folder / "sql.json"), "--json").stdout)
    assert again["imported"] == [] and len(again["duplicates"]) == 1


def test_import_error_is_one_line_exit_1_and_wallet_unchanged(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_bytes(b'{"@context": "https://w3id.org/openbadges/v2", "type": ')
    result = cli("import", str(bad))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert str(bad) in line and "invalid JSON" in line
    assert "imported 0, duplicates 0, errors 1" in result.stdout
    assert json.loads(cli("list", "--json").stdout) == []


def test_missing_file_is_reported(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "no such file" in result.stderr  # an input error, before anything happens


def test_import_from_stdin(cli: Cli) -> None:
    result = cli("import", "-", "--json", input=assertion_bytes())
    assert result.exit_code == 0 and len(json.loads(result.stdout)["imported"]) == 1


def test_list_filters_sort_and_json_contract(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(_folder(tmp_path)))
    rows = json.loads(cli("list", "--json", "--sort", "issued").stdout)
    assert [r["issued_on"][:4] for r in rows] == ["2025", "2024"]
    assert set(rows[0]) == {"id", "name", "issuer", "issued_on", "expires_on", "format", "status", "skills"}
    assert json.loads(cli("list", "--json", "--issuer", "nobody").stdout) == []
    assert len(json.loads(cli("list", "--json", "--search", "Example Data").stdout)) == 2
    table = cli("list")
    assert "SQL Fundamentals" in table.stdout and "2 credentials" in table.stderr  # piped: the count on stderr
    assert cli("list", "--sort", "bogus").exit_code == 2


def test_show_redacts_unless_reveal_and_raw_is_exact(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(_folder(tmp_path)))
    wallet_id = json.loads(cli("list", "--json", "--sort", "issued").stdout)[0]["id"]
    shown = json.loads(cli("show", wallet_id, "--json").stdout)
    assert shown["id"] == wallet_id and "verification" in shown
    assert shown["recipient"]["identity"].endswith("(hashed)") and "document" not in shown
    revealed = json.loads(cli("show", wallet_id, "--json", "--reveal").stdout)
    assert revealed["recipient"]["identity"].startswith("sha256$") and revealed["document"]
    assert cli("show", wallet_id, "--raw").stdout_bytes == assertion_bytes()
    human = cli("show", wallet_id[:6]).stdout
    assert "SQL Fundamentals" in human and "ESCO" in human and "alignments" in human
    # our own moments to the minute in UTC, not a raw ISO timestamp with microseconds
    assert re.search(r"^imported:\t\d{4}-\d\d-\d\d \d\d:\d\d UTC$", human, re.MULTILINE), human


def test_tag_note_remove(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(_folder(tmp_path)))
    wallet_id = json.loads(cli("list", "--json").stdout)[0]["id"]
    assert "job-search" in cli("tag", wallet_id, "job-search").stdout
    assert cli("note", wallet_id, "Portfolio piece").exit_code == 0
    shown = json.loads(cli("show", wallet_id, "--json").stdout)
    assert shown["user_tags"] == ["job-search"] and shown["notes"] == "Portfolio piece"
    refused = cli("remove", wallet_id)
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert cli("remove", wallet_id, "--yes").exit_code == 0
    missing = cli("show", wallet_id)
    assert missing.exit_code == 2 and "no credential with id" in missing.stderr


def test_profile_and_info(cli: Cli) -> None:
    assert cli("profile", "set-name", "Alex Morgan").exit_code == 0
    assert cli("profile", "add-identity", "alex@example.org").exit_code == 0
    assert json.loads(cli("profile", "--json").stdout) == {
        "name": "Alex Morgan",
        "identities": ["alex@example.org"],
    }
    assert cli("profile", "add-identity", "nonsense").exit_code == 2
    assert cli("profile", "remove-identity", "alex@example.org").exit_code == 0
    info = json.loads(cli("info", "--json").stdout)
    assert info["credentials"] == 0 and info["schema"][0] == "m001_initial"


def test_version_and_help(cli: Cli) -> None:
    assert cli("--version").stdout.startswith("credwallet ")
    help_text = cli("--help").stdout
    for command in ("import", "list", "show", "remove", "tag", "note", "profile", "info"):
        assert command in help_text
    assert "Exit status" in help_text


def test_wallet_option_uses_another_file(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "my.db"
    refused = cli("--wallet", str(other), "import", "-", input=assertion_bytes())
    assert refused.exit_code == 2 and "--create" in refused.stderr and not other.exists()
    cli("--wallet", str(other), "--create", "import", "-", input=assertion_bytes())
    assert other.exists()
    assert len(json.loads(cli("--wallet", str(other), "list", "--json").stdout)) == 1
    assert json.loads(cli("list", "--json").stdout) == []


def test_profile_load(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "profile.yaml"
    good.write_text("name: Alex Morgan\nidentities: [alex@example.org, https://alex.example.org]\n")
    assert cli("profile", "load", str(good)).exit_code == 0
    assert json.loads(cli("profile", "--json").stdout)["identities"] == [
        "alex@example.org",
        "https://alex.example.org",
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [1, 2\n")
    result = cli("profile", "load", str(bad))
    assert result.exit_code == 2 and str(bad) in result.stderr and "not valid YAML" in result.stderr
    extra = tmp_path / "extra.yaml"
    extra.write_text("name: A\nemail: a@example.org\n")
    assert "unknown key(s) email" in cli("profile", "load", str(extra)).stderr


def test_export_split_writes_one_safe_file_per_credential(cli: Cli, tmp_path: Path) -> None:
    hostile = assertion(id="https://badges.example.org/assertions/77")
    hostile["badge"]["name"] = "../../etc/passwd\u202e\x00 con"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps(hostile))
    (tmp_path / "in" / "b.json").write_bytes(assertion_bytes())
    cli("import", str(tmp_path / "in"))
    out = tmp_path / "out"
    result = cli("export", "resume", "--include-unverified", "--split", str(out), "--format", "md")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and all(n.endswith(".md") and "/" not in n and ".." not in n for n in names)
    assert not (tmp_path / "etc").exists()
    again = cli("export", "resume", "--include-unverified", "--split", str(out), "--format", "md")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_list_shows_clr_credentials_under_their_clr(cli: Cli) -> None:
    from tests.conftest import SAMPLE_DATA

    clr = SAMPLE_DATA / "ob3" / "riverton-business-analytics-record.clr.json"
    cli("import", str(clr), str(SAMPLE_DATA / "ob3" / "r-for-data-analysis.json"))
    rows = [line.split("\t") for line in cli("list").stdout.splitlines()]  # piped: tab-separated, no header
    record = next(i for i, row in enumerate(rows) if "Academic Record" in row[1])
    clr_id = rows[record][0]
    children = {row["id"] for row in json.loads(cli("list", "--json", "--clr", clr_id).stdout)}
    assert {row[0] for row in rows[record + 1 : record + 4]} == children and len(children) == 3
    assert len(rows) == 5

"""The résumé a recruiter reads, on the real sample wallet, and the backup / restore / remove commands."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli.sample_wallet import SAMPLE_DATA, Cli, install_sample_wallet, json_out

ISSUER_DOCUMENTS = SAMPLE_DATA / "issuer-documents"


@pytest.fixture
def verified(cli: Cli, wallet_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample wallet with its hosted badges verified from the issuers' documents (as the README does)."""
    sample = install_sample_wallet(cli, wallet_home, tmp_path_factory)
    assert cli("verify", "--all", "--documents", str(ISSUER_DOCUMENTS)).exit_code == 0
    return sample


def _entries(markdown: str) -> list[str]:
    """The top-level entry names of a Markdown résumé section, in order."""
    return [re.sub(r"\\(.)", r"\1", m) for m in re.findall(r"^- \*\*(.+?)\*\*", markdown, re.MULTILINE)]


def test_default_resume_folds_courses_and_never_lists_a_transcript_twice(cli: Cli, verified: dict[str, Any]) -> None:
    result = cli("export", "resume", "--format", "markdown")
    assert result.exit_code == 0
    names = _entries(result.stdout)
    assert "Graduate Certificate in Business Analytics" in names
    assert not any("Academic Record" in name for name in names)  # the CLR is represented by its certificate
    assert not any(name.startswith("BUSA") for name in names)  # university courses are not certifications
    block = result.stdout.split("**Graduate Certificate in Business Analytics**", 1)[1].split("\n- ", 1)[0]
    assert "  - BUSA 510: Database Design and SQL for Analytics" in block
    assert "  - BUSA 520: Business Statistics and Forecasting" in block
    assert names[0] == "Certified Associate Data Analyst (CADA)"  # certifications first
    assert len(names) == len(set(names))
    assert "urn:uuid:" not in result.stdout  # a machine id is not something a recruiter can open
    # what was left out, and why, goes to the learner on stderr, never into the pasted section
    assert "2 courses listed under their certificate or transcript" in result.stderr
    assert "1 expired (--include-expired)" in result.stderr and "courses on their own" in result.stderr
    assert "left out" not in result.stdout


def test_role_resume_ranks_required_skills_first(cli: Cli, verified: dict[str, Any]) -> None:
    names = _entries(cli("export", "resume", "--format", "markdown", "--role", "data-analyst").stdout)
    position = {name: index for index, name in enumerate(names)}
    pm = position["Project Management Essentials"]
    assert position["SQL Foundations for Data Analysis"] < pm
    assert position["Excel for Analysts: PivotTables and Power Query"] < pm
    assert names[0] == "Certified Associate Data Analyst (CADA)"


def test_group_by_skill_respects_the_limit_and_lists_each_credential_once(cli: Cli, verified: dict[str, Any]) -> None:
    result = cli("export", "resume", "--group-by", "skill", "--limit", "4", "--format", "markdown")
    names = _entries(result.stdout)
    sections = [line for line in result.stdout.splitlines() if line.startswith("### ")]
    assert len(names) == 4 and len(set(names)) == 4
    assert 1 <= len(sections) <= 4
    assert re.search(r"\d+ beyond --limit", result.stderr)


def test_every_entry_has_a_verification_link_once_published(
    cli: Cli, verified: dict[str, Any], tmp_path: Path
) -> None:
    plain = cli("export", "resume", "--format", "markdown")
    assert "without a public verification link" in plain.stderr
    folder = tmp_path / "site" / "credentials"
    result = cli(
        "export", "resume", "--format", "markdown", "--publish", str(folder),
        "--publish-url", "https://alex.example/credentials",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert lines and all("[Verify](https://" in line for line in lines)
    published = sorted(folder.iterdir())
    assert published and "without a public verification link" not in result.stderr
    for path in published:
        assert f"https://alex.example/credentials/{path.name}" in result.stdout
        checked = json_out(cli("verify", str(path), "--json"))  # the file proves itself: verify it as is
        assert [item["status"] for item in checked] == ["valid"], path.name


def test_publish_url_must_be_https(cli: Cli, verified: dict[str, Any], tmp_path: Path) -> None:
    result = cli("export", "resume", "--publish", str(tmp_path), "--publish-url", "http://alex.example/c")
    assert result.exit_code == 2 and result.stderr.startswith("error: --publish-url")


def test_unknown_export_choice_is_one_line_with_did_you_mean(cli: Cli, verified: dict[str, Any]) -> None:
    result = cli("export", "resume", "--format", "markdwn")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --format 'markdwn': choose markdown, text, json-resume, html, latex, md, txt, json or tex "
        "(did you mean markdown?)"
    ]


# --- backup, restore, remove --------------------------------------------------------------------------------


def test_backup_and_restore_of_several_files_and_the_old_spellings(
    cli: Cli, verified: dict[str, Any], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.cwbak", tmp_path / "b.cwbak"
    made = cli("backup", str(first))
    assert made.exit_code == 0 and f"to {first}" in made.stderr and re.search(r"backed up \d+ credentials", made.stderr)
    assert cli("export", "backup", str(second)).exit_code == 0  # the older spelling still works
    other = tmp_path / "other.db"
    restored = cli("--wallet", str(other), "--create", "restore", str(first), str(second), "--json")
    assert restored.exit_code == 0, restored.stderr
    report = json_out(restored)
    assert set(report["restored"]) == {row["id"] for row in verified["rows"]}
    assert set(report["duplicates"]) <= set(report["restored"]) or not report["duplicates"]
    again = cli("--wallet", str(other), "import", "--backup", str(first))  # the older spelling
    assert again.exit_code == 0 and "restored 0 credentials from 1 backup" in again.stdout
    missing = cli("restore", str(tmp_path / "nope.cwbak"))
    assert missing.exit_code == 2 and len(missing.stderr.splitlines()) == 1


def test_remove_a_clr_names_every_credential_that_goes(cli: Cli, verified: dict[str, Any]) -> None:
    rows = verified["rows"]
    clr = next(row for row in rows if row["format"] == "clr")
    inside = [row["id"] for row in json_out(cli("list", "--clr", clr["id"], "--json"))]
    refused = cli("remove", clr["id"])  # not a terminal and no --yes
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    removed = cli("remove", clr["id"], "--yes")
    assert removed.exit_code == 0
    said, _, ids = removed.stdout.strip().partition(": ")
    assert said == f"removed {len(inside) + 1} credentials" and set(ids.split(", ")) == {clr["id"], *inside}
    left = {row["id"] for row in json.loads(cli("list", "--json").stdout)}
    assert clr["id"] not in left and not left & set(inside)

"""A LinkedIn data export: certifications become self-reported credentials, skills become declared skills.

The files in `export/` are a fictional marketer's export laid out as LinkedIn's "Get a copy of your data"
writes it (column names and date forms as LinkedIn uses them; see export/README.md).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from credwallet.errors import InputError
from credwallet.linkedin import is_linkedin_input, parse_month, read_certifications, read_export, read_skills

EXPORT = Path(__file__).parent / "export"



def export_zip(folder: Path, *, inside: str = "", name: str = "Basic_LinkedInDataExport_11-28-2026.zip") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for csv_file in sorted(EXPORT.glob("*.csv")):
            archive.write(csv_file, f"{inside}{csv_file.name}")
    return path


def test_certifications_become_self_reports() -> None:
    reports, problems = read_certifications((EXPORT / "Certifications.csv").read_bytes())
    by_title = {r.title: r for r in reports}
    gda = by_title["Google Data Analytics Professional Certificate"]
    assert gda.issuer == "Coursera" and gda.issued == date(2024, 3, 1) and gda.expires is None
    assert gda.url == "https://www.coursera.org/account/accomplishments/professional-cert/2LSJ8TXY2KQW"
    assert gda.credential_id == "2LSJ8TXY2KQW" and gda.via == "LinkedIn data export"
    assert by_title["Google Analytics Certification"].expires == date(2026, 1, 1)
    assert by_title["Excel Skills for Business: Essentials"].issuer == "Macquarie University, Coursera"
    assert by_title["Brand Storytelling Workshop"].url is None  # javascript: is never kept
    undated = by_title["Content Strategy"]
    assert undated.issued is None and undated.issuer == "(issuer not given on LinkedIn)"
    assert len(reports) == 7
    assert problems == [
        "Certifications.csv: row 7 (Brand Storytelling Workshop): Url 'javascript:alert(1)' is not an http(s) "
        "address; left out",
        "Certifications.csv: row 8 (Content Strategy): issue date 'Sometime 2021' not understood; left out",
    ]


def test_skills_once_each_in_order() -> None:
    skills = read_skills((EXPORT / "Skills.csv").read_bytes())
    assert skills[:3] == ["Digital Marketing", "Search Engine Optimization (SEO)", "Google Analytics"]
    assert skills.count("Google Analytics") == 1 and len(skills) == 10


def test_bom_preamble_and_quoted_newlines() -> None:
    text = (
        '\ufeffNotes:\n"Exported by LinkedIn"\n\n'
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        '"Data\nStorytelling",https://example.org/c,"Acme, Inc.",2023-05-15,,X1\n'
    )
    reports, problems = read_certifications(text.encode("utf-8"))
    assert problems == [] and reports[0].title == "Data Storytelling" and reports[0].issued == date(2023, 5, 15)
    assert reports[0].issuer == "Acme, Inc."
    with pytest.raises(InputError, match=r"Certifications\.csv: no header row with Name, Authority"):
        read_certifications(b"Title,Company\nx,y\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_certifications(b"Name,Authority\n\xff\xfe,x\n")


def test_month_forms() -> None:
    assert parse_month("Jan 2023") == date(2023, 1, 1)
    assert parse_month("September 2021") == date(2021, 9, 1)
    assert parse_month("2022-07") == date(2022, 7, 1)
    assert parse_month("") is None and parse_month("soon") is None


def test_the_zip_with_its_files_at_the_root_or_in_a_folder(tmp_path: Path) -> None:
    for inside in ("", "Basic_LinkedInDataExport_11-28-2026/"):
        path = export_zip(tmp_path, inside=inside)
        assert is_linkedin_input(str(path))
        export = read_export(path)
        assert len(export.certifications) == 7 and len(export.skills) == 10 and len(export.problems) == 2
    assert is_linkedin_input(str(EXPORT / "Skills.csv"))
    assert not is_linkedin_input(str(EXPORT / "Profile.csv"))
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("a.txt", "x")
    assert not is_linkedin_input(str(other))
    named = tmp_path / "LinkedInDataExport_broken.zip"
    named.write_bytes(b"PK\x03\x04 truncated")
    assert is_linkedin_input(str(named))
    with pytest.raises(InputError, match="not a readable zip"):
        read_export(named)


def test_a_zip_bomb_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Skills.csv", "Name\n" + "x" * (5 * 1024 * 1024))
    with pytest.raises(InputError, match="over the 4,194,304"):
        read_export(path)


def test_import_stores_self_reported_credentials_and_declares_skills(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = export_zip(tmp_path)
    result = cli("import", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["imported"]) == 7 and report["errors"] == []
    assert set(report["status"].values()) <= {"unverified", "expired"}  # never valid
    assert report["declared_skills"][:2] == ["digital-marketing", "seo"]
    assert any("javascript:alert(1)" in note for note in report["notes"])
    listed = json.loads(cli("list", "--json").stdout)
    assert {row["format"] for row in listed} == {"self-reported"}
    assert "valid" not in {row["status"] for row in listed}
    declared = json.loads(cli("skills", "declared", "--json").stdout)
    assert {d["skill"] for d in declared} >= {"sql", "tableau", "digital-marketing"}
    assert all(d["level"] == 2 for d in declared)
    again = json.loads(cli("import", str(path), "--json").stdout)
    assert again["imported"] == [] and len(again["duplicates"]) == 7 and again["declared_skills"] == []


def test_a_declared_level_is_not_overwritten_and_the_csvs_import_alone(cli: Callable[..., Result]) -> None:
    assert cli("skills", "declare", "sql", "--level", "3", "--note", "weekly reports").exit_code == 0
    result = cli("import", str(EXPORT / "Skills.csv"), str(EXPORT / "Certifications.csv"), "--json")
    assert result.exit_code == 0
    declared = {d["skill"]: d for d in json.loads(cli("skills", "declared", "--json").stdout)}
    assert declared["sql"]["level"] == 3 and declared["sql"]["note"] == "weekly reports"


def test_an_unzipped_export_folder_imports_by_walking(cli: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport_11-28-2026"
    folder.mkdir()
    for csv_file in EXPORT.glob("*.csv"):
        (folder / csv_file.name).write_bytes(csv_file.read_bytes())
    report = json.loads(cli("import", str(tmp_path), "--json").stdout)
    assert len(report["imported"]) == 7 and report["errors"] == [] and report["declared_skills"]


ANALYST_ROLE = """\
format: 2
id: junior-data-analyst
title: Junior Data Analyst
core:
  - {skill: sql, level: 2, weight: 1.0, required: true}
  - {skill: data-cleaning, level: 3, weight: 0.8, required: true}
  - {skill: data-visualization, level: 3, weight: 0.8, required: true}
  - {any_of: [r, python], level: 2, weight: 0.6, need: 1, name: analysis language}
  - {skill: spreadsheets, level: 3, weight: 0.6}
"""


def _plan_steps(cli: Callable[..., Result], role: Path | str, *extra: str) -> tuple[list[str], list[str]]:
    result = cli("plan", "--role", str(role), "--start", "2027-01-04", "--json", *extra)
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    return [step["offering"] for step in plan["steps"]], plan["done"]


def test_the_marketer_with_the_google_certificate_is_never_offered_it_again(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    role = tmp_path / "junior-data-analyst.yaml"
    role.write_text(ANALYST_ROLE, "utf-8")
    without = tmp_path / "without"
    without.mkdir()
    rows = (EXPORT / "Certifications.csv").read_text("utf-8").splitlines(keepends=True)
    (without / "Certifications.csv").write_text("".join(r for r in rows if "Google Data Analytics" not in r), "utf-8")
    assert cli("import", str(without / "Certifications.csv")).exit_code == 0
    steps, _ = _plan_steps(cli, role)
    assert "google-data-analytics-certificate" in steps  # the cheapest way to this role for a marketer
    assert cli("import", str(export_zip(tmp_path))).exit_code == 0  # now with the certificate
    for extra in ((), ("--target-coverage", "100"), ("--minimize", "cost"), ("--include-foundation",)):
        steps, done = _plan_steps(cli, role, *extra)
        assert "google-data-analytics-certificate" not in steps, extra
        assert "google-data-analytics-certificate" in done
        assert not {s for s in steps if s.startswith("google-da-")}, steps  # nor its courses one by one
        steps, done = _plan_steps(cli, "data-analyst", *extra)
        assert "google-data-analytics-certificate" not in steps and "google-data-analytics-certificate" in done

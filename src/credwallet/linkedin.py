"""A LinkedIn data export ("Get a copy of your data"): certifications become self-reported credentials and
listed skills become declared skills.

LinkedIn delivers a zip (`Basic_LinkedInDataExport_MM-DD-YYYY.zip` or `Complete_...`) of CSV files, at its
root or in one folder. Two matter here:

* `Certifications.csv`: `Name,Url,Authority,Started On,Finished On,License Number`, one row per entry of the
  profile's "Licenses & certifications" (Started On is the issue date, Finished On the expiry, as months
  such as `Jan 2023`);
* `Skills.csv`: `Name`, one row per skill on the profile (no level: LinkedIn records none).

Files may start with a byte-order mark and, in some exports, with `Notes:` lines before the header; fields
may be quoted across lines. Either CSV can also be imported on its own (an unzipped export folder).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from credwallet.errors import InputError
from credwallet.selfreport import SelfReport

CERTIFICATIONS = "Certifications.csv"
SKILLS = "Skills.csv"
MEMBERS = (CERTIFICATIONS, SKILLS)
VIA = "LinkedIn data export"
# A complete export holds every message and post: the zip may be large, but only these two small files are
# read, each capped (a profile has at most a few hundred certifications and 100 skills).
MAX_MEMBER_BYTES = 4 * 1024 * 1024
MAX_ZIP_MEMBERS = 5_000
MAX_ROWS = 5_000
CERTIFICATION_COLUMNS = ("Name", "Url", "Authority", "Started On", "Finished On", "License Number")
EXPORT_ZIP = re.compile(r"linkedin.*export|export.*linkedin", re.IGNORECASE)
_DATE_FORMATS = ("%b %Y", "%B %Y", "%Y-%m-%d", "%Y-%m", "%m/%d/%Y", "%m/%d/%y", "%d %b %Y", "%b %d, %Y", "%Y")


@dataclass(slots=True)
class LinkedInExport:
    """What one export (or one of its CSV files) holds, and the rows that could not be used."""

    certifications: list[SelfReport] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_linkedin_input(name: str) -> bool:
    """A file `import` should read as a LinkedIn export: one of its CSV files, or a zip holding them."""
    base = os.path.basename(name)
    if base in MEMBERS:
        return True
    if not base.lower().endswith(".zip"):
        return False
    try:
        with zipfile.ZipFile(name) as archive:
            names = archive.namelist()[:MAX_ZIP_MEMBERS]
    except (OSError, zipfile.BadZipFile):
        return bool(EXPORT_ZIP.search(base))  # say what is wrong with it rather than "not a badge"
    return any(os.path.basename(member) in MEMBERS for member in names)


def walks_into(name: str) -> bool:
    """Whether a folder walk picks this file up (an export's CSVs, or a zip named like an export)."""
    return name in MEMBERS or (name.lower().endswith(".zip") and bool(EXPORT_ZIP.search(name)))


def parse_month(value: str) -> date | None:
    """`Jan 2023` (LinkedIn's form) and the other forms exports have used; None when empty or unknown."""
    text = " ".join(value.split())
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _rows(text: str, required: tuple[str, ...], label: str) -> list[dict[str, str]]:
    """CSV rows as dicts, after any `Notes:` preamble, checking that the header has the columns needed."""
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if line.startswith(required[0] + ",") or line.strip() == required[0]), None
    )
    if start is None:
        raise InputError(f"{label}: no header row with {', '.join(required)} (is this LinkedIn's {label}?)")
    reader = csv.DictReader(io.StringIO("".join(lines[start:])))
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{label}: the header lacks {', '.join(missing)}")
    rows = []
    for index, row in enumerate(reader):
        if index >= MAX_ROWS:
            raise InputError(f"{label}: more than {MAX_ROWS:,} rows")
        rows.append({key: (value or "").strip() for key, value in row.items() if isinstance(key, str)})
    return rows


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{label}: not UTF-8 text") from None


def read_certifications(data: bytes, label: str = CERTIFICATIONS) -> tuple[list[SelfReport], list[str]]:
    """Self-reports from `Certifications.csv` bytes, and one problem line per row that cannot be used."""
    from credwallet.selfreport import check_url

    reports: list[SelfReport] = []
    problems: list[str] = []
    for number, row in enumerate(_rows(_decode(data, label), ("Name", "Authority"), label), start=2):
        title = " ".join(row.get("Name", "").split())
        if not title:
            continue  # LinkedIn writes nothing else without a name
        issued_text, expires_text = row.get("Started On", ""), row.get("Finished On", "")
        issued, expires = parse_month(issued_text), parse_month(expires_text)
        if issued_text and issued is None:
            problems.append(f"{label}: row {number} ({title}): issue date {issued_text!r} not understood; left out")
        try:
            url = check_url(row.get("Url") or None, "Url")
        except InputError:
            problems.append(
                f"{label}: row {number} ({title}): Url {row.get('Url')!r} is not an http(s) address; left out"
            )
            url = None
        reports.append(
            SelfReport(
                title=title,
                issuer=" ".join(row.get("Authority", "").split()) or "(issuer not given on LinkedIn)",
                issued=issued,
                url=url,
                credential_id=row.get("License Number") or None,
                expires=expires if expires and (issued is None or expires >= issued) else None,
                via=VIA,
            )
        )
    return reports, problems


def read_skills(data: bytes, label: str = SKILLS) -> list[str]:
    """Skill names from `Skills.csv` bytes, once each, in the profile's order."""
    names = (" ".join(row.get("Name", "").split()) for row in _rows(_decode(data, label), ("Name",), label))
    return list(dict.fromkeys(name for name in names if name))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(f"{label}: {info.filename} is {info.file_size:,} bytes, over the {MAX_MEMBER_BYTES:,} limit")
    with archive.open(info) as stream:
        data = stream.read(MAX_MEMBER_BYTES + 1)  # the header's size may lie; the read never does
    if len(data) > MAX_MEMBER_BYTES:
        raise InputError(f"{label}: {info.filename} is over the {MAX_MEMBER_BYTES:,}-byte limit")
    return data


def read_export(path: str | Path) -> LinkedInExport:
    """Everything useful in a LinkedIn export zip, `Certifications.csv` or `Skills.csv`."""
    name = os.fspath(path)
    label = os.path.basename(name)
    export = LinkedInExport()
    contents: dict[str, bytes] = {}
    if label in MEMBERS:
        from credwallet.formats.detect import read_capped

        contents[label] = read_capped(name, limit=MAX_MEMBER_BYTES)
    else:
        try:
            with zipfile.ZipFile(name) as archive:
                infos = archive.infolist()
                if len(infos) > MAX_ZIP_MEMBERS:
                    raise InputError(f"{label}: more than {MAX_ZIP_MEMBERS:,} files in the zip")
                for info in infos:
                    base = os.path.basename(info.filename)
                    if base in MEMBERS and base not in contents and not info.is_dir():
                        contents[base] = _read_member(archive, info, label)
        except FileNotFoundError:
            raise InputError(f"{label}: no such file") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
            raise InputError(f"{label}: not a readable zip ({exc})") from None
        if not contents:
            raise InputError(f"{label}: no {CERTIFICATIONS} or {SKILLS} in this zip (is it a LinkedIn data export?)")
    if CERTIFICATIONS in contents:
        export.certifications, export.problems = read_certifications(contents[CERTIFICATIONS], CERTIFICATIONS)
    if SKILLS in contents:
        export.skills = read_skills(contents[SKILLS], SKILLS)
    return export

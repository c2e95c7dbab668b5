"""JSON Resume (jsonresume.org): a document whose `certificates` (and, with skills, `skills`) are filled.

The schema bundled in `data/jsonresume/` (MIT) is the reference; `validate` checks a document against it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from credwallet.export.common import flags, month_year, skill_label
from credwallet.export.entries import ResumeEntry, ResumeOptions

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def document(entries: Sequence[ResumeEntry], options: ResumeOptions) -> dict[str, Any]:
    """The JSON Resume document as a dict, for callers that merge it into a résumé they already have.

    JSON Resume has no field for expiry or verification status, so an entry a default export would leave
    out carries its marks in its name ("Name (expired Mar 2023)").
    """
    certificates = [certificate(entry) for entry in entries]
    resume: dict[str, Any] = {"$schema": SCHEMA_URL, "certificates": certificates}
    if options.with_skills:
        resume["skills"] = skills_section(entries, options)
    resume["meta"] = {"version": "v1.0.0"}
    return resume


def certificate(entry: ResumeEntry) -> dict[str, str]:
    marks = flags(entry)
    if entry.expired and entry.expires_on is not None:
        marks.append(f"expired {month_year(entry.expires_on)}")
    item = {"name": f"{entry.name} ({', '.join(marks)})" if marks else entry.name}
    if entry.issued_on is not None:
        item["date"] = entry.issued_on.isoformat()
    item["issuer"] = entry.issuer
    if entry.verification_url:
        item["url"] = entry.verification_url
    return item


def skills_section(entries: Sequence[ResumeEntry], options: ResumeOptions) -> list[dict[str, Any]]:
    """One skill per evidenced skill, in order of first evidence, its keywords the credentials behind it."""
    evidence: dict[str, list[str]] = {}
    for entry in entries:
        for skill in entry.skills:
            names = evidence.setdefault(skill_label(skill, options), [])
            if entry.name not in names:
                names.append(entry.name)
    return [{"name": label, "keywords": names} for label, names in evidence.items()]


def render(entries: Sequence[ResumeEntry], options: ResumeOptions) -> str:
    return json.dumps(document(entries, options), indent=2, ensure_ascii=False) + "\n"


@cache
def load_schema() -> dict[str, Any]:
    """The bundled JSON Resume schema (draft-07)."""
    path = resources.files("credwallet") / "data" / "jsonresume" / "schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def validate(resume: dict[str, Any]) -> list[str]:
    """Schema violations of a JSON Resume document, one line each (empty when it is valid)."""
    from jsonschema import Draft7Validator

    validator = Draft7Validator(load_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(resume), key=lambda e: [str(p) for p in e.absolute_path])
    ]

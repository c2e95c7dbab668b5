"""Plain text: for web forms and plain-text résumés, where nothing is interpreted and nothing is escaped.

Entry text was already stripped of control characters, so nothing here can move the cursor or reorder text.
"""

from __future__ import annotations

from collections.abc import Sequence

from credwallet.export.common import (
    EMPTY_NOTE,
    date_parts,
    flags,
    group_entries,
    heading,
    shown_credential_id,
    skill_labels,
)
from credwallet.export.entries import ResumeEntry, ResumeOptions


def render(entries: Sequence[ResumeEntry], options: ResumeOptions) -> str:
    """A titled block per credential: name and issuer, then dates, id, link and skills indented."""
    title = heading(options)
    lines = [title, "=" * len(title), ""]
    if not entries:
        lines += [EMPTY_NOTE, ""]
    for group, members in group_entries(entries, options):
        if group is not None:
            lines += [group, "-" * len(group), ""]
        for entry in members:
            lines += entry_lines(entry, options)
            lines.append("")
    return "\n".join(lines)


def entry_lines(entry: ResumeEntry, options: ResumeOptions) -> list[str]:
    marks = flags(entry)
    head = f"{entry.name} — {entry.issuer}"
    if marks:
        head += f" ({', '.join(marks)})"
    lines = [head]
    dates = date_parts(entry)
    if dates:
        lines.append("  " + " · ".join(dates))
    credential_id = shown_credential_id(entry)
    if credential_id:
        lines.append(f"  Credential ID: {credential_id}")
    lines += [f"  Includes: {course}" for course in entry.includes]
    if entry.verification_url:
        lines.append(f"  Verify: {entry.verification_url}")
    if options.with_skills and entry.skills:
        lines.append("  Skills: " + ", ".join(skill_labels(entry, options)))
    return lines

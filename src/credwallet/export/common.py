"""What every renderer shares: date wording, status flags, skill labels and grouping.

Kept apart so the five formats say the same thing in the same words; each renderer only escapes and lays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from credwallet.export.entries import ResumeEntry, ResumeOptions

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNDATED = "Undated"
NO_SKILL = "Other"
EMPTY_NOTE = "No credentials match these options."

Group = tuple[str | None, list[ResumeEntry]]


def month_year(day: date) -> str:
    """'Mar 2024': the form résumés use and applicant tracking systems parse."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def date_items(entry: ResumeEntry) -> list[tuple[str, date]]:
    """('Issued', day), then ('valid until', day) or ('expired', day): the dates a reader needs."""
    items: list[tuple[str, date]] = []
    if entry.issued_on is not None:
        items.append(("Issued", entry.issued_on))
    if entry.expires_on is not None:
        items.append(("expired" if entry.expired else "valid until", entry.expires_on))
    return items


def date_parts(entry: ResumeEntry) -> list[str]:
    """'Issued Mar 2024', 'valid until Mar 2027' or 'expired Mar 2023', in that order."""
    return [f"{label} {month_year(day)}" for label, day in date_items(entry)]


def flags(entry: ResumeEntry) -> list[str]:
    """Marks for entries a default export would leave out, so a reader is never misled. An expired entry
    with an expiry date says so in its dates ('expired Mar 2023'), so it is marked only without one."""
    marks: list[str] = []
    if entry.status == "unverified":
        marks.append("unverified")
    elif entry.status == "invalid":
        marks.append("failed verification")
    if entry.expired and entry.expires_on is None:
        marks.append("expired")
    return marks


def skill_label(skill: str, options: ResumeOptions) -> str:
    return options.skill_labels.get(skill, skill)


def skill_labels(entry: ResumeEntry, options: ResumeOptions) -> list[str]:
    return [skill_label(s, options) for s in entry.skills]


def heading(options: ResumeOptions) -> str:
    """The section title, naming the role when the list was filtered for one."""
    if options.role:
        return f"{options.title} relevant to {options.role}"
    return options.title


def group_entries(entries: Sequence[ResumeEntry], options: ResumeOptions) -> list[Group]:
    """Entries under headings (issuer, skill or year); one untitled group when not grouping.

    Issuers and skills appear in the order of their first entry, so a relevance ranking still leads;
    years run newest first. An entry evidencing several skills appears under each.
    """
    if options.group_by is None:
        return [(None, list(entries))]
    groups: dict[str, list[ResumeEntry]] = {}
    for entry in entries:
        if options.group_by == "issuer":
            keys = [entry.issuer]
        elif options.group_by == "year":
            keys = [str(entry.issued_on.year) if entry.issued_on else UNDATED]
        else:
            keys = skill_labels(entry, options) or [NO_SKILL]
        for key in keys:
            groups.setdefault(key, []).append(entry)
    ordered = list(groups.items())
    if options.group_by == "year":
        ordered.sort(key=lambda item: (item[0] == UNDATED, -int(item[0]) if item[0].isdigit() else 0))
    elif options.group_by == "skill" and NO_SKILL in groups:
        ordered = [item for item in ordered if item[0] != NO_SKILL] + [(NO_SKILL, groups[NO_SKILL])]
    return [(key, members) for key, members in ordered]

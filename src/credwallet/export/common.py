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


def shown_credential_id(entry: ResumeEntry) -> str | None:
    """The credential id when a reader can use it (a certificate number), not a machine id (`urn:uuid:…`,
    a DID, a URL: the verification link stands for those)."""
    value = entry.credential_id
    if not value or value == entry.verification_url:
        return None
    if value.lower().startswith(("urn:", "did:", "http://", "https://")):
        return None
    return value


def includes_text(entry: ResumeEntry) -> str:
    """`includes BUSA 510: …; BUSA 520: …` for a certificate or transcript with courses folded under it."""
    return "includes " + "; ".join(entry.includes) if entry.includes else ""


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
    years run newest first. Every entry appears once: by skill, under its main skill (see `main_skill`).
    """
    if options.group_by is None:
        return [(None, list(entries))]
    groups: dict[str, list[ResumeEntry]] = {}
    shared = _skill_counts(entries) if options.group_by == "skill" else {}
    for entry in entries:
        if options.group_by == "issuer":
            key = entry.issuer
        elif options.group_by == "year":
            key = str(entry.issued_on.year) if entry.issued_on else UNDATED
        else:
            main = main_skill(entry, options, shared)
            key = skill_label(main, options) if main else NO_SKILL
        groups.setdefault(key, []).append(entry)
    ordered = list(groups.items())
    if options.group_by == "year":
        ordered.sort(key=lambda item: (item[0] == UNDATED, -int(item[0]) if item[0].isdigit() else 0))
    elif options.group_by == "skill" and NO_SKILL in groups:
        ordered = [item for item in ordered if item[0] != NO_SKILL] + [(NO_SKILL, groups[NO_SKILL])]
    return [(key, members) for key, members in ordered]


def _skill_counts(entries: Sequence[ResumeEntry]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in entries:
        for skill in entry.skills:
            counts[skill] = counts.get(skill, 0) + 1
    return counts


def main_skill(entry: ResumeEntry, options: ResumeOptions, shared: dict[str, int]) -> str | None:
    """The one skill an entry is listed under: for a role, its first (the relevance engine lists the role's
    most important skills first); otherwise the skill it shares with most other entries, so the groups are
    few and full rather than one per skill."""
    if not entry.skills:
        return None
    if options.role:
        return entry.skills[0]
    return max(entry.skills, key=lambda skill: (shared.get(skill, 0), -entry.skills.index(skill)))

"""Markdown: one list line per credential that renders on GitHub and reads cleanly when an ATS strips it."""

from __future__ import annotations

import re
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

# Characters that start markup in GitHub-flavoured Markdown (emphasis, links, code, HTML, tables,
# strikethrough, math), backslash-escaped as CommonMark allows. Only where they would be markup: `&` that
# starts an entity, `#` that could open or close a heading; parentheses and `!` are markup only after a `]`,
# which is always escaped. So "Data Ethics & Privacy (CADA)" and "C#" read as they are when pasted as text.
_META = re.compile(r"([\\`*_\[\]<>|~$])|&(?=#?[A-Za-z0-9]+;)|(?:^|(?<=\s))#")
# Characters no URI may hold raw (RFC 3986), percent-encoded; parentheses, which a URI may hold, are
# backslash-escaped instead so the link target stays exactly the same.
_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in "<>\\` \"{}|^"} | {"(": "\\(", ")": "\\)"}


# What makes a line a list item, heading underline or ordered list when it starts the line.
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Credential text as literal Markdown: every metacharacter backslash-escaped, and a leading list or
    underline marker too, so the text stays literal even where it starts a line."""
    return _LINE_START.sub(_escape_marker, _META.sub(_escape_meta, text), count=1)


def _escape_meta(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(0)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker  # '1\.' but '\-'


def escape_url(url: str) -> str:
    """A link destination that cannot end the link early or open markup."""
    return "".join(_URL_UNSAFE.get(c, c) for c in url)


def render(entries: Sequence[ResumeEntry], options: ResumeOptions) -> str:
    """A `##` section with `###` group headings and one `- ` line per credential."""
    lines = [f"## {escape(heading(options))}", ""]
    if not entries:
        lines += [f"_{escape(EMPTY_NOTE)}_", ""]
    for title, members in group_entries(entries, options):
        if title is not None:
            lines += [f"### {escape(title)}", ""]
        lines += [entry_line(entry, options) for entry in members]
        lines.append("")
    return "\n".join(lines)


def entry_line(entry: ResumeEntry, options: ResumeOptions) -> str:
    """'- **Name** — Issuer · Issued Mar 2024 · valid until Mar 2027 · ID: x · [Verify](https://...)'."""
    parts = [f"**{escape(entry.name)}** — {escape(entry.issuer)}"]
    parts += date_parts(entry)
    marks = flags(entry)
    if marks:
        parts.append(f"_{escape(', '.join(marks))}_")
    credential_id = shown_credential_id(entry)
    if credential_id:
        parts.append(f"Credential ID: {escape(credential_id)}")
    if entry.verification_url:
        parts.append(f"[Verify]({escape_url(entry.verification_url)})")
    if options.with_skills and entry.skills:
        parts.append("Skills: " + escape(", ".join(skill_labels(entry, options))))
    line = "- " + " · ".join(parts)
    return "\n".join([line, *(f"  - {escape(course)}" for course in entry.includes)])

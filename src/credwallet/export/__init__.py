"""Résumé export: entries built once from the wallet's credentials, one pure renderer per format, the
LinkedIn add-to-profile link and safe file writing.

    entries = build_entries(credentials, ResumeOptions(with_skills=True), relevance)
    text = render(entries, "markdown", options)
"""

from __future__ import annotations

from credwallet.export.entries import (
    ResumeEntry,
    ResumeOptions,
    build_entries,
    entry_from_credential,
)
from credwallet.export.files import (
    entry_filename,
    path_inside,
    safe_filename,
    write_bytes_safely,
    write_text_safely,
)
from credwallet.export.linkedin import linkedin_url
from credwallet.export.render import EXTENSIONS, FORMATS, canonical_format, render

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ResumeEntry",
    "ResumeOptions",
    "build_entries",
    "canonical_format",
    "entry_filename",
    "entry_from_credential",
    "linkedin_url",
    "path_inside",
    "render",
    "safe_filename",
    "write_bytes_safely",
    "write_text_safely",
]

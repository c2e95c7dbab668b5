"""One entry point for every résumé format; each renderer module is imported only when it is used."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from credwallet.errors import InputError
from credwallet.export.entries import ResumeEntry, ResumeOptions, check_options

FORMATS: tuple[str, ...] = ("markdown", "text", "json-resume", "html", "latex")
# File extensions for each format, for `-o` defaults and one-file-per-credential exports.
EXTENSIONS: dict[str, str] = {
    "markdown": ".md",
    "text": ".txt",
    "json-resume": ".json",
    "html": ".html",
    "latex": ".tex",
}
ALIASES: dict[str, str] = {"md": "markdown", "txt": "text", "json": "json-resume", "tex": "latex"}

Renderer = Callable[[Sequence[ResumeEntry], ResumeOptions], str]


def canonical_format(name: str) -> str:
    """The format's canonical name; common aliases (md, txt, json, tex) accepted."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        raise InputError(f"unknown export format '{name}': use one of {', '.join(FORMATS)}")
    return key


def renderer(format_name: str) -> Renderer:
    key = canonical_format(format_name)
    if key == "markdown":
        from credwallet.export.markdown import render as markdown
        return markdown
    if key == "text":
        from credwallet.export.text import render as text
        return text
    if key == "json-resume":
        from credwallet.export.jsonresume import render as json_resume
        return json_resume
    if key == "html":
        from credwallet.export.html import render as html
        return html
    from credwallet.export.latex import render as latex
    return latex


def render(entries: Sequence[ResumeEntry], format: str, options: ResumeOptions | None = None) -> str:
    """The résumé section as text in `format` (one of FORMATS); pure: same entries, same output."""
    chosen = options if options is not None else ResumeOptions()
    check_options(chosen)
    return renderer(format)(entries, chosen)

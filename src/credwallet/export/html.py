"""HTML: one self-contained page (inline CSS, print styles), every piece of credential text escaped.

Badge images appear only as <img> sources (https or base64 data:image URIs, vetted in entries), never as
inlined SVG markup, and a Content-Security-Policy forbids scripts even if something slipped through.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from credwallet.export.common import (
    EMPTY_NOTE,
    date_items,
    flags,
    group_entries,
    heading,
    month_year,
    shown_credential_id,
    skill_labels,
)
from credwallet.export.entries import ResumeEntry, ResumeOptions

CSP = "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'"

CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #1f2328; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 1.25rem; border-bottom: 2px solid #1f2328; padding-bottom: .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; color: #444c56; }
ul.credentials { list-style: none; margin: 0; padding: 0; }
li.credential { display: flex; gap: .9rem; align-items: flex-start; padding: .7rem 0;
                border-bottom: 1px solid #d8dee4; }
li.credential:last-child { border-bottom: 0; }
img.badge { width: 3.5rem; height: 3.5rem; object-fit: contain; flex: none; }
.name { font-weight: 600; font-size: 1.05rem; margin: 0; }
.issuer, .dates, .meta { margin: .1rem 0; }
.issuer { color: #444c56; }
.dates, .meta { font-size: .92rem; color: #57606a; }
ul.includes { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .92rem; color: #57606a; }
.flag { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase;
        letter-spacing: .03em; color: #9a6700; border: 1px solid #d4a72c; border-radius: 3px;
        padding: 0 .3rem; margin-left: .4rem; vertical-align: middle; }
code { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: .88em;
       word-break: break-all; }
a { color: #0969da; }
.empty { color: #57606a; font-style: italic; }
@media print {
  @page { margin: 1.5cm; }
  body { font-size: 11pt; color: #000; }
  main { max-width: none; margin: 0; padding: 0; }
  h1 { border-color: #000; }
  li.credential { break-inside: avoid; page-break-inside: avoid; border-color: #999; }
  img.badge { width: 1.6cm; height: 1.6cm; }
  a { color: #000; text-decoration: none; }
  a.verify::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
  .flag { color: #000; border-color: #000; }
}
""".strip()


def _e(text: str) -> str:
    return escape(text, quote=True)


def render(entries: Sequence[ResumeEntry], options: ResumeOptions) -> str:
    """A complete HTML5 document: a heading, optional group headings, one list item per credential."""
    title = heading(options)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="generator" content="credwallet">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
    ]
    if not entries:
        out.append(f'<p class="empty">{_e(EMPTY_NOTE)}</p>')
    for group, members in group_entries(entries, options):
        out.append("<section>")
        if group is not None:
            out.append(f"<h2>{_e(group)}</h2>")
        out.append('<ul class="credentials">')
        out += [entry_item(entry, options) for entry in members]
        out += ["</ul>", "</section>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def entry_item(entry: ResumeEntry, options: ResumeOptions) -> str:
    parts = ['<li class="credential">']
    if entry.image:
        src = _e(entry.image)
        parts.append(f'<img class="badge" src="{src}" alt="" width="56" height="56" loading="lazy">')
    parts.append("<div>")
    name = f'<p class="name">{_e(entry.name)}'
    name += "".join(f' <span class="flag">{_e(mark)}</span>' for mark in flags(entry))
    parts.append(name + "</p>")
    if entry.issuer_url:
        parts.append(f'<p class="issuer"><a href="{_e(entry.issuer_url)}" rel="noopener noreferrer">'
                     f"{_e(entry.issuer)}</a></p>")
    else:
        parts.append(f'<p class="issuer">{_e(entry.issuer)}</p>')
    dates = _dates(entry)
    if dates:
        parts.append(f'<p class="dates">{dates}</p>')
    credential_id = shown_credential_id(entry)
    if credential_id:
        parts.append(f'<p class="meta">Credential ID: <code>{_e(credential_id)}</code></p>')
    if entry.includes:
        parts.append('<ul class="includes">' + "".join(f"<li>{_e(c)}</li>" for c in entry.includes) + "</ul>")
    if entry.verification_url:
        parts.append(f'<p class="meta"><a class="verify" href="{_e(entry.verification_url)}" '
                     f'rel="noopener noreferrer">Verify credential</a></p>')
    if options.with_skills and entry.skills:
        parts.append(f'<p class="meta">Skills: {_e(", ".join(skill_labels(entry, options)))}</p>')
    parts += ["</div>", "</li>"]
    return "\n".join(parts)


def _dates(entry: ResumeEntry) -> str:
    """Dates in <time> elements so the page is machine-readable as well as printable."""
    return " · ".join(
        f'{_e(label)} <time datetime="{day.isoformat()}">{_e(month_year(day))}</time>'
        for label, day in date_items(entry)
    )

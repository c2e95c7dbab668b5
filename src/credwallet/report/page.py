"""The report as one self-contained HTML page: semantic sections, inline CSS and SVG, no script, no remote load.

Every piece of text from a credential, role or catalog goes through `esc`; links are https URLs vetted
upstream and rendered only as plain <a href>; images are embedded data: URIs of cleaned rasters. A
Content-Security-Policy forbids scripts and remote loads even if something slipped through. The sections
live in cards_html.py and sections.py; shared text pieces in text.py.
"""

from __future__ import annotations

from credwallet.report.cards_html import credentials_section
from credwallet.report.model import Report
from credwallet.report.sections import gap_section, matches_section, pathway_section
from credwallet.report.style import CSP, CSS
from credwallet.report.svg import esc, icon_sprite, short_date
from credwallet.report.text import hours, pct, time_tag
from credwallet.wording import plural

GENERATOR = "credwallet report"


def render(report: Report) -> str:
    """The complete page."""
    image_css = "".join(f'\n.img-{key} {{ background-image: url("{uri}"); }}' for key, uri in report.images.items())
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="{GENERATOR}">',
        f"<title>{esc(report.title)}</title>",
        f"<style>\n{CSS}\n.badge {{ display: block; width: 56px; height: 56px; border-radius: 8px;"
        f" background: center / contain no-repeat; }}{image_css}\n</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        icon_sprite(),
        _masthead(report),
        '<main id="main" class="wrap">',
    ]
    for note in report.notes:
        out.append(f'<p class="note">{esc(note)}</p>')
    out.append(credentials_section(report))
    if report.gap is not None:
        out.append(gap_section(report.gap))
    if report.pathway is not None:
        out.append(pathway_section(report.pathway))
    if report.matches:
        out.append(matches_section(report.matches))
    out += ["</main>", _footer(report), "</body>", "</html>", ""]
    return "\n".join(out)


def _masthead(report: Report) -> str:
    total = len(report.cards)
    valid = report.count("valid")
    tiles = [
        f'<li><span class="big">{total}</span><span class="small">credentials, {valid} verified</span></li>'
    ]
    if report.gap is not None:
        tiles.append(
            f'<li><span class="big">{pct(report.gap.coverage)}</span><span class="small">of '
            f"{esc(report.gap.title)} skills met ({pct(report.gap.progress)} progress)</span></li>"
        )
    if report.pathway is not None and report.pathway.steps:
        path = report.pathway
        finish = f", done by {esc(short_date(path.finish))}" if path.finish else ""
        tiles.append(
            f'<li><span class="big">{plural(len(path.steps), "step")}</span><span class="small">'
            f"{hours(path.total_hours)} of study{finish}</span></li>"
        )
    sections = [("credentials", "Credentials")]
    if report.gap is not None:
        sections.append(("gap", "Skills gap"))
    if report.pathway is not None:
        sections.append(("pathway", "Pathway"))
    if report.matches:
        sections.append(("roles", "Closest roles"))
    toc = "".join(f'<li><a href="#{key}">{esc(label)}</a></li>' for key, label in sections)
    return (
        '<header class="masthead"><div class="wrap">'
        f"<h1>{esc(report.title)}</h1>"
        f'<p class="lede">Made on {time_tag(report.generated_at.date())} from the credwallet wallet on this '
        "computer, offline: nothing on this page was loaded from the internet.</p>"
        f'<ul class="glance">{"".join(tiles)}</ul>'
        f'<nav class="toc" aria-label="Sections"><ul>{toc}</ul></nav>'
        "</div></header>"
    )


def _footer(report: Report) -> str:
    return (
        '<footer class="wrap">'
        "<p>Made by credwallet from the learner's own wallet. Verification ran on this computer; a credential "
        "marked verified had its signature or hosted copy, issuer, dates and revocation checked.</p>"
        "<p>Role profiles include information from the O*NET 29.3 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license, modified by "
        "credwallet; and data from ESCO v1.2.0, © European Union.</p>"
        f"<p>{len(report.cards)} credentials · generated {esc(report.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p>"
        "</footer>"
    )

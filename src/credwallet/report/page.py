"""The report as one self-contained HTML page: semantic sections, inline CSS and SVG, no script, no remote load.

Every piece of text from a credential, role or catalog goes through `esc`; links are https URLs vetted
upstream and rendered only as plain <a href>; images are embedded data: URIs of cleaned rasters. A
Content-Security-Policy forbids scripts and remote loads even if something slipped through.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from credwallet.report.model import (
    STATUS_LABELS,
    TIER_LABELS,
    Card,
    Evidence,
    Gap,
    Pathway,
    Report,
    RoleMatch,
    SkillRow,
    StatusGroup,
    Step,
)
from credwallet.report.style import CSP, CSS
from credwallet.report.svg import (
    esc,
    gantt,
    icon,
    icon_sprite,
    level_bar,
    monogram,
    share_bar,
    short_date,
)

GENERATOR = "credwallet report"
MAX_CHIPS = 5
STATUS_WORDS = {"met": "met", "partial": "partly met", "missing": "missing"}
TIER_WORDS = {"unverified": "unverified", "self-reported": "self-reported", "declared": "declared"}


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _money(amount: float, currency: str) -> str:
    if not amount:
        return "free"
    return f"{amount:,.0f} {currency}" if float(amount).is_integer() else f"{amount:,.2f} {currency}"


def _hours(hours: float) -> str:
    return f"{hours:,.0f} h" if float(hours).is_integer() else f"{hours:,.1f} h"


def _link(url: str | None, text: str, css: str = "out") -> str:
    """A plain link the reader may follow (https, vetted upstream); never a resource the page loads."""
    if not url:
        return esc(text)
    return f'<a class="{css}" href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def _time(day: date) -> str:
    return f'<time datetime="{day.isoformat()}">{esc(short_date(day))}</time>'


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
    out.append(_credentials(report))
    if report.gap is not None:
        out.append(_gap(report.gap))
    if report.pathway is not None:
        out.append(_pathway(report.pathway))
    if report.matches:
        out.append(_matches(report.matches))
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
            f'<li><span class="big">{_pct(report.gap.coverage)}</span><span class="small">of '
            f"{esc(report.gap.title)} skills met ({_pct(report.gap.progress)} progress)</span></li>"
        )
    if report.pathway is not None and report.pathway.steps:
        path = report.pathway
        finish = f", done by {esc(short_date(path.finish))}" if path.finish else ""
        tiles.append(
            f'<li><span class="big">{len(path.steps)} steps</span><span class="small">'
            f"{_hours(path.total_hours)} of study{finish}</span></li>"
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
        f'<p class="lede">Made on {_time(report.generated_at.date())} from the credwallet wallet on this '
        "computer, offline: nothing on this page was loaded from the internet.</p>"
        f'<ul class="glance">{"".join(tiles)}</ul>'
        f'<nav class="toc" aria-label="Sections"><ul>{toc}</ul></nav>'
        "</div></header>"
    )


def _credentials(report: Report) -> str:
    parts = [
        '<section class="part" id="credentials" aria-labelledby="credentials-h">',
        '<h2 id="credentials-h">Your credentials</h2>',
    ]
    if not report.groups:
        parts.append('<p class="intro">The wallet is empty: import badges with <code>credwallet import</code>.</p>')
    else:
        counts = "".join(
            f"<li>{icon(g.status)} {esc(g.label)}: <b>{len(g.cards)}</b></li>" for g in report.groups
        )
        counting = (
            "Only credentials verified as valid count towards the skills below."
            if report.verified_only
            else "Expired, revoked and failed ones do not count towards the skills below; the others do, "
            "marked by how strong their evidence is."
        )
        parts.append(
            '<p class="intro">Every credential in the wallet, grouped by what verification found. '
            f"{counting}</p>"
            f'<ul class="counts" aria-label="Credentials by status">{counts}</ul>'
        )
        parts += [_group(group, report.trust_list) for group in report.groups]
    if report.declared:
        chips = "".join(f"<li>{esc(label)} (level {level})</li>" for label, level in report.declared)
        parts.append(
            '<section class="group" aria-labelledby="group-declared" data-status="declared">'
            f'<h3 id="group-declared">Skills you declared ({len(report.declared)})</h3>'
            '<p class="intro">Your own word, with no credential behind it: the weakest evidence, counted at '
            f'level 3 at most.</p><ul class="chips declared">{chips}</ul></section>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _group(group: StatusGroup, trust_list: bool) -> str:
    heading_id = f"group-{group.status}"
    cards = "\n".join(_card(card, trust_list) for card in group.cards)
    return (
        f'<section class="group" aria-labelledby="{heading_id}" data-status="{esc(group.status)}">'
        f'<h3 id="{heading_id}">{icon(group.status)} {esc(group.label)} ({len(group.cards)})</h3>'
        f'<ul class="cards">\n{cards}\n</ul></section>'
    )


def _dates(card: Card) -> str:
    parts = []
    if card.issued_on is not None:
        parts.append(f"Issued {_time(card.issued_on)}")
    if card.expires_on is not None:
        word = "expired" if card.status == "expired" else "valid until"
        parts.append(f"{word} {_time(card.expires_on)}")
    elif card.issued_on is not None:
        parts.append("no expiry")
    return " · ".join(parts) or "No issue date"


def _card(card: Card, trust_list: bool) -> str:
    if card.image is not None:
        art = f'<span class="badge img-{esc(card.image)}" role="img" aria-label="Badge image: {esc(card.name)}"></span>'
    else:
        art = monogram(card.monogram, card.issuer)
    issuer = _link(card.issuer_url, card.issuer)
    if trust_list and card.trusted_issuer:
        issuer += f' <span class="trusted">{icon("trusted")} trusted issuer</span>'
    elif trust_list and card.trusted_issuer is False:
        issuer += ' <span class="untrusted">(not on your trust list)</span>'
    meta = []
    if card.part_of:
        meta.append(f"Part of {esc(card.part_of)}")
    if card.recipient:
        meta.append(f"issued to {esc(card.recipient)}")
    if card.verify_url:
        meta.append(_link(card.verify_url, "issuer's copy", "verify"))
    parts = [
        f'<li class="card st-{esc(card.status)}" id="c-{esc(card.id)}" data-id="{esc(card.id)}" '
        f'data-status="{esc(card.status)}">',
        f'<div class="art">{art}</div>',
        f'<div class="head"><h4>{esc(card.name)}</h4><p class="issuer">{issuer}</p>',
        f'<p class="dates">{_dates(card)}</p></div>',
        f'<p class="verdict"><strong>{icon(card.status)} {esc(STATUS_LABELS.get(card.status, card.status))}</strong>'
        f' <span class="why">{esc(card.reason)}</span></p>',
    ]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if card.skills:
        shown = card.skills[:MAX_CHIPS]
        more = len(card.skills) - len(shown)
        chips = "".join(f"<li>{esc(skill)}</li>" for skill in shown)
        if more > 0:
            chips += f"<li>+{more} more</li>"
        parts.append(f'<ul class="chips" aria-label="Skills it evidences">{chips}</ul>')
    when = f", checked on {_time(card.verified_on)}" if card.verified_on else ""
    items = "".join(
        f"<li><b>{esc(c.name)}</b> {esc(c.status)}{' (' + esc(c.kind) + ')' if c.kind else ''}: {esc(c.detail)}</li>"
        for c in card.checks
    )
    checks = f"<ul>{items}</ul>" if items else ""
    parts.append(f"<details><summary>Details</summary><p>{esc(card.kind)}{when}</p>{checks}</details>")
    parts.append("</li>")
    return "".join(parts)


def _row_label(row: SkillRow) -> str:
    label = esc(row.label)
    if row.required:
        label += " <small>· required</small>"
    if row.kind == "choice" and row.members:
        count = "any one" if row.need == 1 else f"any {row.need}"
        options = ", ".join(
            f"{esc(m.label)} {m.held_level if m.held_level else '—'}" for m in row.members
        )
        label += f'<small class="members">{count} of: {options}</small>'
    return label


def _tier_tag(row: SkillRow) -> str:
    """Says when a level rests on weaker evidence than a verified credential (a verified level has no tag)."""
    if not row.held_level or row.tier in (None, "valid"):
        return ""
    return f' <span class="tier tier-{esc(row.tier)}">{esc(TIER_WORDS.get(row.tier or "", row.tier or ""))}</span>'


def _skill_rows(rows: Iterable[SkillRow]) -> str:
    items = []
    for row in rows:
        have = str(row.held_level) if row.held_level else "none"
        items.append(
            f'<li data-skill="{esc(row.key)}" data-kind="{esc(row.kind)}" data-status="{esc(row.status)}" '
            f'data-required="{row.required_level}" data-held="{row.held_level}" data-tier="{esc(row.tier or "")}">'
            f'<span class="name">{_row_label(row)}</span>'
            f"{level_bar(row)}"
            f'<span class="value"><b>have {have}</b>, need {row.required_level} · '
            f'<span class="status-{esc(row.status)}">{esc(STATUS_WORDS.get(row.status, row.status))}</span>'
            f"{_tier_tag(row)}</span></li>"
        )
    return "\n".join(items)


_SWATCH = '<svg viewBox="0 0 34 16" aria-hidden="true"><rect class="seg {}" x="1" y="2" width="32" height="12" rx="3"/>'
LEGEND = (
    '<ul class="legend" aria-label="How to read the chart">'
    f'<li>{_SWATCH.format("held met")}</svg>level held</li>'
    f'<li>{_SWATCH.format("needed")}</svg>level still needed</li>'
    '<li><svg viewBox="0 0 34 16" aria-hidden="true"><path class="required-marker" d="M17 1V15"/></svg>'
    "level the role asks for</li>"
    "</ul>"
)


def _gap(gap: Gap) -> str:
    chosen = (
        " This is the role your wallet is closest to; pass <code>--role</code> to pick another."
        if gap.chosen_by == "closest match"
        else ""
    )
    source = f" Profile based on {esc(gap.source)}." if gap.source else ""
    description = esc(gap.description) if gap.description else ""
    asks = f" The job also asks for: {esc('; '.join(gap.requirements))}." if gap.requirements else ""
    progress_label = f"Progress {_pct(gap.progress)}, of which {_pct(gap.coverage)} fully met"
    tiers = dict(gap.coverage_by_tier)
    verified = tiers.get("valid", 0.0)
    coverage_label = f"Coverage {_pct(gap.coverage)}, of which {_pct(verified)} on verified credentials"
    resting = "; ".join(f"{_pct(share)} on {TIER_LABELS.get(tier, tier)}" for tier, share in gap.coverage_by_tier)
    parts = [
        '<section class="part" id="gap" aria-labelledby="gap-h">',
        f'<h2 id="gap-h">Where you stand: {esc(gap.title)}</h2>',
        f'<p class="intro">{description}{source}{asks}{chosen}</p>',
        '<div class="scoreline">',
        f'<div class="score"><span class="num">{_pct(gap.coverage)}</span><p>coverage: the weighted share of '
        f"the role you fully meet{' (' + esc(resting) + ')' if resting else ''}</p>"
        f"{share_bar(verified, gap.coverage, coverage_label, 'share tiers')}</div>",
        f'<div class="score"><span class="num">{_pct(gap.progress)}</span><p>progress: partial levels '
        "credited in proportion</p>"
        f"{share_bar(gap.coverage, gap.progress, progress_label)}"
        "</div>",
        "</div>",
        '<h3 id="core-h">Core skills</h3>',
        LEGEND,
        '<p class="foundation">A tag says when a level rests on weaker evidence than a verified credential; '
        "an item listing options is met by any one of them (or as many as it says).</p>",
        f'<ol class="skills" aria-labelledby="core-h">\n{_skill_rows(gap.rows)}\n</ol>',
    ]
    if gap.rows and all(row.status == "met" for row in gap.rows):
        parts.append('<p class="note">Every core skill of this role is met: there is nothing to plan.</p>')
    with_evidence = [row for row in (*gap.rows, *gap.foundation) if row.evidence]
    if with_evidence:
        parts.append('<h3 id="evidence-h">The evidence behind each skill</h3><dl class="evidence">')
        for row in with_evidence:
            links = "; ".join(_evidence_item(item) for item in row.evidence)
            parts.append(f"<div><dt>{esc(row.label)}</dt><dd>{links}</dd></div>")
        parts.append("</dl>")
    if gap.foundation:
        parts += [
            '<h3 id="foundation-h">Foundation skills</h3>',
            f'<p class="foundation">Broad skills and knowledge the role builds on, shown for context: together '
            f"they are {_pct(gap.foundation_share)} of coverage, and the pathway does not plan them.</p>",
            f'<ol class="skills" aria-labelledby="foundation-h">\n{_skill_rows(gap.foundation)}\n</ol>',
        ]
    if gap.left_out:
        total = sum(count for _, count in gap.left_out)
        detail = ", ".join(f"{count} {reason}" for reason, count in gap.left_out)
        noun = "credential does" if total == 1 else "credentials do"
        parts.append(f'<p class="note">{total} {noun} not count here ({esc(detail)}).</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _evidence_item(item: Evidence) -> str:
    skill = f"{esc(item.skill)}: " if item.skill else ""
    tier = f", {esc(TIER_WORDS[item.tier])}" if item.tier in TIER_WORDS and item.id != "declared" else ""
    if item.id == "declared":
        return f"{skill}{esc(item.name)} (level {item.level})"
    return f'{skill}<a href="#c-{esc(item.id)}">{esc(item.name)}</a> (level {item.level}{tier})'


def _pathway_intro(path: Pathway) -> str:
    """What the plan is in one or two sentences: fresh (how it was chosen) or saved (how it is going)."""
    target = f" (the target is {_pct(path.target_coverage)})" if path.target_coverage is not None else ""
    if path.saved_as is not None:
        done = sum(1 for step in path.steps if step.done)
        saved_on = f", saved on {_time(path.saved_on)}" if path.saved_on else ""
        now = _pct(path.coverage_now) if path.coverage_now is not None else "?"
        finish = ""
        if path.finish:
            planned = f" (planned: {_time(path.planned_finish)})" if path.planned_finish else ""
            pace = f"{path.hours_per_week:g} hours a week"
            finish = f" The steps still to do, at {pace}, finish {_time(path.finish)}{planned}."
        elif path.steps:
            finish = " Every step is done."
        return (
            f"Your saved plan{saved_on}: {done} of {len(path.steps)} steps done. Coverage was "
            f"{_pct(path.coverage_before)} when you saved it, is {now} now and will be "
            f"{_pct(path.coverage_after)} once every step is done{target}.{finish}"
        )
    if not path.steps and path.target_reached:
        return f"Your credentials already reach the coverage this plan aims for{target}: there is nothing to add."
    if not path.steps:
        return "No offering in the catalogs closes the remaining gap (see what is left out below)."
    finish = f", finishing {_time(path.finish)}" if path.finish else ""
    proof = "the least total effort (proven optimal)" if path.optimal else "a good plan, not proven optimal"
    return (
        f"{len(path.steps)} steps chosen for {proof}: study {path.hours_per_week:g} hours a week from "
        f"{_time(path.start)}{finish}. Coverage goes from {_pct(path.coverage_before)} to "
        f"{_pct(path.coverage_after)}{target}."
    )


def _step_item(step: Step) -> str:
    closes = f'<p class="closes">Closes {esc(", ".join(step.closes))}</p>' if step.closes else ""
    unlocks = f'<p class="closes">Needed before {esc(", ".join(step.unlocks))}</p>' if step.unlocks else ""
    done = f'<p class="closes"><b>Done</b>: {esc(step.done_by or "yes")}</p>' if step.done else ""
    mark = f"{icon('done')} " if step.done else ""
    return (
        f'<li class="{"done" if step.done else "todo"}" data-step="{step.number}" '
        f'data-offering="{esc(step.offering)}" data-done="{"yes" if step.done else "no"}">'
        f'<span class="n" aria-hidden="true">{step.number}</span>'
        f'<div class="what"><h3>{mark}{_link(step.url, step.title)}</h3>'
        f"<p>{esc(step.provider)} · {esc(step.kind)}</p>{closes}{unlocks}{done}</div>"
        f'<div class="when"><p>{_time(step.start)} – {_time(step.end)}</p>'
        f"<p>{_hours(step.hours)} · {esc(_money(step.cost, step.currency))}</p></div></li>"
    )


def _pathway(path: Pathway) -> str:
    parts = [
        '<section class="part" id="pathway" aria-labelledby="pathway-h">',
        f'<h2 id="pathway-h">Your pathway{": " + esc(path.saved_as) if path.saved_as else ""}</h2>',
        f'<p class="intro">{_pathway_intro(path)}</p>',
    ]
    if path.steps:
        done = [step for step in path.steps if step.done]
        totals = [f"<b>{_hours(path.total_hours)}</b> in all", f"<b>{esc(_money(path.total_cost, path.currency))}</b>"]
        if done:
            totals.append(f"<b>{len(done)}</b> of {len(path.steps)} steps done ({_hours(sum(s.hours for s in done))})")
        parts.append(f'<p class="totals">{" · ".join(totals)}</p>')
        parts.append(f'<div class="timeline">{gantt(path.steps, path.start, path.finish, path.today)}</div>')
        parts.append('<ol class="steps">')
        parts += [_step_item(step) for step in path.steps]
        parts.append("</ol>")
    if path.unreachable:
        items = "".join(f"<li>{esc(text)}</li>" for text in path.unreachable)
        parts.append(f'<h3>Left out of the plan</h3><ul class="foundation">{items}</ul>')
    notes = "".join(f"<li>{esc(note)}</li>" for note in path.notes)
    parts.append(
        f'<ul class="foundation">{notes}<li>Hours and prices are indicative, as published by the providers; check '
        "before you enrol.</li></ul>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def _matches(matches: Iterable[RoleMatch]) -> str:
    parts = [
        '<section class="part" id="roles" aria-labelledby="roles-h">',
        '<h2 id="roles-h">Roles you are closest to</h2>',
        '<p class="intro">Every role profile ranked by progress: how much of it your credentials cover, '
        "partial levels credited.</p>",
        '<ol class="matches">',
    ]
    for rank, match in enumerate(matches, start=1):
        target = " target" if match.is_target else ""
        shown = " <small>(the gap above)</small>" if match.is_target else ""
        label = f"{match.title}: {_pct(match.coverage)} met, {_pct(match.progress)} progress"
        learn = f"<p>Learn next: {esc(', '.join(match.learn_next))}</p>" if match.learn_next else ""
        parts.append(
            f'<li class="match{target}" data-role="{esc(match.role)}" data-coverage="{match.coverage:.4f}">'
            f"<h3>{rank}. {esc(match.title)}{shown}</h3>"
            f"{share_bar(match.coverage, match.progress, label)}"
            f"<p>{_pct(match.coverage)} met · {_pct(match.progress)} progress · {match.met} of {match.total} "
            f"skills met</p>{learn}</li>"
        )
    parts += ["</ol>", "</section>"]
    return "\n".join(parts)


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

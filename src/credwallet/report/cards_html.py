"""The credentials section: cards grouped by status, with counts, and the skills the learner declared."""

from __future__ import annotations

from credwallet.report.model import STATUS_LABELS, Card, Report, StatusGroup
from credwallet.report.svg import esc, icon, monogram
from credwallet.report.text import link, time_tag

MAX_CHIPS = 5


def credentials_section(report: Report) -> str:
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
        if report.trust_list:
            on_list = sum(1 for card in report.cards if card.trusted_issuer)
            counts += f"<li>{icon('trusted')} From issuers on your trust list: <b>{on_list}</b></li>"
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
        parts.append(f"Issued {time_tag(card.issued_on)}")
    if card.expires_on is not None:
        word = "expired" if card.status == "expired" else "valid until"
        parts.append(f"{word} {time_tag(card.expires_on)}")
    elif card.issued_on is not None:
        parts.append("no expiry")
    return " · ".join(parts) or "No issue date"


def _card(card: Card, trust_list: bool) -> str:
    if card.image is not None:
        art = f'<span class="badge img-{esc(card.image)}" role="img" aria-label="Badge image: {esc(card.name)}"></span>'
    else:
        art = monogram(card.monogram, card.issuer)
    issuer = link(card.issuer_url, card.issuer)
    if trust_list and card.trusted_issuer:
        issuer += f' <span class="trusted" title="on your trust list">{icon("trusted")} trusted issuer</span>'
    meta = []
    if card.part_of:
        meta.append(f"Part of {esc(card.part_of)}")
    if card.recipient:
        meta.append(f"issued to {esc(card.recipient)}")
    if card.verify_url:
        meta.append(link(card.verify_url, "issuer's copy", "verify"))
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
    when = f", checked on {time_tag(card.verified_on)}" if card.verified_on else ""
    items = "".join(
        f"<li><b>{esc(c.name)}</b> {esc(c.status)}{' (' + esc(c.kind) + ')' if c.kind else ''}: {esc(c.detail)}</li>"
        for c in card.checks
    )
    checks = f"<ul>{items}</ul>" if items else ""
    untrusted = (
        '; <span class="untrusted">its issuer is not on your trust list</span>'
        if trust_list and card.trusted_issuer is False
        else ""
    )
    parts.append(f"<details><summary>Details</summary><p>{esc(card.kind)}{when}{untrusted}</p>{checks}</details>")
    parts.append("</li>")
    return "".join(parts)

"""The gap, pathway and closest-roles sections: charts with their numbers also written out as text."""

from __future__ import annotations

from collections.abc import Iterable

from credwallet.report.model import GAP_STATUS_WORDS, TIER_LABELS, Evidence, Gap, Pathway, RoleMatch, SkillRow, Step
from credwallet.report.svg import esc, gantt, icon, level_bar, share_bar
from credwallet.report.text import hours, link, money, pct, time_tag
from credwallet.wording import plural

TIER_WORDS = {"unverified": "unverified", "self-reported": "self-reported", "declared": "declared"}


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
    """Says when a level rests on weaker evidence than a verified credential (a verified level has no tag),
    and when part of it was only read from a credential's text (`gap`'s "(text)")."""
    tags = ""
    if row.held_level and row.tier not in (None, "valid"):
        tags += f' <span class="tier tier-{esc(row.tier)}">{esc(TIER_WORDS.get(row.tier or "", row.tier or ""))}</span>'
    if row.text_match:
        tags += ' <span class="tier tier-text">from text</span>'
    return tags


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
            f'<span class="status-{esc(row.status)}">{esc(GAP_STATUS_WORDS.get(row.status, row.status))}</span>'
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


def gap_section(gap: Gap) -> str:
    chosen = (
        " This is the role your wallet is closest to; pass <code>--role</code> to pick another."
        if gap.chosen_by == "closest match"
        else ""
    )
    source = f" Profile based on {esc(gap.source)}." if gap.source else ""
    description = esc(gap.description) if gap.description else ""
    asks = f" The job also asks for: {esc('; '.join(gap.requirements))}." if gap.requirements else ""
    progress_label = f"Progress {pct(gap.progress)}, of which {pct(gap.coverage)} fully met"
    tiers = dict(gap.coverage_by_tier)
    verified = tiers.get("valid", 0.0)
    coverage_label = f"Coverage {pct(gap.coverage)}, of which {pct(verified)} on verified credentials"
    resting = "; ".join(f"{pct(share)} on {TIER_LABELS.get(tier, tier)}" for tier, share in gap.coverage_by_tier)
    parts = [
        '<section class="part" id="gap" aria-labelledby="gap-h">',
        f'<h2 id="gap-h">Where you stand: {esc(gap.title)}</h2>',
        f'<p class="intro">{description}{source}{asks}{chosen}</p>',
        '<div class="scoreline">',
        f'<div class="score"><span class="num">{pct(gap.coverage)}</span><p>coverage: the weighted share of '
        f"the role you fully meet{' (' + esc(resting) + ')' if resting else ''}</p>"
        f"{share_bar(verified, gap.coverage, coverage_label, 'share tiers')}</div>",
        f'<div class="score"><span class="num">{pct(gap.progress)}</span><p>progress: partial levels '
        "credited in proportion</p>"
        f"{share_bar(gap.coverage, gap.progress, progress_label)}"
        "</div>",
        "</div>",
        '<h3 id="core-h">Core skills</h3>',
        LEGEND,
        '<p class="foundation">A tag says when a level rests on weaker evidence than a verified credential; '
        "“from text” says that part of it is a skill read from a credential's description, not listed by its "
        "issuer (a required skill counts such a reading one level short). An item listing options is met by "
        "any one of them (or as many as it says).</p>",
        f'<ol class="skills" aria-labelledby="core-h">\n{_skill_rows(gap.rows)}\n</ol>',
    ]
    if gap.rows and all(row.status == "met" for row in gap.rows):
        parts.append('<p class="note">Every core skill of this role is met: there is nothing to plan.</p>')
    with_evidence = [row for row in (*gap.rows, *gap.foundation) if row.evidence]
    if with_evidence:
        parts.append('<h3 id="evidence-h">The evidence behind each skill</h3><dl class="evidence">')
        for row in with_evidence:
            parts.append(f"<div><dt>{esc(row.label)}</dt><dd>{_evidence_list(row.evidence)}</dd></div>")
        parts.append("</dl>")
    if gap.foundation:
        parts += [
            '<h3 id="foundation-h">Foundation skills</h3>',
            f'<p class="foundation">Broad skills and knowledge the role builds on, shown for context: together '
            f"they are {pct(gap.foundation_share)} of coverage, and the pathway does not plan them.</p>",
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
    if item.id == "declared":
        return f"{esc(item.name)} (level {item.level})"
    notes = [f"level {item.level}"]
    if item.tier in TIER_WORDS:
        notes.append(esc(TIER_WORDS[item.tier]))
    if item.text_match:
        notes.append("from its text")
    return f'<a href="#c-{esc(item.id)}">{esc(item.name)}</a> ({", ".join(notes)})'



def _evidence_list(evidence: Iterable[Evidence]) -> str:
    """The credentials behind an item; a choice group's are said once per option ("Python: A; B. R: C")."""
    by_option: dict[str | None, list[str]] = {}
    for item in evidence:
        by_option.setdefault(item.skill, []).append(_evidence_item(item))
    return ". ".join(
        (f"{esc(option)}: " if option else "") + "; ".join(items) for option, items in by_option.items()
    )


def _pathway_intro(path: Pathway) -> str:
    """What the plan is in one or two sentences: fresh (how it was chosen) or saved (how it is going)."""
    target = f" (the target is {pct(path.target_coverage)})" if path.target_coverage is not None else ""
    if path.saved_as is not None:
        done = sum(1 for step in path.steps if step.done)
        saved_on = f", saved on {time_tag(path.saved_on)}" if path.saved_on else ""
        now = pct(path.coverage_now) if path.coverage_now is not None else "?"
        finish = ""
        if path.finish:
            planned = f" (planned: {time_tag(path.planned_finish)})" if path.planned_finish else ""
            pace = f"{path.hours_per_week:g} hours a week"
            finish = f" The steps still to do, at {pace}, finish {time_tag(path.finish)}{planned}."
        elif path.steps:
            finish = " Every step is done."
        return (
            f"Your saved plan{saved_on}: {done} of {plural(len(path.steps), 'step')} done. Coverage was "
            f"{pct(path.coverage_before)} when you saved it, is {now} now and will be "
            f"{pct(path.coverage_after)} once every step is done{target}.{finish}"
        )
    if not path.steps and path.target_reached:
        return f"Your credentials already reach the coverage this plan aims for{target}: there is nothing to add."
    if not path.steps:
        return "No offering in the catalogs closes the remaining gap (see what is left out below)."
    finish = f", finishing {time_tag(path.finish)}" if path.finish else ""
    proof = "the least total effort (proven optimal)" if path.optimal else "a good plan, not proven optimal"
    return (
        f"{plural(len(path.steps), 'step')} chosen for {proof}: study {path.hours_per_week:g} hours a week from "
        f"{time_tag(path.start)}{finish}. Coverage goes from {pct(path.coverage_before)} to "
        f"{pct(path.coverage_after)}{target}."
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
        f'<div class="what"><h3>{mark}{link(step.url, step.title)}</h3>'
        f"<p>{esc(step.provider)} · {esc(step.kind)}</p>{closes}{unlocks}{done}</div>"
        f'<div class="when"><p>{time_tag(step.start)} – {time_tag(step.end)}</p>'
        f"<p>{hours(step.hours)} · {esc(money(step.cost, step.currency))}</p></div></li>"
    )


def pathway_section(path: Pathway) -> str:
    parts = [
        '<section class="part" id="pathway" aria-labelledby="pathway-h">',
        f'<h2 id="pathway-h">Your pathway{": " + esc(path.saved_as) if path.saved_as else ""}</h2>',
        f'<p class="intro">{_pathway_intro(path)}</p>',
    ]
    if path.steps:
        done = [step for step in path.steps if step.done]
        totals = [f"<b>{hours(path.total_hours)}</b> in all", f"<b>{esc(money(path.total_cost, path.currency))}</b>"]
        if done:
            totals.append(
                f"<b>{len(done)}</b> of {plural(len(path.steps), 'step')} done ({hours(sum(s.hours for s in done))})"
            )
        parts.append(f'<p class="totals">{" · ".join(totals)}</p>')
        parts.append(f'<div class="timeline">{gantt(path.steps, path.start, path.finish, path.today)}</div>')
        parts.append('<ol class="steps">')
        parts += [_step_item(step) for step in path.steps]
        parts.append("</ol>")
    if path.unreachable:
        items = "".join(f"<li>{esc(text)}</li>" for text in path.unreachable)
        parts.append(f'<h3>Left out of the plan</h3><ul class="foundation">{items}</ul>')
    notes = "".join(f"<li>{esc(note)}</li>" for note in path.notes)
    if not any(note.lower().startswith("hours and prices") for note in path.notes):  # the plan said it already
        notes += "<li>Hours and prices are indicative, as published by the providers; check before you enrol.</li>"
    parts.append(f'<ul class="foundation">{notes}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


def matches_section(matches: Iterable[RoleMatch]) -> str:
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
        label = f"{match.title}: {pct(match.coverage)} met, {pct(match.progress)} progress"
        learn = f"<p>Learn next: {esc(', '.join(match.learn_next))}</p>" if match.learn_next else ""
        parts.append(
            f'<li class="match{target}" data-role="{esc(match.role)}" data-coverage="{match.coverage:.4f}">'
            f"<h3>{rank}. {esc(match.title)}{shown}</h3>"
            f"{share_bar(match.coverage, match.progress, label)}"
            f"<p>{pct(match.coverage)} met · {pct(match.progress)} progress · {match.met} of {match.total} "
            f"skills met</p>{learn}</li>"
        )
    parts += ["</ol>", "</section>"]
    return "\n".join(parts)

"""The one adapter between the report and the engines it draws on: gap, roles match and the planner.

Everything the report needs from them passes through here and comes out as report records, so a change in
the role format or the planner's API touches this module alone. The held skills are computed once, for the
report's fixed "now", and shared by the gap, the role ranking and the plan, so the three always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.export.entries import clean_text, safe_https_url
from credwallet.paths import user_roles_dir
from credwallet.report import model

if TYPE_CHECKING:
    from credwallet.gap import GapItem, GapResult, LeftOut
    from credwallet.gap import RoleMatch as EngineMatch
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.planner import Plan
    from credwallet.roles import Role
    from credwallet.skills.model import HeldSkill
    from credwallet.skills.vocabulary import Vocabulary

TOP_ROLES = 5


@dataclass
class Standing:
    """What the wallet evidences, for one moment: held skills, the credentials left out, the vocabulary."""

    home: Path
    vocabulary: Vocabulary
    held: dict[str, HeldSkill]
    left_out: list[LeftOut] = field(default_factory=list)
    verified_only: bool = False


def standing(
    credentials: Sequence[Credential],
    *,
    home: Path,
    now: datetime,
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
) -> Standing:
    """Held skills from the credentials that count at `now` and the learner's declarations (DESIGN.md §6:
    valid, unverified and self-reported credentials and declared skills, or valid ones alone)."""
    from credwallet.skills.service import held_skills, vocabulary_for

    held, left_out = held_skills(
        list(credentials), home=home, verified_only=verified_only, declared=declared, now=now
    )
    return Standing(home, vocabulary_for(home), {item.skill: item for item in held}, left_out, verified_only)


def skill_labels_for(credentials: Sequence[Credential], vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    """Wallet id -> labels of the skills the credential evidences directly (for the card's skill line)."""
    from credwallet.skills.extract import credential_skill_ids

    return {
        str(c.wallet_id): tuple(vocabulary.label(s) for s in credential_skill_ids(c, vocabulary))
        for c in credentials
    }


def load_role(role_ref: str, state: Standing) -> Role:
    from credwallet.roles import load_role as load

    return load(role_ref, user_roles_dir(state.home), state.vocabulary)


def rank(state: Standing) -> list[EngineMatch]:
    """Every role ranked by progress (`roles match`)."""
    from credwallet.gap import match_roles
    from credwallet.roles import list_roles

    return match_roles(state.held, list_roles(user_roles_dir(state.home), state.vocabulary), state.vocabulary)


def analyze(role: Role, state: Standing) -> GapResult:
    from credwallet.gap import analyze_gap

    return analyze_gap(state.held, role, state.vocabulary, state.left_out, verified_only=state.verified_only)


def _evidence(item: GapItem, state: Standing, names: Mapping[str, str]) -> tuple[model.Evidence, ...]:
    """The credentials (and declarations) behind the members that count, strongest level first."""
    from credwallet.gap import KIND_ANY_OF

    counted = item.members[: item.need] if item.kind == KIND_ANY_OF else item.members
    found: dict[tuple[str, str], model.Evidence] = {}
    for member in counted:
        holding = state.held.get(member.skill)
        label = clean_text(member.label) if item.kind == KIND_ANY_OF else None
        for ref in holding.evidence if holding else []:
            if ref.id is None:
                entry = model.Evidence("declared", "declared by you", ref.level, ref.tier, label)
            elif ref.id in names:
                entry = model.Evidence(ref.id, names[ref.id], ref.level, ref.tier, label)
            else:
                continue
            known = found.get((member.skill, entry.id))
            if known is None or entry.level > known.level:
                found[(member.skill, entry.id)] = entry
    return tuple(found.values())


def _row(item: GapItem, state: Standing, names: Mapping[str, str]) -> model.SkillRow:
    from credwallet.gap import KIND_ANY_OF, KIND_FOUNDATION

    kind = {KIND_ANY_OF: "choice", KIND_FOUNDATION: "foundation"}.get(item.kind, "skill")
    return model.SkillRow(
        key=item.key,
        label=clean_text(item.label),
        required_level=item.required_level,
        held_level=item.held_level,
        status=item.status,
        weight=item.weight,
        share=item.share,
        required=item.required,
        tier=item.tier,
        evidence=_evidence(item, state, names),
        kind=kind,
        members=tuple(model.Member(m.skill, clean_text(m.label), m.held_level) for m in item.members)
        if kind == "choice"
        else (),
        need=item.need,
    )


def _requirements(role: Role) -> tuple[str, ...]:
    found = role.requirements
    if found is None or found.is_empty():
        return ()
    parts = []
    if found.job_zone:
        parts.append(f"O*NET job zone {found.job_zone} ({found.job_zone_name})")
    parts += [value for value in (found.education, found.experience, found.training, found.note) if value]
    return tuple(clean_text(part) for part in parts)


def gap_view(
    role: Role, result: GapResult, state: Standing, names: Mapping[str, str], *, chosen_by: str
) -> model.Gap:
    """The gap as chart rows: core items and choice groups, then foundation items, each with its evidence."""
    reasons: dict[str, int] = {}
    for left in result.left_out:
        reason = "expired" if left.reason.startswith("expired") else left.reason.split(" (")[0]
        reasons[reason] = reasons.get(reason, 0) + 1
    source = None
    if role.source is not None:
        source = clean_text(" ".join(part for part in (role.source.name, role.source.code) if part)) or None
    return model.Gap(
        role=role.id,
        title=clean_text(role.title),
        chosen_by=chosen_by,
        coverage=result.coverage,
        progress=result.progress,
        rows=tuple(_row(item, state, names) for item in result.items),
        foundation=tuple(_row(item, state, names) for item in result.foundation),
        foundation_share=result.foundation_weight,
        coverage_by_tier=tuple((tier, share) for tier, share in result.coverage_by_tier.items() if share > 0),
        verified_only=result.verified_only,
        description=clean_text(role.description) if role.description else None,
        source=source,
        requirements=_requirements(role),
        left_out=tuple(sorted(reasons.items())),
    )


def match_views(matches: Sequence[EngineMatch], target: str | None) -> tuple[model.RoleMatch, ...]:
    """The closest roles, with what to learn next for each."""
    return tuple(
        model.RoleMatch(
            role=m.role,
            title=clean_text(m.title),
            coverage=m.coverage,
            progress=m.progress,
            met=m.met,
            total=m.total,
            learn_next=tuple(clean_text(label) for label in m.top_missing),
            verified_coverage=m.verified_coverage,
            is_target=m.role == target,
        )
        for m in matches[:TOP_ROLES]
    )


@dataclass(frozen=True, slots=True)
class PathwayRequest:
    """How to plan the pathway shown: the study pace, the first day and extra catalogs."""

    hours_per_week: float = 5.0
    start: date | None = None
    catalogs: tuple[Path, ...] = ()


def plan(role: Role, result: GapResult, state: Standing, request: PathwayRequest, today: date) -> Plan:
    """The least-effort pathway for the role's gaps, from the same held levels the gap chart shows."""
    from credwallet.planner import PlanOptions, make_plan
    from credwallet.skills.planning import load_catalogs, needs_from_gap

    needs, held = needs_from_gap(result)
    catalog = load_catalogs(state.home, list(request.catalogs), catalog_only=False)
    options = PlanOptions(hours_per_week=request.hours_per_week, start=request.start or today)
    return make_plan(role.id, needs, held, catalog, options, today=today)


def pathway_view(
    plan: Plan, state: Standing, *, saved_as: str | None = None, done: frozenset[str] = frozenset()
) -> model.Pathway:
    """The plan as timeline steps: dates, hours, cost, what each closes and which later steps it unlocks."""
    label = state.vocabulary.label
    titles = {step.offering.id: clean_text(step.offering.title) for step in plan.steps}
    steps = []
    for number, step in enumerate(plan.steps, start=1):
        offering = step.offering
        steps.append(
            model.Step(
                number=number,
                offering=offering.id,
                title=titles[offering.id],
                provider=clean_text(offering.provider),
                kind=offering.kind,
                start=step.start,
                end=step.end,
                hours=offering.hours,
                cost=offering.cost,
                currency=offering.currency,
                closes=tuple(f"{clean_text(label(n.skill))} (level {n.level})" for n in step.closes),
                unlocks=tuple(titles.get(i, i) for i in step.prerequisite_for),
                url=safe_https_url(offering.url),
                done=offering.id in done,
            )
        )
    selection = plan.selection
    unreachable = tuple(
        f"{clean_text(label(u.skill))} (level {u.required_level}): {clean_text(u.reason)}"
        for u in selection.unreachable
    )
    left_out = tuple(
        f"{clean_text(label(n.skill))} (level {n.level}): left open by the budget or deadline"
        for n in selection.left_out
    )
    return model.Pathway(
        role=plan.role,
        steps=tuple(steps),
        start=plan.start,
        finish=plan.finish,
        hours_per_week=plan.hours_per_week,
        total_hours=plan.total_hours,
        total_cost=plan.total_cost,
        currency=plan.currency,
        coverage_before=plan.coverage_before,
        coverage_after=plan.coverage_after,
        optimal=selection.optimal,
        saved_as=saved_as,
        unreachable=unreachable + left_out,
        notes=tuple(clean_text(n) for n in selection.notes),
    )


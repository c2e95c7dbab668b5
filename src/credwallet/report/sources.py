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
from typing import TYPE_CHECKING, Any

from credwallet.export.entries import clean_text, safe_https_url
from credwallet.paths import user_roles_dir
from credwallet.report import model

if TYPE_CHECKING:
    from credwallet.gap import GapItem, GapResult, LeftOut
    from credwallet.gap import RoleMatch as EngineMatch
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.planner.progress import Progress
    from credwallet.roles import Role
    from credwallet.skills.model import HeldSkill
    from credwallet.skills.vocabulary import Vocabulary
    from credwallet.store.plans import SavedPlan

TOP_ROLES = 5


@dataclass
class Standing:
    """What the wallet evidences, for one moment: held skills, the credentials left out, the vocabulary."""

    home: Path
    vocabulary: Vocabulary
    held: dict[str, HeldSkill]
    left_out: list[LeftOut] = field(default_factory=list)
    verified_only: bool = False

    def holding(self) -> tuple[list[HeldSkill], list[LeftOut]]:
        """The held skills as `held_skills` returned them, for the planner (so it does not read them again)."""
        return list(self.held.values()), self.left_out


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
    from credwallet.skills.holding import LOW_CONFIDENCE

    counted = item.members[: item.need] if item.kind == KIND_ANY_OF else item.members
    found: dict[tuple[str, str], model.Evidence] = {}
    for member in counted:
        holding = state.held.get(member.skill)
        label = clean_text(member.label) if item.kind == KIND_ANY_OF else None
        for ref in holding.evidence if holding else []:
            if ref.id is None:
                entry = model.Evidence("declared", "declared by you", ref.level, ref.tier, label)
            elif ref.id in names:
                weak = ref.confidence < LOW_CONFIDENCE
                entry = model.Evidence(ref.id, names[ref.id], ref.level, ref.tier, label, text_match=weak)
            else:
                continue
            known = found.get((member.skill, entry.id))
            # One line per credential: its highest level, a listed skill before a text match at that level.
            if known is None or (entry.level, not entry.text_match) > (known.level, not known.text_match):
                found[(member.skill, entry.id)] = entry
    return tuple(found.values())


def _row(item: GapItem, state: Standing, names: Mapping[str, str]) -> model.SkillRow:
    from credwallet.gap import KIND_ANY_OF, KIND_FOUNDATION

    kind = {KIND_ANY_OF: "choice", KIND_FOUNDATION: "foundation"}.get(item.kind, "skill")
    label = clean_text(item.label)
    return model.SkillRow(
        key=item.key,
        label=label[:1].upper() + label[1:],  # a group's own name may be lower case ("analysis language")
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
        text_match=item.weak and item.held_level > 0,
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


def plan_document(
    credentials: Sequence[Credential],
    role_ref: str,
    state: Standing,
    request: PathwayRequest,
    *,
    declared: Sequence[DeclaredSkill],
    now: datetime,
) -> dict[str, Any]:
    """A fresh plan for the role (`plan --json`'s document), from the same evidence the gap chart counts."""
    from credwallet.planner import PlanOptions
    from credwallet.skills.planning import plan_for_role

    plan = plan_for_role(
        list(credentials),
        role_ref,
        home=state.home,
        catalogs=list(request.catalogs),
        catalog_only=False,
        options=PlanOptions(hours_per_week=request.hours_per_week, start=request.start or now.date()),
        verified_only=state.verified_only,
        declared=declared,
        today=now.date(),
        now=now,
        holding=state.holding(),
    )
    return plan.to_jsonable()


def _item_label(key: str, state: Standing) -> str:
    if key.startswith("any-of:"):
        return " or ".join(state.vocabulary.label(member) for member in key[len("any-of:") :].split("+"))
    return state.vocabulary.label(key)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def pathway_view(
    document: Mapping[str, Any],
    state: Standing,
    *,
    saved: SavedPlan | None = None,
    progress: Progress | None = None,
) -> model.Pathway:
    """A plan document (fresh, or a saved plan with its progress) as timeline steps: dates, hours, cost,
    what each closes, which later steps it unlocks and, for a saved plan, which are done."""
    steps_in = list(document.get("steps") or [])
    titles = {str(s["offering"]): clean_text(str(s["title"])) for s in steps_in}
    tracked = {p.offering: p for p in progress.steps} if progress is not None else {}
    steps = []
    for number, step in enumerate(steps_in, start=1):
        offering = str(step["offering"])
        start, end = date.fromisoformat(step["start"]), date.fromisoformat(step["end"])
        status = tracked.get(offering)
        if status is not None and not status.done and status.expected_start and status.expected_end:
            start, end = status.expected_start, status.expected_end
        steps.append(
            model.Step(
                number=number,
                offering=offering,
                title=titles[offering],
                provider=clean_text(str(step.get("provider") or "")),
                kind=clean_text(str(step.get("kind") or "")),
                start=start,
                end=end,
                hours=float(step["hours"]),
                cost=float(step["cost"]),
                currency=str(step.get("currency") or document.get("currency") or ""),
                closes=tuple(clean_text(str(n.get("label") or n.get("skill"))) for n in step.get("closes") or []),
                unlocks=tuple(titles.get(str(i), clean_text(str(i))) for i in step.get("prerequisite_for") or []),
                url=safe_https_url(step.get("url")),
                done=status is not None and status.done,
                done_by=clean_text(status.done_by) if status is not None and status.done_by else None,
            )
        )
    unreachable = tuple(
        clean_text(f"{_item_label(str(u['skill']), state)} (level {u['required_level']}): {u['reason']}")
        for u in document.get("unreachable_detail") or []
    )
    left_open = tuple(
        f"{clean_text(str(n['label']))}: left open, the plan reaches its target coverage without it"
        for n in document.get("left_out") or []
    )
    notes = tuple(clean_text(str(n)) for n in (*(document.get("warnings") or []), *(document.get("notes") or [])))
    finish = _day(document.get("finish"))
    return model.Pathway(
        role=str(document.get("role") or ""),
        steps=tuple(steps),
        start=_day(document.get("start")) or (steps[0].start if steps else date.min),
        finish=progress.revised_finish if progress is not None else finish,
        hours_per_week=float(document.get("hours_per_week") or 0),
        total_hours=float(document.get("total_hours") or 0),
        total_cost=float(document.get("total_cost") or 0),
        currency=str(document.get("currency") or ""),
        coverage_before=float(document.get("coverage_before") or 0),
        coverage_after=float(document.get("coverage_after") or 0),
        optimal=bool(document.get("optimal")),
        saved_as=clean_text(saved.name) if saved is not None else None,
        saved_on=saved.created_at.date() if saved is not None else None,
        planned_finish=finish if progress is not None else None,
        coverage_now=progress.coverage_now if progress is not None else None,
        today=progress.today if progress is not None else None,
        target_coverage=float(document["target_coverage"]) if "target_coverage" in document else None,
        target_reached=bool(document.get("target_reached", True)),
        unreachable=unreachable + left_open,
        notes=notes,
    )

"""Gap analysis: how far the wallet's evidence stands from a role. Pure functions, no I/O.

Each core item (one skill, or a choice group met when `need` of its members are held) and each foundation
item is compared with the held levels (skills/holding.py): met (held >= level), partial, or missing.
Every item carries a share of the role: the core items share `1 - foundation_weight` in proportion to their
weights, the foundation items share the role's small `foundation_weight`. Then (DESIGN.md §6):

    coverage = sum(share of met items)
    progress = sum(share * credit), credit = min(1, held / level)   (partial levels credited)

A choice group's held level is that of its `need`-th best member, and its credit the mean credit of its
best `need` members. For a required item only firm evidence counts towards meeting it: a low-confidence text
match alone leaves it partial (one level short at most). Each met item is marked with the weakest tier of
evidence needed to meet it (valid, unverified, self-reported, declared), so the headline can say how much
of the coverage rests on verified credentials.
Which credentials count: valid and unverified ones (and self-reported), or only valid ones with
`verified_only`; invalid, revoked and expired ones never (they are listed as left out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from credwallet.model import Credential, Status
from credwallet.skills.model import TIERS, HeldSkill

if TYPE_CHECKING:
    from credwallet.roles import CoreItem, FoundationItem, Requirements, Role
    from credwallet.skills.vocabulary import Vocabulary

MET = "met"
PARTIAL = "partial"
MISSING = "missing"
KIND_SKILL = "skill"
KIND_ANY_OF = "any_of"
KIND_FOUNDATION = "foundation"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A credential that does not count towards the gap, and why (shown as "N left out")."""

    id: str | None
    name: str
    reason: str

    def to_jsonable(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "reason": self.reason}


def counting_credentials(
    credentials: Iterable[Credential], now: datetime, *, verified_only: bool = False
) -> tuple[list[Credential], list[LeftOut]]:
    """Split credentials into those whose skills count and those left out, with a reason for each."""
    counted: list[Credential] = []
    left_out: list[LeftOut] = []
    for credential in credentials:
        reason = _exclusion_reason(credential, verified_only, now)
        if reason is None:
            counted.append(credential)
        else:
            left_out.append(LeftOut(credential.wallet_id, credential.name, reason))
    return counted, left_out


def _exclusion_reason(credential: Credential, verified_only: bool, now: datetime) -> str | None:
    status = credential.status
    if status in (Status.REVOKED, Status.SUSPENDED):
        return status.value
    if status == Status.INVALID:
        return "invalid"
    if status == Status.EXPIRED or credential.is_expired(now):
        expires = credential.expires_on.date().isoformat() if credential.expires_on else None
        return f"expired on {expires}" if expires else "expired"
    if verified_only and status != Status.VALID:
        return "not verified as valid (--verified-only)"
    return None


@dataclass(frozen=True, slots=True)
class MemberResult:
    """One skill of an item compared with the wallet (the only one for a single-skill item)."""

    skill: str
    label: str
    held_level: int
    evidence: tuple[str, ...]  # wallet ids, then "declared" for a declaration
    tier: str | None  # the strongest tier of evidence behind it
    weak: bool  # held only through low-confidence text matches (required items count them one level short)

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "skill": self.skill,
            "label": self.label,
            "held_level": self.held_level,
            "evidence": list(self.evidence),
            "tier": self.tier,
        }


@dataclass(frozen=True, slots=True)
class GapItem:
    """One role item compared with the wallet: a skill, a choice group (`any_of`) or a foundation item."""

    key: str  # the skill id, or "any-of:a+b+c" for a group
    kind: str  # KIND_SKILL | KIND_ANY_OF | KIND_FOUNDATION
    label: str
    required_level: int
    held_level: int  # 0 when the wallet evidences nothing for it
    weight: float  # as the role file gives it
    share: float  # the part of the whole role this item is worth in coverage (all items sum to 1)
    required: bool
    status: str
    credit: float  # 1 met, 0 missing, in between for partial levels
    members: tuple[MemberResult, ...]
    tier: str | None  # met: the weakest tier needed to meet it; otherwise the best tier it has
    need: int = 1

    @property
    def skill(self) -> str:
        """The skill id for a single-skill item; the group key for a choice group."""
        return self.key

    @property
    def skills(self) -> tuple[str, ...]:
        return tuple(m.skill for m in self.members)

    @property
    def evidence(self) -> tuple[str, ...]:
        """The evidence of the members that count (a group: its best `need` members)."""
        counted = self.members[: self.need] if self.kind == KIND_ANY_OF else self.members
        return tuple(dict.fromkeys(e for m in counted for e in m.evidence))

    @property
    def weak(self) -> bool:
        counted = self.members[: self.need] if self.kind == KIND_ANY_OF else self.members
        return any(m.weak for m in counted)

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7 gap item (skill, required_level, held_level, weight, evidence) plus label, kind,
        required, tier, share and, for a choice group, its members and `need`."""
        document: dict[str, Any] = {
            "skill": self.key,
            "label": self.label,
            "kind": self.kind,
            "required_level": self.required_level,
            "held_level": self.held_level,
            "weight": self.weight,
            "share": round(self.share, 4),
            "required": self.required,
            "status": self.status,
            "tier": self.tier,
            "evidence": list(self.evidence),
        }
        if self.kind == KIND_ANY_OF:
            document["need"] = self.need
            document["any_of"] = [m.to_jsonable() for m in self.members]
        return document


@dataclass(slots=True)
class GapResult:
    """A role's items split into met / partial / missing, with coverage, progress and evidence tiers."""

    role: str
    title: str
    coverage: float
    progress: float
    items: list[GapItem] = field(default_factory=list)  # core items, in the role's order
    foundation: list[GapItem] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    coverage_by_tier: dict[str, float] = field(default_factory=dict)
    requirements: Requirements | None = None
    foundation_weight: float = 0.0
    verified_only: bool = False

    @property
    def met(self) -> list[GapItem]:
        return [i for i in self.items if i.status == MET]

    @property
    def partial(self) -> list[GapItem]:
        return [i for i in self.items if i.status == PARTIAL]

    @property
    def missing(self) -> list[GapItem]:
        return [i for i in self.items if i.status == MISSING]

    @property
    def required_unmet(self) -> list[GapItem]:
        """Required core items not yet met: the role is not within reach until these are."""
        return [i for i in self.items if i.required and i.status != MET]

    @property
    def verified_coverage(self) -> float:
        """The part of the coverage that rests on credentials verified as valid."""
        return self.coverage_by_tier.get(TIERS[0], 0.0)

    def matters_most(self, limit: int | None = None) -> list[GapItem]:
        """Unmet core items, the ones that matter most first: required, then the coverage still to gain."""
        unmet = [i for i in self.items if i.status != MET]
        unmet.sort(key=lambda i: (not i.required, -i.share * (1 - i.credit), i.label.lower()))
        return unmet if limit is None else unmet[:limit]

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7: {"role", "coverage", "met", "partial", "missing"} (core items) plus progress,
        verified coverage, coverage by evidence tier, foundation items and requirements."""
        return {
            "role": self.role,
            "title": self.title,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "verified_coverage": round(self.verified_coverage, 4),
            "coverage_by_tier": {tier: round(value, 4) for tier, value in self.coverage_by_tier.items()},
            "verified_only": self.verified_only,
            "met": [i.to_jsonable() for i in self.met],
            "partial": [i.to_jsonable() for i in self.partial],
            "missing": [i.to_jsonable() for i in self.missing],
            "matters_most": [i.key for i in self.matters_most()],
            "foundation_weight": self.foundation_weight,
            "foundation": [i.to_jsonable() for i in self.foundation],
            "requirements": self.requirements.to_jsonable() if self.requirements else None,
            "left_out": [item.to_jsonable() for item in self.left_out],
        }


def _held_index(held: Iterable[HeldSkill]) -> dict[str, HeldSkill]:
    return {item.skill: item for item in held}


class _Evaluator:
    """Evaluates role items against one wallet's held skills (shared by every role `roles match` ranks)."""

    def __init__(self, index: dict[str, HeldSkill], vocabulary: Vocabulary | None) -> None:
        self.index = index
        self.vocabulary = vocabulary
        self.last = len(TIERS) - 1
        # Per held skill, what every role's items show of it (ids, tier, weak), computed once: `roles match`
        # evaluates many roles against one wallet, so nothing here may scan the evidence again per role.
        self._shown: dict[str, tuple[tuple[str, ...], str | None, bool]] = {}

    def label(self, skill: str) -> str:
        return self.vocabulary.label(skill) if self.vocabulary is not None else skill

    def member_levels(self, skill: str, level: int, required: bool) -> list[int]:
        """The member's effective level counting tiers TIERS[:i + 1], for each i; for a required item a
        level resting only on weak text matches stops one short of `level`."""
        holding = self.index.get(skill)
        if holding is None:
            return [0] * len(TIERS)
        levels = []
        for tier_index in range(len(TIERS)):
            value = holding.level_upto(tier_index)
            if required and value >= level:
                firm = holding.level_upto(tier_index, firm=True)
                if firm < level:
                    value = max(firm, level - 1)
            levels.append(value)
        return levels

    def member(self, skill: str, effective: int) -> MemberResult:
        holding = self.index.get(skill)
        if holding is None:
            return MemberResult(skill, self.label(skill), 0, (), None, False)
        shown = self._shown.get(skill)
        if shown is None:
            ids = [e.id for e in holding.evidence if e.id is not None]
            if len(ids) < len(holding.evidence):
                ids.append("declared")
            weak = holding.level_upto(self.last, firm=True) < holding.level_upto(self.last)
            shown = self._shown[skill] = (tuple(dict.fromkeys(ids)), holding.tier, weak)
        ids_shown, tier, weak = shown
        return MemberResult(skill, holding.label, effective, ids_shown, tier, weak and effective > 0)

    def item(
        self,
        key: str,
        kind: str,
        label: str,
        members: tuple[str, ...],
        level: int,
        need: int,
        weight: float,
        share: float,
        required: bool,
    ) -> GapItem:
        per_member = {skill: self.member_levels(skill, level, required) for skill in members}
        # Members ranked by what they hold with every tier counted; ties keep the role's order.
        ranked = sorted(members, key=lambda s: -per_member[s][self.last])
        counted = ranked[:need]
        held_level = per_member[counted[-1]][self.last] if len(counted) == need else 0
        credit = sum(min(1.0, per_member[s][self.last] / level) for s in counted) / need if level else 1.0
        met_at = [
            sum(1 for s in members if per_member[s][tier_index] >= level) >= need for tier_index in range(len(TIERS))
        ]
        if met_at[self.last]:
            status = MET
            tier: str | None = TIERS[met_at.index(True)]
            credit = 1.0
        else:
            status = PARTIAL if credit > 0 else MISSING
            tier = None
        results = tuple(self.member(s, per_member[s][self.last]) for s in ranked)
        if tier is None:
            tiers = [m.tier for m in results[:need] if m.tier is not None]
            tier = max(tiers, key=TIERS.index) if tiers else None
        return GapItem(
            key, kind, label, level, held_level, weight, share, required, status, credit, results, tier, need
        )

    def core_item(self, item: CoreItem, share: float) -> GapItem:
        from credwallet.roles import ChoiceGroup

        if isinstance(item, ChoiceGroup):
            label = item.name or " / ".join(self.label(s) for s in item.any_of)
            if item.name and item.need > 1:
                label = f"{item.name} ({item.need} of them)"
            return self.item(
                item.key, KIND_ANY_OF, label, item.any_of, item.level, item.need, item.weight, share, item.required
            )
        return self.item(
            item.skill, KIND_SKILL, self.label(item.skill), (item.skill,), item.level, 1, item.weight, share,
            item.required,
        )

    def foundation_item(self, item: FoundationItem, share: float) -> GapItem:
        return self.item(
            item.skill, KIND_FOUNDATION, self.label(item.skill), (item.skill,), item.level, 1, item.weight, share,
            False,
        )

    def gap(self, role: Role, left_out: Sequence[LeftOut] = (), verified_only: bool = False) -> GapResult:
        foundation_share = role.effective_foundation_weight
        core_total = role.core_weight
        core_scale = (1.0 - foundation_share) / core_total if core_total else 0.0
        items = [self.core_item(item, item.weight * core_scale) for item in role.core]
        foundation_total = sum(f.weight for f in role.foundation)
        foundation_scale = foundation_share / foundation_total if foundation_total else 0.0
        foundation = [self.foundation_item(f, f.weight * foundation_scale) for f in role.foundation]
        coverage = progress = 0.0
        by_tier = dict.fromkeys(TIERS, 0.0)
        for gap_item in (*items, *foundation):
            progress += gap_item.share * gap_item.credit
            if gap_item.status == MET:
                coverage += gap_item.share
                if gap_item.tier is not None:
                    by_tier[gap_item.tier] += gap_item.share
        return GapResult(
            role=role.id,
            title=role.title,
            coverage=min(coverage, 1.0),
            progress=min(progress, 1.0),
            items=items,
            foundation=foundation,
            left_out=list(left_out),
            coverage_by_tier=by_tier,
            requirements=role.requirements,
            foundation_weight=foundation_share,
            verified_only=verified_only,
        )


def analyze_gap(
    held: Iterable[HeldSkill] | dict[str, HeldSkill],
    role: Role,
    vocabulary: Vocabulary | None = None,
    left_out: Sequence[LeftOut] = (),
    *,
    verified_only: bool = False,
) -> GapResult:
    """Compare held skills with a role; core items keep the role's order."""
    index = held if isinstance(held, dict) else _held_index(held)
    return _Evaluator(index, vocabulary).gap(role, left_out, verified_only)


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role ranked by progress, with the core items that would close most of the gap (by label)."""

    role: str
    title: str
    coverage: float
    progress: float
    verified_coverage: float
    met: int
    total: int
    required_unmet: tuple[str, ...]  # labels
    top_missing: tuple[str, ...]  # labels
    top_missing_keys: tuple[str, ...]  # skill ids / group keys, in the same order
    origin: str = "built-in"
    curated: bool = False
    onet_codes: tuple[str, ...] = ()

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "verified_coverage": round(self.verified_coverage, 4),
            "met": self.met,
            "total": self.total,
            "required_unmet": list(self.required_unmet),
            "top_missing": list(self.top_missing),
            "top_missing_ids": list(self.top_missing_keys),
            "curated": self.curated,
            "onet_codes": list(self.onet_codes),
        }


def match_roles(
    held: Iterable[HeldSkill] | dict[str, HeldSkill],
    roles: Iterable[Role],
    vocabulary: Vocabulary | None = None,
    top_missing: int = 3,
) -> list[RoleMatch]:
    """Every role ranked by progress (partial credit), then coverage ("which jobs am I closest to")."""
    index = held if isinstance(held, dict) else _held_index(held)
    evaluator = _Evaluator(index, vocabulary)
    matches: list[RoleMatch] = []
    for role in roles:
        result = evaluator.gap(role)
        unmet = result.matters_most(top_missing)
        matches.append(
            RoleMatch(
                role=role.id,
                title=role.title,
                coverage=result.coverage,
                progress=result.progress,
                verified_coverage=result.verified_coverage,
                met=len(result.met),
                total=len(result.items),
                required_unmet=tuple(i.label for i in result.required_unmet),
                top_missing=tuple(i.label for i in unmet),
                top_missing_keys=tuple(i.key for i in unmet),
                origin=role.origin,
                curated=role.curated,
                onet_codes=role.onet_codes,
            )
        )
    matches.sort(key=lambda m: (-round(m.progress, 6), -round(m.coverage, 6), len(m.required_unmet), m.title))
    return matches

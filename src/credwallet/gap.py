"""Gap analysis: how far the wallet's evidenced skills stand from a role. Pure functions, no I/O.

For each role skill the best held level among the credentials that count is compared with the required
level: met (held >= required), partial (0 < held < required) or missing. Coverage (DESIGN.md §6) is the
weighted share of the role that is met; progress also credits partial skills in proportion:

    coverage = sum(weight of met skills) / sum(weight)
    progress = sum(weight * min(1, held / required)) / sum(weight)

so a level-2 holding of a level-4 skill adds half its weight to progress and nothing to coverage.
Which credentials count: valid and unexpired by default; unverified ones too with `include_unverified`;
invalid, revoked and expired ones never.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from credwallet.model import Credential, Status
from credwallet.skills.model import HeldSkill

if TYPE_CHECKING:
    from credwallet.roles import Role
    from credwallet.skills.vocabulary import Vocabulary

MET = "met"
PARTIAL = "partial"
MISSING = "missing"


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A credential that does not count towards the gap, and why (shown as "N left out")."""

    id: str | None
    name: str
    reason: str

    def to_jsonable(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "reason": self.reason}


def counting_credentials(
    credentials: Iterable[Credential], include_unverified: bool, now: datetime
) -> tuple[list[Credential], list[LeftOut]]:
    """Split credentials into those whose skills count and those left out, with a reason for each."""
    counted: list[Credential] = []
    left_out: list[LeftOut] = []
    for credential in credentials:
        reason = _exclusion_reason(credential, include_unverified, now)
        if reason is None:
            counted.append(credential)
        else:
            left_out.append(LeftOut(credential.wallet_id, credential.name, reason))
    return counted, left_out


def _exclusion_reason(credential: Credential, include_unverified: bool, now: datetime) -> str | None:
    status = credential.status
    if status == Status.REVOKED:
        return "revoked"
    if status == Status.INVALID:
        return "invalid"
    if status == Status.EXPIRED or credential.is_expired(now):
        expires = credential.expires_on.date().isoformat() if credential.expires_on else None
        return f"expired on {expires}" if expires else "expired"
    if status == Status.UNVERIFIED and not include_unverified:
        return "unverified (verify it, or pass --include-unverified)"
    return None


@dataclass(frozen=True, slots=True)
class GapItem:
    """One role skill compared with the wallet."""

    skill: str
    label: str
    required_level: int
    held_level: int  # 0 when the wallet evidences nothing for it
    weight: float
    required: bool
    status: str
    evidence: tuple[str, ...] = ()

    @property
    def credit(self) -> float:
        """The share of this skill's weight that counts towards coverage (1 met, 0 missing)."""
        return min(1.0, self.held_level / self.required_level) if self.required_level else 1.0

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7 gap item: skill, required_level, held_level, weight, evidence [wallet ids]."""
        return {
            "skill": self.skill,
            "required_level": self.required_level,
            "held_level": self.held_level,
            "weight": self.weight,
            "evidence": list(self.evidence),
        }


@dataclass(slots=True)
class GapResult:
    """A role's skills split into met / partial / missing, with weighted coverage."""

    role: str
    title: str
    coverage: float
    items: list[GapItem] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    progress: float = 0.0  # like coverage, but partial skills count in proportion to the level held

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
        """Required skills not yet at their level: the role is not within reach until these are met."""
        return [i for i in self.items if i.required and i.status != MET]


    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7: {"role", "coverage", "met", "partial", "missing"}; coverage is a 0-1 fraction."""
        return {
            "role": self.role,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "met": [i.to_jsonable() for i in self.met],
            "partial": [i.to_jsonable() for i in self.partial],
            "missing": [i.to_jsonable() for i in self.missing],
        }


def _held_index(held: Iterable[HeldSkill]) -> dict[str, HeldSkill]:
    return {item.skill: item for item in held}


def analyze_gap(
    held: Iterable[HeldSkill] | dict[str, HeldSkill],
    role: Role,
    vocabulary: Vocabulary | None = None,
    left_out: Sequence[LeftOut] = (),
) -> GapResult:
    """Compare held skills with a role. Items keep the role's order: required first, then by weight."""
    index = held if isinstance(held, dict) else _held_index(held)
    items: list[GapItem] = []
    total_weight = 0.0
    earned = 0.0
    for role_skill in role.skills:
        holding = index.get(role_skill.skill)
        held_level = holding.level if holding else 0
        if held_level >= role_skill.level:
            status = MET
        elif held_level > 0:
            status = PARTIAL
        else:
            status = MISSING
        evidence: tuple[str, ...] = ()
        if holding is not None:
            evidence = tuple(dict.fromkeys(e.id for e in holding.evidence if e.id is not None))
        label = vocabulary.label(role_skill.skill) if vocabulary is not None else role_skill.skill
        item = GapItem(
            skill=role_skill.skill,
            label=label,
            required_level=role_skill.level,
            held_level=held_level,
            weight=role_skill.weight,
            required=role_skill.required,
            status=status,
            evidence=evidence,
        )
        items.append(item)
        total_weight += item.weight
        earned += item.weight * item.credit
    # DESIGN.md §6: coverage is the weighted share of the role's skills that are met; `progress` also
    # credits partial levels (held/required), so a learner sees movement before a skill is fully met.
    met_weight = sum(i.weight for i in items if i.status == MET)
    coverage = met_weight / total_weight if total_weight else 0.0
    progress = earned / total_weight if total_weight else 0.0
    return GapResult(
        role=role.id, title=role.title, coverage=coverage, items=items, left_out=list(left_out), progress=progress
    )


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role ranked by coverage, with what would close most of the gap."""

    role: str
    title: str
    coverage: float
    progress: float
    met: int
    total: int
    required_unmet: tuple[str, ...]
    top_missing: tuple[str, ...]
    origin: str = "built-in"

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "met": self.met,
            "total": self.total,
            "required_unmet": list(self.required_unmet),
            "top_missing": list(self.top_missing),
        }


def match_roles(
    held: Iterable[HeldSkill] | dict[str, HeldSkill],
    roles: Iterable[Role],
    vocabulary: Vocabulary | None = None,
    top_missing: int = 3,
) -> list[RoleMatch]:
    """Every role ranked by coverage ("which jobs am I closest to"); ties: fewer required unmet, title."""
    index = held if isinstance(held, dict) else _held_index(held)
    matches: list[RoleMatch] = []
    for role in roles:
        result = analyze_gap(index, role, vocabulary)
        # What to learn next: the unmet skills that would add the most coverage, required ones first.
        unmet = [i for i in result.items if i.status != MET]
        unmet.sort(key=lambda i: (not i.required, -i.weight * (1 - i.credit), i.skill))
        matches.append(
            RoleMatch(
                role=role.id,
                title=role.title,
                coverage=result.coverage,
                progress=result.progress,
                met=len(result.met),
                total=len(result.items),
                required_unmet=tuple(i.skill for i in result.required_unmet),
                top_missing=tuple(i.skill for i in unmet[:top_missing]),
                origin=role.origin,
            )
        )
    matches.sort(key=lambda m: (-m.coverage, -m.progress, len(m.required_unmet), m.title))
    return matches

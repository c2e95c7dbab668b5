"""Records of the skills stage: what one credential claims, and what the whole wallet holds.

These live here rather than in credwallet.model because only skills, gap, plan and export read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Where a claim came from, strongest first: an explicit alignment code beats a name, which beats a
# keyword tag, which beats a mention in free text.
SOURCES = ("alignment-code", "alignment-name", "tag", "text")

LEVEL_NAMES = {1: "aware", 2: "basic", 3: "intermediate", 4: "advanced", 5: "expert"}

# Each broader step costs one level and this factor of confidence; two steps at most (pandas ->
# python -> programming) so a single library does not claim half the vocabulary.
BROADER_CONFIDENCE = 0.8
BROADER_MAX_HOPS = 2


class SkillClaim(NamedTuple):
    """One credential's evidence for one skill: at which level, from where, and how sure we are.

    A named tuple, not a frozen dataclass: a wallet's commands build one per claim (thousands), and a tuple
    is built several times faster."""

    skill: str
    level: int
    source: str
    confidence: float
    credential: str | None
    detail: str
    via: str | None = None  # set when the claim is inherited from a narrower skill (pandas -> python)

    def to_jsonable(self) -> dict[str, Any]:
        """`skills ID --json` item."""
        return {
            "skill": self.skill,
            "level": self.level,
            "source": self.source,
            "confidence": self.confidence,
            "detail": self.detail,
            "via": self.via,
        }

    def to_stored(self) -> list[Any]:
        """The compact form a store persists (see `from_stored` and extract.prime_cache)."""
        return [self.skill, self.level, self.source, self.confidence, self.detail, self.via]

    @classmethod
    def from_stored(cls, data: list[Any], credential: str | None) -> SkillClaim:
        skill, level, source, confidence, detail, via = data
        return cls(skill, level, source, confidence, credential, detail, via)

    @classmethod
    def from_jsonable(cls, data: dict[str, Any], credential: str | None) -> SkillClaim:
        """From the form `to_jsonable` wrote (the store's own JSON: the types are already right)."""
        return cls(
            data["skill"], data["level"], data["source"], data["confidence"], credential, data.get("detail") or "",
            data.get("via"),
        )


# Kinds of evidence, strongest first (DESIGN.md §6): an issued credential verified as valid; one not yet
# checked (not failed); a credential the learner recorded by hand (self-reported); a declared skill.
TIER_VALID = "valid"
TIER_UNVERIFIED = "unverified"
TIER_SELF_REPORTED = "self-reported"
TIER_DECLARED = "declared"
TIERS = (TIER_VALID, TIER_UNVERIFIED, TIER_SELF_REPORTED, TIER_DECLARED)


class EvidenceRef(NamedTuple):
    """One piece of evidence for a held skill: a credential's claim, or the learner's declaration.

    `id` is the wallet id (None for a declaration); `tier` says how strong the evidence is (TIERS);
    `independent` groups copies of one achievement, which count once when levels accumulate. A named tuple
    for the same reason as SkillClaim.
    """

    id: str | None
    source: str
    confidence: float
    level: int
    detail: str
    via: str | None = None
    tier: str = TIER_VALID
    independent: str | None = None

    def to_jsonable(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "confidence": self.confidence, "tier": self.tier}


@dataclass(slots=True)
class HeldSkill:
    """A skill the wallet evidences: its level, and every piece of evidence behind it.

    `levels[i]` is (level, firm level) counting only evidence of tiers TIERS[:i + 1]; the firm level leaves
    out low-confidence text matches. `level` is the level from all the evidence given (what `skills` shows).
    """

    skill: str
    label: str
    level: int
    evidence: list[EvidenceRef] = field(default_factory=list)
    levels: tuple[tuple[int, int], ...] = ()

    @property
    def credential_ids(self) -> list[str]:
        return [e.id for e in self.evidence if e.id is not None]

    def level_upto(self, tier_index: int, *, firm: bool = False) -> int:
        """The held level counting evidence of tiers TIERS[:tier_index + 1] (firm: no weak text matches)."""
        if not self.levels:
            if not self.evidence:
                return self.level
            from credwallet.skills.holding import tier_levels

            self.levels = tier_levels(self.evidence)
        pair = self.levels[min(tier_index, len(self.levels) - 1)]
        return pair[1] if firm else pair[0]

    @property
    def tier(self) -> str | None:
        """The strongest tier of evidence this skill has."""
        present = {e.tier for e in self.evidence}
        return next((tier for tier in TIERS if tier in present), None)

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7 `skills --json` item: skill, label, level, evidence [{id, source, confidence, tier}]."""
        return {
            "skill": self.skill,
            "label": self.label,
            "level": self.level,
            "evidence": [e.to_jsonable() for e in self.evidence],
        }

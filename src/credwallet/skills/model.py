"""Records of the skills stage: what one credential claims, and what the whole wallet holds.

These live here rather than in credwallet.model because only skills, gap, plan and export read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Where a claim came from, strongest first: an explicit alignment code beats a name, which beats a
# keyword tag, which beats a mention in free text.
SOURCES = ("alignment-code", "alignment-name", "tag", "text")

LEVEL_NAMES = {1: "aware", 2: "basic", 3: "intermediate", 4: "advanced", 5: "expert"}


@dataclass(frozen=True, slots=True)
class SkillClaim:
    """One credential's evidence for one skill: at which level, from where, and how sure we are."""

    skill: str
    level: int
    source: str
    confidence: float
    credential: str | None
    detail: str
    via: str | None = None  # set when the claim is inherited from a narrower skill (pandas -> python)

    def to_jsonable(self) -> dict[str, Any]:
        """`skills ID --json` item; also the form a store may persist (see extract.prime_cache)."""
        return {
            "skill": self.skill,
            "level": self.level,
            "source": self.source,
            "confidence": self.confidence,
            "detail": self.detail,
            "via": self.via,
        }

    @classmethod
    def from_jsonable(cls, data: dict[str, Any], credential: str | None) -> SkillClaim:
        return cls(
            skill=str(data["skill"]),
            level=int(data["level"]),
            source=str(data["source"]),
            confidence=float(data["confidence"]),
            credential=credential,
            detail=str(data.get("detail") or ""),
            via=data.get("via"),
        )


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """A credential evidencing a held skill (the `evidence` items of `skills --json`)."""

    id: str | None
    source: str
    confidence: float
    level: int
    detail: str
    via: str | None = None

    def to_jsonable(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "confidence": self.confidence}


@dataclass(slots=True)
class HeldSkill:
    """A skill the wallet evidences: its best level and every credential behind it."""

    skill: str
    label: str
    level: int
    evidence: list[EvidenceRef] = field(default_factory=list)

    @property
    def credential_ids(self) -> list[str]:
        return [e.id for e in self.evidence if e.id is not None]

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7 `skills --json` item: skill, label, level, evidence [{id, source, confidence}]."""
        return {
            "skill": self.skill,
            "label": self.label,
            "level": self.level,
            "evidence": [e.to_jsonable() for e in self.evidence],
        }

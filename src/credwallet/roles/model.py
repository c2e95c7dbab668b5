"""The role profile, format 2 (DESIGN.md §6.1): core items, choice groups, foundation items, requirements.

A role separates what a learner can show and learn (the **core**: single skills and "any one of" choice
groups) from the background O*NET describes (the **foundation**: basic skills and knowledge areas, shown
as context and counted in coverage only at the small share `foundation_weight` declares), and from what the
job asks beyond skills (**requirements**: job zone, education, experience; shown, never planned).
Format 1 files (a flat `skills` list) load as a role whose core is that list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ORIGIN_BUILTIN = "built-in"
ORIGIN_USER = "user"
ORIGIN_FILE = "file"

# The share of coverage the foundation items carry together when a role file does not say (a role may
# declare 0 to 0.25): enough to show, too little to rank one role above another on generic skills.
DEFAULT_FOUNDATION_WEIGHT = 0.1
MAX_FOUNDATION_WEIGHT = 0.25


@dataclass(frozen=True, slots=True)
class RoleSource:
    """Where a profile comes from: e.g. O*NET 15-2051.01 (and related codes), version 29.3."""

    name: str
    codes: tuple[str, ...] = ()
    version: str | None = None
    title: str | None = None
    url: str | None = None
    ratings_from: str | None = None

    @property
    def code(self) -> str | None:
        """The main occupation code (the first one)."""
        return self.codes[0] if self.codes else None

    def to_jsonable(self) -> dict[str, Any]:
        document: dict[str, Any] = {"name": self.name}
        if self.codes:
            document["codes"] = list(self.codes)
        for key, value in (
            ("version", self.version),
            ("title", self.title),
            ("url", self.url),
            ("ratings_from", self.ratings_from),
        ):
            if value is not None:
                document[key] = value
        return document


@dataclass(frozen=True, slots=True)
class SkillItem:
    """A core item naming one skill; `skill` is a vocabulary id (an alias in the file is resolved on load)."""

    skill: str
    level: int
    weight: float = 1.0
    required: bool = False
    note: str | None = None
    written_as: str | None = None  # the alias the file used, when it was not the id

    @property
    def key(self) -> str:
        """Stable id of the item within its role (gap and plan refer to items by it)."""
        return self.skill

    @property
    def members(self) -> tuple[str, ...]:
        return (self.skill,)

    @property
    def need(self) -> int:
        return 1

    def to_jsonable(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "skill": self.skill,
            "level": self.level,
            "weight": self.weight,
            "required": self.required,
        }
        if self.note:
            document["note"] = self.note
        return document


@dataclass(frozen=True, slots=True)
class ChoiceGroup:
    """A core item met by `need` of its members at `level` ("one BI tool of Tableau, Power BI, Looker")."""

    any_of: tuple[str, ...]
    level: int
    weight: float = 1.0
    required: bool = False
    need: int = 1
    name: str | None = None
    note: str | None = None

    @property
    def key(self) -> str:
        return "any-of:" + "+".join(self.any_of)

    @property
    def members(self) -> tuple[str, ...]:
        return self.any_of

    def to_jsonable(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "any_of": list(self.any_of),
            "level": self.level,
            "weight": self.weight,
            "required": self.required,
            "need": self.need,
        }
        if self.name:
            document["name"] = self.name
        if self.note:
            document["note"] = self.note
        return document


CoreItem = SkillItem | ChoiceGroup


@dataclass(frozen=True, slots=True)
class FoundationItem:
    """An O*NET basic skill or knowledge area: context, counted at the role's small foundation share, and
    never planned unless the learner asks. `weight` is relative among the foundation items."""

    skill: str
    level: int
    weight: float = 1.0
    note: str | None = None

    @property
    def key(self) -> str:
        return self.skill

    def to_jsonable(self) -> dict[str, Any]:
        document: dict[str, Any] = {"skill": self.skill, "level": self.level, "weight": self.weight}
        if self.note:
            document["note"] = self.note
        return document


@dataclass(frozen=True, slots=True)
class Requirements:
    """What the job asks beyond skills (O*NET job zone, education, related experience): shown, not planned."""

    job_zone: int | None = None
    education: str | None = None
    experience: str | None = None
    training: str | None = None
    note: str | None = None

    @property
    def job_zone_name(self) -> str | None:
        return JOB_ZONE_NAMES.get(self.job_zone) if self.job_zone else None

    def is_empty(self) -> bool:
        return not any((self.job_zone, self.education, self.experience, self.training, self.note))

    def to_jsonable(self) -> dict[str, Any]:
        return {
            key: value
            for key, value in (
                ("job_zone", self.job_zone),
                ("education", self.education),
                ("experience", self.experience),
                ("training", self.training),
                ("note", self.note),
            )
            if value is not None
        }


# O*NET Job Zone Reference names (29.3).
JOB_ZONE_NAMES = {
    1: "little or no preparation needed",
    2: "some preparation needed",
    3: "medium preparation needed",
    4: "considerable preparation needed",
    5: "extensive preparation needed",
}


@dataclass(frozen=True, slots=True)
class Role:
    """A job role: core items and choice groups, foundation items, requirements, and where it came from."""

    id: str
    title: str
    core: tuple[CoreItem, ...]
    foundation: tuple[FoundationItem, ...] = ()
    foundation_weight: float = DEFAULT_FOUNDATION_WEIGHT
    requirements: Requirements | None = None
    description: str | None = None
    source: RoleSource | None = None
    notes: str | None = None
    curated: bool = False  # a hand-checked built-in role (its core set reviewed against job postings)
    origin: str = ORIGIN_BUILTIN
    path: str | None = None
    overrides_builtin: bool = False
    file_format: int = 2  # the format of the file it was read from (1 or 2)

    @property
    def onet_codes(self) -> tuple[str, ...]:
        return self.source.codes if self.source is not None and self.source.name == "O*NET" else ()

    @property
    def core_weight(self) -> float:
        return sum(item.weight for item in self.core)

    @property
    def effective_foundation_weight(self) -> float:
        """The foundation's share of coverage: 0 when the role has no foundation items."""
        return self.foundation_weight if self.foundation else 0.0

    def skill_ids(self) -> list[str]:
        """Every skill the role names (core members, then foundation), once each, in order."""
        seen: dict[str, None] = {}
        for item in self.core:
            for member in item.members:
                seen.setdefault(member)
        for foundation_item in self.foundation:
            seen.setdefault(foundation_item.skill)
        return list(seen)

    def skill_weights(self) -> dict[str, float]:
        """How much each named skill counts in coverage (a group's weight split among its members' best
        `need`, counted here as weight / need per member; foundation at its share): résumé relevance."""
        weights: dict[str, float] = {}
        core_total = self.core_weight or 1.0
        core_share = 1.0 - self.effective_foundation_weight
        for item in self.core:
            per_member = item.weight / item.need
            for member in item.members:
                weights[member] = max(weights.get(member, 0.0), core_share * per_member / core_total)
        foundation_total = sum(f.weight for f in self.foundation) or 1.0
        for foundation_item in self.foundation:
            share = self.effective_foundation_weight * foundation_item.weight / foundation_total
            weights[foundation_item.skill] = max(weights.get(foundation_item.skill, 0.0), share)
        return weights

    def to_document(self) -> dict[str, Any]:
        """The role as a format 2 document (what `roles new` writes and `roles add` validates)."""
        document: dict[str, Any] = {"format": 2, "id": self.id, "title": self.title}
        if self.description:
            document["description"] = self.description
        if self.source is not None:
            document["source"] = self.source.to_jsonable()
        if self.requirements is not None and not self.requirements.is_empty():
            document["requirements"] = self.requirements.to_jsonable()
        document["core"] = [item.to_jsonable() for item in self.core]
        if self.foundation:
            document["foundation_weight"] = self.foundation_weight
            document["foundation"] = [item.to_jsonable() for item in self.foundation]
        if self.notes:
            document["notes"] = self.notes
        return document

    def to_jsonable(self) -> dict[str, Any]:
        """`roles show --json`: the format 2 document plus origin, curation and override flags."""
        document = self.to_document()
        document.update(
            onet_codes=list(self.onet_codes),
            curated=self.curated,
            origin=self.origin,
            path=self.path,
            overrides_builtin=self.overrides_builtin,
        )
        return document

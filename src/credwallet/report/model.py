"""The report's data model: everything the page shows, already decided, cleaned and redacted.

The HTML renderer only lays these records out, and `report --json` prints them, so what a reader sees and
what a script reads are the same facts. Text here is display text (cleaned, recipient identities redacted
unless asked); it is still escaped by the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Card groups in the order the page shows them: what counts first, then what needs attention.
STATUS_ORDER = ("valid", "unverified", "self-reported", "expired", "suspended", "revoked", "invalid")
STATUS_LABELS = {
    "valid": "Verified",
    "unverified": "Not verified",
    "self-reported": "Recorded by you",
    "expired": "Expired",
    "suspended": "Suspended",
    "revoked": "Revoked",
    "invalid": "Failed verification",
}
# A gap item's status in words (never colour alone).
GAP_STATUS_WORDS = {"met": "met", "partial": "partly met", "missing": "missing"}
# Kinds of evidence behind a skill, strongest first (DESIGN.md §6), as the page names them.
TIER_LABELS = {
    "valid": "verified credentials",
    "unverified": "unverified credentials",
    "self-reported": "self-reported credentials",
    "declared": "skills you declared",
}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class Check:
    """One verification check as the card's detail list shows it."""

    name: str
    status: str  # passed | failed | skipped | error | warning
    detail: str
    kind: str | None = None  # authenticity | conformance, when the verifier recorded it

    def to_jsonable(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "detail": self.detail, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Card:
    """One credential as a card: what it is, who issued it, when, and whether it stands."""

    id: str
    name: str
    issuer: str
    issuer_url: str | None  # https only; shown as a plain link
    issued_on: date | None
    expires_on: date | None
    status: str  # effective status: a valid credential past its expiry date is expired
    reason: str  # one line: why it has this status
    kind: str  # "Open Badges 2.0", "Open Badges 3.0", ...
    checks: tuple[Check, ...] = ()
    verified_on: date | None = None
    skills: tuple[str, ...] = ()  # skill labels it evidences
    image: str | None = None  # key into Report.images
    monogram: str = ""  # initials drawn when there is no image
    trusted_issuer: bool | None = None  # None: there is no trust list to judge by
    part_of: str | None = None  # the name of the record (CLR) it came in
    recipient: str | None = None  # redacted unless --reveal; None when hashed or absent
    verify_url: str | None = None  # https only

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "issuer": self.issuer,
            "issuer_url": self.issuer_url,
            "issued_on": _day(self.issued_on),
            "expires_on": _day(self.expires_on),
            "status": self.status,
            "reason": self.reason,
            "kind": self.kind,
            "checks": [check.to_jsonable() for check in self.checks],
            "verified_on": _day(self.verified_on),
            "skills": list(self.skills),
            "has_image": self.image is not None,
            "trusted_issuer": self.trusted_issuer,
            "part_of": self.part_of,
            "recipient": self.recipient,
            "verify_url": self.verify_url,
        }


@dataclass(frozen=True, slots=True)
class StatusGroup:
    """The cards sharing one status, in the page's order."""

    status: str
    label: str
    cards: tuple[Card, ...]

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "label": self.label,
            "count": len(self.cards),
            "cards": [card.to_jsonable() for card in self.cards],
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A credential (or the learner's own declaration, id "declared") behind a skill, with the level it gives."""

    id: str
    name: str
    level: int
    tier: str  # valid | unverified | self-reported | declared
    skill: str | None = None  # the member skill's label, for a choice group
    text_match: bool = False  # found only in its prose, not listed by the issuer (a low-confidence match)

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "tier": self.tier,
            "skill": self.skill,
            "text_match": self.text_match,
        }


@dataclass(frozen=True, slots=True)
class Member:
    """One option of a choice group and the level the wallet holds in it."""

    key: str
    label: str
    held_level: int

    def to_jsonable(self) -> dict[str, Any]:
        return {"skill": self.key, "label": self.label, "held_level": self.held_level}


@dataclass(frozen=True, slots=True)
class SkillRow:
    """One row of the gap chart: a core skill, a choice group or a foundation item, required against held."""

    key: str  # skill id, or the choice group's key ("any-of:a+b")
    label: str
    required_level: int
    held_level: int  # a choice group: the level of its need-th best member
    status: str  # met | partial | missing
    weight: float
    share: float  # the part of the role's coverage it is worth
    required: bool
    tier: str | None = None  # met: the weakest evidence needed to meet it; else the best it has
    evidence: tuple[Evidence, ...] = ()
    kind: str = "skill"  # skill | choice | foundation
    members: tuple[Member, ...] = ()  # a choice group's options, best held first
    need: int = 1  # how many members a choice group needs
    text_match: bool = False  # the level held rests partly on text matches (`gap` marks it "(text)")

    def to_jsonable(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "required_level": self.required_level,
            "held_level": self.held_level,
            "status": self.status,
            "weight": self.weight,
            "share": round(self.share, 4),
            "required": self.required,
            "tier": self.tier,
            "text_match": self.text_match,
            "evidence": [item.to_jsonable() for item in self.evidence],
        }
        if self.kind == "choice":
            document.update(members=[m.to_jsonable() for m in self.members], need=self.need)
        return document


@dataclass(frozen=True, slots=True)
class Gap:
    """Where the learner stands against one role."""

    role: str
    title: str
    chosen_by: str  # "option" (--role) or "closest match"
    coverage: float
    progress: float
    rows: tuple[SkillRow, ...]
    foundation: tuple[SkillRow, ...] = ()
    foundation_share: float = 0.0  # the part of coverage the foundation items carry together
    coverage_by_tier: tuple[tuple[str, float], ...] = ()  # how much of the coverage rests on each tier
    verified_only: bool = False
    description: str | None = None
    source: str | None = None  # e.g. "O*NET 15-2051.01"
    requirements: tuple[str, ...] = ()  # "job zone 4 (considerable preparation needed)", "bachelor's degree"
    left_out: tuple[tuple[str, int], ...] = ()  # (reason, how many credentials)

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "chosen_by": self.chosen_by,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "coverage_by_tier": {tier: round(share, 4) for tier, share in self.coverage_by_tier},
            "verified_only": self.verified_only,
            "rows": [row.to_jsonable() for row in self.rows],
            "foundation_share": round(self.foundation_share, 4),
            "foundation": [row.to_jsonable() for row in self.foundation],
            "description": self.description,
            "source": self.source,
            "requirements": list(self.requirements),
            "left_out": [{"reason": reason, "count": count} for reason, count in self.left_out],
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One offering on the pathway, with its dates and what it closes."""

    number: int
    offering: str
    title: str
    provider: str
    kind: str
    start: date
    end: date
    hours: float
    cost: float
    currency: str
    closes: tuple[str, ...] = ()  # "SQL (level 3)"
    unlocks: tuple[str, ...] = ()  # titles of later steps it is a prerequisite for
    url: str | None = None  # https only
    done: bool = False
    done_by: str | None = None  # why a saved plan's step counts as done ("credential 3fa2c1d0 (...)")

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "offering": self.offering,
            "title": self.title,
            "provider": self.provider,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "hours": self.hours,
            "cost": self.cost,
            "currency": self.currency,
            "closes": list(self.closes),
            "unlocks": list(self.unlocks),
            "url": self.url,
            "done": self.done,
            "done_by": self.done_by,
        }


@dataclass(frozen=True, slots=True)
class Pathway:
    """The dated plan for the role (a fresh plan, or a saved one with its done steps)."""

    role: str
    steps: tuple[Step, ...]
    start: date
    finish: date | None
    hours_per_week: float
    total_hours: float
    total_cost: float
    currency: str
    coverage_before: float
    coverage_after: float
    optimal: bool
    saved_as: str | None = None  # the saved plan's name; its steps carry `done` and the dates still to come
    saved_on: date | None = None
    planned_finish: date | None = None  # a saved plan: the finish it promised (`finish` is the revised one)
    coverage_now: float | None = None  # a saved plan: coverage with the steps done so far
    today: date | None = None  # marked on a saved plan's timeline
    target_coverage: float | None = None
    target_reached: bool = True
    unreachable: tuple[str, ...] = ()  # "SPSS (level 2): no offering in the catalog teaches it"
    notes: tuple[str, ...] = ()  # the planner's warnings and notes

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "steps": [step.to_jsonable() for step in self.steps],
            "start": self.start.isoformat(),
            "finish": _day(self.finish),
            "hours_per_week": self.hours_per_week,
            "total_hours": self.total_hours,
            "total_cost": self.total_cost,
            "currency": self.currency,
            "coverage_before": round(self.coverage_before, 4),
            "coverage_after": round(self.coverage_after, 4),
            "optimal": self.optimal,
            "saved_as": self.saved_as,
            "saved_on": _day(self.saved_on),
            "planned_finish": _day(self.planned_finish),
            "coverage_now": None if self.coverage_now is None else round(self.coverage_now, 4),
            "target_coverage": self.target_coverage,
            "target_reached": self.target_reached,
            "unreachable": list(self.unreachable),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """One of the roles the wallet is closest to."""

    role: str
    title: str
    coverage: float
    progress: float
    met: int
    total: int
    learn_next: tuple[str, ...]  # item labels
    verified_coverage: float = 0.0
    is_target: bool = False  # the role the gap section shows

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "title": self.title,
            "coverage": round(self.coverage, 4),
            "progress": round(self.progress, 4),
            "verified_coverage": round(self.verified_coverage, 4),
            "met": self.met,
            "total": self.total,
            "learn_next": list(self.learn_next),
            "is_target": self.is_target,
        }


@dataclass(frozen=True)
class Report:
    """Everything the page shows, in the order it shows it."""

    title: str
    learner: str | None
    generated_at: datetime
    groups: tuple[StatusGroup, ...]
    gap: Gap | None = None
    pathway: Pathway | None = None
    matches: tuple[RoleMatch, ...] = ()
    images: dict[str, str] = field(default_factory=dict)  # image key -> data: URI
    notes: tuple[str, ...] = ()  # what could not be shown, and why
    trust_list: bool = False  # whether a trust list judged the issuers
    declared: tuple[tuple[str, int], ...] = ()  # skills the learner declared: (label, level)
    verified_only: bool = False  # only credentials verified as valid count towards skills

    @property
    def cards(self) -> list[Card]:
        return [card for group in self.groups for card in group.cards]

    def count(self, status: str) -> int:
        return sum(len(group.cards) for group in self.groups if group.status == status)

    def to_jsonable(self) -> dict[str, Any]:
        """`report --json`: the page's data model (images reported as present or not, never embedded)."""
        return {
            "title": self.title,
            "learner": self.learner,
            "generated_at": self.generated_at.isoformat().replace("+00:00", "Z"),
            "counts": {group.status: len(group.cards) for group in self.groups},
            "total": len(self.cards),
            "groups": [group.to_jsonable() for group in self.groups],
            "gap": self.gap.to_jsonable() if self.gap else None,
            "pathway": self.pathway.to_jsonable() if self.pathway else None,
            "matches": [match.to_jsonable() for match in self.matches],
            "notes": list(self.notes),
            "trust_list": self.trust_list,
            "declared": [{"skill": label, "level": level} for label, level in self.declared],
            "verified_only": self.verified_only,
        }

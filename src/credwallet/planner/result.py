"""A plan as the learner (and `report`, and `plan --json`) sees it: dated steps that explain themselves.

Typed and frozen: `make_plan` returns a `Plan`; saved plans store `Plan.to_jsonable()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering
    from credwallet.planner.needs import Need
    from credwallet.planner.optimize import Selection


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another offering that would close (some of) a step's gaps, for the learner to weigh."""

    offering: Offering
    closes: tuple[str, ...]  # keys of the step's needs it closes too
    note: str | None = None  # e.g. "needs X first" or "not eligible: ..."

    def to_jsonable(self) -> dict[str, Any]:
        o = self.offering
        return {
            "offering": o.id,
            "title": o.title,
            "provider": o.provider,
            "hours": number(o.hours),
            "cost": number(o.cost),
            "currency": o.currency,
            "closes": list(self.closes),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One offering in the plan: when, what it closes, why here, can the learner enrol, what else would do."""

    offering: Offering
    start: date
    end: date
    start_week: int  # 1-based study weeks from the plan's start date
    end_week: int
    closes: tuple[Need, ...]  # gaps this step is the first to close
    prerequisite_for: tuple[str, ...]  # later steps that need it (as an offering or for a skill level)
    after: tuple[str, ...] = ()  # earlier steps it needs
    order_reason: str = ""
    eligibility: str = ""
    alternatives: tuple[Alternative, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def why(self) -> str:
        """A one-line reason: the gaps it closes (by label) and the steps it unlocks."""
        parts = []
        if self.closes:
            parts.append("closes " + ", ".join(n.describe(self.labels) for n in self.closes))
        if self.prerequisite_for:
            parts.append("prerequisite for " + ", ".join(self.prerequisite_for))
        return "; ".join(parts) or "chosen by the optimizer"

    def to_jsonable(self) -> dict[str, Any]:
        offering = self.offering
        return {
            "offering": offering.id,
            "title": offering.title,
            "provider": offering.provider,
            "skills": [n.skill for n in self.closes],
            "hours": number(offering.hours),
            "cost": number(offering.cost),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "currency": offering.currency,
            "url": offering.url,
            "kind": offering.kind,
            "teaches": [{"skill": s.skill, "level": s.level} for s in offering.skills],
            "closes": [need_jsonable(n, self.labels) for n in self.closes],
            "week_start": self.start_week,
            "week_end": self.end_week,
            "prerequisite_for": list(self.prerequisite_for),
            "after": list(self.after),
            "why": self.why,
            "order_reason": self.order_reason,
            "eligibility": self.eligibility,
            "checked": offering.checked.isoformat() if offering.checked else None,
            "alternatives": [a.to_jsonable() for a in self.alternatives],
        }


@dataclass(frozen=True)
class Plan:
    """An ordered, dated pathway for a role, with its totals, warnings and how it was chosen."""

    role: str
    steps: tuple[Step, ...]
    selection: Selection
    start: date
    hours_per_week: float
    total_hours: float
    total_cost: float  # in `currency`
    currency: str
    finish: date | None
    coverage_before: float
    coverage_after: float
    totals: Mapping[str, float] = field(default_factory=dict)  # cost per currency, as published
    warnings: tuple[str, ...] = ()  # said up front: over a year, over budget, stale prices, ...
    labels: Mapping[str, str] = field(default_factory=dict, repr=False)
    checked_oldest: date | None = None

    def to_jsonable(self) -> dict[str, Any]:
        """The `plan --json` document (DESIGN.md §7), with the extra keys it allows."""
        selection = self.selection
        return {
            "role": self.role,
            "steps": [step.to_jsonable() for step in self.steps],
            "total_hours": number(self.total_hours),
            "total_cost": number(self.total_cost),
            "unreachable": [u.skill for u in selection.unreachable],
            "currency": self.currency,
            "totals": {currency: number(value) for currency, value in self.totals.items()},
            "start": self.start.isoformat(),
            "finish": self.finish.isoformat() if self.finish else None,
            "hours_per_week": number(self.hours_per_week),
            "coverage_before": round(self.coverage_before, 4),
            "coverage_after": round(self.coverage_after, 4),
            "target_coverage": round(selection.target, 4),
            "target_reached": selection.target_reached,
            "warnings": list(self.warnings),
            "optimal": selection.optimal,
            "status": selection.status,
            "gap": None if selection.gap is None else round(selection.gap, 6),
            "bound": None if selection.bound is None else round(selection.bound, 2),
            "solver": selection.solver,
            "held": dict(sorted(selection.held.items())),
            "held_offerings": [h.to_jsonable() for h in selection.held_offerings],
            "done": sorted(selection.done),
            "required_open": [need_jsonable(n, self.labels) for n in selection.required_open],
            "left_out": [need_jsonable(n, self.labels) for n in selection.left_out],
            "not_planned": [need_jsonable(n, self.labels) for n in selection.not_planned],
            "skipped": [s.to_jsonable() for s in selection.skipped],
            "unreachable_detail": [
                {
                    "skill": u.skill,
                    "required_level": u.required_level,
                    "weight": u.weight,
                    "required": u.required,
                    "best_level": u.best_level,
                    "closest": u.closest,
                    "reason": u.reason,
                }
                for u in selection.unreachable
            ],
            "without_limits": selection.without_limits.to_jsonable() if selection.without_limits else None,
            "stacks_completed": list(selection.stacks_completed),
            "checked_oldest": self.checked_oldest.isoformat() if self.checked_oldest else None,
            "notes": list(selection.notes),
        }


def number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def need_jsonable(need: Need, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "skill": need.skill,
        "label": need.describe(labels),
        "required_level": need.level,
        "weight": need.weight,
        "required": need.required,
    }
    if need.is_group:
        document["any_of"] = list(need.any_of)
        document["count"] = need.count
    if need.foundation:
        document["foundation"] = True
    return document

"""How a saved plan is going: which steps are done, the current one, the revised finish and coverage now.

A step is done when a wallet credential is recognized as its offering (the learner imported or added the
certificate) or the learner marked it completed. The remaining steps are rescheduled from today (or the
plan's start, if later) at the plan's weekly hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from credwallet.planner.result import number
from credwallet.planner.schedule import slots


@dataclass(frozen=True, slots=True)
class StepProgress:
    """One planned step and whether it is done."""

    number: int
    offering: str
    title: str
    provider: str
    hours: float
    cost: float
    currency: str
    planned_start: date
    planned_end: date
    done_by: str | None  # why it counts as done, None when it is still to do
    expected_start: date | None = None  # for steps still to do: when they now start and end
    expected_end: date | None = None

    @property
    def done(self) -> bool:
        return self.done_by is not None

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "offering": self.offering,
            "title": self.title,
            "provider": self.provider,
            "hours": number(self.hours),
            "cost": number(self.cost),
            "currency": self.currency,
            "planned_start": self.planned_start.isoformat(),
            "planned_end": self.planned_end.isoformat(),
            "done": self.done,
            "done_by": self.done_by,
            "expected_start": self.expected_start.isoformat() if self.expected_start else None,
            "expected_end": self.expected_end.isoformat() if self.expected_end else None,
        }


@dataclass(frozen=True)
class Progress:
    """A saved plan against the wallet today."""

    name: str
    role: str
    today: date
    steps: tuple[StepProgress, ...]
    hours_per_week: float
    planned_finish: date | None
    revised_finish: date | None
    coverage_start: float  # when the plan was made
    coverage_planned: float  # what the plan promised once every step is done
    coverage_now: float

    @property
    def current(self) -> StepProgress | None:
        """The first step not done yet (None when all are)."""
        return next((step for step in self.steps if not step.done), None)

    @property
    def hours_done(self) -> float:
        return sum(step.hours for step in self.steps if step.done)

    @property
    def hours_left(self) -> float:
        return sum(step.hours for step in self.steps if not step.done)

    def to_jsonable(self) -> dict[str, Any]:
        current = self.current
        return {
            "name": self.name,
            "role": self.role,
            "today": self.today.isoformat(),
            "steps": [step.to_jsonable() for step in self.steps],
            "done": sum(1 for step in self.steps if step.done),
            "total": len(self.steps),
            "current": current.number if current else None,
            "hours_done": number(self.hours_done),
            "hours_left": number(self.hours_left),
            "hours_per_week": number(self.hours_per_week),
            "planned_finish": self.planned_finish.isoformat() if self.planned_finish else None,
            "revised_finish": self.revised_finish.isoformat() if self.revised_finish else None,
            "coverage_start": round(self.coverage_start, 4),
            "coverage_planned": round(self.coverage_planned, 4),
            "coverage_now": round(self.coverage_now, 4),
        }


def plan_progress(
    name: str,
    plan: Mapping[str, Any],
    done_by: Mapping[str, str],
    coverage_now: float,
    today: date,
) -> Progress:
    """Progress of a saved plan document (`Plan.to_jsonable()`); `done_by` maps offering ids to the reason
    each counts as done."""
    hours_per_week = float(plan["hours_per_week"])
    start = date.fromisoformat(plan["start"])
    steps = plan["steps"]
    still = [step for step in steps if step["offering"] not in done_by]
    resume = max(today, start)
    upcoming = iter(slots([float(s["hours"]) for s in still], resume, hours_per_week))
    result = []
    for index, step in enumerate(steps, start=1):
        reason = done_by.get(step["offering"])
        slot = None if reason is not None else next(upcoming)
        result.append(
            StepProgress(
                number=index,
                offering=step["offering"],
                title=step["title"],
                provider=step["provider"],
                hours=float(step["hours"]),
                cost=float(step["cost"]),
                currency=step.get("currency") or plan.get("currency") or "USD",
                planned_start=date.fromisoformat(step["start"]),
                planned_end=date.fromisoformat(step["end"]),
                done_by=reason,
                expected_start=slot.start if slot else None,
                expected_end=slot.end if slot else None,
            )
        )
    remaining = [s for s in result if not s.done]
    finish = plan.get("finish")
    return Progress(
        name=name,
        role=str(plan["role"]),
        today=today,
        steps=tuple(result),
        hours_per_week=hours_per_week,
        planned_finish=date.fromisoformat(finish) if finish else None,
        revised_finish=remaining[-1].expected_end if remaining else None,
        coverage_start=float(plan["coverage_before"]),
        coverage_planned=float(plan["coverage_after"]),
        coverage_now=coverage_now,
    )

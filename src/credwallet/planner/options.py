"""How the planner chooses: objective, target, limits, exclusions, learner facts and tie-breakers."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from credwallet.errors import InputError
from credwallet.planner.eligibility import LearnerFacts

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering

MINIMIZE = ("hours", "cost", "weighted")
DEFAULT_TARGET = 0.8
# --prefer-free: a paid offering counts this many times its hours, so a free one wins unless it takes more
# than half as long again (a 30 h free course beats a 20 h paid one; a 31 h one does not).
PAID_HOURS_FACTOR = 1.5


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """Everything that shapes a plan besides the role and the wallet (all optional)."""

    minimize: str = "hours"  # hours | cost | weighted (hours_weight * hours + cost_weight * cost)
    hours_weight: float = 1.0
    cost_weight: float = 1.0
    target_coverage: float = DEFAULT_TARGET  # weighted role coverage to reach, 0-1 (1 = every reachable gap)
    include_foundation: bool = False  # plan foundation items too (they always count in coverage)
    budget: float | None = None  # money, in `currency`
    hours_per_week: float = 5.0
    start: date | None = None  # needed with a deadline; make_plan defaults it to today
    deadline: date | None = None  # last study day (inclusive)
    max_steps: int | None = None
    exclude: frozenset[str] = frozenset()
    exclude_providers: tuple[str, ...] = ()  # case-insensitive parts of provider names
    only_free: bool = False
    prefer_free: bool = False  # paid offerings count PAID_HOURS_FACTOR x their hours
    prefer_provider: str | None = None
    prefer_stacks: bool = False
    completed: frozenset[str] = frozenset()  # taken outside the wallet: satisfy prerequisites, never planned
    have: tuple[tuple[str, int], ...] = ()  # skill levels to assume for this run (--have SKILL=LEVEL)
    facts: LearnerFacts = field(default_factory=LearnerFacts)
    ignore_eligibility: bool = False
    currency: str | None = None  # None: the catalog's most common currency
    time_limit: float = 10.0  # seconds for the solver, over all its rounds
    solver: str = "highs"  # highs | greedy (greedy is for comparison and tests)


def check_options(options: PlanOptions) -> None:
    """Reject options that cannot mean anything, with one line each."""
    if options.minimize not in MINIMIZE:
        raise InputError(f"--minimize must be one of {', '.join(MINIMIZE)}, not {options.minimize!r}")
    if options.budget is not None and (options.budget < 0 or not math.isfinite(options.budget)):
        raise InputError(f"the budget must be zero or more, not {options.budget}")
    if not (options.hours_per_week > 0 and math.isfinite(options.hours_per_week)):
        raise InputError(f"--hours-per-week must be more than 0, not {options.hours_per_week}")
    if options.hours_weight < 0 or options.cost_weight < 0:
        raise InputError("--hours-weight and --cost-weight must be zero or more")
    if options.minimize == "weighted" and options.hours_weight == 0 and options.cost_weight == 0:
        raise InputError("--minimize weighted needs a positive --hours-weight or --cost-weight")
    if not 0 <= options.target_coverage <= 1:
        raise InputError(f"--target-coverage must be 0-100, not {options.target_coverage * 100:g}")
    if options.max_steps is not None and options.max_steps < 0:
        raise InputError(f"--max-steps must be zero or more, not {options.max_steps}")
    if options.deadline is not None:
        if options.start is None:
            raise InputError("a deadline needs a start date")
        if options.deadline < options.start:
            raise InputError(f"the deadline {options.deadline} is before the start {options.start}")
    if options.time_limit <= 0:
        raise InputError("the solver time limit must be more than 0 seconds")
    if options.solver not in ("highs", "greedy"):
        raise InputError(f"unknown solver {options.solver!r} (highs or greedy)")
    for skill, level in options.have:
        if not 0 <= level <= 5:
            raise InputError(f"--have {skill}={level}: the level must be 0-5")


def parse_have(items: list[str]) -> tuple[tuple[str, int], ...]:
    """`--have sql=4` values as (skill, level) pairs; one clear line when malformed."""
    parsed: dict[str, int] = {}
    for item in items:
        skill, sep, level_text = item.partition("=")
        skill = skill.strip()
        if not sep or not skill or not level_text.strip().isdigit() or not 0 <= int(level_text) <= 5:
            raise InputError(f"--have {item!r}: write SKILL=LEVEL with a level 0-5, e.g. sql=3")
        parsed[skill] = int(level_text)
    return tuple(parsed.items())


def hours_capacity(options: PlanOptions) -> float | None:
    """Study hours that fit between start and deadline (inclusive) at the weekly pace."""
    if options.deadline is None or options.start is None:
        return None
    days = (options.deadline - options.start).days + 1
    return options.hours_per_week * days / 7


def limited(options: PlanOptions) -> bool:
    """Whether a limit may keep the plan from its target (then coverage is maximized first)."""
    return options.budget is not None or options.deadline is not None or options.max_steps is not None


def primary_cost(offering: Offering, options: PlanOptions) -> float:
    """What the objective charges for one offering (hours, money or the weighted mix)."""
    hours = offering.hours
    if options.prefer_free and offering.cost > 0:
        hours *= PAID_HOURS_FACTOR
    if options.minimize == "cost":
        return offering.cost
    if options.minimize == "weighted":
        return options.hours_weight * hours + options.cost_weight * offering.cost
    return hours


def secondary_cost(offering: Offering, options: PlanOptions) -> float:
    """The tie-breaker: money when minimizing hours (so a deadline plan is still the cheapest), else hours."""
    return {"hours": offering.cost, "cost": offering.hours}.get(options.minimize, 0.0)

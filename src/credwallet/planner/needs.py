"""What a plan aims at: a role's items as needs (one skill, or a choice group), and how to score them.

A need is met when the learner holds its skill at its level, or, for a choice group (`any_of`), when
`count` of its member skills are held at the level. Coverage is the weighted share of needs met; the
planner counts weights in integer units (`UNITS` per weight point) so its coverage floors are exact
integers and never a float the solver's presolve may round the wrong way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from credwallet.errors import InputError

if TYPE_CHECKING:
    from credwallet.planner.catalog import Offering

# Weight units per 1.0 of weight: role weights have at most two decimals, so four keep them exact.
UNITS = 10_000


@dataclass(frozen=True, slots=True)
class Need:
    """A role item to reach: `skill` at `level`, or `count` of the `any_of` skills at `level`.

    For a choice group `skill` is the group's key (its name or the joined members) and `label` its name.
    """

    skill: str
    level: int
    weight: float = 1.0
    required: bool = False
    any_of: tuple[str, ...] = ()
    count: int = 1
    foundation: bool = False
    label: str | None = None

    @property
    def members(self) -> tuple[str, ...]:
        """The skills that can meet this need."""
        return self.any_of or (self.skill,)

    @property
    def is_group(self) -> bool:
        return bool(self.any_of)

    def held_members(self, levels: Mapping[str, int]) -> tuple[str, ...]:
        """Member skills already at the level."""
        return tuple(m for m in self.members if levels.get(m, 0) >= self.level)

    def missing(self, levels: Mapping[str, int]) -> int:
        """How many more members must reach the level (0 when met)."""
        return max(0, min(self.count, len(self.members)) - len(self.held_members(levels)))

    def met_by(self, levels: Mapping[str, int]) -> bool:
        return self.missing(levels) == 0

    def describe(self, labels: Mapping[str, str] | None = None) -> str:
        """'SQL (level 3)' or 'BI tool: one of Tableau, Power BI (level 3)', for explanations."""
        labels = labels or {}
        if not self.is_group:
            return f"{labels.get(self.skill, self.skill)} (level {self.level})"
        names = ", ".join(labels.get(m, m) for m in self.any_of)
        how = "one of" if self.count == 1 else f"{self.count} of"
        head = f"{self.label}: " if self.label else ""
        return f"{head}{how} {names} (level {self.level})"


def as_need(item: Need | tuple[str, int, float]) -> Need:
    """Accept the old `(skill, level, weight)` tuples too."""
    return item if isinstance(item, Need) else Need(item[0], int(item[1]), float(item[2]))


def merge_needs(needs: Iterable[Need | tuple[str, int, float]]) -> tuple[Need, ...]:
    """Needs checked and deduplicated by key (the highest level and weight asked win; required if any is)."""
    merged: dict[str, Need] = {}
    for item in needs:
        need = as_need(item)
        if not 1 <= need.level <= 5:
            raise InputError(f"skill {need.skill!r}: level must be 1-5, not {need.level}")
        if not (need.weight >= 0 and math.isfinite(need.weight)):
            raise InputError(f"skill {need.skill!r}: weight must be zero or more, not {need.weight}")
        if need.is_group and not 1 <= need.count <= len(need.any_of):
            raise InputError(f"choice {need.skill!r}: need {need.count} of {len(need.any_of)} skills")
        old = merged.get(need.skill)
        if old is not None:
            need = Need(
                need.skill,
                max(old.level, need.level),
                max(old.weight, need.weight),
                old.required or need.required,
                need.any_of or old.any_of,
                max(old.count, need.count),
                old.foundation and need.foundation,
                need.label or old.label,
            )
        merged[need.skill] = need
    return tuple(merged.values())


def units(weight: float) -> int:
    """A weight in integer units (exact for weights with up to four decimals)."""
    return round(weight * UNITS)


def levels_after(held: Mapping[str, int], offerings: Iterable[Offering]) -> dict[str, int]:
    """Skill levels once `offerings` are taken (each skill at the best level reached)."""
    levels = dict(held)
    for offering in offerings:
        for taught in offering.skills:
            if levels.get(taught.skill, 0) < taught.level:
                levels[taught.skill] = taught.level
    return levels


def coverage_units(needs: Sequence[Need], levels: Mapping[str, int]) -> int:
    """Weight units of `needs` met at these levels."""
    return sum(units(n.weight) for n in needs if n.met_by(levels))


def coverage(needs: Sequence[Need], levels: Mapping[str, int]) -> float:
    """The weighted share of needs met (1.0 when there are none or they weigh nothing)."""
    total = sum(units(n.weight) for n in needs)
    return coverage_units(needs, levels) / total if total else 1.0

"""Helpers for planner tests: tiny offerings and catalogs built in code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from credwallet.planner.catalog import Catalog, Offering, SkillLevel, catalog_from_offerings

REPO = Path(__file__).resolve().parents[2]


def offering(
    offering_id: str,
    hours: float = 10,
    cost: float = 0,
    skills: Mapping[str, int] | None = None,
    *,
    needs_offerings: Sequence[str] = (),
    needs_skills: Mapping[str, int] | None = None,
    provider: str = "Provider",
    stacks_into: Sequence[str] = (),
    currency: str = "USD",
    kind: str = "course",
) -> Offering:
    """An offering with just the fields a test cares about."""
    return Offering(
        id=offering_id,
        title=offering_id.replace("-", " ").title(),
        provider=provider,
        kind=kind,
        hours=float(hours),
        cost=float(cost),
        currency=currency,
        skills=tuple(SkillLevel(s, lvl) for s, lvl in (skills or {"sql": 3}).items()),
        prerequisite_offerings=tuple(needs_offerings),
        prerequisite_skills=tuple(SkillLevel(s, lvl) for s, lvl in (needs_skills or {}).items()),
        stacks_into=tuple(stacks_into),
    )


def catalog_of(*offerings: Offering) -> Catalog:
    return catalog_from_offerings(offerings)

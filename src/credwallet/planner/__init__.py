"""Learning pathways: the catalog of offerings, the exact choice of what to take, and when to take it.

`make_plan` is the one call the CLI needs: gaps in, an ordered and dated `Plan` out. Heavy libraries
(yaml, jsonschema, highspy, icalendar) load only inside the functions that use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from credwallet.planner.catalog import Catalog, CatalogError, Offering, SkillLevel, load_catalog, search
from credwallet.planner.optimize import Need, PlanOptions, Selection, Unreachable, choose
from credwallet.planner.schedule import Plan, Step, build_plan

__all__ = [
    "Catalog",
    "CatalogError",
    "Need",
    "Offering",
    "Plan",
    "PlanOptions",
    "Selection",
    "SkillLevel",
    "Step",
    "Unreachable",
    "build_plan",
    "choose",
    "load_catalog",
    "make_plan",
    "search",
]


def make_plan(
    role: str,
    needs: Iterable[Need | tuple[str, int, float]],
    held: Mapping[str, int],
    catalog: Catalog,
    options: PlanOptions | None = None,
    *,
    today: date | None = None,
) -> Plan:
    """Choose offerings for the role's gaps and schedule them; `options.start` defaults to `today`."""
    from dataclasses import replace

    options = options or PlanOptions()
    if options.start is None:
        options = replace(options, start=today or date.today())
    assert options.start is not None
    selection = choose(needs, held, catalog, options)
    return build_plan(
        selection,
        catalog,
        role=role,
        held=held,
        start=options.start,
        hours_per_week=options.hours_per_week,
        completed=options.completed,
    )

"""Learning pathways: the catalog of offerings, the exact choice of what to take, and when to take it.

`make_plan` is the one call the CLI needs: needs and held levels in, an ordered, dated and explained
`Plan` out. Heavy libraries (yaml, jsonschema, highspy, icalendar) load only inside the functions that
use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from credwallet.planner.build import build_plan
from credwallet.planner.catalog import Catalog, CatalogError, HeldAs, Offering, SkillLevel, search
from credwallet.planner.catalog_file import load_catalog
from credwallet.planner.eligibility import Eligibility, LearnerFacts
from credwallet.planner.held import HeldOffering, held_offerings
from credwallet.planner.needs import Need
from credwallet.planner.optimize import Selection, Skipped, choose
from credwallet.planner.options import PlanOptions
from credwallet.planner.reach import Unreachable
from credwallet.planner.result import Alternative, Plan, Step

__all__ = [
    "Alternative",
    "Catalog",
    "CatalogError",
    "Eligibility",
    "HeldAs",
    "HeldOffering",
    "LearnerFacts",
    "Need",
    "Offering",
    "Plan",
    "PlanOptions",
    "Selection",
    "SkillLevel",
    "Skipped",
    "Step",
    "Unreachable",
    "build_plan",
    "choose",
    "held_offerings",
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
    held_offerings: Iterable[HeldOffering] = (),
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Plan:
    """Choose offerings for the role's gaps and schedule them; `options.start` defaults to `today`."""
    options = options or PlanOptions()
    if options.start is None:
        options = replace(options, start=today or date.today())
    assert options.start is not None
    selection = choose(needs, held, catalog, options, held_offerings=held_offerings)
    return build_plan(selection, catalog, role=role, start=options.start, options=options, labels=labels, today=today)

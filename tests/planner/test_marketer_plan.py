"""Issue 15: the marketer who holds the Google Data Analytics certificate is never told to take it again, nor
any of its eight courses, whatever role they plan for and however much coverage they ask for.

The wallet is issue 14's career changer (tests/gap/marketer.py): five credentials as their issuers describe
them, planned against the bundled catalog and roles through the same call the CLI makes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from credwallet.planner import PlanOptions
from credwallet.planner.catalog_file import load_catalog
from credwallet.skills.planning import plan_for_role
from tests.gap.marketer import marketer_wallet

GDA = "google-data-analytics-certificate"
ROLES = ("data-analyst", "digital-marketer", "business-intelligence-analyst", "market-research-analyst")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", [80.0, 100.0])
def test_the_marketer_is_never_offered_what_they_hold(wallet_home: Path, role: str, target: float) -> None:
    courses = set(load_catalog().stack_members()[GDA])
    assert len(courses) == 8
    options = PlanOptions(target_coverage=target / 100, include_foundation=target == 100, start=date(2026, 12, 1))
    plan = plan_for_role(
        marketer_wallet(), role, home=wallet_home, catalogs=[], catalog_only=False, options=options
    )
    held = {h.offering for h in plan.selection.held_offerings}
    assert {GDA, "tableau-desktop-foundations", "microsoft-mos-excel-expert"} <= held
    planned = {step.offering.id for step in plan.steps}
    assert not planned & (held | courses), planned & (held | courses)
    assert courses <= plan.selection.done  # holding the certificate is holding its courses
    for step in plan.steps:  # nor is any of them offered as an alternative
        assert not {a.offering.id for a in step.alternatives} & (held | courses)


def test_the_marketer_starts_from_what_the_certificate_teaches(wallet_home: Path) -> None:
    options = PlanOptions(target_coverage=1.0, start=date(2026, 12, 1))
    plan = plan_for_role(
        marketer_wallet(), "data-analyst", home=wallet_home, catalogs=[], catalog_only=False, options=options
    )
    gda = load_catalog().get(GDA)
    for taught in gda.skills:
        assert plan.selection.held.get(taught.skill, 0) >= taught.level
    assert plan.total_hours < 100  # a certificate away from the role, not a second certificate

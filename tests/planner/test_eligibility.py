"""Eligibility: offerings the learner may not enrol in are skipped with the reason, unless told otherwise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from credwallet.errors import InputError
from credwallet.planner import LearnerFacts, Need, PlanOptions, choose, make_plan
from credwallet.planner.catalog_file import load_catalog
from credwallet.planner.eligibility import Eligibility, check_degree, ineligibility, parse_experience
from tests.planner.helpers import catalog_of, offering

CCBA_RULES = Eligibility(
    experience_hours=3750,
    experience_in="business-analysis",
    note="CCBA needs 3,750 h of business analysis work in the last 7 years.",
)


def ccba_catalog() -> tuple[object, ...]:
    ccba = replace(offering("ccba", 80, 450, {"systems-analysis": 3}, kind="certification"), eligibility=CCBA_RULES)
    course = offering("sa-course", 120, 49, {"systems-analysis": 3})
    return ccba, course


def test_an_ineligible_offering_is_skipped_with_the_reason() -> None:
    ccba, course = ccba_catalog()
    catalog = catalog_of(ccba, course)  # type: ignore[arg-type]
    selection = choose([Need("systems-analysis", 3)], {}, catalog)
    assert selection.chosen == ("sa-course",)  # the 80-hour exam would win, but the learner may not sit it
    [skipped] = selection.skipped
    assert skipped.offering == "ccba" and skipped.kind == "eligibility"
    assert skipped.reason == (
        "Ccba needs 3,750 h of business analysis work (say --experience business-analysis=HOURS if you have it)"
    )
    plan = make_plan("r", [Need("systems-analysis", 3)], {}, catalog)
    assert any("you may not enrol in yet" in w for w in plan.warnings)


def test_stated_experience_or_ignore_eligibility_lets_it_in() -> None:
    ccba, course = ccba_catalog()
    catalog = catalog_of(ccba, course)  # type: ignore[arg-type]
    short = LearnerFacts(experience=(("business-analysis", 2000.0),))
    selection = choose([Need("systems-analysis", 3)], {}, catalog, PlanOptions(facts=short))
    assert selection.chosen == ("sa-course",) and "you stated 2,000 h" in selection.skipped[0].reason
    enough = LearnerFacts(experience=(("business-analysis", 4000.0),))
    assert choose([Need("systems-analysis", 3)], {}, catalog, PlanOptions(facts=enough)).chosen == ("ccba",)
    ignored = choose([Need("systems-analysis", 3)], {}, catalog, PlanOptions(ignore_eligibility=True))
    assert ignored.chosen == ("ccba",) and ignored.skipped == ()
    plan = make_plan("r", [Need("systems-analysis", 3)], {}, catalog, PlanOptions(ignore_eligibility=True))
    assert plan.steps[0].eligibility.startswith("NOT checked (--ignore-eligibility)")
    plan = make_plan("r", [Need("systems-analysis", 3)], {}, catalog, PlanOptions(facts=enough))
    assert plan.steps[0].eligibility.startswith("eligible: CCBA needs 3,750 h")


def test_when_only_ineligible_offerings_teach_a_skill_it_is_unreachable_with_the_reason() -> None:
    ccba, _ = ccba_catalog()
    selection = choose([Need("systems-analysis", 3, required=True)], {}, catalog_of(ccba))  # type: ignore[arg-type]
    [unreachable] = selection.unreachable
    assert unreachable.required and unreachable.closest == "ccba"
    assert "needs 3,750 h of business analysis work" in unreachable.reason


def test_degree_and_degree_waiver() -> None:
    cissp_rules = Eligibility(
        experience_hours=8400, experience_hours_with_degree=6720, experience_in="information-security"
    )
    cissp = replace(offering("cissp", 150, 749, {"cybersecurity": 4}), eligibility=cissp_rules)
    omscs = replace(offering("omscs", 1800, 7000, {"algorithms": 4}), eligibility=Eligibility(degree="bachelor"))
    no_degree = LearnerFacts(experience=(("information-security", 7000.0),))
    assert ineligibility(cissp, no_degree) is not None
    assert ineligibility(cissp, replace(no_degree, degree="bachelor")) is None  # the degree waives a year
    assert "needs a bachelor's degree (say --degree bachelor" in (ineligibility(omscs, LearnerFacts()) or "")
    assert ineligibility(omscs, LearnerFacts(degree="master")) is None
    assert "needs a bachelor's degree" in (ineligibility(omscs, LearnerFacts(degree="associate")) or "")


def test_prior_certification_is_planned_first_or_met_by_what_is_held() -> None:
    rules = Eligibility(certifications=(("level-1",),))
    level_2 = replace(offering("level-2", 300, 1290, {"finance": 5}), eligibility=rules)
    level_1 = offering("level-1", 300, 1340, {"finance": 4})
    catalog = catalog_of(level_1, level_2)
    assert choose([Need("finance", 5)], {}, catalog).chosen == ("level-1", "level-2")
    held = choose([Need("finance", 5)], {}, catalog, PlanOptions(completed=frozenset({"level-1"})))
    assert held.chosen == ("level-2",)
    either = Eligibility(certifications=(("az-104", "az-204"),))
    expert = replace(offering("az-400", 70, 165, {"devops": 4}), eligibility=either)
    catalog = catalog_of(offering("az-104", 70, 165, {"azure": 3}), offering("az-204", 40, 165, {"azure": 3}), expert)
    assert choose([Need("devops", 4)], {}, catalog).chosen == ("az-204", "az-400")  # the shorter way in


def test_learner_facts_parse_as_one_line_errors() -> None:
    assert parse_experience(["business-analysis=4,000", "Business Analysis=500"]) == (("business-analysis", 4500.0),)
    for bad in ["business-analysis", "=10", "x=-3", "x=lots"]:
        with pytest.raises(InputError, match="--experience"):
            parse_experience([bad])
    assert check_degree("Bachelor") == "bachelor" and check_degree(None) is None
    with pytest.raises(InputError, match="--degree 'phd'"):
        check_degree("phd")


def test_catalog_files_carry_eligibility(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "offerings:\n"
        "  - id: ccba\n    title: CCBA\n    provider: IIBA\n    kind: certification\n    hours: 80\n    cost: 450\n"
        "    skills: [{skill: systems-analysis, level: 3}]\n"
        "    eligibility: {experience_hours: 3750, experience_in: business-analysis, degree: null,\n"
        "                  certifications: [ecba, {any_of: [ecba, other]}], note: '3,750 h'}\n"
        "  - id: ecba\n    title: ECBA\n    provider: IIBA\n    kind: certification\n    hours: 40\n    cost: 295\n"
        "    skills: [{skill: business-analysis, level: 2}]\n"
        "  - id: other\n    title: Other\n    provider: X\n    kind: course\n    hours: 1\n    cost: 0\n"
        "    skills: [{skill: business-analysis, level: 1}]\n",
        "utf-8",
    )
    ccba = load_catalog([path], catalog_only=True).get("ccba")
    assert ccba.eligibility is not None and ccba.eligibility.experience_hours == 3750
    assert ccba.prerequisite_groups == (("ecba",), ("ecba", "other"))
    assert ccba.to_jsonable()["eligibility"]["certifications"] == ["ecba", ["ecba", "other"]]
    path.write_text(path.read_text("utf-8").replace("any_of: [ecba, other]", "any_of: [ecba, ghost]"), "utf-8")
    with pytest.raises(InputError, match=r"ccba.eligibility.certifications\[1\]: unknown offering 'ghost'"):
        load_catalog([path], catalog_only=True)


def test_bundled_catalog_states_real_requirements() -> None:
    catalog = load_catalog()
    ccba = catalog.get("iiba-ccba").eligibility
    assert ccba is not None and ccba.experience_hours == 3750 and ccba.experience_in == "business-analysis"
    pmp = catalog.get("pmi-pmp").eligibility
    assert pmp is not None and pmp.experience_hours == 10400 and pmp.experience_hours_with_degree == 6240
    cissp = catalog.get("isc2-cissp").eligibility
    assert cissp is not None and cissp.experience_hours == 8400 and cissp.experience_in == "information-security"
    assert catalog.get("gatech-omscs").eligibility.degree == "bachelor"  # type: ignore[union-attr]
    assert catalog.get("cfa-level-2").prerequisite_groups[-1] == ("cfa-level-1",)
    for certification in (o for o in catalog if o.kind == "certification"):
        assert certification.eligibility is not None and certification.eligibility.note, certification.id
    assert catalog.get("comptia-security-plus").eligibility.open  # type: ignore[union-attr]


def test_a_degree_credential_in_the_wallet_is_the_learners_degree(wallet_home: Path) -> None:
    from datetime import date

    from credwallet.model import Credential, CredentialFormat, Issuer
    from credwallet.planner.eligibility import degree_shown, eligibility_note
    from credwallet.skills.planning import plan_for_role

    def degree(kind: str, name: str, wallet_id: str) -> Credential:
        issuer = Issuer(name="Riverton State University")
        return Credential(
            format=CredentialFormat.OB3, name=name, issuer=issuer, achievement_type=kind, wallet_id=wallet_id
        )

    bachelor = degree("BachelorDegree", "Bachelor of Science in Economics", "b4c4e10r")
    assert degree_shown([degree("Degree", "Some degree", "d0000000")]) is None  # no level stated
    assert degree_shown([degree("Course", "Statistics", "c0000000"), bachelor]) == ("bachelor", bachelor)
    assert degree_shown([bachelor, degree("ext:MasterDegree", "MSc", "m0000000")])[0] == "master"  # type: ignore[index]

    def plan(wallet: list[Credential], options: PlanOptions) -> Any:
        return plan_for_role(
            wallet, "data-scientist", home=wallet_home, catalogs=[], catalog_only=False, options=options
        )

    options = PlanOptions(start=date(2026, 12, 1), target_coverage=1.0)
    without = {s.offering: s.reason for s in plan([], options).selection.skipped if s.kind == "eligibility"}
    assert "needs a bachelor's degree (say --degree bachelor" in without["gatech-omsa"]
    shown = plan([bachelor], options)
    assert "gatech-omsa" not in {s.offering for s in shown.selection.skipped}
    facts = LearnerFacts(degree="bachelor", degree_from="credential b4c4e10r (Bachelor of Science in Economics)")
    note = eligibility_note(load_catalog().get("gatech-omsa"), facts, False)
    assert note.startswith("eligible: ") and note.endswith(
        "(your credential b4c4e10r (Bachelor of Science in Economics) shows it)"
    )
    # A degree the learner states wins over what the wallet shows.
    stated = plan([bachelor], replace(options, facts=LearnerFacts(degree="associate")))
    assert "gatech-omsa" in {s.offering for s in stated.selection.skipped}

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from credwallet.gap import analyze_gap, counting_credentials, match_roles
from credwallet.model import CredentialFormat, DeclaredSkill, Status
from credwallet.roles import ChoiceGroup, FoundationItem, Role, SkillItem
from credwallet.skills.extract import wallet_skills
from credwallet.skills.model import TIER_DECLARED, TIER_UNVERIFIED, TIER_VALID, EvidenceRef, HeldSkill
from credwallet.skills.vocabulary import load_bundled_vocabulary

from ..skills.helpers import make_credential

NOW = datetime(2026, 6, 1, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


def held(skill: str, level: int, *ids: str, tier: str = TIER_VALID, confidence: float = 0.9) -> HeldSkill:
    evidence = [EvidenceRef(i, "tag", confidence, level, "", None, tier) for i in ids or (f"{skill}-id",)]
    return HeldSkill(skill, skill, level, evidence)


ROLE = Role(
    id="analyst",
    title="Analyst",
    core=(
        SkillItem("sql", 3, 1.0, True),
        SkillItem("tableau", 4, 0.5, False),
        SkillItem("python", 2, 0.5, True),
        SkillItem("statistics", 2, 0.0, False),
    ),
)


def test_met_partial_missing_and_weighted_coverage() -> None:
    result = analyze_gap([held("sql", 4, "a", "b"), held("tableau", 2, "c")], ROLE)
    assert [i.skill for i in result.met] == ["sql"]
    assert [i.skill for i in result.partial] == ["tableau"]
    assert [i.skill for i in result.missing] == ["python", "statistics"]
    # sql 1.0 * 1 + tableau 0.5 * (2/4) + python 0.5 * 0 over total weight 2.0
    assert result.coverage == pytest.approx(0.5)  # DESIGN.md §6: weighted share met
    assert result.progress == pytest.approx((1.0 + 0.25) / 2.0)  # partial levels credited in proportion
    assert [i.skill for i in result.required_unmet] == ["python"]
    assert result.met[0].evidence == ("a", "b")
    assert [i.key for i in result.matters_most()] == ["python", "tableau", "statistics"]


def test_gap_json_follows_the_contract() -> None:
    document = analyze_gap([held("sql", 3, "a")], ROLE).to_jsonable()
    assert list(document)[:2] == ["role", "title"]
    assert {"coverage", "progress", "met", "partial", "missing", "verified_coverage", "foundation"} <= set(document)
    met = document["met"][0]
    assert {k: met[k] for k in ("skill", "required_level", "held_level", "weight", "evidence")} == {
        "skill": "sql",
        "required_level": 3,
        "held_level": 3,
        "weight": 1.0,
        "evidence": ["a"],
    }
    assert met["tier"] == "valid" and met["kind"] == "skill"
    assert document["missing"][0]["skill"] == "tableau" and document["missing"][0]["evidence"] == []
    assert 0.0 <= document["coverage"] <= 1.0


def test_full_and_empty_coverage() -> None:
    everything = [held("sql", 5), held("tableau", 5), held("python", 5), held("statistics", 5)]
    assert analyze_gap(everything, ROLE).coverage == pytest.approx(1.0)
    assert analyze_gap([], ROLE).coverage == 0.0
    assert analyze_gap({h.skill: h for h in everything}, ROLE).coverage == pytest.approx(1.0)


BI_ROLE = Role(
    id="bi",
    title="BI",
    core=(
        SkillItem("sql", 3, 1.0, True),
        ChoiceGroup(("tableau", "power-bi", "looker"), 3, 1.0, True, 1, "BI tool"),
        ChoiceGroup(("python", "r", "sas"), 2, 1.0, False, 2, "analysis languages"),
    ),
)


def test_choice_group_is_met_by_one_member() -> None:
    result = analyze_gap([held("sql", 3), held("power-bi", 3), held("tableau", 1)], BI_ROLE)
    group = next(i for i in result.items if i.kind == "any_of")
    assert group.status == "met" and group.held_level == 3
    assert group.members[0].skill == "power-bi"  # the member that counts comes first
    assert group.evidence == ("power-bi-id",)
    assert group.label == "BI tool"
    document = group.to_jsonable()
    assert document["skill"] == "any-of:tableau+power-bi+looker"
    assert [m["skill"] for m in document["any_of"]] == ["power-bi", "tableau", "looker"]


def test_choice_group_with_need_two() -> None:
    one = analyze_gap([held("python", 3)], BI_ROLE).items[2]
    assert one.status == "partial" and one.held_level == 0 and one.credit == pytest.approx(0.5)
    two = analyze_gap([held("python", 3), held("r", 2)], BI_ROLE).items[2]
    assert two.status == "met" and two.held_level == 2


def test_choice_group_not_met_by_a_weak_member() -> None:
    result = analyze_gap([held("sql", 3), held("tableau", 2), held("looker", 1)], BI_ROLE)
    group = result.items[1]
    assert group.status == "partial" and group.members[0].skill == "tableau"
    assert group.credit == pytest.approx(2 / 3)
    assert "BI tool" in [i.label for i in result.required_unmet]


def test_foundation_counts_only_at_the_declared_share() -> None:
    role = Role(
        "f",
        "F",
        core=(SkillItem("sql", 3, 1.0, True),),
        foundation=(FoundationItem("mathematics", 3), FoundationItem("speaking", 3)),
        foundation_weight=0.1,
    )
    foundation_only = analyze_gap([held("mathematics", 5), held("speaking", 5)], role)
    assert foundation_only.coverage == pytest.approx(0.1)
    assert [i.kind for i in foundation_only.foundation] == ["foundation", "foundation"]
    assert foundation_only.items[0].status == "missing"
    core_only = analyze_gap([held("sql", 3)], role)
    assert core_only.coverage == pytest.approx(0.9)
    assert sum(i.share for i in (*core_only.items, *core_only.foundation)) == pytest.approx(1.0)
    # Foundation items never show as what matters most.
    assert [i.key for i in foundation_only.matters_most()] == ["sql"]


def test_headline_splits_coverage_by_tier() -> None:
    result = analyze_gap(
        [held("sql", 3, "v"), held("python", 2, "u", tier=TIER_UNVERIFIED), held("tableau", 4, tier=TIER_DECLARED)],
        ROLE,
    )
    assert result.coverage_by_tier["valid"] == pytest.approx(0.5)
    assert result.coverage_by_tier["unverified"] == pytest.approx(0.25)
    # A declared level 4 counts as 3 (DECLARED_LEVEL_CAP): Tableau at 4 stays partial, marked declared.
    assert result.coverage_by_tier["declared"] == 0.0
    assert result.verified_coverage == pytest.approx(0.5)
    assert {i.key: i.tier for i in result.met} == {"sql": "valid", "python": "unverified"}
    tableau = result.partial[0]
    assert (tableau.key, tableau.held_level, tableau.tier) == ("tableau", 3, "declared")


def test_low_confidence_text_never_alone_meets_a_required_skill() -> None:
    weak = held("sql", 3, "t", confidence=0.6)
    result = analyze_gap([weak, held("tableau", 4, "x", confidence=0.6)], ROLE)
    items = {i.key: i for i in result.items}
    assert items["sql"].status == "partial" and items["sql"].held_level == 2 and items["sql"].weak
    assert items["tableau"].status == "met"  # not required: a text match counts, marked weak
    firm = HeldSkill("sql", "sql", 3, [EvidenceRef("t", "text", 0.6, 3, ""), EvidenceRef("a", "tag", 0.9, 3, "")])
    assert analyze_gap([firm], ROLE).items[0].status == "met"


def test_counting_credentials_default_and_verified_only() -> None:
    credentials = [
        make_credential("ok", wallet_id="ok", status=Status.VALID),
        make_credential("old", wallet_id="old", status=Status.VALID, expires_on=NOW - timedelta(days=1)),
        make_credential("exp", wallet_id="exp", status=Status.EXPIRED),
        make_credential("bad", wallet_id="bad", status=Status.INVALID),
        make_credential("rev", wallet_id="rev", status=Status.REVOKED),
        make_credential("unv", wallet_id="unv", status=Status.UNVERIFIED),
        make_credential("future", wallet_id="future", status=Status.VALID, expires_on=NOW + timedelta(days=9)),
    ]
    counted, left_out = counting_credentials(credentials, NOW)
    assert [c.wallet_id for c in counted] == ["ok", "unv", "future"]
    reasons = {item.id: item.reason for item in left_out}
    assert reasons["old"].startswith("expired on 2026-05-31")
    assert reasons["bad"] == "invalid" and reasons["rev"] == "revoked"
    counted, left_out = counting_credentials(credentials, NOW, verified_only=True)
    assert [c.wallet_id for c in counted] == ["ok", "future"]
    assert {item.id for item in left_out} == {"old", "exp", "bad", "rev", "unv"}


def test_verified_only_drops_unverified_self_reported_and_declared() -> None:
    vocabulary = load_bundled_vocabulary()
    credentials = [
        make_credential("SQL", tags=["sql"], wallet_id="v", achievement_type="Certification"),
        make_credential("Python", tags=["python"], wallet_id="u", achievement_type="Certification",
                        status=Status.UNVERIFIED),
        make_credential("Tableau", tags=["tableau"], wallet_id="s", achievement_type="Certification",
                        format=CredentialFormat.SELF_REPORTED, status=Status.UNVERIFIED),
    ]
    declared = [DeclaredSkill("statistics", 2)]
    counted, _ = counting_credentials(credentials, NOW)
    everything = analyze_gap(wallet_skills(counted, vocabulary, declared=declared), ROLE, vocabulary)
    assert {i.key: i.tier for i in everything.met} == {
        "sql": "valid", "python": "unverified", "statistics": "declared"
    }
    tableau = next(i for i in everything.items if i.key == "tableau")
    assert tableau.status == "partial" and tableau.tier == "self-reported"
    counted, left_out = counting_credentials(credentials, NOW, verified_only=True)
    only_valid = analyze_gap(wallet_skills(counted, vocabulary), ROLE, vocabulary, left_out, verified_only=True)
    assert [i.key for i in only_valid.met] == ["sql"]
    assert {item.id for item in only_valid.left_out} == {"u", "s"}


def test_expired_credential_does_not_count_towards_gap() -> None:
    vocabulary = load_bundled_vocabulary()
    credentials = [
        make_credential("SQL", tags=["sql"], wallet_id="fresh", achievement_type="Certification"),
        make_credential(
            "Tableau",
            tags=["tableau"],
            wallet_id="stale",
            achievement_type="Certification",
            expires_on=NOW - timedelta(days=30),
        ),
    ]
    counted, left_out = counting_credentials(credentials, NOW)
    result = analyze_gap(wallet_skills(counted, vocabulary), ROLE, vocabulary, left_out)
    assert {i.skill for i in result.met} == {"sql"}
    assert "tableau" in {i.skill for i in result.missing}
    assert [item.id for item in result.left_out] == ["stale"]


def test_broader_rule_in_gap() -> None:
    vocabulary = load_bundled_vocabulary()
    role = Role("r", "R", (SkillItem("python", 2, 1.0, True), SkillItem("pandas", 2, 1.0, False)))
    pandas_holder = wallet_skills(
        [make_credential("x", tags=["pandas"], achievement_type="Certification")], vocabulary
    )
    result = analyze_gap(pandas_holder, role, vocabulary)
    assert {i.skill: i.status for i in result.items} == {"python": "met", "pandas": "met"}
    python_holder = wallet_skills(
        [make_credential("x", tags=["python"], achievement_type="Certification")], vocabulary
    )
    result = analyze_gap(python_holder, role, vocabulary)
    assert {i.skill: i.status for i in result.items} == {"python": "met", "pandas": "missing"}


def test_match_roles_ranks_by_progress_and_names_items_by_label() -> None:
    vocabulary = load_bundled_vocabulary()
    other = Role("designer", "Designer", (SkillItem("figma", 3, 1.0, True), SkillItem("sql", 1, 0.2, False)))
    matches = match_roles([held("sql", 4), held("python", 3)], [other, ROLE], vocabulary, top_missing=2)
    assert [m.role for m in matches] == ["analyst", "designer"]
    assert matches[0].top_missing == ("Tableau", "Statistics")
    assert matches[0].top_missing_keys == ("tableau", "statistics")
    assert matches[1].required_unmet == ("Figma",)
    assert set(matches[0].to_jsonable()) >= {"role", "title", "coverage", "progress", "top_missing"}


def test_match_ranks_partial_credit_above_a_few_met_items() -> None:
    wide = Role("wide", "Wide", tuple(SkillItem(s, 4, 1.0) for s in ("sql", "python", "tableau", "excel")))
    narrow = Role("narrow", "Narrow", (SkillItem("sql", 2, 1.0), SkillItem("figma", 3, 1.0), SkillItem("java", 3, 1.0)))
    holding = [held("sql", 3), held("python", 3), held("tableau", 3), held("excel", 3)]
    matches = match_roles(holding, [narrow, wide])
    # narrow: one of three met (coverage 33%, progress 33%); wide: nothing met but 75% progress.
    assert [m.role for m in matches] == ["wide", "narrow"]
    assert matches[0].coverage == 0.0 and matches[0].progress == pytest.approx(0.75)


def test_foundation_items_are_never_planned_by_default() -> None:
    from datetime import date

    from credwallet.planner import PlanOptions, make_plan
    from credwallet.skills.planning import needs_from_gap

    from ..planner.helpers import catalog_of, offering

    role = Role(
        "f",
        "F",
        core=(SkillItem("sql", 3, 1.0, True), ChoiceGroup(("tableau", "power-bi"), 3, 0.8, True, 1, "BI tool")),
        foundation=(FoundationItem("mathematics", 3), FoundationItem("speaking", 3)),
    )
    catalog = catalog_of(
        offering("sql-course", 10, skills={"sql": 3}),
        offering("bi-course", 10, skills={"power-bi": 3}),
        offering("math-course", 5, skills={"mathematics": 3}),
        offering("speaking-club", 5, skills={"speaking": 3}),
    )
    needs, _ = needs_from_gap(analyze_gap([held("power-bi", 1)], role))
    options = PlanOptions(target_coverage=1.0)
    by_default = make_plan("f", needs, {"power-bi": 1}, catalog, options, today=date(2026, 1, 5))
    chosen = {step.offering.id for step in by_default.steps}
    assert chosen == {"sql-course", "bi-course"}  # foundation offerings are never planned by default
    asked = make_plan(
        "f", needs, {}, catalog, PlanOptions(target_coverage=1.0, include_foundation=True), today=date(2026, 1, 5)
    )
    assert {"math-course", "speaking-club"} <= {step.offering.id for step in asked.steps}

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from credwallet.gap import analyze_gap, counting_credentials, match_roles
from credwallet.model import Status
from credwallet.roles import Role, RoleSkill, load_builtin_roles
from credwallet.skills.extract import wallet_skills
from credwallet.skills.model import EvidenceRef, HeldSkill
from credwallet.skills.vocabulary import load_bundled_vocabulary

from ..skills.helpers import make_credential

NOW = datetime(2026, 6, 1, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


def held(skill: str, level: int, *ids: str) -> HeldSkill:
    return HeldSkill(skill, skill, level, [EvidenceRef(i, "tag", 0.9, level, "") for i in ids])


ROLE = Role(
    id="analyst",
    title="Analyst",
    skills=(
        RoleSkill("sql", 3, 1.0, True),
        RoleSkill("tableau", 4, 0.5, False),
        RoleSkill("python", 2, 0.5, True),
        RoleSkill("statistics", 2, 0.0, False),
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


def test_gap_json_follows_the_contract() -> None:
    document = analyze_gap([held("sql", 3, "a")], ROLE).to_jsonable()
    assert list(document) == ["role", "coverage", "progress", "met", "partial", "missing"]
    assert document["role"] == "analyst"
    assert document["met"] == [
        {"skill": "sql", "required_level": 3, "held_level": 3, "weight": 1.0, "evidence": ["a"]}
    ]
    assert document["missing"][0] == {
        "skill": "tableau",
        "required_level": 4,
        "held_level": 0,
        "weight": 0.5,
        "evidence": [],
    }
    assert 0.0 <= document["coverage"] <= 1.0


def test_full_and_empty_coverage() -> None:
    everything = [held("sql", 5), held("tableau", 5), held("python", 5), held("statistics", 5)]
    assert analyze_gap(everything, ROLE).coverage == 1.0
    assert analyze_gap([], ROLE).coverage == 0.0
    assert analyze_gap({h.skill: h for h in everything}, ROLE).coverage == 1.0


def test_counting_credentials_excludes_invalid_expired_and_unverified_by_default() -> None:
    credentials = [
        make_credential("ok", wallet_id="ok", status=Status.VALID),
        make_credential("old", wallet_id="old", status=Status.VALID, expires_on=NOW - timedelta(days=1)),
        make_credential("exp", wallet_id="exp", status=Status.EXPIRED),
        make_credential("bad", wallet_id="bad", status=Status.INVALID),
        make_credential("rev", wallet_id="rev", status=Status.REVOKED),
        make_credential("unv", wallet_id="unv", status=Status.UNVERIFIED),
        make_credential(
            "future", wallet_id="future", status=Status.VALID, expires_on=NOW + timedelta(days=9)
        ),
    ]
    counted, left_out = counting_credentials(credentials, include_unverified=False, now=NOW)
    assert [c.wallet_id for c in counted] == ["ok", "future"]
    reasons = {item.id: item.reason for item in left_out}
    assert reasons["old"].startswith("expired on 2026-05-31")
    assert reasons["bad"] == "invalid" and reasons["rev"] == "revoked"
    assert reasons["unv"].startswith("unverified")
    counted, left_out = counting_credentials(credentials, include_unverified=True, now=NOW)
    assert [c.wallet_id for c in counted] == ["ok", "unv", "future"]
    assert {item.id for item in left_out} == {"old", "exp", "bad", "rev"}


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
    counted, left_out = counting_credentials(credentials, include_unverified=False, now=NOW)
    result = analyze_gap(wallet_skills(counted, vocabulary), ROLE, vocabulary, left_out)
    assert {i.skill for i in result.met} == {"sql"}
    assert "tableau" in {i.skill for i in result.missing}
    assert [item.id for item in result.left_out] == ["stale"]


def test_broader_rule_in_gap() -> None:
    vocabulary = load_bundled_vocabulary()
    role = Role("r", "R", (RoleSkill("python", 2, 1.0, True), RoleSkill("pandas", 2, 1.0, False)))
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


def test_match_roles_ranks_by_coverage() -> None:
    other = Role("designer", "Designer", (RoleSkill("figma", 3, 1.0, True), RoleSkill("sql", 1, 0.2, False)))
    matches = match_roles([held("sql", 4), held("python", 3)], [other, ROLE], top_missing=2)
    assert [m.role for m in matches] == ["analyst", "designer"]
    assert matches[0].top_missing == ("tableau", "statistics")
    assert matches[1].required_unmet == ("figma",)
    assert set(matches[0].to_jsonable()) >= {"role", "title", "coverage", "top_missing"}


@pytest.mark.skipif(not (REPO / "sample_data" / "ob2").is_dir(), reason="sample_data/ob2 not present")
def test_sample_data_demo_gap_for_data_analyst() -> None:
    from credwallet.formats.detect import parse_bytes

    vocabulary = load_bundled_vocabulary()
    credentials = []
    for path in sorted((REPO / "sample_data" / "ob2").iterdir()):
        try:
            parsed = parse_bytes(path.read_bytes(), source=str(path))
        except Exception:  # pragma: no cover - importer work in progress elsewhere
            continue
        for index, credential in enumerate(parsed):
            credential.wallet_id = f"{path.stem}-{index}"
            credential.status = Status.VALID
            credentials.append(credential)
    if not credentials:
        pytest.skip("sample_data could not be parsed")
    role = load_builtin_roles(vocabulary)["data-analyst"]
    result = analyze_gap(wallet_skills(credentials, vocabulary), role, vocabulary)
    met = {i.skill for i in result.met} | {i.skill for i in result.partial}
    assert {"sql", "excel", "tableau", "data-visualization", "statistics", "python"} <= met
    assert 0.0 < result.coverage < result.progress < 1.0  # SQL met; most others partial at the default level
    assert result.progress > 0.3

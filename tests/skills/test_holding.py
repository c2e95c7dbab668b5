"""The level rule (skills/holding.py): evidence tiers, accumulation, caps, weak text matches."""

from __future__ import annotations

import pytest

from credwallet.model import CredentialFormat, DeclaredSkill, Result, Status
from credwallet.skills.extract import wallet_skills
from credwallet.skills.holding import (
    ACCUMULATED_LEVEL_CAP,
    DECLARED_LEVEL_CAP,
    accumulated_level,
    tier_levels,
)
from credwallet.skills.levels import credential_level
from credwallet.skills.model import TIER_DECLARED, TIER_SELF_REPORTED, TIER_UNVERIFIED, EvidenceRef
from credwallet.skills.vocabulary import Vocabulary

from .helpers import make_credential


def ref(level: int, key: str, *, via: str | None = None, tier: str = "valid", confidence: float = 0.9) -> EvidenceRef:
    return EvidenceRef(key, "tag", confidence, level, "", via, tier, key)


def test_one_credential_gives_its_own_level() -> None:
    assert accumulated_level([ref(3, "a")]) == 3
    assert accumulated_level([]) == 0


def test_independent_credentials_raise_the_level() -> None:
    # Four Python credentials (one with machine-learning work at 3): above what any one gives alone.
    four = [ref(2, "a"), ref(2, "b"), ref(3, "ml"), ref(2, "c")]
    assert accumulated_level(four) == 4
    assert accumulated_level([ref(2, "a"), ref(2, "b")]) == 2  # two are not yet enough
    assert accumulated_level([ref(2, "a"), ref(2, "b"), ref(2, "c")]) == 3
    assert accumulated_level([ref(2, f"k{i}") for i in range(5)]) == 4


def test_accumulation_is_capped_and_needs_independent_direct_claims() -> None:
    assert accumulated_level([ref(3, f"k{i}") for i in range(9)]) == ACCUMULATED_LEVEL_CAP
    assert accumulated_level([ref(5, "a"), ref(4, "b"), ref(4, "c")]) == 5  # expert only from one that says so
    copies = [EvidenceRef(f"id{i}", "tag", 0.9, 2, "", None, "valid", "same-badge") for i in range(4)]
    assert accumulated_level(copies) == 2  # the same achievement imported four times counts once
    inherited = [ref(2, "a"), ref(2, "b", via="pandas"), ref(2, "c", via="numpy")]
    assert accumulated_level(inherited) == 2  # claims through narrower skills do not add up
    low = [ref(3, "a"), ref(1, "b"), ref(1, "c"), ref(1, "d")]
    assert accumulated_level(low) == 3  # only claims within one level of the top support it


def test_declared_and_self_reported_are_capped_and_declared_never_accumulates() -> None:
    declared = [EvidenceRef(None, "declared", 1.0, 5, "", None, TIER_DECLARED)]
    assert tier_levels(declared)[-1] == (DECLARED_LEVEL_CAP, DECLARED_LEVEL_CAP)
    assert tier_levels(declared)[0] == (0, 0)  # nothing at the valid tier
    mixed = [ref(2, "a"), ref(2, "b"), EvidenceRef(None, "declared", 1.0, 2, "", None, TIER_DECLARED)]
    assert tier_levels(mixed)[-1][0] == 2  # a declaration does not push two credentials to 3
    self_reported = [ref(4, "s", tier=TIER_SELF_REPORTED)]
    assert tier_levels(self_reported)[-1][0] == 3
    stacked = [ref(2, "a", tier=TIER_UNVERIFIED), *(ref(2, f"s{i}", tier=TIER_SELF_REPORTED) for i in range(6))]
    levels = tier_levels(stacked)
    assert levels[1][0] == 2 and levels[2][0] == 3  # self-reported credentials add up, but only to 3


def test_weak_text_matches_are_left_out_of_the_firm_level() -> None:
    evidence = [ref(3, "t", confidence=0.6), ref(2, "a")]
    level, firm = tier_levels(evidence)[-1]
    assert (level, firm) == (3, 2)


def test_wallet_skills_marks_tiers_and_adds_declared(vocabulary: Vocabulary) -> None:
    credentials = [
        make_credential("SQL Course", tags=["sql"], wallet_id="v"),
        make_credential("SQL Lab", tags=["sql"], wallet_id="u", status=Status.UNVERIFIED),
        make_credential("SQL on LinkedIn", tags=["sql"], wallet_id="s", format=CredentialFormat.SELF_REPORTED),
    ]
    held = {h.skill: h for h in wallet_skills(credentials, vocabulary, declared=[DeclaredSkill("tableau", 2, "work")])}
    assert [e.tier for e in held["sql"].evidence] == ["valid", "unverified", "self-reported"]
    assert held["sql"].level == 3  # three independent level-2 courses
    assert held["sql"].level_upto(0) == 2 and held["sql"].level_upto(1) == 2
    assert held["tableau"].level == 2 and held["tableau"].evidence[0].tier == "declared"
    assert held["tableau"].evidence[0].id is None
    assert held["tableau"].to_jsonable()["evidence"][0]["tier"] == "declared"


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        (
            "BUSA 520: Business Statistics",
            {"achievement_type": "Course", "criteria": "Passed the graduate course with a grade of B or better.",
             "results": [Result(type="LetterGrade", value="A-")]},
            4,
        ),
        ("Advanced Statistics", {}, 4),
        ("Statistics 201", {"achievement_type": "Course", "results": [Result(type="LetterGrade", value="B+")]}, 3),
        ("Introduction to Statistics", {"achievement_type": "Course", "results": [Result(value="A")]}, 2),
        ("Graduate Certificate in Business Analytics", {"achievement_type": "Certificate"}, 4),
        ("Statistics 201", {"achievement_type": "Course", "results": [Result(type="LetterGrade", value="F")]}, 2),
    ],
)
def test_graded_graduate_course_counts_at_least_as_much_as_an_advanced_badge(
    name: str, kwargs: dict[str, object], expected: int
) -> None:
    assert credential_level(make_credential(name, **kwargs))[0] == expected  # type: ignore[arg-type]

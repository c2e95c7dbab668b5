from __future__ import annotations

import time

import pytest

from credwallet.model import Alignment, Result
from credwallet.skills.extract import clear_cache, extract_skills, wallet_skills
from credwallet.skills.levels import credential_level, level_from_text
from credwallet.skills.matcher import find_mentions
from credwallet.skills.vocabulary import Vocabulary

from .helpers import make_credential


def found(text: str, vocabulary: Vocabulary, title: bool = False) -> set[str]:
    return {m.skill_id for m in find_mentions(text, vocabulary, title=title)}


@pytest.mark.parametrize(
    "text",
    [
        "Go further with your career and go beyond the basics.",
        "Ready to go? Grab a coffee.",
        "Learners excel at teamwork and go the extra mile.",
        "Completed with grade C. Take vitamin C daily.",
        "Our R&D department filed a patent.",
        "Plan B and plan C were both rejected; see appendix R.",
        "Staff react to incidents calmly and stay on track.",
        "She gave a swift response to the flood.",
        "Go to www.example.org to learn more.",
    ],
)
def test_short_and_common_aliases_need_context(text: str, vocabulary: Vocabulary) -> None:
    assert not found(text, vocabulary) & {"r", "go", "c", "excel", "react", "swift"}


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Data analysis in R programming with the tidyverse", False, {"r"}),
        ("Statistical analysis in R", False, {"r"}),
        ("Introduction to R", True, {"r"}),
        ("Go Programming Fundamentals", True, {"go"}),
        ("Writes concurrent services in Go using goroutines", False, {"go"}),
        ("Skills: Python, R and SQL.", False, {"python", "r", "sql"}),
        ("Pointers and memory in C and C++", False, {"c", "cpp"}),
        ("Building interfaces with React and TypeScript", False, {"react", "typescript"}),
        ("Advanced Excel for Finance", True, {"excel"}),
        ("Builds formulas and pivot charts in Excel spreadsheets", False, {"excel"}),
        ("iOS apps in Swift with SwiftUI and Xcode", False, {"swift"}),
    ],
)
def test_short_aliases_with_context_match(
    text: str, title: bool, expected: set[str], vocabulary: Vocabulary
) -> None:
    assert expected <= found(text, vocabulary, title)


def test_longest_alias_wins_and_word_boundaries(vocabulary: Vocabulary) -> None:
    assert found("Google Analytics 4 and Google Tag Manager", vocabulary) == {
        "google-analytics",
        "google-tag-manager",
    }
    assert "sql" not in found("MySQLx and NoSQLish words", vocabulary)
    assert found("Node.js services", vocabulary) == {"nodejs"}
    assert "java" not in found("JavaScript only", vocabulary)


def test_alignment_code_beats_name_and_text(vocabulary: Vocabulary) -> None:
    credential = make_credential(
        "Data storytelling",
        description="We also touched on Python.",
        tags=["SQL"],
        alignments=[
            Alignment(
                target_name="whatever the issuer called it",
                target_url="http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389",
            ),
            Alignment(target_name="Critical Thinking", target_code="2.A.2.a"),
            Alignment(target_name="Tableau", target_framework="O*NET Technology Skills"),
        ],
    )
    claims = {c.skill: c for c in extract_skills(credential, vocabulary)}
    assert claims["data-visualization"].source == "alignment-code"
    assert claims["critical-thinking"].source == "alignment-code"
    assert claims["tableau"].source == "alignment-name"
    assert claims["sql"].source == "tag"
    assert claims["python"].source == "text"
    order = ["data-visualization", "tableau", "sql", "python"]
    confidences = [claims[s].confidence for s in order]
    assert confidences == sorted(confidences, reverse=True)
    assert claims["python"].confidence < claims["sql"].confidence < claims["tableau"].confidence


def test_onet_technology_alignment_uses_name_with_commodity_code(vocabulary: Vocabulary) -> None:
    credential = make_credential(
        "Spreadsheets",
        alignments=[
            Alignment(
                target_name="Microsoft Excel",
                target_code="43232110",
                target_url="https://www.onetonline.org/link/summary/15-2051.01",
            )
        ],
    )
    claims = {c.skill: c for c in extract_skills(credential, vocabulary)}
    assert claims["excel"].source == "alignment-code"


def test_occupation_alignments_are_not_skills(vocabulary: Vocabulary) -> None:
    credential = make_credential(
        "Badge",
        alignments=[
            Alignment(
                target_name="Data Scientists", target_url="https://www.onetonline.org/link/summary/15-2051.00"
            )
        ],
    )
    assert extract_skills(credential, vocabulary) == []


def test_broader_gets_lower_level_never_the_reverse(vocabulary: Vocabulary) -> None:
    credential = make_credential("pandas project", tags=["pandas"], achievement_type="Certification")
    claims = {c.skill: c for c in extract_skills(credential, vocabulary)}
    assert claims["pandas"].level == 3
    assert claims["python"].level == 2 and claims["python"].via == "pandas"
    assert claims["programming"].level == 1
    assert claims["python"].confidence < claims["pandas"].confidence

    python_only = make_credential("Python", tags=["python"], achievement_type="Certification", wallet_id="c2")
    assert "pandas" not in {c.skill for c in extract_skills(python_only, vocabulary)}


def test_direct_claim_beats_inherited_one(vocabulary: Vocabulary) -> None:
    credential = make_credential(
        "Python with pandas", tags=["python", "pandas"], achievement_type="Certification"
    )
    claims = {c.skill: c for c in extract_skills(credential, vocabulary)}
    assert claims["python"].level == 3 and claims["python"].via is None


def test_urls_in_text_are_not_read_as_skills(vocabulary: Vocabulary) -> None:
    credential = make_credential(
        "Badge class at https://example.org/badges/data.json", description="See www.r-project.org"
    )
    assert {c.skill for c in extract_skills(credential, vocabulary)} == set()


@pytest.mark.parametrize(
    ("name", "achievement_type", "expected"),
    [
        ("Data Workshop", None, 2),
        ("Cloud Practitioner", "Certification", 3),
        ("Master of Science in Data Science", "MasterDegree", 4),
        ("Doctor of Philosophy", "DoctoralDegree", 5),
        ("Python Fundamentals", "Certification", 2),
        ("Advanced SQL", None, 4),
        ("Conference attendance", None, 1),
        ("AWS Certified Developer", None, 3),
    ],
)
def test_levels_by_type_and_name(name: str, achievement_type: str | None, expected: int) -> None:
    level, reason = credential_level(make_credential(name, achievement_type=achievement_type))
    assert level == expected and reason


def test_level_from_result_and_alignment(vocabulary: Vocabulary) -> None:
    credential = make_credential("Rubric", tags=["sql"], results=[Result(achieved_level="Proficient")])
    assert credential_level(credential)[0] == 3
    aligned = make_credential(
        "Badge",
        alignments=[Alignment(target_name="SQL", target_description="Proficiency level 4 of 5")],
    )
    assert {c.skill: c.level for c in extract_skills(aligned, vocabulary)}["sql"] == 4
    assert (
        level_from_text("Level 5") == 5 and level_from_text("3/5") == 3 and level_from_text("nothing") is None
    )


def test_wallet_skills_shape_and_best_level(vocabulary: Vocabulary) -> None:
    credentials = [
        make_credential("SQL basics", tags=["sql"], wallet_id="a"),
        make_credential("Advanced SQL", tags=["sql"], wallet_id="b"),
    ]
    held = {h.skill: h for h in wallet_skills(credentials, vocabulary)}
    sql = held["sql"]
    assert sql.level == 4
    assert [e.id for e in sql.evidence] == ["b", "a"]
    document = sql.to_jsonable()
    assert set(document) == {"skill", "label", "level", "evidence"}
    assert set(document["evidence"][0]) == {"id", "source", "confidence", "tier"}
    assert document["label"] == "SQL"


def test_extraction_is_cached_by_content_hash(vocabulary: Vocabulary) -> None:
    clear_cache()
    credential = make_credential("Tableau dashboards", tags=["tableau"], content_hash="h1", wallet_id="x")
    first = extract_skills(credential, vocabulary)
    credential.tags.append("python")  # same hash: the cached claims are returned
    assert extract_skills(credential, vocabulary) == first
    other = make_credential("Tableau dashboards", tags=["tableau"], content_hash="h1", wallet_id="y")
    assert {c.credential for c in extract_skills(other, vocabulary)} == {"y"}
    clear_cache()


def test_huge_description_is_bounded(vocabulary: Vocabulary) -> None:
    credential = make_credential("Big", description="python " * 400_000)
    started = time.perf_counter()
    claims = extract_skills(credential, vocabulary)
    assert time.perf_counter() - started < 2.0
    assert "python" in {c.skill for c in claims}


def test_claims_round_trip_and_prime_cache(vocabulary: Vocabulary) -> None:
    from credwallet.skills.extract import credential_skill_ids, prime_cache
    from credwallet.skills.model import SkillClaim

    clear_cache()
    credential = make_credential("pandas", tags=["pandas"], content_hash="h2", wallet_id="p")
    claims = extract_skills(credential, vocabulary)
    restored = [SkillClaim.from_jsonable(c.to_jsonable(), "p") for c in claims]
    assert restored == claims
    assert credential_skill_ids(credential, vocabulary) == ["pandas"]
    clear_cache()
    prime_cache(credential, vocabulary, restored[:1])
    assert extract_skills(credential, vocabulary) == restored[:1]
    clear_cache()


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Learners respond to security events and incidents following a playbook.", {"incident-response"}, set()),
        ("Confidence intervals and hypothesis tests on survey data.", {"hypothesis-testing"}, set()),
        (
            "Delivered a written report and a dashboard, and defended the recommendations in a 20-minute presentation.",
            {"writing", "presentation-skills"},
            set(),
        ),
        ("Cleans and shapes data with Power Query before modelling it.", {"data-cleaning"}, {"excel"}),
        ("Configures Sales Cloud and Service Cloud for the sales team.", {"salesforce"}, {"cloud-computing"}),
        ("Loads, cleans, reshapes and summarises tabular data in Python.", {"data-cleaning"}, set()),
        ("Writes clear web copy and optimises it for search engines.", {"seo"}, set()),
    ],
)
def test_skills_described_in_prose(text: str, wanted: set[str], unwanted: set[str], vocabulary: Vocabulary) -> None:
    found = {c.skill for c in extract_skills(make_credential("Course", description=text), vocabulary) if c.via is None}
    assert wanted <= found, found
    assert not unwanted & found, found


def test_a_phrase_does_not_cross_a_sentence(vocabulary: Vocabulary) -> None:
    text = "Participants clean up the workshop room. Data was shared later."
    found = {c.skill for c in extract_skills(make_credential("Workshop", description=text), vocabulary)}
    assert "data-cleaning" not in found

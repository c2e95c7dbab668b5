"""Issue 14's career changer: a marketer with five data credentials must see data analyst near the top."""

from __future__ import annotations

import pytest

from credwallet.gap import analyze_gap, match_roles
from credwallet.model import Status
from credwallet.roles import list_roles, load_role
from credwallet.skills.extract import wallet_skills
from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary

from .marketer import marketer_wallet


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_bundled_vocabulary()


@pytest.mark.parametrize("status", [Status.VALID, Status.UNVERIFIED])
def test_data_analyst_ranks_first_for_the_marketer(vocabulary: Vocabulary, status: Status) -> None:
    held = wallet_skills(marketer_wallet(status), vocabulary)
    matches = match_roles(held, list_roles(None, vocabulary), vocabulary)
    ranking = [m.role for m in matches]
    assert ranking.index("data-analyst") <= 1, ranking[:5]
    assert ranking.index("data-analyst") < ranking.index("accountant")
    analyst = matches[ranking.index("data-analyst")]
    assert 0.6 <= analyst.coverage <= 0.9 and analyst.progress >= analyst.coverage
    assert analyst.required_unmet == ()
    # What to learn next is named, not an id: reporting / presenting findings.
    assert all(" " in label or label[0].isupper() for label in analyst.top_missing)


def test_marketer_data_analyst_gap_reads_right(vocabulary: Vocabulary) -> None:
    held = wallet_skills(marketer_wallet(), vocabulary)
    result = analyze_gap(held, load_role("data-analyst", None, vocabulary), vocabulary)
    status = {item.key: item.status for item in result.items}
    assert status["sql"] == "met"  # a SQL course and the certificate's SQL together
    bi = next(item for item in result.items if item.kind == "any_of" and "tableau" in item.skills)
    assert bi.status == "met" and bi.members[0].skill == "tableau"
    language = next(item for item in result.items if item.kind == "any_of" and "r" in item.skills)
    assert language.status == "met" and language.members[0].skill == "r"  # R from the certificate
    assert result.verified_coverage == pytest.approx(result.coverage)
    assert {i.key for i in result.matters_most()} <= {"reporting", "presentation-skills", "data-cleaning"}
    foundation = {item.key for item in result.foundation}
    assert "computers-and-electronics" in foundation and result.foundation_weight == pytest.approx(0.1)

"""Every O*NET 29.3 occupation is a role; `roles search` finds them by title, alternate and reported titles."""

from __future__ import annotations

import pytest

from credwallet.errors import NotFoundError
from credwallet.gap import analyze_gap
from credwallet.roles import ChoiceGroup, find_occupation, load_role, search_roles
from credwallet.roles.occupations import occupations
from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_bundled_vocabulary()


def test_every_onet_occupation_is_a_role(vocabulary: Vocabulary) -> None:
    every = occupations()
    assert len(every) == 1016
    assert len({o.id for o in every}) == 1016
    empty = []
    for occupation in every:
        role = load_role(occupation.code, None, vocabulary)
        assert role.onet_codes == (occupation.code,) and role.title == occupation.title
        assert all(1 <= item.level <= 5 for item in role.core)
        assert analyze_gap([], role, vocabulary).coverage == 0.0
        if not role.core:
            empty.append(occupation.code)
            assert role.notes is not None and "publishes no skills" in role.notes
    # Only the military occupations, for which O*NET has a title and a description and nothing else.
    assert len(empty) == 19 and all(code.startswith("55-") for code in empty)


def test_a_role_by_code_slug_or_short_code(vocabulary: Vocabulary) -> None:
    by_code = load_role("29-1292.00", None, vocabulary)
    assert by_code.id == "dental-hygienists" and not by_code.curated
    assert load_role("dental-hygienists", None, vocabulary) == by_code
    assert load_role("29-1292", None, vocabulary) == by_code
    assert by_code.requirements is not None and by_code.requirements.job_zone == 3
    assert "associate's degree" in (by_code.requirements.education or "")
    with pytest.raises(NotFoundError, match=r"no O\*NET 29\.3 occupation '99-9999\.99'"):
        load_role("99-9999.99", None, vocabulary)


def test_generated_roles_follow_the_rules(vocabulary: Vocabulary) -> None:
    web = load_role("15-1254.00", None, vocabulary)  # Web Developers: 34 hot tools in O*NET
    assert len(web.core) <= 25
    groups = [item for item in web.core if isinstance(item, ChoiceGroup)]
    assert groups and all(item.need == 1 for item in groups)
    analysts = load_role("15-2051.01", None, vocabulary)
    bi = next(i for i in analysts.core if isinstance(i, ChoiceGroup) and "tableau" in i.any_of)
    assert "power-bi" in bi.any_of  # one BI tool, not Tableau and Power BI
    core_skills = {m for item in analysts.core for m in item.members}
    assert "computers-and-electronics" not in core_skills  # a knowledge area: foundation, never core
    assert "computers-and-electronics" in {f.skill for f in analysts.foundation}
    assert "microsoft-word" not in core_skills and "microsoft-outlook" not in core_skills
    # An "All Other" occupation O*NET publishes no data for is profiled from its SOC group.
    other = load_role("15-1299.00", None, vocabulary)
    assert other.notes is not None and "no ratings or tools" in other.notes and other.core


def test_search_finds_alternate_and_reported_titles() -> None:
    hits = search_roles("marketing analyst")
    assert hits[0].score >= hits[-1].score
    top = {h.id: h for h in hits[:2]}
    assert set(top) == {"market-research-analyst", "market-research-analysts-and-marketing-specialists"}
    curated = top["market-research-analyst"]
    assert curated.curated and curated.matched_title == "Marketing Analyst"
    assert top["market-research-analysts-and-marketing-specialists"].matched_kind == "alternate title"
    assert search_roles("dental hygienist")[0].id == "dental-hygienists"
    assert search_roles("logistics analyst")[0].id == "logistics-analyst"  # curated first on a tie
    assert search_roles("Scrum Master")[0].id == "scrum-master"
    reported = search_roles("CEO")
    assert reported and reported[0].onet_codes == ("11-1011.00",)
    assert search_roles("") == [] and search_roles("zzzqqq") == []


def test_search_json_items() -> None:
    document = search_roles("data analyst", limit=3)[0].to_jsonable()
    assert set(document) >= {"id", "title", "onet_codes", "curated", "score"}
    assert document["id"] == "data-analyst" and document["score"] == 1.0


def test_occupation_lookup() -> None:
    occupation = find_occupation("15-2051.01")
    assert occupation is not None and occupation.title == "Business Intelligence Analysts"
    assert "data-analyst" in occupation.curated_roles
    assert "Business Data Analyst" in occupation.alternate_titles
    assert find_occupation("no-such-role") is None

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from credwallet.errors import InputError, NotFoundError
from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary, load_vocabulary

# Ids other parts of the product (built-in roles, the learning catalog) rely on.
CORE_IDS = [
    "sql",
    "python",
    "r",
    "go",
    "data-visualization",
    "excel",
    "spreadsheets",
    "tableau",
    "power-bi",
    "statistics",
    "machine-learning",
    "aws",
    "azure",
    "google-cloud",
    "linux",
    "networking",
    "project-management",
    "agile",
    "scrum",
    "seo",
    "google-analytics",
    "ux-research",
    "ux-design",
    "figma",
    "cybersecurity",
    "docker",
    "kubernetes",
    "javascript",
    "html",
    "css",
    "pandas",
    "postgresql",
]


def test_bundled_vocabulary_is_large_and_well_formed(vocabulary: Vocabulary) -> None:
    assert len(vocabulary) >= 400
    for skill in vocabulary:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", skill.id), skill.id
        assert skill.kind in ("tool", "knowledge", "skill")
        for broad in skill.broader:
            assert broad in vocabulary, (skill.id, broad)
    for skill_id in CORE_IDS:
        assert skill_id in vocabulary, skill_id


def test_broader_relation_has_no_cycles(vocabulary: Vocabulary) -> None:
    for skill in vocabulary:
        assert skill.id not in {a for a, _ in vocabulary.ancestors(skill.id, max_hops=50)}


def test_attribution_is_shipped() -> None:
    document = json.loads(
        (resources.files("credwallet") / "data" / "skills" / "vocabulary.json").read_text("utf-8")
    )
    names = " ".join(source["name"] for source in document["sources"])
    assert "O*NET" in names and "ESCO" in names
    attribution = (resources.files("credwallet") / "data" / "ATTRIBUTION.md").read_text("utf-8")
    assert "CC BY 4.0" in attribution and "European Union" in attribution


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power-BI", "power-bi"),
        ("POWER BI", "power-bi"),
        ("postgres", "postgresql"),
        ("C#", "csharp"),
        ("c++", "cpp"),
        ("C", "c"),
        ("node.js", "nodejs"),
        ("Structured query language SQL", "sql"),
        ("sql", "sql"),
    ],
)
def test_lookup_by_alias_ignores_case_and_punctuation(
    vocabulary: Vocabulary, text: str, expected: str
) -> None:
    skill = vocabulary.lookup(text)
    assert skill is not None and skill.id == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", "python"),
        ("https://data.europa.eu/esco/skill/CCD0A1D9-AFDA-43D9-B901-96344886E14D", "python"),
        (
            "https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill"
            "%2Fccd0a1d9-afda-43d9-b901-96344886e14d",
            "python",
        ),
        ("https://www.onetonline.org/find/descriptor/result/2.A.2.a", "critical-thinking"),
        ("2.C.4.a", "mathematics"),
        ("2.A.1.e", "mathematics"),
        ("43232110", "spreadsheets"),
    ],
)
def test_lookup_by_external_code(vocabulary: Vocabulary, code: str, expected: str) -> None:
    skill = vocabulary.by_code(code)
    assert skill is not None and skill.id == expected


def test_unknown_code_and_alias(vocabulary: Vocabulary) -> None:
    assert vocabulary.by_code("https://example.org/skills/basket-weaving") is None
    assert vocabulary.lookup("basket weaving for robots") is None
    with pytest.raises(NotFoundError, match="basket"):
        vocabulary.resolve("basket weaving for robots")


def test_broader_and_narrower(vocabulary: Vocabulary) -> None:
    assert "python" in vocabulary.broader("pandas")
    assert "pandas" in vocabulary.narrower("python")
    assert "pandas" not in vocabulary.broader("python")
    ancestors = dict(vocabulary.ancestors("pandas"))
    assert ancestors["python"] == 1 and ancestors["programming"] == 2
    assert ("pandas", 1) in vocabulary.descendants("python")
    assert "data-visualization" in vocabulary.broader("tableau")
    assert "sql" in vocabulary.broader("postgresql")


def test_user_skills_file_adds_and_extends(tmp_path: Path) -> None:
    (tmp_path / "skills.yaml").write_text(
        "skills:\n"
        "  - {id: duckdb, label: DuckDB, kind: tool, aliases: [duck db], broader: [sql]}\n"
        "  - {id: sql, aliases: [sequel queries]}\n",
        encoding="utf-8",
    )
    vocabulary = load_vocabulary(tmp_path)
    assert vocabulary.lookup("Duck-DB").id == "duckdb"  # type: ignore[union-attr]
    assert vocabulary.lookup("sequel queries").id == "sql"  # type: ignore[union-attr]
    assert "duckdb" in vocabulary.narrower("sql")
    assert "duckdb" not in load_bundled_vocabulary()
    assert load_vocabulary(tmp_path / "absent") is load_bundled_vocabulary()


def test_user_skills_file_errors_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "skills.yaml"
    path.write_text(
        "skills:\n  - {id: Bad_Id, label: x, kind: tool}\n  - {id: thing, label: Thing, kind: gadget}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_vocabulary(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert all(line.startswith(str(path)) for line in lines)
    assert "skills[0].id" in lines[0] and "skills[1].kind" in lines[1]


def test_user_skills_file_semantic_errors(tmp_path: Path) -> None:
    path = tmp_path / "skills.yaml"
    path.write_text(
        "skills:\n  - {id: thing, label: Thing, kind: tool, broader: [no-such-skill]}\n"
        "  - {id: other-thing}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_vocabulary(tmp_path)
    message = str(caught.value)
    assert "unknown skill 'no-such-skill'" in message
    assert "needs 'label' and 'kind'" in message


def test_user_skills_yaml_aliases_are_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nskills: [*b]\n"
    (tmp_path / "skills.yaml").write_text(bomb, encoding="utf-8")
    with pytest.raises(InputError, match="aliases"):
        load_vocabulary(tmp_path)


SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"shared data not present at {SHARED_DATA}")
def test_vocabulary_regenerates_identically(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    output = tmp_path / "vocabulary.json"
    subprocess.run(
        [sys.executable, str(repo / "scripts" / "build_vocabulary.py"), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    for name in ("vocabulary.json", "vocabulary-index.json"):
        shipped = (resources.files("credwallet") / "data" / "skills" / name).read_text("utf-8")
        assert (tmp_path / name).read_text("utf-8") == shipped, name


def test_lookup_indexes_are_read_only_when_needed_and_match_a_fresh_build() -> None:
    """Gap and roles read skills by id: the bundled indexes (a file of their own) stay unread until an alias
    or extraction needs them; what is read then equals the indexes built from the skills themselves."""
    from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary

    load_bundled_vocabulary.cache_clear()
    try:
        vocabulary = load_bundled_vocabulary()
        assert vocabulary._indexes is None
        assert vocabulary.lookup("sql") is not None and vocabulary.ancestors("postgresql")
        assert vocabulary._indexes is None  # ids and broader links need no index
        assert vocabulary.lookup("Structured Query Language") is not None
        assert vocabulary._indexes is not None
        rebuilt = Vocabulary(dict(vocabulary.skills), dict(vocabulary.commodity_owner))
        assert rebuilt.prebuilt_indexes() == vocabulary.prebuilt_indexes()
    finally:
        load_bundled_vocabulary.cache_clear()


def test_index_file_not_belonging_to_the_vocabulary_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from credwallet.errors import InputError
    from credwallet.skills import vocabulary as module

    real = module._bundled_bytes
    def altered(name: str) -> bytes:
        return real(name) + (b" " if name == module.INDEX_FILE else b"")

    monkeypatch.setattr(module, "_bundled_bytes", altered)
    module.load_bundled_vocabulary.cache_clear()
    try:
        with pytest.raises(InputError, match=r"vocabulary-index\.json does not belong"):
            module.load_bundled_vocabulary().lookup("Structured Query Language")
    finally:
        module.load_bundled_vocabulary.cache_clear()

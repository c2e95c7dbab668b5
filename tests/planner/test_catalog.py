"""Catalog files: schema errors one line each, merging, cycles, search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from credwallet.errors import InputError, NotFoundError
from credwallet.planner.catalog import CatalogError, find_cycle, search
from credwallet.planner.catalog_file import load_catalog, validate_catalog_file
from tests.planner.helpers import catalog_of, offering

GOOD = """\
offerings:
  - id: sql-for-analysts
    title: SQL for Data Analysts
    provider: Example University
    url: https://example.org/sql
    kind: course
    hours: 24
    cost: 49
    currency: USD
    skills: [{skill: sql, level: 3}]
    prerequisites: {offerings: [], skills: [{skill: spreadsheets, level: 1}]}
    stacks_into: [data-analytics-certificate]
    checked: 2026-11-01
"""


def write(tmp_path: Path, text: str, name: str = "catalog.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_design_example_loads(tmp_path: Path) -> None:
    catalog = load_catalog([write(tmp_path, GOOD)], catalog_only=True)
    sql = catalog.get("sql-for-analysts")
    assert sql.hours == 24 and sql.cost == 49 and sql.currency == "USD"
    assert sql.level_of("sql") == 3 and sql.level_of("python") == 0
    assert [(s.skill, s.level) for s in sql.prerequisite_skills] == [("spreadsheets", 1)]
    assert sql.stacks_into == ("data-analytics-certificate",)
    assert sql.checked == date(2026, 11, 1)
    assert sql.source.endswith("catalog.yaml")
    assert sql.to_jsonable()["checked"] == "2026-11-01"


def test_schema_errors_one_line_each_with_file_and_path(tmp_path: Path) -> None:
    bad = GOOD.replace("hours: 24", "hours: -3").replace("kind: course", "kind: webinar")
    bad = bad.replace("    title: SQL for Data Analysts\n", "") + "    colour: red\n"
    path = write(tmp_path, bad)
    problems = validate_catalog_file(path)
    assert len(problems) == 4, problems
    assert all(line.startswith(f"{path}: ") and "\n" not in line for line in problems)
    joined = "\n".join(problems)
    assert "offerings[0].hours: -3 is too small: at least 0" in joined
    assert "offerings[0].kind:" in joined and "webinar" in joined
    assert ": missing title" in joined
    assert "colour" in joined
    with pytest.raises(CatalogError) as caught:
        load_catalog([path])
    assert caught.value.problems == problems
    assert isinstance(caught.value, InputError)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "offerings:\n  - id: [unclosed\n")
    problems = validate_catalog_file(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}: line ")


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    assert "a catalog is a mapping" in validate_catalog_file(write(tmp_path, "- 1\n- 2\n"))[0]
    with pytest.raises(NotFoundError, match="catalog file not found"):
        load_catalog([tmp_path / "nope.yaml"])


def test_duplicate_ids_and_unknown_prerequisite(tmp_path: Path) -> None:
    twice = GOOD + GOOD.split("offerings:\n", 1)[1].replace(
        "prerequisites: {offerings: []", "prerequisites: {offerings: [ghost]"
    )
    problems = validate_catalog_file(write(tmp_path, twice))
    assert any(
        "offerings[1].id: duplicate id 'sql-for-analysts' (first at offerings[0])" in p for p in problems
    )
    single = GOOD.replace("offerings: []", "offerings: [ghost-course]")
    problems = validate_catalog_file(write(tmp_path, single, "b.yaml"))
    assert problems == [
        f"{tmp_path / 'b.yaml'}: sql-for-analysts.prerequisites.offerings[0]: unknown offering 'ghost-course'"
    ]


def test_cyclic_prerequisites_are_named(tmp_path: Path) -> None:
    text = "offerings:\n"
    for this, needs in (("a-course", "b-course"), ("b-course", "c-course"), ("c-course", "a-course")):
        text += (
            f"  - {{id: {this}, title: T, provider: P, kind: course, hours: 1, cost: 0,"
            f" skills: [{{skill: sql, level: 1}}], prerequisites: {{offerings: [{needs}]}}}}\n"
        )
    path = write(tmp_path, text)
    problems = validate_catalog_file(path)
    assert len(problems) == 1
    assert "cyclic prerequisites: a-course -> b-course -> c-course -> a-course" in problems[0]
    assert problems[0].startswith(str(path))


def test_find_cycle_self_loop_and_acyclic() -> None:
    assert find_cycle({"x": ["x"]}) == ["x", "x"]
    assert find_cycle({"x": ["y"], "y": [], "z": ["x", "y"]}) is None
    long_chain = {f"n{i}": [f"n{i + 1}"] for i in range(5000)}
    assert find_cycle(long_chain) is None  # iterative: no recursion limit


def test_user_catalog_overrides_builtin_and_catalog_only(tmp_path: Path) -> None:
    builtin = load_catalog()
    target = next(iter(builtin))
    text = GOOD.replace("id: sql-for-analysts", f"id: {target.id}").replace("hours: 24", "hours: 1")
    merged = load_catalog([write(tmp_path, text)])
    assert len(merged) == len(builtin)
    assert merged.get(target.id).hours == 1 and merged.overridden == (target.id,)
    assert merged.sources == ("built-in", str(tmp_path / "catalog.yaml"))
    only = load_catalog([tmp_path / "catalog.yaml"], catalog_only=True)
    assert len(only) == 1


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD, "first.yaml")
    second = write(tmp_path, GOOD.replace("hours: 24", "hours: 7"), "second.yaml")
    catalog = load_catalog([first, second], catalog_only=True)
    assert catalog.get("sql-for-analysts").hours == 7
    assert catalog.get("sql-for-analysts").source == str(second)


def test_resolve_skill_maps_aliases_and_reports_unknown(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("skill: sql,", "skill: SQL,"))
    aliases = {"SQL": "sql", "spreadsheets": "spreadsheets"}
    catalog = load_catalog([path], catalog_only=True, resolve_skill=aliases.get)
    assert catalog.get("sql-for-analysts").level_of("sql") == 3
    with pytest.raises(CatalogError) as caught:
        load_catalog([path], catalog_only=True, resolve_skill={"SQL": "sql"}.get)
    assert caught.value.problems == [
        f"{path}: sql-for-analysts.prerequisites.skills[0].skill: unknown skill 'spreadsheets'"
    ]


def test_get_unknown_offering() -> None:
    with pytest.raises(NotFoundError, match="no offering 'nope'"):
        catalog_of(offering("a")).get("nope")


def test_search_filters() -> None:
    catalog = catalog_of(
        offering("sql-one", 10, 0, {"sql": 2}, provider="Khan Academy"),
        offering("sql-two", 40, 99, {"sql": 4, "python": 2}, provider="Oracle"),
        offering("py", 5, 0, {"python": 1}, provider="Kaggle", kind="certification"),
    )
    ids = lambda found: [o.id for o in found]  # noqa: E731
    assert ids(search(catalog, skill="sql")) == ["sql-one", "sql-two"]
    assert ids(search(catalog, skill="sql", min_level=3)) == ["sql-two"]
    assert ids(search(catalog, provider="khan")) == ["sql-one"]
    assert ids(search(catalog, max_hours=10)) == ["sql-one", "py"]
    assert ids(search(catalog, "PYTHON")) == ["sql-two", "py"]
    assert ids(search(catalog, kind="certification")) == ["py"]
    assert ids(search(catalog, only_free=True, skill="sql")) == ["sql-one"]
    assert catalog.teaching("python", 2)[0].id == "sql-two"
    assert catalog.stack_members() == {}

"""A validated catalog (and a validated role file) is not parsed and checked again while its bytes stay the same."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from credwallet.planner import catalog_file
from credwallet.planner.catalog import CatalogError
from credwallet.planner.catalog_file import load_catalog

GOOD = """\
offerings:
  - id: sql-evenings
    title: SQL evenings
    provider: Town College
    kind: course
    hours: 10
    cost: 0
    skills: [{skill: sql, level: 3}]
"""


def refuse(*_args: object) -> object:
    raise AssertionError("parsed or validated again")


def test_a_validated_catalog_is_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, cache = tmp_path / "courses.yaml", tmp_path / "cache"
    path.write_text(GOOD, "utf-8")
    first = load_catalog([path], catalog_only=True, cache_dir=cache)
    [cached] = list(cache.iterdir())
    assert cached.name.startswith(catalog_file.hashlib.sha256(GOOD.encode()).hexdigest())
    monkeypatch.setattr(catalog_file, "_parse_yaml", refuse)
    monkeypatch.setattr(catalog_file, "_schema_problems", refuse)
    again = load_catalog([path], catalog_only=True, cache_dir=cache)
    assert again.get("sql-evenings") == first.get("sql-evenings")
    path.write_text(GOOD.replace("hours: 10", "hours: 12"), "utf-8")  # new bytes: checked again
    with pytest.raises(AssertionError, match="parsed or validated again"):
        load_catalog([path], catalog_only=True, cache_dir=cache)


def test_an_invalid_catalog_is_never_cached(tmp_path: Path) -> None:
    path, cache = tmp_path / "bad.yaml", tmp_path / "cache"
    path.write_text(GOOD.replace("kind: course", "kind: webinar"), "utf-8")
    for _ in range(2):
        with pytest.raises(CatalogError, match="webinar"):
            load_catalog([path], catalog_only=True, cache_dir=cache)
    assert not cache.exists() or not list(cache.iterdir())


def test_a_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    path, cache = tmp_path / "courses.yaml", tmp_path / "cache"
    path.write_text(GOOD, "utf-8")
    load_catalog([path], catalog_only=True, cache_dir=cache)
    [cached] = list(cache.iterdir())
    cached.write_text("{not json", "utf-8")
    assert "sql-evenings" in load_catalog([path], catalog_only=True, cache_dir=cache)


def test_the_bundled_json_is_the_yaml_and_passes_the_schema() -> None:
    import yaml

    data = files("credwallet") / "data" / "catalog"
    from_yaml = catalog_file.validated_document((data / "catalog.yaml").read_text("utf-8"), "catalog.yaml")
    shipped = json.loads((data / "catalog.json").read_text("utf-8"))
    assert from_yaml == shipped and catalog_file.check_document(shipped, "catalog.json") == []
    assert (
        yaml.safe_load((data / "catalog.yaml").read_text("utf-8"))["offerings"][0]["id"]
        == shipped["offerings"][0]["id"]
    )


def test_a_role_file_that_passed_is_not_validated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from credwallet.skills import yamlio

    role = {"format": 2, "id": "r", "title": "R", "core": [{"skill": "sql", "level": 3}]}
    schema = {"type": "object", "required": ["id"]}
    assert yamlio.schema_error_lines("r.yaml", role, schema) == []
    monkeypatch.setattr(yamlio, "_validator_for", refuse)
    assert yamlio.schema_error_lines("r.yaml", role, schema) == []
    with pytest.raises(AssertionError):  # another document is checked
        yamlio.schema_error_lines("r.yaml", {**role, "title": "Other"}, schema)
    monkeypatch.undo()
    assert yamlio.schema_error_lines("bad.yaml", {"title": "no id"}, schema) == [
        "bad.yaml: (top level): missing id"
    ]
    assert yamlio.schema_error_lines("bad.yaml", {"title": "no id"}, schema)  # failures are never remembered

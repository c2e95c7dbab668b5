"""JSON Schema errors in words: no Python values (`None`, `'x'` types, regexes) reach the user."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from credwallet.schema_words import describe

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "title"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "title": {"type": "string", "minLength": 1},
        "level": {"type": "integer", "minimum": 1, "maximum": 5},
        "kind": {"enum": ["course", "certification"]},
        "skills": {"type": "array", "minItems": 1},
        "code": {"type": "string", "pattern": "^Z+$"},
        "item": {"oneOf": [{"required": ["skill"]}, {"required": ["any_of"]}]},
    },
}


def _said(document: dict[str, Any]) -> list[str]:
    return sorted(describe(error) for error in Draft202012Validator(SCHEMA).iter_errors(document))


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ({"title": "T"}, ["missing id"]),
        ({"id": "a", "title": None}, ["is empty; give text"]),
        ({"id": "a", "title": 7}, ["must be text, not 7"]),
        ({"id": "Data_Analyst", "title": "T"}, ["'Data_Analyst': use lowercase letters and digits in words joined "
                                                "by hyphens (like data-analyst)"]),
        ({"id": "a", "title": "T", "code": "x"}, ["'x' is not in the expected form"]),
        ({"id": "a", "title": "T", "level": 9}, ["9 is too large: at most 5"]),
        ({"id": "a", "title": "T", "level": 0}, ["0 is too small: at least 1"]),
        ({"id": "a", "title": "T", "kind": "degree"}, ['\'degree\' is not allowed: use "course", "certification"']),
        ({"id": "a", "title": "T", "skills": []}, ["must not be empty"]),
        ({"id": "a", "title": "T", "wieght": 1}, ["unknown field wieght"]),
        ({"id": "a", "title": ""}, ["must not be empty"]),
        ({"id": "a", "title": "T", "item": {"skill": "x", "any_of": []}}, ["give skill or any_of, not both"]),
    ],
)  # fmt: skip
def test_errors_in_words(document: dict[str, Any], said: list[str]) -> None:
    words = _said(document)
    assert words == said
    for line in words:
        assert "None" not in line and "^" not in line and "of type" not in line

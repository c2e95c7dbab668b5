"""The learner's own skills file (`<wallet home>/skills.yaml`): parsed, schema-checked, resolved.

A new id adds a skill; a bundled id adds aliases, broader links and codes to that skill. Broader links
must name known skills, so extraction's broader/narrower rule stays well-defined.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from credwallet.errors import InputError
from credwallet.skills.yamlio import load_yaml_file, schema_error_lines

if TYPE_CHECKING:
    from credwallet.skills.skill import Skill
    from credwallet.skills.vocabulary import Vocabulary


@lru_cache(maxsize=1)
def user_skills_schema() -> dict[str, Any]:
    text = (resources.files("credwallet") / "data" / "skills" / "user_skills.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def parse_user_skills(path: Path, base: Vocabulary) -> list[Skill]:
    """Skills from a user file, or InputError with one line per problem (file, path, what is wrong)."""
    from credwallet.skills.skill import Skill

    document = load_yaml_file(path, "skills")
    if document is None:
        return []
    lines = schema_error_lines(str(path), document, user_skills_schema())
    if lines:
        raise InputError("\n".join(lines))
    entries = document["skills"]
    new_ids = {entry["id"] for entry in entries}
    problems: list[str] = []
    skills: list[Skill] = []
    for index, entry in enumerate(entries):
        where = f"{path}: skills[{index}]"
        existing = base.get(entry["id"])
        if existing is None and ("label" not in entry or "kind" not in entry):
            problems.append(
                f"{where}: a new skill needs 'label' and 'kind' ('{entry['id']}' is not in the vocabulary)"
            )
            continue
        broader: list[str] = []
        for broad in entry.get("broader") or []:
            target = broad if broad in new_ids else None
            if target is None:
                found = base.lookup(broad)
                target = found.id if found else None
            if target is None:
                problems.append(f"{where}.broader: unknown skill '{broad}'")
            elif target == entry["id"]:
                problems.append(f"{where}.broader: a skill cannot be broader than itself")
            else:
                broader.append(target)
        skills.append(
            Skill(
                id=entry["id"],
                label=entry.get("label") or (existing.label if existing else entry["id"]),
                kind=entry.get("kind") or (existing.kind if existing else "skill"),
                aliases=tuple(entry.get("aliases") or ()) + ((entry["label"],) if "label" in entry else ()),
                context_aliases=tuple(entry.get("context_aliases") or ()),
                explicit_aliases=tuple(entry.get("explicit_aliases") or ()),
                broader=tuple(broader),
                esco=tuple(entry.get("esco") or ()),
                onet_elements=tuple(entry.get("onet") or ()),
                description=entry.get("description"),
                origin=("user",),
                user_defined=True,
            )
        )
    if problems:
        raise InputError("\n".join(problems))
    return skills

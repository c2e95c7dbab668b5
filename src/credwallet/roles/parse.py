"""Role documents (format 1 or 2, already parsed from YAML or JSON) into `Role` values.

Validation is in two steps: the JSON schema shipped in data/roles/role.schema.json (shape, types, ranges),
then the vocabulary (every skill must resolve to one id, no skill twice in the core, a choice group's
`need` no more than its members). Every problem is one line naming the file and where in it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from credwallet.errors import InputError
from credwallet.roles.model import (
    DEFAULT_FOUNDATION_WEIGHT,
    ORIGIN_FILE,
    ChoiceGroup,
    CoreItem,
    FoundationItem,
    Requirements,
    Role,
    RoleSource,
    SkillItem,
)

if TYPE_CHECKING:
    from credwallet.skills.vocabulary import Vocabulary


@lru_cache(maxsize=1)
def role_schema() -> dict[str, Any]:
    """The role profile JSON schema shipped in the package (formats 1 and 2)."""
    text = (resources.files("credwallet") / "data" / "roles" / "role.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def parse_role_document(
    document: Any,
    name: str,
    vocabulary: Vocabulary,
    origin: str = ORIGIN_FILE,
    path: str | None = None,
    *,
    trusted: bool = False,
) -> Role:
    """Validate a parsed role document against the schema, then resolve it; InputError lists every problem.

    `trusted` skips the schema step for documents the package generated and a test validates.
    """
    if not isinstance(document, dict):
        raise InputError(f"{name}: (top level): a role file must be a mapping with id, title and core (or skills)")
    if not trusted:
        from credwallet.skills.yamlio import schema_error_lines

        lines = schema_error_lines(name, document, role_schema())
        if lines:
            raise InputError("\n".join(lines))
    return _RoleReader(document, name, vocabulary).role(origin, path, allow_empty=trusted)


class _RoleReader:
    """Resolves one document's skills against the vocabulary, collecting every problem before failing."""

    def __init__(self, document: dict[str, Any], name: str, vocabulary: Vocabulary) -> None:
        self.document = document
        self.name = name
        self.vocabulary = vocabulary
        self.problems: list[str] = []

    def resolve(self, written: str, where: str) -> str | None:
        skill = self.vocabulary.lookup(written)
        if skill is None:
            self.problems.append(
                f"{self.name}: {where}: unknown skill '{written}' (not a vocabulary id or alias)"
            )
            return None
        return skill.id

    def role(self, origin: str, path: str | None, *, allow_empty: bool = False) -> Role:
        """`allow_empty`: a shipped O*NET occupation O*NET publishes no data for has no items."""
        document = self.document
        if document.get("format") == 2:
            core = self.core(document["core"], "core")
            foundation = self.foundation(document.get("foundation") or [], {m for i in core for m in i.members})
            foundation_weight = float(document.get("foundation_weight", DEFAULT_FOUNDATION_WEIGHT))
            requirements = _requirements(document.get("requirements"))
            source = _source(document.get("source"))
            file_format = 2
        else:
            core = self.core(document["skills"], "skills")
            foundation, foundation_weight, requirements = [], DEFAULT_FOUNDATION_WEIGHT, None
            source = _source(document.get("source"))
            file_format = 1
        if self.problems:
            raise InputError("\n".join(self.problems))
        if not any(item.weight > 0 for item in core) and not (allow_empty and not core):
            key = "core" if file_format == 2 else "skills"
            raise InputError(f"{self.name}: {key}: every weight is 0, so coverage cannot be computed")
        return Role(
            id=document["id"],
            title=document["title"],
            core=tuple(core),
            foundation=tuple(foundation),
            foundation_weight=foundation_weight,
            requirements=requirements,
            description=document.get("description"),
            source=source,
            notes=document.get("notes"),
            origin=origin,
            path=path,
            file_format=file_format,
        )

    def core(self, entries: list[dict[str, Any]], key: str) -> list[CoreItem]:
        items: list[CoreItem] = []
        seen: dict[str, str] = {}  # skill id -> where it was first named

        def claim(skill_id: str, written: str, where: str) -> bool:
            if skill_id in seen:
                self.problems.append(f"{self.name}: {where}: '{written}' repeats {seen[skill_id]} ({skill_id})")
                return False
            seen[skill_id] = where
            return True

        for index, entry in enumerate(entries):
            where = f"{key}[{index}]"
            level = int(entry["level"])
            weight = float(entry.get("weight", 1.0))
            required = bool(entry.get("required", False))
            note = entry.get("note")
            if "any_of" in entry:
                members: list[str] = []
                for position, written in enumerate(entry["any_of"]):
                    member_where = f"{where}.any_of[{position}]"
                    skill_id = self.resolve(written, member_where)
                    if skill_id is not None and claim(skill_id, written, member_where):
                        members.append(skill_id)
                need = int(entry.get("need", 1))
                if need > len(entry["any_of"]):
                    self.problems.append(
                        f"{self.name}: {where}.need: {need} is more than the {len(entry['any_of'])} members"
                    )
                items.append(
                    ChoiceGroup(tuple(members), level, weight, required, need, entry.get("name"), note)
                )
                continue
            for extra in ("need", "name"):
                if extra in entry:
                    self.problems.append(f"{self.name}: {where}.{extra}: only a choice group (any_of) takes it")
            written = entry["skill"]
            skill_id = self.resolve(written, f"{where}.skill")
            if skill_id is None or not claim(skill_id, written, f"{where}.skill"):
                continue
            items.append(
                SkillItem(skill_id, level, weight, required, note, written if written != skill_id else None)
            )
        return items

    def foundation(self, entries: list[dict[str, Any]], core_skills: set[str]) -> list[FoundationItem]:
        items: list[FoundationItem] = []
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            where = f"foundation[{index}].skill"
            written = entry["skill"]
            skill_id = self.resolve(written, where)
            if skill_id is None:
                continue
            if skill_id in core_skills or skill_id in seen:
                place = "the core" if skill_id in core_skills else "the foundation"
                self.problems.append(f"{self.name}: {where}: '{written}' is already in {place} ({skill_id})")
                continue
            seen.add(skill_id)
            items.append(
                FoundationItem(skill_id, int(entry["level"]), float(entry.get("weight", 1.0)), entry.get("note"))
            )
        return items


def _source(raw: Any) -> RoleSource | None:
    if not isinstance(raw, dict):
        return None
    codes = tuple(str(c) for c in raw.get("codes") or ())
    if not codes and raw.get("code"):
        codes = (str(raw["code"]),)
    return RoleSource(
        name=str(raw["name"]),
        codes=codes,
        version=raw.get("version"),
        title=raw.get("title"),
        url=raw.get("url"),
        ratings_from=raw.get("ratings_from"),
    )


def _requirements(raw: Any) -> Requirements | None:
    if not isinstance(raw, dict):
        return None
    return Requirements(
        job_zone=raw.get("job_zone"),
        education=raw.get("education"),
        experience=raw.get("experience"),
        training=raw.get("training"),
        note=raw.get("note"),
    )

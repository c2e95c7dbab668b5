"""Role files written for people: a format 2 YAML copy of a role to edit (`roles new --from ROLE`)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from credwallet.roles.model import ChoiceGroup, Role

if TYPE_CHECKING:
    from credwallet.skills.vocabulary import Vocabulary


_PLAIN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def _scalar(value: Any) -> str:
    if isinstance(value, str) and _PLAIN.match(value) and value not in _YAML_WORDS:
        return value  # a skill id reads best unquoted: {skill: sql, ...}
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def flow_mapping(entry: dict[str, Any]) -> str:
    """`{skill: sql, level: 3, ...}`: one item per line, as DESIGN.md §6.1 shows them."""
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in entry.items()) + "}"


def role_yaml(role: Role, vocabulary: Vocabulary | None = None, header: list[str] | None = None) -> str:
    """The role as format 2 YAML: header comment lines, then one line per item (labels as comments)."""
    document = role.to_document()
    lines = [f"# {line}" if line else "#" for line in header or []]
    for key in ("format", "id", "title", "description"):
        if key in document:
            value = document[key]
            lines.append(f"{key}: {value if key == 'format' or key == 'id' else _scalar(value)}")
    for key in ("source", "requirements"):
        if key in document:
            lines.append(f"{key}: {flow_mapping(document[key])}")

    def label(skills: tuple[str, ...]) -> str:
        if vocabulary is None:
            return ""
        return "  # " + " / ".join(vocabulary.label(s) for s in skills)

    lines.append("core:")
    for item in role.core:
        members = item.any_of if isinstance(item, ChoiceGroup) else (item.skill,)
        lines.append(f"  - {flow_mapping(item.to_jsonable())}{label(members)}")
    if role.foundation:
        lines.append(f"foundation_weight: {role.foundation_weight}")
        lines.append("foundation:")
        for foundation_item in role.foundation:
            lines.append(f"  - {flow_mapping(foundation_item.to_jsonable())}{label((foundation_item.skill,))}")
    if role.notes:
        lines.append(f"notes: {_scalar(role.notes)}")
    return "\n".join(lines) + "\n"


def starter_yaml(role: Role, vocabulary: Vocabulary | None = None) -> str:
    """A commented format 2 copy of a role for the learner to edit, then `roles add`."""
    header = [
        f"Your own copy of the role '{role.id}'. Edit it, then: credwallet roles add THIS_FILE",
        "Keep the id to replace the built-in role in your wallet, or change it to add a new role.",
        "core: what employers ask for. skill: a vocabulary id or alias; level: 1 aware, 2 basic,",
        "3 intermediate, 4 advanced, 5 expert; weight 0-1: how much it counts; required: a must-have.",
        "any_of: a choice group, met when `need` (default 1) of its skills are at the level.",
        "foundation: background skills and knowledge; together they count for foundation_weight",
        "(0-0.25) of coverage and are never planned unless you ask (plan --include-foundation).",
        "requirements: job zone, education, experience: shown by `roles show` and `gap`, not planned.",
    ]
    return role_yaml(role, vocabulary, header)

"""Role profiles: the built-in roles derived from O*NET, the learner's own roles, and role files.

A role is a list of vocabulary skills with a level, a weight and a required flag, validated by the JSON
schema shipped in data/roles/role.schema.json. User roles live in the wallet's roles folder; a user role
with a built-in id wins over the built-in one (and says so through `overrides_builtin`), because the
learner edited it on purpose (typically with `roles new --from ROLE`).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from credwallet.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from credwallet.skills.vocabulary import Vocabulary

ORIGIN_BUILTIN = "built-in"
ORIGIN_USER = "user"
ORIGIN_FILE = "file"
ROLE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class RoleSource:
    """Where a profile comes from: e.g. O*NET 15-2051.01, version 29.3."""

    name: str
    code: str | None = None
    version: str | None = None
    title: str | None = None
    url: str | None = None
    ratings_from: str | None = None

    def to_jsonable(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in (
                ("name", self.name),
                ("code", self.code),
                ("version", self.version),
                ("title", self.title),
                ("url", self.url),
                ("ratings_from", self.ratings_from),
            )
            if v is not None
        }


@dataclass(frozen=True, slots=True)
class RoleSkill:
    """One skill a role needs; `skill` is a vocabulary id (an alias in the file is resolved on load)."""

    skill: str
    level: int
    weight: float = 1.0
    required: bool = False
    note: str | None = None
    written_as: str | None = None  # the alias the file used, when it was not the id

    def to_jsonable(self) -> dict[str, Any]:
        return {"skill": self.skill, "level": self.level, "weight": self.weight, "required": self.required}


@dataclass(frozen=True, slots=True)
class Role:
    """A job role as the skills it needs, plus where it came from (built-in, user folder, a file)."""

    id: str
    title: str
    skills: tuple[RoleSkill, ...]
    description: str | None = None
    source: RoleSource | None = None
    origin: str = ORIGIN_BUILTIN
    path: str | None = None
    overrides_builtin: bool = False

    @property
    def total_weight(self) -> float:
        return sum(s.weight for s in self.skills)

    def to_jsonable(self) -> dict[str, Any]:
        """`roles show --json`: the profile plus origin (built-in / user / file) and the override flag."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "source": self.source.to_jsonable() if self.source else None,
            "origin": self.origin,
            "path": self.path,
            "overrides_builtin": self.overrides_builtin,
            "skills": [s.to_jsonable() for s in self.skills],
        }


@dataclass(slots=True)
class _Issues:
    lines: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def role_schema() -> dict[str, Any]:
    """The role profile JSON schema shipped in the package."""
    text = (resources.files("credwallet") / "data" / "roles" / "role.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _role_from_document(
    document: dict[str, Any], vocabulary: Vocabulary, name: str, origin: str, path: str | None
) -> Role:
    """Resolve skill aliases to ids and build the Role; unknown or repeated skills are errors."""
    problems: list[str] = []
    skills: list[RoleSkill] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(document["skills"]):
        written = entry["skill"]
        skill = vocabulary.lookup(written)
        if skill is None:
            problems.append(
                f"{name}: skills[{index}].skill: unknown skill '{written}' (not a vocabulary id or alias)"
            )
            continue
        if skill.id in seen:
            problems.append(
                f"{name}: skills[{index}].skill: '{written}' repeats skills[{seen[skill.id]}] ({skill.id})"
            )
            continue
        seen[skill.id] = index
        skills.append(
            RoleSkill(
                skill=skill.id,
                level=int(entry["level"]),
                weight=float(entry.get("weight", 1.0)),
                required=bool(entry.get("required", False)),
                note=entry.get("note"),
                written_as=written if written != skill.id else None,
            )
        )
    if problems:
        raise InputError("\n".join(problems))
    if not any(s.weight > 0 for s in skills):
        raise InputError(f"{name}: skills: every weight is 0, so coverage cannot be computed")
    raw_source = document.get("source")
    source = RoleSource(**raw_source) if isinstance(raw_source, dict) else None
    return Role(
        id=document["id"],
        title=document["title"],
        skills=tuple(skills),
        description=document.get("description"),
        source=source,
        origin=origin,
        path=path,
    )


def parse_role_document(
    document: Any, name: str, vocabulary: Vocabulary, origin: str = ORIGIN_FILE, path: str | None = None
) -> Role:
    """Validate a parsed role document against the schema, then resolve it; InputError lists every problem."""
    from credwallet.skills.yamlio import schema_error_lines

    if not isinstance(document, dict):
        raise InputError(f"{name}: (top level): a role file must be a mapping with id, title and skills")
    lines = schema_error_lines(name, document, role_schema())
    if lines:
        raise InputError("\n".join(lines))
    return _role_from_document(document, vocabulary, name, origin, path)


def validate_role_file(path: Path, vocabulary: Vocabulary | None = None, origin: str = ORIGIN_FILE) -> Role:
    """Read, schema-check and resolve a role YAML file; errors are one line each (file, path, problem)."""
    from credwallet.skills.vocabulary import load_bundled_vocabulary
    from credwallet.skills.yamlio import load_yaml_file

    path = Path(path)
    document = load_yaml_file(path, "role")
    return parse_role_document(
        document, str(path), vocabulary or load_bundled_vocabulary(), origin, str(path)
    )


@lru_cache(maxsize=1)
def _builtin_documents() -> tuple[dict[str, Any], ...]:
    text = (resources.files("credwallet") / "data" / "roles" / "builtin.json").read_text("utf-8")
    return tuple(json.loads(text)["roles"])


def load_builtin_roles(vocabulary: Vocabulary | None = None) -> dict[str, Role]:
    """Every built-in role by id (read from one bundled JSON file; the YAML copies are for reading)."""
    from credwallet.skills.vocabulary import load_bundled_vocabulary

    vocabulary = vocabulary or load_bundled_vocabulary()
    return _builtin_roles_for(vocabulary)


_BUILTIN_CACHE: dict[str, dict[str, Role]] = {}


def _builtin_roles_for(vocabulary: Vocabulary) -> dict[str, Role]:
    cached = _BUILTIN_CACHE.get(vocabulary.fingerprint)
    if cached is None:
        cached = {
            doc["id"]: _role_from_document(
                doc, vocabulary, f"built-in role {doc['id']}", ORIGIN_BUILTIN, None
            )
            for doc in _builtin_documents()
        }
        _BUILTIN_CACHE[vocabulary.fingerprint] = cached
    return dict(cached)


def builtin_role_text(role_id: str) -> str:
    """The bundled YAML of a built-in role, as shipped (for `roles show --yaml`)."""
    target = resources.files("credwallet") / "data" / "roles" / f"{role_id}.yaml"
    if not target.is_file():
        raise NotFoundError(f"no built-in role '{role_id}'")
    return target.read_text("utf-8")


def load_user_roles(user_roles_dir: Path | None, vocabulary: Vocabulary | None = None) -> dict[str, Role]:
    """The learner's roles from their folder, by id; a broken file is an InputError naming it."""
    from credwallet.skills.vocabulary import load_bundled_vocabulary

    if user_roles_dir is None or not Path(user_roles_dir).is_dir():
        return {}
    vocabulary = vocabulary or load_bundled_vocabulary()
    builtin_ids = {doc["id"] for doc in _builtin_documents()}
    roles: dict[str, Role] = {}
    for path in sorted(Path(user_roles_dir).iterdir()):
        if path.suffix.lower() not in ROLE_SUFFIXES or not path.is_file():
            continue
        role = validate_role_file(path, vocabulary, origin=ORIGIN_USER)
        if role.id in roles:
            raise InputError(f"{path}: id: role '{role.id}' is also defined in {roles[role.id].path}")
        roles[role.id] = replace(role, overrides_builtin=role.id in builtin_ids)
    return roles


def list_roles(user_roles_dir: Path | None = None, vocabulary: Vocabulary | None = None) -> list[Role]:
    """Built-in and user roles sorted by id; a user role replaces the built-in role with its id."""
    roles = load_builtin_roles(vocabulary)
    roles.update(load_user_roles(user_roles_dir, vocabulary))
    return [roles[role_id] for role_id in sorted(roles)]


def load_role(
    id_or_path: str | Path, user_roles_dir: Path | None = None, vocabulary: Vocabulary | None = None
) -> Role:
    """A role by id (user roles first, then built-in) or from a YAML file path."""
    text = str(id_or_path)
    candidate = Path(text)
    if text.lower().endswith(ROLE_SUFFIXES) or os.sep in text or "/" in text:
        return validate_role_file(candidate, vocabulary)
    user_roles = load_user_roles(user_roles_dir, vocabulary)
    if text in user_roles:
        return user_roles[text]
    builtin = load_builtin_roles(vocabulary)
    if text in builtin:
        return builtin[text]
    known = sorted(set(builtin) | set(user_roles))
    raise NotFoundError(f"no role '{text}'", hint="known roles: " + ", ".join(known))


def install_role(
    path: Path, user_roles_dir: Path, vocabulary: Vocabulary | None = None, *, force: bool = False
) -> Role:
    """Validate a role file and copy it, byte for byte, to `<user_roles_dir>/<id>.yaml` (atomically)."""
    role = validate_role_file(Path(path), vocabulary, origin=ORIGIN_USER)
    user_roles_dir = Path(user_roles_dir)
    user_roles_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = user_roles_dir / f"{role.id}.yaml"
    existing = [p for p in user_roles_dir.iterdir() if p.suffix.lower() in ROLE_SUFFIXES and p != target]
    for other in existing:
        try:
            other_role = validate_role_file(other, vocabulary, origin=ORIGIN_USER)
        except InputError:
            continue
        if other_role.id == role.id:
            raise InputError(f"{other}: already defines role '{role.id}'; remove it first")
    if target.exists() and not force:
        raise InputError(
            f"{target}: a user role '{role.id}' is already installed", hint="use --force to replace it"
        )
    data = Path(path).read_bytes()
    handle, temporary = tempfile.mkstemp(prefix=".role-", suffix=".yaml", dir=user_roles_dir)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    builtin_ids = {doc["id"] for doc in _builtin_documents()}
    return replace(role, path=str(target), overrides_builtin=role.id in builtin_ids)


def starter_yaml(role: Role, vocabulary: Vocabulary | None = None) -> str:
    """A commented YAML copy of a role for the learner to edit (`roles new --from ROLE`)."""

    def quote(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [
        f"# Your own copy of the role '{role.id}'. Edit it, then: credwallet roles add THIS_FILE",
        "# Keep the id to replace the built-in role in your wallet, or change it to add a new role.",
        "# skill: a vocabulary id or alias; level: 1 aware, 2 basic, 3 intermediate, 4 advanced, 5 expert;",
        "# weight: 0-1, how much the skill counts in coverage; required: true if the role needs it.",
        f"id: {role.id}",
        f"title: {quote(role.title)}",
    ]
    if role.description:
        lines.append(f"description: {quote(role.description)}")
    if role.source is not None:
        pairs = ", ".join(f"{k}: {quote(str(v))}" for k, v in role.source.to_jsonable().items())
        lines.append(f"source: {{{pairs}}}")
    lines.append("skills:")
    for skill in role.skills:
        label = f"  # {vocabulary.label(skill.skill)}" if vocabulary is not None else ""
        lines.append(
            f"  - {{skill: {skill.skill}, level: {skill.level}, weight: {skill.weight}, "
            f"required: {'true' if skill.required else 'false'}}}{label}"
        )
    return "\n".join(lines) + "\n"

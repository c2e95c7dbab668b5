"""Where roles come from: the built-in roles shipped in the package, the learner's own, and role files.

User roles live in the wallet's roles folder; a user role with a built-in id wins over the built-in one (and
says so through `overrides_builtin`), because the learner edited it on purpose (typically with
`roles new --from ROLE`). A role is named by its id, by an O*NET-SOC code (`15-2051.01`) or by a path.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from credwallet.errors import InputError, NotFoundError
from credwallet.roles.model import ORIGIN_BUILTIN, ORIGIN_FILE, ORIGIN_USER, Role
from credwallet.roles.parse import parse_role_document

if TYPE_CHECKING:
    from credwallet.skills.vocabulary import Vocabulary

ROLE_SUFFIXES = (".yaml", ".yml")
ONET_CODE = re.compile(r"^\d{2}-\d{4}(?:\.\d{2})?$")


def validate_role_file(path: Path, vocabulary: Vocabulary | None = None, origin: str = ORIGIN_FILE) -> Role:
    """Read, schema-check and resolve a role YAML file; errors are one line each (file, path, problem)."""
    from credwallet.skills.vocabulary import load_bundled_vocabulary
    from credwallet.skills.yamlio import load_yaml_file

    path = Path(path)
    document = load_yaml_file(path, "role")
    return parse_role_document(document, str(path), vocabulary or load_bundled_vocabulary(), origin, str(path))


@lru_cache(maxsize=1)
def _builtin_bundle() -> dict[str, Any]:
    text = (resources.files("credwallet") / "data" / "roles" / "builtin.json").read_text("utf-8")
    bundle: dict[str, Any] = json.loads(text)
    return bundle


def builtin_documents() -> list[dict[str, Any]]:
    """The curated built-in roles as shipped: [{"id", "curated", "role": format 2 document}]."""
    documents: list[dict[str, Any]] = _builtin_bundle()["roles"]
    return documents


@lru_cache(maxsize=1)
def builtin_ids() -> frozenset[str]:
    """Ids a user role would override: the curated roles and every O*NET occupation's slug."""
    from credwallet.roles.occupations import occupations

    return frozenset(doc["id"] for doc in builtin_documents()) | {o.id for o in occupations()}


_BUILTIN_CACHE: dict[str, dict[str, Role]] = {}


def load_builtin_roles(vocabulary: Vocabulary | None = None) -> dict[str, Role]:
    """The curated built-in roles by id (one bundled JSON file; the YAML copies are for reading). The other
    O*NET occupations are in `credwallet.roles.occupations`."""
    from credwallet.skills.vocabulary import load_bundled_vocabulary

    vocabulary = vocabulary or load_bundled_vocabulary()
    cached = _BUILTIN_CACHE.get(vocabulary.fingerprint)
    if cached is None:
        cached = {doc["id"]: _builtin_role(doc, vocabulary) for doc in builtin_documents()}
        _BUILTIN_CACHE[vocabulary.fingerprint] = cached
    return dict(cached)


def load_builtin_role(role_id: str, vocabulary: Vocabulary) -> Role | None:
    """One curated role by id, or None: `gap --role` parses the role it names, not all of them."""
    cached = _BUILTIN_CACHE.get(vocabulary.fingerprint)
    if cached is not None:
        return cached.get(role_id)
    doc = next((doc for doc in builtin_documents() if doc["id"] == role_id), None)
    return _builtin_role(doc, vocabulary) if doc is not None else None


def _builtin_role(doc: dict[str, Any], vocabulary: Vocabulary) -> Role:
    where = f"built-in role {doc['id']}"
    role = parse_role_document(doc["role"], where, vocabulary, ORIGIN_BUILTIN, None, trusted=True)
    return replace(role, curated=bool(doc.get("curated")))


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
    known = builtin_ids()
    roles: dict[str, Role] = {}
    for path in sorted(Path(user_roles_dir).iterdir()):
        if path.suffix.lower() not in ROLE_SUFFIXES or not path.is_file():
            continue
        role = validate_role_file(path, vocabulary, origin=ORIGIN_USER)
        if role.id in roles:
            raise InputError(f"{path}: id: role '{role.id}' is also defined in {roles[role.id].path}")
        roles[role.id] = replace(role, overrides_builtin=role.id in known)
    return roles


def list_roles(user_roles_dir: Path | None = None, vocabulary: Vocabulary | None = None) -> list[Role]:
    """Curated built-in roles first, then the learner's own, each by title; a user role replaces the built-in
    role with its id. (Every O*NET occupation is also a role: `credwallet.roles.occupations`.)"""
    roles = load_builtin_roles(vocabulary)
    roles.update(load_user_roles(user_roles_dir, vocabulary))
    return sorted(roles.values(), key=_list_order)


def _list_order(role: Role) -> tuple[int, str, str]:
    rank = 0 if role.curated and not role.overrides_builtin else 1 if role.origin == ORIGIN_USER else 2
    return rank, role.title.lower(), role.id


def load_role(
    id_or_path: str | Path, user_roles_dir: Path | None = None, vocabulary: Vocabulary | None = None
) -> Role:
    """A role by id (user roles first, then curated, then an O*NET occupation's slug), by O*NET-SOC code
    (the occupation itself: `15-2051.01`), or from a YAML file path."""
    from credwallet.roles.occupations import occupation_role_for
    from credwallet.skills.vocabulary import load_bundled_vocabulary

    text = str(id_or_path).strip()
    if text.lower().endswith(ROLE_SUFFIXES) or os.sep in text or "/" in text:
        return validate_role_file(Path(text), vocabulary)
    user_roles = load_user_roles(user_roles_dir, vocabulary)
    if text in user_roles:
        return user_roles[text]
    vocabulary = vocabulary or load_bundled_vocabulary()
    builtin = load_builtin_role(text, vocabulary)
    if builtin is not None:
        return builtin
    occupation = occupation_role_for(text, vocabulary)
    if occupation is not None:
        return occupation
    if ONET_CODE.match(text):
        raise NotFoundError(f"no O*NET 29.3 occupation '{text}'", hint="find one with `credwallet roles search WORDS`")
    from credwallet.wording import did_you_mean

    suggestion = did_you_mean(text, [*user_roles, *(doc["id"] for doc in builtin_documents())])
    raise NotFoundError(
        f"no role '{text}'",
        hint=suggestion or "find one with `credwallet roles search WORDS`, or list them with `credwallet roles`",
    )


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
    return replace(role, path=str(target), overrides_builtin=role.id in builtin_ids())

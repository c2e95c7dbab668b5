"""Role profiles: the format 2 model, role files, and the built-in and user roles (DESIGN.md §6, §6.1).

Submodules: `model` (the dataclasses), `parse` (documents to roles, schema and vocabulary checks), `library`
(curated built-in, user and file roles), `occupations` (every O*NET occupation as a role), `search`
(`roles search`), `starter` (YAML for people). The names below are the public API.
"""

from typing import TYPE_CHECKING, Any

from credwallet.roles.library import (
    builtin_documents,
    builtin_ids,
    builtin_role_text,
    install_role,
    list_roles,
    load_builtin_roles,
    load_role,
    load_user_roles,
    validate_role_file,
)
from credwallet.roles.model import (
    DEFAULT_FOUNDATION_WEIGHT,
    ORIGIN_BUILTIN,
    ORIGIN_FILE,
    ORIGIN_USER,
    ChoiceGroup,
    CoreItem,
    FoundationItem,
    Requirements,
    Role,
    RoleSource,
    SkillItem,
)
from credwallet.roles.parse import parse_role_document, role_schema

if TYPE_CHECKING:
    from credwallet.roles.occupations import Occupation, find_occupation, occupation_role
    from credwallet.roles.search import SearchHit, search_roles
    from credwallet.roles.starter import role_yaml, starter_yaml

# Imported on first use: `gap` and `roles match` need neither search, nor the occupation titles, nor YAML.
_LAZY = {
    "Occupation": "credwallet.roles.occupations",
    "find_occupation": "credwallet.roles.occupations",
    "occupation_role": "credwallet.roles.occupations",
    "SearchHit": "credwallet.roles.search",
    "search_roles": "credwallet.roles.search",
    "role_yaml": "credwallet.roles.starter",
    "starter_yaml": "credwallet.roles.starter",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'credwallet.roles' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)

__all__ = [
    "DEFAULT_FOUNDATION_WEIGHT",
    "ORIGIN_BUILTIN",
    "ORIGIN_FILE",
    "ORIGIN_USER",
    "ChoiceGroup",
    "CoreItem",
    "FoundationItem",
    "Occupation",
    "Requirements",
    "Role",
    "RoleSource",
    "SearchHit",
    "SkillItem",
    "builtin_documents",
    "builtin_ids",
    "builtin_role_text",
    "find_occupation",
    "install_role",
    "list_roles",
    "load_builtin_roles",
    "load_role",
    "load_user_roles",
    "occupation_role",
    "parse_role_document",
    "role_schema",
    "role_yaml",
    "search_roles",
    "starter_yaml",
    "validate_role_file",
]

"""From the wallet to a plan: the role's needs, the levels already held, and the catalogs to draw on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.paths import user_catalogs_dir

if TYPE_CHECKING:
    from credwallet.model import Credential
    from credwallet.planner import Catalog, Plan, PlanOptions


def catalog_paths(home: Path, extra: list[Path]) -> list[Path]:
    """The user's catalogs in the wallet folder (sorted), then those given on the command line."""
    folder = user_catalogs_dir(home)
    installed = sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []
    return [*installed, *extra]


def load_catalogs(home: Path, extra: list[Path], *, catalog_only: bool) -> Catalog:
    from credwallet.planner import load_catalog
    from credwallet.skills.service import vocabulary_for

    vocabulary = vocabulary_for(home)

    def resolve(text: str) -> str | None:
        skill = vocabulary.lookup(text)
        return skill.id if skill else None

    paths = extra if catalog_only else catalog_paths(home, extra)
    return load_catalog(paths, catalog_only=catalog_only, resolve_skill=resolve)


def plan_for_role(
    credentials: list[Credential],
    role_ref: str,
    *,
    home: Path,
    catalogs: list[Path],
    catalog_only: bool,
    options: PlanOptions,
    include_unverified: bool = False,
    today: date | None = None,
) -> Plan:
    """The least-effort pathway that closes the wallet's gap for a role (DESIGN.md §6)."""
    from credwallet.planner import Need, make_plan
    from credwallet.skills.service import role_gap

    role, gap = role_gap(credentials, role_ref, home=home, include_unverified=include_unverified)
    needs = [Need(item.skill, item.required_level, item.weight) for item in gap.items]
    held = {item.skill: item.held_level for item in gap.items if item.held_level}
    catalog = load_catalogs(home, catalogs, catalog_only=catalog_only)
    return make_plan(role.id, needs, held, catalog, options, today=today)

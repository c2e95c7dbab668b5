"""From the wallet to a plan: the role's needs, the levels already held, and the catalogs to draw on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.paths import user_catalogs_dir

if TYPE_CHECKING:
    from collections.abc import Sequence

    from credwallet.gap import GapResult
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.planner import Catalog, Need, Plan, PlanOptions


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
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
    include_foundation: bool = False,
    today: date | None = None,
) -> Plan:
    """The least-effort pathway that closes the wallet's gap for a role (DESIGN.md §6)."""
    from credwallet.planner import make_plan
    from credwallet.skills.service import role_gap

    role, gap = role_gap(credentials, role_ref, home=home, verified_only=verified_only, declared=declared)
    needs, held = needs_from_gap(gap, include_foundation=include_foundation)
    catalog = load_catalogs(home, catalogs, catalog_only=catalog_only)
    return make_plan(role.id, needs, held, catalog, options, today=today)


def needs_from_gap(gap: GapResult, *, include_foundation: bool = False) -> tuple[list[Need], dict[str, int]]:
    """What the planner must reach, and the levels already held, from a gap result.

    Core items only unless `include_foundation` (foundation items are context, never planned by default).
    A choice group the learner has not met becomes one need: the member they hold best, else the first
    member listed (roles list members most in demand first) — until the planner models groups itself.
    """
    from credwallet.gap import KIND_ANY_OF
    from credwallet.planner import Need

    needs: list[Need] = []
    held: dict[str, int] = {}
    items = [*gap.items, *(gap.foundation if include_foundation else [])]
    for item in items:
        for member in item.members:
            if member.held_level:
                held[member.skill] = max(held.get(member.skill, 0), member.held_level)
        if item.kind == KIND_ANY_OF:
            if item.status == "met":
                continue
            for member in item.members[: item.need]:  # ranked by held level, the role's order on ties
                needs.append(Need(member.skill, item.required_level, item.weight / item.need))
            continue
        needs.append(Need(item.key, item.required_level, item.weight))
    return needs, held

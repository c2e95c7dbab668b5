"""From the wallet to a plan: the role's needs, everything the learner holds, and the catalogs to draw on.

The planner itself is pure (credwallet.planner); this is where a gap result becomes planner needs (core
items and choice groups, foundation items marked as such, each weighted by its share of the role so plan
coverage is gap coverage), where every held skill level (not only the role's) and every held catalog
offering is gathered, and where saved plans are measured against the wallet as it is today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from credwallet.paths import catalog_cache_dir, user_catalogs_dir, user_roles_dir

if TYPE_CHECKING:
    from credwallet.gap import GapResult, LeftOut
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.planner import Catalog, HeldOffering, Need, Plan, PlanOptions
    from credwallet.planner.progress import Progress
    from credwallet.roles import Role
    from credwallet.skills.model import HeldSkill
    from credwallet.store.plans import SavedPlan

    # Held skills and the credentials left out, as held_skills returns them for the same credentials and moment.
    Holding = tuple[list[HeldSkill], list[LeftOut]]


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
    return load_catalog(paths, catalog_only=catalog_only, resolve_skill=resolve, cache_dir=catalog_cache_dir(home))


def needs_from_gap(gap: GapResult, *, include_foundation: bool = True) -> tuple[list[Need], dict[str, int]]:
    """Planner needs for every item of a gap result (foundation items marked as such, so the planner counts
    them in coverage and plans them only when asked), and the members' held levels as gap counts them.

    Weights are the items' shares of the role, so the planner's coverage is the gap's coverage.
    `include_foundation=False` leaves foundation items out altogether.
    """
    from credwallet.gap import KIND_ANY_OF, KIND_FOUNDATION
    from credwallet.planner import Need

    needs: list[Need] = []
    held: dict[str, int] = {}
    items = [*gap.items, *(gap.foundation if include_foundation else [])]
    for item in items:
        for member in item.members:
            held[member.skill] = max(held.get(member.skill, 0), member.held_level)
        group = item.kind == KIND_ANY_OF
        needs.append(
            Need(
                item.key,
                item.required_level,
                item.share,
                item.required,
                any_of=tuple(m.skill for m in item.members) if group else (),
                count=item.need if group else 1,
                foundation=item.kind == KIND_FOUNDATION,
                label=item.label if group else None,
            )
        )
    return needs, held


@dataclass(frozen=True)
class LearnerState:
    """What a plan starts from: the role, its needs, held levels and offerings, labels, the catalog."""

    role: Role
    gap: GapResult
    needs: list[Need]
    held: dict[str, int]
    held_offerings: dict[str, HeldOffering]
    labels: dict[str, str]
    catalog: Catalog
    degree: tuple[str, str] | None = None  # (level, "credential ID (name)") when a credential shows a degree


def learner_state(
    credentials: list[Credential],
    role_ref: str,
    *,
    home: Path,
    catalogs: list[Path],
    catalog_only: bool,
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
    now: datetime | None = None,
    holding: Holding | None = None,
) -> LearnerState:
    """The learner as the planner sees them, from the evidence gap counts (same tiers, same rules), as of
    `now` (default: this moment; `report` pins it so its page is reproducible). `holding`: the held skills
    a caller already computed for these credentials, declarations and moment (read once, not again here)."""
    from credwallet.gap import analyze_gap, counting_credentials
    from credwallet.planner import held_offerings
    from credwallet.planner.eligibility import degree_shown
    from credwallet.roles import load_role
    from credwallet.skills.service import held_skills, skill_labels, vocabulary_for

    moment = now or datetime.now(UTC)
    vocabulary = vocabulary_for(home)
    role = load_role(role_ref, user_roles_dir(home), vocabulary)
    if holding is None:
        holding = held_skills(credentials, home=home, verified_only=verified_only, declared=declared, now=moment)
    skills, left_out = holding
    gap = analyze_gap(skills, role, vocabulary, left_out, verified_only=verified_only)
    needs, role_levels = needs_from_gap(gap)
    held = {item.skill: item.level for item in skills}  # every skill held, not only the role's
    held.update(role_levels)  # role members as gap counts them (a weak match for a required item stops short)
    held = {skill: level for skill, level in held.items() if level > 0}
    counted, _ = counting_credentials(credentials, moment, verified_only=verified_only)
    catalog = load_catalogs(home, catalogs, catalog_only=catalog_only)
    labels = skill_labels(home=home)
    labels[role.id] = role.title
    shown = degree_shown(counted)
    degree = None
    if shown is not None:
        level, credential = shown
        degree = (level, f"credential {(credential.wallet_id or '')[:8]} ({credential.name})")
    return LearnerState(role, gap, needs, held, held_offerings(counted, catalog), labels, catalog, degree)


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
    today: date | None = None,
    now: datetime | None = None,
    holding: Holding | None = None,
) -> Plan:
    """The least-effort pathway to the role's required items and target coverage (DESIGN.md §6)."""
    from dataclasses import replace

    from credwallet.planner import make_plan

    state = learner_state(
        credentials,
        role_ref,
        home=home,
        catalogs=catalogs,
        catalog_only=catalog_only,
        verified_only=verified_only,
        declared=declared,
        now=now,
        holding=holding,
    )
    if state.degree is not None and options.facts.degree is None:  # a degree said with --degree wins
        level, shown_by = state.degree
        options = replace(options, facts=replace(options.facts, degree=level, degree_from=shown_by))
    return make_plan(
        state.role.id,
        state.needs,
        state.held,
        state.catalog,
        options,
        held_offerings=state.held_offerings.values(),
        labels=state.labels,
        today=today,
    )


def saved_plan_progress(
    credentials: list[Credential],
    saved: SavedPlan,
    *,
    home: Path,
    declared: Sequence[DeclaredSkill] = (),
    today: date | None = None,
    now: datetime | None = None,
    holding: Holding | None = None,
) -> Progress:
    """A saved plan measured against the wallet today: steps done, current step, finish, coverage now
    (`holding`: as for learner_state, and only when it was computed with the saved plan's verified_only)."""
    from credwallet.planner.held import with_completed_stacks
    from credwallet.planner.needs import coverage, levels_after
    from credwallet.planner.progress import plan_progress

    request: dict[str, Any] = saved.request
    state = learner_state(
        credentials,
        str(request.get("role_ref") or saved.role),
        home=home,
        catalogs=[Path(p) for p in request.get("catalogs") or []],
        catalog_only=bool(request.get("catalog_only")),
        verified_only=bool(request.get("verified_only")),
        declared=declared,
        now=now,
        holding=holding,
    )
    done_by: dict[str, str] = {}
    for offering_id, held in state.held_offerings.items():
        short = (held.credential or "")[:8]
        done_by[offering_id] = f"credential {short} ({held.credential_name})" if short else held.credential_name
    for offering_id in [*saved.completed, *(request.get("completed") or [])]:
        done_by.setdefault(offering_id, "marked completed")
    implied = with_completed_stacks(done_by, state.catalog)
    for offering_id in sorted(implied - set(done_by)):
        wholes = [o for o in state.catalog.offerings[offering_id].stacks_into if o in implied]
        done_by[offering_id] = f"part of {wholes[0]}, which is done" if wholes else "all its parts are done"
    levels = dict(state.held)
    for skill, level in request.get("have") or []:
        levels[skill] = max(levels.get(skill, 0), int(level))
    taken = [state.catalog.offerings[o] for o in done_by if o in state.catalog.offerings]
    coverage_now = coverage(state.needs, levels_after(levels, taken))
    return plan_progress(saved.name, saved.plan, done_by, coverage_now, today or date.today())

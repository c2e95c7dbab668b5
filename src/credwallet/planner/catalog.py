"""The learning catalog: offerings the planner chooses from, loaded from the bundled YAML and user files.

Every catalog file is checked against `data/catalog/catalog.schema.json` and then for what a schema cannot
say (duplicate ids, unknown prerequisite offerings, cyclic prerequisites); each problem is one line naming
the file, the path inside it and what is wrong.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from credwallet.errors import InputError, NotFoundError

# A catalog is hand-written YAML of a few hundred offerings (the bundled one is ~100 KB); anything far
# larger is refused before parsing so a hostile file cannot exhaust memory through YAML aliases or size.
MAX_CATALOG_BYTES = 8 * 1024 * 1024
# Offerings in one merged catalog; the planner benchmark uses 2,000, real catalogs far fewer.
MAX_OFFERINGS = 50_000

BUILTIN = "built-in"
KINDS = ("course", "professional-certificate", "certification", "degree", "bootcamp")


class CatalogError(InputError):
    """A catalog file that cannot be used; `problems` holds one `file: path: problem` line each."""

    code = "INVALID_CATALOG"

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class SkillLevel:
    """A skill id at a level 1-5 (taught by an offering, or required before it)."""

    skill: str
    level: int


@dataclass(frozen=True, slots=True)
class Offering:
    """One thing a learner can take: a course, certificate, certification, degree or bootcamp."""

    id: str
    title: str
    provider: str
    kind: str
    hours: float
    cost: float
    skills: tuple[SkillLevel, ...]
    currency: str = "USD"
    url: str | None = None
    prerequisite_offerings: tuple[str, ...] = ()
    prerequisite_skills: tuple[SkillLevel, ...] = ()
    stacks_into: tuple[str, ...] = ()
    recognition: str | None = None
    notes: str | None = None
    checked: date | None = None
    source: str = BUILTIN  # "built-in" or the path of the user catalog it came from

    def level_of(self, skill: str) -> int:
        """The level this offering brings `skill` to (0 when it does not teach it)."""
        return max((taught.level for taught in self.skills if taught.skill == skill), default=0)

    def to_jsonable(self) -> dict[str, Any]:
        """The offering in the catalog file's own shape (plus `source`), for `catalog show --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "provider": self.provider,
            "url": self.url,
            "kind": self.kind,
            "hours": self.hours,
            "cost": self.cost,
            "currency": self.currency,
            "skills": [{"skill": s.skill, "level": s.level} for s in self.skills],
            "prerequisites": {
                "offerings": list(self.prerequisite_offerings),
                "skills": [{"skill": s.skill, "level": s.level} for s in self.prerequisite_skills],
            },
            "stacks_into": list(self.stacks_into),
            "recognition": self.recognition,
            "notes": self.notes,
            "checked": self.checked.isoformat() if self.checked else None,
            "source": self.source,
        }


@dataclass(frozen=True)
class Catalog:
    """A merged, validated set of offerings keyed by id (insertion order kept for stable output)."""

    offerings: Mapping[str, Offering]
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    overridden: tuple[str, ...] = ()  # ids a user catalog replaced
    _by_skill: dict[str, list[Offering]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for offering in self.offerings.values():
            for taught in offering.skills:
                self._by_skill.setdefault(taught.skill, []).append(offering)

    def __len__(self) -> int:
        return len(self.offerings)

    def __iter__(self) -> Iterator[Offering]:
        return iter(self.offerings.values())

    def __contains__(self, offering_id: object) -> bool:
        return offering_id in self.offerings

    def get(self, offering_id: str) -> Offering:
        """The offering with this id, or a NotFoundError naming it."""
        try:
            return self.offerings[offering_id]
        except KeyError:
            raise NotFoundError(
                f"no offering {offering_id!r} in the catalog", hint="list them with `credwallet catalog`"
            ) from None

    def teaching(self, skill: str, min_level: int = 1) -> list[Offering]:
        """Offerings that bring `skill` to at least `min_level`."""
        return [o for o in self._by_skill.get(skill, []) if o.level_of(skill) >= min_level]

    def skills(self) -> set[str]:
        """Every skill id some offering teaches."""
        return set(self._by_skill)

    def stack_members(self) -> dict[str, list[str]]:
        """For each `stacks_into` target, the offerings that together complete it."""
        members: dict[str, list[str]] = {}
        for offering in self.offerings.values():
            for target in offering.stacks_into:
                members.setdefault(target, []).append(offering.id)
        return members


def search(
    catalog: Catalog,
    text: str | None = None,
    *,
    skill: str | None = None,
    min_level: int = 1,
    provider: str | None = None,
    max_hours: float | None = None,
    kind: str | None = None,
    only_free: bool = False,
) -> list[Offering]:
    """Offerings matching every given filter; text and provider match case-insensitive substrings."""
    needle = text.casefold() if text else None
    provider_needle = provider.casefold() if provider else None
    found = []
    for offering in catalog.teaching(skill, min_level) if skill else list(catalog):
        if provider_needle and provider_needle not in offering.provider.casefold():
            continue
        if max_hours is not None and offering.hours > max_hours:
            continue
        if kind and offering.kind != kind:
            continue
        if only_free and offering.cost > 0:
            continue
        if needle:
            haystack = " ".join([offering.id, offering.title, offering.provider, offering.kind])
            haystack += " " + " ".join(s.skill for s in offering.skills)
            if needle not in haystack.casefold():
                continue
        found.append(offering)
    return found


@functools.cache
def _schema_validator() -> Any:
    from importlib.resources import files

    import jsonschema

    schema_text = (files("credwallet") / "data" / "catalog" / "catalog.schema.json").read_text("utf-8")
    schema = json.loads(schema_text)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _dates_to_text(value: Any) -> Any:
    # YAML turns `checked: 2026-11-01` into a date; the schema (and JSON) speak ISO strings.
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_to_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(item) for item in value]
    return value


def _json_path(parts: Iterable[Any]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top)"


def _parse_text(text: str, label: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~15x faster on the bundled file
    try:
        return yaml.load(text, Loader=loader)  # a safe loader (C or pure Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(top)"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CatalogError([f"{label}: {where}: {problem}"]) from None


def check_document(document: Any, label: str) -> list[str]:
    """Every schema problem of one parsed catalog document, one `file: path: problem` line each."""
    document = _dates_to_text(document)
    if not isinstance(document, dict):
        return [f"{label}: (top): a catalog is a mapping with an `offerings` list"]
    errors = sorted(_schema_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    problems = [f"{label}: {_json_path(error.path)}: {error.message}" for error in errors]
    seen: dict[str, int] = {}
    for index, entry in enumerate(document.get("offerings") or []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            if entry["id"] in seen:
                problems.append(
                    f"{label}: offerings[{index}].id: duplicate id {entry['id']!r}"
                    f" (first at offerings[{seen[entry['id']]}])"
                )
            seen.setdefault(entry["id"], index)
    return problems


def _offering_from(entry: dict[str, Any], source: str) -> Offering:
    prerequisites = entry.get("prerequisites") or {}
    checked = entry.get("checked")
    return Offering(
        id=entry["id"],
        title=entry["title"],
        provider=entry["provider"],
        kind=entry["kind"],
        hours=float(entry["hours"]),
        cost=float(entry["cost"]),
        currency=entry.get("currency", "USD"),
        url=entry.get("url"),
        skills=tuple(SkillLevel(s["skill"], s["level"]) for s in entry["skills"]),
        prerequisite_offerings=tuple(prerequisites.get("offerings") or ()),
        prerequisite_skills=tuple(
            SkillLevel(s["skill"], s["level"]) for s in prerequisites.get("skills") or ()
        ),
        stacks_into=tuple(entry.get("stacks_into") or ()),
        recognition=entry.get("recognition"),
        notes=entry.get("notes"),
        checked=date.fromisoformat(checked) if isinstance(checked, str) else checked,
        source=source,
    )


def parse_catalog_text(
    text: str, label: str, *, check_schema: bool = True
) -> tuple[list[Offering], str | None]:
    """Offerings and top-level note of one catalog file's text; CatalogError lists every problem.

    `check_schema=False` is only for the bundled catalog, which the test suite validates against the
    schema: loading jsonschema costs more than a second, and `plan` should not pay it for trusted data.
    """
    document = _dates_to_text(_parse_text(text, label))
    problems = check_document(document, label) if check_schema else []
    if problems:
        raise CatalogError(problems)
    source = BUILTIN if label == BUILTIN else label
    return [_offering_from(entry, source) for entry in document["offerings"]], document.get("note")


def _read_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError([f"{path}: (top): file is {size} bytes, over the {MAX_CATALOG_BYTES} limit"])
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise NotFoundError(f"catalog file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError([f"{path}: (top): cannot read: {exc}"]) from None


@functools.cache
def _builtin() -> tuple[tuple[Offering, ...], str | None]:
    from importlib.resources import files

    text = (files("credwallet") / "data" / "catalog" / "catalog.yaml").read_text("utf-8")
    offerings, note = parse_catalog_text(text, BUILTIN, check_schema=False)
    return tuple(offerings), note


def find_cycle(prerequisites: Mapping[str, Sequence[str]]) -> list[str] | None:
    """A prerequisite cycle as `[a, b, ..., a]` if the offering graph has one (iterative DFS)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for root in prerequisites:
        if state.get(root):
            continue
        path: list[str] = [root]
        stack: list[Iterator[str]] = [iter(prerequisites.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and nxt in prerequisites:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(prerequisites[nxt]))
    return None


def check_links(offerings: Mapping[str, Offering]) -> list[str]:
    """Problems only the merged catalog shows: unknown prerequisite offerings and prerequisite cycles."""
    problems = []
    for offering in offerings.values():
        for index, needed in enumerate(offering.prerequisite_offerings):
            if needed not in offerings:
                problems.append(
                    f"{offering.source}: {offering.id}.prerequisites.offerings[{index}]: "
                    f"unknown offering {needed!r}"
                )
    graph = {oid: o.prerequisite_offerings for oid, o in offerings.items()}
    cycle = find_cycle(graph)
    if cycle:
        where = offerings[cycle[0]].source
        problems.append(
            f"{where}: {cycle[0]}.prerequisites.offerings: cyclic prerequisites: {' -> '.join(cycle)}"
        )
    return problems


def _resolve_skills(
    offering: Offering, resolve: Callable[[str], str | None], problems: list[str]
) -> Offering:
    def canon(items: tuple[SkillLevel, ...], where: str) -> tuple[SkillLevel, ...]:
        resolved = []
        for index, item in enumerate(items):
            skill_id = resolve(item.skill)
            if skill_id is None:
                problems.append(
                    f"{offering.source}: {offering.id}.{where}[{index}].skill: unknown skill {item.skill!r}"
                )
                skill_id = item.skill
            resolved.append(SkillLevel(skill_id, item.level))
        return tuple(resolved)

    from dataclasses import replace

    return replace(
        offering,
        skills=canon(offering.skills, "skills"),
        prerequisite_skills=canon(offering.prerequisite_skills, "prerequisites.skills"),
    )


def load_catalog(
    paths: Sequence[str | Path] = (),
    *,
    catalog_only: bool = False,
    resolve_skill: Callable[[str], str | None] | None = None,
) -> Catalog:
    """The built-in catalog merged with user catalogs (a later file's id overrides an earlier one's).

    `catalog_only` leaves the built-in catalog out. `resolve_skill` maps a skill alias to its vocabulary
    id (None = unknown, reported as a problem). Raises CatalogError with every problem found.
    """
    merged: dict[str, Offering] = {}
    sources: list[str] = []
    notes: list[str] = []
    overridden: list[str] = []
    if not catalog_only:
        builtin, note = _builtin()
        merged.update((o.id, o) for o in builtin)
        sources.append(BUILTIN)
        notes.extend([note] if note else [])
    problems: list[str] = []
    for path in map(Path, paths):
        try:
            offerings, note = parse_catalog_text(_read_file(path), str(path))
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        sources.append(str(path))
        notes.extend([note] if note else [])
        for offering in offerings:
            if offering.id in merged:
                overridden.append(offering.id)
            merged[offering.id] = offering
    if len(merged) > MAX_OFFERINGS:
        problems.append(
            f"{sources[-1] if sources else BUILTIN}: offerings: more than {MAX_OFFERINGS} offerings"
        )
    if resolve_skill is not None:
        merged = {oid: _resolve_skills(o, resolve_skill, problems) for oid, o in merged.items()}
    if not problems:
        problems.extend(check_links(merged))
    if problems:
        raise CatalogError(problems)
    return Catalog(merged, tuple(sources), tuple(notes), tuple(dict.fromkeys(overridden)))


def validate_catalog_file(
    path: str | Path, *, resolve_skill: Callable[[str], str | None] | None = None
) -> list[str]:
    """Every problem of one user catalog as lines (empty when valid); links checked against built-ins too."""
    try:
        load_catalog([path], resolve_skill=resolve_skill)
    except CatalogError as exc:
        return exc.problems
    return []


def catalog_from_offerings(offerings: Iterable[Offering], *, check: bool = True) -> Catalog:
    """A catalog built in code (tests, benchmarks); links and cycles checked unless `check` is False."""
    merged = {o.id: o for o in offerings}
    if check:
        problems = check_links(merged)
        if problems:
            raise CatalogError(problems)
    return Catalog(merged, ("(in memory)",))

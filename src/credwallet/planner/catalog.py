"""The learning catalog: the offerings the planner chooses from, and what a merged catalog must hold.

Reading catalog files (YAML, schema, cache) lives in `catalog_file`; this module holds the types, the
search behind `credwallet catalog`, and the checks only the merged catalog allows (unknown prerequisite
offerings, prerequisite cycles), each problem one line naming the file, the path inside it and what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from credwallet.errors import InputError, NotFoundError
from credwallet.planner.eligibility import Eligibility

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
class HeldAs:
    """How a wallet credential is recognized as this offering, beyond its own provider, title and url."""

    titles: tuple[str, ...] = ()  # other titles the credential is issued under
    issuers: tuple[str, ...] = ()  # issuer names that stand for the provider (Coursera for Google's)
    ids: tuple[str, ...] = ()  # achievement / badge class ids or URL prefixes of the issued credentials

    def to_jsonable(self) -> dict[str, list[str]]:
        return {"titles": list(self.titles), "issuers": list(self.issuers), "ids": list(self.ids)}


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
    eligibility: Eligibility | None = None
    held_as: HeldAs | None = None

    @property
    def prerequisite_groups(self) -> tuple[tuple[str, ...], ...]:
        """Offerings to take first: each group is met by any one of its ids (a prerequisite offering is a
        group of one; a prior certification the eligibility rules accept in several forms is a larger one)."""
        groups: tuple[tuple[str, ...], ...] = tuple((needed,) for needed in self.prerequisite_offerings)
        if self.eligibility is not None:
            groups += self.eligibility.certifications
        return groups

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
            "eligibility": self.eligibility.to_jsonable() if self.eligibility else None,
            "held_as": self.held_as.to_jsonable() if self.held_as else None,
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
            from credwallet.wording import did_you_mean

            raise NotFoundError(
                f"no offering {offering_id!r} in the catalog",
                hint=did_you_mean(offering_id, self.offerings) or "list them with `credwallet catalog`",
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
                    f"{offering.source}: {offering.id}.prerequisites.offerings[{index}]: unknown offering {needed!r}"
                )
        certifications = offering.eligibility.certifications if offering.eligibility else ()
        for index, group in enumerate(certifications):
            for needed in group:
                if needed not in offerings:
                    problems.append(
                        f"{offering.source}: {offering.id}.eligibility.certifications[{index}]: "
                        f"unknown offering {needed!r}"
                    )
    graph = {oid: tuple(i for group in o.prerequisite_groups for i in group) for oid, o in offerings.items()}
    cycle = find_cycle(graph)
    if cycle:
        where = offerings[cycle[0]].source
        problems.append(f"{where}: {cycle[0]}.prerequisites.offerings: cyclic prerequisites: {' -> '.join(cycle)}")
    return problems


def catalog_from_offerings(offerings: Iterable[Offering], *, check: bool = True) -> Catalog:
    """A catalog built in code (tests, benchmarks); links and cycles checked unless `check` is False."""
    merged = {o.id: o for o in offerings}
    if check:
        problems = check_links(merged)
        if problems:
            raise CatalogError(problems)
    return Catalog(merged, ("(in memory)",))

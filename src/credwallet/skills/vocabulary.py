"""The skills vocabulary: canonical skill ids, aliases, broader links and external codes.

The bundled vocabulary (derived from O*NET and ESCO by scripts/build_vocabulary.py) is read once per
process; a learner's additions in `<wallet home>/skills.yaml` are layered on top. Every later stage
(extraction, roles, gap, planner) names skills by the ids defined here.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

from credwallet.errors import InputError, NotFoundError
from credwallet.skills.skill import Skill
from credwallet.skills.text import normalize_key

KINDS = ("tool", "knowledge", "skill")

# How an alias may match (see skills/extract.py): anywhere in text, only with context, only as a whole
# alignment name or tag, or only in the exact case written ("AI", "ML").
MODE_TEXT = "text"
MODE_CONTEXT = "context"
MODE_EXPLICIT = "explicit"
MODE_CASE = "case"

_ESCO_UUID = re.compile(r"esco/skill/([0-9a-fA-F-]{36})")
_ONET_ELEMENT = re.compile(r"(?<![\w.])([1-7]\.[A-D](?:\.\d{1,2})?(?:\.[a-z])?(?:\.\d{1,2})?)(?![\w])")
_COMMODITY = re.compile(r"(?<!\d)(4\d{7})(?!\d)")


class AliasEntry(NamedTuple):
    """What a normalized alias key points to, and how it may match."""

    skill_id: str
    mode: str


class SkillTable(Mapping[str, Skill]):
    """Skills by id, built from the bundled JSON on first access (most lookups touch a few dozen)."""

    def __init__(self, raw: dict[str, dict[str, Any]], built: dict[str, Skill] | None = None) -> None:
        self._raw = raw
        self._built: dict[str, Skill] = dict(built or {})

    def __getitem__(self, skill_id: str) -> Skill:
        skill = self._built.get(skill_id)
        if skill is None:
            skill = self._built[skill_id] = _skill_from_json(self._raw[skill_id])
        return skill

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._raw or skill_id in self._built

    def __iter__(self) -> Iterator[str]:
        yield from self._raw
        yield from (k for k in self._built if k not in self._raw)

    def __len__(self) -> int:
        return len(self._raw) + sum(1 for k in self._built if k not in self._raw)


@dataclass(slots=True)
class LookupIndexes:
    """The lookup indexes of a vocabulary: what extraction and alias lookups read, never gap or roles."""

    alias_index: dict[str, AliasEntry] = field(default_factory=dict)
    case_index: dict[str, str] = field(default_factory=dict)
    code_index: dict[str, str] = field(default_factory=dict)
    narrower_index: dict[str, tuple[str, ...]] = field(default_factory=dict)
    first_tokens: dict[str, int] = field(default_factory=dict)  # first token -> longest alias (tokens)
    prefixes: frozenset[str] = frozenset()  # every proper word-prefix of a matchable alias key
    phrase_index: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)  # trigger -> rules

    @classmethod
    def from_prebuilt(cls, prebuilt: dict[str, Any]) -> LookupIndexes:
        return cls(
            # Kept as the JSON's [skill id, mode] pairs: same shape as AliasEntry, no per-entry object to build.
            alias_index=prebuilt["alias_index"],
            case_index=dict(prebuilt["case_index"]),
            code_index=dict(prebuilt["code_index"]),
            narrower_index={k: tuple(v) for k, v in prebuilt["narrower_index"].items()},
            first_tokens=dict(prebuilt["first_tokens"]),
            prefixes=frozenset(prebuilt["prefixes"]),
            phrase_index={
                trigger: [(skill_id, frozenset(objects)) for skill_id, objects in rules]
                for trigger, rules in prebuilt.get("phrase_index", {}).items()
            },
        )


@dataclass(slots=True)
class Vocabulary:
    """Skills by id with lookup indexes; built once, then read-only.

    The indexes are built (or, for the bundled vocabulary, read from their own file) on first use: gap,
    `roles match` and the exports read skills by id from stored claims and never need them.
    """

    skills: Mapping[str, Skill]
    commodity_owner: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""
    # Reads the indexes the build script precomputed (bundled only); without it they are built from `skills`.
    prebuilt: Callable[[], dict[str, Any]] | None = None
    _indexes: LookupIndexes | None = field(default=None, repr=False)
    _ancestors: dict[tuple[str, int], list[tuple[str, int]]] = field(default_factory=dict, repr=False)

    def indexes(self) -> LookupIndexes:
        if self._indexes is None:
            self._indexes = LookupIndexes.from_prebuilt(self.prebuilt()) if self.prebuilt else self._index()
            self.prebuilt = None
        return self._indexes

    @property
    def alias_index(self) -> dict[str, AliasEntry]:
        return self.indexes().alias_index

    @property
    def case_index(self) -> dict[str, str]:
        return self.indexes().case_index

    @property
    def code_index(self) -> dict[str, str]:
        return self.indexes().code_index

    @property
    def narrower_index(self) -> dict[str, tuple[str, ...]]:
        return self.indexes().narrower_index

    @property
    def first_tokens(self) -> dict[str, int]:
        return self.indexes().first_tokens

    @property
    def prefixes(self) -> frozenset[str]:
        return self.indexes().prefixes

    @property
    def phrase_index(self) -> dict[str, list[tuple[str, frozenset[str]]]]:
        return self.indexes().phrase_index

    def prebuilt_indexes(self) -> dict[str, Any]:
        """The lookup indexes as JSON data, so the build script can ship them and loading stays fast."""
        return {
            "alias_index": {k: [e[0], e[1]] for k, e in sorted(self.alias_index.items())},
            "case_index": dict(sorted(self.case_index.items())),
            "code_index": dict(sorted(self.code_index.items())),
            "narrower_index": {k: list(v) for k, v in sorted(self.narrower_index.items())},
            "first_tokens": dict(sorted(self.first_tokens.items())),
            "prefixes": sorted(self.prefixes),
            "phrase_index": {
                trigger: [[skill_id, sorted(objects)] for skill_id, objects in rules]
                for trigger, rules in sorted(self.phrase_index.items())
            },
        }

    def _index(self) -> LookupIndexes:
        rank = {MODE_TEXT: 0, MODE_CASE: 0, MODE_CONTEXT: 1, MODE_EXPLICIT: 2}
        alias_index: dict[str, AliasEntry] = {}
        case_index: dict[str, str] = {}
        code_index: dict[str, str] = {}
        narrower: dict[str, list[str]] = {}
        phrase_index: dict[str, list[tuple[str, frozenset[str]]]] = {}
        # User skills are indexed last so their aliases win over bundled ones.
        ordered = sorted(self.skills.values(), key=lambda s: s.user_defined)
        for skill in ordered:
            entries = [(a, MODE_TEXT) for a in skill.aliases]
            entries += [(a, MODE_CONTEXT) for a in skill.context_aliases]
            entries += [(a, MODE_EXPLICIT) for a in skill.explicit_aliases]
            entries += [(a, MODE_CONTEXT) for a in skill.case_aliases]
            entries += [(skill.id, MODE_EXPLICIT), (skill.label, MODE_EXPLICIT)]
            for alias, mode in entries:
                key = normalize_key(alias)
                if not key:
                    continue
                current = alias_index.get(key)
                if (
                    current is None
                    or skill.user_defined
                    or (current.skill_id == skill.id and rank[mode] < rank[current.mode])
                ):
                    alias_index[key] = AliasEntry(skill.id, mode)
            for form in skill.case_aliases:
                case_index[" ".join(form.split())] = skill.id
            for uri in skill.esco:
                uuid = _ESCO_UUID.search(uri)
                code_index[f"esco:{uuid.group(1).lower()}" if uuid else uri.lower()] = skill.id
            for element in skill.onet_elements:
                code_index[f"onet:{element}"] = skill.id
            for broad in skill.broader:
                narrower.setdefault(broad, []).append(skill.id)
            for triggers, objects in skill.phrases:
                for trigger in sorted(triggers):
                    phrase_index.setdefault(trigger, []).append((skill.id, objects))
        first_tokens: dict[str, int] = {}
        for key, entry in alias_index.items():
            if entry.mode == MODE_EXPLICIT:
                continue
            parts = key.split(" ")
            first_tokens[parts[0]] = max(first_tokens.get(parts[0], 0), len(parts))
        for form in case_index:
            parts = normalize_key(form).split(" ")
            first_tokens[parts[0]] = max(first_tokens.get(parts[0], 0), len(parts))
        prefixes: set[str] = set()
        for key, entry in alias_index.items():
            if entry.mode != MODE_EXPLICIT:
                parts = key.split(" ")
                prefixes.update(" ".join(parts[:n]) for n in range(1, len(parts)))
        return LookupIndexes(
            alias_index=alias_index,
            case_index=case_index,
            code_index=code_index,
            narrower_index={k: tuple(sorted(v)) for k, v in narrower.items()},
            first_tokens=first_tokens,
            prefixes=frozenset(prefixes),
            phrase_index=phrase_index,
        )

    # ------------------------------------------------------------------ lookups
    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def get(self, skill_id: str) -> Skill | None:
        return self.skills.get(skill_id)

    def label(self, skill_id: str) -> str:
        skill = self.skills.get(skill_id)
        return skill.label if skill else skill_id

    def by_alias(self, text: str) -> Skill | None:
        """A skill by id, label or any alias, ignoring case, accents and punctuation."""
        if text in self.skills:
            return self.skills[text]
        entry = self.alias_index.get(normalize_key(text))
        return self.skills[entry[0]] if entry else None

    def by_code(self, code: str) -> Skill | None:
        """A skill by external code or URL: ESCO URI, O*NET element id or URL, UNSPSC commodity code."""
        text = unquote(code.strip())
        uuid = _ESCO_UUID.search(text)
        if uuid:
            skill_id = self.code_index.get(f"esco:{uuid.group(1).lower()}")
            return self.skills.get(skill_id) if skill_id else None
        element = _ONET_ELEMENT.search(text)
        if element and ("onet" in text.lower() or text == element.group(1) or text.startswith("onet:")):
            skill_id = self.code_index.get(f"onet:{element.group(1)}")
            if skill_id:
                return self.skills.get(skill_id)
        commodity = _COMMODITY.search(text)
        if commodity and (text == commodity.group(1) or "unspsc" in text.lower() or "onet" in text.lower()):
            skill_id = self.commodity_owner.get(commodity.group(1))
            if skill_id:
                return self.skills.get(skill_id)
        return None

    def lookup(self, text: str) -> Skill | None:
        """Id, alias, or external code: whatever the user or a role file wrote."""
        return self.by_alias(text) or self.by_code(text)

    def resolve(self, text: str) -> Skill:
        """Like `lookup`, but an unknown skill is a NotFoundError naming it."""
        skill = self.lookup(text)
        if skill is None:
            raise NotFoundError(
                f"unknown skill '{text}'",
                hint="use a vocabulary id (credwallet skills --vocabulary) or add it to skills.yaml",
            )
        return skill

    # ------------------------------------------------------------------ hierarchy
    def broader(self, skill_id: str) -> tuple[str, ...]:
        skill = self.skills.get(skill_id)
        return skill.broader if skill else ()

    def narrower(self, skill_id: str) -> tuple[str, ...]:
        return self.narrower_index.get(skill_id, ())

    def ancestors(self, skill_id: str, max_hops: int = 10) -> list[tuple[str, int]]:
        """Broader skills reachable from `skill_id` with their distance (1 = direct parent)."""
        cached = self._ancestors.get((skill_id, max_hops))
        if cached is None:
            cached = self._ancestors[(skill_id, max_hops)] = self._walk_up(skill_id, max_hops)
        return list(cached)

    def _walk_up(self, skill_id: str, max_hops: int) -> list[tuple[str, int]]:
        found: dict[str, int] = {}
        frontier = [skill_id]
        for hops in range(1, max_hops + 1):
            next_frontier: list[str] = []
            for current in frontier:
                for broad in self.broader(current):
                    if broad != skill_id and broad not in found:
                        found[broad] = hops
                        next_frontier.append(broad)
            if not next_frontier:
                break
            frontier = next_frontier
        return list(found.items())

    def descendants(self, skill_id: str, max_hops: int = 10) -> list[tuple[str, int]]:
        """Narrower skills of `skill_id` with their distance."""
        found: dict[str, int] = {}
        frontier = [skill_id]
        for hops in range(1, max_hops + 1):
            next_frontier: list[str] = []
            for current in frontier:
                for narrow in self.narrower(current):
                    if narrow != skill_id and narrow not in found:
                        found[narrow] = hops
                        next_frontier.append(narrow)
            if not next_frontier:
                break
            frontier = next_frontier
        return list(found.items())

    def with_user_skills(self, user_skills: list[Skill]) -> Vocabulary:
        """A new vocabulary with the user's skills added (same id: aliases/broader/codes merged in)."""
        merged = dict(self.skills)
        for user_skill in user_skills:
            existing = merged.get(user_skill.id)
            if existing is None:
                merged[user_skill.id] = user_skill
                continue
            merged[user_skill.id] = replace(
                existing,
                label=user_skill.label or existing.label,
                aliases=existing.aliases + user_skill.aliases,
                context_aliases=existing.context_aliases + user_skill.context_aliases,
                explicit_aliases=existing.explicit_aliases + user_skill.explicit_aliases,
                broader=tuple(dict.fromkeys(existing.broader + user_skill.broader)),
                esco=existing.esco + user_skill.esco,
                onet_elements=existing.onet_elements + user_skill.onet_elements,
                user_defined=True,
            )
        # Stable across processes (unlike hash()): persisted skill claims are keyed by it.
        digest = hashlib.sha256("\n".join(sorted(repr(s) for s in user_skills)).encode("utf-8")).hexdigest()
        fingerprint = f"{self.fingerprint}:user:{digest[:16]}"
        return Vocabulary(merged, dict(self.commodity_owner), fingerprint=fingerprint)


def _skill_from_json(entry: Mapping[str, Any], user_defined: bool = False) -> Skill:
    codes = entry.get("codes") or {}
    return Skill(
        id=entry["id"],
        label=entry["label"],
        kind=entry["kind"],
        aliases=tuple(entry.get("aliases") or ()),
        context_aliases=tuple(entry.get("context_aliases") or ()),
        explicit_aliases=tuple(entry.get("explicit_aliases") or ()),
        case_aliases=tuple(entry.get("case_aliases") or ()),
        context_words=frozenset(entry.get("context_words") or ()),
        broader=tuple(entry.get("broader") or ()),
        esco=tuple(codes.get("esco") or ()),
        onet_elements=tuple(codes.get("onet_element") or ()),
        onet_commodities=tuple(codes.get("onet_commodity") or ()),
        onet_examples=tuple(codes.get("onet_example") or ()),
        description=entry.get("description") or None,
        origin=tuple(entry.get("origin") or ()),
        user_defined=user_defined,
        phrases=tuple(
            (frozenset(triggers.split()), frozenset(objects.split()))
            for triggers, objects in entry.get("phrases") or ()
        ),
    )


VOCABULARY_FILE = "vocabulary.json"
# The lookup indexes, precomputed by scripts/build_vocabulary.py: a file of their own, read only by what
# needs them (extraction, alias lookups); vocabulary.json records its digest, so the fingerprint covers both.
INDEX_FILE = "vocabulary-index.json"


def _bundled_bytes(name: str) -> bytes:
    return (resources.files("credwallet") / "data" / "skills" / name).read_bytes()


def bundled_vocabulary_document() -> dict[str, Any]:
    """The bundled vocabulary file as parsed JSON (sources, attribution, stats, skills)."""
    # Bytes, not text: json reads UTF-8 itself, and the digest needs no second encoding of the file.
    data = _bundled_bytes(VOCABULARY_FILE)
    document: dict[str, Any] = json.loads(data)
    document["_sha256"] = hashlib.sha256(data).hexdigest()
    return document


def bundled_indexes(expected_sha256: str | None) -> dict[str, Any]:
    """The bundled lookup indexes, checked against the digest vocabulary.json records for them."""
    data = _bundled_bytes(INDEX_FILE)
    if expected_sha256 is not None and hashlib.sha256(data).hexdigest() != expected_sha256:
        raise InputError(
            f"the bundled {INDEX_FILE} does not belong to the bundled {VOCABULARY_FILE}",
            hint="reinstall credwallet, or rebuild both with scripts/build_vocabulary.py",
        )
    from credwallet.gcpause import cyclic_gc_paused

    with cyclic_gc_paused():
        indexes: dict[str, Any] = json.loads(data)
    return indexes


@lru_cache(maxsize=1)
def load_bundled_vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package, parsed once per process (thousands of small objects, none
    cyclic: the cyclic collector is paused meanwhile); its lookup indexes are read when first used."""
    from credwallet.gcpause import cyclic_gc_paused

    with cyclic_gc_paused():
        document = bundled_vocabulary_document()
        skills = SkillTable({entry["id"]: entry for entry in document["skills"]})
        commodity_owner = dict(document.get("commodities") or {})
        fingerprint = f"bundled:{document.get('version')}:{document['_sha256'][:16]}"
        index_sha256 = document.get("index_sha256")
        return Vocabulary(
            skills, commodity_owner, fingerprint=fingerprint, prebuilt=lambda: bundled_indexes(index_sha256)
        )


USER_SKILLS_FILE = "skills.yaml"


def load_vocabulary(wallet_home: Path | None = None) -> Vocabulary:
    """Bundled vocabulary plus `<wallet_home>/skills.yaml` when that file exists."""
    bundled = load_bundled_vocabulary()
    if wallet_home is None:
        return bundled
    path = Path(wallet_home) / USER_SKILLS_FILE
    if not path.exists():
        return bundled
    return _load_with_user_file(path, path.stat().st_mtime_ns, path.stat().st_size)


@lru_cache(maxsize=4)
def _load_with_user_file(path: Path, mtime_ns: int, size: int) -> Vocabulary:
    return load_bundled_vocabulary().with_user_skills(load_user_skills(path))


def load_user_skills(path: Path, base: Vocabulary | None = None) -> list[Skill]:
    """Read and validate a user skills file; every problem is one line naming the file and the path."""
    from credwallet.skills.userfile import parse_user_skills

    return parse_user_skills(path, base or load_bundled_vocabulary())


def check_skill_id(skill_id: str) -> None:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", skill_id):
        raise InputError(f"skill id '{skill_id}' is not kebab-case (lowercase letters, digits and '-')")

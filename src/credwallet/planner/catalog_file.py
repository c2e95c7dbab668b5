"""Reading catalogs: the bundled one (shipped pre-validated as JSON) and user YAML files (validated once).

A user catalog is checked against `data/catalog/catalog.schema.json` (fastjsonschema answers yes or no;
jsonschema lists the problems of a file that fails) and for duplicate ids. A file that passed is cached in
the wallet by the hash of its bytes and of the schema, so the next `plan` skips YAML parsing and the
schema: a 2,000-offering catalog then loads in milliseconds. Each problem is one line naming the file, the
path inside it and what is wrong.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from credwallet.errors import NotFoundError
from credwallet.planner.catalog import (
    BUILTIN,
    MAX_CATALOG_BYTES,
    MAX_OFFERINGS,
    Catalog,
    CatalogError,
    HeldAs,
    Offering,
    SkillLevel,
    check_links,
)
from credwallet.planner.eligibility import Eligibility

# Bumped when the cached form changes meaning (the schema's own hash is part of the key as well).
CACHE_FORMAT = 1


def _schema_text() -> str:
    return (files("credwallet") / "data" / "catalog" / "catalog.schema.json").read_text("utf-8")


@functools.cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@functools.cache
def schema_digest() -> str:
    """Part of every cache key: a cached catalog was valid under this schema, not necessarily the next."""
    return hashlib.sha256(f"{CACHE_FORMAT}\n{_schema_text()}".encode()).hexdigest()[:16]


@functools.cache
def _detailed_validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(_schema(), format_checker=jsonschema.FormatChecker())


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


@functools.cache
def _fast_validator() -> Callable[[Any], Any] | None:
    """The schema compiled to Python (fastjsonschema): the yes/no answer, ~50x faster than jsonschema."""
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - a declared dependency; jsonschema alone gives the same answer
        return None
    schema = copy.deepcopy(_schema())  # fastjsonschema rewrites $ref values in place
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"  # no 2020-12-only keyword is used
    validate: Callable[[Any], Any] = fastjsonschema.compile(
        schema, formats={"date": _is_date}, use_default=False, detailed_exceptions=False
    )
    return validate


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


def _parse_yaml(text: str, label: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~15x faster on the bundled file
    try:
        return yaml.load(text, Loader=loader)  # a safe loader (C or pure Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(top)"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CatalogError([f"{label}: {where}: {problem}"]) from None


def _schema_problems(document: Any, label: str) -> list[str]:
    fast = _fast_validator()
    if fast is not None:
        try:
            fast(document)
            return []
        except Exception:
            pass
    from credwallet.schema_words import describe

    errors = sorted(_detailed_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    return [f"{label}: {_json_path(error.path)}: {describe(error)}" for error in errors]


def check_document(document: Any, label: str) -> list[str]:
    """Every schema problem of one parsed catalog document, one `file: path: problem` line each."""
    document = _dates_to_text(document)
    if not isinstance(document, dict):
        return [f"{label}: (top): a catalog is a mapping with an `offerings` list"]
    problems = _schema_problems(document, label)
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


def _skills(items: Iterable[dict[str, Any]] | None) -> tuple[SkillLevel, ...]:
    return tuple(SkillLevel(s["skill"], s["level"]) for s in items or ())


def _eligibility(entry: dict[str, Any] | None) -> Eligibility | None:
    if entry is None:
        return None
    groups = []
    for item in entry.get("certifications") or ():
        groups.append(tuple(item["any_of"]) if isinstance(item, dict) else (item,))
    with_degree = entry.get("experience_hours_with_degree")
    return Eligibility(
        experience_hours=float(entry.get("experience_hours") or 0),
        experience_in=entry.get("experience_in"),
        experience_hours_with_degree=None if with_degree is None else float(with_degree),
        degree=entry.get("degree"),
        certifications=tuple(groups),
        note=entry.get("note"),
        source=entry.get("source"),
    )


def _held_as(entry: dict[str, Any] | None) -> HeldAs | None:
    if not entry:
        return None
    return HeldAs(
        titles=tuple(entry.get("titles") or ()),
        issuers=tuple(entry.get("issuers") or ()),
        ids=tuple(entry.get("ids") or ()),
    )


def offering_from(entry: dict[str, Any], source: str) -> Offering:
    """One validated catalog entry (dates as ISO text) as an Offering."""
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
        skills=_skills(entry["skills"]),
        prerequisite_offerings=tuple(prerequisites.get("offerings") or ()),
        prerequisite_skills=_skills(prerequisites.get("skills")),
        stacks_into=tuple(entry.get("stacks_into") or ()),
        recognition=entry.get("recognition"),
        notes=entry.get("notes"),
        checked=date.fromisoformat(checked) if isinstance(checked, str) else None,
        source=source,
        eligibility=_eligibility(entry.get("eligibility")),
        held_as=_held_as(entry.get("held_as")),
    )


def validated_document(text: str, label: str) -> dict[str, Any]:
    """A catalog file's text parsed and checked; CatalogError lists every problem."""
    document = _dates_to_text(_parse_yaml(text, label))
    problems = check_document(document, label)
    if problems:
        raise CatalogError(problems)
    assert isinstance(document, dict)
    return document


def parse_catalog_text(text: str, label: str) -> tuple[list[Offering], str | None]:
    """Offerings and top-level note of one catalog file's text; CatalogError lists every problem."""
    document = validated_document(text, label)
    return [offering_from(entry, label) for entry in document["offerings"]], document.get("note")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError([f"{path}: (top): file is {size} bytes, over the {MAX_CATALOG_BYTES} limit"])
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"catalog file not found: {path}") from None
    except IsADirectoryError:
        raise CatalogError([f"{path}: (top): is a folder, not a catalog file"]) from None
    except OSError as exc:
        raise CatalogError([f"{path}: (top): cannot read: {exc}"]) from None


def _cache_path(cache_dir: Path, data: bytes) -> Path:
    return cache_dir / f"{hashlib.sha256(data).hexdigest()}-{schema_digest()}.json"


def _read_cached(cache_dir: Path | None, data: bytes) -> dict[str, Any] | None:
    if cache_dir is None:
        return None
    try:
        cached = json.loads(_cache_path(cache_dir, data).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return cached if isinstance(cached, dict) and isinstance(cached.get("offerings"), list) else None


def _write_cache(cache_dir: Path | None, data: bytes, document: dict[str, Any]) -> None:
    """Keep a validated document for next time; a wallet that cannot be written only loses the speed-up."""
    if cache_dir is None:
        return
    target = _cache_path(cache_dir, data)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(document, separators=(",", ":")), "utf-8")
        os.replace(partial, target)
    except OSError:
        return


def read_catalog_file(path: Path, cache_dir: Path | None = None) -> tuple[list[Offering], str | None]:
    """One user catalog file's offerings and note, from the cache when these exact bytes passed before."""
    data = _read_bytes(path)
    label = str(path)
    document = _read_cached(cache_dir, data)
    if document is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError([f"{path}: (top): not UTF-8 text ({exc.reason})"]) from None
        document = validated_document(text, label)
        _write_cache(cache_dir, data, document)
    return [offering_from(entry, label) for entry in document["offerings"]], document.get("note")


@functools.cache
def _builtin() -> tuple[tuple[Offering, ...], str | None]:
    # The bundled catalog ships as JSON generated (and validated) by scripts/build_catalog.py next to the
    # YAML people read; the test suite checks both against the schema and each other.
    text = (files("credwallet") / "data" / "catalog" / "catalog.json").read_text("utf-8")
    document = json.loads(text)
    return tuple(offering_from(entry, BUILTIN) for entry in document["offerings"]), document.get("note")


def _resolve_skills(offering: Offering, resolve: Callable[[str], str | None], problems: list[str]) -> Offering:
    def canon(items: tuple[SkillLevel, ...], where: str) -> tuple[SkillLevel, ...]:
        resolved = []
        changed = False
        for index, item in enumerate(items):
            skill_id = resolve(item.skill)
            if skill_id is None:
                problems.append(
                    f"{offering.source}: {offering.id}.{where}[{index}].skill: unknown skill {item.skill!r}"
                )
                skill_id = item.skill
            changed = changed or skill_id != item.skill
            resolved.append(SkillLevel(skill_id, item.level) if skill_id != item.skill else item)
        return tuple(resolved) if changed else items

    skills = canon(offering.skills, "skills")
    prerequisite_skills = canon(offering.prerequisite_skills, "prerequisites.skills")
    if skills is offering.skills and prerequisite_skills is offering.prerequisite_skills:
        return offering
    return replace(offering, skills=skills, prerequisite_skills=prerequisite_skills)


def load_catalog(
    paths: Sequence[str | Path] = (),
    *,
    catalog_only: bool = False,
    resolve_skill: Callable[[str], str | None] | None = None,
    cache_dir: Path | None = None,
) -> Catalog:
    """The built-in catalog merged with user catalogs (a later file's id overrides an earlier one's).

    `catalog_only` leaves the built-in catalog out. `resolve_skill` maps a skill alias to its vocabulary
    id (None = unknown, reported as a problem). `cache_dir` keeps validated user catalogs by content hash.
    Raises CatalogError with every problem found.
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
            offerings, note = read_catalog_file(path, cache_dir)
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
        problems.append(f"{sources[-1] if sources else BUILTIN}: offerings: more than {MAX_OFFERINGS} offerings")
    if resolve_skill is not None:
        resolve = functools.lru_cache(maxsize=None)(resolve_skill)  # a catalog names each skill many times
        merged = {oid: _resolve_skills(o, resolve, problems) for oid, o in merged.items()}
    if not problems:
        problems.extend(check_links(merged))
    if problems:
        raise CatalogError(problems)
    return Catalog(merged, tuple(sources), tuple(notes), tuple(dict.fromkeys(overridden)))


def validate_catalog_file(path: str | Path, *, resolve_skill: Callable[[str], str | None] | None = None) -> list[str]:
    """Every problem of one user catalog as lines (empty when valid); links checked against built-ins too."""
    try:
        load_catalog([path], resolve_skill=resolve_skill)
    except CatalogError as exc:
        return exc.problems
    return []

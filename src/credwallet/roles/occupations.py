"""Every O*NET 29.3 occupation as a role, from one compact bundled file (data/roles/occupations.json.gz).

scripts/build_roles.py writes the file by the same rules for all 1,016 occupations; here each entry is
expanded into a format 2 document only when a role is asked for, so `roles search` reads titles and never
builds roles it does not show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from credwallet.roles.model import ORIGIN_BUILTIN, Role

if TYPE_CHECKING:
    from credwallet.skills.vocabulary import Vocabulary

OCCUPATIONS_FILE = "occupations.json.gz"
TITLES_FILE = "occupation-titles.txt.gz"
# The bundled files are under 1 MB compressed; anything far larger is not what the package shipped.
MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Occupation:
    """One O*NET occupation: its code, role id (a slug of its title), title and where its titles are."""

    code: str
    id: str
    title: str
    first_line: int  # index of its O*NET title in `titles().lines`; alternate, then reported titles follow
    alternate_count: int
    reported_count: int
    curated_roles: tuple[str, ...]  # curated roles built on this occupation

    @property
    def alternate_titles(self) -> tuple[str, ...]:
        start = self.first_line + 1
        return tuple(titles().lines[start : start + self.alternate_count])

    @property
    def reported_titles(self) -> tuple[str, ...]:
        start = self.first_line + 1 + self.alternate_count
        return tuple(titles().lines[start : start + self.reported_count])


@dataclass(frozen=True, slots=True)
class TitleTable:
    """Every occupation's titles, one per line (as shipped and lowercased), and who owns each line."""

    lines: list[str]
    lowered_text: str  # every line lowercased, joined by "\n", for substring scans in C
    line_starts: list[int]  # offset of each line in `lowered_text`
    occupations: tuple[Occupation, ...]

    def lines_containing(self, needle: str) -> set[int]:
        """Indexes of the lines whose lowercased text contains `needle`."""
        import re
        from bisect import bisect_right

        starts = self.line_starts
        return {bisect_right(starts, m.start()) - 1 for m in re.finditer(re.escape(needle), self.lowered_text)}


def _read_gzip(name: str) -> bytes:
    import gzip
    import zlib

    compressed = (resources.files("credwallet") / "data" / "roles" / name).read_bytes()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip wrapper; output bounded
    data = inflater.decompress(compressed, MAX_DECOMPRESSED_BYTES)
    if inflater.unconsumed_tail:
        raise gzip.BadGzipFile(f"{name} inflates beyond {MAX_DECOMPRESSED_BYTES} bytes")
    return data


@lru_cache(maxsize=1)
def titles() -> TitleTable:
    """The search table: one decompression and one split, no JSON beyond a small index line."""
    text = _read_gzip(TITLES_FILE).decode("utf-8")
    header, _, body = text.partition("\n")
    from itertools import accumulate, repeat
    from operator import add

    lines = body.split("\n")[:-1]
    lowered_text = body.lower()
    # C-level only (this runs on every `roles search`): each line's length plus its "\n", summed up.
    lengths = map(add, map(len, lowered_text.split("\n")[:-1]), repeat(1))
    line_starts = list(accumulate(lengths, initial=0))[:-1]
    found: list[Occupation] = []
    line = 0
    for code, role_id, alternate, reported, curated in json.loads(header):
        found.append(Occupation(code, role_id, lines[line], line, alternate, reported, tuple(curated)))
        line += 1 + alternate + reported
    return TitleTable(lines, lowered_text, line_starts, tuple(found))


def occupations() -> tuple[Occupation, ...]:
    """Every O*NET occupation, by code."""
    return titles().occupations


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Occupation], dict[str, Occupation]]:
    by_code = {o.code: o for o in occupations()}
    by_id = {o.id: o for o in occupations()}
    return by_code, by_id


def find_occupation(code_or_id: str) -> Occupation | None:
    """An occupation by O*NET-SOC code (`15-2051.01`, or `15-2051` for `.00`) or by its slug."""
    by_code, by_id = _indexes()
    text = code_or_id.strip()
    if text in by_id:
        return by_id[text]
    return by_code.get(text) or by_code.get(f"{text}.00")


@lru_cache(maxsize=1)
def _bundle() -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(_read_gzip(OCCUPATIONS_FILE))
    return bundle


@lru_cache(maxsize=1)
def _entries() -> dict[str, dict[str, Any]]:
    """Every occupation's entry by code and by id (slug): what building a role reads, without the titles."""
    entries: dict[str, dict[str, Any]] = {}
    for entry in _bundle()["occupations"]:
        entries[entry["c"]] = entries[entry["i"]] = entry
    return entries


def occupation_role_for(code_or_id: str, vocabulary: Vocabulary) -> Role | None:
    """The role of an occupation named by O*NET-SOC code (`15-2051.01`, `15-2051`) or slug; None if none."""
    from credwallet.roles.parse import parse_role_document

    entries = _entries()
    text = code_or_id.strip()
    entry = entries.get(text) or entries.get(f"{text}.00")
    if entry is None:
        return None
    key = (vocabulary.fingerprint, entry["c"])
    role = _ROLE_CACHE.get(key)
    if role is None:
        document = _document(entry)
        role = parse_role_document(
            document, f"O*NET occupation {entry['c']}", vocabulary, ORIGIN_BUILTIN, None, trusted=True
        )
        role = _ROLE_CACHE[key] = replace(role, curated=False)
    return role


def occupation_document(occupation: Occupation) -> dict[str, Any]:
    """The occupation as a format 2 role document."""
    return _document(_entries()[occupation.code])


def _document(entry: dict[str, Any]) -> dict[str, Any]:
    title = entry["t"]
    core: list[dict[str, Any]] = []
    for item in entry["k"]:
        if isinstance(item[0], list):
            members, level, weight, required, need, name, note = item
            core.append(
                {"any_of": members, "level": level, "weight": weight, "required": bool(required), "need": need,
                 "name": name, **({"note": note} if note else {})}
            )
        else:
            skill, level, weight, required, note = item
            core.append(
                {"skill": skill, "level": level, "weight": weight, "required": bool(required),
                 **({"note": note} if note else {})}
            )
    version = _bundle()["source"]["version"]
    document: dict[str, Any] = {
        "format": 2,
        "id": entry["i"],
        "title": title,
        "description": entry["d"],
        "source": {"name": "O*NET", "codes": [entry["c"]], "version": version, "title": title},
    }
    if entry["q"]:
        document["requirements"] = entry["q"]
    document["core"] = core
    if entry["f"]:
        document["foundation_weight"] = 0.1
        document["foundation"] = [
            {"skill": skill, "level": level, "weight": weight, **({"note": note} if note else {})}
            for skill, level, weight, note in entry["f"]
        ]
    document["notes"] = entry["n"]
    return document


_ROLE_CACHE: dict[tuple[str, str], Role] = {}


def occupation_role(occupation: Occupation, vocabulary: Vocabulary) -> Role:
    """The occupation as a Role (built once per vocabulary)."""
    role = occupation_role_for(occupation.code, vocabulary)
    assert role is not None  # every listed occupation has an entry
    return role


def attribution() -> str:
    text: str = _bundle()["source"]["attribution"]
    return text

"""`roles search`: find roles by title, O*NET alternate titles and reported job titles, best match first.

Scoring, per title: the share of the query's words the title contains (plural and singular alike; the last
query word may be the start of a title word, as people type), times how much of the title the query covers
(a short title matched whole beats a long one matched in part), times how much the kind of title counts
(the role's own title 1.0, an alternate title 0.92, a reported job title 0.9). An exact title scores 1.
A role scores its best title. Curated roles also carry their main occupation's titles and rank first on a
tie. Titles are only tokenized when they contain a query word, so a search over every occupation's ~64,000
titles stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from credwallet.roles.model import Role

KIND_TITLE = "title"
KIND_ALTERNATE = "alternate title"
KIND_REPORTED = "reported job title"
KIND_WEIGHT = {KIND_TITLE: 1.0, KIND_ALTERNATE: 0.92, KIND_REPORTED: 0.9}
# Everything but letters and digits becomes a space, so str.split() finds the words (fast, no regex).
_SEPARATORS = str.maketrans({c: " " for c in "()[]{},.;:/\\-–—&+'\"!?*#@%$|_<>=~`^"})
# Words that carry no meaning in a job title search.
_STOP = frozenset({"and", "or", "of", "the", "a", "an", "in", "for", "to", "with", "except", "all", "other"})


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lowercased, de-pluralized words of a title or query, without stop words."""
    return [_stem(w) for w in text.lower().translate(_SEPARATORS).split() if w not in _STOP]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A role found by `roles search`: which title matched and how well (0-1)."""

    id: str
    title: str
    onet_codes: tuple[str, ...]
    curated: bool
    origin: str
    score: float
    matched_title: str
    matched_kind: str

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "onet_codes": list(self.onet_codes),
            "curated": self.curated,
            "origin": self.origin,
            "score": round(self.score, 4),
            "matched_title": self.matched_title,
            "matched_kind": self.matched_kind,
        }


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: str
    title: str
    onet_codes: tuple[str, ...]
    curated: bool
    origin: str


@lru_cache(maxsize=1)
def _curated() -> tuple[tuple[_Candidate, int | None], ...]:
    """Curated roles, each with the index of its main occupation (whose titles it also answers to)."""
    from credwallet.roles.library import builtin_documents
    from credwallet.roles.occupations import find_occupation, occupations

    position = {o.code: i for i, o in enumerate(occupations())}
    found = []
    for entry in builtin_documents():
        document = entry["role"]
        codes = tuple(document.get("source", {}).get("codes", ()))
        main = find_occupation(codes[0]) if codes else None
        candidate = _Candidate(document["id"], document["title"], codes, bool(entry.get("curated")), "built-in")
        found.append((candidate, position[main.code] if main is not None else None))
    return tuple(found)


def _title_score(query: list[str], query_set: frozenset[str], title: str, kind: str) -> float:
    title_words = words(title)
    if not title_words:
        return 0.0
    title_set = set(title_words)
    matched = len(query_set & title_set)
    last = query[-1]
    if last not in title_set and len(last) >= 3 and any(w.startswith(last) for w in title_set):
        matched += 1  # the last word as typed so far: "market" -> "marketing"
    if matched == 0:
        return 0.0
    if title_words == query:
        return KIND_WEIGHT[kind]
    recall = matched / len(query_set)
    precision = min(1.0, matched / len(title_set))
    return recall * (0.6 + 0.4 * precision) * 0.95 * KIND_WEIGHT[kind]


def _needle(word: str) -> str:
    """A substring every title containing `word` (in any of its forms) contains."""
    if len(word) <= 2:
        return word
    return word[:-1] if word.endswith("y") and len(word) > 4 else word


def search_roles(query: str, user_roles: list[Role] | None = None, limit: int = 20) -> list[SearchHit]:
    """Roles matching `query`, best first; curated and user roles first on a tie."""
    from bisect import bisect_right

    from credwallet.roles.occupations import titles

    query_words = words(query)
    if not query_words:
        return []
    query_set = frozenset(query_words)
    table = titles()
    starts = [o.first_line for o in table.occupations]
    # Only lines holding a query word (or the start of the last one) as a substring can match; words of one
    # or two letters ("R", "BI") are too common to narrow the scan and are checked by the score alone.
    needles = [_needle(w) for w in query_words if len(w) > 2] or [w for w in query_words]
    lines: set[int] = set()
    for needle in dict.fromkeys(needles):
        lines |= table.lines_containing(needle)
    # Best score per occupation.
    per_occupation: dict[int, tuple[float, int]] = {}
    for line in sorted(lines):
        owner = bisect_right(starts, line) - 1
        occupation = table.occupations[owner]
        if line == occupation.first_line:
            kind = KIND_TITLE
        elif line <= occupation.first_line + occupation.alternate_count:
            kind = KIND_ALTERNATE
        else:
            kind = KIND_REPORTED
        score = _title_score(query_words, query_set, table.lines[line], kind)
        if score > per_occupation.get(owner, (0.0, 0))[0]:
            per_occupation[owner] = (score, line)
    best: dict[str, SearchHit] = {}

    def offer(candidate: _Candidate, score: float, title: str, kind: str) -> None:
        current = best.get(candidate.id)
        if score > 0 and (current is None or score > current.score or candidate.origin == "user"):
            best[candidate.id] = SearchHit(
                candidate.id, candidate.title, candidate.onet_codes, candidate.curated, candidate.origin,
                score, title, kind,
            )

    for owner, (score, line) in per_occupation.items():
        occupation = table.occupations[owner]
        kind = KIND_TITLE if line == occupation.first_line else (
            KIND_ALTERNATE if line <= occupation.first_line + occupation.alternate_count else KIND_REPORTED
        )
        offer(_Candidate(occupation.id, occupation.title, (occupation.code,), False, "built-in"), score,
              table.lines[line], kind)
    for candidate, main in _curated():
        own = _title_score(query_words, query_set, candidate.title, KIND_TITLE)
        offer(candidate, own, candidate.title, KIND_TITLE)
        if main is not None and main in per_occupation:
            score, line = per_occupation[main]
            # The main occupation's own title counts as an alternate title of the curated role.
            offer(candidate, min(score, KIND_WEIGHT[KIND_ALTERNATE]), table.lines[line], KIND_ALTERNATE)
    for role in user_roles or ():
        candidate = _Candidate(role.id, role.title, role.onet_codes, False, role.origin)
        offer(candidate, _title_score(query_words, query_set, role.title, KIND_TITLE), role.title, KIND_TITLE)
    hits = sorted(
        best.values(),
        key=lambda h: (
            -round(h.score, 6), not (h.curated or h.origin == "user"), h.matched_kind != KIND_TITLE, h.title
        ),
    )
    return hits[:limit]

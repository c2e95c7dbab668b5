"""Words for messages: plurals, lists of choices and "did you mean", shared by every layer.

Messages are read by people: `1 credential`, never `1 credentials`; an unknown name gets the closest known
ones, never the whole list.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from credwallet.errors import NotFoundError

# Irregular plurals used in messages; everything else takes an `s`.
_PLURALS = {"entry": "entries", "was": "were", "is": "are", "this": "these", "it": "they", "has": "have"}


def plural_word(word: str, count: int) -> str:
    if count == 1:
        return word
    return _PLURALS.get(word, word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")


def plural(count: int, word: str, many: str | None = None) -> str:
    """`1 credential`, `2 credentials`, `1,000 files` (`many` for irregular words)."""
    shown = many if (many is not None and count != 1) else plural_word(word, count)
    return f"{count:,} {shown}"


def join_words(words: Sequence[str], last: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` (`last="or"` for choices)."""
    items = [str(w) for w in words]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def closest(word: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known names closest to `word`, best first: names containing it, then near spellings of a whole
    name or of a word in it ("Gogle" finds "Google (Coursera)"); only those about as close as the best."""
    import re

    target = word.lower().strip()
    if not target:
        return []
    scored: list[tuple[float, str]] = []
    for name in dict.fromkeys(str(c) for c in candidates):
        lowered = name.lower()
        if len(target) >= 3 and target in lowered:
            score = 0.95 + 0.04 * len(target) / len(lowered)
        else:
            whole = difflib.SequenceMatcher(None, target, lowered).ratio()
            words = [w for w in re.split(r"[^\w]+", lowered) if len(w) >= 3]
            part = max((difflib.SequenceMatcher(None, target, w).ratio() for w in words), default=0.0)
            score = max(whole, 0.9 * part)
        if score >= 0.6:
            scored.append((score, name))
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[0][0]
    return [name for score, name in scored if score >= best - 0.08][:limit]


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """`did you mean data-analyst?` (or `a or b?`), or None when nothing is close."""
    found = closest(word, candidates)
    if not found:
        return None
    return "did you mean " + join_words(found, "or") + "?"


def unknown_name(kind: str, word: str, candidates: Iterable[str], *, listing: str | None = None) -> NotFoundError:
    """The error for a name that is not known: `no role 'data-analist'` with a did-you-mean hint.

    `listing` is the command that lists every name (`credwallet roles list`), offered when nothing is close.
    """
    hint = did_you_mean(word, candidates)
    if hint is None and listing:
        hint = f"see `{listing}`"
    return NotFoundError(f"no {kind} '{word}'", hint=hint)

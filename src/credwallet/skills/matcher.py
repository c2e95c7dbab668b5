"""Finding vocabulary skills in free text: longest alias match over word tokens, with context rules.

One pass over the tokens with a dictionary lookup per position (no giant regex), so a credential's text
is scanned in microseconds. Aliases that are short or common words ("R", "Go", "Excel", "Spark") only
count when the text around them says they are the technology: a context word nearby ("R programming",
"statistical analysis in R"), a neighbouring tool in a list ("Python, R and SQL"), or, in a title,
a course word ("Introduction to R").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from credwallet.skills.text import _TOKEN, _fold
from credwallet.skills.vocabulary import MODE_CASE, MODE_CONTEXT, MODE_EXPLICIT, Vocabulary

# Longest text scanned per field: badge descriptions are short; a hostile 2 MB description is not.
MAX_SCAN_CHARS = 20_000

# Words that say a short alias names a programming language or tool when right next to it.
GENERIC_CONTEXT = frozenset(
    [
        "programming",
        "programmer",
        "programmers",
        "language",
        "languages",
        "lang",
        "coding",
        "code",
        "coder",
        "developer",
        "developers",
        "script",
        "scripts",
        "scripting",
        "syntax",
        "compiler",
        "library",
        "libraries",
        "package",
        "packages",
        "framework",
        "frameworks",
        "ide",
        "sdk",
        "developing",
    ]
)
# Words skipped when looking for the nearest neighbour of a short alias ("programming in R").
STOP_WORDS = frozenset(["in", "with", "using", "of", "the", "a", "an", "for", "on", "via", "through", "by"])
# Next words that show a common word is used as a verb ("go to", "excel at", "react to").
VERB_NEXT = frozenset(
    [
        "at",
        "to",
        "beyond",
        "further",
        "through",
        "out",
        "back",
        "up",
        "ahead",
        "into",
        "forward",
        "the",
        "your",
        "our",
        "their",
    ]
)
# Tokens that may separate items of a list ("Python, R and SQL").
LIST_WORDS = frozenset(["and", "or", "plus"])
# Course words that, in a credential's title, make a short alias next to them a subject ("R Fundamentals").
TITLE_WORDS = frozenset(
    [
        "introduction",
        "intro",
        "fundamentals",
        "foundations",
        "foundation",
        "essentials",
        "basics",
        "beginner",
        "beginners",
        "intermediate",
        "advanced",
        "expert",
        "course",
        "bootcamp",
        "certificate",
        "certification",
        "certified",
        "developer",
        "programming",
        "associate",
        "professional",
        "specialist",
        "practitioner",
        "masterclass",
        "workshop",
        "training",
        "101",
        "data",
        "analysis",
        "analytics",
    ]
)
# Punctuation that ends a phrase; "." and ":" only when followed by a space ("Node.js" is one name).
_HARD_BREAK = re.compile(r"[;!?()\[\]{}\n|\"]|[.:]\s")


@dataclass(frozen=True, slots=True)
class Mention:
    """A skill found in text: which alias matched (as written), where, and whether context decided it."""

    skill_id: str
    text: str
    start: int
    end: int
    needed_context: bool


@dataclass(slots=True)
class _Tokens:
    lower: list[str]
    original: list[str]
    hard_break_after: list[bool]
    light_break_after: list[bool]


_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_LIGHT_GAPS = frozenset(("", ",", "/", "&", "+", "-", "–"))


def _tokens(text: str) -> _Tokens:
    folded = _fold(text[:MAX_SCAN_CHARS])
    parts = _TOKEN_SPLIT.split(folded)  # [gap, token, gap, token, ..., gap]
    original = parts[1::2]
    gaps = parts[2::2]  # gaps[i] is the text after token i
    hard = [gap != " " and bool(_HARD_BREAK.search(gap)) for gap in gaps]
    light = [gap == " " or gap.strip() in _LIGHT_GAPS for gap in gaps]
    return _Tokens([t.lower() for t in original], original, hard, light)


# Issuers reuse descriptions and criteria across badges; a small cache keyed by the exact text saves the
# scan. Bounded, and keyed by the vocabulary fingerprint so user additions take effect.
_MENTION_CACHE: dict[tuple[str, bool, str], tuple[Mention, ...]] = {}
_MENTION_CACHE_LIMIT = 20_000
_CASE_FIRST: dict[str, frozenset[str]] = {}


def find_mentions(text: str, vocabulary: Vocabulary, *, title: bool = False) -> list[Mention]:
    """Every skill mentioned in `text`, longest alias first, context-dependent aliases checked."""
    if not text:
        return []
    key = (vocabulary.fingerprint, title, text)
    cached = _MENTION_CACHE.get(key)
    if cached is None:
        if len(_MENTION_CACHE) >= _MENTION_CACHE_LIMIT:
            _MENTION_CACHE.clear()
        cached = _MENTION_CACHE[key] = tuple(_scan(text, vocabulary, title))
    return list(cached)


# How far after its trigger a phrase rule's object may come ("cleans, reshapes and summarises data").
PHRASE_WINDOW = 5


def _phrases(tokens: _Tokens, vocabulary: Vocabulary) -> list[Mention]:
    """Mentions from phrase rules: a trigger word, then one of its object words within PHRASE_WINDOW words of
    the same sentence ("respond to security events and incidents" -> incident response)."""
    index = vocabulary.phrase_index
    if not index:
        return []
    lower, hard = tokens.lower, tokens.hard_break_after
    found: list[Mention] = []
    for start, word in enumerate(lower):
        rules = index.get(word)
        if rules is None:
            continue
        for skill_id, objects in rules:
            end = start
            while end < len(lower) - 1 and end - start < PHRASE_WINDOW and not hard[end]:
                end += 1
                if lower[end] in objects:
                    found.append(Mention(skill_id, " ".join(tokens.original[start : end + 1]), start, end + 1, False))
                    break
    return found


def _scan(text: str, vocabulary: Vocabulary, title: bool) -> list[Mention]:
    tokens = _tokens(text)
    lower, original = tokens.lower, tokens.original
    count = len(lower)
    alias_index, case_index, first_tokens = (
        vocabulary.alias_index,
        vocabulary.case_index,
        vocabulary.first_tokens,
    )
    found: list[tuple[str, str, int, int]] = []  # skill id, mode, start, end
    position = 0
    case_first = _CASE_FIRST.get(vocabulary.fingerprint)
    if case_first is None:
        case_first = _CASE_FIRST[vocabulary.fingerprint] = frozenset(k.split(" ")[0] for k in case_index)
    prefixes = vocabulary.prefixes
    hard = tokens.hard_break_after
    while position < count:
        first = lower[position]
        if first not in first_tokens:
            position += 1
            continue
        best: tuple[str, str, int] | None = None
        if original[position] in case_first:
            for length in range(min(3, count - position), 0, -1):
                skill_id = case_index.get(" ".join(original[position : position + length]))
                if skill_id is not None:
                    best = (skill_id, MODE_CASE, position + length)
                    break
        if best is None:
            # Grow the phrase while it is still the start of some alias; keep the longest hit.
            key, end = first, position + 1
            while True:
                entry = alias_index.get(key)
                if entry is None and key.endswith("s") and len(lower[end - 1]) > 3:
                    entry = alias_index.get(key[:-1])  # a plain plural: "responsive designs"
                if entry is not None and entry[1] != MODE_EXPLICIT:
                    best = (entry[0], entry[1], end)
                if end >= count or hard[end - 1] or key not in prefixes:
                    break
                key = f"{key} {lower[end]}"
                end += 1
        if best is None:
            position += 1
            continue
        found.append((best[0], best[1], position, best[2]))
        position = best[2]
    phrased = _phrases(tokens, vocabulary)
    if not found:
        return phrased
    accepted = [mode != MODE_CONTEXT for _, mode, _, _ in found]
    # Two passes so a short alias listed next to another accepted short alias counts too ("R, Go and C").
    for _ in range(2):
        for index in range(len(found)):
            if not accepted[index] and _context_ok(index, found, accepted, tokens, vocabulary, title):
                accepted[index] = True
    return [
        Mention(skill_id, " ".join(original[start:end]), start, end, mode == MODE_CONTEXT)
        for (skill_id, mode, start, end), ok in zip(found, accepted, strict=True)
        if ok
    ] + phrased


def _context_ok(
    index: int,
    found: list[tuple[str, str, int, int]],
    accepted: list[bool],
    tokens: _Tokens,
    vocabulary: Vocabulary,
    title: bool,
) -> bool:
    skill_id, _, start, end = found[index]
    lower = tokens.lower
    following = lower[end] if end < len(lower) and not tokens.hard_break_after[end - 1] else None
    if following in VERB_NEXT:
        return False
    if _listed_with_accepted(index, found, accepted, tokens, vocabulary):
        return True
    skill = vocabulary.skills.get(skill_id)
    if skill is not None and skill.context_words:
        window = lower[max(0, start - 3) : start] + lower[end : end + 3]
        if skill.context_words.intersection(window):
            return True
    left = _neighbour(lower, tokens.hard_break_after, start - 1, -1)
    right = _neighbour(lower, tokens.hard_break_after, end, 1)
    if (left in GENERIC_CONTEXT or right in GENERIC_CONTEXT) and _is_programming_tool(skill_id, vocabulary):
        return True
    if title:
        before = lower[start - 1] if start > 0 else None
        after = lower[end] if end < len(lower) else None
        if before in TITLE_WORDS or after in TITLE_WORDS:
            return True
        if before in {"to", "with", "using", "in"} and (
            TITLE_WORDS.intersection(lower) or any(ok for i, ok in enumerate(accepted) if i != index)
        ):
            return True
    return False


_PROGRAMMING_TOOLS: dict[tuple[str, str], bool] = {}


def _is_programming_tool(skill_id: str, vocabulary: Vocabulary) -> bool:
    """Generic words like "code" or "library" only vouch for languages and frameworks ("Go code")."""
    key = (vocabulary.fingerprint, skill_id)
    known = _PROGRAMMING_TOOLS.get(key)
    if known is None:
        ancestors = {a for a, _ in vocabulary.ancestors(skill_id, max_hops=3)}
        known = bool(ancestors & {"programming", "software-development", "web-development"})
        _PROGRAMMING_TOOLS[key] = known
    return known


def _neighbour(lower: list[str], hard_break_after: list[bool], position: int, step: int) -> str | None:
    """The nearest non-stop-word token from `position` going `step`, not crossing a sentence break."""
    while 0 <= position < len(lower):
        if step > 0 and position > 0 and hard_break_after[position - 1]:
            return None
        if step < 0 and hard_break_after[position]:
            return None
        if lower[position] not in STOP_WORDS:
            return lower[position]
        position += step
    return None


def _listed_with_accepted(
    index: int,
    found: list[tuple[str, str, int, int]],
    accepted: list[bool],
    tokens: _Tokens,
    vocabulary: Vocabulary,
) -> bool:
    """True when an accepted tool sits next to this one, separated only by list punctuation/words."""
    _, _, start, end = found[index]
    for other, (other_id, _, other_start, other_end) in enumerate(found):
        if other == index or not accepted[other]:
            continue
        other_skill = vocabulary.skills.get(other_id)
        if other_skill is None or other_skill.kind != "tool":
            continue
        if other_end <= start:
            gap = range(other_end, start)
            edges = range(other_end - 1, start)
        elif other_start >= end:
            gap = range(end, other_start)
            edges = range(end - 1, other_start)
        else:
            continue
        if len(gap) > 1:
            continue
        if all(tokens.lower[i] in LIST_WORDS for i in gap) and all(
            tokens.light_break_after[i] for i in edges
        ):
            return True
    return False


def match_whole(text: str, vocabulary: Vocabulary) -> str | None:
    """The skill a whole tag or alignment name names exactly (any alias mode, even explicit-only)."""
    stripped = " ".join(text.split())
    skill_id = vocabulary.case_index.get(stripped)
    if skill_id is not None:
        return skill_id
    skill = vocabulary.by_alias(stripped)
    return skill.id if skill else None

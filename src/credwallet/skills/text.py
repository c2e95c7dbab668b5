"""Text normalization shared by the vocabulary builder, the loader and the extractor.

One definition of "the same alias" (case-, accent- and punctuation-insensitive, but keeping `+` and `#`
so C, C++ and C# stay apart) keeps build-time and run-time matching in agreement.
"""

from __future__ import annotations

import re
import unicodedata

# A word, with a trailing "+"/"#" kept (C++, C#); snake_case identifiers stay one token ("pivot_table" is
# code, not the words "pivot table").
_TOKEN = re.compile(r"[^\W_]+(?:_[^\W_]+)*[+#]*")


def _fold(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens_with_case(text: str) -> tuple[list[str], list[str]]:
    """Word tokens of `text` lowercased, and the same tokens as written (for exact-case aliases)."""
    original = _TOKEN.findall(_fold(text))
    return [token.lower() for token in original], original


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens; punctuation other than trailing `+`/`#` separates words."""
    return _TOKEN.findall(_fold(text).lower())


def normalize_key(text: str) -> str:
    """The lookup key of an alias or label: its tokens joined by one space ("Power-BI" -> "power bi")."""
    return " ".join(tokenize(text.replace("_", " ")))


def slugify(text: str) -> str:
    """A kebab-case id from a label ("C#" -> "c-sharp" is left to curation; here "Power BI" -> "power-bi")."""
    tokens = tokenize(text.replace("_", " "))
    return "-".join(token.replace("+", "p").replace("#", "sharp") for token in tokens)

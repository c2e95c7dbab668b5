"""Strict JSON for untrusted input: one UTF-8 decode, no NaN/Infinity, no duplicate keys, bounded depth,
numbers that fit a double, and strings that are Unicode text (no lone UTF-16 surrogates).

The standard library accepts all of those silently; a badge that relies on them is either broken or trying
to make two parsers disagree about what was signed (and a lone surrogate cannot even be stored as UTF-8).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from credwallet.errors import InputError
from credwallet.limits import MAX_JSON_BYTES, MAX_JSON_DEPTH


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 would be read as infinity and printed as `Infinity`
        raise ValueError(f"number {text[:40]} is out of range")
    return value


# A \uD800-\uDFFF escape: only such an escape can put a surrogate into a string decoded from UTF-8 text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(value: Any) -> str | None:
    """The first string or key holding a lone surrogate (escaped pairs are joined by the decoder), or None."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            texts: list[str] = [node]
        elif isinstance(node, dict):
            texts = list(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
            continue
        else:
            continue
        for text in texts:
            if any("\ud800" <= char <= "\udfff" for char in text):
                return text
    return None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """True when containers nest deeper than `limit` (iterative: deep input cannot overflow the stack)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def decode_utf8(data: bytes, *, source: str) -> str:
    """Decode exactly once, strictly; a leading byte-order mark is tolerated (RFC 8259 §8.1 allows it)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 text (byte {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


# The json module's messages are sentence fragments ("Unterminated string starting at"); said in full here.
_JSON_PROBLEMS = {
    "Unterminated string starting at": "a string is not closed",
    "Expecting ':' delimiter": "a ':' is missing after a name",
    "Expecting ',' delimiter": "a ',' is missing between two values",
    "Expecting property name enclosed in double quotes": "a name in double quotes was expected (a trailing comma?)",
    "Expecting value": "a value was expected",
    "Extra data": "more text follows the JSON document",
    "Invalid \\escape": "a backslash escape is not valid",
    "Invalid control character at": "a string holds a raw control character (a line break or tab)",
}


def json_problem(exc: json.JSONDecodeError, text: str) -> str:
    """What is wrong, in a whole sentence; at the very end of the text, that the file is cut short."""
    if not text.strip():
        return "the document is empty"
    if exc.pos >= len(text.rstrip()) and exc.msg != "Extra data":
        return "the document ends too early (the file may be cut short)"
    return _JSON_PROBLEMS.get(exc.msg, exc.msg[:1].lower() + exc.msg[1:])


def loads_strict(data: bytes | str, *, source: str, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse untrusted JSON or raise InputError with a one-line reason naming `source`."""
    if len(data) > max_bytes:
        raise InputError(f"{source}: JSON document is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    text = decode_utf8(data, source=source) if isinstance(data, bytes) else data
    try:
        value = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant, parse_float=_finite_float
        )
    except RecursionError:
        raise InputError(f"{source}: JSON nested too deeply (limit {MAX_JSON_DEPTH})") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: invalid JSON at line {exc.lineno} column {exc.colno}: {json_problem(exc, text)}"
        ) from None
    except ValueError as exc:
        raise InputError(f"{source}: invalid JSON: {exc}") from None
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        found = _lone_surrogate(value)
        if found is not None:
            shown = found.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")[:60]
            raise InputError(f"{source}: invalid JSON: a string holds a lone UTF-16 surrogate ({shown})")
    # Nesting needs an opening bracket per level, so a text with few brackets cannot be too deep.
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH and json_depth_exceeds(value, MAX_JSON_DEPTH):
        raise InputError(f"{source}: JSON nested too deeply (limit {MAX_JSON_DEPTH})")
    return value

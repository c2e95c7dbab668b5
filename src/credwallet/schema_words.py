"""JSON Schema errors in words a user can act on: `title: missing`, `level: must be at most 5`.

jsonschema's own messages speak Python (`None is not of type 'string'`, `'x' does not match
'^[a-z0-9]+(-[a-z0-9]+)*$'`); every file format credwallet validates (roles, catalogs, skills, credentials)
turns them into these sentences instead.
"""

from __future__ import annotations

import json
from typing import Any

# Patterns the bundled schemas use, said in words; any other pattern gets the generic sentence.
KNOWN_PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lowercase letters and digits in words joined by hyphens (like data-analyst)",
    "^[a-z0-9][a-z0-9-]*$": "lowercase letters, digits and hyphens (like data-analyst)",
    "^\\d{2}-\\d{4}\\.\\d{2}$": "an O*NET-SOC code (like 15-2051.01)",
    "^[A-Z]{3}$": "a three-letter currency code (like USD)",
    "^https?://": "a web address starting with https://",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date (YYYY-MM-DD)",
}
TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value)",
    "null": "empty",
}
FORMAT_WORDS = {
    "date": "a date (YYYY-MM-DD)",
    "date-time": "a date and time (YYYY-MM-DDThh:mm:ssZ)",
    "uri": "a URL",
    "iri": "a URL",
    "email": "an email address",
}
MAX_VALUE_CHARS = 40


def shown(value: Any) -> str:
    """A value as the user wrote it, short: `'Data  Analyst'`, `7`, `a list of 3`, `nothing`."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…")
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _types(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    words = [TYPE_WORDS.get(str(name), str(name)) for name in names]
    return " or ".join(words)


def _closest_branch(error: Any) -> Any | None:
    """Of the alternatives an anyOf/oneOf offered, the first error of the one that came closest (fewest
    errors): `unknown field any_of` says more than `fits none of the allowed forms`."""
    branches: dict[Any, list[Any]] = {}
    for sub in getattr(error, "context", None) or []:
        if sub.relative_schema_path:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    if not branches:
        return None
    fewest = min(branches.values(), key=len)
    return fewest[0] if len(fewest) <= 2 else None


def describe(error: Any) -> str:
    """One jsonschema ValidationError in words, without the path (callers put the path in front)."""
    kind = error.validator
    expected = error.validator_value
    value = error.instance
    if kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        return ("missing " + ", ".join(missing)) if missing else "a required field is missing"
    if kind == "type":
        if value is None:
            return f"is empty; give {_types(expected)}"
        return f"must be {_types(expected)}, not {shown(value)}"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {}))) if isinstance(value, dict) else []
        return "unknown field " + ", ".join(map(str, extra)) if extra else "has fields not allowed here"
    if kind in ("enum", "const"):
        choices = expected if kind == "enum" else [expected]
        return f"{shown(value)} is not allowed: use " + ", ".join(json.dumps(c) for c in choices[:12])
    if kind == "pattern":
        if expected in KNOWN_PATTERNS:
            return f"{shown(value)}: use {KNOWN_PATTERNS[expected]}"
        return f"{shown(value)} is not in the expected form"
    if kind == "format":
        return f"{shown(value)} is not {FORMAT_WORDS.get(expected, 'in the ' + str(expected) + ' format')}"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{shown(value)} is too small: at least {expected}" + (" (exclusive)" if kind.startswith("ex") else "")
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{shown(value)} is too large: at most {expected}" + (" (exclusive)" if kind.startswith("ex") else "")
    if kind == "minItems":
        return "must not be empty" if expected == 1 else f"needs at least {expected} items"
    if kind == "maxItems":
        return f"has too many items: at most {expected}"
    if kind == "minLength":
        return "must not be empty" if expected == 1 else f"is too short: at least {expected} characters"
    if kind == "maxLength":
        return f"is too long: at most {expected} characters"
    if kind == "uniqueItems":
        return "lists the same item twice"
    if kind in ("anyOf", "oneOf"):
        if "is valid under each of" in str(getattr(error, "message", "")):
            keys = [b["required"][0] for b in expected if isinstance(b, dict) and b.get("required")]
            if len(keys) == len(expected) and len(set(keys)) == len(keys):
                if len(keys) == 2:
                    return f"give {keys[0]} or {keys[1]}, not both"
                return "give only one of " + ", ".join(keys)
            return "fits more than one allowed form: keep only one of its alternatives"
        closest = _closest_branch(error)
        if closest is not None:
            return describe(closest)
        return f"{shown(value)} fits none of the allowed forms"
    if kind == "not":
        return f"{shown(value)} is not allowed here"
    message = str(getattr(error, "message", "is not valid"))
    return message if len(message) <= 120 else message[:119] + "…"

"""Structure check of OB 3.0 / CLR 2.0 credentials against the official 1EdTech JSON schemas (bundled).

A sloppy issuer's badge still belongs to the learner, so a failed check never blocks an import: the errors
are returned as "path: problem" lines and stored with the credential. Only a document that is not a
credential at all is an `InputError`.

Policy for VC 2.0 single-object `proof`: the VC data model allows `proof` to be one object or an array,
the 1EdTech 2019-09 schemas demand an array. For validation only, a single object is wrapped in a
one-element array and a note says so; the stored document is never changed.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import reprlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from credwallet.errors import InputError, NotACredentialError

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"

# Bundled schema files (under data/schemas/), keyed by the name a report carries.
SCHEMA_FILES: dict[str, str] = {
    "ob3-achievement-credential": "ob_v3p0/achievementcredential.json",
    "ob3-endorsement-credential": "ob_v3p0/endorsementcredential.json",
    "ob3-achievement-credential-vc1": "ob_v3p0/ob_v3p0_achievementcredential_schema_draft4.json",
    "clr-credential-vc1": "clr_v2p0/clr_v2p0_clrcredential_schema_draft4.json",
}
# Schemas that require `proof` to be an array (the 2019-09 builds); the draft-04 ones accept both shapes.
_PROOF_ARRAY_SCHEMAS = frozenset({"ob3-achievement-credential", "ob3-endorsement-credential"})

OB_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
ENDORSEMENT_TYPE = "EndorsementCredential"
CLR_TYPE = "ClrCredential"
_OB_CONTEXT_PREFIXES = (
    "https://purl.imsglobal.org/spec/ob/v3p0/",
    "https://purl.imsglobal.org/spec/clr/v2p0/",
)

# A report longer than this is noise: the first errors say what is wrong.
MAX_ERRORS = 50
# Errors are enumerated lazily and counting stops here: a credential with 600,000 violations costs what one
# with this many does (building every error first took 17 s and 157 MB).
MAX_COUNTED_ERRORS = 1_000
# Errors kept per anyOf/oneOf branch: enough to tell which branch fits the value; more only costs memory.
MAX_BRANCH_ERRORS = 20
# How much of an offending value an error message quotes.
MAX_QUOTED_CHARS = 80
# One error line stays readable: jsonschema quotes whole instances in some messages.
MAX_MESSAGE_CHARS = 200
# Deeper than any accepted JSON (limits.MAX_JSON_DEPTH); stops the proof-wrapping walk on foreign input.
_MAX_WALK_DEPTH = 200


@dataclass(frozen=True, slots=True)
class StructureReport:
    """What the structure check found: the schema used (None when none applies), errors and notes."""

    schema: str | None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_structure(document: dict[str, Any]) -> list[str]:
    """Schema errors of a credential as "path: problem" lines (empty when it conforms)."""
    return structure_report(document).errors


def structure_report(document: dict[str, Any], *, single_object_proof: bool | None = None) -> StructureReport:
    """Validate against the bundled schema that fits the credential's type and VC version.

    `single_object_proof=False` tells that no `proof` in the document is a lone object (the caller already
    walked it), which saves a walk; None means "look".
    """
    if not isinstance(document, dict) or ("@context" not in document and "type" not in document):
        raise NotACredentialError("not a credential: a JSON object with @context and type is expected")
    name = schema_name_for(document)
    notes: list[str] = []
    if name is None:
        notes.append(_no_schema_note(document))
        return StructureReport(schema=None, errors=_basic_errors(document), notes=notes)
    instance = document
    if name in _PROOF_ARRAY_SCHEMAS and single_object_proof is not False:
        wrapped: list[str] = []
        instance = _wrap_single_proofs(document, "$", wrapped, 0)
        if wrapped:
            notes.append(
                "single-object proof at " + ", ".join(wrapped) + " validated as a one-element array "
                "(VC 2.0 allows either; the 1EdTech schema wants an array)"
            )
    return StructureReport(schema=name, errors=_schema_errors(name, instance), notes=notes)


def types_of(node: Any) -> list[str]:
    """The `type` of a JSON-LD node as a list of strings (a single string is a one-item list)."""
    if not isinstance(node, dict):
        return []
    value = node.get("type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def context_urls(document: dict[str, Any]) -> list[Any]:
    """The top-level `@context` as a list (a single value is a one-item list)."""
    value = document.get("@context")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def vc_version(document: dict[str, Any]) -> str | None:
    """'1.1' or '2.0' from `@context[0]`; None when the first context is neither VC context."""
    contexts = context_urls(document)
    first = contexts[0] if contexts else None
    if first == VC_V2:
        return "2.0"
    if first == VC_V1:
        return "1.1"
    return None


def schema_name_for(document: dict[str, Any]) -> str | None:
    """Which bundled schema applies: by type, then by VC version; None for credentials no schema covers."""
    types = set(types_of(document))
    version = vc_version(document)
    if version is None:
        version = "2.0" if "validFrom" in document or "issuanceDate" not in document else "1.1"
    if CLR_TYPE in types:
        return "clr-credential-vc1" if version == "1.1" else None
    if ENDORSEMENT_TYPE in types:
        return "ob3-endorsement-credential" if version == "2.0" else None
    ob_context = any(
        isinstance(url, str) and url.startswith(_OB_CONTEXT_PREFIXES) for url in context_urls(document)
    )
    if types & OB_TYPES or ob_context:
        return "ob3-achievement-credential" if version == "2.0" else "ob3-achievement-credential-vc1"
    return None


def _no_schema_note(document: dict[str, Any]) -> str:
    kinds = ", ".join(t for t in types_of(document) if t != "VerifiableCredential") or "untyped"
    if CLR_TYPE in kinds or ENDORSEMENT_TYPE in kinds:
        version = vc_version(document) or "unknown"
        return f"no bundled 1EdTech schema for a VC {version} {kinds}; checked the VC data model basics only"
    return f"not an Open Badges or CLR credential ({kinds}); checked the VC data model basics only"


def _basic_errors(document: dict[str, Any]) -> list[str]:
    """The VC data model rules every credential must meet, for credentials no 1EdTech schema covers."""
    errors = []
    if "VerifiableCredential" not in types_of(document):
        errors.append("$.type: must include 'VerifiableCredential'")
    for key in ("issuer", "credentialSubject"):
        if key not in document:
            errors.append(f"$: '{key}' is a required property")
    return errors


@cache
def _schema(name: str) -> dict[str, Any]:
    text = (files("credwallet") / "data" / "schemas" / SCHEMA_FILES[name]).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> Any:
    """One jsonschema validator per schema per process, format checking on (date, date-time, uri...).

    anyOf/oneOf keep at most MAX_BRANCH_ERRORS errors per branch (jsonschema lists them all before yielding,
    so an array of 600,000 bad items under a oneOf was enumerated whole), and `contains` stops at its first
    match; validity is unchanged, since one error already makes a branch fail.
    """
    from jsonschema import validators
    from referencing import Registry

    schema = _schema(name)
    keywords = {"anyOf": _capped_any_of, "oneOf": _capped_one_of, "contains": _first_match_contains}
    validator_class = validators.extend(validators.validator_for(schema), validators=keywords)
    # An empty registry: a reference that is not inside the bundled schema fails; nothing is ever fetched
    # (jsonschema's default would download remote references).
    return validator_class(schema, registry=Registry(), format_checker=validator_class.FORMAT_CHECKER)


_QUOTE = reprlib.Repr()
_QUOTE.maxstring = _QUOTE.maxother = MAX_QUOTED_CHARS
_QUOTE.maxlist = _QUOTE.maxdict = 4
_QUOTE.maxlevel = 3


def _branch_errors(validator: Any, instance: Any, subschemas: list[Any]) -> Iterator[tuple[int, list[Any]]]:
    """(branch index, its first errors) for each branch until one passes (then that branch with no errors)."""
    for index, subschema in enumerate(subschemas):
        errors = list(itertools.islice(validator.descend(instance, subschema, schema_path=index), MAX_BRANCH_ERRORS))
        yield index, errors
        if not errors:
            return


def _capped_any_of(validator: Any, any_of: list[Any], instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema import ValidationError

    found: list[Any] = []
    for _index, errors in _branch_errors(validator, instance, any_of):
        if not errors:
            return
        found.extend(errors)
    yield ValidationError(f"{_QUOTE.repr(instance)} is not valid under any of the given schemas", context=found)


def _first_match_contains(validator: Any, contains: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """`contains` (with minContains / maxContains) that stops counting once the answer is known; an enum of
    strings (the only form the 1EdTech schemas use) is matched by set membership, not one validator each."""
    from jsonschema import ValidationError

    if not validator.is_type(instance, "array"):
        return
    least = schema.get("minContains", 1)
    most = schema.get("maxContains")
    allowed = contains.get("enum") if isinstance(contains, dict) and set(contains) == {"enum"} else None
    if isinstance(allowed, list) and all(isinstance(value, str) for value in allowed):
        names = frozenset(allowed)

        def matches(item: Any) -> bool:
            return isinstance(item, str) and item in names
    else:
        matches = validator.evolve(schema=contains).is_valid
    count = 0
    for item in instance:
        if matches(item):
            count += 1
            if most is None and count >= least:
                return
            if most is not None and count > most:
                yield ValidationError(f"Too many items match the given schema (expected at most {most})")
                return
    if count < least:
        shown = _QUOTE.repr(instance)
        if count == 0:
            yield ValidationError(f"{shown} does not contain items matching the given schema")
        else:
            yield ValidationError(
                f"Too few items match the given schema (expected at least {least} but only {count} matched)"
            )


def _capped_one_of(validator: Any, one_of: list[Any], instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema import ValidationError

    found: list[Any] = []
    first_valid: int | None = None
    for index, errors in _branch_errors(validator, instance, one_of):
        if not errors:
            first_valid = index
            break
        found.extend(errors)
    if first_valid is None:
        yield ValidationError(f"{_QUOTE.repr(instance)} is not valid under any of the given schemas", context=found)
        return
    rest = one_of[first_valid + 1 :]
    if any(validator.evolve(schema=other).is_valid(instance) for other in rest):
        yield ValidationError(f"{_QUOTE.repr(instance)} is valid under more than one of the given schemas")


@cache
def _fast_validator(name: str) -> Callable[[Any], Any] | None:
    """The same schema compiled to Python by fastjsonschema (~20x faster): the yes/no path of every import.

    Only a credential it rejects goes through jsonschema, which lists every error with its path. The
    2019-09 schemas use no keyword whose meaning changed since draft-07, so they compile as draft-07; the
    formats are checked by the same functions jsonschema uses. None when fastjsonschema is not installed.
    """
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - declared dependency; jsonschema alone gives the same answers
        return None
    schema = copy.deepcopy(_schema(name))  # fastjsonschema rewrites $ref values in place
    if "2019-09" in str(schema.get("$schema", "")):
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    formats = {"date-time": _is_date_time, "date": _is_date, "uri": _is_uri}
    handlers = {"http": _refuse_remote, "https": _refuse_remote}  # never fetch a remote reference
    # Only the verdict is used here (jsonschema explains failures), so no detailed messages are built:
    # the anyOf/oneOf branches that fail on the way to a pass cost far less.
    validate: Callable[[Any], Any] = fastjsonschema.compile(
        schema, handlers=handlers, formats=formats, use_default=False, detailed_exceptions=False
    )
    return validate


def _refuse_remote(uri: str) -> Any:
    raise InputError(f"schema reference {uri} is not bundled; credwallet never fetches schemas")


def _is_date_time(value: Any) -> bool:
    """RFC 3339 date-time, exactly as jsonschema's format checker decides it."""
    try:
        from rfc3339_validator import validate_rfc3339
    except ImportError:  # pragma: no cover - then jsonschema does not check the format either
        return True
    return not isinstance(value, str) or bool(validate_rfc3339(value.upper()))


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, flags=re.ASCII):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_uri(value: Any) -> bool:
    try:
        from rfc3986_validator import validate_rfc3986
    except ImportError:  # pragma: no cover - then jsonschema does not check the format either
        return True
    return not isinstance(value, str) or bool(validate_rfc3986(value, rule="URI"))


def conforms(name: str, instance: dict[str, Any]) -> bool:
    """True when `instance` is valid against the named bundled schema (fast path, then jsonschema)."""
    fast = _fast_validator(name)
    if fast is not None:
        try:
            fast(instance)
        except Exception:  # JsonSchemaException, or anything odd: let jsonschema decide and explain
            return False
        return True
    return bool(_validator(name).is_valid(instance))


def _schema_errors(name: str, instance: dict[str, Any]) -> list[str]:
    """The first MAX_ERRORS distinct error lines, sorted; errors are produced lazily and counting stops at
    MAX_COUNTED_ERRORS, so the cost is bounded however many violations a document holds."""
    if conforms(name, instance):
        return []
    found: set[str] = set()
    for error in _validator(name).iter_errors(instance):
        for detail in _explain(error, 0):
            message = detail.message
            if len(message) > MAX_MESSAGE_CHARS:
                message = message[: MAX_MESSAGE_CHARS - 1] + "…"
            found.add(f"{_json_path(detail.absolute_path)}: {message}")
        if len(found) >= MAX_COUNTED_ERRORS:
            break
    lines = sorted(found, key=_natural_order)
    if len(lines) <= MAX_ERRORS:
        return lines
    more = len(lines) - MAX_ERRORS
    counted = f"{more:,}" if len(lines) < MAX_COUNTED_ERRORS else f"at least {more:,}"
    return [*lines[:MAX_ERRORS], f"... and {counted} more schema errors"]


def _natural_order(line: str) -> list[Any]:
    """Sort key reading numbers as numbers: alignment[2] comes before alignment[10] (text order put [10] first)."""
    return [int(part) if index % 2 else part for index, part in enumerate(_DIGITS.split(line))]


_DIGITS = re.compile(r"(\d+)")


def _explain(error: Any, depth: int) -> list[Any]:
    """The errors that say what is wrong: inside anyOf/oneOf, those of the branch that fits the value's shape.

    A generic "is not valid under any of the given schemas" (or the first branch's "is not of type
    'string'") hides the real problem, e.g. a Profile issuer whose `type` is not an array.
    """
    if not error.context or depth > 8:
        return [error]
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    viable = [
        errors
        for errors in branches.values()
        if all(e.relative_path for e in errors)  # the value has the branch's shape; something inside fails
    ]
    if not viable:
        return [error]
    return [leaf for sub in min(viable, key=len) for leaf in _explain(sub, depth + 1)]


def _json_path(parts: Any) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def _wrap_single_proofs(node: Any, path: Any, wrapped: list[str], depth: int) -> Any:
    """A copy of `node` where every single-object `proof` is a one-element list (unchanged parts shared).

    `path` is "$" or a (parent path, key) pair, spelled out only for a wrapped proof: building a path string
    for every node of a large array cost more than the schema check itself.
    """
    if depth > _MAX_WALK_DEPTH:
        raise InputError("credential nested too deeply to check")
    if isinstance(node, dict):
        copy: dict[str, Any] | None = None
        for key, value in node.items():
            if not isinstance(value, (dict, list)):
                continue
            if key == "proof" and isinstance(value, dict):
                new_value: Any = [_wrap_single_proofs(value, (path, key), wrapped, depth + 1)]
                wrapped.append(_spelled_path((path, key)))
            else:
                new_value = _wrap_single_proofs(value, (path, key), wrapped, depth + 1)
            if new_value is not value:
                copy = dict(node) if copy is None else copy
                copy[key] = new_value
        return node if copy is None else copy
    if isinstance(node, list):
        changed: list[Any] | None = None
        for index, item in enumerate(node):
            if not isinstance(item, (dict, list)):
                continue
            new_item = _wrap_single_proofs(item, (path, index), wrapped, depth + 1)
            if new_item is not item:
                changed = list(node) if changed is None else changed
                changed[index] = new_item
        return node if changed is None else changed
    return node


def _spelled_path(path: Any) -> str:
    parts: list[str] = []
    while isinstance(path, tuple):
        path, key = path
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return "$" + "".join(reversed(parts))

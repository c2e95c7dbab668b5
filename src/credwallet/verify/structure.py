"""The `structure` check: VC data model rules (and OB 2.0 assertion rules) plus the schema errors from import.

A credential that breaks the data model cannot mean what its signature seems to vouch for, so a failure here
makes it `invalid` even when the signature is good.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from credwallet.jsonld import unknown_contexts
from credwallet.verify.report import Check, failed, passed, skipped

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB2_CONTEXTS = frozenset({"https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json"})
# Extension nodes are looked for this deep, and at most this many per list (a hostile document is bounded).
_MAX_EXTENSION_DEPTH = 12
_MAX_EXTENSION_ITEMS = 200
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")


def is_uri(value: Any) -> bool:
    return isinstance(value, str) and bool(_URI.match(value))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def vc_problems(vc: Mapping[str, Any]) -> list[str]:
    """Breaches of the VC data model (1.1 and 2.0) rules a verifier must enforce."""
    problems = []
    contexts = _as_list(vc.get("@context"))
    if not contexts or contexts[0] not in (VC_V1, VC_V2):
        first = contexts[0] if contexts else None
        problems.append(f"@context must start with {VC_V2} or {VC_V1} (found {first!r})")
    unknown = unknown_contexts(vc)
    if unknown:
        problems.append(f"unknown @context {unknown[0]!r}: not bundled with credwallet, never fetched")
    types = _as_list(vc.get("type"))
    if "VerifiableCredential" not in types:
        problems.append("type must include VerifiableCredential")
    issuer = vc.get("issuer")
    if isinstance(issuer, list):
        problems.append("a credential has exactly one issuer")
    else:
        issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
        if issuer_id is None:
            problems.append("the credential has no issuer")
        elif not is_uri(issuer_id):
            problems.append(f"issuer id {issuer_id!r} is not a URI")
    subjects = _as_list(vc.get("credentialSubject"))
    if not subjects or not all(isinstance(s, Mapping) and s for s in subjects):
        problems.append("credentialSubject is missing or empty")
    if "id" in vc and not is_uri(vc["id"]):
        problems.append(f"credential id {vc['id']!r} is not a URI")
    for subject in subjects:
        if isinstance(subject, Mapping) and "id" in subject and not is_uri(subject["id"]):
            problems.append(f"credentialSubject id {subject['id']!r} is not a URI")
    if contexts and contexts[0] == VC_V1 and "issuanceDate" not in vc:
        problems.append("a VC 1.1 credential needs issuanceDate")
    return problems


def ob2_problems(assertion: Mapping[str, Any]) -> list[str]:
    """The rules an OB 2.0 assertion must meet before its verification means anything."""
    problems = []
    contexts = _as_list(assertion.get("@context"))
    if not any(isinstance(c, str) and c in OB2_CONTEXTS for c in contexts):
        problems.append("@context must include https://w3id.org/openbadges/v2")
    if "Assertion" not in _as_list(assertion.get("type")):
        problems.append("type must be Assertion")
    for field_name in ("recipient", "badge", "verification", "issuedOn"):
        if field_name not in assertion and not (field_name == "verification" and "verify" in assertion):
            problems.append(f"{field_name} is missing")
    if "id" in assertion and not is_uri(assertion["id"]):
        problems.append(f"assertion id {assertion['id']!r} is not a URI")
    image = assertion.get("image")
    image_id = image.get("id") if isinstance(image, Mapping) else image
    if isinstance(image_id, str) and image_id.strip().lower().startswith("data:"):
        problems.append(
            "the assertion's image is a data: URI; an assertion image must be a URL (only the badge class "
            "image may be embedded)"
        )
    return problems


def _extension_nodes(value: Any, key: str = "", depth: int = 0) -> list[tuple[str, Mapping[str, Any]]]:
    """OB 2.0 extension nodes (a property `extensions:...` or an object typed Extension), with their key."""
    if depth > _MAX_EXTENSION_DEPTH:
        return []
    found: list[tuple[str, Mapping[str, Any]]] = []
    if isinstance(value, Mapping):
        if key.startswith("extensions:") or "Extension" in _as_list(value.get("type")):
            found.append((key or "(an unnamed node)", value))
        for child_key, child in value.items():
            if child_key != "@context":
                found += _extension_nodes(child, str(child_key), depth + 1)
    elif isinstance(value, list):
        for item in value[:_MAX_EXTENSION_ITEMS]:
            found += _extension_nodes(item, key, depth + 1)
    return found


def _declared_schemas(contexts: list[Any]) -> list[str]:
    """Where the extension's rules live: remote contexts (which declare its validation schema), or the
    `validationSchema` URLs an inline context declares."""
    places = []
    for context in contexts:
        if isinstance(context, str) and context not in OB2_CONTEXTS:
            places.append(f"its context {context}")
        elif isinstance(context, Mapping):
            validations = context.get("obi:validation", context.get("validation"))
            for item in _as_list(validations):
                if not isinstance(item, Mapping):
                    continue
                schema = item.get("obi:validationSchema", item.get("validationSchema"))
                if schema is not None:
                    places.append(f"the schema {schema}" if isinstance(schema, str) else "an inline schema")
    return places


def ob2_extension_checks(assertion: Mapping[str, Any]) -> list[Check]:
    """OB 2.0 extensions declare a JSON schema their nodes must meet. credwallet bundles none of them and
    never fetches one (a schema is code-like input from a stranger), so such an extension is left unchecked
    and the credential is `unverified` rather than `valid` (the 1EdTech validator fetches and checks it)."""
    outer = _as_list(assertion.get("@context"))
    details: dict[str, None] = {}  # one line per distinct finding, in document order
    for key, node in _extension_nodes(assertion)[:_MAX_EXTENSION_ITEMS]:
        places = _declared_schemas([*_as_list(node.get("@context")), *outer])
        if places:
            details[
                f"extension {key}: its extension schema (declared in {', '.join(dict.fromkeys(places))}) "
                "is not bundled with credwallet and is never fetched, so the extension is unchecked"
            ] = None
    return [skipped("structure", detail) for detail in details]


def structure_check(document: Mapping[str, Any], *, ob2: bool, schema_errors: list[str]) -> Check:
    problems = ob2_problems(document) if ob2 else vc_problems(document)
    if schema_errors:
        shown = "; ".join(schema_errors[:3]) + (
            f" (and {len(schema_errors) - 3} more)" if len(schema_errors) > 3 else ""
        )
        problems.append(f"schema: {shown}")
    if problems:
        return failed("structure", "; ".join(problems))
    what = "Open Badges 2.0 assertion" if ob2 else "VC data model"
    return passed("structure", f"{what} rules met")

"""The `structure` checks: is there something to trust at all (authenticity), and does it follow the rules
(conformance: the VC / OB 2.0 data-model rules and the 1EdTech schema errors found at import).

Only a credential with no issuer or no subject is `invalid` here: nothing it says can be attributed or
applies to anyone. Every other deviation (an extra `name`, a string `image`, no `criteria`, a missing
`issuanceDate`...) is a conformance warning with its exact path: real issuers publish such credentials and
their signed content is not in doubt. `verify --strict` turns the warnings into failures (`strict_checks`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from credwallet.model import Status
from credwallet.verify.report import Check, CheckKind, CheckStatus, failed, passed

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB2_CONTEXTS = frozenset({"https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json"})
# Extension nodes are looked for this deep, and at most this many per list (a hostile document is bounded).
_MAX_EXTENSION_DEPTH = 12
_MAX_EXTENSION_ITEMS = 200
# Conformance findings shown one per line; the rest are counted in one more line (`show ID --json` lists all).
MAX_FINDINGS_SHOWN = 12
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")


def is_uri(value: Any) -> bool:
    return isinstance(value, str) and bool(_URI.match(value))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def conformance_warning(detail: str) -> Check:
    """A deviation from the schemas or data-model rules: shown, never changes the status (unless --strict)."""
    return Check("structure", CheckStatus.FAILED, detail, None, warning=True, kind=CheckKind.CONFORMANCE)


def conformance_unchecked(detail: str) -> Check:
    """A rule credwallet could not check (an extension's remote schema): said, never changes the status."""
    return Check("structure", CheckStatus.SKIPPED, detail, None, kind=CheckKind.CONFORMANCE)


def vc_meaning_problems(vc: Mapping[str, Any]) -> list[str]:
    """What leaves a VC meaningless whatever its proof: no issuer, several issuers, no subject."""
    problems = []
    issuer = vc.get("issuer")
    if isinstance(issuer, list):
        problems.append("a credential has exactly one issuer (found a list)")
    else:
        issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
        if issuer_id is None:
            problems.append("the credential has no issuer")
        elif not is_uri(issuer_id):
            problems.append(f"the issuer id {issuer_id!r} is not a URI, so it identifies no one")
    subjects = _as_list(vc.get("credentialSubject"))
    if not subjects or not all(isinstance(s, Mapping) and s for s in subjects):
        problems.append("the credential has no subject (credentialSubject is missing or empty)")
    return problems


def vc_rule_findings(vc: Mapping[str, Any]) -> list[str]:
    """VC data model (1.1 and 2.0) rules, as "path: problem" lines; none of them changes what is signed."""
    findings = []
    contexts = _as_list(vc.get("@context"))
    if not contexts or contexts[0] not in (VC_V1, VC_V2):
        first = contexts[0] if contexts else None
        findings.append(f"$['@context'][0]: must be {VC_V2} or {VC_V1} (found {first!r})")
    if "VerifiableCredential" not in _as_list(vc.get("type")):
        findings.append("$.type: must include VerifiableCredential")
    if "id" in vc and not is_uri(vc["id"]):
        findings.append(f"$.id: {vc['id']!r} is not a URI")
    for index, subject in enumerate(_as_list(vc.get("credentialSubject"))):
        if isinstance(subject, Mapping) and "id" in subject and not is_uri(subject["id"]):
            where = (
                "$.credentialSubject"
                if not isinstance(vc.get("credentialSubject"), list)
                else (f"$.credentialSubject[{index}]")
            )
            findings.append(f"{where}.id: {subject['id']!r} is not a URI")
    if contexts and contexts[0] == VC_V1 and "issuanceDate" not in vc:
        findings.append("$: a VC 1.1 credential needs issuanceDate")
    return findings


def ob2_meaning_problems(assertion: Mapping[str, Any]) -> list[str]:
    """What leaves an OB 2.0 assertion meaningless: no recipient (no subject), no badge (so no issuer)."""
    problems = []
    if not assertion.get("recipient"):
        problems.append("the assertion has no recipient (no subject)")
    if not assertion.get("badge"):
        problems.append("the assertion has no badge, so no issuer")
    return problems


def ob2_rule_findings(assertion: Mapping[str, Any]) -> list[str]:
    """OB 2.0 assertion rules, as "path: problem" lines (the 1EdTech validator treats them as errors)."""
    findings = []
    contexts = _as_list(assertion.get("@context"))
    if not any(isinstance(c, str) and c in OB2_CONTEXTS for c in contexts):
        findings.append("$['@context']: must include https://w3id.org/openbadges/v2")
    if "Assertion" not in _as_list(assertion.get("type")):
        findings.append("$.type: must be Assertion")
    if "verification" not in assertion and "verify" not in assertion:
        findings.append("$: verification is missing")
    if "issuedOn" not in assertion:
        findings.append("$: issuedOn is missing")
    if "id" in assertion and not is_uri(assertion["id"]):
        findings.append(f"$.id: {assertion['id']!r} is not a URI")
    image = assertion.get("image")
    image_id = image.get("id") if isinstance(image, Mapping) else image
    if isinstance(image_id, str) and image_id.strip().lower().startswith("data:"):
        findings.append(
            "$.image: a data: URI; an assertion image must be a URL (only the badge class image may be embedded)"
        )
    return findings


def structure_checks(
    document: Mapping[str, Any],
    *,
    ob2: bool,
    schema_errors: list[str],
    unbundled_contexts: list[str] | None = None,
) -> list[Check]:
    """The authenticity line (issuer and subject present) and one conformance line per finding.

    `unbundled_contexts`: contexts a JWT-secured credential names that credwallet does not have; its
    signature covers the JSON as shown, so that is a conformance finding, not a doubt about the content.
    """
    problems = ob2_meaning_problems(document) if ob2 else vc_meaning_problems(document)
    what = "Open Badges 2.0 assertion" if ob2 else "credential"
    if problems:
        checks = [failed("structure", "; ".join(problems))]
    else:
        checks = [passed("structure", f"the {what} names its issuer and its subject")]
    findings = ob2_rule_findings(document) if ob2 else vc_rule_findings(document)
    findings += [
        f"$['@context']: {url} is not bundled; its terms are read as plain JSON" for url in unbundled_contexts or []
    ]
    findings += [f"schema: {line}" for line in schema_errors]
    if not findings:
        rules = "the Open Badges 2.0 assertion rules" if ob2 else "the 1EdTech schema and VC data-model rules"
        checks.append(Check("structure", CheckStatus.PASSED, f"follows {rules}", kind=CheckKind.CONFORMANCE))
        return checks
    checks += [conformance_warning(line) for line in findings[:MAX_FINDINGS_SHOWN]]
    if len(findings) > MAX_FINDINGS_SHOWN:
        more = len(findings) - MAX_FINDINGS_SHOWN
        checks.append(conformance_warning(f"... and {more} more conformance findings (credwallet show ID --json)"))
    return checks


def strict_checks(checks: list[Check]) -> list[Check]:
    """`verify --strict`: conformance findings count, as a validator would have them (the checks are copies)."""
    from dataclasses import replace

    result = []
    for check in checks:
        if check.kind is CheckKind.CONFORMANCE and check.status is CheckStatus.FAILED:
            check = replace(check, effect=Status.INVALID, warning=False)
        elif check.kind is CheckKind.CONFORMANCE and check.status is CheckStatus.SKIPPED:
            check = replace(check, effect=Status.UNVERIFIED)
        result.append(check)
    return result


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
    never fetches one (a schema is code-like input from a stranger), so such an extension is left unchecked:
    a conformance line that says so (the 1EdTech validator fetches and checks it; `--strict` counts it)."""
    outer = _as_list(assertion.get("@context"))
    details: dict[str, None] = {}  # one line per distinct finding, in document order
    for key, node in _extension_nodes(assertion)[:_MAX_EXTENSION_ITEMS]:
        places = _declared_schemas([*_as_list(node.get("@context")), *outer])
        if places:
            details[
                f"extension {key}: its extension schema (declared in {', '.join(dict.fromkeys(places))}) "
                "is not bundled with credwallet and is never fetched, so the extension is unchecked"
            ] = None
    return [conformance_unchecked(detail) for detail in details]

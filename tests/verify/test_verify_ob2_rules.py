"""OB 2.0 assertion rules beyond the required fields: no data: image on the assertion, and extensions whose
JSON schema credwallet cannot check (never fetched) leave the assertion `unverified`, naming the schema."""

from __future__ import annotations

from typing import Any

import pytest

from credwallet.model import Status
from credwallet.verify.report import CheckKind, CheckStatus
from credwallet.verify.structure import ob2_extension_checks, strict_checks
from credwallet.verify.verifier import verify_document
from tests.verify.helpers import NOW

OB2 = "https://w3id.org/openbadges/v2"
EXTENSION_CONTEXT = "https://w3id.org/openbadges/extensions/exampleExtension/context.json"
PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg=="
)


def assertion(**extra: Any) -> dict[str, Any]:
    """A hosted assertion whose badge class and issuer are supplied with it, so it verifies offline."""
    document: dict[str, Any] = {
        "@context": OB2,
        "type": "Assertion",
        "id": "https://issuer.example/assertions/1",
        "recipient": {"type": "email", "hashed": False, "identity": "learner@example.org"},
        "badge": "https://issuer.example/badges/1",
        "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "hosted"},
    }
    document.update(extra)
    return document


def documents_for(document: dict[str, Any], badge_image: str = "https://issuer.example/b.png") -> dict[str, Any]:
    issuer = {"@context": OB2, "type": "Issuer", "id": "https://issuer.example/issuer", "name": "Issuer"}
    badge = {"@context": OB2, "type": "BadgeClass", "id": document["badge"], "name": "Badge",
             "description": "A badge", "image": badge_image, "criteria": {"narrative": "Do it"},
             "issuer": issuer["id"]}  # fmt: skip
    return {document["id"]: document, badge["id"]: badge, issuer["id"]: issuer}


def verdict(document: dict[str, Any], **options: Any) -> Any:
    return verify_document(document, now=NOW, did_documents=documents_for(document, **options))


def structure(report: Any) -> str:
    return " | ".join(c.detail for c in report.check("structure"))


def test_the_stand_in_assertion_is_valid_and_a_data_image_on_its_badge_class_is_fine() -> None:
    report = verdict(assertion(image="https://issuer.example/baked.png"), badge_image=PNG)
    assert report.status is Status.VALID, [c.detail for c in report.checks]


@pytest.mark.parametrize("image", [PNG, {"id": PNG, "type": "Image"}, " DATA:image/svg+xml,<svg/>"])
def test_an_assertion_image_that_is_a_data_uri_is_a_conformance_warning(image: Any) -> None:
    """The 1EdTech validator rejects it; it changes nothing the issuer vouches for, so it is a warning."""
    report = verdict(assertion(image=image))
    assert report.status is Status.VALID
    assert "$.image: a data: URI" in structure(report)
    [finding] = [c for c in report.check("structure") if "data: URI" in c.detail]
    assert finding.kind is CheckKind.CONFORMANCE and finding.warning


def extension(**extra: Any) -> dict[str, Any]:
    return {"type": ["Extension", "extensions:ExampleExtension"], "exampleProperty": 1337, **extra}


def test_an_extension_with_a_remote_schema_is_named_as_unchecked_conformance() -> None:
    document = assertion(**{"@context": [OB2, EXTENSION_CONTEXT], "extensions:exampleExtension": extension()})
    report = verdict(document)
    assert report.status is Status.VALID
    named = f"extension extensions:exampleExtension: its extension schema (declared in its context {EXTENSION_CONTEXT})"
    assert named in structure(report)
    kinds = [(c.kind, c.status) for c in report.check("structure")]
    assert kinds[0] == (CheckKind.AUTHENTICITY, CheckStatus.PASSED)
    assert (CheckKind.CONFORMANCE, CheckStatus.SKIPPED) in kinds
    strict = [c for c in strict_checks(report.checks) if c.kind is CheckKind.CONFORMANCE]
    assert any(c.effect is Status.UNVERIFIED for c in strict)


def test_an_extension_node_with_its_own_context_and_a_nested_one_are_found() -> None:
    nested = {"narrative": "x", "extensions:inner": extension(**{"@context": EXTENSION_CONTEXT})}
    document = assertion(evidence=nested)
    (check,) = ob2_extension_checks(document)
    assert check.status is CheckStatus.SKIPPED and check.effect is None and check.kind is CheckKind.CONFORMANCE
    assert "extensions:inner" in check.detail and EXTENSION_CONTEXT in check.detail


def test_an_inline_context_names_its_validation_schema() -> None:
    schema = "https://issuer.example/extension-schema.json"
    validation = {"obi:validatesType": "extensions:ExampleExtension", "obi:validationSchema": schema}
    context = {"obi": "https://w3id.org/openbadges#", "obi:validation": [validation]}
    (check,) = ob2_extension_checks(assertion(**{"extensions:e": extension(**{"@context": context})}))
    assert f"the schema {schema}" in check.detail


def test_an_extension_that_declares_no_schema_adds_no_line() -> None:
    document = assertion(**{"extensions:e": extension(**{"@context": {"exampleProperty": "http://schema.org/text"}})})
    assert ob2_extension_checks(document) == []
    assert verdict(document).status is Status.VALID


def test_a_deep_or_wide_document_is_bounded() -> None:
    deep: dict[str, Any] = extension(**{"@context": EXTENSION_CONTEXT})
    for _ in range(5000):
        deep = {"extensions:x": deep}
    wide = [extension(**{"@context": EXTENSION_CONTEXT}) for _ in range(10_000)]
    assert ob2_extension_checks(assertion(evidence=deep)) == []  # too deep to look at: no crash
    assert len(ob2_extension_checks(assertion(evidence=wide))) == 1  # one line per distinct finding


def test_an_issuer_profile_without_an_id_is_never_called_none() -> None:
    from credwallet.verify.hosted import policy_check

    url = "https://issuer.example/assertions/1"
    check = policy_check(url, {"type": "Profile", "name": "No id"}, {})
    assert "None" not in check.detail and "no id" in check.detail
    allowed = policy_check(url, {"type": "Profile", "verification": {"allowedOrigins": ["issuer.example"]}}, {})
    assert allowed.status is CheckStatus.PASSED and "None" not in allowed.detail

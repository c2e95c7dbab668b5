"""Contexts real issuers use: bundled ones load offline, supplied (fetched or cached) ones load after vetting,
and no context, bundled or fetched, may change what a protected VC / Open Badges term means."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from credwallet import jsonld
from credwallet.model import Status
from credwallet.verify import verify_document
from credwallet.verify.canon import CanonicalizationError, canonicalize
from credwallet.verify.signing import sign_data_integrity
from tests.verify.helpers import ISSUER_KEY, NOW, ob3_document

# The contexts issue 13 names, plus the status and suite contexts real credentials cite.
REAL_ISSUER_CONTEXTS = [
    "https://www.w3.org/ns/credentials/status/v1",
    "https://w3id.org/dcc/v1",
    "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json",
    "https://w3id.org/citizenship/v4rc1",
    "https://w3id.org/vc/status-list/2021/v1",
    "https://w3id.org/vc-revocation-list-2020/v1",
    "https://w3id.org/security/suites/ed25519-2018/v1",
    "https://w3id.org/security/suites/x25519-2020/v1",
    "https://openbadgespec.org/extensions/licenseExtension/context-3.0.0.json",
]
EXTRA = "https://contexts.example/skills/v1"
SCOPED = {"T": {"@id": "https://e.example/T", "@context": {"credentialStatus": "https://e.example/s"}}}


@pytest.mark.parametrize("url", REAL_ISSUER_CONTEXTS)
def test_real_issuer_contexts_are_bundled(url: str) -> None:
    assert url in jsonld.KNOWN_CONTEXT_URLS
    assert jsonld.is_context_document(jsonld.load_context(url))


@pytest.mark.parametrize("url", sorted(jsonld.KNOWN_CONTEXT_URLS))
def test_no_bundled_context_redefines_a_protected_term(url: str) -> None:
    """The guard a fetched context meets applies to the bundled ones too (the core ones define the terms)."""
    assert jsonld.redefined_protected_terms(jsonld.load_context(url)) == []


@pytest.mark.parametrize(
    ("context", "terms"),
    [
        ({"name": "https://evil.example/name"}, ["name"]),
        ({"ex": "https://evil.example/", "validUntil": "ex:until"}, ["validUntil"]),
        ({"@vocab": "https://evil.example/", "issuer": {"@type": "@id"}}, ["issuer"]),
        (SCOPED, ["credentialStatus"]),
        ({"id": "@type"}, ["id"]),
        ({"validUntil": None}, ["validUntil"]),
    ],
)  # fmt: skip
def test_a_context_that_changes_a_protected_term_is_caught(context: dict[str, Any], terms: list[str]) -> None:
    assert jsonld.redefined_protected_terms({"@context": context}) == terms


def test_same_meaning_and_schema_org_meaning_are_not_redefinitions() -> None:
    same = {
        "name": "http://schema.org/name",  # OB 2.0's meaning, written http://
        "identifier": "https://schema.org/identifier",  # schema.org's own term (DCC, W3C citizenship)
        "issuer": {"@id": "https://www.w3.org/2018/credentials#issuer", "@type": "@id"},
        "skillLevel": "https://contexts.example/skills#level",  # not protected
    }
    assert jsonld.redefined_protected_terms({"@context": same}) == []


def signed_with_extra_context(context_url: str = EXTRA) -> dict[str, Any]:
    document = ob3_document()
    document["@context"] = [*document["@context"], context_url]
    document["credentialSubject"]["skillLevel"] = "advanced"
    return sign_data_integrity(document, ISSUER_KEY, documents={context_url: SKILLS_CONTEXT})


SKILLS_CONTEXT = {"@context": {"skillLevel": "https://contexts.example/skills#level"}}


def test_a_supplied_context_makes_the_proof_checkable() -> None:
    document = signed_with_extra_context()
    offline = verify_document(document, now=NOW)
    assert offline.status is Status.UNVERIFIED
    (proof,) = offline.check("proof")
    assert EXTRA in proof.detail and "--online" in proof.detail and "--documents DIR" in proof.detail
    supplied = verify_document(document, now=NOW, did_documents={EXTRA: SKILLS_CONTEXT})
    assert supplied.status is Status.VALID, [c.detail for c in supplied.checks]


def test_a_supplied_context_redefining_a_protected_term_makes_the_credential_invalid() -> None:
    document = signed_with_extra_context()
    hostile = {"@context": {"skillLevel": "https://contexts.example/skills#level", "name": "https://evil.example/n"}}
    report = verify_document(document, now=NOW, did_documents={EXTRA: hostile})
    assert report.status is Status.INVALID
    (proof,) = report.check("proof")
    assert "redefines the protected term 'name'" in proof.detail


def test_a_different_context_under_the_same_url_changes_the_graph() -> None:
    """What was signed with one context text does not verify with another served under the same URL."""
    document = signed_with_extra_context()
    other = {"@context": {"skillLevel": "https://contexts.example/other#level"}}
    report = verify_document(document, now=NOW, did_documents={EXTRA: other})
    assert report.status is Status.INVALID
    assert report.check("proof")[0].status.value == "failed"


def test_supplied_contexts_never_leak_between_runs() -> None:
    """A context processed for one set of documents is not reused for another (separate caches)."""
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", EXTRA], "skillLevel": "x", "id": "urn:x:1"}
    first = canonicalize(copy.deepcopy(document), {EXTRA: SKILLS_CONTEXT})
    other = {"@context": {"skillLevel": "https://contexts.example/other#level"}}
    second = canonicalize(copy.deepcopy(document), {EXTRA: other})
    assert "skills#level" in first and "other#level" in second
    with pytest.raises(CanonicalizationError) as caught:
        canonicalize(copy.deepcopy(document))
    assert caught.value.code == "CONTEXT"


def test_a_nested_remote_context_inside_a_supplied_one_must_be_supplied_too() -> None:
    nested = "https://contexts.example/nested/v1"
    wrapper = {"@context": [nested, {"skillLevel": "https://contexts.example/skills#level"}]}
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", EXTRA], "skillLevel": "x", "id": "urn:x:1"}
    with pytest.raises(CanonicalizationError) as caught:
        canonicalize(copy.deepcopy(document), {EXTRA: wrapper})
    assert caught.value.code == "CONTEXT" and nested in caught.value.message
    both = {EXTRA: wrapper, nested: {"@context": {"other": "https://contexts.example/o"}}}
    assert "skills#level" in canonicalize(copy.deepcopy(document), both)


def test_the_citizenship_vector_now_canonicalizes_byte_for_byte(external: Path) -> None:
    folder = external / "vc-di-eddsa" / "eddsa-rdfc-2022" / "employ"
    document = json.loads((folder / "signedDataInt.json").read_text(encoding="utf-8"))
    document.pop("proof")
    assert canonicalize(document) == (folder / "canonDocDataInt.txt").read_text(encoding="utf-8")


def test_every_bundled_context_is_attributed() -> None:
    from importlib.resources import files

    sources = (files("credwallet") / "data" / "contexts" / "SOURCES.md").read_text(encoding="utf-8")
    index = json.loads((files("credwallet") / "data" / "contexts" / "index.json").read_text(encoding="utf-8"))
    for url, entry in index["contexts"].items():
        assert f"| {entry['file']} |" in sources, entry["file"]
        assert url.split("://", 1)[1].split("/", 1)[0] in sources, url


def test_an_inline_import_never_poisons_the_shared_context_cache() -> None:
    """pyld keeps the processed form of an `@import`ed context where the resolved one belongs; a document that
    imports must not leave later verifications failing with KeyError 'mappings' (seen with DCC credentials)."""
    dcc = Path(__file__).resolve().parents[1] / "real_world" / "dcc" / "verifiableCredentials" / "v2"
    later = json.loads((dcc / "dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json").read_text())
    later.pop("proof")
    other = json.loads((dcc / "ed25519/didKey/legacy-noStatus-noExpiry.json").read_text())
    other.pop("proof")
    importing = {"@import": "https://www.w3.org/ns/credentials/v2"}
    for contexts in ([*other["@context"], importing], [importing, *other["@context"]]):
        with contextlib.suppress(CanonicalizationError):
            canonicalize({**copy.deepcopy(other), "@context": contexts})
    assert "did:key:" in canonicalize(later)

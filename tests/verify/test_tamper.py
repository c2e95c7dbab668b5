"""The tamper suite: no changed, added, removed or aliased signed property, swapped key, proof or issuer of
any signed sample or external credential verifies as `valid` (issue 12).

The quick selection runs here (every attack on a credential's own properties, proofs, keys and contexts, and
one in eight edits of nested properties); `python -m tests.verify.tamper_variants` runs every variant.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from credwallet.verify import verify_document
from credwallet.verify.signing import sign_data_integrity
from tests.verify.helpers import ISSUER_KEY, NOW, ob3_document
from tests.verify.tamper_variants import (
    DCC_QUICK,
    NO_OP_CANDIDATES,
    VARIANT_CLASSES,
    SignedFixture,
    is_sampled,
    jsonld_variants,
    run_fixture,
    signed_fixtures,
    variant_class,
    variants,
)


@cache
def _fixtures() -> dict[str, SignedFixture]:
    return {fixture.name: fixture for fixture in signed_fixtures(dcc=DCC_QUICK)}


@cache
def _others() -> list[dict[str, Any]]:
    return [f.content for f in _fixtures().values() if isinstance(f.content, dict)][:3]


def _names() -> list[str]:
    return sorted(_fixtures())


def test_the_suite_covers_every_kind_of_signed_credential() -> None:
    kinds = {fixture.kind for fixture in _fixtures().values()}
    assert kinds == {"jsonld", "vc-jwt", "ob2-jws"}
    names = set(_fixtures())
    assert any(" inner " in name and name.startswith("sample_data/") for name in names)  # CLR inner credentials
    assert sum(name.startswith("sample_data/") for name in names) >= 13
    assert {"sample_data/ob3/data-ethics-privacy.png", "sample_data/ob3/exploratory-data-analysis.svg"} <= names
    assert sum(name.startswith("real_world/dcc/") for name in names) == len(DCC_QUICK)


def test_every_variant_has_a_class_and_every_class_is_tried() -> None:
    """The tally by class (scripts/tamper_suite.py) names each variant's attack; each class of issue 12 (change,
    add, remove, alias, redefined context, proof, key and issuer swaps) has variants for every kind of credential
    that can carry it."""
    seen: dict[str, set[str]] = {}
    for fixture in _fixtures().values():
        for name, _, _ in variants(fixture, others=_others()):
            seen.setdefault(fixture.kind, set()).add(variant_class(name))
    assert seen["jsonld"] == set(VARIANT_CLASSES)
    assert seen["vc-jwt"] >= {"change", "add", "remove", "proof", "key"}
    assert seen["ob2-jws"] >= {"change", "add", "remove", "proof", "key", "issuer"}


@pytest.mark.parametrize("name", _names())
def test_each_signed_credential_verifies_before_tampering(name: str) -> None:
    """Without this the suite proves nothing: a variant of a credential that never verified is trivially bad."""
    fixture = _fixtures()[name]
    report = verify_document(
        fixture.content, now=fixture.now, identities=fixture.identities, did_documents=fixture.documents
    )
    expected = "revoked" if "revoked" in name and "not-revoked" not in name else "valid"
    assert report.status.value == expected, "\n".join(f"{c.name} {c.status.value}: {c.detail}" for c in report.checks)


@pytest.mark.parametrize("name", _names())
def test_no_tampered_variant_is_valid(name: str) -> None:
    outcome = run_fixture(_fixtures()[name], others=_others(), full=False)
    assert outcome.variants > 30
    assert outcome.wrongly_valid == []
    assert all(n.startswith(NO_OP_CANDIDATES) for n in outcome.no_ops)


def test_alias_variants_keep_the_signed_graph() -> None:
    """The alias variants are the ones a signature cannot catch: they leave the N-Quads exactly as signed (all
    but an alias of `proof`, whose term makes it a graph), yet every one of them is refused."""
    from pyld import jsonld  # plain pyld, without credwallet's guards

    from credwallet.jsonld import document_loader

    def nquads(document: dict[str, Any]) -> str:
        unsecured = {k: v for k, v in document.items() if k != "proof"}
        options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader()}
        return str(jsonld.normalize(unsecured, options))

    status = {
        "id": "https://school.example/status/1#5", "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "5", "statusListCredential": "https://school.example/status/1",
    }  # fmt: skip
    base = sign_data_integrity(ob3_document(credentialStatus=status), ISSUER_KEY)
    signed = nquads(base)
    aliases = [(n, d) for n, d in jsonld_variants(base, resign=False) if n.startswith("alias ")]
    same = {n for n, d in aliases if nquads(d) == signed}
    assert len(aliases) > 100 and len(same) == len(aliases) - 1, sorted({n for n, _ in aliases} - same)
    assert {
        "alias validUntil -> IRI https://www.w3.org/2018/credentials#validUntil",
        "alias credentialStatus.statusListIndex -> new term",
        "alias issuer.id -> @id",
    } <= same
    for name, document in aliases:
        report = verify_document(document, now=NOW)
        if name.startswith("alias proof"):  # invalid, or unsigned when no proof is left where a verifier looks
            assert report.status.value in ("invalid", "unverified"), name
            continue
        assert report.status.value == "invalid", name
        assert "signed content differs from what is shown" in report.check("proof")[0].detail, name


def test_quick_selection_keeps_every_top_level_attack() -> None:
    assert is_sampled("alias validUntil -> IRI https://www.w3.org/2018/credentials#validUntil")
    assert is_sampled("remove credentialStatus")
    assert is_sampled("re-signed by the attacker, issuer kept")
    assert is_sampled("embedded issuer lists the attacker's key URL")

"""Every semantic read comes from the signed graph under its defined term, or the credential is refused
(issue 12 item 2).

Renaming a signed property to its full IRI, to a compact `cred:` IRI, or to a new context term for the same
IRI leaves the signed N-Quads identical (the proof still verifies) while a reader of the JSON key finds
nothing: an expired credential would lose its end date, a revoked one its status entry, and the issuer,
subject and dates would be read from elsewhere. Each such credential is `invalid`, saying why, for each
property the verifier reads, in VC 1.1 and VC 2.0 credentials (the same canonicalization runs online).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from credwallet.verify import verify_document
from credwallet.verify.signing import sign_data_integrity
from tests.verify.helpers import ISSUER_KEY, NOW, ob3_document
from tests.verify.tamper_variants import _Contexts, _expanded_value

CRED = "https://www.w3.org/2018/credentials#"
DCC_V1 = (
    Path(__file__).resolve().parents[1]
    / "real_world/dcc/verifiableCredentials/v1/ed25519/didKey/oidf-revokedStatus-expired.json"
)
STATUS = {
    "id": "https://school.example/status/1#5", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
    "statusListIndex": "5", "statusListCredential": "https://school.example/status/1",
}  # fmt: skip
# The properties the verifier reads (issuer, subject and recipient, dates, status), by data-model version.
V2_TERMS = ("validUntil", "validFrom", "credentialStatus", "issuer", "credentialSubject")
V1_TERMS = ("expirationDate", "issuanceDate", "credentialStatus", "issuer", "credentialSubject")


def _v2() -> dict[str, Any]:
    """A signed VC 2.0 credential, expired at the test clock, with a status entry."""
    expired = ob3_document(credentialStatus=STATUS, validUntil="2025-03-01T00:00:00Z")
    return sign_data_integrity(expired, ISSUER_KEY)


def _v1() -> dict[str, Any]:
    """The DCC's real VC 1.1 credential (Ed25519Signature2020 by its issuer's did:key), expired and revoked."""
    document: dict[str, Any] = json.loads(DCC_V1.read_text(encoding="utf-8"))
    return document


def _aliased(document: dict[str, Any], term: str, form: str) -> dict[str, Any]:
    """`document` with the top-level `term` renamed to its full IRI, a `cred:` compact IRI or a new term,
    its value written so that the RDF is unchanged."""
    definition = _Contexts(document).definition((), term)
    assert definition is not None and definition["@id"] == CRED + term
    value = document[term]
    copied = copy.deepcopy(document)
    del copied[term]
    contexts = copied["@context"]
    if form == "new term":
        alias = {k: v for k, v in definition.items() if k in ("@id", "@type", "@context")}
        copied["tamperAlias"] = value
        copied["@context"] = [*contexts, {"tamperAlias": alias}]
        return copied
    written = _expanded_value(value, definition)
    assert written is not None
    if form == "IRI":
        copied[CRED + term] = written
    else:
        copied["cred:" + term] = written
        copied["@context"] = [*contexts, {"cred": CRED}]
    return copied


def _unsecured_nquads(document: dict[str, Any]) -> str:
    from pyld import jsonld  # plain pyld, without credwallet's term rules

    from credwallet.jsonld import document_loader

    unsecured = {k: v for k, v in document.items() if k != "proof"}
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader()}
    return str(jsonld.normalize(unsecured, options))


CASES = [(version, term, form) for version, terms in (("v2", V2_TERMS), ("v1", V1_TERMS)) for term in terms
         for form in ("IRI", "cred:", "new term")]  # fmt: skip


@pytest.mark.parametrize(("version", "term", "form"), CASES, ids=[f"{v}-{t}-{f}" for v, t, f in CASES])
def test_an_aliased_property_the_verifier_reads_is_refused(version: str, term: str, form: str) -> None:
    base = _v2() if version == "v2" else _v1()
    forged = _aliased(base, term, form)
    assert _unsecured_nquads(forged) == _unsecured_nquads(base)  # the signature cannot tell them apart
    report = verify_document(forged, now=NOW)
    assert report.status.value == "invalid", [(c.name, c.detail) for c in report.checks]
    [proof, *_] = report.check("proof")
    assert "signed content differs from what is shown" in proof.detail
    assert term in proof.detail or "tamperAlias" in proof.detail or CRED in proof.detail


def test_the_unaliased_credentials_show_what_they_are() -> None:
    """Without the alias the dates and status are read: the VC 2.0 one is expired, the DCC one too."""
    assert verify_document(_v2(), now=NOW).status.value in ("expired", "unverified")
    assert verify_document(_v1(), now=NOW).status.value == "expired"

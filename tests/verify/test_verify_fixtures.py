"""Every signed credential in ../shared/fixtures/external gets the verdict its SOURCES.md predicts.

SOURCES.md reports whether each *signature* is mathematically valid ("RUN: VALID" means valid for the key
in the verification method, "not the issuer is authenticated"). credwallet adds the key-binding rule, so the
status column is stricter: a hosted or did:web key is `unverified` offline, a did:key that is not the
issuer's is `invalid`. Both the proof verdicts and the resulting status are pinned here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from credwallet.model import CredentialFormat, Status
from credwallet.verify import verify_credential
from credwallet.verify.jose import decode_unverified
from tests.verify.conftest import read_fixture
from tests.verify.helpers import NOW, credential, details, statuses

U, BAD, V, E, R = Status.UNVERIFIED, Status.INVALID, Status.VALID, Status.EXPIRED, Status.REVOKED

# path: (proof check statuses, status offline with the served documents, why)
TABLE: dict[str, tuple[list[str], Status, str]] = {
    "ob3/1edtech-validator/simple.json": (
        ["passed"],
        U,
        "hosted key https://example.com/issuers/876543#z6Mk…",
    ),
    "ob3/1edtech-validator/simple.1ob": (["passed"], U, "same content as simple.json"),
    "ob3/1edtech-validator/simple_v1.json": (["passed"], U, "Ed25519Signature2020, hosted key"),
    "ob3/1edtech-validator/simple-did-key-method.json": (
        ["passed"],
        BAD,
        "did:key is not the urn:uuid issuer",
    ),
    "ob3/1edtech-validator/simple-did-web-method.json": (["passed"], U, "single proof object; hosted key"),
    "ob3/1edtech-validator/simple-eddsa-2022.json": (["passed"], U, "legacy suite name eddsa-2022"),
    "ob3/1edtech-validator/simple-multiple-proofs.json": (
        ["skipped", "passed"],
        U,
        "SomeProofType reported, not counted",
    ),
    "ob3/1edtech-validator/simple-noproof.json": (["skipped"], U, "no proof"),
    "ob3/1edtech-validator/simple-context-alias.json": (["passed"], U, "hosted key"),
    "ob3/1edtech-validator/simple-context-version.json": (["passed"], U, "context 3.0.2, hosted key"),
    "ob3/1edtech-validator/complete.json": (["passed"], U, "hosted key; 1EdTechRevocationList offline"),
    "ob3/1edtech-validator/complete_v1.json": (["skipped"], E, "key #key-1 unpublished; expired 2020"),
    "ob3/1edtech-validator/credential-status-revoked.json": (
        ["passed"],
        U,
        "did:web key; revocation list online",
    ),
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json": (
        ["passed"],
        R,
        "bit 23 set in testlist",
    ),
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked-blank-nodes.json": (
        ["passed"],
        R,
        "bit 23",
    ),
    "ob3/1edtech-validator/sd/derivedcredential.json": (["skipped"], U, "ecdsa-sd-2023 not supported"),
    "ob3/1edtech-validator/endorsement-valid.json": (["passed"], U, "hosted key"),
    "ob3/1edtech-validator/simple.jwt": (
        ["skipped"],
        U,
        "no kid/jwk (cannot resolve key); draft context: a conformance warning (JWT signs the JSON)",
    ),
    "ob3/1edtech-validator/velocity.jwt": (["skipped"], BAD, "kid did:velocity is not the did:web issuer"),
    "ob3/1edtech-spec/ldp-test-vector-signed-ob.json": (["passed"], U, "1EdTech test key, hosted"),
    "ob3/1edtech-spec/examples/complete-openbadgecredential.json": (
        ["skipped"],
        U,
        "unsigned (only endorsements are)",
    ),
    "clr/1edtech-spec/ldp-test-vector-signed-clr.json": (["passed"], U, "1EdTech test key, hosted"),
    "clr/1edtech-validator/complex.json": (["passed"], BAD, "did:key is not the urn:uuid issuer"),
    "clr/1edtech-validator/simple.json": (["passed"], U, "hosted key"),
    "clr/1edtech-validator/simple_v1.json": (["passed"], U, "urn:uuid key id cannot be resolved"),
    "clr/1edtech-validator/simple.jwt": (
        ["passed"],
        U,
        "signature valid with header jwk (not bound to the issuer); draft CLR context: conformance",
    ),
    "clr/1edtech-validator/simple_old_safesigned.json": (["skipped"], U, "needs the draft CLR context"),
    "clr/1edtech-validator/simple-noproof.json": (["skipped"], U, "no proof"),
    "ob2/1edtech-validator/simple.jwt": (["passed"], V, "RS256, key1 listed by the issuer"),
    "ob2/1edtech-validator/simple-not-revoked.jwt": (["passed"], V, "RS256, empty revocation list"),
    "ob2/1edtech-validator/simple-revoked.jwt": (["passed"], R, "listed in revocation-list.json"),
    "ob2/1edtech-spec/signed-assertion-example.jws": (
        ["skipped"],
        BAD,
        "its creator https://example.org/publicKey is not in the served issuer profile's publicKey",
    ),
    "hostile/ob3-1edtech-validator/simple-err-proof-value.json": (["failed"], BAD, "tampered proofValue"),
    "hostile/ob3-1edtech-validator/simple-err-issued.json": (["passed"], BAD, "validFrom 2040"),
    "hostile/ob3-1edtech-validator/simple-err-expired.json": (["passed"], E, "validUntil 2010"),
    "hostile/ob3-1edtech-validator/simple-err-context.json": (["failed"], BAD, "no VC context: DATA_LOSS"),
    "hostile/ob3-1edtech-validator/simple-err-type.json": (["failed"], BAD, "signature invalid"),
    "hostile/ob3-1edtech-validator/simple-err-issuer.json": (["passed"], BAD, "issuer removed"),
    "hostile/ob3-1edtech-validator/simple-err-proof-method.json": (["failed"], BAD, "garbage in the key"),
    "hostile/ob3-1edtech-validator/simple-err-proof-method-no-scheme.json": (["failed"], BAD, "not a URI"),
    "hostile/ob3-1edtech-validator/simple-err-proof-method-unknown-scheme.json": (
        ["failed"],
        BAD,
        "xxx: scheme",
    ),
    "hostile/ob3-1edtech-validator/simple-err-proof-method-unknown-did-method.json": (
        ["skipped"],
        BAD,
        "did:example",
    ),
    "hostile/ob3-1edtech-validator/simple-err-credential-subject-type.json": (["failed"], BAD, "DATA_LOSS"),
    "hostile/ob3-1edtech-validator/endorsement-err-schema-status-refresh.json": (
        ["failed"],
        BAD,
        "signature invalid",
    ),
}


def _credential_for(path: Path, content: Any) -> Any:
    if isinstance(content, str):
        payload = decode_unverified(content)[1]
        if path.parts[-3] == "ob2":
            return credential(payload, fmt=CredentialFormat.OB2_SIGNED, token=content)
        document = payload.get("vc", payload)
        fmt = CredentialFormat.CLR if "ClrCredential" in document.get("type", []) else CredentialFormat.OB3_JWT
        return credential(document, fmt=fmt, token=content)
    types = content.get("type", [])
    fmt = CredentialFormat.CLR if "ClrCredential" in types else CredentialFormat.OB3
    return credential(content, fmt=fmt)


@pytest.mark.parametrize("relative", sorted(TABLE))
def test_fixture_verdict(external: Path, served_documents: dict[str, Any], relative: str) -> None:
    proofs, expected, why = TABLE[relative]
    path = external / relative
    report = verify_credential(
        _credential_for(path, read_fixture(path)), identities=[], now=NOW, did_documents=served_documents
    )
    assert statuses(report, "proof") == proofs, f"{why}: {details(report)}"
    assert report.status is expected, f"{why}: {details(report)}"


def test_status_lists_are_offline_without_their_documents(external: Path) -> None:
    """Without the served list, a revocation entry is reported as skipped (offline), not as revoked."""
    path = external / "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json"
    report = verify_credential(_credential_for(path, read_fixture(path)), identities=[], now=NOW)
    assert report.status is Status.UNVERIFIED
    (status,) = report.check("status")
    assert status.status.value == "skipped" and status.detail.startswith("skipped (offline)")
    assert "index 23" in status.detail


def test_signed_ob2_without_documents_is_unverified_with_a_reason(external: Path) -> None:
    path = external / "ob2/1edtech-validator/simple.jwt"
    report = verify_credential(_credential_for(path, read_fixture(path)), identities=[], now=NOW)
    assert report.status is Status.UNVERIFIED
    assert "run with --online" in report.check("proof")[0].detail


def test_every_signed_fixture_is_in_the_table(external: Path) -> None:
    """A new signed fixture must get a row (and a reasoned verdict) here."""
    found = set()
    for path in external.rglob("*"):
        if path.suffix not in (".json", ".jwt", ".jws", ".1ob") or not path.is_file():
            continue
        relative = path.relative_to(external).as_posix()
        if path.suffix in (".jwt", ".jws") or '"proof"' in path.read_text(encoding="utf-8", errors="replace"):
            found.add(relative)
    ignored = {p for p in found if p.startswith(("vc-di-eddsa/", "contexts/", "schemas/"))}
    ignored |= {"ob3/1edtech-validator/bit-string-list/testlist"}
    missing = sorted(found - ignored - set(TABLE))
    assert not missing, missing

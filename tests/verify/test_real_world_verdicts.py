"""Verdicts on real public credentials, each with the verdict a careful verifier reaches (issue 13).

The Digital Credentials Consortium's vc-test-fixtures (each file is named for what it is: registry, status,
expiry), checked offline and with their status lists and DID documents served from a folder (`--documents`,
as the DCC publishes them); the Learner Credential Wallet's mock credentials; LearnCard's CLR fixtures; the
edubadges OB 3.0 examples. Where each file comes from: tests/real_world/SOURCES.md.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.model import CredentialFormat, Status
from credwallet.online import verify_online
from credwallet.online.fetchers import DirectoryFetcher
from credwallet.verify import verify_credential
from credwallet.verify.report import CheckKind, CheckStatus

REAL = Path(__file__).resolve().parents[1] / "real_world"
DCC = REAL / "dcc"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
V, BAD, E, R, U = Status.VALID, Status.INVALID, Status.EXPIRED, Status.REVOKED, Status.UNVERIFIED

# file under dcc/verifiableCredentials: (offline, with the status lists and DID documents served).
# Offline, did:web keys and status lists are unverified (nothing fetched); served, the file name's promise
# holds: revokedStatus => revoked (even when also expired: worst first), validStatus/noStatus => valid,
# expired => expired, tampered => invalid, a list that is expired / not yet valid / untyped / tampered =>
# unverified. One name is wrong upstream: v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json
# has validUntil 2010-01-02 (expired offline, revoked when its list is served).
DCC_TABLE: dict[str, tuple[Status, Status]] = {
    "v1/bothSignatureTypes/didKey/fourRegistry-noStatus-noExpiry.json": (V, V),
    "v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry-basicOBv3.json": (V, V),
    "v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry.json": (V, V),
    "v1/bothSignatureTypes/didKey/mixedRegistry-validStatus-noExpiry.json": (U, V),
    "v1/bothSignatureTypes/didKey/noRegistry-noStatus-noExpiry.json": (V, V),
    "v1/bothSignatureTypes/didKey/oidf-noStatus-expired.json": (E, E),
    "v1/bothSignatureTypes/didKey/oidf-noStatus-noExpiry.json": (V, V),
    "v1/bothSignatureTypes/didKey/oidf-revokedStatus-expired.json": (E, R),
    "v1/bothSignatureTypes/didWeb/legacy-noStatus-noExpiry.json": (U, V),
    "v1/bothSignatureTypes/didWeb/legacy-revokedStaus-noExpiry.json": (U, R),
    "v1/bothSignatureTypes/didWeb/legacy-validStatus-noExpiry.json": (U, V),
    "v1/bothSignatureTypes/didWeb/oidf-noStatus-noExpiry.json": (U, V),
    "v1/bothSignatureTypes/didWeb/oidf-revokedStatus-noExpiry.json": (U, R),
    "v1/bothSignatureTypes/didWeb/oidf-validStatus-noExpiry.json": (U, V),
    "v1/dataIntegrityProof/didKey/fourRegistry-noStatus-noExpiry.json": (V, V),
    "v1/dataIntegrityProof/didKey/legacy-noStatus-noExpiry.json": (V, V),
    "v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json": (V, V),
    "v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json": (V, V),
    "v1/dataIntegrityProof/didKey/mixedRegistry-validStatus-noExpiry.json": (U, V),
    "v1/dataIntegrityProof/didKey/noRegistry-noStatus-noExpiry.json": (V, V),
    "v1/dataIntegrityProof/didKey/oidf-noStatus-expired.json": (E, E),
    "v1/dataIntegrityProof/didKey/oidf-noStatus-noExpiry.json": (V, V),
    "v1/dataIntegrityProof/didKey/oidf-revokedStatus-expired.json": (E, R),
    "v1/dataIntegrityProof/didWeb/legacy-noStatus-noExpiry.json": (U, V),
    "v1/dataIntegrityProof/didWeb/legacy-revokedStatus-noExpiry.json": (U, R),
    "v1/dataIntegrityProof/didWeb/legacy-validStatus-noExpiry.json": (U, V),
    "v1/dataIntegrityProof/didWeb/oidf-noStatus-noExpiry.json": (U, V),
    "v1/dataIntegrityProof/didWeb/oidf-revokedStatus-noExpiry.json": (U, R),
    "v1/dataIntegrityProof/didWeb/oidf-validStatus-noExpiry.json": (U, V),
    "v1/ed25519/didKey/fourRegistry-noStatus-noExpiry.json": (V, V),
    "v1/ed25519/didKey/legacy-noStatus-expired.json": (E, E),
    "v1/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json": (V, V),
    "v1/ed25519/didKey/legacyRegistry-noStatus-noExpiry-issuerImageId.json": (V, V),
    "v1/ed25519/didKey/mixedRegistry-validStatus-noExpiry.json": (U, V),
    "v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json": (V, V),
    "v1/ed25519/didKey/oidf-noStatus-expired.json": (E, E),
    "v1/ed25519/didKey/oidf-noStatus-noExpiry.json": (V, V),
    "v1/ed25519/didKey/oidf-revokedStatus-expired.json": (E, R),
    "v1/ed25519/didWeb/legacy-noStatus-noExpiry.json": (U, V),
    "v1/ed25519/didWeb/legacy-revokedStatus-noExpiry.json": (U, R),
    "v1/ed25519/didWeb/legacy-validStatus-noExpiry.json": (U, V),
    "v1/ed25519/didWeb/oidf-noStatus-noExpiry.json": (U, V),
    "v1/ed25519/didWeb/oidf-revokedStatus-noExpiry.json": (U, R),
    "v1/ed25519/didWeb/oidf-validStatus-noExpiry.json": (U, V),
    "v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry-nonOBWithOBContext.json": (V, V),
    "v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json": (V, V),
    "v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement-withSchema.json": (V, V),
    "v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement.json": (V, V),
    "v2/bothSignatureTypes/didkey/noRegistry-revokedStatus-expired.json": (E, R),
    "v2/bothSignatureTypes/didkey/noRegistry-revokedStatus-notExpired.json": (U, R),
    "v2/bothSignatureTypes/didkey/oidf-revokedStatus-noExpiry.json": (U, R),
    "v2/bothSignatureTypes/didweb/legacy-revokedStatus-expired.json": (E, R),
    "v2/bothSignatureTypes/didweb/legacy-revokedStatus-noExpiry.json": (U, R),
    "v2/bothSignatureTypes/didweb/oidf-noStatus-notExpired.json": (U, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus- noExpiry-credSubjName.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-achievementTypeExample.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credName.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credSubjName.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json": (V, V),
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-notExpired-withSchema.json": (V, V),
    "v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json": (E, R),
    "v2/dataIntegrityProof/didKey/noRegsitry-revokedStatus-notExpired.json": (U, R),
    "v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json": (V, V),
    "v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-notYetValid.json": (BAD, BAD),
    "v2/dataIntegrityProof/didKey/oidf-revokedStatus-noExpiry.json": (U, R),
    "v2/dataIntegrityProof/didKey/twoOIDF-validStatus-expired.json": (E, E),
    "v2/dataIntegrityProof/didweb/legacy-revokedStatus-expired.json": (E, R),
    "v2/dataIntegrityProof/didweb/legacy-revokedStatus-noExpiry.json": (U, R),
    "v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json": (U, V),
    "v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json": (U, U),
    "v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json": (U, U),
    "v2/ed25519/didKey/legacy-noStatus-expired.json": (E, E),
    "v2/ed25519/didKey/legacy-noStatus-noExpiry-lcwExperience.json": (V, V),
    "v2/ed25519/didKey/legacy-noStatus-noExpiry-stringIssuerId.json": (V, V),
    "v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json": (BAD, BAD),
    "v2/ed25519/didKey/legacy-noStatus-noExpiry.json": (V, V),
    "v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json": (U, U),
    "v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json": (U, U),
    "v2/ed25519/didKey/noRegistry-revokedStatus-expired.json": (E, R),
    "v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json": (U, R),
    "v2/ed25519/didKey/oidf-revokedStatus-noExpiry.json": (U, R),
    "v2/ed25519/didWeb/badDidWeb.json": (U, U),
    "v2/ed25519/didWeb/legacy-revokedStatus-expired.json": (E, R),
    "v2/ed25519/didWeb/legacy-revokedStatus-noExpiry.json": (U, R),
    "v2/ed25519/didWeb/oidf-noStatus-notExpired.json": (U, V),
}


def served_documents(root: Path) -> Path:
    """The DCC's status lists and DID documents at the addresses the credentials name (`--documents` layout)."""
    site = root / "digitalcredentials.github.io" / "vc-test-fixtures"
    shutil.copytree(DCC / "statusLists", site / "statusLists")
    shutil.copytree(DCC / "dids", site / "dids")
    raw = root / "raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status"
    raw.mkdir(parents=True)
    shutil.copy(DCC / "verifier-core-status" / "e5WK8CbZ1GjycuPombrj", raw)
    return root


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> DirectoryFetcher:
    return DirectoryFetcher(served_documents(tmp_path_factory.mktemp("dcc-documents")))


def why(report: object) -> str:
    return " | ".join(f"{c.name}:{c.status.value}:{c.detail}" for c in report.checks)  # type: ignore[attr-defined]


@pytest.mark.parametrize("relative", sorted(DCC_TABLE))
def test_dcc_fixture_verdicts(relative: str, documents: DirectoryFetcher) -> None:
    offline, served = DCC_TABLE[relative]
    path = DCC / "verifiableCredentials" / relative
    [credential] = parse_bytes(path.read_bytes(), source=relative)
    alone = verify_credential(credential, identities=[], now=NOW)
    assert alone.status is offline, why(alone)
    [online] = verify_online([credential], documents, identities=[], now=NOW).reports
    assert online.status is served, why(online)


def test_every_dcc_fixture_has_a_row() -> None:
    found = {
        p.relative_to(DCC / "verifiableCredentials").as_posix() for p in (DCC / "verifiableCredentials").rglob("*.json")
    }
    assert found - set(DCC_TABLE) == {
        "v1/ed25519/didKey/legacy-noStatus-noExpiry.json",  # empty upstream
        "v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json",
    }


def test_a_genuine_dcc_credential_the_schema_disagrees_with_is_valid_with_warnings_and_paths() -> None:
    """Signed with eddsa-rdfc-2022 and Ed25519Signature2020 by its issuer's did:key; the 1EdTech schema objects
    to `credentialSubject.name` and a string `issuer.image`: conformance warnings, never the verdict."""
    path = DCC / "verifiableCredentials/v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry.json"
    [credential] = parse_bytes(path.read_bytes(), source=path.name)
    report = verify_credential(credential, identities=[], now=NOW)
    assert report.status is V, why(report)
    assert [c.status for c in report.check("proof")] == [CheckStatus.PASSED, CheckStatus.PASSED]
    warnings = [c.detail for c in report.checks if c.kind is CheckKind.CONFORMANCE and c.warning]
    assert any(w.startswith("schema: $.credentialSubject:") and "'name'" in w for w in warnings), warnings
    assert any(w.startswith("schema: $.issuer.image:") for w in warnings), warnings
    strict = verify_credential(credential, identities=[], now=NOW, strict=True)
    assert strict.status is BAD


def test_an_expired_dcc_credential_with_schema_opinions_is_expired() -> None:
    path = DCC / "verifiableCredentials/v1/ed25519/didKey/legacy-noStatus-expired.json"
    [credential] = parse_bytes(path.read_bytes(), source=path.name)
    assert credential.schema_errors
    assert verify_credential(credential, identities=[], now=NOW).status is E


@pytest.mark.parametrize(
    ("relative", "reason"),
    [
        ("v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json", "the list itself is not valid now"),
        ("v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json", "the list itself is not valid now"),
        ("v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json", "not a BitstringStatusListCredential"),
        ("v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json", "signature does not match"),
    ],
)
def test_a_status_list_that_cannot_be_trusted_says_why(relative: str, reason: str, documents: DirectoryFetcher) -> None:
    [credential] = parse_bytes((DCC / "verifiableCredentials" / relative).read_bytes(), source=relative)
    [report] = verify_online([credential], documents, identities=[], now=NOW).reports
    assert report.status is U
    [status] = report.check("status")
    assert "cannot be trusted" in status.detail and reason in status.detail, status.detail


def test_the_empty_dcc_file_is_refused_with_one_line() -> None:
    from credwallet.errors import InputError

    with pytest.raises(InputError, match="file is empty"):
        parse_bytes(
            (DCC / "verifiableCredentials/v1/ed25519/didKey/legacy-noStatus-noExpiry.json").read_bytes(), source="x"
        )


def test_lcw_mock_credential_is_a_vc_typed_assertion_and_its_signature_verifies() -> None:
    """VC 1.1 with type [VerifiableCredential, Assertion] and the dcc context: a credential, not a broken OB 2.0
    assertion; its proof checks offline (dcc/v1 is bundled); its StatusList2021 list is not at hand."""
    path = REAL / "lcw" / "mock-credential.json"
    [credential] = parse_bytes(path.read_bytes(), source=path.name)
    assert credential.format is CredentialFormat.OB3
    report = verify_credential(credential, identities=[], now=NOW)
    assert [c.status for c in report.check("proof")] == [CheckStatus.PASSED]
    assert report.status is E  # expirationDate 2025-08-16: expired, whatever its status list says


@pytest.mark.parametrize(
    "name", ["competency-aligned", "minimal", "multi-achievement", "university-transcript", "westbridge-full"]
)
def test_learncard_clr_fixtures_import_and_are_unverified_unsigned(name: str) -> None:
    path = REAL / "learncard" / f"{name}.json"
    credentials = parse_bytes(path.read_bytes(), source=path.name)
    assert credentials and all(c.name for c in credentials)
    for credential in credentials:
        report = verify_credential(credential, identities=[], now=NOW)
        assert report.status is U, why(report)
        assert any("no proof" in c.detail for c in report.check("proof")), why(report)


@pytest.mark.parametrize(
    "name", ["theed_microcredential_minimal_ho", "theed_regular_full_ho", "uvh_at_microcredential_full_1"]
)
def test_edubadges_examples_import_with_their_context_and_are_unverified_unsigned(name: str) -> None:
    path = REAL / "edubadges" / f"{name}.json"
    [credential] = parse_bytes(path.read_bytes(), source=path.name)
    assert credential.extension["unknown_contexts"] == []  # the edubadges context is bundled
    report = verify_credential(credential, identities=[], now=NOW)
    assert report.status is U and "no proof" in report.check("proof")[0].detail

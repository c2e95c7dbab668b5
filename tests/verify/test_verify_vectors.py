"""The W3C vc-di-eddsa test vectors: intermediate values byte for byte, proofs valid, tampers invalid."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from credwallet.model import Status
from credwallet.verify import verify_credential
from credwallet.verify.canon import canonicalize
from credwallet.verify.signing import ed25519_key_from_multibase, sign_data_integrity
from tests.verify.helpers import NOW, credential, details, statuses

# (folder, suffix, signed file): the three suites of the W3C vectors.
SUITES = [
    ("eddsa-rdfc-2022", "DataInt", "signedDataInt.json"),
    ("eddsa-jcs-2022", "JCS", "signedJCS.json"),
    ("Ed25519Signature2020", "EdSig", "signedEdSig.json"),
]
VC_EXAMPLE_ISSUER = "https://vc.example/issuers/5678"


def vectors(external: Path) -> Path:
    return external / "vc-di-eddsa"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def issuer_document(*method_ids: str) -> dict[str, Any]:
    """A controller document for the vectors' https issuer authorizing their did:key methods."""
    return {VC_EXAMPLE_ISSUER: {"id": VC_EXAMPLE_ISSUER, "assertionMethod": list(method_ids)}}


def method_ids(document: dict[str, Any]) -> list[str]:
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    return [p["verificationMethod"] for p in proofs]


@pytest.mark.parametrize(("folder", "suffix", "signed"), SUITES)
def test_intermediate_values_match_byte_for_byte(external: Path, folder: str, suffix: str, signed: str) -> None:
    base = vectors(external) / folder
    document = load(base / signed)
    proof = document.pop("proof")
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    config["@context"] = document["@context"]
    if folder == "eddsa-jcs-2022":
        import rfc8785

        canonical_document, canonical_config = rfc8785.dumps(document), rfc8785.dumps(config)
    else:
        canonical_document = canonicalize(document).encode()
        canonical_config = canonicalize(config).encode()
    assert canonical_document == (base / f"canonDoc{suffix}.txt").read_bytes()
    assert canonical_config == (base / f"proofCanon{suffix}.txt").read_bytes()
    assert hashlib.sha256(canonical_document).hexdigest() == (base / f"docHash{suffix}.txt").read_text().strip()
    assert hashlib.sha256(canonical_config).hexdigest() == (base / f"proofHash{suffix}.txt").read_text().strip()


@pytest.mark.parametrize(("folder", "suffix", "signed"), SUITES)
def test_vector_verifies(external: Path, folder: str, suffix: str, signed: str) -> None:
    document = load(vectors(external) / folder / signed)
    report = verify_credential(
        credential(document), identities=[], now=NOW, did_documents=issuer_document(*method_ids(document))
    )
    assert report.status is Status.VALID, details(report)
    assert statuses(report, "proof") == ["passed"]
    assert statuses(report, "key") == ["passed"]


@pytest.mark.parametrize(("folder", "suffix", "signed"), SUITES)
def test_vector_key_not_authorized_by_issuer_is_invalid(external: Path, folder: str, suffix: str, signed: str) -> None:
    """The vectors' issuer is an https URL but the key a did:key: without the issuer's word, not its key."""
    document = load(vectors(external) / folder / signed)
    report = verify_credential(credential(document), identities=[], now=NOW)
    assert statuses(report, "proof") == ["passed"]
    assert statuses(report, "key") == ["failed"]
    assert "key not controlled by issuer" in report.check("key")[0].detail
    assert report.status is Status.INVALID


TAMPERS = {
    "name": lambda d: d.__setitem__("name", "Alumni Credential (forged)"),
    "subject": lambda d: d["credentialSubject"].__setitem__("alumniOf", "The School of Forgery"),
    "validFrom": lambda d: d.__setitem__("validFrom", "2023-01-02T00:00:00Z"),
    "issuer": lambda d: d.__setitem__("issuer", "https://vc.example/issuers/9999"),
    "proof created": lambda d: d["proof"].__setitem__("created", "2023-02-24T23:36:39Z"),
    "proof value": lambda d: d["proof"].__setitem__("proofValue", d["proof"]["proofValue"][:-2] + "zz"),
}


@pytest.mark.parametrize(("folder", "suffix", "signed"), SUITES)
@pytest.mark.parametrize("tamper", sorted(TAMPERS))
def test_vector_with_one_signed_field_changed_is_invalid(
    external: Path, folder: str, suffix: str, signed: str, tamper: str
) -> None:
    document = load(vectors(external) / folder / signed)
    authorizing = issuer_document(
        *method_ids(document),
    )
    authorizing["https://vc.example/issuers/9999"] = authorizing[VC_EXAMPLE_ISSUER] | {
        "id": "https://vc.example/issuers/9999"
    }
    TAMPERS[tamper](document)
    report = verify_credential(credential(document), identities=[], now=NOW, did_documents=authorizing)
    assert statuses(report, "proof") == ["failed"], details(report)
    assert report.status is Status.INVALID


def test_signing_helper_reproduces_the_vectors(external: Path) -> None:
    """Ed25519 is deterministic: our signer with the vector key must give the vector's proofValue."""
    key = ed25519_key_from_multibase(load(vectors(external) / "keyPair.json")["privateKeyMultibase"])
    unsigned = load(vectors(external) / "unsigned.json")
    rdfc = sign_data_integrity(unsigned, key, created="2023-02-24T23:36:38Z")
    assert (
        rdfc["proof"]["proofValue"]
        == load(vectors(external) / "eddsa-rdfc-2022" / "signedDataInt.json")["proof"]["proofValue"]
    )
    jcs = sign_data_integrity(
        unsigned,
        key,
        created="2023-02-24T23:36:38Z",
        cryptosuite="eddsa-jcs-2022",
        proof_options={"@context": unsigned["@context"]},
    )
    assert (
        jcs["proof"]["proofValue"]
        == load(vectors(external) / "eddsa-jcs-2022" / "signedJCS.json")["proof"]["proofValue"]
    )


@pytest.mark.parametrize(
    ("name", "proofs"),
    [
        ("signedProofSet1.json", 1),
        ("signedProofSet2.json", 2),
        ("signedProofChain1.json", 3),
        ("signedProofChain2.json", 4),
    ],
)
def test_proof_sets_and_chains_report_every_proof(external: Path, name: str, proofs: int) -> None:
    document = load(vectors(external) / "proof-set-chain" / name)
    report = verify_credential(
        credential(document), identities=[], now=NOW, did_documents=issuer_document(*method_ids(document))
    )
    assert statuses(report, "proof") == ["passed"] * proofs, details(report)
    assert statuses(report, "key") == ["passed"] * proofs
    assert report.status is Status.VALID


def test_chain_breaks_when_a_previous_proof_is_altered(external: Path) -> None:
    document = load(vectors(external) / "proof-set-chain" / "signedProofChain1.json")
    first = document["proof"][0]
    first["created"] = "2023-02-24T23:36:39Z"  # invalidates proof 1 and, through previousProof, proof 3
    report = verify_credential(credential(document), identities=[], now=NOW)
    assert statuses(report, "proof") == ["failed", "passed", "failed"], details(report)
    assert report.status is Status.INVALID


def test_intermediate_chain_document_without_its_previous_proof_fails(external: Path) -> None:
    document = load(vectors(external) / "proof-set-chain" / "proofChainTempDoc2.json")
    report = verify_credential(credential(document), identities=[], now=NOW)
    assert "previousProof" in report.check("proof")[0].detail
    assert report.status is Status.INVALID


def test_unbundled_context_vector_is_unverified_naming_the_url(external: Path) -> None:
    document = load(vectors(external) / "eddsa-rdfc-2022" / "employ" / "signedDataInt.json")
    document["@context"] = [*document["@context"], "https://contexts.example/not-bundled/v1"]
    report = verify_credential(credential(copy.deepcopy(document)), identities=[], now=NOW)
    assert report.status is not Status.VALID  # (invalid: the issuer is not the did:key that signed)
    (proof,) = report.check("proof")
    assert proof.status.value == "skipped" and "https://contexts.example/not-bundled/v1" in proof.detail

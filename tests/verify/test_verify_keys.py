"""Base58 / multibase / did:key decoding and key binding through DID documents."""

from __future__ import annotations

from typing import Any

import pytest

from credwallet.model import Status
from credwallet.verify import verify_credential
from credwallet.verify.keys import KeyMaterialError, from_jwk, parse_did_key
from credwallet.verify.multibase import MultibaseError, b58decode, b58encode, decode_multikey
from credwallet.verify.signing import did_key, public_jwk, sign_data_integrity
from tests.verify.helpers import ISSUER_KEY, NOW, credential, details, ob3_document, statuses

# draft-msporny-base58-03 test vectors, plus leading-zero cases.
BASE58 = [
    (b"Hello World!", "2NEpo7TZRRrLZSi2U"),
    (
        b"The quick brown fox jumps over the lazy dog.",
        "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
    ),
    (bytes.fromhex("0000287fb4cd"), "11233QC4"),
    (b"", ""),
    (b"\0", "1"),
]


@pytest.mark.parametrize(("raw", "text"), BASE58)
def test_base58_vectors(raw: bytes, text: str) -> None:
    assert b58encode(raw) == text
    assert b58decode(text) == raw


@pytest.mark.parametrize("bad", ["0OIl", "abc!", "1" * 5000])
def test_base58_rejects_bad_text(bad: str) -> None:
    with pytest.raises(MultibaseError):
        b58decode(bad)


def test_did_key_vectors() -> None:
    """The W3C did:key spec's Ed25519 and P-256 examples decode to keys of the right kind and round-trip."""
    ed = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
    p256 = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"
    from credwallet.verify.keys import did_key_of

    for did, kind in ((ed, "Ed25519"), (p256, "P-256")):
        key = parse_did_key(did)
        assert key.kind == kind
        assert did_key_of(key) == did
        assert parse_did_key(f"{did}#{did[8:]}") == key
    assert decode_multikey(ed[8:])[0] == "Ed25519"


@pytest.mark.parametrize(
    "did",
    [
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkOther",
        "did:key:abc",
        "did:key:z6Mk",
        "did:key:zQ3s",
    ],
)
def test_malformed_did_keys_are_rejected(did: str) -> None:
    with pytest.raises(KeyMaterialError):
        parse_did_key(did)


@pytest.mark.parametrize(
    "jwk",
    [
        {"kty": "oct", "k": "c2VjcmV0"},
        {"kty": "RSA", "n": "AQAB", "e": "AQAB"},
        {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"},
        "x",
    ],
)
def test_unusable_jwks_are_rejected(jwk: Any) -> None:
    with pytest.raises(KeyMaterialError):
        from_jwk(jwk)


def test_signing_helper_did_key_matches_the_public_jwk() -> None:
    assert parse_did_key(did_key(ISSUER_KEY)).jwk == public_jwk(ISSUER_KEY)


WEB_DID = "did:web:school.example"


def did_web_document(relation: list[Any], *, key: Any = ISSUER_KEY) -> dict[str, Any]:
    return {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": WEB_DID,
        "verificationMethod": [
            {
                "id": f"{WEB_DID}#key-1",
                "type": "Multikey",
                "controller": WEB_DID,
                "publicKeyMultibase": did_key(key)[len("did:key:") :],
            },
            {
                "id": f"{WEB_DID}#key-2",
                "type": "JsonWebKey",
                "controller": WEB_DID,
                "publicKeyJwk": public_jwk(key),
            },
        ],
        "assertionMethod": relation,
    }


def did_web_credential(method: str) -> Any:
    return credential(sign_data_integrity(ob3_document(WEB_DID), ISSUER_KEY, verification_method=method))


def test_did_web_offline_is_unverified_with_the_reason() -> None:
    report = verify_credential(did_web_credential(f"{WEB_DID}#key-1"), identities=[], now=NOW)
    assert report.status is Status.UNVERIFIED
    assert report.check("key")[0].detail == "issuer key is on did:web; run with --online"


@pytest.mark.parametrize("method", ["#key-1", f"{WEB_DID}#key-1"])
def test_did_web_with_its_document_is_valid(method: str) -> None:
    documents = {WEB_DID: did_web_document([method])}
    report = verify_credential(
        did_web_credential(f"{WEB_DID}#key-1"), identities=[], now=NOW, did_documents=documents
    )
    assert report.status is Status.VALID, details(report)


def test_did_web_jwk_method_is_valid() -> None:
    documents = {WEB_DID: did_web_document(["#key-2"])}
    report = verify_credential(
        did_web_credential(f"{WEB_DID}#key-2"), identities=[], now=NOW, did_documents=documents
    )
    assert report.status is Status.VALID, details(report)


def test_did_web_key_missing_from_assertion_method_is_invalid() -> None:
    documents = {WEB_DID: did_web_document(["#key-2"])}
    report = verify_credential(
        did_web_credential(f"{WEB_DID}#key-1"), identities=[], now=NOW, did_documents=documents
    )
    assert statuses(report, "key") == ["failed"]
    assert report.status is Status.INVALID


def test_did_document_with_a_different_key_fails_the_signature() -> None:
    from credwallet.verify.signing import ed25519_key_from_seed

    documents = {WEB_DID: did_web_document(["#key-1"], key=ed25519_key_from_seed(b"another"))}
    report = verify_credential(
        did_web_credential(f"{WEB_DID}#key-1"), identities=[], now=NOW, did_documents=documents
    )
    assert statuses(report, "proof") == ["failed"]
    assert report.status is Status.INVALID


HTTPS_ISSUER = "https://school.example/issuers/1"


def https_controller(relation: list[Any]) -> dict[str, Any]:
    """An https issuer's controller document holding `#key-1`, authorized for whatever `relation` lists."""
    method = {
        "id": f"{HTTPS_ISSUER}#key-1",
        "type": "Multikey",
        "controller": HTTPS_ISSUER,
        "publicKeyMultibase": did_key(ISSUER_KEY)[len("did:key:") :],
    }
    return {"id": HTTPS_ISSUER, "verificationMethod": [method], "assertionMethod": relation}


def https_credential(method: str = f"{HTTPS_ISSUER}#key-1") -> Any:
    return credential(sign_data_integrity(ob3_document(HTTPS_ISSUER), ISSUER_KEY, verification_method=method))


@pytest.mark.parametrize("relation", [["#key-1"], [f"{HTTPS_ISSUER}#key-1"]])
def test_https_controller_document_listing_the_key_under_assertion_method_is_valid(relation: list[Any]) -> None:
    documents = {HTTPS_ISSUER: https_controller(relation)}
    report = verify_credential(https_credential(), identities=[], now=NOW, did_documents=documents)
    assert report.status is Status.VALID, details(report)
    assert statuses(report, "key") == ["passed"]


@pytest.mark.parametrize("relation", [[], ["#key-2"]], ids=["no-assertion-method", "another-key"])
def test_https_controller_key_not_authorized_for_assertion_method_is_invalid(relation: list[Any]) -> None:
    """The key is in the issuer's document (verificationMethod) but not authorized to sign credentials."""
    documents = {HTTPS_ISSUER: https_controller(relation)}
    report = verify_credential(https_credential(), identities=[], now=NOW, did_documents=documents)
    assert statuses(report, "proof") == ["passed"]
    assert statuses(report, "key") == ["failed"]
    assert "key not authorized for assertionMethod by its controller" in report.check("key")[0].detail
    assert report.status is Status.INVALID


def test_key_in_its_own_document_needs_the_issuers_assertion_method() -> None:
    """A key published on its own (controller: the issuer) is bound only by the issuer's document."""
    key_url = "https://keys.example/k1.json"
    key_document = {**https_controller([])["verificationMethod"][0], "id": key_url}
    documents: dict[str, Any] = {key_url: key_document}
    item = https_credential(key_url)
    report = verify_credential(item, identities=[], now=NOW, did_documents=documents)
    assert report.status is Status.UNVERIFIED, details(report)
    assert "was not found" in report.check("key")[0].detail
    documents[HTTPS_ISSUER] = {"id": HTTPS_ISSUER, "assertionMethod": []}
    report = verify_credential(item, identities=[], now=NOW, did_documents=documents)
    assert report.status is Status.INVALID, details(report)
    documents[HTTPS_ISSUER] = {"id": HTTPS_ISSUER, "assertionMethod": [key_url]}
    report = verify_credential(item, identities=[], now=NOW, did_documents=documents)
    assert report.status is Status.VALID, details(report)

"""DESIGN.md §9 lines that concern proofs: tampering, forged issuers, hostile tokens, poisoned graphs."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
from typing import Any

import pytest

from credwallet.model import CredentialFormat, Status
from credwallet.verify import verify_credential, verify_document
from credwallet.verify.keys import b64url
from credwallet.verify.signing import did_key_method, sign_data_integrity, sign_vc_jwt
from tests.verify.helpers import (
    ATTACKER_DID,
    ATTACKER_KEY,
    ISSUER_DID,
    ISSUER_KEY,
    NOW,
    credential,
    details,
    ob3_document,
    statuses,
)

SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022"]


def signed(suite: str = "eddsa-rdfc-2022", **extra: Any) -> dict[str, Any]:
    return sign_data_integrity(ob3_document(**extra), ISSUER_KEY, cryptosuite=suite)


def verify(document: dict[str, Any]) -> Any:
    return verify_credential(credential(document), identities=[], now=NOW)


@pytest.mark.parametrize("suite", SUITES)
def test_untouched_credential_is_valid(suite: str) -> None:
    report = verify(signed(suite))
    assert report.status is Status.VALID, details(report)


TAMPERS = {
    "name": lambda d: d.__setitem__("name", "Advanced SQL"),
    "validUntil": lambda d: d.__setitem__("validUntil", "2099-01-15T09:00:00Z"),
    "proofPurpose": lambda d: d["proof"].__setitem__("proofPurpose", "authentication"),
    "achievement": lambda d: d["credentialSubject"]["achievement"].__setitem__("name", "PostgreSQL Expert"),
}


@pytest.mark.parametrize("suite", SUITES)
@pytest.mark.parametrize("tamper", sorted(TAMPERS))
def test_tampered_field_is_invalid(suite: str, tamper: str) -> None:
    document = signed(suite)
    TAMPERS[tamper](document)
    report = verify(document)
    assert statuses(report, "proof") == ["failed"], details(report)
    assert report.status is Status.INVALID


def test_proof_purpose_is_named_in_the_detail() -> None:
    document = signed()
    document["proof"]["proofPurpose"] = "authentication"
    assert "proofPurpose" in verify(document).check("proof")[0].detail


@pytest.mark.parametrize(
    ("signed_as", "claimed"), [("eddsa-rdfc-2022", "eddsa-jcs-2022"), ("eddsa-jcs-2022", "eddsa-rdfc-2022")]
)
def test_tampered_cryptosuite_is_invalid(signed_as: str, claimed: str) -> None:
    document = signed(signed_as)
    document["proof"]["cryptosuite"] = claimed
    assert verify(document).status is Status.INVALID


@pytest.mark.parametrize("suite", SUITES)
def test_reordered_keys_are_still_valid(suite: str) -> None:
    document = signed(suite)
    reordered = json.loads(json.dumps(document, sort_keys=True))
    reordered = dict(reversed(list(reordered.items())))
    reordered["credentialSubject"] = dict(reversed(list(reordered["credentialSubject"].items())))
    assert list(reordered) != list(document)
    assert verify(reordered).status is Status.VALID


def test_added_undefined_term_is_data_loss() -> None:
    document = signed()
    document["credentialSubject"]["skillLevel"] = "expert"
    report = verify(document)
    assert report.status is Status.INVALID
    assert report.check("proof")[0].detail.startswith("DATA_LOSS"), details(report)
    assert "skillLevel" in report.check("proof")[0].detail


def test_added_keyword_like_key_is_data_loss() -> None:
    document = signed()
    document["@foo"] = "bar"
    report = verify(document)
    assert report.status is Status.INVALID
    assert "DATA_LOSS" in report.check("proof")[0].detail


def test_signing_a_document_with_undefined_terms_is_refused() -> None:
    from credwallet.verify.canon import CanonicalizationError

    document = ob3_document()
    document["credentialSubject"]["skillLevel"] = "expert"
    with pytest.raises(CanonicalizationError, match="DATA_LOSS"):
        sign_data_integrity(document, ISSUER_KEY)


def test_appended_context_that_smuggles_a_term_is_invalid() -> None:
    """A context with @vocab turns an added undefined term into a statement: not DATA_LOSS, but not signed."""
    document = signed()
    document["@context"] = [*document["@context"], {"@vocab": "https://evil.example/vocab#"}]
    document["skillLevel"] = "expert"
    report = verify(document)
    assert statuses(report, "proof") == ["failed"], details(report)
    assert report.status is Status.INVALID


def test_appended_context_that_changes_nothing() -> None:
    """RDFC signs the statements, not the JSON: a context that changes no statement leaves them signed.
    JCS signs the JSON itself, so any appended context breaks it."""
    extra = "https://www.w3.org/ns/credentials/examples/v2"
    rdfc, jcs = signed("eddsa-rdfc-2022"), signed("eddsa-jcs-2022")
    for document in (rdfc, jcs):
        document["@context"] = [*document["@context"], extra]
    assert verify(rdfc).status is Status.VALID
    assert verify(jcs).status is Status.INVALID


def test_appended_remote_context_is_unverified_offline_and_named() -> None:
    """Offline, credwallet cannot tell what an appended context means: never valid, the proof unchecked, and
    the check names the context and how to fetch it (fetched, it changes the graph and the proof fails)."""
    document = signed()
    document["@context"] = [*document["@context"], "https://evil.example/context.jsonld"]
    report = verify(document)
    assert report.status is Status.UNVERIFIED
    (proof,) = report.check("proof")
    assert "https://evil.example/context.jsonld" in proof.detail and "--online" in proof.detail


def test_protected_term_redefinition_is_invalid() -> None:
    document = ob3_document()
    document["@context"] = [*document["@context"], {"name": "https://evil.example/name"}]
    report = verify(sign_data_integrity(ob3_document(), ISSUER_KEY) | {"@context": document["@context"]})
    assert report.status is Status.INVALID
    assert "protected term" in report.check("proof")[0].detail


@pytest.mark.parametrize("fragment", [True, False], ids=["with-fragment", "bare-did-key"])
@pytest.mark.parametrize("victim", [ISSUER_DID, "https://university.example/issuers/1", "urn:uuid:1b8e3a5c"])
def test_forged_issuer_with_attacker_did_key_is_invalid(fragment: bool, victim: str) -> None:
    method = did_key_method(ATTACKER_KEY) if fragment else ATTACKER_DID
    document = sign_data_integrity(ob3_document(victim), ATTACKER_KEY, verification_method=method)
    report = verify(document)
    assert statuses(report, "proof") == ["passed"]  # the attacker's signature is genuine...
    assert statuses(report, "key") == ["failed"]  # ...but the attacker is not the issuer
    assert "key not controlled by issuer" in report.check("key")[0].detail
    assert report.status is Status.INVALID


def test_bare_did_key_of_the_issuer_is_valid() -> None:
    document = sign_data_integrity(ob3_document(), ISSUER_KEY, verification_method=ISSUER_DID)
    assert verify(document).status is Status.VALID


def test_blank_node_clique_is_rejected_quickly() -> None:
    """An 8-node blank-node clique makes RDFC-1.0 run for minutes; the work budget stops it."""
    nodes = [f"_:n{i}" for i in range(8)]
    document = ob3_document()
    document["@context"] = [
        *document["@context"],
        {"knows": {"@id": "https://example.org/knows", "@type": "@id"}},
    ]
    document["credentialSubject"]["knows"] = [
        {"id": node, "knows": [other for other in nodes if other != node]} for node in nodes
    ]
    document["proof"] = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": did_key_method(ISSUER_KEY),
        "proofPurpose": "assertionMethod",
        "proofValue": "z" + "1" * 10 + "2" * 78,
    }
    document["proof"]["proofValue"] = signed()["proof"]["proofValue"]
    started = time.perf_counter()
    report = verify(document)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert "BUDGET" in report.check("proof")[0].detail, details(report)
    assert report.status is Status.INVALID


def test_too_many_proofs_are_refused() -> None:
    document = signed()
    document["proof"] = [document["proof"]] * 40
    report = verify(document)
    assert report.status is Status.INVALID
    assert "40 proofs" in report.check("proof")[0].detail


# ---- JOSE / VC-JWT ------------------------------------------------------------------------------------


def jwt_credential(token: str) -> Any:
    from credwallet.verify.jose import decode_unverified

    payload = decode_unverified(token)[1]
    return credential(payload.get("vc", payload), fmt=CredentialFormat.OB3_JWT, token=token)


def verify_token(token: str) -> Any:
    return verify_credential(jwt_credential(token), identities=[], now=NOW)


def test_vc_jwt_eddsa_is_valid() -> None:
    report = verify_token(sign_vc_jwt(ob3_document(), ISSUER_KEY, kid=did_key_method(ISSUER_KEY)))
    assert report.status is Status.VALID, details(report)


def test_alg_none_is_refused() -> None:
    token = sign_vc_jwt(ob3_document(), ISSUER_KEY)
    _header, payload, _ = token.split(".")
    none_token = b64url(b'{"alg":"none","typ":"JWT"}') + "." + payload + "."
    report = verify_token(none_token)
    assert report.status is Status.INVALID
    assert "none" in report.check("proof")[0].detail


def test_hs256_with_the_public_key_as_secret_is_refused() -> None:
    """Algorithm confusion: an HMAC keyed with the issuer's public key must never verify."""
    from credwallet.verify.keys import parse_did_key

    token = sign_vc_jwt(ob3_document(), ISSUER_KEY)
    _, payload, _ = token.split(".")
    header = b64url(json.dumps({"alg": "HS256", "kid": did_key_method(ISSUER_KEY)}).encode())
    secret = parse_did_key(ISSUER_DID).raw_ed25519()
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    report = verify_token(f"{header}.{payload}.{b64url(signature)}")
    assert report.status is Status.INVALID
    assert "HMAC" in report.check("proof")[0].detail


def test_es256_zero_signature_is_invalid() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    from credwallet.verify.signing import did_key

    key = ec.generate_private_key(ec.SECP256R1())
    document = ob3_document(did_key(key))
    token = sign_vc_jwt(document, key, kid=did_key(key))
    assert verify_token(token).status is Status.VALID
    header, payload, _ = token.split(".")
    report = verify_token(f"{header}.{payload}.{b64url(bytes(64))}")
    assert statuses(report, "proof") == ["failed"]
    assert report.status is Status.INVALID


def test_header_alg_must_match_the_key() -> None:
    token = sign_vc_jwt(ob3_document(), ISSUER_KEY, kid=did_key_method(ISSUER_KEY))
    _header, payload, signature = token.split(".")
    swapped = b64url(json.dumps({"alg": "ES256", "kid": did_key_method(ISSUER_KEY)}).encode())
    report = verify_token(f"{swapped}.{payload}.{signature}")
    assert report.status is Status.INVALID
    assert "Ed25519" in report.check("proof")[0].detail


def test_iss_mismatch_is_invalid() -> None:
    from credwallet.verify.signing import sign_jws

    document = ob3_document()
    claims = {"vc": document, "iss": "did:example:someone-else", "nbf": 1736931600}
    token = sign_jws(claims, ISSUER_KEY, header={"kid": did_key_method(ISSUER_KEY)})
    report = verify_token(token)
    assert report.status is Status.INVALID
    assert "iss" in report.check("proof")[0].detail


def test_nbf_jti_sub_mismatches_are_invalid() -> None:
    from credwallet.verify.signing import sign_jws

    document = ob3_document()
    for claim, value in (("nbf", 1), ("jti", "urn:uuid:other"), ("sub", "did:example:other"), ("exp", 2)):
        claims = {"vc": document, "iss": ISSUER_DID, claim: value}
        report = verify_token(sign_jws(claims, ISSUER_KEY, header={"kid": did_key_method(ISSUER_KEY)}))
        assert report.status is Status.INVALID, claim
        assert claim in report.check("proof")[0].detail


def test_unknown_crit_is_refused() -> None:
    header = {"alg": "EdDSA", "kid": did_key_method(ISSUER_KEY), "crit": ["exp-policy"], "exp-policy": 1}
    payload = {"vc": ob3_document(), "iss": ISSUER_DID}
    encode = lambda part: b64url(json.dumps(part, separators=(",", ":")).encode())  # noqa: E731
    signing_input = f"{encode(header)}.{encode(payload)}"
    token = f"{signing_input}.{b64url(ISSUER_KEY.sign(signing_input.encode()))}"
    report = verify_token(token)
    assert report.status is Status.INVALID
    assert "crit" in report.check("proof")[0].detail


def test_header_jwk_of_an_attacker_is_not_the_issuers_key() -> None:
    token = sign_vc_jwt(ob3_document(ISSUER_DID), ATTACKER_KEY, embed_jwk=True)
    report = verify_token(token)
    assert statuses(report, "proof") == ["passed"]
    assert "key not controlled by issuer" in report.check("key")[0].detail
    assert report.status is Status.INVALID


def test_header_jwk_for_a_hosted_issuer_is_unverified_offline_and_checked_with_its_document() -> None:
    issuer = "https://school.example/issuer"
    token = sign_vc_jwt(ob3_document(issuer), ATTACKER_KEY, embed_jwk=True)
    offline = verify_token(token)
    assert offline.status is Status.UNVERIFIED
    assert "--online" in offline.check("key")[0].detail
    from credwallet.verify.signing import public_jwk

    honest = {
        issuer: {
            "id": issuer,
            "assertionMethod": [{"id": f"{issuer}#k1", "type": "JsonWebKey", "publicKeyJwk": public_jwk(ISSUER_KEY)}],
        }
    }
    report = verify_credential(jwt_credential(token), identities=[], now=NOW, did_documents=honest)
    assert report.status is Status.INVALID
    trusting = {
        issuer: {
            "id": issuer,
            "assertionMethod": [{"id": f"{issuer}#k1", "type": "JsonWebKey", "publicKeyJwk": public_jwk(ATTACKER_KEY)}],
        }
    }
    assert (
        verify_credential(jwt_credential(token), identities=[], now=NOW, did_documents=trusting).status is Status.VALID
    )


def test_expired_and_not_yet_valid_tokens() -> None:
    expired = sign_vc_jwt(ob3_document(validUntil="2025-05-01T00:00:00Z"), ISSUER_KEY, kid=did_key_method(ISSUER_KEY))
    assert verify_token(expired).status is Status.EXPIRED
    future = sign_vc_jwt(ob3_document(validFrom="2025-07-01T00:00:00Z"), ISSUER_KEY, kid=did_key_method(ISSUER_KEY))
    report = verify_token(future)
    assert report.status is Status.INVALID
    assert "not valid yet" in report.check("dates")[0].detail


def test_stored_document_must_be_the_signed_one() -> None:
    token = sign_vc_jwt(ob3_document(), ISSUER_KEY, kid=did_key_method(ISSUER_KEY))
    tampered = jwt_credential(token)
    tampered.document["name"] = "Something else"
    report = verify_credential(tampered, identities=[], now=NOW)
    assert report.status is Status.INVALID
    assert "differs" in report.check("proof")[0].detail


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "a.b",
        "x.y.z",
        "e30.e30.",
        "W10.W10.AA",
        "." * 5,
        "eyJhbGciOiJFZERTQSJ9." + "A" * (5 * 1024 * 1024) + ".AA",
    ],
)
def test_garbage_tokens_give_a_report_never_an_exception(token: str) -> None:
    report = verify_document(token, now=NOW)
    assert report.status is Status.INVALID


def test_documents_of_wrong_shapes_never_raise() -> None:
    for document in (
        {},
        {"proof": 1},
        {"proof": [None, 3, "x"]},
        {"@context": 5, "issuer": [1, 2]},
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "proof": {"type": "DataIntegrityProof"}},
        {"credentialSubject": {"identifier": [{"identityHash": "sha256$zz", "hashed": True}]}},
    ):
        report = verify_document(copy.deepcopy(document), now=NOW, identities=["a@example.org"])
        assert report.status in (Status.INVALID, Status.UNVERIFIED), document

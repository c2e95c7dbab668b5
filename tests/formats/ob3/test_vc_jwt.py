"""VC-JWT 1.1 (`vc` / `vp` claim) and VC-JOSE-COSE (payload is the credential) decoding into credentials."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from credwallet.errors import InputError
from credwallet.formats import vc_jwt
from credwallet.formats.jwt import decode_compact_jws
from credwallet.model import Container, CredentialFormat
from tests.formats.ob3.conftest import VC_V1, clr_document, credential, make_jwt, presentation

ARGS: dict[str, Any] = {"container": Container.JWS, "original_bytes": b"token", "source": "badge.jwt"}


@dataclass(frozen=True)
class StandIn:
    """Anything with header / payload / token is accepted (the JwsLike protocol)."""

    header: dict[str, Any]
    payload: Any
    token: str = "h.p.s"


def parse(payload: Any, header: dict[str, Any] | None = None) -> list[Any]:
    token = make_jwt(payload, header)
    return vc_jwt.parse_vc_jwt(decode_compact_jws(token, source="badge.jwt"), **ARGS)


def v1_credential() -> dict[str, Any]:
    document = credential(**{"@context": [VC_V1, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"]})
    for key in ("id", "validFrom", "validUntil"):
        del document[key]
    document["issuer"] = {"type": ["Profile"], "name": "Example Data School"}
    del document["credentialSubject"]["id"]
    return document


def test_vc_claim_gets_jwt_claims_merged() -> None:
    payload = {
        "vc": v1_credential(),
        "iss": "did:example:issuer",
        "sub": "did:example:learner",
        "jti": "urn:uuid:jti-1",
        "nbf": 1_700_000_000,
        "exp": 1_900_000_000,
    }
    (cred,) = parse(payload)
    assert cred.format is CredentialFormat.OB3_JWT
    assert cred.container is Container.JWS
    assert cred.token is not None and cred.token.count(".") == 2
    assert cred.original_bytes == b"token"
    assert cred.credential_id == "urn:uuid:jti-1"
    assert cred.issuer.id == "did:example:issuer" and cred.issuer.name == "Example Data School"
    assert cred.recipient is not None and cred.recipient.identity == "did:example:learner"
    # The claims fill the normalized fields; the document stays the vc claim as signed (what verify checks).
    assert cred.document == payload["vc"]
    assert cred.issued_on is not None and cred.issued_on.timestamp() == 1_700_000_000
    assert cred.expires_on is not None and cred.expires_on.timestamp() == 1_900_000_000
    jwt = cred.extension["jwt"]
    assert (jwt["style"], jwt["alg"], jwt["iss"], jwt["nbf"]) == (
        "vc-jwt-1.1",
        "EdDSA",
        "did:example:issuer",
        1_700_000_000,
    )
    assert cred.extension["notes"] == []


def test_v2_vc_claim_uses_valid_from() -> None:
    document = credential()
    del document["validFrom"]
    (cred,) = parse({"vc": document, "nbf": 1_700_000_000})
    assert cred.issued_on is not None and cred.issued_on.isoformat() == "2023-11-14T22:13:20+00:00"
    assert "validFrom" not in cred.document  # the signed vc claim is kept as it is


def test_conflicting_claims_never_override_and_are_noted() -> None:
    payload = {"vc": credential(), "iss": "did:example:someone-else", "nbf": 1_000, "jti": "urn:other"}
    (cred,) = parse(payload)
    assert cred.issuer.id == credential()["issuer"]["id"]
    assert cred.credential_id == credential()["id"]
    notes = " | ".join(cred.extension["notes"])
    assert "issuer.id" in notes and "nbf" in notes and "id (urn:other)" in notes


def test_bad_numeric_date_is_noted() -> None:
    (cred,) = parse({"vc": credential(), "nbf": "yesterday", "exp": 10**20})
    assert any("nbf is not a NumericDate" in n for n in cred.extension["notes"])
    assert cred.extension["jwt"]["exp"] is None


@pytest.mark.parametrize("typ", ["vc+ld+json+jwt", "vc+jwt", "vc+ld+jwt"])
def test_vc_jose_cose_payload_is_the_credential(typ: str) -> None:
    payload = {**credential(), "iss": "did:example:issuer", "iat": 1_700_000_000, "jti": "x"}
    (cred,) = parse(payload, {"alg": "ES256", "typ": typ, "kid": "did:example:issuer#key-1"})
    assert cred.format is CredentialFormat.OB3_JWT
    assert cred.document == credential()  # registered claims are not credential properties
    assert cred.extension["jwt"]["style"] == "vc-jose-cose"
    assert cred.extension["jwt"]["kid"] == "did:example:issuer#key-1"
    assert cred.schema_errors == []


def test_vp_jwt_yields_inner_credentials_with_their_own_tokens() -> None:
    inner = make_jwt({"vc": credential(id="urn:uuid:inner")})
    found = parse({"vp": presentation(credential(), inner), "iss": "did:example:learner"})
    assert [c.credential_id for c in found] == [credential()["id"], "urn:uuid:inner"]
    assert found[0].token is None and found[1].token == inner
    assert all(c.extension["presentation_holder"] == "did:example:learner" for c in found)


def test_clr_as_jwt_keeps_token_on_the_clr() -> None:
    found = parse({"vc": clr_document(credential())})
    assert [c.format for c in found] == [CredentialFormat.CLR, CredentialFormat.OB3]
    assert found[0].token is not None and found[1].token is None


def test_unknown_context_in_a_jwt_is_recorded_not_fatal() -> None:
    document = credential(**{"@context": [*credential()["@context"], "https://contexts.example/extra.jsonld"]})
    (cred,) = parse({"vc": document})
    assert cred.extension["unknown_contexts"] == ["https://contexts.example/extra.jsonld"]
    assert any("verify --online fetches them" in note for note in cred.extension["notes"])


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"iss": "x", "name": "not a credential"}, "no verifiable credential"),
        (["a", "list"], "not a JSON object"),
        ({"vc": credential(**{"@context": ["https://example.org/ctx"]})}, r"@context\[0\]"),
    ],
)
def test_rejections(payload: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        vc_jwt.parse_vc_jwt(StandIn({"alg": "EdDSA"}, payload), **ARGS)


@pytest.mark.parametrize(
    ("header", "payload", "expected"),
    [
        ({"alg": "RS256"}, {"vc": {}}, True),
        ({"alg": "RS256", "typ": "vc+ld+json+jwt"}, {"iss": "x"}, True),
        ({"alg": "RS256"}, {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}, False),
        ({"alg": "RS256"}, {"type": ["VerifiableCredential"]}, True),
        ({"alg": "RS256"}, "text", False),
    ],
)
def test_looks_like_vc_jwt(header: dict[str, Any], payload: Any, expected: bool) -> None:
    assert vc_jwt.looks_like_vc_jwt(StandIn(header, payload)) is expected


def test_imported_vc_jwt_verifies_as_the_token_carries_it() -> None:
    """Regression: the importer's merged view must not make a correctly signed token look tampered."""
    from datetime import UTC, datetime
    from pathlib import Path

    from credwallet.formats.detect import parse_bytes
    from credwallet.verify import verify_credential

    external = Path(__file__).resolve().parents[4] / "shared" / "fixtures" / "external" / "ob3" / "1edtech-validator"
    if not external.is_dir():
        pytest.skip("external fixtures not present")
    for name in ("simple-jwt.png", "simple-jwt.svg", "simple-jwt_v1.png"):
        [credential] = parse_bytes((external / name).read_bytes(), source=name)
        report = verify_credential(credential, identities=[], now=datetime(2026, 11, 24, tzinfo=UTC))
        [proof] = report.check("proof")
        assert proof.status.value == "passed", (name, proof.detail)
        assert report.status.value == "unverified", name  # the key is self-asserted (jwk header): bind it online

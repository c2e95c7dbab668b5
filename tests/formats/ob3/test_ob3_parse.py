"""OB 3.0 / VC JSON-LD parsing: every normalized field, VC 1.1 and 2.0, endorsements, presentations."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.formats import ob3
from credwallet.model import Container, CredentialFormat
from tests.formats.ob3.conftest import (
    PARSE_ARGS,
    VC_V1,
    credential,
    make_jwt,
    presentation,
)


def parse_one(document: dict) -> object:
    found = ob3.parse_vc(document, **PARSE_ARGS)
    assert len(found) == 1
    return found[0]


def test_minimal_credential_fields() -> None:
    found = ob3.parse_vc(credential(), container=Container.PNG, original_bytes=b"raw", source="a.png")
    (cred,) = found
    assert cred.format is CredentialFormat.OB3
    assert cred.container is Container.PNG
    assert cred.original_bytes == b"raw"
    assert cred.source == "a.png"
    assert cred.name == "SQL Fundamentals"  # the achievement's name, not the credential's
    assert cred.extension["credential_name"] == "SQL Fundamentals for Ada"
    assert cred.issuer.name == "Example Data School"
    assert cred.issuer.url == "https://school.example.org"
    assert cred.issued_on is not None and cred.issued_on.isoformat() == "2025-03-14T09:00:00+00:00"
    assert cred.expires_on is not None and cred.expires_on.year == 2028
    assert cred.recipient is not None and (cred.recipient.identity, cred.recipient.type) == (
        "did:example:learner",
        "did",
    )
    assert cred.criteria is not None and cred.criteria.narrative == "Pass the final SQL assessment."
    assert cred.tags == ["sql", "databases"]
    assert cred.achievement_type == "Certificate"
    assert cred.achievement_id == "https://school.example.org/achievements/sql-101"
    assert [a.target_framework for a in cred.alignments] == ["ESCO"]
    assert cred.extension["framework_codes"][0]["framework"] == "ESCO"
    assert cred.extension["vc_version"] == "2.0"
    assert cred.token is None
    assert cred.schema_errors == []
    assert cred.document == credential()


def test_vc_1_1_dates() -> None:
    document = credential(
        **{"@context": [VC_V1, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"]}
    )
    del document["validFrom"], document["validUntil"]
    document["issuanceDate"] = "2020-01-02T03:04:05Z"
    document["expirationDate"] = "2021-01-02T03:04:05+02:00"
    cred = parse_one(document)
    assert cred.extension["vc_version"] == "1.1"
    assert cred.issued_on.isoformat() == "2020-01-02T03:04:05+00:00"
    assert cred.expires_on.isoformat() == "2021-01-02T01:04:05+00:00"


def test_unparseable_date_is_a_note_not_a_failure() -> None:
    cred = parse_one(credential(validFrom="yesterday"))
    assert cred.issued_on is None
    assert any("validFrom" in note for note in cred.extension["notes"])
    assert any("date-time" in error for error in cred.schema_errors)


def test_hashed_identifier_becomes_recipient() -> None:
    digest = "sha256$" + hashlib.sha256(b"ada@example.org" + b"pepper").hexdigest()
    document = credential()
    document["credentialSubject"]["identifier"] = [
        {"type": "IdentityObject", "identityHash": "12345", "identityType": "sourcedId", "hashed": False},
        {
            "type": "IdentityObject",
            "identityHash": digest,
            "identityType": "emailAddress",
            "hashed": True,
            "salt": "pepper",
        },
    ]
    cred = parse_one(document)
    assert cred.recipient is not None
    assert (cred.recipient.identity, cred.recipient.type, cred.recipient.hashed, cred.recipient.salt) == (
        digest,
        "email",
        True,
        "pepper",
    )
    assert [i["identity_type"] for i in cred.extension["identifiers"]] == ["sourcedId", "emailAddress"]
    assert cred.extension["subject_id"] == "did:example:learner"


def test_string_issuer_and_data_uri_image() -> None:
    image = "data:image/png;base64,iVBORw0KGgo="
    document = credential(issuer="https://school.example.org/issuer", image=image)
    cred = parse_one(document)
    assert cred.issuer.id == "https://school.example.org/issuer"
    assert cred.issuer.name is None
    assert cred.image == image


def test_achievement_image_object_when_credential_has_none() -> None:
    document = credential()
    document["credentialSubject"]["achievement"]["image"] = {"id": "https://x.example/i.png", "type": "Image"}
    assert parse_one(document).image == "https://x.example/i.png"


def test_complete_spec_example(external: Path) -> None:
    path = external / "ob3/1edtech-spec/examples/complete-openbadgecredential.json"
    cred = parse_one(json.loads(path.read_text()))
    assert cred.name == "1EdTech University Degree"
    assert cred.achievement_type == "Degree"
    assert cred.issuer.email == "registrar@1edtech.edu"
    assert cred.issuer.image == "https://1edtech.edu/logo.png"
    assert cred.credit_hours == 42.0
    assert (cred.extension["credits_available"], cred.extension["credits_earned"]) == (36.0, 42.0)
    assert cred.extension["license_number"] == "A-9320041"
    assert cred.extension["human_code"] == "R1"
    assert cred.extension["field_of_study"] == "Research"
    assert cred.extension["specialization"] == "Computer Science Research"
    assert [c["target_type"] for c in cred.extension["framework_codes"]] == ["CTDL"]
    assert len(cred.evidence) == 2 and cred.evidence[0].name == "Final Project Report"
    assert [r.value for r in cred.results] == ["A", None, None]
    assert cred.results[0].type == "LetterGrade" and cred.results[0].description == "Final Project Grade"
    assert cred.results[1].achieved_level == "Mastery"  # rubric level id resolved to its name
    assert cred.results[2].status == "Completed"
    assert {e.target for e in cred.endorsements} == {"credential", "achievement", "issuer"}
    assert all(e.comment == "1EdTech University is in good standing" for e in cred.endorsements)
    assert cred.extension["credential_status"][0]["type"] == "1EdTechRevocationList"
    assert cred.schema_errors == []


def test_endorsement_jwt_is_decoded() -> None:
    endorsement = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:endorsement-1",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Accreditor endorsement",
        "issuer": {"id": "https://accreditor.example", "type": ["Profile"], "name": "Accreditor"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "https://school.example.org/achievements/sql-101",
            "type": ["EndorsementSubject"],
            "endorsementComment": "Rigorous.",
        },
    }
    document = credential()
    document["credentialSubject"]["achievement"]["endorsementJwt"] = [make_jwt(endorsement), "not.a.jwt!"]
    cred = parse_one(document)
    (found,) = cred.endorsements
    assert (found.target, found.issuer_name, found.comment) == ("achievement", "Accreditor", "Rigorous.")
    assert found.issued_on is not None and found.issued_on.year == 2024
    assert any("endorsement not read" in note for note in cred.extension["notes"])


def test_endorsement_credential_itself() -> None:
    document = credential(type=["VerifiableCredential", "EndorsementCredential"], name="Good school")
    document["credentialSubject"] = {
        "id": "https://school.example.org",
        "type": ["EndorsementSubject"],
        "endorsementComment": "In good standing.",
    }
    cred = parse_one(document)
    assert cred.name == "Good school"
    assert cred.description == "In good standing."
    assert cred.schema_errors == []


def test_generic_vc_is_imported_with_its_type_as_fallback_name() -> None:
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "AlumniCredential"],
        "issuer": "https://vc.example/issuers/5678",
        "credentialSubject": {"id": "did:example:abc", "alumniOf": "The School of Examples"},
    }
    cred = parse_one(document)
    assert cred.name == "AlumniCredential"
    assert cred.schema_errors == []
    assert any("basics only" in note for note in cred.extension["notes"])


def test_embedded_proof_is_kept_and_summarized() -> None:
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "proofPurpose": "assertionMethod",
        "verificationMethod": "did:key:z6Mk#z6Mk",
        "proofValue": "z5abc",
    }
    cred = parse_one(credential(proof=proof))
    assert cred.document["proof"] == proof
    assert cred.extension["proofs"] == [{k: v for k, v in proof.items() if k != "proofValue"}]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}, False),
        ({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "DataIntegrityProof"}, True),
        ({"type": ["VerifiableCredential"]}, True),
        (
            {
                "@context": ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                "credentialSubject": {},
            },
            True,
        ),
        ({"publicKeyMultibase": "z6Mk"}, False),
        ([], False),
    ],
)
def test_looks_like_vc(document: object, expected: bool) -> None:
    assert ob3.looks_like_vc(document) is expected


def test_presentation_yields_each_credential_once() -> None:
    second = credential(id="urn:uuid:second")
    token = make_jwt({"vc": credential(id="urn:uuid:third")})
    document = presentation(credential(), second, credential(), token, token)
    found = ob3.parse_vc(document, **PARSE_ARGS)
    assert [c.credential_id for c in found] == [
        "urn:uuid:0b2f6c1e-1111-4c8e-9d7a-000000000001",
        "urn:uuid:second",
        "urn:uuid:third",
    ]
    assert [c.format for c in found] == [CredentialFormat.OB3, CredentialFormat.OB3, CredentialFormat.OB3_JWT]
    assert all(c.container is Container.CLR for c in found)
    assert all(c.extension["presentation_holder"] == "did:example:learner" for c in found)
    assert found[2].token == token and found[2].original_bytes == token.encode()
    assert json.loads(found[0].original_bytes) == credential()


def test_enveloped_credential_in_presentation() -> None:
    token = make_jwt(credential(), {"alg": "ES256", "typ": "vc+jwt"})
    enveloped = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": f"data:application/vc+jwt,{token}",
    }
    (cred,) = ob3.parse_vc(presentation(enveloped, token), **PARSE_ARGS)
    assert cred.token == token and cred.format is CredentialFormat.OB3_JWT


def test_enveloped_sd_jwt_is_refused_clearly() -> None:
    enveloped = {"type": "EnvelopedVerifiableCredential", "id": "data:application/vc+sd-jwt,abc~def"}
    with pytest.raises(InputError, match="unsupported kind"):
        ob3.parse_vc(presentation(enveloped), **PARSE_ARGS)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (presentation(), "holds no credentials"),
        (presentation(presentation(credential())), "presentation inside a presentation"),
        (presentation(42), "expected a credential object or a compact JWT"),
        (
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "DataIntegrityProof"},
            "not a credential",
        ),
        (
            {
                "@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                "credentialSubject": {},
            },
            "status list credential",
        ),
        (
            credential(**{"@context": ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]}),
            "@context[0]",
        ),
        (credential(**{"@context": ["https://www.w3.org/ns/credentials/v2", 7]}), "only URLs and objects"),
    ],
)
def test_rejections_name_the_problem(document: dict, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        ob3.parse_vc(document, **PARSE_ARGS)
    assert caught.value.message.startswith("test.json")


def test_companion_documents_are_not_credentials_so_a_folder_walk_can_skip_them() -> None:
    from credwallet.errors import NotACredentialError

    proof_config = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "DataIntegrityProof"}
    status_list = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "credentialSubject": {"type": "BitstringStatusList"},
    }
    for document in (proof_config, status_list):
        with pytest.raises(NotACredentialError):
            ob3.parse_vc(document, **PARSE_ARGS)
    with pytest.raises(InputError) as caught:  # a broken credential is an error, not a skip
        ob3.parse_vc(credential(**{"@context": ["https://example.org/x"]}), **PARSE_ARGS)
    assert not isinstance(caught.value, NotACredentialError)

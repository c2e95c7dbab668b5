"""The structure check: official 1EdTech schemas, bundled and pinned, format checking really on."""

from __future__ import annotations

import copy
import hashlib
from importlib.resources import files
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.formats import schema_check
from tests.formats.ob3.conftest import VC_V1, clr_document, credential

PINNED = {
    "ob_v3p0/achievementcredential.json": "5753fb3ecf7d024ed273dd364bd683f483eb47257e718e6618832cf89eb2083a",
    "ob_v3p0/endorsementcredential.json": "4627e1878848d0192c3f9e26f09ef88a96ad48a46f5fca11b80b679ece0de345",
    "ob_v3p0/ob_v3p0_achievementcredential_schema_draft4.json": (
        "125a8bd1f4dca186e23dc5142734a27193e867713580a0cdd4eea56752fab2bf"
    ),
    "clr_v2p0/clr_v2p0_clrcredential_schema_draft4.json": (
        "afaf415f32d639eb300c1207b99438b7261673e162aa940f497cbb283bd39e40"
    ),
}


def bundled(relative: str) -> bytes:
    return (files("credwallet") / "data" / "schemas" / relative).read_bytes()


@pytest.mark.parametrize("relative", sorted(PINNED))
def test_bundled_schema_is_pinned(relative: str) -> None:
    assert relative in schema_check.SCHEMA_FILES.values()
    assert hashlib.sha256(bundled(relative)).hexdigest() == PINNED[relative]


@pytest.mark.parametrize("relative", sorted(PINNED))
def test_bundled_schema_is_the_published_file(relative: str, external: Path) -> None:
    assert bundled(relative) == (external / "schemas" / relative).read_bytes()


def test_conforming_credential_has_no_errors() -> None:
    report = schema_check.structure_report(credential())
    assert (report.schema, report.errors, report.notes) == ("ob3-achievement-credential", [], [])


def test_format_checker_really_checks_date_time() -> None:
    errors = schema_check.check_structure(credential(validFrom="2025-13-45T99:00:00Z", validUntil="soon"))
    assert "$.validFrom: '2025-13-45T99:00:00Z' is not a 'date-time'" in errors
    assert "$.validUntil: 'soon' is not a 'date-time'" in errors


def test_format_checker_knows_uri() -> None:
    """The validators check `uri` too (rfc3986-validator installed); the OB schemas use date and date-time."""
    validator = schema_check._validator("ob3-achievement-credential")
    assert {"date-time", "date", "uri"} <= set(validator.format_checker.checkers)
    assert not validator.format_checker.conforms("not a uri", "uri")
    assert validator.format_checker.conforms("https://example.org/a", "uri")


def test_validator_is_cached_per_process() -> None:
    first = schema_check._validator("ob3-achievement-credential")
    assert schema_check._validator("ob3-achievement-credential") is first


def test_single_object_proof_is_validated_as_an_array_without_changing_the_document() -> None:
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "proofPurpose": "assertionMethod",
        "verificationMethod": "did:key:z6Mk#z6Mk",
        "proofValue": "z5abc",
        "created": "2025-01-01T00:00:00Z",
    }
    document = credential(proof=proof)
    endorsement = credential(type=["VerifiableCredential", "EndorsementCredential"], proof=dict(proof))
    endorsement["credentialSubject"] = {"id": "https://school.example.org", "type": ["EndorsementSubject"]}
    document["credentialSubject"]["achievement"]["endorsement"] = [endorsement]
    before = copy.deepcopy(document)
    report = schema_check.structure_report(document)
    assert report.errors == []
    assert len(report.notes) == 1
    assert (
        "$.proof" in report.notes[0]
        and "$.credentialSubject.achievement.endorsement[0].proof" in report.notes[0]
    )
    assert document == before


def test_array_proof_needs_no_note_and_a_bad_proof_is_reported() -> None:
    assert schema_check.structure_report(credential(proof=[{"type": "DataIntegrityProof"}])).notes == []
    errors = schema_check.check_structure(credential(proof=[{"cryptosuite": "eddsa-rdfc-2022"}]))
    assert errors == ["$.proof[0]: 'type' is a required property"]


def test_messages_are_path_colon_problem_and_bounded() -> None:
    document = credential()
    del document["issuer"]
    document["credentialSubject"]["achievement"]["name"] = "x" * 5000
    document["credentialSubject"]["achievement"]["criteria"] = 5
    errors = schema_check.check_structure(document)
    assert "$: 'issuer' is a required property" in errors
    assert any(
        e.startswith("$.credentialSubject.achievement.criteria: 5 is not of type 'object'") for e in errors
    )
    assert all(len(e) < 300 for e in errors)


def test_any_of_reports_the_branch_that_fits() -> None:
    document = credential()
    document["issuer"]["type"] = "Profile"  # VC allows a string, the 1EdTech schema wants an array
    assert schema_check.check_structure(document) == ["$.issuer.type: 'Profile' is not of type 'array'"]


def test_vc_1_1_uses_the_draft4_schema() -> None:
    document = credential(**{"@context": [VC_V1, "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]})
    document["issuanceDate"] = document.pop("validFrom")
    document.pop("validUntil")
    report = schema_check.structure_report(document)
    assert report.schema == "ob3-achievement-credential-vc1"
    assert report.errors == []


@pytest.mark.parametrize(
    ("document", "schema", "note"),
    [
        (clr_document(), None, "no bundled 1EdTech schema for a VC 2.0 ClrCredential"),
        (
            credential(**{"@context": [VC_V1], "type": ["VerifiableCredential", "EndorsementCredential"]}),
            None,
            "VC 1.1 EndorsementCredential",
        ),
        (
            {"@context": [VC_V1], "type": ["VerifiableCredential", "ClrCredential"]},
            "clr-credential-vc1",
            None,
        ),
    ],
)
def test_schema_choice(document: dict, schema: str | None, note: str | None) -> None:
    report = schema_check.structure_report(document)
    assert report.schema == schema
    if note is not None:
        assert any(note in n for n in report.notes)


def test_basics_for_credentials_without_a_schema() -> None:
    errors = schema_check.check_structure({"@context": [VC_V1], "type": ["AlumniCredential"]})
    assert errors == [
        "$.type: must include 'VerifiableCredential'",
        "$: 'issuer' is a required property",
        "$: 'credentialSubject' is a required property",
    ]


@pytest.mark.parametrize("document", [[], "text", {"name": "no type or context"}])
def test_not_a_credential_raises(document: object) -> None:
    with pytest.raises(InputError, match="not a credential"):
        schema_check.check_structure(document)  # type: ignore[arg-type]


def _fixture_documents(external: Path) -> list[dict]:
    from credwallet.safejson import loads_strict

    documents = []
    for folder in ("ob3", "clr", "hostile/ob3-1edtech-validator"):
        for path in sorted((external / folder).rglob("*.json")):
            document = loads_strict(path.read_bytes(), source=str(path))
            if isinstance(document, dict) and schema_check.schema_name_for(document):
                documents.append(document)
    return documents


def _mutations(document: dict) -> list[dict]:
    variants = []
    for key, value in (("validFrom", "2025-19-39T29:00:00Z"), ("issuanceDate", "1 May"), ("issuer", 5),
                       ("type", ["VerifiableCredential"]), ("credentialSubject", {"type": "X"})):  # fmt: skip
        variant = dict(document)
        variant[key] = value
        variants.append(variant)
    return variants


def test_fast_path_agrees_with_jsonschema(external: Path) -> None:
    """fastjsonschema (the yes/no path) and jsonschema (the explaining path) never disagree on validity."""
    checked = 0
    for document in _fixture_documents(external):
        name = schema_check.schema_name_for(document)
        assert name is not None
        for variant in [document, *_mutations(document)]:
            instance = schema_check._wrap_single_proofs(variant, "$", [], 0) if "vc1" not in name else variant
            assert schema_check.conforms(name, instance) is schema_check._validator(name).is_valid(instance)
            checked += 1
    assert checked > 100


def test_schema_checks_never_touch_the_network(external: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the structure check tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for document in _fixture_documents(external):
        for variant in [document, *_mutations(document)]:
            schema_check.check_structure(variant)

"""What an unchecked line says: offline, how to check it (--online); in a run that had documents (online or
--documents), which document was missing, never "run with --online" again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from credwallet.model import CredentialFormat, Status
from credwallet.verify import verify_credential
from credwallet.verify.signing import sign_data_integrity, sign_vc_jwt
from tests.verify.helpers import ISSUER_KEY, NOW, credential, details, ob3_document

WEB_DID = "did:web:school.example"
HTTPS_ISSUER = "https://school.example/issuers/1"
LIST_URL = "https://school.example/status/1"
STATUS = {
    "id": f"{LIST_URL}#7",
    "type": "BitstringStatusListEntry",
    "statusPurpose": "revocation",
    "statusListIndex": "7",
    "statusListCredential": LIST_URL,
}


def did_web_signed() -> Any:
    return credential(sign_data_integrity(ob3_document(WEB_DID), ISSUER_KEY, verification_method=f"{WEB_DID}#key-1"))


def https_signed() -> Any:
    document = ob3_document(HTTPS_ISSUER)
    return credential(sign_data_integrity(document, ISSUER_KEY, verification_method=f"{HTTPS_ISSUER}#key-1"))


def with_status_list() -> Any:
    return credential(sign_data_integrity(ob3_document(credentialStatus=STATUS), ISSUER_KEY))


def jwt_without_kid() -> Any:
    token = sign_vc_jwt(ob3_document(HTTPS_ISSUER), ISSUER_KEY)
    return credential(ob3_document(HTTPS_ISSUER), fmt=CredentialFormat.OB3_JWT, token=token)


CASES = {
    "did:web key": (did_web_signed, "key", f"the DID document of {WEB_DID} was not found"),
    "hosted key": (https_signed, "key", f"the issuer key document {HTTPS_ISSUER} was not found"),
    "status list": (with_status_list, "status", "the list was not found"),
    "VC-JWT keys": (jwt_without_kid, "key", f"the document with the keys of {HTTPS_ISSUER} was not found"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_offline_lines_say_run_with_online(case: str) -> None:
    build, name, _ = CASES[case]
    report = verify_credential(build(), identities=[], now=NOW)
    assert "run with --online" in " ".join(c.detail for c in report.check(name)), details(report)


@pytest.mark.parametrize("case", sorted(CASES))
def test_lines_of_a_run_with_documents_say_what_was_missing(case: str) -> None:
    build, name, missing = CASES[case]
    report = verify_credential(build(), identities=[], now=NOW, did_documents={})
    assert "--online" not in details(report)
    assert missing in " ".join(c.detail for c in report.check(name)), details(report)
    assert report.status is not Status.VALID or name == "status"


def test_signed_ob2_assertion_without_its_badge_class(external: Path) -> None:
    token = (external / "ob2/1edtech-validator/simple.jwt").read_text(encoding="utf-8").strip()
    item = credential({}, fmt=CredentialFormat.OB2_SIGNED, token=token)
    offline = verify_credential(item, identities=[], now=NOW)
    assert "run with --online" in offline.check("proof")[0].detail
    report = verify_credential(item, identities=[], now=NOW, did_documents={})
    assert report.status is Status.UNVERIFIED
    assert "--online" not in details(report)
    assert "the badge class https://example.org/robotics-badge.json was not found" in report.check("proof")[0].detail

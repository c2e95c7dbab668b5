"""The non-proof checks: structure, dates (clock skew), status lists, recipient; and the report contract."""

from __future__ import annotations

import base64
import gzip
import hashlib
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credwallet.model import Recipient, Status
from credwallet.verify import Report, verify_credential, verify_document
from credwallet.verify.report import Check, CheckKind, CheckStatus
from credwallet.verify.signing import did_key_method, sign_data_integrity
from tests.verify.helpers import (
    ATTACKER_KEY,
    ISSUER_DID,
    ISSUER_KEY,
    NOW,
    credential,
    details,
    ob3_document,
    statuses,
)


def verify(document: dict[str, Any], **kwargs: Any) -> Report:
    identities = kwargs.pop("identities", [])
    return verify_credential(credential(document, **kwargs.pop("build", {})), identities=identities, now=NOW, **kwargs)


# ---- structure ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: d.__setitem__("issuer", [ISSUER_DID, "did:example:two"]), "exactly one issuer"),
        (lambda d: d.__setitem__("issuer", {"name": "No id"}), "no issuer"),
        (lambda d: d.__setitem__("issuer", "not a uri"), "not a URI"),
        (lambda d: d.pop("credentialSubject"), "no subject"),
        (lambda d: d.__setitem__("credentialSubject", {}), "no subject"),
    ],
)
def test_no_issuer_or_no_subject_is_invalid(change: Any, needle: str) -> None:
    """Authenticity: a credential that attributes nothing to anyone cannot be trusted, whatever its proof."""
    document = ob3_document()
    change(document)
    report = verify(document)  # unsigned: the structure check does not depend on the proof
    [meaning] = [c for c in report.check("structure") if c.kind is CheckKind.AUTHENTICITY]
    assert meaning.status is CheckStatus.FAILED and needle in meaning.detail, details(report)
    assert report.status is Status.INVALID


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.__setitem__("@context", d["@context"][::-1]), "$['@context'][0]: must be"),
        (lambda d: d.__setitem__("type", ["OpenBadgeCredential"]), "$.type: must include VerifiableCredential"),
        (lambda d: d.__setitem__("id", "3732"), "$.id: '3732' is not a URI"),
    ],
)
def test_data_model_deviations_are_conformance_warnings_with_their_path(change: Any, path: str) -> None:
    document = ob3_document()
    change(document)
    report = verify(document)
    [meaning, *rules] = report.check("structure")
    assert meaning.kind is CheckKind.AUTHENTICITY and meaning.status is CheckStatus.PASSED
    [finding] = [c for c in rules if path in c.detail]
    assert finding.kind is CheckKind.CONFORMANCE and finding.warning and finding.effect is None
    assert report.status is Status.UNVERIFIED  # unsigned; the deviation itself changes nothing
    strict = verify(document, strict=True)
    assert strict.status is Status.INVALID


def test_schema_errors_from_import_are_warnings_and_fail_only_under_strict() -> None:
    """A genuine signed credential the 1EdTech schema disagrees with stays valid, with the path shown."""
    document = sign_data_integrity(ob3_document(), ISSUER_KEY)
    errors = ["$.credentialSubject.achievement: 'criteria' is a required property", "$.issuer.image: not an object"]
    report = verify(document, build={"schema_errors": errors})
    assert report.status is Status.VALID, details(report)
    warnings = [c for c in report.check("structure") if c.warning]
    assert [c.detail for c in warnings] == [f"schema: {line}" for line in errors]
    assert all(c.kind is CheckKind.CONFORMANCE and c.to_jsonable()["warning"] is True for c in warnings)
    strict = verify(document, build={"schema_errors": errors}, strict=True)
    assert strict.status is Status.INVALID
    assert all(
        c.effect is Status.INVALID and not c.warning
        for c in strict.checks
        if c.kind is CheckKind.CONFORMANCE and c.status is CheckStatus.FAILED
    )


def test_an_expired_credential_with_schema_findings_is_expired() -> None:
    document = ob3_document(validFrom="2019-01-01T00:00:00Z", validUntil="2020-01-01T00:00:00Z")
    report = verify(sign_data_integrity(document, ISSUER_KEY), build={"schema_errors": ["$.x: nope"]})
    assert report.status is Status.EXPIRED, details(report)


def test_a_conforming_credential_says_so_in_one_conformance_line() -> None:
    report = verify(sign_data_integrity(ob3_document(), ISSUER_KEY))
    kinds = [(c.kind.value, c.status.value) for c in report.check("structure")]
    assert kinds == [("authenticity", "passed"), ("conformance", "passed")]


# ---- dates ----------------------------------------------------------------------------------------------


def iso(moment: Any) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "expected"),
    [
        (NOW + timedelta(minutes=4), None, Status.VALID),  # within the 5-minute skew
        (NOW + timedelta(minutes=6), None, Status.INVALID),
        (NOW - timedelta(days=9), NOW - timedelta(minutes=4), Status.VALID),
        (NOW - timedelta(days=9), NOW - timedelta(minutes=6), Status.EXPIRED),
    ],
)
def test_dates_with_clock_skew(valid_from: Any, valid_until: Any, expected: Status) -> None:
    fields = {"validFrom": iso(valid_from)}
    document = ob3_document(**fields)
    if valid_until is None:
        document.pop("validUntil")
    else:
        document["validUntil"] = iso(valid_until)
    assert verify(sign_data_integrity(document, ISSUER_KEY)).status is expected


def test_expiry_before_issuance_is_invalid() -> None:
    document = ob3_document(validFrom="2025-01-01T00:00:00Z", validUntil="2024-01-01T00:00:00Z")
    report = verify(sign_data_integrity(document, ISSUER_KEY))
    assert report.status is Status.INVALID and "before" in report.check("dates")[0].detail


def test_expired_but_forged_is_invalid_not_expired() -> None:
    document = sign_data_integrity(
        ob3_document(validUntil="2020-01-01T00:00:00Z", validFrom="2019-01-01T00:00:00Z"), ISSUER_KEY
    )
    document["name"] = "changed"
    assert verify(document).status is Status.INVALID


# ---- status ---------------------------------------------------------------------------------------------

LIST_URL = "https://school.example/status/1"


def status_list(
    revoked: set[int],
    *,
    size: int = 16384,
    issuer: str = ISSUER_DID,
    key: Any = ISSUER_KEY,
    encoded: str | None = None,
) -> dict[str, Any]:
    bits = bytearray(size // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    if encoded is None:
        encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits))).decode().rstrip("=")
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": LIST_URL + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
    return sign_data_integrity(document, key, verification_method=did_key_method(key))


def with_status(index: int, purpose: str = "revocation") -> dict[str, Any]:
    entry = {
        "id": f"{LIST_URL}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": LIST_URL,
    }
    return sign_data_integrity(ob3_document(credentialStatus=entry), ISSUER_KEY)


def test_status_entry_offline_is_unverified_and_says_how_to_check_it() -> None:
    """A status not checked from the issuer's own list is not a pass (DESIGN.md §5): unverified."""
    report = verify(with_status(7))
    (status,) = report.check("status")
    assert status.status is CheckStatus.SKIPPED and status.detail.startswith("skipped (offline)")
    assert LIST_URL in status.detail and "index 7" in status.detail and "--online" in status.detail
    assert report.status is Status.UNVERIFIED


def test_revoked_and_not_revoked_entries_with_a_supplied_list() -> None:
    documents = {LIST_URL: status_list({7})}
    assert verify(with_status(7), did_documents=documents).status is Status.REVOKED
    report = verify(with_status(8), did_documents=documents)
    assert report.status is Status.VALID, details(report)
    assert statuses(report, "status") == ["passed"]


def test_status_list_reports_verify_a_shared_list_once_and_never_across_documents() -> None:
    from credwallet.verify import StatusListReports

    shared = StatusListReports()
    documents = {LIST_URL: status_list({7})}
    items = [credential(with_status(index)) for index in (6, 7, 8)]
    reports = [
        verify_credential(c, identities=[], now=NOW, did_documents=documents, list_reports=shared) for c in items
    ]
    assert [r.status for r in reports] == [Status.VALID, Status.REVOKED, Status.VALID]
    assert shared.verified == 1
    forged = status_list(set())  # other documents (another run's, or a changed list): verified afresh
    forged["credentialSubject"]["encodedList"] = status_list({6})["credentialSubject"]["encodedList"]
    report = verify_credential(items[0], identities=[], now=NOW, did_documents={LIST_URL: forged}, list_reports=shared)
    assert report.status is Status.UNVERIFIED and "cannot be trusted" in report.check("status")[0].detail
    assert shared.verified == 2


def test_suspension_is_reported_as_suspended() -> None:
    document = status_list({3})
    document["credentialSubject"]["statusPurpose"] = "suspension"
    document = sign_data_integrity({k: v for k, v in document.items() if k != "proof"}, ISSUER_KEY)
    report = verify(with_status(3, "suspension"), did_documents={LIST_URL: document})
    assert report.status is Status.SUSPENDED and "suspended" in report.check("status")[0].detail


def test_status_list_with_a_bad_signature_cannot_be_trusted() -> None:
    forged = status_list({7})
    forged["credentialSubject"]["encodedList"] = status_list(set())["credentialSubject"]["encodedList"]
    report = verify(with_status(7), did_documents={LIST_URL: forged})
    assert report.status is Status.UNVERIFIED
    assert "cannot be trusted" in report.check("status")[0].detail


def test_status_list_from_another_issuer_is_a_warning_and_its_bit_is_reported() -> None:
    from credwallet.verify.signing import did_key

    foreign = status_list({7}, issuer=did_key(ATTACKER_KEY), key=ATTACKER_KEY)
    report = verify(with_status(7), did_documents={LIST_URL: foreign})
    assert report.status is Status.REVOKED, details(report)
    [bit, note] = report.check("status")
    assert "revoked" in bit.detail and note.warning and "not by the credential's issuer" in note.detail
    assert verify(with_status(8), did_documents={LIST_URL: foreign}).status is Status.VALID


def list_variant(change: Any, bits: set[int] = frozenset({7})) -> dict[str, Any]:  # type: ignore[assignment]
    """A status list credential changed by `change`, then signed by the issuer."""
    document = {k: v for k, v in status_list(set(bits)).items() if k != "proof"}
    change(document)
    return sign_data_integrity(document, ISSUER_KEY)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.__setitem__("validUntil", "2024-01-01T00:00:00Z"), "not valid now"),
        (lambda d: d.__setitem__("validFrom", "2999-01-01T00:00:00Z"), "not valid now"),
        (lambda d: d.__setitem__("type", ["VerifiableCredential"]), "not a BitstringStatusListCredential"),
        (lambda d: d["credentialSubject"].__setitem__("statusPurpose", "suspension"), "the list is for"),
    ],
)
def test_a_list_that_cannot_be_trusted_makes_the_status_unverified(change: Any, why: str) -> None:
    """Bitstring Status List §3.2: the list's validity period, type and purpose; not trusted, not valid."""
    report = verify(with_status(7), did_documents={LIST_URL: list_variant(change)})
    assert report.status is Status.UNVERIFIED, details(report)
    assert why in report.check("status")[0].detail and "cannot be trusted" in report.check("status")[0].detail


def test_status_size_and_message_are_read_per_the_spec() -> None:
    """statusSize 2 at index 3 reads bits 6-7; statusMessage says what the value means."""
    document = status_list({6})  # bits 6,7 = "10" -> 0x2 for index 3 with statusSize 2
    document["credentialSubject"]["statusPurpose"] = "message"
    document = sign_data_integrity({k: v for k, v in document.items() if k != "proof"}, ISSUER_KEY)
    entry = with_status(3, "message")
    entry["credentialStatus"] |= {
        "statusSize": 2,
        "statusMessage": [{"status": "0x0", "message": "pending"}, {"status": "0x2", "message": "accepted"}],
    }
    entry = sign_data_integrity({k: v for k, v in entry.items() if k != "proof"}, ISSUER_KEY)
    report = verify(entry, did_documents={LIST_URL: document})
    assert report.status is Status.VALID, details(report)
    assert "status message 0x2 (accepted)" in report.check("status")[0].detail


def test_status_list_gzip_bomb_is_stopped() -> None:
    bomb = gzip.compress(bytes(64 * 1024 * 1024))  # 64 MiB of zeros in ~64 KB
    encoded = "u" + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    report = verify(with_status(7), did_documents={LIST_URL: status_list(set(), encoded=encoded)})
    assert report.status is Status.UNVERIFIED
    assert "inflates beyond" in report.check("status")[0].detail


def test_status_index_outside_the_list() -> None:
    report = verify(with_status(20000), did_documents={LIST_URL: status_list(set())})
    assert report.status is Status.INVALID and "outside" in report.check("status")[0].detail


def test_an_unchecked_1edtech_revocation_list_is_reported_not_fatal() -> None:
    document = ob3_document(credentialStatus={"id": "https://x.example/s", "type": "1EdTechRevocationList"})
    document["@context"].append("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json")  # defines the type
    document = sign_data_integrity(document, ISSUER_KEY)
    report = verify(document)
    assert report.status is Status.UNVERIFIED  # offline: the revocation list is not checked
    assert "1EdTech revocation list" in report.check("status")[0].detail


# ---- recipient ------------------------------------------------------------------------------------------


def hashed(identity: str, salt: str, algorithm: str = "sha256", upper: bool = False) -> str:
    digest = hashlib.new(algorithm, (identity + salt).encode()).hexdigest()
    return f"{algorithm}${digest.upper() if upper else digest}"


def with_identifier(identity_hash: str, salt: str | None, hashed_flag: bool = True) -> dict[str, Any]:
    document = ob3_document()
    document["credentialSubject"]["identifier"] = [
        {
            "type": "IdentityObject",
            "identityHash": identity_hash,
            "identityType": "emailAddress",
            "hashed": hashed_flag,
            **({"salt": salt} if salt else {}),
        }
    ]
    return sign_data_integrity(document, ISSUER_KEY)


@pytest.mark.parametrize(
    ("identity_hash", "salt", "typed"),
    [
        (hashed("learner@example.org", "pepper"), "pepper", "learner@example.org"),
        (hashed("learner@example.org", "pepper", upper=True), "pepper", "learner@example.org"),
        (hashed("learner@example.org", "pepper"), "pepper", "Learner@Example.org"),  # lowercased retry
        (hashed("learner@example.org", "", "md5"), None, "learner@example.org"),
    ],
)
def test_hashed_recipient_matches(identity_hash: str, salt: str | None, typed: str) -> None:
    report = verify(with_identifier(identity_hash, salt), identities=["someone@else.org", typed])
    assert statuses(report, "recipient") == ["passed"], details(report)


def test_recipient_not_confirmed_is_a_warning_and_keeps_valid() -> None:
    report = verify(
        with_identifier(hashed("learner@example.org", "pepper"), "pepper"), identities=["other@example.org"]
    )
    (recipient,) = report.check("recipient")
    assert recipient.status is CheckStatus.FAILED and recipient.warning and recipient.effect is None
    assert "not confirmed" in recipient.detail
    assert report.status is Status.VALID


def test_did_subject_matches_a_did_identity() -> None:
    document = sign_data_integrity(ob3_document(), ISSUER_KEY)
    assert statuses(verify(document, identities=["did:example:learner-42"]), "recipient") == ["passed"]
    assert statuses(verify(document, identities=["learner-42"]), "recipient") == ["failed"]


def test_ob2_recipient_from_the_model() -> None:
    document = sign_data_integrity(ob3_document(), ISSUER_KEY)
    recipient = Recipient(identity=hashed("me@example.org", "s"), hashed=True, salt="s")
    report = verify(document, identities=["me@example.org"], build={"recipient": recipient})
    assert statuses(report, "recipient") == ["passed"]


# ---- report contract ------------------------------------------------------------------------------------


def test_report_json_contract() -> None:
    report = verify(sign_data_integrity(ob3_document(), ISSUER_KEY))
    data = report.to_jsonable()
    assert set(data) == {"status", "checks"} and data["status"] == "valid"
    assert [c["name"] for c in data["checks"]] == [
        "structure",
        "structure",
        "proof",
        "key",
        "dates",
        "status",
        "recipient",
    ]
    for check in data["checks"]:
        assert set(check) == {"name", "kind", "status", "detail"}
        assert check["status"] in {"passed", "failed", "skipped", "error"}
        assert check["kind"] in {"authenticity", "conformance"}


def test_a_broken_check_is_an_error_line_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    from credwallet.verify import verifier

    def explode(*args: Any, **kwargs: Any) -> Check:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(verifier, "dates_check", explode)
    report = verify(sign_data_integrity(ob3_document(), ISSUER_KEY))
    (dates,) = report.check("dates")
    assert dates.status is CheckStatus.ERROR and dates.detail == "RuntimeError: boom"
    assert report.status is Status.UNVERIFIED


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@context",
                    "type",
                    "issuer",
                    "id",
                    "proof",
                    "credentialSubject",
                    "validFrom",
                    "validUntil",
                    "credentialStatus",
                    "cryptosuite",
                    "verificationMethod",
                    "proofValue",
                    "recipient",
                    "identifier",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "@context",
                "type",
                "issuer",
                "proof",
                "credentialSubject",
                "validFrom",
                "credentialStatus",
                "recipient",
                "id",
            ]
        ),
        json_values,
        max_size=7,
    )
)
def test_arbitrary_documents_never_raise(document: dict[str, Any]) -> None:
    report = verify_document(document, now=NOW, identities=["a@example.org"])
    assert report.status in set(Status)
    assert all(c.status is not CheckStatus.ERROR for c in report.checks), details(report)


def test_legacy_ob1_assertion_is_unverified_not_invalid() -> None:
    from credwallet.model import CredentialFormat

    assertion = {
        "uid": "123",
        "recipient": "sha256$abc",
        "salt": "x",
        "issuedOn": "2013-01-01",
        "verify": {"type": "hosted", "url": "https://example.org/assertion.json"},
        "badge": "https://example.org/b",
    }
    report = verify(assertion, build={"fmt": CredentialFormat.OB1})
    assert report.status is Status.UNVERIFIED, details(report)
    assert "https://example.org/assertion.json" in report.check("proof")[0].detail


def test_importing_verify_loads_no_heavy_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, credwallet.verify, credwallet.verify.signing\n"
        "heavy = {'pyld', 'cryptography', 'joserfc', 'rfc8785', 'httpx', 'jsonschema'} & set(sys.modules)\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

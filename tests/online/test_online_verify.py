"""Online verification end to end: gathered documents through the unchanged verifier, plus the online checks.

Each scenario runs twice (the `source` fixture): answered from a `--documents` folder, and over https from a
127.0.0.1 server. Every failure must end as a clear line of the report, never an exception.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.model import Credential, CredentialFormat, Status
from credwallet.net import Fetcher, NetworkFetcher
from credwallet.online import verify_online
from credwallet.verify.report import Report
from credwallet.verify.signing import public_jwk, sign_data_integrity, sign_vc_jwt
from tests.online.builders import (
    ISSUER_KEY,
    NOW,
    OTHER_KEY,
    hosted_assertion,
    ob3,
    signed,
    status_entry,
    status_list,
    write_json,
)
from tests.online.builders import did_document as make_did_document
from tests.online.server import LocalServer, drip, endless, gzip_bomb, static

ISSUER = "https://issuer.example"
LIST = "https://issuer.example/status/1"
WEB_DID = "did:web:issuer.example"


def parsed(document: dict[str, Any]) -> Credential:
    (credential,) = parse_bytes(json.dumps(document).encode(), source="test")
    return credential


def run(fetcher: Fetcher, *documents: dict[str, Any]) -> list[Report]:
    return verify_online([parsed(d) for d in documents], fetcher, identities=[], now=NOW).reports


def details(report: Report, name: str | None = None) -> str:
    return " | ".join(f"{c.name}:{c.status.value}:{c.detail}" for c in report.checks if name in (None, c.name))


def test_revoked_suspended_and_not_revoked(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    write_json(root, "issuer.example/status/1", status_list(LIST, {3}))
    write_json(root, "issuer.example/status/2", status_list(f"{ISSUER}/status/2", {5}, purpose="suspension"))
    revoked = signed(ob3(number=1, credentialStatus=status_entry(LIST, 3)))
    suspended = signed(ob3(number=2, credentialStatus=status_entry(f"{ISSUER}/status/2", 5, "suspension")))
    fine = signed(ob3(number=3, credentialStatus=status_entry(LIST, 8)))
    reports = run(fetcher, revoked, suspended, fine)
    assert [r.status for r in reports] == [Status.REVOKED, Status.SUSPENDED, Status.VALID], [
        details(r) for r in reports
    ]
    assert "revoked: the issuer's status list" in details(reports[0], "status")
    assert "suspended:" in details(reports[1], "status")
    assert "not revoked" in details(reports[2], "status")
    assert getattr(fetcher, "requests_made", 0) == 2  # two lists, each fetched once for three credentials


def test_a_status_list_with_a_bad_signature_is_not_trusted(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    forged = status_list(LIST, {3})
    forged["credentialSubject"]["encodedList"] = status_list(LIST, set())["credentialSubject"]["encodedList"]
    write_json(root, "issuer.example/status/1", forged)
    (report,) = run(fetcher, signed(ob3(credentialStatus=status_entry(LIST, 3))))
    assert report.status is Status.UNVERIFIED
    assert "cannot be trusted" in details(report, "status")


def test_a_status_list_signed_by_someone_else_is_a_warning_and_its_bit_counts(source: tuple[Path, Fetcher]) -> None:
    """DCC's issuers publish lists this way: the credential's issuer pointed to the list (in what it signed)."""
    root, fetcher = source
    write_json(root, "issuer.example/status/1", status_list(LIST, {3}, key=OTHER_KEY))
    revoked, fine = run(
        fetcher,
        signed(ob3(number=1, credentialStatus=status_entry(LIST, 3))),
        signed(ob3(number=2, credentialStatus=status_entry(LIST, 4))),
    )
    assert revoked.status is Status.REVOKED and "not by the credential's issuer" in details(revoked, "status")
    assert fine.status is Status.VALID and "not by the credential's issuer" in details(fine, "status")


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (None, "HTTP 404"),
        (static(b"<!doctype html><html><body>Status</body></html>", content_type="text/html"), "invalid JSON"),
        (gzip_bomb(64 * 1024 * 1024), "compression bomb"),
        (endless(100 * 1024 * 1024), "byte limit"),
        (drip(interval=0.3), "timed out"),
        (static(gzip.compress(b"[1, 2]"), headers={"Content-Encoding": "gzip"}), "not a JSON object"),
    ],
)
def test_every_status_list_failure_is_a_line_of_the_report(
    server: LocalServer, fetcher: NetworkFetcher, route: Any, expected: str
) -> None:
    list_url = server.url("/status/1")
    if route is not None:
        server.routes["/status/1"] = route
    (report,) = run(fetcher, signed(ob3(credentialStatus=status_entry(list_url, 3))))
    assert report.status is Status.UNVERIFIED, details(report)
    (status,) = report.check("status")
    assert status.status.value == "skipped" and status.detail.startswith("status unknown: BitstringStatusList")
    assert "index 3" in status.detail and expected in status.detail
    assert expected in details(report, "documents"), details(report)


def test_did_web_issuer_key_listed_under_assertion_method(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    write_json(root, "issuer.example/.well-known/did.json", make_did_document(WEB_DID))
    document = signed(ob3(WEB_DID), method=f"{WEB_DID}#key-1")
    (report,) = run(fetcher, document)
    assert report.status is Status.VALID, details(report)
    assert "controlled by the issuer" in details(report, "key")


def test_did_web_key_missing_from_assertion_method(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    write_json(root, "issuer.example/.well-known/did.json", make_did_document(WEB_DID, listed=False))
    (report,) = run(fetcher, signed(ob3(WEB_DID), method=f"{WEB_DID}#key-1"))
    assert report.status is Status.INVALID
    assert "not listed under assertionMethod" in details(report, "key")


def test_did_web_document_not_found_online_says_so_not_run_with_online(source: tuple[Path, Fetcher]) -> None:
    _, fetcher = source  # nothing served: the DID document cannot be had
    (report,) = run(fetcher, signed(ob3(WEB_DID), method=f"{WEB_DID}#key-1"))
    assert report.status is Status.UNVERIFIED
    assert "--online" not in details(report), details(report)
    assert f"the DID document of {WEB_DID} was not found" in details(report, "key")


def test_hosted_key_authorized_only_by_verification_method_is_invalid(source: tuple[Path, Fetcher]) -> None:
    """A key the issuer's controller document holds but does not list under assertionMethod signs nothing."""
    root, fetcher = source
    method = f"{ISSUER}/profile#key-1"
    write_json(root, "issuer.example/profile", make_did_document(f"{ISSUER}/profile", listed=False))
    (report,) = run(fetcher, signed(ob3(f"{ISSUER}/profile"), method=method))
    assert report.status is Status.INVALID, details(report)
    assert "key not authorized for assertionMethod by its controller" in details(report, "key")


def test_did_web_document_for_another_did_is_not_used(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    write_json(root, "issuer.example/.well-known/did.json", make_did_document("did:web:evil.example"))
    (report,) = run(fetcher, signed(ob3(WEB_DID), method=f"{WEB_DID}#key-1"))
    assert report.status is Status.UNVERIFIED
    assert "names 'did:web:evil.example', not did:web:issuer.example" in details(report, "documents")


def serve_hosted(root: Path, assertion: dict[str, Any], *, issuer: dict[str, Any] | None = None) -> None:
    """The assertion at its id, its badge class and the issuer profile at https://issuer.example/."""
    write_json(root, assertion["id"].removeprefix("https://"), assertion)
    badge = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "BadgeClass",
        "id": f"{ISSUER}/badges/sql.json",
        "name": "SQL Fundamentals",
        "description": "Writes SQL.",
        "image": f"{ISSUER}/badges/sql.png",
        "criteria": {"narrative": "Pass the exam."},
        "issuer": f"{ISSUER}/issuer.json",
    }
    profile = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Issuer",
        "id": f"{ISSUER}/issuer.json",
        "name": "Example Data School",
        "url": ISSUER,
        "email": "badges@issuer.example",
        **(issuer or {}),
    }
    write_json(root, "issuer.example/badges/sql.json", badge)
    write_json(root, "issuer.example/issuer.json", profile)


def test_hosted_assertion_within_the_default_policy(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    assertion = hosted_assertion(ISSUER)
    serve_hosted(root, assertion)
    (report,) = run(fetcher, assertion)
    assert report.status is Status.VALID, details(report)
    assert "matches your copy" in details(report, "proof") and "within the verification policy" in details(
        report, "key"
    )


def test_hosted_assertion_outside_the_issuer_policy(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    assertion = hosted_assertion("https://evil.example", badge=f"{ISSUER}/badges/sql.json")
    serve_hosted(root, assertion)
    (report,) = run(fetcher, assertion)
    assert report.status is Status.INVALID
    assert "outside the issuer's verification policy: evil.example is not the origin" in details(report, "key")


@pytest.mark.parametrize(
    ("policy", "status"),
    [
        ({"allowedOrigins": ["badges.example", "evil.example"]}, Status.VALID),
        ({"allowedOrigins": "evil.example", "startsWith": "https://evil.example/assertions/"}, Status.VALID),
        ({"allowedOrigins": "evil.example", "startsWith": ["https://evil.example/other/"]}, Status.INVALID),
        ({"allowedOrigins": ["badges.example"]}, Status.INVALID),
    ],
)
def test_hosted_assertion_with_an_explicit_policy(
    source: tuple[Path, Fetcher], policy: dict[str, Any], status: Status
) -> None:
    root, fetcher = source
    assertion = hosted_assertion("https://evil.example", badge=f"{ISSUER}/badges/sql.json")
    serve_hosted(root, assertion, issuer={"verification": {"type": "VerificationObject", **policy}})
    (report,) = run(fetcher, assertion)
    assert report.status is status, details(report)


def test_hosted_assertion_changed_after_issue_is_invalid(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    stored = hosted_assertion(ISSUER)
    serve_hosted(root, {**stored, "recipient": {"type": "email", "hashed": False, "identity": "other@example.org"}})
    (report,) = run(fetcher, stored)
    assert report.status is Status.INVALID and "differs from the issuer's hosted assertion" in details(report)


def test_hosted_assertion_gone_is_revoked_with_its_reason(server: LocalServer, fetcher: NetworkFetcher) -> None:
    base = f"http://127.0.0.1:{server.port}"
    assertion = hosted_assertion(base)
    gone = {"id": assertion["id"], "revoked": True, "revocationReason": "issued in error"}
    server.routes["/assertions/1.json"] = static(json.dumps(gone).encode(), status=410)
    (report,) = run(fetcher, assertion)
    assert report.status is Status.REVOKED and "revoked by the issuer: issued in error" in details(report)


def test_hosted_assertion_that_cannot_be_fetched_is_unverified(source: tuple[Path, Fetcher]) -> None:
    _, fetcher = source
    (report,) = run(fetcher, hosted_assertion(ISSUER))
    assert report.status is Status.UNVERIFIED
    assert "could not be fetched" in details(report, "proof") and "HTTP 404" in details(report, "documents")


def test_1edtech_revocation_list(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    entry = {"id": f"{ISSUER}/revocations", "type": "1EdTechRevocationList"}
    # JCS: the 1EdTechRevocationList type is in no bundled JSON-LD context, so RDF canonicalization refuses it
    revoked = signed(ob3(number=1, credentialStatus=entry), suite="eddsa-jcs-2022")
    fine = signed(ob3(number=2, credentialStatus=entry), suite="eddsa-jcs-2022")
    listing = {"revokedCredentials": [{"id": revoked["id"], "revocationReason": "academic misconduct"}]}
    write_json(root, "issuer.example/revocations", listing)
    reports = run(fetcher, revoked, fine)
    assert reports[0].status is Status.REVOKED and "academic misconduct" in details(reports[0], "status")
    assert reports[1].status is Status.VALID, details(reports[1])


def test_an_offline_run_uses_the_cache_and_says_how_old(web: Any, tmp_path: Path) -> None:
    from credwallet.online import make_fetcher
    from credwallet.store.wallet import Wallet

    write_json(web.root, "issuer.example/status/1", status_list(LIST, {3}))
    document = signed(ob3(credentialStatus=status_entry(LIST, 3)))
    with Wallet.open(tmp_path / "w.db", home=tmp_path) as wallet:
        online = make_fetcher(wallet=wallet, online=True)
        online.inner = web.fetcher  # type: ignore[attr-defined]  # the stand-in web
        assert run(online, document)[0].status is Status.REVOKED
        (report,) = run(make_fetcher(wallet=wallet), document)  # no network at all
    assert report.status is Status.REVOKED
    assert "1 from the wallet's cache (oldest" in details(report, "documents")


@pytest.mark.parametrize("listed", [True, False])
def test_hosted_jwks_key_bound_by_the_issuer_profile(source: tuple[Path, Fetcher], listed: bool) -> None:
    root, fetcher = source
    kid = f"{ISSUER}/jwks.json#signing-1"
    write_json(root, "issuer.example/jwks.json", {"keys": [{**public_jwk(ISSUER_KEY), "kid": "signing-1"}]})
    profile = {"id": f"{ISSUER}/profile", "type": ["Profile"], "assertionMethod": [kid] if listed else []}
    write_json(root, "issuer.example/profile", profile)
    token = sign_vc_jwt(ob3(f"{ISSUER}/profile"), ISSUER_KEY, kid=kid)
    (credential,) = parse_bytes(token.encode(), source="test")
    assert credential.format is CredentialFormat.OB3_JWT
    (report,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    if listed:
        assert report.status is Status.VALID, details(report)
        assert report.check("proof")[0].status.value == "passed"
    else:
        assert report.status is Status.INVALID and "does not list" in details(report, "key"), details(report)


def test_a_shared_status_list_is_verified_once_per_run(
    source: tuple[Path, Fetcher], monkeypatch: pytest.MonkeyPatch
) -> None:
    """20 credentials on 2 lists: the lists' proofs are checked twice in all, not once per credential."""
    from credwallet.verify import dataintegrity

    root, fetcher = source
    lists = [f"{ISSUER}/status/{n}" for n in range(2)]
    for url in lists:
        write_json(root, url.removeprefix("https://"), status_list(url, {4}))
    checked: list[str] = []
    real = dataintegrity.verify_proofs

    def counting(document: Any, **options: Any) -> Any:
        checked.append(str(document.get("id")))
        return real(document, **options)

    monkeypatch.setattr(dataintegrity, "verify_proofs", counting)
    documents = [signed(ob3(number=n, credentialStatus=status_entry(lists[n % 2], n))) for n in range(20)]
    reports = run(fetcher, *documents)
    assert [r.status for r in reports] == [Status.REVOKED if n == 4 else Status.VALID for n in range(20)]
    assert sorted(u for u in checked if u in lists) == lists
    assert len(checked) == 22  # each credential once, each list once


CONTEXT = "https://issuer.example/contexts/skills/v1"
SKILLS = {"@context": {"skillLevel": "https://issuer.example/vocab#skillLevel"}}


def with_context(document: dict[str, Any]) -> dict[str, Any]:
    document["@context"] = [*document["@context"], CONTEXT]
    document["credentialSubject"]["skillLevel"] = "advanced"
    return sign_data_integrity(document, ISSUER_KEY, documents={CONTEXT: SKILLS})


def test_an_unbundled_context_is_fetched_through_the_safe_client(source: tuple[Path, Fetcher]) -> None:
    """--online / --documents fetch a context the proof needs; it is vetted, then used."""
    root, fetcher = source
    write_json(root, "issuer.example/contexts/skills/v1", SKILLS)
    (report,) = run(fetcher, with_context(ob3()))
    assert report.status is Status.VALID, details(report)
    assert CONTEXT in details(report, "documents")


def test_a_fetched_context_that_redefines_a_protected_term_is_refused(source: tuple[Path, Fetcher]) -> None:
    root, fetcher = source
    write_json(root, "issuer.example/contexts/skills/v1", {"@context": {"issuer": "https://evil.example/i"}})
    (report,) = run(fetcher, with_context(ob3()))
    assert report.status is Status.INVALID and "redefines the protected term 'issuer'" in details(report, "proof")


def test_a_context_that_cannot_be_fetched_leaves_the_proof_unchecked(source: tuple[Path, Fetcher]) -> None:
    _, fetcher = source
    (report,) = run(fetcher, with_context(ob3()))
    assert report.status is Status.UNVERIFIED
    assert CONTEXT in details(report, "proof") and "could not fetch the context" in details(report, "documents")

"""Every external fixture whose verdict depends on fetched documents gets the verdict SOURCES.md predicts.

The 1EdTech validator's tests serve `ob2/1edtech-validator/assets/` in place of https://example.org/ (and
http://example.org/ for keys and lists); a hosted assertion is served at its own id; the bit-string-list
`testlist` at its raw.githubusercontent.com address. Each fixture runs with those documents answered by
`--documents DIR` and by a 127.0.0.1 https/http server (the `source` fixture).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.model import Status
from credwallet.net import Fetcher
from credwallet.online import verify_online
from credwallet.verify.report import Report
from tests.online.builders import NOW, write_json

TESTLIST = (
    "raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)
V, BAD, E, R, U = Status.VALID, Status.INVALID, Status.EXPIRED, Status.REVOKED, Status.UNVERIFIED

# fixture: (status with its documents served, why SOURCES.md says so)
TABLE: dict[str, tuple[Status, str]] = {
    "ob2/1edtech-validator/basic-assertion.json": (V, "DOC: VALID when example.org resolves to assets/"),
    "ob2/1edtech-validator/simple-badge.png": (V, "DOC: baked basic assertion, expects VALID"),
    "ob2/openbadges-validator-core/baked_heart.png": (V, "the same hosted assertion, pretty-printed"),
    "ob2/1edtech-validator/assertion-with-endorsements.json": (V, "DOC: expects VALID"),
    "ob2/1edtech-validator/basic-assertion-expired.json": (E, "DOC: expires 2022-11-15 => EXPIRED"),
    "ob2/1edtech-spec/assertion-hosted.json": (E, "spec example, expires 2017-06-30 => EXPIRED"),
    "ob2/1edtech-validator/basic-assertion-in-future.json": (BAD, "DOC: issued in 2100, expects INVALID"),
    "hostile/ob2-1edtech-validator/basic-assertion-expired-before-issued.json": (BAD, "DOC: expects INVALID"),
    "ob2/1edtech-validator/simple.jwt": (V, "RUN: RS256 VALID with assets/key1.json"),
    "ob2/1edtech-validator/simple-not-revoked.jwt": (V, "RUN: key2, empty revocation list"),
    "ob2/1edtech-validator/simple-revoked.jwt": (R, "RUN: listed in assets/revocation-list.json"),
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json": (R, "RUN: bit 23 set in testlist"),
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked-blank-nodes.json": (R, "RUN: bit 23"),
}
# The 1EdTech validator's INVALID for these is a conformance opinion (verify/structure.py): the issuer hosts
# exactly this assertion, so it is valid with the finding shown as a warning (`verify --strict` fails it).
STRUCTURE_RULES: dict[str, tuple[Status, str, str]] = {
    "ob2/1edtech-validator/assertion-with-data-image.json": (
        V, "DOC: an assertion image must not be data:", "$.image: a data: URI"
    ),
    "hostile/ob2-1edtech-validator/basic-assertion-invalid-context.json": (
        V, "DOC: wrong @context, INVALID", "$['@context']: must include https://w3id.org/openbadges/v2"
    ),
    # SOURCES.md says INVALID: the 1EdTech validator fetches the extension's context and JSON schema, and the
    # node fails it. credwallet never fetches a schema: the extension is named as unchecked conformance.
    "hostile/ob2-1edtech-validator/assertion-with-extension-node-invalid.json": (
        V,
        "DOC: INVALID by its extension schema, which is never fetched here",
        "extension extensions:exampleExtension: its extension schema (declared in its context "
        "https://w3id.org/openbadges/extensions/exampleExtension/context.json) is not bundled",
    ),
}  # fmt: skip
# Their badge classes are not among the published stand-ins: with everything else served they stay unverified.
MISSING_STAND_INS = {
    "ob2/1edtech-validator/basic-assertion-with-language.json": "badgeclass-with-language.json",
    "hostile/ob2-1edtech-validator/basic-assertion-no-public-key.json": "basic-badge-no-public-key.json",
}


def serve_stand_ins(external: Path, root: Path) -> None:
    site = root / "example.org"
    site.mkdir(parents=True, exist_ok=True)
    for asset in (external / "ob2/1edtech-validator/assets").iterdir():
        shutil.copy(asset, site / asset.name)
    testlist = root / TESTLIST
    testlist.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(external / "ob3/1edtech-validator/bit-string-list/testlist", testlist)


def verify_fixture(external: Path, relative: str, source: tuple[Path, Fetcher]) -> Report:
    root, fetcher = source
    serve_stand_ins(external, root)
    path = external / relative
    credentials = parse_bytes(path.read_bytes(), source=str(path))
    hosted_id = str(credentials[0].document.get("id", ""))
    if hosted_id.startswith(("https://example.org/", "http://example.org/")):
        write_json(root, hosted_id.split("://", 1)[1], credentials[0].document)  # the assertion at its id
    return verify_online(credentials, fetcher, identities=[], now=NOW).reports[0]


def shown(report: Report) -> str:
    return " | ".join(f"{c.name}:{c.status.value}:{c.detail}" for c in report.checks)


@pytest.mark.parametrize("relative", sorted(TABLE))
def test_fixture_verdict_with_documents_served(external: Path, source: tuple[Path, Fetcher], relative: str) -> None:
    expected, why = TABLE[relative]
    report = verify_fixture(external, relative, source)
    assert report.status is expected, f"{why}: {shown(report)}"
    assert [c.status.value for c in report.check("proof")][:1] == ["passed"], shown(report)


@pytest.mark.parametrize("relative", sorted(STRUCTURE_RULES))
def test_fixture_verdicts_that_need_offline_rules(external: Path, source: tuple[Path, Fetcher], relative: str) -> None:
    expected, why, detail = STRUCTURE_RULES[relative]
    report = verify_fixture(external, relative, source)
    assert report.status is expected, f"{why}: {shown(report)}"
    assert detail in " | ".join(c.detail for c in report.check("structure")), shown(report)


@pytest.mark.parametrize("relative", sorted(MISSING_STAND_INS))
def test_fixtures_without_their_stand_ins_are_unverified_and_say_why(
    external: Path, source: tuple[Path, Fetcher], relative: str
) -> None:
    report = verify_fixture(external, relative, source)
    assert report.status is U
    assert f"could not fetch the badge: https://example.org/{MISSING_STAND_INS[relative]}" in shown(report)


def test_revocation_reason_is_reported(external: Path, source: tuple[Path, Fetcher]) -> None:
    report = verify_fixture(external, "ob2/1edtech-validator/simple-revoked.jwt", source)
    assert "revoked by the issuer: A good reason, for sure" in shown(report)


ONE_EDTECH_KEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"  # published 1EdTech test key


def test_did_web_issuer_and_1edtech_revocation_list_with_written_stand_ins(
    external: Path, source: tuple[Path, Fetcher]
) -> None:
    """credential-status-revoked.json (DOC: expects REVOKED) needs a DID document and a revocation list that
    were never published; these stand-ins are ours: the DID lists the 1EdTech test key, the list the id."""
    root, fetcher = source
    path = external / "ob3/1edtech-validator/credential-status-revoked.json"
    (credential,) = parse_bytes(path.read_bytes(), source=str(path))
    did = str(credential.document["issuer"]["id"])
    method = {"id": f"{did}#{ONE_EDTECH_KEY}", "type": "Ed25519VerificationKey2020", "controller": did,
              "publicKeyMultibase": ONE_EDTECH_KEY}  # fmt: skip
    did_document: dict[str, Any] = {"@context": ["https://www.w3.org/ns/did/v1"], "id": did,
                                    "verificationMethod": [method], "assertionMethod": [method["id"]]}  # fmt: skip
    write_json(root, "dc.1edtech.org/wellspring2022/wellspring-portal/org/" + did.rsplit(":", 1)[1] + "/did.json",
               did_document)  # fmt: skip
    listing = {"revokedCredentials": [{"id": credential.document["id"], "revocationReason": "test revocation"}]}
    status_url = credential.document["credentialStatus"]["id"]
    write_json(root, status_url.removeprefix("https://"), listing)
    (report,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    assert report.status is R, shown(report)
    assert [c.status.value for c in report.check("proof")] == ["passed"]
    assert report.check("key")[0].status.value == "passed"
    assert "revoked by the issuer: test revocation" in shown(report)
    listing["revokedCredentials"] = []
    write_json(root, status_url.removeprefix("https://"), listing)
    (again,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    assert again.status is V, shown(again)


def test_hosted_controller_document_binds_the_key(external: Path, source: tuple[Path, Fetcher]) -> None:
    """simple-did-web-method.json's key is https://1edtech.edu/issuers/565049#z6Mk...: with an issuer document
    there that lists it under assertionMethod (our stand-in), the credential is valid; a document that does
    not hold that key, or holds it without authorizing it for assertionMethod, makes it invalid."""
    root, fetcher = source
    path = external / "ob3/1edtech-validator/simple-did-web-method.json"
    (credential,) = parse_bytes(path.read_bytes(), source=str(path))
    issuer = "https://1edtech.edu/issuers/565049"
    method = {"id": f"{issuer}#{ONE_EDTECH_KEY}", "type": "Multikey", "controller": issuer,
              "publicKeyMultibase": ONE_EDTECH_KEY}  # fmt: skip
    profile = {"id": issuer, "verificationMethod": [method], "assertionMethod": [method["id"]]}
    write_json(root, "1edtech.edu/issuers/565049", profile)
    (report,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    assert report.status is V, shown(report)
    other = f"{issuer}#key-2"
    profile = {"id": issuer, "verificationMethod": [{**method, "id": other}], "assertionMethod": [other]}
    write_json(root, "1edtech.edu/issuers/565049", profile)
    (report,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    assert report.status is BAD, shown(report)
    # The key is in the issuer's document but authorized only for authentication, not assertionMethod.
    profile = {"id": issuer, "verificationMethod": [method], "authentication": [method["id"]]}
    write_json(root, "1edtech.edu/issuers/565049", profile)
    (report,) = verify_online([credential], fetcher, identities=[], now=NOW).reports
    assert report.status is BAD, shown(report)
    assert "key not authorized for assertionMethod by its controller" in report.check("key")[0].detail

"""OB 2.0 signed assertions: a key is trusted only from the issuer's own documents (issue 12 item 1).

The issuer profile must be the one answered at the issuer's own id, list the key's id in `publicKey`, and the
key's material must come from that profile or from the key's own id (whose document names that id and, when
it names an owner, the issuer); a badge class claimed at a host the issuer does not control is refused.
Anything the signed assertion embeds (an issuer object, a key, a `publicKey` list) is a claim, never a key
source: offline, and online where a fetcher serves whatever the attacker's hosts say.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.online import verify_online
from credwallet.online.fetchers import DirectoryFetcher
from credwallet.verify import verify_document
from credwallet.verify.signing import sign_ob2_assertion

NOW = datetime(2026, 6, 1, tzinfo=UTC)
ISSUER = "https://school.example/issuer.json"
KEY = "https://school.example/keys/1.json"
BADGE = "https://school.example/badges/sql.json"
ATTACKER = "https://attacker.example"
OB2 = "https://w3id.org/openbadges/v2"


@cache
def _rsa(name: str) -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem(name: str) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return _rsa(name).public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


def _key_document(key_id: str, owner: str | None, name: str) -> dict[str, Any]:
    document = {"@context": OB2, "id": key_id, "type": "CryptographicKey", "publicKeyPem": _pem(name)}
    return document | ({"owner": owner} if owner else {})


def _profile(**changes: Any) -> dict[str, Any]:
    profile = {
        "@context": OB2, "type": "Issuer", "id": ISSUER, "name": "School", "url": "https://school.example",
        "email": "badges@school.example", "publicKey": KEY,
    }  # fmt: skip
    return profile | changes


def _badge(**changes: Any) -> dict[str, Any]:
    badge = {
        "@context": OB2, "type": "BadgeClass", "id": BADGE, "name": "SQL", "description": "Queries.",
        "image": "https://school.example/badges/sql.png", "criteria": {"narrative": "Pass."}, "issuer": ISSUER,
    }  # fmt: skip
    return badge | changes


def _issuer_documents() -> dict[str, Any]:
    """What the issuer publishes, by the URL that answers each document."""
    return {ISSUER: _profile(), KEY: _key_document(KEY, ISSUER, "issuer"), BADGE: _badge()}


def _assertion(badge: Any = BADGE, creator: str | None = KEY) -> dict[str, Any]:
    verification: dict[str, Any] = {"type": "SignedBadge"} | ({"creator": creator} if creator else {})
    return {
        "@context": OB2, "type": "Assertion", "id": "urn:uuid:4f1c0a52-3e0b-4a53-9a1e-0c8d2f6f1a11",
        "recipient": {"type": "email", "hashed": False, "identity": "learner@example.org"},
        "badge": badge, "verification": verification, "issuedOn": "2026-01-15T12:00:00Z",
    }  # fmt: skip


def _signed(assertion: dict[str, Any], signer: str = "attacker") -> str:
    return sign_ob2_assertion(assertion, _rsa(signer))


def _verdict(token: str, documents: dict[str, Any]) -> tuple[str, str]:
    report = verify_document(token, now=NOW, identities=["learner@example.org"], did_documents=documents)
    return report.status.value, " | ".join(f"{c.name} {c.status.value}: {c.detail}" for c in report.checks)


def test_the_issuers_own_signature_is_valid() -> None:
    status, why = _verdict(_signed(_assertion(), signer="issuer"), _issuer_documents())
    assert status == "valid", why
    assert f"{KEY} is listed in the publicKey of the issuer profile {ISSUER}" in why


# Each forgery: the assertion (signed by the attacker) and the documents the attacker can add to the issuer's.
EMBEDDED_KEY = _key_document(f"{ATTACKER}/key.json", ISSUER, "attacker")
FORGERIES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "embedded issuer lists the attacker's key URL": (
        _assertion(_badge(issuer=_profile(publicKey=f"{ATTACKER}/key.json")), creator=f"{ATTACKER}/key.json"),
        {f"{ATTACKER}/key.json": EMBEDDED_KEY},
    ),
    "embedded issuer embeds the attacker's key": (
        _assertion(_badge(issuer=_profile(publicKey=[EMBEDDED_KEY])), creator=None),
        {},
    ),
    "embedded badge class without an id embeds the attacker's key": (
        _assertion({k: v for k, v in _badge(issuer=_profile(publicKey=[EMBEDDED_KEY])).items() if k != "id"}, None),
        {},
    ),
    "creator names the attacker's key, owned by the issuer": (
        _assertion(creator=f"{ATTACKER}/key.json"),
        {f"{ATTACKER}/key.json": EMBEDDED_KEY},
    ),
    "creator names the issuer's key": (_assertion(creator=KEY), {}),
    "no creator: every key the issuer lists is tried": (_assertion(creator=None), {}),
    "the attacker's key document claims the issuer's key id": (
        _assertion(creator=f"{ATTACKER}/key.json"),
        {f"{ATTACKER}/key.json": _key_document(KEY, ISSUER, "attacker")},
    ),
    "badge class hosted by the attacker names the issuer": (
        _assertion(f"{ATTACKER}/badge.json", creator=f"{ATTACKER}/key.json"),
        {f"{ATTACKER}/badge.json": _badge(id=f"{ATTACKER}/badge.json"), f"{ATTACKER}/key.json": EMBEDDED_KEY},
    ),
    "embedded badge class claims an id on the attacker's host": (
        _assertion(_badge(id=f"{ATTACKER}/badge.json")),
        {},
    ),
    "the attacker's profile answers at its own URL and claims the issuer's id": (
        _assertion(_badge(issuer=f"{ATTACKER}/issuer.json"), creator=f"{ATTACKER}/key.json"),
        {f"{ATTACKER}/issuer.json": _profile(publicKey=f"{ATTACKER}/key.json"), f"{ATTACKER}/key.json": EMBEDDED_KEY},
    ),
}


@pytest.mark.parametrize("case", sorted(FORGERIES))
def test_no_key_from_outside_the_issuers_own_documents_is_trusted_offline(case: str) -> None:
    assertion, extra = FORGERIES[case]
    status, why = _verdict(_signed(assertion), {**_issuer_documents(), **extra})
    assert status != "valid", why
    assert status in ("invalid", "unverified"), why


def test_a_listed_key_whose_document_names_another_owner_is_not_the_issuers() -> None:
    """OB 2.0 wants the link both ways: the profile lists the key, and the key's `owner` (when given) is the
    issuer."""
    documents = {**_issuer_documents(), KEY: _key_document(KEY, f"{ATTACKER}/issuer.json", "issuer")}
    status, why = _verdict(_signed(_assertion(), signer="issuer"), documents)
    assert status == "invalid", why
    assert f"key not controlled by issuer: {KEY} is owned by {ATTACKER}/issuer.json" in why


def test_without_the_issuer_profile_nothing_embedded_stands_in_for_it() -> None:
    """Offline with no documents: the embedded issuer's key is not used; the verdict says what is missing."""
    embedded = _assertion(_badge(issuer=_profile(publicKey=[EMBEDDED_KEY])), creator=None)
    status, why = _verdict(_signed(embedded), {})
    assert status == "unverified", why
    assert f"the issuer profile {ISSUER}" in why


def _serve(root: Path, documents: dict[str, Any]) -> DirectoryFetcher:
    for url, document in documents.items():
        path = root / url.removeprefix("https://")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document), encoding="utf-8")
    return DirectoryFetcher(root)


@pytest.mark.parametrize("case", sorted(FORGERIES))
def test_no_key_from_outside_the_issuers_own_documents_is_trusted_online(case: str, tmp_path: Path) -> None:
    """Online: every document is fetched from its own URL (the attacker's hosts serve what the attacker wants)
    and the forged assertion is still not valid."""
    assertion, extra = FORGERIES[case]
    fetcher = _serve(tmp_path, {**_issuer_documents(), **extra})
    [credential] = parse_bytes(_signed(assertion).encode("ascii"), source=f"{case}.jws")
    [report] = verify_online([credential], fetcher, identities=["learner@example.org"], now=NOW).reports
    assert report.status.value in ("invalid", "unverified"), [(c.name, c.detail) for c in report.checks]


def test_online_the_genuine_assertion_is_valid_and_its_key_comes_from_the_issuer(tmp_path: Path) -> None:
    fetcher = _serve(tmp_path, _issuer_documents())
    [credential] = parse_bytes(_signed(_assertion(), signer="issuer").encode("ascii"), source="genuine.jws")
    [report] = verify_online([credential], fetcher, identities=["learner@example.org"], now=NOW).reports
    assert report.status.value == "valid", [(c.name, c.detail) for c in report.checks]

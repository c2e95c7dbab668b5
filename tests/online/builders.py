"""Credentials and issuer documents for the online tests, signed with the verify package's signing helpers."""

from __future__ import annotations

import base64
import copy
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from credwallet.model import Credential, CredentialFormat, Issuer
from credwallet.verify.signing import did_key, did_key_method, ed25519_key_from_seed, sign_data_integrity

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB2_CONTEXT = "https://w3id.org/openbadges/v2"

ISSUER_KEY = ed25519_key_from_seed(b"credwallet online test issuer")
OTHER_KEY = ed25519_key_from_seed(b"credwallet online test stranger")
ISSUER_DID = did_key(ISSUER_KEY)


def ob3(issuer: str = ISSUER_DID, *, number: int = 1, **extra: Any) -> dict[str, Any]:
    """An unsigned OpenBadgeCredential (VC 2.0 + OB 3.0.3)."""
    document: dict[str, Any] = {
        "@context": [VC_V2, OB_303],
        "id": f"urn:uuid:6f1c1a52-3d1e-4b5e-9a61-{number:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example Data School"},
        "validFrom": "2025-01-15T09:00:00Z",
        "name": "SQL Fundamentals",
        "credentialSubject": {
            "id": "did:example:learner-42",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://school.example/achievements/sql-101",
                "type": ["Achievement"],
                "name": "SQL Fundamentals",
                "description": "Writes SELECT queries with joins and grouping.",
                "criteria": {"narrative": "Passed the proctored SQL assessment."},
            },
        },
    }
    document.update(extra)
    return document


def status_entry(list_url: str, index: int, purpose: str = "revocation") -> dict[str, Any]:
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list(
    list_url: str, set_bits: set[int], *, purpose: str = "revocation", key: Any = ISSUER_KEY, size: int = 16384
) -> dict[str, Any]:
    """A signed BitstringStatusListCredential with `set_bits` on."""
    bits = bytearray(size // 8)
    for index in set_bits:
        bits[index // 8] |= 0x80 >> (index % 8)
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits))).decode().rstrip("=")
    document = {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did_key(key),
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": list_url + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded,
        },
    }
    return sign_data_integrity(document, key, verification_method=did_key_method(key))


def signed(
    document: dict[str, Any], key: Any = ISSUER_KEY, method: str | None = None, suite: str = "eddsa-rdfc-2022"
) -> dict[str, Any]:
    return sign_data_integrity(document, key, verification_method=method or did_key_method(key), cryptosuite=suite)


def as_credential(document: dict[str, Any], fmt: CredentialFormat = CredentialFormat.OB3) -> Credential:
    """What a parser hands the verifier."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if fmt in (CredentialFormat.OB2, CredentialFormat.OB1):
        issuer_id = None
    return Credential(
        format=fmt,
        name=str(document.get("name", "credential")),
        issuer=Issuer(id=issuer_id if isinstance(issuer_id, str) else None),
        document=copy.deepcopy(document),
    )


def did_document(did: str, *, key: Any = ISSUER_KEY, listed: bool = True) -> dict[str, Any]:
    """A DID document with one Ed25519 Multikey `#key-1`, listed under assertionMethod unless `listed` is off."""
    method = {
        "id": f"{did}#key-1",
        "type": "Multikey",
        "controller": did,
        "publicKeyMultibase": did_key(key)[len("did:key:") :],
    }
    document: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [method],
        "authentication": [f"{did}#key-1"],
    }
    if listed:
        document["assertionMethod"] = [f"{did}#key-1"]
    return document


def hosted_assertion(base: str, *, issuer_url: str | None = None, **extra: Any) -> dict[str, Any]:
    """An OB 2.0 hosted assertion whose badge class and issuer live under `base` (an https origin)."""
    document: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": f"{base}/assertions/1.json",
        "recipient": {"type": "email", "hashed": False, "identity": "learner@example.org"},
        "issuedOn": "2024-03-01T00:00:00Z",
        "badge": f"{base}/badges/sql.json",
        "verification": {"type": "hosted"},
    }
    document.update(extra)
    return document


def write_json(root: Path, url_path: str, document: Any) -> Path:
    """Write `document` where a DirectoryFetcher (or the test server) serves `https://HOST/PATH`."""
    path = root / url_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path

"""Builders for verification tests: OB 3.0 credentials signed by did:key issuers, and Credential wrappers."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from credwallet.model import Credential, CredentialFormat, Issuer, Recipient
from credwallet.verify.signing import did_key, ed25519_key_from_seed

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

ISSUER_KEY = ed25519_key_from_seed(b"credwallet test issuer")
ATTACKER_KEY = ed25519_key_from_seed(b"credwallet test attacker")
ISSUER_DID = did_key(ISSUER_KEY)
ATTACKER_DID = did_key(ATTACKER_KEY)


def ob3_document(issuer_id: str = ISSUER_DID, *, alignments: int = 2, **extra: Any) -> dict[str, Any]:
    """An unsigned OpenBadgeCredential (VC 2.0 + OB 3.0.3) with the fields real issuers fill."""
    document: dict[str, Any] = {
        "@context": [VC_V2, OB_303],
        "id": "urn:uuid:2d1e6b64-43f0-4f53-9a16-7e0f0f6e3a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id,
            "type": ["Profile"],
            "name": "Example Data School",
            "url": "https://school.example",
        },
        "validFrom": "2025-01-15T09:00:00Z",
        "validUntil": "2028-01-15T09:00:00Z",
        "name": "SQL Fundamentals",
        "credentialSubject": {
            "id": "did:example:learner-42",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://school.example/achievements/sql-101",
                "type": ["Achievement"],
                "name": "SQL Fundamentals",
                "description": "Writes SELECT queries with joins, grouping and window functions.",
                "criteria": {"narrative": "Passed the proctored SQL assessment with a score of 80% or more."},
                "achievementType": "Certificate",
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": f"SQL skill {index}",
                        "targetUrl": f"http://data.europa.eu/esco/skill/{index:08d}-5b58-4ea7-8058-a4bc4d18c742",
                        "targetFramework": "ESCO",
                        "targetType": "ceterms:Skill",
                    }
                    for index in range(alignments)
                ],
            },
        },
    }
    document.update(extra)
    return document


def credential(
    document: dict[str, Any],
    *,
    fmt: CredentialFormat = CredentialFormat.OB3,
    token: str | None = None,
    recipient: Recipient | None = None,
    schema_errors: list[str] | None = None,
) -> Credential:
    """What a parser would hand the verifier (the OB 3.0 parser is written elsewhere)."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    return Credential(
        format=fmt,
        name=str(document.get("name", "credential")),
        issuer=Issuer(id=issuer_id if isinstance(issuer_id, str) else None),
        document=copy.deepcopy(document),
        token=token,
        recipient=recipient,
        schema_errors=list(schema_errors or []),
    )


def statuses(report: Any, name: str) -> list[str]:
    return [check.status.value for check in report.check(name)]


def details(report: Any) -> str:
    return " | ".join(f"{c.name}:{c.status.value}:{c.detail}" for c in report.checks)

"""Builders for OB 3.0 / VC / CLR test documents and the path to the shared external fixtures."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from credwallet.model import Container

REPO = Path(__file__).resolve().parents[3]
EXTERNAL = REPO.parent / "shared" / "fixtures" / "external"

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"

CREDENTIAL: dict[str, Any] = {
    "@context": [VC_V2, OB_CONTEXT],
    "id": "urn:uuid:0b2f6c1e-1111-4c8e-9d7a-000000000001",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "name": "SQL Fundamentals for Ada",
    "issuer": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "type": ["Profile"],
        "name": "Example Data School",
        "url": "https://school.example.org",
    },
    "validFrom": "2025-03-14T09:00:00Z",
    "validUntil": "2028-03-14T09:00:00Z",
    "credentialSubject": {
        "id": "did:example:learner",
        "type": ["AchievementSubject"],
        "achievement": {
            "id": "https://school.example.org/achievements/sql-101",
            "type": ["Achievement"],
            "name": "SQL Fundamentals",
            "description": "Writes SELECT queries with joins and aggregates.",
            "criteria": {"narrative": "Pass the final SQL assessment."},
            "achievementType": "Certificate",
            "tag": ["sql", "databases"],
            "alignment": [
                {
                    "type": ["Alignment"],
                    "targetName": "SQL",
                    "targetFramework": "ESCO",
                    "targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742",
                }
            ],
        },
    },
}


def credential(**changes: Any) -> dict[str, Any]:
    """A fresh valid OB 3.0 credential (VC 2.0), top-level keys replaced by `changes`."""
    document = copy.deepcopy(CREDENTIAL)
    document.update(changes)
    return document


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_jwt(payload: Any, header: dict[str, Any] | None = None) -> str:
    """An unsigned-looking compact JWS (dummy signature): decoding never checks it, verify does."""
    head = header or {"alg": "EdDSA", "typ": "JWT"}
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    return f"{b64url(json.dumps(head).encode())}.{b64url(body)}.{b64url(b'signature')}"


def presentation(*items: Any) -> dict[str, Any]:
    return {
        "@context": [VC_V2],
        "id": "urn:uuid:presentation-1",
        "type": ["VerifiablePresentation"],
        "holder": "did:example:learner",
        "verifiableCredential": list(items),
    }


def clr_document(*items: Any, **changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": [VC_V2, CLR_CONTEXT, OB_CONTEXT],
        "id": "https://school.example.org/clr/42",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": "Transcript of Ada",
        "issuer": {
            "id": "https://school.example.org/issuer",
            "type": ["Profile"],
            "name": "Example Data School",
        },
        "validFrom": "2025-06-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["ClrSubject"],
            "verifiableCredential": list(items),
            "association": [
                {
                    "type": "Association",
                    "associationType": "isParentOf",
                    "sourceId": "urn:a",
                    "targetId": "urn:b",
                }
            ],
        },
    }
    document.update(changes)
    return document


PARSE_ARGS: dict[str, Any] = {"container": Container.JSON, "original_bytes": b"{}", "source": "test.json"}


@pytest.fixture
def external() -> Path:
    if not EXTERNAL.is_dir():
        pytest.skip(f"external fixtures not present at {EXTERNAL}")
    return EXTERNAL

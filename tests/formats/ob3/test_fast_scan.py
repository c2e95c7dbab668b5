"""The walk-free scan shortcut must never miss a nested or escaped @context."""

from __future__ import annotations

import json

import pytest

from credwallet.errors import InputError
from credwallet.formats.detect import parse_bytes

VC = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "urn:uuid:1",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "did:example:issuer", "type": ["Profile"], "name": "X"},
    "validFrom": "2025-01-01T00:00:00Z",
    "name": "Badge",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "achievement": {
            "id": "urn:uuid:2",
            "type": ["Achievement"],
            "name": "Badge",
            "criteria": {"narrative": "x"},
            "description": "x",
        },
    },
}


def test_plain_credential_imports() -> None:
    [credential] = parse_bytes(json.dumps(VC).encode(), source="vc.json")
    assert credential.name == "Badge"


@pytest.mark.parametrize("key", ["@context", "\\u0040context"])
def test_nested_remote_context_is_found(key: str) -> None:
    """The credential is kept, and the nested context it needs is recorded for verify (never fetched here)."""
    text = json.dumps(VC).replace('"criteria":', f'"{key}": "https://evil.example/ctx", "criteria":', 1)
    [credential] = parse_bytes(text.encode(), source="vc.json")
    assert credential.extension["unknown_contexts"] == ["https://evil.example/ctx"]


def test_nested_protected_term_redefinition_is_found() -> None:
    document = json.loads(json.dumps(VC))
    document["credentialSubject"]["@context"] = {"VerifiableCredential": "https://evil.example/vc"}
    with pytest.raises(InputError, match="protected term"):
        parse_bytes(json.dumps(document).encode(), source="vc.json")

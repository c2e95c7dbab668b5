"""Small builders for credentials in skills/gap tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from credwallet.model import Alignment, Credential, CredentialFormat, Criteria, Issuer, Result, Status


def make_credential(
    name: str,
    *,
    wallet_id: str = "c1",
    description: str | None = None,
    criteria: str | None = None,
    tags: list[str] | None = None,
    alignments: list[Alignment] | None = None,
    achievement_type: str | None = None,
    results: list[Result] | None = None,
    status: Status = Status.VALID,
    expires_on: datetime | None = None,
    format: CredentialFormat = CredentialFormat.OB2,
    **extra: Any,
) -> Credential:
    return Credential(
        format=format,
        name=name,
        issuer=Issuer(name="Test Issuer", id="https://issuer.example/"),
        description=description,
        criteria=Criteria(narrative=criteria) if criteria else None,
        tags=list(tags or []),
        alignments=list(alignments or []),
        achievement_type=achievement_type,
        results=list(results or []),
        wallet_id=wallet_id,
        status=status,
        expires_on=expires_on,
        **extra,
    )

"""A credential as the row the wallet stores: built without a database, so any process can build it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from credwallet.model import Credential

INSERT_COLUMNS = (
    "id, credential_id, format, container, name, description, issuer_name, issuer_id, issuer_url, "
    "issued_on, expires_on, recipient_type, recipient_identity, recipient_hashed, recipient_salt, "
    "normalized, original, content_hash, source, status, imported_at, schema_errors, achievement_type, "
    "parent_id"
)
INSERT_SQL = f"INSERT INTO credentials ({INSERT_COLUMNS}) VALUES ({', '.join('?' * 24)})"
# Uniqueness (content hash, credential id, wallet id) is enforced by the schema; a conflict is detected by the
# row count, so the common case costs one statement. NOT NULL and other violations still raise.
INSERT_NEW_SQL = INSERT_SQL + " ON CONFLICT DO NOTHING"


def iso_time(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class PreparedCredential:
    """A credential turned into its database row (all columns but the wallet id and the parent id).

    Pure and picklable, so a bulk import can prepare rows on every core and insert them in one process.
    """

    content_hash: str
    credential_id: str | None
    name: str
    inside_clr: bool
    values: tuple[Any, ...]


def prepare(credential: Credential) -> PreparedCredential:
    canonical, content_hash = credential.normalized_json()
    recipient = credential.recipient
    values = (
        credential.credential_id,
        credential.format.value,
        credential.container.value,
        credential.name,
        credential.description,
        credential.issuer.name,
        credential.issuer.id,
        credential.issuer.url,
        iso_time(credential.issued_on),
        iso_time(credential.expires_on),
        recipient.type if recipient else None,
        recipient.identity if recipient else None,
        int(recipient.hashed) if recipient else None,
        recipient.salt if recipient else None,
        canonical,
        credential.original_bytes,
        content_hash,
        credential.source,
        credential.status.value,
        iso_time(now_utc()),
        json.dumps(credential.schema_errors) if credential.schema_errors else "[]",
        credential.achievement_type,
    )
    return PreparedCredential(
        content_hash=content_hash,
        credential_id=credential.credential_id,
        name=credential.name,
        inside_clr=bool(credential.extension.get("clr_id")),
        values=values,
    )

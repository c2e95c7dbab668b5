"""Restoring a backup without taking its word: every credential is rebuilt from its own original bytes, merged,
then verified again (offline, with what the wallet's document cache holds).

A plain backup is a file anyone who holds it can edit: a row's status, saved report and cache key, and also
its name, issuer, dates and normalized form, are claims. Only the original bytes are evidence (the proof is
over them). So each row's shown fields are parsed again from those bytes (an inner credential of a CLR from its
CLR's bytes), the user's own fields (notes, tags, import time, source) are kept, the rows start `unverified`
(store/backup.py), and this wallet verifies them (issue 12: a doctored backup never restores a tampered or
renamed credential as `valid`). What the wallet had filled in from fetched documents (a hosted badge's badge
class and issuer) comes back with the next verification that has those documents (`verify --online`).
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import TYPE_CHECKING, Any

from credwallet.model import CredentialFormat
from credwallet.store.rows import INSERT_COLUMNS

if TYPE_CHECKING:
    from credwallet.store.backup import RestoreReport
    from credwallet.store.wallet import Wallet

SELF_REPORTED = CredentialFormat.SELF_REPORTED.value
# A prepared row's values, in order (INSERT_COLUMNS without the wallet id and the parent id).
_PREPARED_COLUMNS = tuple(column.strip() for column in INSERT_COLUMNS.split(","))[1:-1]
# What belongs to the learner, not to the credential: kept from the backup as it is.
_USER_COLUMNS = frozenset({"source", "imported_at", "notes", "user_tags"})
_FROM_BYTES = tuple(c for c in _PREPARED_COLUMNS if c not in _USER_COLUMNS and c not in ("status", "original"))


def restore_and_verify(wallet: Wallet, document: dict[str, Any], *, now: datetime | None = None) -> RestoreReport:
    """Merge `document` (a decoded backup) into the wallet, rebuilt from its bytes, and verify what it added."""
    from credwallet.store.backup import restore
    from credwallet.verification import verify_wallet

    report = restore(wallet, {**document, "credentials": rebuilt_rows(document.get("credentials") or [])})
    if report.restored:
        verify_wallet(wallet, report.restored, now=now)
    return report


def rebuilt_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The backup's rows with every field derived from a credential's bytes derived again from them.

    A self-reported row (no issued bytes to parse) is kept as it is. A row whose bytes no longer parse is kept
    with its inner credentials but without the issued copy its normalized form holds (a baked badge's): what
    is verified is only ever what its own bytes say, and bytes that do not parse verify as nothing."""
    children: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("parent_id") is not None:
            children.setdefault(str(row["parent_id"]), []).append(row)
    rebuilt: list[dict[str, Any]] = []
    for row in rows:
        if row.get("parent_id") is not None:
            continue
        fresh = _parsed_again(row)
        if fresh is None:
            family = [row, *children.get(str(row["id"]), [])]
            rebuilt += family if row.get("format") == SELF_REPORTED else [_without_issued_copy(r) for r in family]
            continue
        top, *inner = fresh
        rebuilt.append(_with_fields(row, top))
        old_children = children.get(str(row["id"]), [])
        for values in inner:
            kept = _matching(old_children, values)
            base = kept or {"id": values["content_hash"][:8], "notes": None, "user_tags": "[]"}
            original = base64.b64encode(values["original"]).decode("ascii")
            rebuilt.append(_with_fields({**row, **base, "parent_id": row["id"], "original": original}, values))
    return rebuilt


def _without_issued_copy(row: dict[str, Any]) -> dict[str, Any]:
    """`row` with no issued document or token in its normalized form (nor anything fetched for it)."""
    import json

    try:
        normalized = json.loads(row["normalized"])
    except (TypeError, ValueError):
        normalized = None
    if not isinstance(normalized, dict):
        return row
    extension = normalized.get("extension")
    if isinstance(extension, dict):
        normalized["extension"] = {k: v for k, v in extension.items() if k != "fetched"}
    stripped = {k: v for k, v in normalized.items() if k not in ("document", "token")}
    return {**row, "normalized": json.dumps(stripped, ensure_ascii=False)}


def _parsed_again(row: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows the importer makes from this row's original bytes, or None when they cannot be made."""
    from credwallet.formats.detect import parse_bytes
    from credwallet.store.rows import prepare

    if row.get("format") == SELF_REPORTED:
        return None
    try:
        original = base64.b64decode(row["original"])
        credentials = parse_bytes(original, source=f"backup credential {row.get('id')}")
        return [dict(zip(_PREPARED_COLUMNS, prepare(c).values, strict=True)) for c in credentials] or None
    except Exception:  # not parseable now (a stricter release, damaged bytes): verified from its bytes anyway
        return None


def _matching(rows: list[dict[str, Any]], values: dict[str, Any]) -> dict[str, Any] | None:
    """The backup's row for the same inner credential (same content, or same credential id), for its user fields."""
    for row in rows:
        if row.get("content_hash") == values["content_hash"]:
            return row
    for row in rows:
        if values.get("credential_id") and row.get("credential_id") == values["credential_id"]:
            return row
    return None


def _with_fields(row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """`row` with each field derived from the bytes taken from `values` (the original bytes kept as stored)."""
    return {**row, **{column: values[column] for column in _FROM_BYTES}}

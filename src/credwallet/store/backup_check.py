"""The shape a backup document must have before anything in it is restored.

A damaged or hostile backup (wrong types, missing columns, bad base64, odd file names) is one clear error
before the first row is written, never a crash halfway through a restore.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import PurePosixPath
from typing import Any

from credwallet.errors import InputError

# Columns the wallet requires (NOT NULL in the store's schema) and those that may be null.
REQUIRED_TEXT = (
    "id", "format", "container", "name", "normalized", "content_hash", "status", "user_tags", "imported_at",
    "schema_errors",
)  # fmt: skip
OPTIONAL_TEXT = (
    "credential_id", "description", "issuer_name", "issuer_id", "issuer_url", "issued_on", "expires_on",
    "recipient_type", "recipient_identity", "recipient_salt", "source", "verification", "verified_at", "notes",
    "parent_id", "achievement_type",
)  # fmt: skip
KNOWN_COLUMNS = frozenset({*REQUIRED_TEXT, *OPTIONAL_TEXT, "recipient_hashed", "original"})
USER_FOLDERS = ("roles", "catalogs")
USER_FILES = ("skills.yaml",)
MAX_NAME_CHARS = 255  # one path component; longer names are refused by most file systems anyway


def _row_problem(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "is not an object"
    unknown = sorted(str(key) for key in row if key not in KNOWN_COLUMNS)
    if unknown:
        return f"has an unknown column {unknown[0][:40]!r}"
    for column in REQUIRED_TEXT:
        if not isinstance(row.get(column), str) or not row[column]:
            return f"has no {column}"
    for column in OPTIONAL_TEXT:
        if row.get(column) is not None and not isinstance(row[column], str):
            return f"has a {column} that is not text"
    hashed = row.get("recipient_hashed")
    if hashed is not None and not (isinstance(hashed, int) and hashed in (0, 1)):
        return "has a recipient_hashed that is not 0 or 1"
    original = row.get("original")
    if not isinstance(original, str):
        return "has no original bytes"
    try:
        base64.b64decode(original.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return "has original bytes that are not base64"
    return None


def _file_name_problem(name: Any, content: Any) -> str | None:
    if not isinstance(name, str) or not isinstance(content, str):
        return "is not a text file with a name"
    if not name.isprintable():
        return "has a control character in its name"
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts or "\\" in name:
        return "is outside the wallet folder"
    if any(len(part) > MAX_NAME_CHARS for part in parts):
        return "has a name too long for a file"
    if parts[0] in USER_FOLDERS and len(parts) >= 2:
        return None
    if name in USER_FILES:
        return None
    return "is not a wallet user file (roles/..., catalogs/... or skills.yaml)"


def check_backup_document(document: dict[str, Any], *, source: str) -> None:
    """Raise InputError naming the first thing in `document` that a restore could not take as it is."""
    rows = document.get("credentials", [])
    if not isinstance(rows, list):
        raise InputError(f"{source}: damaged backup: 'credentials' is not a list")
    for index, row in enumerate(rows, start=1):
        problem = _row_problem(row)
        if problem:
            raise InputError(f"{source}: damaged backup: credential {index} {problem}")
    # A credential inside a CLR points at the CLR, itself a top-level row of the same backup.
    top_level = {row["id"] for row in rows if row.get("parent_id") is None}
    for index, row in enumerate(rows, start=1):
        if row.get("parent_id") is not None and row["parent_id"] not in top_level:
            raise InputError(f"{source}: damaged backup: credential {index} belongs to a CLR the backup lacks")
    profile = document.get("profile")
    profile = {} if profile is None else profile
    if not isinstance(profile, dict):
        raise InputError(f"{source}: damaged backup: 'profile' is not an object")
    if profile.get("name") is not None and not isinstance(profile["name"], str):
        raise InputError(f"{source}: damaged backup: the profile name is not text")
    identities = profile.get("identities")
    identities = [] if identities is None else identities
    if not isinstance(identities, list) or not all(isinstance(item, str) and item.strip() for item in identities):
        raise InputError(f"{source}: damaged backup: the profile identities are not a list of text")
    files = document.get("files")
    files = {} if files is None else files
    if not isinstance(files, dict):
        raise InputError(f"{source}: damaged backup: 'files' is not an object")
    for name, content in files.items():
        problem = _file_name_problem(name, content)
        if problem:
            raise InputError(f"{source}: backup file {str(name)[:80]!r} {problem}")

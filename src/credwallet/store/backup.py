"""A portable backup of the whole wallet in one versioned file, optionally encrypted with a passphrase.

The file holds every credential row as stored (original bytes, normalized form, verification, the user's
notes and tags), the profile, and the wallet folder's user files (roles, catalogs, skills). Encryption is
scrypt (n=2**15, r=8, p=1) deriving an AES-256-GCM key; the header is authenticated as associated data.
A plain backup carries a SHA-256 `integrity` digest of its content, which finds a damaged file; it is no
defence against someone who edits the file on purpose, so nothing a backup says about a verdict is taken:
restored credentials are stored unverified and verified again from their own bytes (`credwallet.restoring`).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import io
import json
import os
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from credwallet import __version__
from credwallet.errors import InputError
from credwallet.safejson import loads_strict
from credwallet.store.backup_check import USER_FILES, USER_FOLDERS, check_backup_document
from credwallet.store.wallet import Wallet

BACKUP_FORMAT = "credwallet-backup"
BACKUP_VERSION = 1
ENCRYPTED_MAGIC = b"CWBKENC1"
_ENCRYPTED_HEADER_BYTES = len(ENCRYPTED_MAGIC) + 16 + 12  # magic, scrypt salt, AES-GCM nonce
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# A backup of tens of thousands of badges stays far below this; larger input is refused before inflating.
MAX_BACKUP_BYTES = 512 * 1024 * 1024

ROW_COLUMNS = (
    "id", "credential_id", "format", "container", "name", "description", "issuer_name", "issuer_id",
    "issuer_url", "issued_on", "expires_on", "recipient_type", "recipient_identity", "recipient_hashed",
    "recipient_salt", "normalized", "original", "content_hash", "source", "status", "verification",
    "verified_at", "notes", "user_tags", "imported_at", "parent_id", "schema_errors", "achievement_type",
)  # fmt: skip


@dataclass(slots=True)
class RestoreReport:
    restored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def to_jsonable(self) -> dict[str, Any]:
        return {"restored": self.restored, "duplicates": self.duplicates, "files": self.files}


def _user_files(home: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in USER_FOLDERS:
        base = home / folder
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    found[path.relative_to(home).as_posix()] = path.read_text(encoding="utf-8")
    for name in USER_FILES:
        if (home / name).is_file():
            found[name] = (home / name).read_text(encoding="utf-8")
    return found


def backup_document(wallet: Wallet) -> dict[str, Any]:
    """Everything needed to rebuild the wallet, as JSON types (bytes as base64)."""
    rows = []
    for values in wallet.raw_rows(ROW_COLUMNS):
        row = dict(zip(ROW_COLUMNS, values, strict=True))
        row["original"] = base64.b64encode(row["original"]).decode("ascii")
        rows.append(row)
    profile = wallet.profile()
    document: dict[str, Any] = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "created": datetime.now(UTC).isoformat(),
        "credwallet": __version__,
        "schema": wallet.schema_version(),
        "profile": {"name": profile.name, "identities": profile.identities},
        "credentials": rows,
        "files": _user_files(wallet.home),
    }
    document["integrity"] = integrity_digest(document)
    return document


def integrity_digest(document: dict[str, Any]) -> str:
    """`sha256:HEX` of the document's canonical JSON without its own `integrity` member."""
    content = {key: value for key, value in document.items() if key != "integrity"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _check_integrity(document: dict[str, Any], source: str) -> None:
    """A backup that names a digest must match it (older backups, made before the digest, have none)."""
    if "integrity" not in document:
        return
    claimed = document["integrity"]
    if not isinstance(claimed, str) or not hmac.compare_digest(claimed, integrity_digest(document)):
        raise InputError(
            f"{source}: damaged backup: its integrity check fails (the file changed after it was written)"
        )


def _derive_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))


def encode_backup(document: dict[str, Any], passphrase: str | None) -> bytes:
    """gzip'd JSON; with a passphrase, MAGIC + salt + nonce + AES-GCM(ciphertext) over it."""
    plain = gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), mtime=0)
    if passphrase is None:
        return plain
    if not passphrase:
        raise InputError("the backup passphrase cannot be empty")
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive_key(passphrase, salt)).encrypt(nonce, plain, ENCRYPTED_MAGIC)
    return ENCRYPTED_MAGIC + salt + nonce + sealed


def is_encrypted(data: bytes) -> bool:
    return data.startswith(ENCRYPTED_MAGIC)


def decode_backup(data: bytes, passphrase: str | None, *, source: str) -> dict[str, Any]:
    """The backup document, or InputError (wrong passphrase, not a backup, damaged, newer version)."""
    if is_encrypted(data):
        if not passphrase:
            raise InputError(f"{source}: the backup is encrypted: give its passphrase")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(data) < _ENCRYPTED_HEADER_BYTES + 16:  # header, then at least the 16-byte tag
            raise InputError(f"{source}: the backup is shorter than its header: the file is damaged")
        salt, nonce, sealed = data[8:24], data[24:36], data[36:]
        try:
            data = AESGCM(_derive_key(passphrase, salt)).decrypt(nonce, sealed, ENCRYPTED_MAGIC)
        except InvalidTag:
            raise InputError(f"{source}: wrong passphrase, or the backup file is damaged") from None
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            raw = stream.read(MAX_BACKUP_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{source}: not a credwallet backup, or a damaged one") from None
    if len(raw) > MAX_BACKUP_BYTES:
        raise InputError(f"{source}: backup inflates past {MAX_BACKUP_BYTES:,} bytes")
    document = loads_strict(raw, source=f"{source} (backup content)", max_bytes=MAX_BACKUP_BYTES)
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise InputError(f"{source}: not a credwallet backup")
    if document.get("version") != BACKUP_VERSION:
        raise InputError(
            f"{source}: backup version {str(document.get('version'))[:20]} is not supported by this release"
        )
    check_backup_document(document, source=source)  # every row and file name, before anything is restored
    _check_integrity(document, source)  # then whether a well-formed backup is the one that was written
    return document


def _safe_relative(name: str) -> Path:
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise InputError(f"backup names a file outside the wallet folder: {name!r}")
    if relative.parts[0] not in USER_FOLDERS and name not in USER_FILES:
        raise InputError(f"backup names an unexpected wallet file: {name!r}")
    return relative


# What a backup says about a credential's verification is only a claim: a restored row starts unverified.
_UNVERIFIED_ROW = {"status": "unverified", "verification": None, "verified_at": None}


def restore(wallet: Wallet, document: dict[str, Any], *, overwrite_files: bool = False) -> RestoreReport:
    """Merge a backup into the wallet: new credentials keep their ids and hashes, duplicates are reported.
    Their saved verdicts are dropped: `credwallet.restoring.restore_and_verify` verifies them again."""
    report = RestoreReport()
    rows = document.get("credentials") or []
    files = document.get("files") or {}
    targets = {name: _safe_relative(name) for name in files}  # validate every name before writing any
    id_map: dict[str, str] = {}
    with wallet.batch():
        for row in sorted(rows, key=lambda r: r.get("parent_id") is not None):  # parents before children
            values = {**row, **_UNVERIFIED_ROW}
            values["original"] = base64.b64decode(values["original"])
            inserted, wallet_id = wallet.restore_row({k: values.get(k) for k in ROW_COLUMNS}, id_map)
            (report.restored if inserted else report.duplicates).append(wallet_id)
        profile = document.get("profile") or {}
        if profile.get("name") and not wallet.profile().name:
            wallet.set_name(profile["name"])
        for identity in profile.get("identities") or []:
            wallet.add_identity(identity)
    for name, relative in targets.items():
        target = wallet.home / relative
        if target.exists() and not overwrite_files:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[name], encoding="utf-8")
        report.files.append(name)
    return report

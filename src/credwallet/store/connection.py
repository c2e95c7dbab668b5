"""Opening the wallet database: private from the first byte, WAL for concurrent commands, migrated forward."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from credwallet.errors import StoreError
from credwallet.store.migrations import migrate

BUSY_TIMEOUT_MS = 5_000


def _private_folder(folder: Path) -> None:
    existed = folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not existed:
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask; chmod is not


def _precreate_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite touches it; its -wal/-shm files inherit that mode."""
    if path.exists():
        return
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)


def connect(db_path: Path, *, create: bool = True, migrate_upto: str | None = None) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) with foreign keys, WAL and a busy timeout."""
    try:
        if create:
            _private_folder(db_path.parent)
            _precreate_private_file(db_path)
        elif not db_path.exists():
            raise StoreError(f"{db_path}: no wallet here yet (import a badge to create one)")
        if stat.S_ISDIR(db_path.stat().st_mode):
            raise StoreError(f"{db_path}: is a folder, not a wallet database file")
        db = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except OSError as exc:
        raise StoreError(f"{db_path}: cannot open the wallet ({exc.strerror or exc})") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")  # removed credentials are overwritten, not left in free pages
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
        migrate(db, upto=migrate_upto)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"{db_path}: not a credwallet database or it is damaged ({exc})") from None
    return db

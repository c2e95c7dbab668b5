"""Opening the wallet database: private from the first byte, WAL for concurrent commands, migrated forward.

A wallet the user cannot write (a read-only file, folder or file system) opens read-only, so reading commands
still work; storage failures (a full disk, an I/O error, a damaged file) become errors that say so.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from credwallet.errors import StoreError
from credwallet.store.migrations import applied, migrate, pending

BUSY_TIMEOUT_MS = 5_000

# SQLite primary result codes (the low byte of an extended code) that describe the storage, not one
# statement's data: https://www.sqlite.org/rescode.html
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

READ_ONLY_HINT = "reading commands (list, show, gap, export) still work"


def storage_error(exc: sqlite3.Error, db_path: Path | str) -> StoreError | None:
    """The StoreError that says what happened to the wallet's storage, or None when `exc` is about one
    statement's data (a constraint, a value SQLite cannot hold), which the caller reports per item."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = f"{db_path}"
    if primary == SQLITE_FULL:
        return StoreError(
            f"{where}: the disk is full (or the wallet reached its size limit); nothing half-written was kept",
            hint="free some space and run the command again",
            code="DISK_FULL",
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return StoreError(
            f"{where}: this command changes the wallet, which is read-only here",
            hint=READ_ONLY_HINT,
            code="READ_ONLY",
        )
    if primary == SQLITE_IOERR:
        return StoreError(f"{where}: the disk reported an input/output error ({exc})", code="IO_ERROR")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreError(f"{where}: not a credwallet database or it is damaged ({exc})", code="DAMAGED")
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            f"{where}: another credwallet command is writing to the wallet", hint="try again when it has finished"
        )
    if primary == SQLITE_CANTOPEN:
        return StoreError(f"{where}: cannot open the wallet ({exc})")
    if primary == SQLITE_NOMEM:
        return StoreError(f"{where}: out of memory while using the wallet")
    return None


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


def _writable(db_path: Path) -> bool:
    """SQLite writes the file and creates its -wal/-shm companions in the same folder."""
    return os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK)


def _open_read_only(db_path: Path) -> sqlite3.Connection:
    """`mode=ro` reads committed WAL content; on a read-only file system, where SQLite cannot create the
    shared-memory file it needs for that, `immutable=1` reads the database file as it is."""
    address = "file:" + quote(str(db_path.resolve()))
    try:
        db = sqlite3.connect(f"{address}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db = sqlite3.connect(f"{address}?immutable=1", uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db


def open_database(
    db_path: Path, *, create: bool = True, migrate_upto: str | None = None
) -> tuple[sqlite3.Connection, bool]:
    """(connection, read only): autocommit (transactions are explicit), foreign keys, WAL and a busy timeout;
    read-only when the file or its folder cannot be written, in which case nothing is migrated."""
    try:
        if create:
            _private_folder(db_path.parent)
            _precreate_private_file(db_path)
        elif not db_path.exists():
            raise StoreError(f"{db_path}: no wallet here yet (import a badge to create one)")
        if stat.S_ISDIR(db_path.stat().st_mode):
            raise StoreError(f"{db_path}: is a folder, not a wallet database file")
        read_only = not _writable(db_path)
    except OSError as exc:
        raise StoreError(f"{db_path}: cannot open the wallet ({exc.strerror or exc})") from None
    db: sqlite3.Connection | None = None
    try:
        if read_only:
            db = _open_read_only(db_path)
        else:
            db = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if read_only:
            _check_schema_current(db, db_path)
            return db, True
        db.execute("PRAGMA secure_delete = ON")  # removed credentials are overwritten, not left in free pages
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
        migrate(db, upto=migrate_upto)
    except sqlite3.Error as exc:
        if db is not None:
            db.close()
        raise storage_error(exc, db_path) or StoreError(
            f"{db_path}: not a credwallet database or it is damaged ({exc})"
        ) from None
    except StoreError:
        if db is not None:
            db.close()
        raise
    return db, False


def connect(db_path: Path, *, create: bool = True, migrate_upto: str | None = None) -> sqlite3.Connection:
    """The wallet's connection (see `open_database`), for callers that do not care whether it is read-only."""
    return open_database(db_path, create=create, migrate_upto=migrate_upto)[0]


def _check_schema_current(db: sqlite3.Connection, db_path: Path) -> None:
    """A read-only wallet cannot be upgraded, so one made by an older credwallet is refused with the reason."""
    try:
        behind = bool(pending(db)) if applied(db) else True
    except sqlite3.OperationalError:  # no schema_migrations table: empty, or not a wallet at all
        behind = True
    if behind:
        raise StoreError(
            f"{db_path}: the wallet is read-only here and needs an upgrade written into it first",
            hint="run any credwallet command once with write access to the wallet",
            code="READ_ONLY",
        )

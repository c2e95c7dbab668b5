"""The wallet as a library: add, find, annotate and remove credentials, and keep the owner's profile.

Each file's credentials are written inside one SAVEPOINT, so a file lands whole or not at all; a bulk import
groups many savepoints into commits for speed (`batch()`, `commit_batch()`), without weakening that per-file
guarantee. Storage failures (full disk, read-only wallet, I/O error) raise a StoreError that says so.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from credwallet.errors import InputError, NotFoundError, StoreError
from credwallet.gcpause import cyclic_gc_paused
from credwallet.model import (
    Credential,
    DeclaredSkill,
    Profile,
    Status,
    credential_from_jsonable,
    defer,
    identity_kind,
    parse_iso_datetime,
)
from credwallet.paths import DB_FILENAME, wallet_home
from credwallet.store.connection import READ_ONLY_HINT, open_database, storage_error
from credwallet.store.rows import INSERT_NEW_SQL, PreparedCredential, iso_time, now_utc, prepare

SHORT_ID_LENGTH = 8
SORT_COLUMNS = {
    "issued": "issued_on DESC, name",
    "name": "name COLLATE NOCASE, issued_on DESC",
    "issuer": "issuer_name COLLATE NOCASE, issued_on DESC",
    "expires": "expires_on IS NULL, expires_on, name",
    "imported": "imported_at DESC, name",
}

@dataclass(slots=True)
class Summary:
    """What `list` shows: a row read without decoding the stored credential."""

    id: str
    name: str
    issuer: str | None
    issued_on: str | None
    expires_on: str | None
    format: str
    status: str
    parent_id: str | None = None
    user_tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class AddOutcome:
    """Per-file result of adding credentials: new wallet ids and ids that were already there."""

    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # one per credential given, in order


class Wallet:
    """One wallet database plus its folder (user roles, catalogs, vocabulary additions, cached documents)."""

    def __init__(self, db: sqlite3.Connection, db_path: Path, home: Path, *, read_only: bool = False) -> None:
        self._db = db
        self.db_path = db_path
        self.home = home
        self.read_only = read_only
        self._in_batch = False
        # Rows that could not be read (wallet id -> why): left out of what a command shows, and said once.
        self.damaged: dict[str, str] = {}
        self.on_damaged: Callable[[str, str], None] | None = None

    @classmethod
    def open(cls, db_path: Path | None = None, *, home: Path | None = None, create: bool = True) -> Wallet:
        """Open (creating and migrating as needed) the wallet at `db_path`, default `<home>/wallet.db`; one the
        user cannot write opens read-only (`read_only`), and every write then raises a StoreError saying so."""
        home = home or wallet_home()
        path = db_path or home / DB_FILENAME
        db, read_only = open_database(path, create=create)
        return cls(db, path, home, read_only=read_only)

    def close(self) -> None:
        self._db.close()

    def verdict_secret(self) -> bytes | None:
        """This wallet's own secret (migration m008), which keys the verification cache; never in a backup.
        None when the wallet predates it and cannot be migrated (read-only): nothing is reused then."""
        try:
            row = self._db.execute("SELECT secret FROM wallet_secret WHERE id = 1").fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row and isinstance(row[0], bytes) and len(row[0]) >= 16 else None

    def report_damaged(self, wallet_id: str, error: BaseException | str) -> None:
        """A row that cannot be read: one damaged row never stops a command for the whole wallet."""
        if wallet_id in self.damaged:
            return
        reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self.damaged[wallet_id] = reason[:200]
        if self.on_damaged is not None:
            self.on_damaged(wallet_id, self.damaged[wallet_id])

    def __enter__(self) -> Wallet:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------------

    def require_writable(self) -> None:
        """Raise the read-only error now, before a writing command does any work."""
        if self.read_only:
            raise StoreError(
                f"{self.db_path}: this command changes the wallet, which is read-only here (no write access to "
                "the file or its folder)",
                hint=READ_ONLY_HINT,
                code="READ_ONLY",
            )

    @contextmanager
    def storage_errors(self) -> Iterator[None]:
        """Turn SQLite's storage failures into a StoreError naming the wallet (a full disk says so)."""
        try:
            yield
        except sqlite3.Error as exc:
            translated = storage_error(exc, self.db_path)
            if translated is None:
                raise
            raise translated from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many per-file savepoints into one transaction (bulk import), committed by `commit_batch()`
        as the caller goes and at the end.

        Every file inside is already whole or absent (its own savepoint), so even when the batch ends with an
        exception (Ctrl-C, a bug) the files that finished are committed, and the one in flight is not. When
        SQLite itself gave up the transaction (a full disk rolls it back), what was committed before stays.
        """
        if self._in_batch:
            yield
            return
        self.require_writable()
        with self.storage_errors():
            self._db.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        try:
            yield
        except BaseException:
            self._in_batch = False
            self._end_after_error()
            raise
        self._in_batch = False
        with self.storage_errors():
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def commit_batch(self, *, durable: bool = False, on_committed: Callable[[], None] | None = None) -> None:
        """Commit what a long batch has so far and go on in a new transaction.

        Any commit survives a killed process (kill -9, out of memory). A `durable` one is also synced to the
        disk, so it survives a power cut: a checkpoint of a few milliseconds, which a bulk import pays about
        once a second rather than on every commit. `on_committed` runs as soon as the commit itself is done:
        a full disk met afterwards by the checkpoint must not make the caller report the work as lost.
        """
        if self._in_batch:
            with self.storage_errors():
                if self._db.in_transaction:
                    self._commit(durable=durable, on_committed=on_committed)
                self._db.execute("BEGIN IMMEDIATE")

    def _commit(self, *, durable: bool, on_committed: Callable[[], None] | None = None) -> None:
        self._db.execute("COMMIT")
        if on_committed is not None:
            on_committed()
        if durable:
            # With synchronous=NORMAL, SQLite syncs the log before a checkpoint and the database after it: a
            # passive checkpoint (it never waits for readers) makes every commit so far survive a power cut.
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def _end_after_error(self) -> None:
        """Keep the finished work if the transaction is still open; the error in flight is what gets reported."""
        if not self._db.in_transaction:
            return
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self.storage_errors():
            self._db.execute("SAVEPOINT file")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:  # a full disk may already have rolled everything back
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK TO file")
                    self._db.execute("RELEASE file")
            raise
        with self.storage_errors():
            self._db.execute("RELEASE file")

    # -- adding -------------------------------------------------------------------------------------

    def _existing_id(self, credential_id: str | None, content_hash: str) -> str | None:
        if credential_id:
            row = self._db.execute(
                "SELECT id FROM credentials WHERE content_hash = ? OR credential_id = ? LIMIT 1",
                (content_hash, credential_id),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT id FROM credentials WHERE content_hash = ? LIMIT 1", (content_hash,)
            ).fetchone()
        return row[0] if row else None

    def _insert_or_find(self, prepared: PreparedCredential, parent_id: str | None) -> tuple[str, bool]:
        """Insert under the shortest free prefix of the content hash, or find the copy already stored.

        Returns (wallet id, inserted). The id is derived from the content, so the same credential gets the
        same id in every wallet; a prefix taken by another credential (rare) moves to a longer prefix.
        """
        content_hash = prepared.content_hash
        for length in range(SHORT_ID_LENGTH, len(content_hash) + 1):
            candidate = content_hash[:length]
            row = (candidate, *prepared.values, parent_id)
            if self._db.execute(INSERT_NEW_SQL, row).rowcount == 1:
                return candidate, True
            existing = self._existing_id(prepared.credential_id, content_hash)
            if existing is not None:
                return existing, False
        raise StoreError("could not allocate a wallet id")  # unreachable: hashes are unique

    def add(self, credentials: list[Credential]) -> AddOutcome:
        """Store one file's credentials atomically; the first is the parent of the rest when it is a CLR."""
        return self.add_prepared([prepare(credential) for credential in credentials])

    def add_prepared(self, prepared: list[PreparedCredential]) -> AddOutcome:
        """Like `add`, for credentials already turned into rows (by `prepare`, possibly in another process).

        Storage failures raise StoreError; an error about this file's data (sqlite3.Error) leaves nothing of it.
        """
        self.require_writable()
        try:  # not `storage_errors()`: this runs once per imported file, and a try costs nothing
            if len(prepared) == 1:  # one statement is atomic by itself: no savepoint needed
                return self._add_all(prepared)
            with self._savepoint():
                return self._add_all(prepared)
        except sqlite3.Error as exc:
            raise storage_error(exc, self.db_path) or exc from None

    def _add_all(self, prepared: list[PreparedCredential]) -> AddOutcome:
        outcome = AddOutcome()
        parent_wallet_id: str | None = None
        for index, item in enumerate(prepared):
            parent = parent_wallet_id if index > 0 and item.inside_clr else None
            wallet_id, inserted = self._insert_or_find(item, parent)
            (outcome.imported if inserted else outcome.duplicates).append(wallet_id)
            outcome.ids.append(wallet_id)
            if index == 0:
                parent_wallet_id = wallet_id
        return outcome

    # -- reading ------------------------------------------------------------------------------------

    def resolve_id(self, id_or_prefix: str) -> str:
        """A full wallet id from a unique prefix (at least 4 characters), as git does for commits."""
        wanted = id_or_prefix.strip().lower()
        if len(wanted) < 4:
            raise InputError(f"wallet id {id_or_prefix!r} is too short: give at least 4 characters")
        rows = self._db.execute(
            "SELECT id FROM credentials WHERE id >= ? AND id < ? ORDER BY id LIMIT 3", (wanted, wanted + "g")
        ).fetchall()
        exact = [str(r[0]) for r in rows if r[0] == wanted]
        if exact:
            return exact[0]
        if not rows:  # only on this error path: every id, for the closest spelling
            from credwallet.wording import did_you_mean

            known = [str(r[0]) for r in self._db.execute("SELECT id FROM credentials")]
            raise NotFoundError(
                f"no credential with id {id_or_prefix!r} in the wallet",
                hint=did_you_mean(wanted, known) or "see `credwallet list`",
            )
        if len(rows) > 1:
            raise InputError(f"wallet id {id_or_prefix!r} is ambiguous: {', '.join(r[0] for r in rows)}, ...")
        return str(rows[0][0])

    def summaries(
        self,
        *,
        issuer: str | None = None,
        search: str | None = None,
        sort: str = "issued",
        parent_id: str | None = None,
        status: str | None = None,
    ) -> list[Summary]:
        """Rows for `list`, filtered in SQL; `search` matches name, description, issuer and tags."""
        if sort not in SORT_COLUMNS:
            raise InputError(f"unknown sort {sort!r}: choose one of {', '.join(SORT_COLUMNS)}")
        clauses: list[str] = []
        params: list[Any] = []
        if issuer:
            clauses.append("(issuer_name LIKE ? ESCAPE '\\' OR issuer_id LIKE ? ESCAPE '\\')")
            pattern = f"%{_escape_like(issuer)}%"
            params += [pattern, pattern]
        if search:
            clauses.append(
                "(name LIKE ?1 ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\' OR issuer_name LIKE ?1 ESCAPE '\\'"
                " OR user_tags LIKE ?1 ESCAPE '\\' OR normalized LIKE ?1 ESCAPE '\\')".replace("?1", "?")
            )
            pattern = f"%{_escape_like(search)}%"
            params += [pattern] * 5
        if parent_id:
            clauses.append("parent_id = ?")
            params.append(parent_id)
        if status:
            clauses.append("status = ?")
            params.append(status)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            "SELECT id, name, issuer_name, issued_on, expires_on, format, status, parent_id, user_tags "
            f"FROM credentials {where} ORDER BY {SORT_COLUMNS[sort]}",
            params,
        ).fetchall()
        return [
            Summary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _json_list(r[8])) for r in rows
        ]

    def get(self, id_or_prefix: str, *, with_original: bool = True) -> Credential:
        wallet_id = self.resolve_id(id_or_prefix)
        credentials = self._load("WHERE id = ?", [wallet_id], with_original=with_original)
        if not credentials:
            raise InputError(
                f"credential {wallet_id} is damaged in the wallet and cannot be read ({self.damaged.get(wallet_id)})",
                hint=f"credwallet remove {wallet_id}, then import the badge again",
            )
        return credentials[0]

    def credentials(
        self, *, with_original: bool = False, parent_id: str | None = None, excluding: Collection[str] = ()
    ) -> list[Credential]:
        """Every credential, decoded (for skills, gap, export and verify --all), but for those whose status is in
        `excluding` (an export that never shows them need not decode them)."""
        if parent_id:
            return self._load("WHERE parent_id = ?", [parent_id], with_original=with_original)
        if excluding:
            # Chosen from the summary index (m008): the table holds each status after the issued document.
            marks = ", ".join("?" for _ in excluding)
            where = f"WHERE rowid IN (SELECT rowid FROM credentials WHERE status NOT IN ({marks}))"
            return self._load(where, list(excluding), with_original=with_original)
        return self._load("", [], with_original=with_original)

    def _load(self, where: str, params: list[Any], *, with_original: bool) -> list[Credential]:
        # A JSON or token file's issued document is not stored twice: it is read back from the original bytes.
        original = "original" if with_original else "CASE WHEN container IN ('json', 'jws') THEN original END"
        rows = self._db.execute(
            "SELECT id, normalized, content_hash, status, verification, verified_at, notes, user_tags, "
            f"imported_at, source, parent_id, schema_errors, container, {original}, issued_on, name "
            f"FROM credentials {where}",
            params,
        ).fetchall()
        # ORDER BY issued_on DESC, name, done here: SQLite's sorter would copy every row, originals included.
        rows.sort(key=lambda row: str(row[15]))  # str(): a damaged row's odd type must not stop the sort
        rows.sort(key=lambda row: (row[14] is not None, str(row[14] or "")), reverse=True)
        found: list[Credential] = []
        with cyclic_gc_paused():
            for row in rows:
                try:
                    found.append(self._credential_of(row, with_original))
                except Exception as error:  # a damaged row (edited by hand, a bad disk): left out, and said
                    self.report_damaged(str(row[0]), error)
        return found

    def _credential_of(self, row: tuple[Any, ...], with_original: bool) -> Credential:
        data = json.loads(row[1])
        original_bytes: bytes | None = row[13]
        from_original = "document" not in data and original_bytes is not None
        if original_bytes is not None and from_original and row[12] == "jws":
            data.setdefault("token", bytes(original_bytes).decode("ascii", "replace").strip())
        data.update(
            wallet_id=row[0],
            content_hash=row[2],
            status=row[3],
            verified_at=row[5],
            notes=row[6],
            user_tags=_json_list(row[7]),
            imported_at=row[8],
            source=row[9],
            parent_id=row[10],
            schema_errors=_json_list(row[11]),
            container=row[12],
        )
        credential = credential_from_jsonable(data)
        # The issued document and the verification report are decoded when first read: most commands
        # (gap, skills, export) read them for few credentials or none.
        if from_original and original_bytes is not None:
            defer(credential, "document", partial(_document_from_original, original_bytes, row[12], data))
        if row[4]:
            defer(credential, "verification", partial(_saved_report, row[4]))
        else:
            credential.verification = None
        credential.original_bytes = bytes(original_bytes) if original_bytes is not None and with_original else b""
        return credential

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM credentials").fetchone()[0])

    def counts_by(self, column: str) -> dict[str, int]:
        if column not in ("format", "status"):
            raise ValueError(column)
        rows = self._db.execute(f"SELECT {column}, count(*) FROM credentials GROUP BY {column}").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def schema_version(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # -- changing -----------------------------------------------------------------------------------

    def remove(self, id_or_prefix: str) -> list[str]:
        """Delete a credential (and, for a CLR, the credentials it holds); returns every id removed."""
        wallet_id = self.resolve_id(id_or_prefix)
        children = [
            r[0] for r in self._db.execute("SELECT id FROM credentials WHERE parent_id = ?", (wallet_id,))
        ]
        with self._write():
            self._db.execute("DELETE FROM credentials WHERE id = ?", (wallet_id,))
        return [wallet_id, *children]

    def add_tag(self, id_or_prefix: str, tag: str) -> list[str]:
        tag = tag.strip()
        if not tag:
            raise InputError("a tag cannot be empty")
        return self._update_tags(id_or_prefix, lambda tags: tags if tag in tags else [*tags, tag])

    def remove_tag(self, id_or_prefix: str, tag: str) -> list[str]:
        return self._update_tags(id_or_prefix, lambda tags: [t for t in tags if t != tag.strip()])

    def _update_tags(self, id_or_prefix: str, change: Any) -> list[str]:
        wallet_id = self.resolve_id(id_or_prefix)
        with self._write():
            row = self._db.execute("SELECT user_tags FROM credentials WHERE id = ?", (wallet_id,)).fetchone()
            tags = change(json.loads(row[0] or "[]"))
            self._db.execute(
                "UPDATE credentials SET user_tags = ? WHERE id = ?", (json.dumps(tags), wallet_id)
            )
        return list(tags)

    def set_note(self, id_or_prefix: str, text: str | None) -> str:
        wallet_id = self.resolve_id(id_or_prefix)
        with self._write():
            self._db.execute("UPDATE credentials SET notes = ? WHERE id = ?", (text or None, wallet_id))
        return wallet_id

    def save_verification(
        self, wallet_id: str, status: Status, report: dict[str, Any], when: datetime | None = None
    ) -> None:
        """Keep the latest verification result with its time (what `list` shows as status)."""
        self.save_verifications([(wallet_id, status, report)], when or now_utc())

    def save_verifications(self, results: Iterable[tuple[str, Status, dict[str, Any]]], when: datetime) -> None:
        """Keep many verification results at once (`verify --all`): one statement for all, all or nothing."""
        moment = iso_time(when)
        with self._write():
            self._db.executemany(
                "UPDATE credentials SET status = ?, verification = ?, verified_at = ? WHERE id = ?",
                [(status.value, json.dumps(report), moment, wallet_id) for wallet_id, status, report in results],
            )

    def update_display(self, wallet_id: str, credential: Credential) -> None:
        """Store what a credential shows after it was filled from fetched documents (a hosted OB 2.0 badge's
        badge class and issuer); the issued bytes and the dedup key stay as imported, and its skill claims are
        dropped so the next command extracts them again from the filled fields."""
        canonical, _ = credential.normalized_json()
        with self._write():
            self._db.execute(
                "UPDATE credentials SET normalized = ?, name = ?, description = ?, issuer_name = ?, issuer_id = ?, "
                "issuer_url = ?, schema_errors = ?, achievement_type = ? WHERE id = ?",
                (
                    canonical,
                    credential.name,
                    credential.description,
                    credential.issuer.name,
                    credential.issuer.id,
                    credential.issuer.url,
                    json.dumps(credential.schema_errors),
                    credential.achievement_type,
                    wallet_id,
                ),
            )
            self._db.execute(
                "DELETE FROM skill_claims WHERE content_hash = (SELECT content_hash FROM credentials WHERE id = ?)",
                (wallet_id,),
            )

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One change, all or nothing: its own transaction, or a savepoint inside a batch."""
        self.require_writable()
        if self._in_batch:
            with self.storage_errors(), self._savepoint():
                yield
            return
        with self.storage_errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- derived data -------------------------------------------------------------------------------

    def skill_claims(self, vocabulary: str) -> dict[str, str]:
        """Stored skill claims (JSON) by content hash, for one vocabulary fingerprint."""
        rows = self._db.execute("SELECT content_hash, claims FROM skill_claims WHERE vocabulary = ?", (vocabulary,))
        return {str(r[0]): str(r[1]) for r in rows}

    def evidence_rows(self, vocabulary: str) -> list[tuple[Any, ...]]:
        """What gap analysis reads of each credential, without decoding it: (id, name, issuer name, issuer id,
        format, status, expires_on, content hash, stored claims JSON or None)."""
        return self._db.execute(
            "SELECT c.id, c.name, c.issuer_name, c.issuer_id, c.format, c.status, c.expires_on, "
            "c.content_hash, s.claims "
            "FROM credentials c LEFT JOIN skill_claims s ON s.content_hash = c.content_hash AND s.vocabulary = ? "
            "ORDER BY c.issued_on DESC, c.name",
            (vocabulary,),
        ).fetchall()

    def save_skill_claims(self, rows: list[tuple[str, str, str]]) -> None:
        """(content hash, vocabulary fingerprint, claims JSON) rows; an existing row is replaced.

        A cache written by reading commands: a read-only wallet or a full disk skips it (the next command
        extracts again) rather than failing `list`, `gap` or `export`.
        """
        if self.read_only:
            return
        try:
            with self._write():
                self._db.executemany(
                    "INSERT INTO skill_claims (content_hash, vocabulary, claims) VALUES (?, ?, ?) "
                    "ON CONFLICT(content_hash, vocabulary) DO UPDATE SET claims = excluded.claims",
                    rows,
                )
        except StoreError:
            return

    # -- backup -------------------------------------------------------------------------------------

    def raw_rows(self, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """Rows exactly as stored (for backups), parents before the credentials they hold."""
        names = ", ".join(columns)
        return self._db.execute(
            f"SELECT {names} FROM credentials ORDER BY parent_id IS NOT NULL, id"
        ).fetchall()

    def restore_row(self, row: dict[str, Any], id_map: dict[str, str]) -> tuple[bool, str]:
        """Insert a backed-up row unchanged unless the wallet already has it; (inserted, wallet id)."""
        existing = self._db.execute(
            "SELECT id FROM credentials WHERE content_hash = ? OR (credential_id IS NOT NULL AND credential_id = ?)",
            (row["content_hash"], row["credential_id"]),
        ).fetchone()
        if existing:
            id_map[row["id"]] = existing[0]
            return False, str(existing[0])
        values = dict(row)
        if values.get("parent_id"):
            values["parent_id"] = id_map.get(values["parent_id"], values["parent_id"])
        taken = self._db.execute("SELECT 1 FROM credentials WHERE id = ?", (values["id"],)).fetchone()
        if taken:
            length = len(values["id"]) + 1
            while self._db.execute(
                "SELECT 1 FROM credentials WHERE id = ?", (values["content_hash"][:length],)
            ).fetchone():
                length += 1
            values["id"] = values["content_hash"][:length]
        id_map[row["id"]] = values["id"]
        columns = list(values)
        with self._write():
            self._db.execute(
                f"INSERT INTO credentials ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [values[c] for c in columns],
            )
        return True, str(values["id"])

    # -- profile ------------------------------------------------------------------------------------

    def profile(self) -> Profile:
        row = self._db.execute("SELECT value FROM profile WHERE key = 'name'").fetchone()
        identities = [
            r[0] for r in self._db.execute("SELECT identity FROM identities ORDER BY added_at, identity")
        ]
        return Profile(name=row[0] if row else None, identities=identities)

    def set_name(self, name: str | None) -> None:
        with self._write():
            self._db.execute(
                "INSERT INTO profile (key, value) VALUES ('name', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (name.strip() if name else None,),
            )

    def add_identity(self, identity: str) -> bool:
        """Add an email, URL, phone or DID the learner receives badges at; False if already there."""
        cleaned = identity.strip()
        kind = identity_kind(cleaned)
        if not cleaned or (kind == "email" and ("@" not in cleaned or " " in cleaned)):
            raise InputError(f"{identity!r} is not an email address, URL, telephone number or DID")
        with self._write():
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO identities (identity, kind, added_at) VALUES (?, ?, ?)",
                (cleaned, kind, iso_time(now_utc())),
            )
        return cursor.rowcount > 0

    def remove_identity(self, identity: str) -> None:
        with self._write():
            cursor = self._db.execute("DELETE FROM identities WHERE identity = ?", (identity.strip(),))
        if cursor.rowcount == 0:
            raise NotFoundError(f"{identity!r} is not one of the profile's identities")

    # -- declared skills ------------------------------------------------------------------------------

    def declared_skills(self) -> list[DeclaredSkill]:
        """Skills the learner declared (`skills declare`), by skill id."""
        rows = self._db.execute("SELECT skill, level, note, declared_at FROM declared_skills ORDER BY skill")
        return [DeclaredSkill(r[0], int(r[1]), r[2], parse_iso_datetime(r[3])) for r in rows]

    def declare_skill(self, skill: str, level: int, note: str | None = None) -> DeclaredSkill:
        """Record (or replace) a declared skill; `skill` must already be a vocabulary id."""
        if not 1 <= level <= 5:
            raise InputError(f"level {level} is out of range: give 1 (aware) to 5 (expert)")
        note = note.strip() if note and note.strip() else None
        when = now_utc()
        with self._write():
            self._db.execute(
                "INSERT INTO declared_skills (skill, level, note, declared_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(skill) DO UPDATE SET level = excluded.level, note = excluded.note, "
                "declared_at = excluded.declared_at",
                (skill, level, note, iso_time(when)),
            )
        return DeclaredSkill(skill, level, note, when)

    def undeclare_skill(self, skill: str) -> bool:
        """Forget a declared skill; False when it was not declared."""
        with self._write():
            cursor = self._db.execute("DELETE FROM declared_skills WHERE skill = ?", (skill,))
        return cursor.rowcount > 0

    # -- fetched documents ----------------------------------------------------------------------------

    def connection(self) -> sqlite3.Connection:
        """The wallet's SQLite connection, for stores that live beside the credentials (the document cache)."""
        return self._db


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json_list(text: str | None) -> list[Any]:
    """A stored JSON list column (most hold `[]`); a damaged one reads as empty."""
    if not text or text == "[]":
        return []
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return []
    return value if isinstance(value, list) else []


def _saved_report(text: str) -> dict[str, Any] | None:
    """A saved verification report; a damaged one is no report (the credential is verified again)."""
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def _document_from_original(original: bytes, container: str, data: dict[str, Any]) -> dict[str, Any]:
    """The issued document of a credential whose original bytes are its JSON text or its token."""
    if container == "jws":
        from credwallet.formats.jwt import document_in_token

        token = bytes(original).decode("ascii", "replace").strip()
        return document_in_token(token, credential_format=str(data.get("format")))
    document: dict[str, Any] = json.loads(original.decode("utf-8-sig"))
    return document

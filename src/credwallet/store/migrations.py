"""Named, recorded schema migrations: each runs once, in order, and is recorded with its time.

Never edit a migration that has shipped; add a new one. A wallet made by any earlier release opens and is
brought forward on first use, inside one transaction, so a failed upgrade leaves the old wallet intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(function: Migration) -> Migration:
    MIGRATIONS.append((function.__name__, function))
    return function


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE credentials (
            id TEXT PRIMARY KEY,
            credential_id TEXT,
            format TEXT NOT NULL,
            container TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            issuer_name TEXT,
            issuer_id TEXT,
            issuer_url TEXT,
            issued_on TEXT,
            expires_on TEXT,
            recipient_type TEXT,
            recipient_identity TEXT,
            recipient_hashed INTEGER,
            recipient_salt TEXT,
            normalized TEXT NOT NULL,
            original BLOB NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT,
            status TEXT NOT NULL DEFAULT 'unverified',
            verification TEXT,
            verified_at TEXT,
            notes TEXT,
            user_tags TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX credentials_credential_id ON credentials(credential_id) WHERE credential_id IS NOT NULL;
        CREATE INDEX credentials_issuer_name ON credentials(issuer_name);
        CREATE TABLE profile (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE identities (
            identity TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        """,
    )


@migration
def m002_linked_credentials_and_structure(db: sqlite3.Connection) -> None:
    """CLR inner credentials point at their CLR; structure (schema) errors found at import are kept."""
    _run(
        db,
        """
        ALTER TABLE credentials ADD COLUMN parent_id TEXT REFERENCES credentials(id) ON DELETE CASCADE;
        ALTER TABLE credentials ADD COLUMN schema_errors TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE credentials ADD COLUMN achievement_type TEXT;
        CREATE INDEX credentials_parent_id ON credentials(parent_id);
        """,
    )


def _run(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits any open transaction first, which would break the all-or-nothing upgrade.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def ensure_schema_table(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )


def applied(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM schema_migrations")}


def pending(db: sqlite3.Connection) -> list[tuple[str, Migration]]:
    done = applied(db)
    return [(name, fn) for name, fn in MIGRATIONS if name not in done]


def migrate(db: sqlite3.Connection, *, upto: str | None = None) -> list[str]:
    """Apply pending migrations (all, or up to and including `upto`) in one transaction; return their names."""
    ensure_schema_table(db)
    ran: list[str] = []
    todo = pending(db)
    if not todo:
        return ran
    db.execute("BEGIN IMMEDIATE")
    try:
        for name, fn in pending(db):  # re-read under the write lock: another process may have migrated
            fn(db)
            db.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat()),
            )
            ran.append(name)
            if name == upto:
                break
        db.execute(f"PRAGMA user_version = {len(applied(db))}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return ran


@migration
def m003_document_cache(db: sqlite3.Connection) -> None:
    """Documents fetched for online checks (issuer profiles, keys, DID documents, status lists), kept with
    their fetch time and HTTP validators so `--max-age` can decide when to refetch and offline runs can reuse
    them."""
    _run(
        db,
        """
        CREATE TABLE document_cache (
            url TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT,
            body BLOB NOT NULL,
            final_url TEXT,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL
        )
        """
    )


@migration
def m004_skill_claims(db: sqlite3.Connection) -> None:
    """Skills extracted from each credential, per vocabulary version, so `gap`, `skills` and `list --json`
    do not extract again on every run; a credential's rows go with it."""
    _run(
        db,
        """
        CREATE TABLE skill_claims (
            content_hash TEXT NOT NULL REFERENCES credentials(content_hash) ON DELETE CASCADE,
            vocabulary TEXT NOT NULL,
            claims TEXT NOT NULL,
            PRIMARY KEY (content_hash, vocabulary)
        )
        """,
    )


@migration
def m005_declared_skills(db: sqlite3.Connection) -> None:
    """Skills the learner declares without a credential (`credwallet skills declare`): one row per skill."""
    _run(
        db,
        """
        CREATE TABLE declared_skills (
            skill TEXT PRIMARY KEY,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
            note TEXT,
            declared_at TEXT NOT NULL
        )
        """,
    )


@migration
def m006_saved_plans(db: sqlite3.Connection) -> None:
    """Plans kept with `plan --save NAME`: the plan as `plan --json` printed it, what produced it (role,
    options, learner facts), and the offerings the learner marked completed since, for `plan show NAME`."""
    _run(
        db,
        """
        CREATE TABLE saved_plans (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            created_at TEXT NOT NULL,
            request TEXT NOT NULL,
            plan TEXT NOT NULL,
            completed TEXT NOT NULL DEFAULT '[]'
        )
        """,
    )


@migration
def m007_trusted_issuers(db: sqlite3.Connection) -> None:
    """The learner's own list of issuers they recognise (`credwallet trust add`): verify marks their
    credentials. A did:key issuer's name is only its own claim; this list is the learner's word for it."""
    _run(
        db,
        """
        CREATE TABLE trusted_issuers (
            issuer_id TEXT PRIMARY KEY,
            name TEXT,
            added_at TEXT NOT NULL
        )
        """,
    )


@migration
def m008_credential_summary_index(db: sqlite3.Connection) -> None:
    """What `list`, gap, `roles match`, `skills` and an export's status filter read of every credential, in one
    covering index in `list`'s order: a row's status and hash sit after its issued document in the table, so
    reading them from the table walks every document's pages (the whole file, at 10,000 credentials)."""
    _run(
        db,
        """
        CREATE INDEX credentials_summary ON credentials (
            issued_on DESC, name, id, issuer_name, issuer_id, format, status, expires_on, content_hash,
            parent_id, user_tags
        )
        """,
    )


@migration
def m009_wallet_secret(db: sqlite3.Connection) -> None:
    """A random secret of this wallet that no backup carries: it keys the verification cache, so a saved
    verdict is reused only by the wallet that computed it (a doctored backup's cache keys never match)."""
    import os

    _run(db, "CREATE TABLE wallet_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret BLOB NOT NULL)")
    db.execute("INSERT INTO wallet_secret (id, secret) VALUES (1, ?)", (os.urandom(32),))

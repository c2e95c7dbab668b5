"""The wallet's cache of fetched documents: issuer profiles, keys, DID documents, status lists.

Kept on the wallet's own SQLite connection (table `document_cache`, migration m003) with the time each was
fetched and the server's validators (ETag, Last-Modified), so a later run can revalidate cheaply, `--max-age`
can decide what is fresh, and an offline run can still use what was fetched, saying how old it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from credwallet.model import parse_iso_datetime


@dataclass(slots=True)
class CachedDocument:
    """One cached answer to a URL."""

    url: str
    kind: str  # document | status_list | context | badge
    status: int  # 200, or 410 for a revoked OB 2.0 hosted assertion
    body: bytes
    fetched_at: datetime
    content_type: str = ""
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def age(self, now: datetime | None = None) -> float:
        """Seconds since the document was fetched (or last revalidated)."""
        return max(0.0, ((now or datetime.now(UTC)) - self.fetched_at).total_seconds())


_COLUMNS = "url, kind, status, body, fetched_at, content_type, final_url, etag, last_modified"


class DocumentCache:
    """Read and write cached documents; each write is one statement (atomic, joins an open transaction)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def get(self, url: str) -> CachedDocument | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM document_cache WHERE url = ?", (url,)).fetchone()
        return None if row is None else _document(row)

    def put(self, document: CachedDocument) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO document_cache ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.url,
                document.kind,
                document.status,
                document.body,
                _iso(document.fetched_at),
                document.content_type,
                document.final_url,
                document.etag,
                document.last_modified,
            ),
        )

    def touch(self, url: str, fetched_at: datetime) -> None:
        """A revalidation said "not modified": the cached copy counts as fetched now."""
        self._db.execute("UPDATE document_cache SET fetched_at = ? WHERE url = ?", (_iso(fetched_at), url))

    def remove(self, url: str) -> bool:
        return self._db.execute("DELETE FROM document_cache WHERE url = ?", (url,)).rowcount > 0

    def clear(self) -> int:
        """Forget every cached document; returns how many there were."""
        return int(self._db.execute("DELETE FROM document_cache").rowcount)

    def count(self) -> int:
        """How many documents the cache holds (an empty cache lets an offline run skip looking)."""
        return int(self._db.execute("SELECT COUNT(*) FROM document_cache").fetchone()[0])

    def entries(self) -> list[CachedDocument]:
        """Every cached document, oldest first (for `credwallet documents`)."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM document_cache ORDER BY fetched_at, url").fetchall()
        return [_document(row) for row in rows]

    def urls(self) -> list[tuple[str, datetime]]:
        """Every cached URL with its fetch time, oldest first."""
        rows = self._db.execute("SELECT url, fetched_at FROM document_cache ORDER BY fetched_at, url").fetchall()
        return [(str(r[0]), parse_iso_datetime(r[1])) for r in rows]


def _document(row: tuple[object, ...]) -> CachedDocument:
    return CachedDocument(
        url=str(row[0]),
        kind=str(row[1]),
        status=int(str(row[2])),
        body=bytes(row[3]),  # type: ignore[call-overload]
        fetched_at=parse_iso_datetime(str(row[4])),
        content_type=str(row[5] or ""),
        final_url=None if row[6] is None else str(row[6]),
        etag=None if row[7] is None else str(row[7]),
        last_modified=None if row[8] is None else str(row[8]),
    )


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")

"""Fetching through the wallet's document cache: fresh copies answer at once, stale ones are revalidated.

`--max-age` decides what is fresh. A stale copy is revalidated with its ETag / Last-Modified (a 304 costs no
body), and kept as a fallback when the refetch fails for a reason other than "gone". With no network
fetcher (an offline run), every cached copy answers whatever its age, and the result says how old it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from credwallet.errors import NetworkError
from credwallet.net import DEFAULT_PARALLEL, Fetcher, FetchRequest, FetchResult, HttpStatusError
from credwallet.store.documents import CachedDocument, DocumentCache

# Status lists change when an issuer revokes; an hour keeps `verify --online` meaningful and cheap.
DEFAULT_MAX_AGE = timedelta(hours=1)
# Said of a document an offline run looked for in the wallet's cache and did not find.
NOT_CACHED = "not in the wallet's document cache (offline; run with --online)"
CACHED_KINDS = frozenset({"document", "status_list", "context"})  # badges are stored as credentials


def _now() -> datetime:
    return datetime.now(UTC)


def describe_age(seconds: float) -> str:
    """A short human age: "40 s", "12 min", "3 h 5 min", "2 days"."""
    if seconds < 60:
        return f"{int(seconds)} s"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 48 * 3600:
        hours, minutes = divmod(int(seconds // 60), 60)
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{int(seconds // 86400)} days"


class CachingFetcher:
    """A Fetcher over the wallet's cache, refetching through `inner` (None: offline, cache only).

    Offline, every cached copy answers whatever its age, unless `offline_max_age` (`verify --max-age` without
    `--online`) says it is too old to count; then the answer says how to refetch it."""

    def __init__(
        self,
        cache: DocumentCache,
        inner: Fetcher | None,
        *,
        max_age: timedelta = DEFAULT_MAX_AGE,
        clock: Callable[[], datetime] = _now,
        offline_max_age: timedelta | None = None,
    ) -> None:
        self.cache = cache
        self.inner = inner
        self.max_age = max_age
        self.offline_max_age = offline_max_age
        self._clock = clock

    @property
    def requests_made(self) -> int:
        return int(getattr(self.inner, "requests_made", 0))

    def _cached(self, cached: CachedDocument, note: str | None = None) -> FetchResult:
        return FetchResult(
            url=cached.url,
            status=cached.status,
            body=cached.body,
            content_type=cached.content_type,
            final_url=cached.final_url or cached.url,
            etag=cached.etag,
            last_modified=cached.last_modified,
            fetched_at=cached.fetched_at,
            from_cache=True,
            note=note,
        )

    def fetch(self, request: FetchRequest) -> FetchResult:
        (outcome,) = self.fetch_many([request])
        if isinstance(outcome, NetworkError):
            raise outcome
        return outcome

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = DEFAULT_PARALLEL
    ) -> list[FetchResult | NetworkError]:
        """Cache lookups and writes happen here, in the caller's thread; only `inner` fetches in parallel."""
        now = self._clock()
        outcomes: list[FetchResult | NetworkError | None] = [None] * len(requests)
        pending: list[tuple[int, FetchRequest, CachedDocument | None]] = []
        for index, request in enumerate(requests):
            cached = self.cache.get(request.url) if request.kind in CACHED_KINDS else None
            too_old = (
                cached is not None
                and self.inner is None
                and self.offline_max_age is not None
                and cached.age(now) > self.offline_max_age.total_seconds()
            )
            if cached is not None and too_old:
                outcomes[index] = NetworkError(
                    f"{request.url}: the wallet's copy is {describe_age(cached.age(now))} old, older than "
                    "--max-age (run with --online to refetch it)"
                )
            elif cached is not None and (self.inner is None or cached.age(now) <= self.max_age.total_seconds()):
                outcomes[index] = self._cached(cached)
            elif self.inner is None:
                outcomes[index] = NetworkError(f"{request.url}: {NOT_CACHED}")
            else:
                conditional = (
                    replace(request, etag=cached.etag, last_modified=cached.last_modified) if cached else request
                )
                pending.append((index, conditional, cached))
        if pending and self.inner is not None:
            answers = self.inner.fetch_many([p[1] for p in pending], max_parallel=max_parallel)
            for (index, request, cached), answer in zip(pending, answers, strict=True):
                outcomes[index] = self._settle(request, cached, answer)
        return [o if o is not None else NetworkError("internal: no outcome") for o in outcomes]

    def _settle(
        self, request: FetchRequest, cached: CachedDocument | None, answer: FetchResult | NetworkError
    ) -> FetchResult | NetworkError:
        if isinstance(answer, NetworkError):
            gone = isinstance(answer, HttpStatusError) and answer.status in (404, 410)
            if cached is not None and not gone:
                age = describe_age(cached.age(self._clock()))
                return self._cached(cached, note=f"stale copy ({age} old): the refetch failed: {answer.message}")
            return answer
        answer.fetched_at = self._clock()  # one clock for fetch times and ages
        if answer.status == 304 and cached is not None:
            self.cache.touch(request.url, answer.fetched_at)
            cached.fetched_at = answer.fetched_at
            return self._cached(cached, note="revalidated (not modified)")
        if request.kind in CACHED_KINDS:
            self.cache.put(
                CachedDocument(
                    url=request.url,
                    kind=request.kind,
                    status=answer.status,
                    body=answer.body,
                    fetched_at=answer.fetched_at,
                    content_type=answer.content_type,
                    final_url=answer.final_url,
                    etag=answer.etag,
                    last_modified=answer.last_modified,
                )
            )
        return answer


@dataclass(slots=True, frozen=True)
class CachedEntry:
    """One document in the wallet's cache, as `credwallet documents` lists it."""

    url: str
    kind: str
    status: int
    bytes: int
    sha256: str
    fetched_at: datetime
    age_seconds: float

    def to_jsonable(self) -> dict[str, object]:
        return {
            "url": self.url,
            "kind": self.kind,
            "status": self.status,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "fetched_at": self.fetched_at.isoformat().replace("+00:00", "Z"),
            "age_seconds": round(self.age_seconds),
        }


def cached_entries(cache: DocumentCache, now: datetime | None = None) -> list[CachedEntry]:
    """Every cached document with its sha256 and age, oldest first: what offline verification can reuse."""
    moment = now or _now()
    return [
        CachedEntry(
            url=document.url,
            kind=document.kind,
            status=document.status,
            bytes=len(document.body),
            sha256=hashlib.sha256(document.body).hexdigest(),
            fetched_at=document.fetched_at,
            age_seconds=document.age(moment),
        )
        for document in cache.entries()
    ]

"""The wallet's document cache: fetch time and validators kept, `max_age` honoured, offline runs served."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from credwallet.errors import NetworkError
from credwallet.net import FetchRequest, NetworkFetcher
from credwallet.online import make_fetcher
from credwallet.online.cache import CachingFetcher, describe_age
from credwallet.online.fetchers import DirectoryFetcher
from credwallet.store.documents import CachedDocument, DocumentCache
from credwallet.store.wallet import Wallet
from tests.online.server import LocalServer, respond

DOC = b'{"id": "https://issuer.example/profile"}'


@pytest.fixture
def wallet(tmp_path: Path) -> Wallet:
    opened = Wallet.open(tmp_path / "wallet.db", home=tmp_path)
    yield opened
    opened.close()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_the_migration_creates_the_cache_table(wallet: Wallet) -> None:
    assert "m003_document_cache" in wallet.schema_version()
    cache = DocumentCache(wallet.connection())
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    cache.put(CachedDocument("https://x/1", "document", 200, b"{}", when, "application/json", None, '"e"', None))
    stored = cache.get("https://x/1")
    assert stored is not None and stored.fetched_at == when and stored.etag == '"e"' and stored.body == b"{}"
    cache.touch("https://x/1", when + timedelta(hours=1))
    assert cache.urls() == [("https://x/1", when + timedelta(hours=1))]
    assert cache.clear() == 1 and cache.get("https://x/1") is None


def test_fresh_copies_answer_and_stale_ones_are_revalidated(
    wallet: Wallet, server: LocalServer, fetcher: NetworkFetcher
) -> None:
    seen_validators: list[str | None] = []

    def profile(handler: object) -> None:
        seen_validators.append(handler.headers.get("If-None-Match"))  # type: ignore[attr-defined]
        if handler.headers.get("If-None-Match") == '"v1"':  # type: ignore[attr-defined]
            handler.send_response(304)  # type: ignore[attr-defined]
            handler.send_header("Content-Length", "0")  # type: ignore[attr-defined]
            handler.end_headers()  # type: ignore[attr-defined]
        else:
            respond(handler, DOC, headers={"ETag": '"v1"'})  # type: ignore[arg-type]

    server.routes["/profile"] = profile
    clock = Clock()
    cache = DocumentCache(wallet.connection())
    caching = CachingFetcher(cache, fetcher, max_age=timedelta(minutes=30), clock=clock)
    url = server.url("/profile")
    first = caching.fetch(FetchRequest(url))
    assert first.body == DOC and not first.from_cache
    assert cache.get(url) is not None
    clock.now += timedelta(minutes=10)
    assert caching.fetch(FetchRequest(url)).from_cache and len(seen_validators) == 1  # fresh: no request
    clock.now += timedelta(hours=2)
    again = caching.fetch(FetchRequest(url))
    assert again.from_cache and again.note == "revalidated (not modified)" and again.body == DOC
    assert seen_validators == [None, '"v1"']


def test_offline_runs_use_any_cached_copy_and_say_how_old(wallet: Wallet) -> None:
    cache = DocumentCache(wallet.connection())
    fetched = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
    cache.put(CachedDocument("https://issuer.example/profile", "document", 200, DOC, fetched))
    clock = Clock()
    offline = CachingFetcher(cache, None, clock=clock)
    result = offline.fetch(FetchRequest("https://issuer.example/profile"))
    assert result.from_cache and result.fetched_at == fetched
    assert describe_age((clock.now - result.fetched_at).total_seconds()) == "3 h"
    with pytest.raises(NetworkError, match="not in the wallet's document cache"):
        offline.fetch(FetchRequest("https://issuer.example/other"))


def test_a_failed_refetch_falls_back_to_the_stale_copy_unless_gone(
    wallet: Wallet, server: LocalServer, fetcher: NetworkFetcher
) -> None:
    cache = DocumentCache(wallet.connection())
    old = datetime(2025, 5, 1, tzinfo=UTC)
    down, gone = server.url("/down"), server.url("/gone")
    server.routes["/down"] = lambda handler: respond(handler, b"oops", status=503)  # type: ignore[arg-type]
    for url in (down, gone):
        cache.put(CachedDocument(url, "document", 200, DOC, old))
    caching = CachingFetcher(cache, fetcher, max_age=timedelta(0), clock=Clock())
    stale = caching.fetch(FetchRequest(down))
    assert stale.from_cache and stale.note is not None and "stale copy (31 days old)" in stale.note
    with pytest.raises(NetworkError, match="HTTP 404"):
        caching.fetch(FetchRequest(gone))


def test_make_fetcher_picks_the_source(wallet: Wallet, tmp_path: Path) -> None:
    # --documents DIR: answered from the folder, and kept in the wallet's cache for later offline runs.
    directory = make_fetcher(wallet=wallet, documents_dir=tmp_path)
    assert isinstance(directory, CachingFetcher) and isinstance(directory.inner, DirectoryFetcher)
    assert isinstance(make_fetcher(wallet=None, documents_dir=tmp_path), DirectoryFetcher)
    offline = make_fetcher(wallet=wallet)
    assert isinstance(offline, CachingFetcher) and offline.inner is None
    online = make_fetcher(wallet=wallet, online=True, allow_http=True, max_age=timedelta(minutes=5))
    assert isinstance(online, CachingFetcher) and isinstance(online.inner, NetworkFetcher)
    assert online.inner.allow_http and online.max_age == timedelta(minutes=5)
    with pytest.raises(NetworkError, match="offline"):
        make_fetcher(wallet=None).fetch(FetchRequest("https://x/"))

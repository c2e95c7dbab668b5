"""Online checks and URL import: everything that needs documents from the web goes through here and `net`.

    from credwallet.online import make_fetcher, verify_online
    fetcher = make_fetcher(wallet=wallet, online=True, allow_http=False)
    run = verify_online(credentials, fetcher, identities=profile.identities, now=now)

Cheap to import: httpx loads only when a network fetch is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.errors import NetworkError
from credwallet.net import Fetcher, FetchRequest, FetchResult, NetworkFetcher, fetch_all_sequentially
from credwallet.online.gather import FetchRecord, Gathered, gather_documents
from credwallet.online.verify import OnlineRun, verify_online, verify_with_documents

if TYPE_CHECKING:
    from credwallet.store.wallet import Wallet

__all__ = [
    "FetchRecord",
    "FetchRequest",
    "FetchResult",
    "Fetcher",
    "Gathered",
    "NetworkFetcher",
    "OnlineRun",
    "cached_documents_fetcher",
    "gather_documents",
    "make_fetcher",
    "verify_online",
    "verify_with_documents",
]


def make_fetcher(
    *,
    wallet: Wallet | None,
    online: bool = False,
    documents_dir: Path | None = None,
    max_age: timedelta | None = None,
    allow_http: bool = False,
) -> Fetcher:
    """The fetcher for `verify`: `--documents DIR` (no network; what it answers is kept in the wallet's cache),
    `--online` (network through the wallet's cache, refetching what is older than `max_age`), or neither (the
    wallet's cache only; any age, or up to `max_age` when given). Without a wallet, `--online` fetches uncached
    and an offline run has no documents.

    Keeping what `--documents` and `--online` established is what lets a later plain `verify` reuse it."""
    from credwallet.online.cache import DEFAULT_MAX_AGE, CachingFetcher
    from credwallet.online.fetchers import DirectoryFetcher
    from credwallet.store.documents import DocumentCache

    if documents_dir is not None:
        directory = DirectoryFetcher(documents_dir)
        if wallet is None:
            return directory
        return CachingFetcher(DocumentCache(wallet.connection()), directory, max_age=timedelta(0))
    network = NetworkFetcher(allow_http=allow_http) if online else None
    if wallet is None:
        return network if network is not None else _NoDocuments()
    cache = DocumentCache(wallet.connection())
    if network is None:
        return CachingFetcher(cache, None, offline_max_age=max_age)
    return CachingFetcher(cache, network, max_age=max_age if max_age is not None else DEFAULT_MAX_AGE)


def cached_documents_fetcher(wallet: Wallet, max_age: timedelta | None = None) -> Fetcher | None:
    """The wallet's cache as a fetcher for an offline run; None when the cache is empty (nothing to reuse)."""
    from credwallet.store.documents import DocumentCache

    if DocumentCache(wallet.connection()).count() == 0:
        return None
    return make_fetcher(wallet=wallet, max_age=max_age)


class _NoDocuments:
    """Offline with no wallet: every fetch says so."""

    requests_made = 0

    def fetch(self, request: FetchRequest) -> FetchResult:
        raise NetworkError(f"{request.url}: offline (run with --online or --documents DIR)")

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = 8
    ) -> list[FetchResult | NetworkError]:
        return fetch_all_sequentially(self, requests)

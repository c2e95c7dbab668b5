"""The one HTTP client of credwallet (DESIGN.md §5, §9): https only, every address checked, bounded in time and size.

Online checks and URL import fetch through here and nowhere else. A fetch never follows a redirect on its own
(each hop is re-checked), connects only to an address it has checked (no DNS-rebinding window), sends no
cookies or proxy settings from the environment, and stops at a byte cap and a total deadline, whatever the
server does. Every failure is a `NetworkError` with one line naming the URL and the reason.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urljoin, urlsplit

from credwallet.connection import Target, Timeouts
from credwallet.errors import NetworkError
from credwallet.limits import MAX_BADGE_BYTES

if TYPE_CHECKING:
    import ssl

    import httpx

PRIVATE_NETWORK_ENV = "CREDWALLET_ALLOW_PRIVATE_NETWORK"
# Issuer profiles, DID documents, keys and badge classes are a few KB; 1 MiB leaves room for embedded images.
MAX_DOCUMENT_BYTES = 1024 * 1024
# A status list credential carries a compressed bitstring; 16 MiB covers the largest lists issuers publish.
MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024
MAX_REDIRECTS = 5
# One request, redirects included, never takes longer than this, even against a server dripping bytes.
TOTAL_DEADLINE_SECONDS = 10.0
DEFAULT_PARALLEL = 8
USER_AGENT = "credwallet (learner wallet; verifies credentials)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

BADGE_ACCEPT = "application/ld+json, application/json;q=0.9, image/png;q=0.5, image/svg+xml;q=0.5"
_KINDS: dict[str, tuple[int, str]] = {
    "document": (MAX_DOCUMENT_BYTES, "application/ld+json, application/json;q=0.9, application/did+json;q=0.9"),
    "status_list": (MAX_STATUS_LIST_BYTES, "application/vc+ld+json, application/ld+json, application/json;q=0.9"),
    "badge": (MAX_BADGE_BYTES, BADGE_ACCEPT),
    "context": (MAX_DOCUMENT_BYTES, "application/ld+json, application/json;q=0.9"),
}

# (host, port) -> the (address, port) pairs to try, in order; the default resolves with the system resolver.
Resolver = Callable[[str, int], list[tuple[str, int]]]


class HttpStatusError(NetworkError):
    """The server answered with a status that carries no document (404, 500...)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message, code="NETWORK_HTTP_STATUS")
        self.status = status


@dataclass(slots=True, frozen=True)
class FetchRequest:
    """One URL to fetch; `kind` picks the byte cap and Accept header, validators make it conditional."""

    url: str
    kind: str = "document"  # document | status_list | badge | context
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class FetchResult:
    """A fetched body (decoded, within its cap) and what the server said about it."""

    url: str  # as requested
    status: int  # 200; 304 (not modified: empty body); 410 (gone: an OB 2.0 revoked hosted assertion)
    body: bytes
    content_type: str = ""  # media type, lower case, without parameters
    final_url: str = ""  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    from_cache: bool = False
    note: str | None = None  # e.g. "stale copy: the refetch failed (timeout)"


class Fetcher(Protocol):
    """Anything that answers URLs with bodies: the network, a folder (`--documents`), the wallet's cache."""

    def fetch(self, request: FetchRequest) -> FetchResult: ...

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = DEFAULT_PARALLEL
    ) -> list[FetchResult | NetworkError]: ...


def kind_limits(kind: str) -> tuple[int, str]:
    """(byte cap, Accept header) for a kind of fetch."""
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown fetch kind {kind!r}") from None


def fetch_all_sequentially(fetcher: Fetcher, requests: Sequence[FetchRequest]) -> list[FetchResult | NetworkError]:
    """`fetch_many` for fetchers with nothing to gain from threads (a folder, a cache)."""
    results: list[FetchResult | NetworkError] = []
    for request in requests:
        try:
            results.append(fetcher.fetch(request))
        except NetworkError as error:
            results.append(error)
    return results


# -- address policy --------------------------------------------------------------------------------------


def private_network_allowed() -> bool:
    return os.environ.get(PRIVATE_NETWORK_ENV, "").strip() == "1"


def address_refusal(address: str, *, allow_private: bool) -> str | None:
    """Why connecting to `address` is refused (None: it is a public address, or private ones are allowed)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"{ip} is an IPv4-mapped IPv6 address"
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            inner = address_refusal(str(embedded), allow_private=allow_private)
            if inner:
                return f"{ip} embeds an address that is refused ({inner})"
    if ip.is_unspecified:
        return f"{ip} is the unspecified address"
    if ip.is_multicast:
        return f"{ip} is a multicast address"
    if allow_private:
        return None
    for test, what in (
        (ip.is_loopback, "a loopback"),
        (ip.is_link_local, "a link-local"),
        (ip.is_private, "a private"),
        (ip.is_reserved, "a reserved"),
        (not ip.is_global, "a non-public"),
    ):
        if test:
            return f"{ip} is {what} address"
    return None


def _numeric_label(label: str) -> bool:
    lowered = label.lower()
    if lowered.startswith("0x"):
        return all(c in "0123456789abcdef" for c in lowered[2:])
    return label.isdigit()


def host_literal(host: str) -> str | None:
    """The IP address a host names literally (None for a DNS name); odd encodings of IPv4 are refused.

    `2130706433`, `0x7f000001`, `127.1` and `0177.0.0.1` all reach 127.0.0.1 through some resolvers; only
    the plain dotted quad is accepted as an IPv4 literal, so the address checked is the one connected to.
    """
    bare = host.strip("[]").rstrip(".")
    if not bare:
        raise NetworkError("the URL has no host")
    try:
        return str(ipaddress.ip_address(bare.split("%", 1)[0]))
    except ValueError:
        pass
    labels = bare.split(".")
    if _numeric_label(labels[-1]):
        raise NetworkError(
            f"host {host!r} is a numeric address that is not a plain dotted quad "
            "(decimal, octal and hex-encoded addresses are refused)"
        )
    return None


_RESOLVER_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="credwallet-dns")


def system_resolver(host: str, port: int) -> list[tuple[str, int]]:
    """Every address the system resolver gives for `host` (TCP), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    seen: dict[tuple[str, int], None] = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        seen[(str(sockaddr[0]), int(sockaddr[1]))] = None
    return list(seen)


# -- the fetcher -----------------------------------------------------------------------------------------


class NetworkFetcher:
    """Fetches over the network under the policy of this module; thread-safe, one connection pool."""

    def __init__(
        self,
        *,
        allow_http: bool = False,
        allow_private: bool | None = None,
        deadline: float = TOTAL_DEADLINE_SECONDS,
        timeouts: Timeouts | None = None,
        verify: ssl.SSLContext | bool = True,
        resolver: Resolver | None = None,
        max_connections: int = DEFAULT_PARALLEL * 2,
    ) -> None:
        self.allow_http = allow_http
        self._allow_private = allow_private
        self.deadline = deadline
        self.timeouts = timeouts or Timeouts()
        self._verify = verify
        self._resolver = resolver or system_resolver
        self._max_connections = max_connections
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self.requests_made = 0  # HTTP requests sent, redirect hops included

    @property
    def allow_private(self) -> bool:
        return private_network_allowed() if self._allow_private is None else self._allow_private

    def __enter__(self) -> NetworkFetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                from credwallet.online.transport import build_client

                self._client = build_client(
                    verify=self._verify,
                    timeouts=self.timeouts,
                    max_connections=self._max_connections,
                    user_agent=USER_AGENT,
                )
            return self._client

    # -- policy --

    def check_url(self, url: str, deadline: float) -> Target:
        """Refuse what the policy forbids (scheme, credentials, odd hosts), resolve, and check every address."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise NetworkError(f"{url}: not a usable URL ({error})") from None
        scheme = parts.scheme.lower()
        if scheme not in ("https", "http"):
            shown = f"{scheme}://" if scheme else "a relative address"
            raise NetworkError(f"{url}: only https:// addresses are fetched ({shown} is refused)")
        if scheme == "http" and not self.allow_http:
            raise NetworkError(f"{url}: plain http:// is refused (https only; --allow-http permits it)")
        if parts.username is not None or parts.password is not None:
            raise NetworkError(f"{url}: URLs with a user name or password are refused")
        import httpx

        try:
            host = httpx.URL(url).raw_host.decode("ascii").lower()
        except (httpx.InvalidURL, UnicodeError) as error:
            raise NetworkError(f"{url}: not a usable URL ({error})") from None
        port = port or (443 if scheme == "https" else 80)
        if not 0 < port < 65536:
            raise NetworkError(f"{url}: port {port} is out of range")
        try:
            literal = host_literal(host)
        except NetworkError as error:
            raise NetworkError(f"{url}: {error}") from None
        addresses = [(literal, port)] if literal else self._resolve(host.rstrip("."), port, url, deadline)
        if not addresses:
            raise NetworkError(f"{url}: {host} has no address")
        for address, _ in addresses:
            refusal = self.refusal(address, host)
            if refusal:
                via = "" if literal else f" ({host} resolves to it)"
                hint = f"; set {PRIVATE_NETWORK_ENV}=1 to allow private networks" if not self.allow_private else ""
                raise NetworkError(f"{url}: refused: {refusal}{via}{hint}")
        return Target(url, host.strip("[]"), port, tuple(addresses))

    def refusal(self, address: str, host: str) -> str | None:
        """Why `address` (what `host` resolved to) may not be connected to; None when it may."""
        return address_refusal(address, allow_private=self.allow_private)

    def _resolve(self, host: str, port: int, url: str, deadline: float) -> list[tuple[str, int]]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise NetworkError(f"{url}: timed out (the {self.deadline:g} s deadline passed)")
        future = _RESOLVER_POOL.submit(self._resolver, host, port)
        try:
            return future.result(timeout=min(remaining, self.timeouts.connect))
        except FutureTimeout:
            raise NetworkError(f"{url}: timed out resolving {host}") from None
        except (OSError, UnicodeError) as error:
            raise NetworkError(f"{url}: cannot resolve {host} ({getattr(error, 'strerror', None) or error})") from None

    # -- fetching --

    def fetch(self, request: FetchRequest) -> FetchResult:
        cap, accept = kind_limits(request.kind)
        deadline = time.monotonic() + self.deadline
        headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        url = request.url.partition("#")[0]
        from credwallet.online.transport import open_response, read_body

        for hop in range(MAX_REDIRECTS + 1):
            target = self.check_url(url, deadline)
            with self._lock:
                self.requests_made += 1
            client = self._http()
            with open_response(
                client, target, headers, deadline, origin_url=request.url, total=self.deadline
            ) as response:
                status = response.status_code
                if status in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise NetworkError(f"{request.url}: HTTP {status} redirect without a Location")
                    url = urljoin(url, location.strip()).partition("#")[0]
                    continue
                via = f" (redirected to {url})" if hop else ""
                if status == 304 and (request.etag or request.last_modified):
                    return self._result(request, response, url, b"")
                if status not in (200, 410):
                    raise HttpStatusError(f"{request.url}: HTTP {status}{via}", status=status)
                body = read_body(response, cap, deadline, origin_url=request.url, total=self.deadline)
                return self._result(request, response, url, body)
        raise NetworkError(f"{request.url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")

    @staticmethod
    def _result(request: FetchRequest, response: Any, final_url: str, body: bytes) -> FetchResult:
        content_type = str(response.headers.get("content-type", "")).split(";", 1)[0].strip().lower()
        return FetchResult(
            url=request.url,
            status=int(response.status_code),
            body=body,
            content_type=content_type,
            final_url=final_url,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = DEFAULT_PARALLEL
    ) -> list[FetchResult | NetworkError]:
        """Fetch in parallel, at most `max_parallel` at once; each outcome in the order asked."""

        def one(request: FetchRequest) -> FetchResult | NetworkError:
            try:
                return self.fetch(request)
            except NetworkError as error:
                return error

        if len(requests) <= 1 or max_parallel <= 1:
            return [one(r) for r in requests]
        with ThreadPoolExecutor(max_workers=min(max_parallel, len(requests))) as pool:
            return list(pool.map(one, requests))

"""The socket layer under `credwallet.net`: connect only to checked addresses, and never past the deadline.

httpx asks its transport to open `host:port`; this backend ignores DNS and connects to the addresses `net`
resolved and checked for that request (so no second lookup can hand back another address), keeping the host
name for TLS (SNI, certificate check) and the Host header. Every socket operation, the TLS handshake included,
gets at most the time left before the request's total deadline, so a server that drips bytes cannot hold a
fetch open. Imported only when something is fetched (httpx is heavy).
"""

from __future__ import annotations

import select
import socket
import ssl
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from credwallet.connection import Target, Timeouts
from credwallet.errors import NetworkError

Addresses = tuple[tuple[str, int], ...]
_PLAN: ContextVar[dict[tuple[str, int], Addresses] | None] = ContextVar("credwallet_connect_plan", default=None)
_DEADLINE: ContextVar[float | None] = ContextVar("credwallet_deadline", default=None)


def _clamp(timeout: float | None, error: type[Exception]) -> float:
    """The per-phase timeout, shortened to what is left before the total deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout if timeout is not None else 30.0
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise error("the total deadline passed")
    return remaining if timeout is None else min(timeout, remaining)


class _SocketStream(httpcore.NetworkStream):
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            self._sock.settimeout(_clamp(timeout, httpcore.ReadTimeout))
            return self._sock.recv(max_bytes)
        except TimeoutError:
            raise httpcore.ReadTimeout("timed out waiting for data") from None
        except OSError as error:
            raise httpcore.ReadError(error.strerror or str(error)) from None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            while buffer:
                self._sock.settimeout(_clamp(timeout, httpcore.WriteTimeout))
                sent = self._sock.send(buffer)
                buffer = buffer[sent:]
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out sending the request") from None
        except OSError as error:
            raise httpcore.WriteError(error.strerror or str(error)) from None

    def close(self) -> None:
        self._sock.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        limit = time.monotonic() + _clamp(timeout, httpcore.ConnectTimeout)
        try:
            tls = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname, do_handshake_on_connect=False)
            tls.setblocking(False)
            while True:  # non-blocking handshake: the whole handshake is bounded, not each read of it
                try:
                    tls.do_handshake()
                    break
                except ssl.SSLWantReadError:
                    readers, writers = [tls], []
                except ssl.SSLWantWriteError:
                    readers, writers = [], [tls]
                remaining = limit - time.monotonic()
                if remaining <= 0 or not any(select.select(readers, writers, [], remaining)[:2]):
                    raise httpcore.ConnectTimeout("timed out in the TLS handshake")
            tls.setblocking(True)
        except ssl.SSLCertVerificationError as error:
            self._sock.close()
            raise httpcore.ConnectError(f"TLS certificate not trusted: {error.verify_message}") from None
        except ssl.SSLError as error:
            self._sock.close()
            raise httpcore.ConnectError(f"TLS failed: {error.reason or error}") from None
        except OSError as error:
            self._sock.close()
            raise httpcore.ConnectError(error.strerror or str(error)) from None
        except httpcore.ConnectTimeout:
            self._sock.close()
            raise
        return _SocketStream(tls)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":
            return self._sock if isinstance(self._sock, ssl.SSLSocket) else None
        if info == "socket":
            return self._sock
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "is_readable":  # a pooled connection with data (or EOF) waiting is not reused
            try:
                return bool(select.select([self._sock], [], [], 0)[0])
            except (OSError, ValueError):
                return True
        return None


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the addresses checked for this request, never to whatever DNS says now."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        plan = _PLAN.get() or {}
        addresses = plan.get((host.lower().strip("[]"), port))
        if not addresses:
            raise httpcore.ConnectError(f"{host}:{port} was not checked before connecting; refused")
        problem: Exception = httpcore.ConnectError("no address to connect to")
        for address, real_port in addresses:
            try:
                sock = socket.create_connection((address, real_port), _clamp(timeout, httpcore.ConnectTimeout))
            except TimeoutError:
                problem = httpcore.ConnectTimeout(f"timed out connecting to {address}")
            except OSError as error:
                problem = httpcore.ConnectError(f"{address}: {error.strerror or error}")
            else:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return _SocketStream(sock)
        raise problem

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never used")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class _PinnedTransport(httpx.BaseTransport):
    def __init__(self, pool: httpcore.ConnectionPool) -> None:
        self._pool = pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


def build_client(
    *, verify: ssl.SSLContext | bool, timeouts: Timeouts, max_connections: int, user_agent: str
) -> httpx.Client:
    """The product's one httpx client: pinned connections, no proxies from the environment, no cookie jar."""
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    if verify is False:
        raise ValueError("certificate verification cannot be turned off")
    context = verify if isinstance(verify, ssl.SSLContext) else httpx.create_ssl_context(trust_env=False)
    pool = httpcore.ConnectionPool(
        ssl_context=context,
        max_connections=max_connections,
        max_keepalive_connections=max_connections,
        keepalive_expiry=5.0,
        http1=True,
        http2=False,
        retries=0,
        network_backend=_PinnedBackend(),
    )
    return httpx.Client(
        transport=_PinnedTransport(pool),
        trust_env=False,
        follow_redirects=False,
        cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),  # accepts no cookie from anyone
        timeout=httpx.Timeout(connect=timeouts.connect, read=timeouts.read, write=timeouts.write, pool=timeouts.pool),
        headers={"User-Agent": user_agent},
    )


@contextmanager
def open_response(
    client: httpx.Client, target: Target, headers: dict[str, str], deadline: float, *, origin_url: str, total: float
) -> Iterator[httpx.Response]:
    """A streamed GET of `target` that may only connect to its checked addresses; errors become one line."""
    plan_token = _PLAN.set({(target.host, target.port): target.addresses})
    deadline_token = _DEADLINE.set(deadline)
    response: httpx.Response | None = None
    try:
        request = client.build_request("GET", target.url, headers=headers)
        response = client.send(request, stream=True)
        yield response
    except (httpcore.TimeoutException, httpx.TimeoutException) as error:
        if time.monotonic() >= deadline - 0.05:
            raise NetworkError(f"{origin_url}: timed out (no complete answer within {total:g} s)") from None
        raise NetworkError(f"{origin_url}: timed out ({_first_line(error) or 'no answer'})") from None
    except (httpcore.ConnectError, httpx.ConnectError) as error:
        raise NetworkError(f"{origin_url}: cannot connect ({_first_line(error)})") from None
    except (httpcore.ProtocolError, httpx.ProtocolError) as error:
        raise NetworkError(f"{origin_url}: the server broke the HTTP protocol ({_first_line(error)})") from None
    except (httpcore.NetworkError, httpx.HTTPError) as error:
        raise NetworkError(f"{origin_url}: network error ({_first_line(error) or type(error).__name__})") from None
    finally:
        if response is not None:
            response.close()
        _PLAN.reset(plan_token)
        _DEADLINE.reset(deadline_token)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__


class BoundedInflater:
    """Content-Encoding gzip/deflate decoded with a byte cap, so a compression bomb stops at the cap."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode `data`; raises OverflowError when more than `room` bytes would come out."""
        try:
            out = self._inflater.decompress(data, room + 1)
        except zlib.error as error:
            raise ValueError(f"corrupt compressed body ({error})") from None
        if len(out) > room or self._inflater.unconsumed_tail:
            raise OverflowError
        return out


def read_body(response: httpx.Response, cap: int, deadline: float, *, origin_url: str, total: float) -> bytes:
    """The decoded body, refused once it passes `cap` bytes (before or after decompression) or the deadline."""
    declared = str(response.headers.get("content-length", "")).strip()
    if declared.isdigit() and int(declared) > cap:
        raise NetworkError(f"{origin_url}: the response is {int(declared):,} bytes, over the {cap:,}-byte limit")
    encoding = str(response.headers.get("content-encoding", "")).strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflater = BoundedInflater()
    else:
        raise NetworkError(f"{origin_url}: unsupported Content-Encoding {encoding!r}")
    body = bytearray()
    for chunk in response.iter_raw():
        if inflater is not None:
            try:
                chunk = inflater.feed(chunk, cap - len(body))
            except OverflowError:
                raise NetworkError(
                    f"{origin_url}: the response inflates beyond the {cap:,}-byte limit (a compression bomb?)"
                ) from None
            except ValueError as error:
                raise NetworkError(f"{origin_url}: {error}") from None
        body += chunk
        if len(body) > cap:
            raise NetworkError(f"{origin_url}: the response is over the {cap:,}-byte limit")
        if time.monotonic() > deadline:
            raise NetworkError(f"{origin_url}: timed out (no complete answer within {total:g} s)")
    return bytes(body)

"""The one HTTP client against a real server on 127.0.0.1: policy, redirects, caps, deadlines, pinning."""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from credwallet.errors import NetworkError
from credwallet.net import (
    MAX_DOCUMENT_BYTES,
    FetchRequest,
    HttpStatusError,
    NetworkFetcher,
    address_refusal,
    host_literal,
)
from tests.online.conftest import TEST_DEADLINE
from tests.online.server import (
    LocalServer,
    drip,
    endless,
    gzip_bomb,
    make_certificate,
    redirect,
    respond,
    silent,
    static,
)

DOC = b'{"id": "https://issuer.example/profile", "type": "Profile"}'


def fetch_error(fetcher: NetworkFetcher, url: str, kind: str = "document") -> str:
    with pytest.raises(NetworkError) as caught:
        fetcher.fetch(FetchRequest(url, kind))
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_document_is_fetched(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/profile"] = static(DOC, headers={"ETag": '"v1"'})
    result = fetcher.fetch(FetchRequest(server.url("/profile")))
    assert (result.status, result.body, result.content_type, result.etag) == (200, DOC, "application/json", '"v1"')
    _host, path, headers = server.requests[0]
    assert path == "/profile" and headers["Accept"].startswith("application/ld+json")
    assert headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/badge.json", "data:application/json,{}", "gopher://x/", "//x/y"],
)
def test_other_schemes_are_refused(fetcher: NetworkFetcher, url: str) -> None:
    assert "only https:// addresses are fetched" in fetch_error(fetcher, url)


def test_plain_http_needs_allow_http(server: LocalServer, private_network: None) -> None:
    server.routes["/profile"] = static(DOC)
    with NetworkFetcher() as strict:
        assert "plain http:// is refused" in fetch_error(strict, server.url("/profile"))
    assert server.requests == []


def test_loopback_is_refused_with_the_switch_off(server: LocalServer) -> None:
    server.routes["/profile"] = static(DOC)
    with NetworkFetcher(allow_http=True) as network:
        message = fetch_error(network, server.url("/profile"))
    assert "127.0.0.1 is a loopback address" in message and "CREDWALLET_ALLOW_PRIVATE_NETWORK" in message
    assert server.requests == []


class _FirstHopTrusted(NetworkFetcher):
    """Plays a public site at badges.example that is really the local server (only that name is trusted)."""

    def refusal(self, address: str, host: str) -> str | None:
        return None if host == "badges.example" else super().refusal(address, host)


@pytest.mark.parametrize("target", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "127.1"])
def test_a_redirect_to_loopback_is_refused_with_the_switch_off(server: LocalServer, target: str) -> None:
    server.routes["/badge.json"] = redirect(f"http://{target}:{server.port}/secret")
    server.routes["/secret"] = static(b'{"secret": true}')

    def resolve(host: str, port: int) -> list[tuple[str, int]]:
        return [("127.0.0.1", server.port)] if host == "badges.example" else [("127.0.0.1", port)]

    with _FirstHopTrusted(allow_http=True, allow_private=False, resolver=resolve) as network:
        message = fetch_error(network, "http://badges.example/badge.json")
    assert "refused" in message, message
    assert server.paths() == ["/badge.json"]  # the secret was never requested


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "non-public"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("::ffff:10.0.0.1", "IPv4-mapped"),
        ("2002:7f00:1::", "embeds"),
    ],
)
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    refusal = address_refusal(address, allow_private=False)
    assert refusal is not None and reason in refusal
    assert address_refusal("93.184.216.34", allow_private=False) is None
    assert address_refusal("2606:2800:220:1:248:1893:25c8:1946", allow_private=False) is None


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "127.1", "0177.0.0.1", "1.2.3.4.5", "example.0x10"])
def test_encoded_numeric_hosts_are_refused(host: str) -> None:
    with pytest.raises(NetworkError, match="numeric address"):
        host_literal(host)
    assert host_literal("127.0.0.1") == "127.0.0.1" and host_literal("example.org") is None


def test_a_redirect_loop_stops(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    assert "more than 5 redirects" in fetch_error(fetcher, server.url("/a"))
    assert len(server.requests) == 6


def test_redirects_are_followed_and_each_hop_rechecked(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/old"] = redirect(server.url("/new"), 301)
    server.routes["/new"] = static(DOC)
    result = fetcher.fetch(FetchRequest(server.url("/old")))
    assert result.body == DOC and result.final_url == server.url("/new")
    server.routes["/to-file"] = redirect("file:///etc/passwd")
    assert "file:// is refused" in fetch_error(fetcher, server.url("/to-file"))


def test_a_404_is_an_http_status_error(server: LocalServer, fetcher: NetworkFetcher) -> None:
    with pytest.raises(HttpStatusError) as caught:
        fetcher.fetch(FetchRequest(server.url("/missing.json")))
    assert caught.value.status == 404 and str(caught.value).endswith("HTTP 404")


def test_a_gzip_bomb_stops_at_the_cap(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/bomb"] = gzip_bomb(64 * 1024 * 1024)
    started = time.monotonic()
    assert "inflates beyond the 1,048,576-byte limit" in fetch_error(fetcher, server.url("/bomb"))
    assert time.monotonic() - started < TEST_DEADLINE


def test_gzip_content_encoding_is_decoded(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/gz"] = static(gzip.compress(DOC), headers={"Content-Encoding": "gzip"})
    assert fetcher.fetch(FetchRequest(server.url("/gz"))).body == DOC
    server.routes["/br"] = static(DOC, headers={"Content-Encoding": "br"})
    assert "unsupported Content-Encoding" in fetch_error(fetcher, server.url("/br"))


@pytest.mark.parametrize("declare", [True, False])
def test_a_100_mb_body_is_refused(server: LocalServer, fetcher: NetworkFetcher, declare: bool) -> None:
    server.routes["/huge"] = endless(100 * 1024 * 1024, declare=declare)
    message = fetch_error(fetcher, server.url("/huge"))
    assert f"{MAX_DOCUMENT_BYTES:,}-byte limit" in message


def test_status_lists_get_a_larger_cap(server: LocalServer, fetcher: NetworkFetcher) -> None:
    body = b" " * (2 * 1024 * 1024) + b"{}"
    server.routes["/list"] = static(body)
    assert "byte limit" in fetch_error(fetcher, server.url("/list"), "document")
    assert len(fetcher.fetch(FetchRequest(server.url("/list"), "status_list")).body) == len(body)


def test_a_dripping_server_cannot_outlast_the_deadline(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/drip"] = drip(interval=0.3)  # every read succeeds: only the total deadline can stop it
    started = time.monotonic()
    message = fetch_error(fetcher, server.url("/drip"))
    elapsed = time.monotonic() - started
    assert f"within {TEST_DEADLINE:g} s" in message
    assert TEST_DEADLINE - 0.1 <= elapsed < TEST_DEADLINE + 0.5


def test_a_silent_server_times_out(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/silent"] = silent(10)
    started = time.monotonic()
    assert "timed out" in fetch_error(fetcher, server.url("/silent"))
    assert time.monotonic() - started < TEST_DEADLINE + 0.5


def test_no_cookies_are_kept(server: LocalServer, fetcher: NetworkFetcher) -> None:
    server.routes["/set"] = static(DOC, headers={"Set-Cookie": "session=abc; Path=/"})
    server.routes["/next"] = static(DOC)
    fetcher.fetch(FetchRequest(server.url("/set")))
    fetcher.fetch(FetchRequest(server.url("/next")))
    assert all("Cookie" not in headers for _, _, headers in server.requests)


def test_proxy_settings_in_the_environment_are_ignored(
    server: LocalServer, fetcher: NetworkFetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens there
    server.routes["/profile"] = static(DOC)
    assert fetcher.fetch(FetchRequest(server.url("/profile"))).body == DOC


def test_conditional_requests_and_gone(server: LocalServer, fetcher: NetworkFetcher) -> None:
    def conditional(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        else:
            respond(handler, DOC, headers={"ETag": '"v1"'})

    server.routes["/doc"] = conditional
    server.routes["/gone"] = static(b'{"revoked": true}', status=410)
    assert fetcher.fetch(FetchRequest(server.url("/doc"), etag='"v1"')).status == 304
    assert fetcher.fetch(FetchRequest(server.url("/gone"))).status == 410


def test_https_connects_to_the_checked_address_and_verifies_the_name(private_network: None) -> None:
    server_tls, client_tls = make_certificate(["badges.example"])
    tls_server = LocalServer(tls=server_tls)
    tls_server.routes["/badge.json"] = static(DOC)
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[tuple[str, int]]:
        calls.append(host)
        return [("127.0.0.1", tls_server.port)]

    try:
        with NetworkFetcher(verify=client_tls, resolver=resolve, deadline=TEST_DEADLINE) as network:
            result = network.fetch(FetchRequest("https://badges.example/badge.json"))
            assert result.body == DOC and calls == ["badges.example"]  # one lookup, then that address
            assert tls_server.requests[0][0] == "badges.example"  # Host header (and SNI) keep the name
            message = fetch_error(network, "https://impostor.example/badge.json")
            assert "certificate not trusted" in message
        with NetworkFetcher(resolver=resolve, deadline=TEST_DEADLINE) as default_trust:
            assert "certificate not trusted" in fetch_error(default_trust, "https://badges.example/badge.json")
    finally:
        tls_server.close()


def test_https_to_http_downgrade_is_refused(private_network: None, server: LocalServer) -> None:
    server_tls, client_tls = make_certificate(["badges.example"])
    tls_server = LocalServer(tls=server_tls)
    tls_server.routes["/badge.json"] = redirect(server.url("/badge.json"))
    try:
        with NetworkFetcher(verify=client_tls, resolver=lambda h, p: [("127.0.0.1", tls_server.port)]) as network:
            assert "plain http:// is refused" in fetch_error(network, "https://badges.example/badge.json")
    finally:
        tls_server.close()
    assert server.requests == []


def test_fetch_many_runs_in_parallel_within_the_bound(server: LocalServer, fetcher: NetworkFetcher) -> None:
    lock = threading.Lock()
    in_flight = [0, 0]  # now, peak

    def slow(handler: BaseHTTPRequestHandler) -> None:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight[1], in_flight[0])
        time.sleep(0.15)
        with lock:
            in_flight[0] -= 1
        respond(handler, DOC)

    server.routes["/slow"] = slow
    requests = [FetchRequest(server.url(f"/slow?n={n}")) for n in range(9)]
    outcomes = fetcher.fetch_many(requests, max_parallel=3)
    assert all(not isinstance(o, NetworkError) for o in outcomes), outcomes
    assert 1 < in_flight[1] <= 3
    failures = fetcher.fetch_many([FetchRequest("file:///x"), FetchRequest(server.url("/slow"))])
    assert isinstance(failures[0], NetworkError) and not isinstance(failures[1], NetworkError)

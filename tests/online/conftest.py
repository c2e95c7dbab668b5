"""Fixtures for the online tests: a 127.0.0.1 server (the private-network switch on), fast-failing fetchers."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from credwallet.net import Fetcher, NetworkFetcher, Timeouts
from credwallet.online.fetchers import DirectoryFetcher
from tests.online.server import LocalServer, make_certificate

# Small enough that the slow-server tests take a second or two, large enough for a loaded CI machine.
TEST_DEADLINE = 1.5
TEST_TIMEOUTS = Timeouts(connect=1.0, read=1.0, write=1.0, pool=1.0)


@pytest.fixture
def private_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREDWALLET_ALLOW_PRIVATE_NETWORK", "1")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    yield local
    local.close()


@pytest.fixture
def fetcher(private_network: None) -> Iterator[NetworkFetcher]:
    """http allowed (the test server has no certificate), loopback allowed by the switch, short deadline."""
    network = NetworkFetcher(allow_http=True, deadline=TEST_DEADLINE, timeouts=TEST_TIMEOUTS)
    yield network
    network.close()


WEB_HOSTS = [
    "example.org",
    "example.com",
    "raw.githubusercontent.com",
    "1edtech.edu",
    "dc.1edtech.org",
    "issuer.example",
    "evil.example",
]


@dataclass
class Web:
    """Stand-in web sites: files under `root` (`root/HOST/PATH`) served on 127.0.0.1 over https and http."""

    root: Path
    fetcher: NetworkFetcher
    servers: list[LocalServer]

    def paths(self) -> list[str]:
        return [p for s in self.servers for p in s.paths()]


@pytest.fixture(scope="session")
def certificates() -> tuple[ssl.SSLContext, ssl.SSLContext]:
    return make_certificate(WEB_HOSTS)


@pytest.fixture
def web(tmp_path: Path, private_network: None, certificates: tuple[ssl.SSLContext, ssl.SSLContext]) -> Iterator[Web]:
    """Every host resolves to the local servers (port 443 -> https, 80 -> http), certificates checked."""
    root = tmp_path / "web"
    root.mkdir()
    server_tls, client_tls = certificates
    secure, plain = LocalServer(root=root, tls=server_tls), LocalServer(root=root)

    def resolve(host: str, port: int) -> list[tuple[str, int]]:
        return [("127.0.0.1", secure.port if port == 443 else plain.port)]

    network = NetworkFetcher(
        allow_http=True, verify=client_tls, resolver=resolve, deadline=TEST_DEADLINE, timeouts=TEST_TIMEOUTS
    )
    yield Web(root, network, [secure, plain])
    network.close()
    secure.close()
    plain.close()


@pytest.fixture(params=["folder", "network"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, Fetcher]]:
    """The same stand-in documents answered by `--documents DIR` and by a 127.0.0.1 https server."""
    if request.param == "folder":
        root = tmp_path / "web"
        root.mkdir()
        yield root, DirectoryFetcher(root)
    else:
        served: Web = request.getfixturevalue("web")
        yield served.root, served.fetcher

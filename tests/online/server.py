"""A real HTTP(S) server on 127.0.0.1 for the online tests: routes per test, files from a folder, misbehaviour.

Files are served the way `--documents DIR` lays them out (`DIR/HOST/PATH`, the Host header picks HOST), so
one folder of stand-in documents serves both the DirectoryFetcher and network tests.
"""

from __future__ import annotations

import gzip
import ssl
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler], None]


def respond(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def static(body: bytes, **options: Any) -> Handler:
    return lambda handler: respond(handler, body, **options)


def redirect(location: str, status: int = 302) -> Handler:
    return lambda handler: respond(handler, b"", status=status, headers={"Location": location})


def drip(interval: float = 1.0, limit: float = 20.0) -> Handler:
    """Headers at once, then one byte every `interval` seconds: slow enough to beat any per-read timeout."""

    def run(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Connection", "close")
        handler.end_headers()
        started = time.monotonic()
        try:
            while time.monotonic() - started < limit:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass
        handler.close_connection = True

    return run


def silent(seconds: float = 20.0) -> Handler:
    """Accepts the request and never answers (until `seconds` pass)."""

    def run(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        handler.close_connection = True

    return run


def gzip_bomb(decoded_bytes: int = 200 * 1024 * 1024) -> Handler:
    """A small gzip body that inflates to `decoded_bytes` of spaces (valid JSON whitespace)."""
    compressed = gzip.compress(b" " * decoded_bytes, compresslevel=9)
    return static(compressed, headers={"Content-Encoding": "gzip"})


def endless(total_bytes: int = 100 * 1024 * 1024, declare: bool = False) -> Handler:
    """A `total_bytes` body streamed in 64 KiB chunks, with or without a Content-Length."""

    def run(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        if declare:
            handler.send_header("Content-Length", str(total_bytes))
        handler.send_header("Connection", "close")
        handler.end_headers()
        chunk = b" " * 65536
        sent = 0
        try:
            while sent < total_bytes:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        handler.close_connection = True

    return run


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = self.path.split("?")[0]
        with owner.lock:
            owner.requests.append((host, path, dict(self.headers)))
        route = owner.routes.get(path)
        if route is not None:
            route(self)
            return
        if owner.root is not None:
            file = owner.root / host / path.lstrip("/")
            if file.is_file():
                suffix = file.suffix.lower()
                kind = {".png": "image/png", ".svg": "image/svg+xml", ".html": "text/html"}.get(suffix)
                respond(self, file.read_bytes(), content_type=kind or "application/json")
                return
        respond(self, b'{"error": "not found"}', status=404)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LocalServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early (caps, deadlines) are the point of these tests


class LocalServer:
    """Serve on 127.0.0.1 (a free port) until `close()`; `tls` wraps it in HTTPS with a test certificate."""

    def __init__(self, *, root: Path | None = None, tls: ssl.SSLContext | None = None) -> None:
        self.root = root
        self.routes: dict[str, Handler] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.owner = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = int(self._server.server_address[1])
        self.scheme = "https" if tls is not None else "http"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def make_certificate(hosts: list[str]) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for `hosts` (and 127.0.0.1): (server context, client context trusting it)."""
    import ipaddress
    import tempfile

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "credwallet test server")])
    now = datetime.now(UTC)
    names: list[x509.GeneralName] = [x509.DNSName(h) for h in hosts]
    names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with tempfile.TemporaryDirectory() as folder:
        cert_file, key_file = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        cert_file.write_bytes(cert_pem)
        key_file.write_bytes(key_pem)
        server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cadata=cert_pem.decode("ascii"))
    return server, client

"""Online verification of many credentials against a local https server: time and requests made.

500 OB 3.0 credentials from one did:web issuer share 5 BitstringStatusList credentials. `verify_online`
(what `verify --all --online` runs) gathers the documents, then verifies each credential. The server counts
requests: it must see the 5 status lists and the issuer's DID document once each, not one fetch per credential.
Baseline, measured in the same run: the same verification with the same documents already in memory (the
offline verifier alone, with the same per-run status-list cache), so the ratio is the cost of going online.
Each status list credential must be verified (proof checked) once per run: 5, not 500. A second online run
through the wallet's document cache (within --max-age) must make no request at all.
Usage: python bench/online.py [--count 500] [--lists 5] [--suite eddsa-jcs-2022|eddsa-rdfc-2022]
"""

from __future__ import annotations

import argparse
import json
import os
import ssl
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from credwallet.model import Credential, CredentialFormat, Issuer, Status
from credwallet.net import NetworkFetcher
from credwallet.online import make_fetcher, verify_online
from credwallet.store.wallet import Wallet
from credwallet.verify import StatusListReports, verify_credential
from credwallet.verify.signing import did_key, ed25519_key_from_seed, sign_data_integrity

HOST = "bench-issuer.example"
DID = f"did:web:{HOST}"
METHOD = f"{DID}#key-1"
KEY = ed25519_key_from_seed(b"bench online issuer")
NOW = datetime(2025, 6, 1, tzinfo=UTC)
VC_V2 = "https://www.w3.org/ns/credentials/v2"


def make_certificate(host: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A throwaway certificate for `host`: (server context, client context that trusts only it)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "c.pem").write_bytes(cert_pem)
        (Path(folder) / "k.pem").write_bytes(key_pem)
        server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server.load_cert_chain(Path(folder) / "c.pem", Path(folder) / "k.pem")
    return server, ssl.create_default_context(cadata=cert_pem.decode("ascii"))


class Site:
    """Serves `documents` (path -> JSON) over https on 127.0.0.1 and counts requests per path."""

    def __init__(self, documents: dict[str, Any], tls: ssl.SSLContext) -> None:
        self.bodies = {path: json.dumps(doc).encode() for path, doc in documents.items()}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site.lock:
                    site.hits[self.path] = site.hits.get(self.path, 0) + 1
                body = site.bodies.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def requests(self) -> int:
        with self.lock:
            return sum(self.hits.values())

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def status_list(url: str, revoked: set[int], suite: str) -> dict[str, Any]:
    import base64
    import gzip

    bits = bytearray(16384 // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    document = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": DID,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits))).decode().rstrip("="),
        },
    }
    return sign_data_integrity(document, KEY, verification_method=METHOD, cryptosuite=suite)


def credential(index: int, list_url: str, suite: str) -> Credential:
    document = {
        "@context": [VC_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:00000000-0000-4000-8000-{index:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": DID, "type": ["Profile"], "name": "Bench Academy"},
        "validFrom": "2025-01-15T09:00:00Z",
        "name": f"Skill badge {index}",
        "credentialSubject": {
            "id": f"did:example:learner-{index}",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://{HOST}/achievements/{index % 20}",
                "type": ["Achievement"],
                "name": f"Skill {index % 20}",
                "description": "Demonstrated the skill on an assessed project.",
                "criteria": {"narrative": "Pass the assessment."},
            },
        },
        "credentialStatus": {
            "id": f"{list_url}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(index),
            "statusListCredential": list_url,
        },
    }
    signed = sign_data_integrity(document, KEY, verification_method=METHOD, cryptosuite=suite)
    return Credential(CredentialFormat.OB3, signed["name"], Issuer(id=DID), document=signed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--lists", type=int, default=5)
    parser.add_argument("--suite", default="eddsa-jcs-2022", choices=["eddsa-jcs-2022", "eddsa-rdfc-2022"])
    args = parser.parse_args()
    os.environ["CREDWALLET_ALLOW_PRIVATE_NETWORK"] = "1"  # the stand-in issuer lives on 127.0.0.1

    list_urls = [f"https://{HOST}/status/{n}" for n in range(args.lists)]
    revoked = {n for n in range(args.count) if n % 50 == 7}
    did_document = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": DID,
        "verificationMethod": [
            {"id": METHOD, "type": "Multikey", "controller": DID, "publicKeyMultibase": did_key(KEY)[8:]}
        ],
        "assertionMethod": [METHOD],
    }
    documents: dict[str, Any] = {"/.well-known/did.json": did_document}
    for url in list_urls:
        documents[url.removeprefix(f"https://{HOST}")] = status_list(url, revoked, args.suite)
    credentials = [credential(n, list_urls[n % args.lists], args.suite) for n in range(args.count)]

    server_tls, client_tls = make_certificate(HOST)
    site = Site(documents, server_tls)
    in_memory = {DID: did_document, **{url: documents[url.removeprefix(f"https://{HOST}")] for url in list_urls}}
    try:
        network = NetworkFetcher(verify=client_tls, resolver=lambda host, port: [("127.0.0.1", site.port)])
        for item in credentials[:3]:  # warm-up: imports, context caches, TLS
            verify_credential(item, identities=[], now=NOW, did_documents=in_memory)

        started = time.perf_counter()
        offline_lists = StatusListReports()  # one run: each shared status list is verified once
        offline = [
            verify_credential(c, identities=[], now=NOW, did_documents=in_memory, list_reports=offline_lists)
            for c in credentials
        ]
        baseline = time.perf_counter() - started

        started = time.perf_counter()
        online_lists = StatusListReports()
        run = verify_online(credentials, network, identities=[], now=NOW, list_reports=online_lists)
        online_seconds = time.perf_counter() - started
        cold_requests = site.requests()
        cold_hits = dict(sorted(site.hits.items()))

        with tempfile.TemporaryDirectory() as home, Wallet.open(Path(home) / "w.db", home=Path(home)) as wallet:
            cached = make_fetcher(wallet=wallet, online=True)
            cached.inner = network  # type: ignore[attr-defined]  # same stand-in web, through the cache
            verify_online(credentials, cached, identities=[], now=NOW)
            before = site.requests()
            started = time.perf_counter()
            warm = verify_online(credentials, cached, identities=[], now=NOW)
            cached_seconds = time.perf_counter() - started
            warm_requests = site.requests() - before
        network.close()
    finally:
        site.close()

    statuses = [r.status for r in run.reports]
    assert statuses == [r.status for r in offline] == [r.status for r in warm.reports]
    assert statuses.count(Status.REVOKED) == len(revoked), statuses
    assert statuses.count(Status.VALID) == args.count - len(revoked)
    print(f"{args.count} credentials, {args.lists} status lists, one did:web issuer ({args.suite})")
    print(f"  offline verify with the documents in memory (baseline): {baseline:.3f} s")
    print(f"  verify_online, cold (gather over https + verify):       {online_seconds:.3f} s")
    print(f"    = {online_seconds / baseline:.2f}x the baseline")
    print(f"  requests made: {cold_requests} (server hits {cold_hits})")
    print(f"    expected {args.lists} status lists + 1 DID document = {args.lists + 1}, not {args.count}")
    print(f"  verify_online, second run through the wallet cache:     {cached_seconds:.3f} s, {warm_requests} requests")
    print(f"    = {cached_seconds / baseline:.2f}x the baseline")
    print(f"  statuses: {statuses.count(Status.VALID)} valid, {statuses.count(Status.REVOKED)} revoked")
    print(
        f"  status list credentials verified: {offline_lists.verified} offline, {online_lists.verified} online "
        f"(expected {args.lists} each, not {args.count})"
    )
    if cold_requests != args.lists + 1 or warm_requests != 0:
        raise SystemExit("unexpected number of requests")
    if offline_lists.verified != args.lists or online_lists.verified != args.lists:
        raise SystemExit("a shared status list was verified more than once")


if __name__ == "__main__":
    main()

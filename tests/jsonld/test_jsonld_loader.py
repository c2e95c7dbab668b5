"""The offline JSON-LD loader: pinned bundled contexts, unknown URLs refused by name, never a request."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from credwallet import jsonld
from credwallet.errors import InputError

CONTEXTS = files("credwallet") / "data" / "contexts"
INDEX = json.loads((CONTEXTS / "index.json").read_text(encoding="utf-8"))["contexts"]

REQUIRED = {
    "https://www.w3.org/2018/credentials/v1",
    "https://www.w3.org/ns/credentials/v2",
    "https://www.w3.org/2018/credentials/examples/v1",
    "https://www.w3.org/ns/credentials/examples/v2",
    "https://www.w3.org/ns/credentials/undefined-terms/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://w3id.org/security/suites/ed25519-2020/v1",
    "https://w3id.org/security/data-integrity/v1",
    "https://w3id.org/security/data-integrity/v2",
    "https://w3id.org/security/multikey/v1",
    "https://w3id.org/security/jwk/v1",
    "https://w3id.org/vc/status-list/2021/v1",
    "https://w3id.org/openbadges/v2",
    "https://w3id.org/openbadges/v1",
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/v1",
    "https://w3id.org/security/v2",
}


def test_every_required_context_is_bundled() -> None:
    assert REQUIRED <= jsonld.KNOWN_CONTEXT_URLS
    assert set(INDEX) == jsonld.KNOWN_CONTEXT_URLS


def test_bitstring_status_list_terms_come_with_the_vc_v2_context() -> None:
    """There is no separate BitstringStatusList context: VC 2.0 defines its terms."""
    terms = jsonld.load_context("https://www.w3.org/ns/credentials/v2")["@context"]
    assert {"BitstringStatusListCredential", "BitstringStatusListEntry"} <= set(terms)


@pytest.mark.parametrize("url", sorted(INDEX))
def test_bundled_file_matches_its_pinned_sha256(url: str) -> None:
    entry = INDEX[url]
    data = (CONTEXTS / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert isinstance(jsonld.load_context(url)["@context"], (dict, list))


def published_hashes(sources: Path) -> dict[str, tuple[str, str]]:
    """file -> (canonical URL, sha256) from the 'Context URL bindings' table of SOURCES.md."""
    rows = {}
    for line in sources.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| contexts/([\w.\-]+) \| (\S+)[^|]*\| `([0-9a-f]{64})` \|", line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3))
    return rows


def test_pinned_hashes_are_the_published_ones(external: Path) -> None:
    published = published_hashes(external / "SOURCES.md")
    assert len(published) >= 23
    # The contexts added for issue 13 are not among the shared fixtures: data/contexts/SOURCES.md pins them.
    bundled_files = {entry["file"] for entry in INDEX.values()} & set(published)
    for file_name in bundled_files:
        url, sha256 = published[file_name]
        assert {k: INDEX[url][k] for k in ("file", "sha256")} == {"file": file_name, "sha256": sha256}, file_name
        assert (CONTEXTS / file_name).read_bytes() == (external / "contexts" / file_name).read_bytes()


def test_unknown_context_is_an_input_error_naming_the_url() -> None:
    with pytest.raises(InputError, match=re.escape("https://evil.example/ctx.jsonld")):
        jsonld.load_context("https://evil.example/ctx.jsonld")
    loader = jsonld.document_loader()
    with pytest.raises(InputError, match="was not supplied"):
        loader("https://w3id.org/security/suites/jws-2020/v1", {})


def test_loader_returns_fresh_copies() -> None:
    loader = jsonld.document_loader()
    first = loader("https://www.w3.org/ns/credentials/v2", {})
    first["document"]["@context"]["name"] = "https://evil.example/name"
    assert (
        loader("https://www.w3.org/ns/credentials/v2", {})["document"]["@context"]["name"]
        == "https://schema.org/name"
    )


def test_unknown_contexts_finds_every_url_anywhere() -> None:
    document = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://a.example/1",
            {
                "term": {"@id": "https://x.example/t", "@context": "https://b.example/scoped"},
                "@import": "https://c.example/i",
            },
        ],
        "credentialSubject": {
            "@context": ["https://d.example/nested", "https://a.example/1"],
            "x": [{"@context": "relative"}],
        },
    }
    assert jsonld.unknown_contexts(document) == [
        "https://a.example/1",
        "https://b.example/scoped",
        "https://c.example/i",
        "https://d.example/nested",
        "relative",
    ]
    assert jsonld.unknown_contexts({"@context": sorted(REQUIRED)}) == []


def test_importing_the_module_does_not_import_pyld() -> None:
    code = "import sys, credwallet.jsonld as j; assert j.KNOWN_CONTEXT_URLS; assert 'pyld' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fingerprint_changes_with_the_pins() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", jsonld.contexts_fingerprint())


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request it receives."""
    hits: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = json.dumps({"@context": {"name": "https://evil.example/name"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_remote_context_is_never_fetched(listener: tuple[str, list[str]]) -> None:
    from pyld import jsonld as pyld_jsonld

    from credwallet.verify import verify_document
    from credwallet.verify.canon import CanonicalizationError, canonicalize
    from credwallet.verify.signing import sign_data_integrity
    from tests.verify.helpers import ISSUER_KEY, NOW, ob3_document

    base, hits = listener
    remote = f"{base}/context.jsonld"
    import urllib.request

    with urllib.request.urlopen(f"{base}/control") as response:  # control: the listener does record requests
        assert response.status == 200
    assert hits == ["/control"]
    hits.clear()
    document = sign_data_integrity(ob3_document(), ISSUER_KEY)
    document["@context"] = [*document["@context"], remote]
    document["credentialSubject"]["@context"] = f"{base}/scoped.jsonld"

    report = verify_document(document, now=NOW)
    assert report.status.value == "unverified"  # offline: the proof needs the context, which is not fetched
    assert remote in report.check("proof")[0].detail
    with pytest.raises(CanonicalizationError, match=re.escape(remote)):
        canonicalize(document)
    # Even pyld called directly, without naming a loader, uses the offline one once credwallet installed it.
    jsonld.document_loader()
    with pytest.raises(pyld_jsonld.JsonLdError):
        pyld_jsonld.expand({"@context": remote, "name": "x"})
    with pytest.raises(pyld_jsonld.JsonLdError):
        pyld_jsonld.expand({"@context": remote}, {"documentLoader": jsonld.document_loader()})
    assert hits == []

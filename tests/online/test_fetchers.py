"""`--documents DIR`: URLs answered from a folder, and the did:web address mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from credwallet.errors import NetworkError
from credwallet.net import FetchRequest, HttpStatusError
from credwallet.online.didweb import DidWebError, did_web_url
from credwallet.online.fetchers import DirectoryFetcher
from tests.online.builders import write_json


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.com", "https://example.com/.well-known/did.json"),
        ("did:web:example.com#key-1", "https://example.com/.well-known/did.json"),
        ("did:web:Example.COM:user:alice", "https://example.com/user/alice/did.json"),
        ("did:web:example.com%3A3000:issuers:7", "https://example.com:3000/issuers/7/did.json"),
        ("did:web:w3c-ccg.github.io:user%20x", "https://w3c-ccg.github.io/user%20x/did.json"),
    ],
)
def test_did_web_urls(did: str, url: str) -> None:
    assert did_web_url(did) == url


@pytest.mark.parametrize(
    "did",
    ["did:key:z6Mk", "did:web:", "did:web:exa mple.com", "did:web:example.com:..", "did:web:example.com:a%2Fb"],
)
def test_bad_did_web_identifiers_are_refused(did: str) -> None:
    with pytest.raises(DidWebError):
        did_web_url(did)


def test_urls_map_to_files(tmp_path: Path) -> None:
    write_json(tmp_path, "example.org/issuers/1", {"id": "https://example.org/issuers/1"})
    write_json(tmp_path, "example.com/.well-known/did.json", {"id": "did:web:example.com"})
    write_json(tmp_path, "example.com/user/alice/did.json", {"id": "did:web:example.com:user:alice"})
    write_json(tmp_path, "example.net%3A8443/key.json", {"id": "key"})
    write_json(tmp_path, "school.example/index.json", {"id": "https://school.example"})
    folder = DirectoryFetcher(tmp_path)
    for url, expected in [
        ("https://example.org/issuers/1", b"https://example.org/issuers/1"),
        ("http://example.org/issuers/1#key-1", b"https://example.org/issuers/1"),
        (did_web_url("did:web:example.com"), b"did:web:example.com"),
        (did_web_url("did:web:example.com:user:alice"), b"did:web:example.com:user:alice"),
        ("https://example.net:8443/key.json", b'"key"'),
        ("https://school.example", b"https://school.example"),
        ("https://school.example/", b"https://school.example"),
    ]:
        result = folder.fetch(FetchRequest(url))
        assert result.status == 200 and expected in result.body, url
        assert result.content_type == "application/json"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/missing.json",
        "https://example.org/%2e%2e/%2e%2e/etc/passwd",
        "https://example.org/a/../../secret",
        "https://example.org/x.json?version=2",
    ],
)
def test_missing_or_escaping_paths_are_404(tmp_path: Path, url: str) -> None:
    (tmp_path / "secret").write_text("{}")
    (tmp_path / "example.org").mkdir()
    with pytest.raises(HttpStatusError) as caught:
        DirectoryFetcher(tmp_path / "example.org").fetch(FetchRequest(url))
    assert caught.value.status == 404


def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text('{"secret": 1}')
    root = tmp_path / "docs"
    (root / "example.org").mkdir(parents=True)
    (root / "example.org" / "link.json").symlink_to(outside)
    with pytest.raises(HttpStatusError):
        DirectoryFetcher(root).fetch(FetchRequest("https://example.org/link.json"))


def test_folder_answers_respect_the_caps_and_schemes(tmp_path: Path) -> None:
    path = tmp_path / "example.org" / "big.json"
    path.parent.mkdir()
    path.write_bytes(b" " * (2 * 1024 * 1024))
    folder = DirectoryFetcher(tmp_path)
    with pytest.raises(NetworkError, match="byte limit"):
        folder.fetch(FetchRequest("https://example.org/big.json"))
    assert len(folder.fetch(FetchRequest("https://example.org/big.json", "status_list")).body) == 2 * 1024 * 1024
    with pytest.raises(NetworkError, match="only https"):
        folder.fetch(FetchRequest("file:///etc/passwd"))
    outcomes = folder.fetch_many([FetchRequest("https://example.org/nope"), FetchRequest("ftp://x/y")])
    assert all(isinstance(o, NetworkError) for o in outcomes)


def test_a_missing_folder_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(NetworkError, match="no such folder"):
        DirectoryFetcher(tmp_path / "nowhere")

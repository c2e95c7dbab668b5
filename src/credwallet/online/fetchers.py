"""`verify --documents DIR`: every fetch answered from a folder, with no network at all.

`https://HOST/PATH` (or http) is the file `DIR/HOST/PATH`; a non-default port is written `HOST%3APORT` as
did:web does; `https://HOST/` and paths ending in `/` are `.../index.json`. A missing file answers like a 404,
and nothing outside DIR is ever read (no `..`, no symlink escapes). For air-gapped checks, audits and tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from credwallet.errors import NetworkError
from credwallet.net import (
    DEFAULT_PARALLEL,
    FetchRequest,
    FetchResult,
    HttpStatusError,
    fetch_all_sequentially,
    kind_limits,
)

_CONTENT_TYPES = {
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".html": "text/html",
    ".htm": "text/html",
    ".jwt": "application/jwt",
    ".jws": "application/jose",
}


class DirectoryFetcher:
    """Answers URLs from files laid out as `DIR/HOST/PATH`."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise NetworkError(f"{root}: no such folder of documents")
        self.root = root.resolve()
        self.requests_made = 0  # files looked up (for parity with NetworkFetcher's count)

    def path_for(self, url: str) -> Path:
        """The file that answers `url`; NetworkError for URLs no file can answer."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise NetworkError(f"{url}: not a usable URL ({error})") from None
        scheme = parts.scheme.lower()
        if scheme not in ("https", "http"):
            raise NetworkError(f"{url}: only https:// addresses are answered ({scheme or 'no scheme'} is refused)")
        host = (parts.hostname or "").lower()
        if not host or host in (".", "..") or "/" in host or "\\" in host:
            raise NetworkError(f"{url}: the URL has no usable host")
        if parts.query:
            raise HttpStatusError(f"{url}: URLs with a query are not mapped to files (treated as 404)", status=404)
        if port is not None and port != (443 if scheme == "https" else 80):
            host = f"{host}%3A{port}"
        segments = [unquote(s) for s in parts.path.split("/")[1:]]
        if not segments or segments[-1] == "":
            segments = [*segments[:-1], "index.json"] if segments else ["index.json"]
        for segment in segments:
            if segment in ("", ".", "..") or any(c in segment for c in "/\\\x00"):
                raise HttpStatusError(f"{url}: path segment {segment!r} is not mapped to a file (404)", status=404)
        path = self.root.joinpath(host, *segments)
        try:
            resolved = path.resolve()
        except OSError:
            resolved = path
        if not resolved.is_relative_to(self.root):
            raise HttpStatusError(f"{url}: resolves outside the documents folder (404)", status=404)
        return resolved

    def fetch(self, request: FetchRequest) -> FetchResult:
        cap, _ = kind_limits(request.kind)
        path = self.path_for(request.url.partition("#")[0])
        self.requests_made += 1
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise HttpStatusError(f"{request.url}: HTTP 404 (no file {path})", status=404)
            if size > cap:
                raise NetworkError(f"{request.url}: {path} is {size:,} bytes, over the {cap:,}-byte limit")
            with path.open("rb") as handle:
                body = handle.read(cap + 1)
        except FileNotFoundError:
            raise HttpStatusError(f"{request.url}: HTTP 404 (no file {path})", status=404) from None
        except OSError as error:
            raise NetworkError(f"{request.url}: cannot read {path} ({error.strerror or error})") from None
        if len(body) > cap:
            raise NetworkError(f"{request.url}: {path} is over the {cap:,}-byte limit")
        return FetchResult(
            url=request.url,
            status=200,
            body=body,
            content_type=_content_type(path, body),
            final_url=request.url,
            fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
        )

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = DEFAULT_PARALLEL
    ) -> list[FetchResult | NetworkError]:
        return fetch_all_sequentially(self, requests)


def _content_type(path: Path, body: bytes) -> str:
    known = _CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    head = body[:256].lstrip().lower()
    if head.startswith((b"{", b"[")):
        return "application/json"
    if head.startswith(b"\x89png"):
        return "image/png"
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    if head.startswith((b"<?xml", b"<svg")):
        return "image/svg+xml"
    return "application/octet-stream"

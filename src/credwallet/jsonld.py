"""The offline JSON-LD document loader: only contexts bundled in the package ever load.

A remote `@context` is an attack surface (it can redefine what a signed credential means, or track the
holder), so nothing is ever fetched: an unknown URL is an `InputError` naming it. Importing this module is
cheap (no pyld); pyld is imported only when `document_loader()` is first called.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from credwallet.errors import InputError

_CONTEXTS = files("credwallet") / "data" / "contexts"


def _read_index() -> dict[str, dict[str, str]]:
    index = json.loads((_CONTEXTS / "index.json").read_text(encoding="utf-8"))
    contexts: dict[str, dict[str, str]] = index["contexts"]
    return contexts


_INDEX = _read_index()

# Every context URL the loader serves (canonical URLs plus the few documented aliases).
KNOWN_CONTEXT_URLS: frozenset[str] = frozenset(_INDEX)

# Media type pyld expects for a context document.
_CONTEXT_MEDIA_TYPE = "application/ld+json"


def context_file(url: str) -> str:
    """The bundled file name serving `url`; InputError when the URL is not bundled."""
    entry = _INDEX.get(url)
    if entry is None:
        raise InputError(
            f"unknown JSON-LD context {url!r}: it is not bundled with credwallet and is never fetched",
            code="UNKNOWN_CONTEXT",
        )
    return entry["file"]


@cache
def _context_text(file_name: str) -> str:
    """The bundled file, read once and checked against its pinned sha256 (a broken install fails loudly)."""
    data = (_CONTEXTS / file_name).read_bytes()
    expected = next(e["sha256"] for e in _INDEX.values() if e["file"] == file_name)
    if hashlib.sha256(data).hexdigest() != expected:
        raise InputError(f"bundled JSON-LD context {file_name} does not match its pinned sha256")
    return data.decode("utf-8")


def load_context(url: str) -> dict[str, Any]:
    """A fresh parsed copy of the bundled context for `url` (fresh, so no caller can mutate the cache)."""
    document: dict[str, Any] = json.loads(_context_text(context_file(url)))
    return document


@cache
def contexts_fingerprint() -> str:
    """One sha256 over the pinned context hashes: part of a verification cache key."""
    pinned = sorted(f"{url} {entry['sha256']}" for url, entry in _INDEX.items())
    return hashlib.sha256("\n".join(pinned).encode("utf-8")).hexdigest()


def _context_urls(value: Any) -> Iterator[str]:
    """Every URL a `@context` value would make a processor load (strings, lists, scoped and @import)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _context_urls(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "@import" and isinstance(item, str):
                yield item
            elif isinstance(item, dict) and "@context" in item:
                yield from _context_urls(item["@context"])


def _collect_context_urls(node: Any, found: list[str], depth: int = 0) -> None:
    """Depth-first, in document order. Runs on every verification, hence plain recursion over exact types
    (parsed JSON is only ever dict/list) rather than generators and isinstance."""
    if depth > 200:  # deeper than any parser in credwallet accepts; stop rather than recurse forever
        return
    kind = type(node)
    if kind is dict:
        for key, value in node.items():
            if key == "@context":
                found.extend(_context_urls(value))
            elif type(value) is dict or type(value) is list:
                _collect_context_urls(value, found, depth + 1)
    elif kind is list:
        for item in node:
            if type(item) is dict or type(item) is list:
                _collect_context_urls(item, found, depth + 1)


def unknown_contexts(document: Any) -> list[str]:
    """Every `@context` URL anywhere in `document` that is not bundled, in order, without repeats."""
    found: list[str] = []
    _collect_context_urls(document, found)
    seen: dict[str, None] = {}
    for url in found:
        if url not in KNOWN_CONTEXT_URLS:
            seen.setdefault(url, None)
    return list(seen)


LoaderFunction = Callable[[str, Any], dict[str, Any]]


def _offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's loader protocol over the bundled contexts only; raises InputError for anything else."""
    return {
        "contentType": _CONTEXT_MEDIA_TYPE,
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
    }


@cache
def document_loader() -> LoaderFunction:
    """The process-wide offline loader, also installed as pyld's default so no code path can fetch."""
    from pyld import jsonld as pyld_jsonld

    # Defence in depth: pyld's own default loader uses `requests`; replace it so a call that forgets to
    # pass `documentLoader` still cannot reach the network.
    pyld_jsonld.set_document_loader(_offline_loader)
    return _offline_loader

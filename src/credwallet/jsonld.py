"""The JSON-LD document loader: bundled contexts, and the contexts a verification was handed (fetched with
`--online`, read from `--documents DIR`, or kept in the wallet's cache from such a run).

A remote `@context` is an attack surface (it can redefine what a signed credential means, or track the
holder), so this module never fetches: an unknown URL is an `InputError` naming it, and a context that is
not bundled loads only when the caller supplies it, after `redefined_protected_terms` found it does not
change the meaning of a term the VC / Open Badges contexts define. Importing this module is cheap (no pyld);
pyld is imported only when a loader is first used.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Container, Iterator, Mapping
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

# Terms credwallet reads or whose meaning a verifier relies on. A context (inline, fetched, or bundled as an
# extension) that maps one of them to another meaning than the VC / Open Badges / CLR contexts give it could
# make what is shown differ from what is signed: inline ones are refused at import, others at load.
PROTECTED_TERMS = frozenset(
    {
        "id", "type", "issuer", "name", "description", "credentialSubject", "validFrom", "validUntil",
        "issuanceDate", "expirationDate", "proof", "credentialStatus", "credentialSchema", "evidence",
        "termsOfUse", "refreshService", "holder", "verifiableCredential", "VerifiableCredential",
        "VerifiablePresentation", "EnvelopedVerifiableCredential", "DataIntegrityProof",
        "achievement", "Achievement", "AchievementCredential", "OpenBadgeCredential", "AchievementSubject",
        "EndorsementCredential", "EndorsementSubject", "endorsement", "endorsementJwt", "endorsementComment",
        "criteria", "narrative", "alignment", "Alignment", "targetName", "targetUrl", "targetCode",
        "targetFramework", "targetType", "targetDescription", "achievementType", "tag", "image", "result",
        "resultDescription", "achievedLevel", "rubricCriterionLevel", "creditsAvailable", "creditsEarned",
        "identifier", "identityHash", "identityType", "hashed", "salt", "url", "email", "awardedDate",
        "creator", "Profile", "licenseNumber", "humanCode", "fieldOfStudy", "specialization",
        "ClrCredential", "ClrSubject", "association", "Association",
    }
)  # fmt: skip
# Bundled contexts flagged `"core": true` in index.json define what the protected terms mean.
_SCHEMA_ORG = ("http://schema.org/", "https://schema.org/")
_MAX_CONTEXT_DEPTH = 16


class UnknownContextError(InputError):
    """A context that is neither bundled nor among the documents supplied for this verification."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"unknown JSON-LD context {url!r}: it is not bundled with credwallet and was not supplied "
            "(verify --online or --documents DIR fetches it)",
            code="UNKNOWN_CONTEXT",
        )
        self.url = url


class RedefiningContextError(InputError):
    """A supplied context that changes the meaning of protected terms: its credential cannot be trusted."""

    def __init__(self, url: str, terms: list[str]) -> None:
        shown = ", ".join(repr(t) for t in terms[:5])
        super().__init__(
            f"the JSON-LD context {url} redefines the protected term{'s' if len(terms) > 1 else ''} {shown}",
            code="REDEFINED_CONTEXT",
        )
        self.url = url
        self.terms = terms


def context_file(url: str) -> str:
    """The bundled file name serving `url`; UnknownContextError when the URL is not bundled."""
    entry = _INDEX.get(url)
    if entry is None:
        raise UnknownContextError(url)
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


def context_urls(value: Any) -> list[str]:
    """Every URL a `@context` value would make a processor load (strings, lists, scoped and @import)."""
    return list(_context_urls(value))


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


def unknown_contexts(document: Any, available: Container[str] | None = None) -> list[str]:
    """Every `@context` URL anywhere in `document` that is not bundled (nor in `available`), in order,
    without repeats."""
    found: list[str] = []
    _collect_context_urls(document, found)
    seen: dict[str, None] = {}
    for url in found:
        if url not in KNOWN_CONTEXT_URLS and not (available is not None and url in available):
            seen.setdefault(url, None)
    return list(seen)


def is_context_document(document: Any) -> bool:
    """A JSON-LD context document: an object whose `@context` is an object, a list or a URL."""
    return isinstance(document, Mapping) and isinstance(document.get("@context"), (dict, list, str))


# --- protected terms: what the core contexts say they mean, and who redefines them -------------------------


def _bundled_context(url: str) -> Any:
    return json.loads(_context_text(context_file(url))).get("@context")


def _term_iris(
    context: Any, prefixes: dict[str, str], vocab: list[str | None], found: dict[str, set[str]] | None, depth: int
) -> None:
    """Walk a context value, keeping prefixes and @vocab up to date, and record (in `found`) the IRI each term
    is mapped to, scoped definitions included. Bundled contexts it refers to give prefixes, not findings."""
    if depth > _MAX_CONTEXT_DEPTH:
        return
    if isinstance(context, list):
        for item in context:
            _term_iris(item, prefixes, vocab, found, depth + 1)
        return
    if isinstance(context, str):
        if context in _INDEX:
            _term_iris(_bundled_context(context), prefixes, vocab, None, depth + 1)
        return
    if not isinstance(context, Mapping):
        return
    if isinstance(context.get("@vocab"), str):
        vocab[0] = context["@vocab"]
    for term, definition in context.items():
        if isinstance(definition, str) and definition.endswith(("/", "#", ":")) and not definition.startswith("@"):
            prefixes[term] = definition
        elif isinstance(definition, Mapping) and definition.get("@prefix") is True and isinstance(
            definition.get("@id"), str
        ):
            prefixes[term] = definition["@id"]
    for term, definition in context.items():
        if term.startswith("@"):
            continue
        if isinstance(definition, str):
            iri: str | None = _expand(definition, term, prefixes, vocab[0])
        elif isinstance(definition, Mapping):
            if isinstance(definition.get("@reverse"), str):
                iri = "@reverse " + _expand(definition["@reverse"], term, prefixes, vocab[0])
            elif isinstance(definition.get("@id"), str):
                iri = _expand(definition["@id"], term, prefixes, vocab[0])
            else:
                iri = _expand(term, term, prefixes, vocab[0])
            if "@context" in definition:
                _term_iris(definition["@context"], dict(prefixes), [vocab[0]], found, depth + 1)
        elif definition is None:
            iri = "@null"  # the term is undefined: its values drop out of the graph
        else:
            iri = None
        if found is not None and iri is not None:
            found.setdefault(term, set()).add(_same_schema_org(iri))


def _expand(value: str, term: str, prefixes: Mapping[str, str], vocab: str | None) -> str:
    if value.startswith("@"):
        return value
    prefix, colon, suffix = value.partition(":")
    if colon and not suffix.startswith("//"):
        return prefixes[prefix] + suffix if prefix in prefixes else value
    if colon:
        return value
    return (vocab or "") + value


def _same_schema_org(iri: str) -> str:
    """schema.org terms are one vocabulary whether written http:// or https://."""
    return "https://schema.org/" + iri[len(_SCHEMA_ORG[0]) :] if iri.startswith(_SCHEMA_ORG[0]) else iri


def term_meanings(context: Any) -> dict[str, set[str]]:
    """The IRIs each term of a context value is mapped to (scoped definitions included)."""
    found: dict[str, set[str]] = {}
    _term_iris(context, {}, [None], found, 0)
    return found


@cache
def _protected_meanings() -> dict[str, frozenset[str]]:
    """What the core (VC, OB, CLR) contexts say each protected term means, all versions together."""
    meanings: dict[str, set[str]] = {}
    for url, entry in _INDEX.items():
        if entry.get("core"):
            for term, iris in term_meanings(_bundled_context(url)).items():
                if term in PROTECTED_TERMS:
                    meanings.setdefault(term, set()).update(iris)
    return {term: frozenset(iris) for term, iris in meanings.items()}


def redefined_protected_terms(context_document: Any) -> list[str]:
    """The protected terms a context document maps to another meaning than the core contexts give them.

    A term may also be given its schema.org meaning (the common base of OB 2.0 and VC 2.0: `name`,
    `description`, `image`, `url`, `identifier`); a keyword alias must be the same keyword."""
    context = context_document.get("@context") if isinstance(context_document, Mapping) else None
    redefined = []
    for term, iris in term_meanings(context).items():
        allowed = _protected_meanings().get(term)
        if term not in PROTECTED_TERMS or not allowed:
            continue
        if not iris <= allowed | {"https://schema.org/" + term}:
            redefined.append(term)
    return sorted(redefined)


LoaderFunction = Callable[[str, Any], dict[str, Any]]


def _offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's loader protocol over the bundled contexts only; raises InputError for anything else."""
    return {
        "contentType": _CONTEXT_MEDIA_TYPE,
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
    }


def supplied_contexts(documents: Mapping[str, Any] | None, document: Any) -> dict[str, Any]:
    """The contexts `document` needs that are not bundled but are among `documents` (fetched, cached),
    with the ones those contexts need in turn."""
    if not documents:
        return {}
    supplied: dict[str, Any] = {}
    pending = unknown_contexts(document)
    while pending and len(supplied) < _MAX_CONTEXT_DEPTH * 4:
        url = pending.pop(0)
        context_document = documents.get(url)
        if url in supplied or not is_context_document(context_document):
            continue
        supplied[url] = context_document
        pending += unknown_contexts(context_document, supplied)
    return supplied


def loader_with(supplied: Mapping[str, Any]) -> LoaderFunction:
    """A loader serving the bundled contexts and, after vetting, the supplied ones (by URL)."""
    if not supplied:
        return document_loader()

    def load(url: str, options: Any = None) -> dict[str, Any]:
        if url in _INDEX:
            return _offline_loader(url)
        context_document = supplied.get(url)
        if not isinstance(context_document, Mapping) or not is_context_document(context_document):
            raise UnknownContextError(url)
        redefined = redefined_protected_terms(context_document)
        if redefined:
            raise RedefiningContextError(url, redefined)
        return {
            "contentType": _CONTEXT_MEDIA_TYPE,
            "contextUrl": None,
            "documentUrl": url,
            "document": copy.deepcopy(dict(context_document)),
        }

    return load


def supplied_fingerprint(supplied: Mapping[str, Any]) -> str:
    """One sha256 over the supplied contexts (URL and content): a processed-context cache key."""
    digest = hashlib.sha256()
    for url in sorted(supplied):
        digest.update(url.encode("utf-8") + b"\x00")
        digest.update(json.dumps(supplied[url], sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\x00")
    return digest.hexdigest()


@cache
def document_loader() -> LoaderFunction:
    """The process-wide offline loader, also installed as pyld's default so no code path can fetch."""
    from pyld import jsonld as pyld_jsonld

    # Defence in depth: pyld's own default loader uses `requests`; replace it so a call that forgets to
    # pass `documentLoader` still cannot reach the network.
    pyld_jsonld.set_document_loader(_offline_loader)
    return _offline_loader

"""Aliased and redefined terms: a key that means what a defined term means, under another name.

A signature over the RDF of a credential cannot tell `"validUntil": "2020-01-01T00:00:00Z"` from
`"https://www.w3.org/2018/credentials#validUntil": {"@value": "2020-01-01T00:00:00Z", "@type": "xsd:dateTime"}`,
from `"cred:validUntil"`, or from a new context term defined as that IRI: all give the same triples. A
reader of the JSON key `validUntil` finds nothing in the last three, so a verifier that reads dates, status,
issuer or recipient from the JSON would show an expired or revoked credential as valid.

The rules (DESIGN.md §5, both `invalid`), applied while a signed document is expanded:
1. Aliases: every key of every node object that expands to the IRI (or keyword) of a term defined by the
   document's bundled contexts (any scope) must be one of the terms defined for it. Then every semantic read
   the verifier does on the JSON (issuer, subject, dates, status, recipient, proof options) reads exactly the
   signed values.
2. Redefinitions: a context that is not bundled (inline in the document, or fetched) may not give a term of
   the bundled contexts another meaning, even where a scoped (or protected) definition would override it.
3. Split descriptions: JSON-LD merges every node object with the same id in a graph, so a property moved from
   the credential (or one of its status entries) to another description of the same node is still signed but
   no longer where the verifier reads it. Any other description of those nodes may only repeat what the
   credential's own description says.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from credwallet.jsonld import KNOWN_CONTEXT_URLS

# How deep scoped contexts (type- and property-scoped) are followed when collecting a context's terms.
_MAX_SCOPE_DEPTH = 4


class AliasedTermError(Exception):
    """A key stands for a defined term's IRI without being that term, or a context redefines a protected term."""

    def __init__(self, message: str, key: str) -> None:
        super().__init__(f"signed content differs from what is shown: {message}")
        self.key = key


def _aliased(key: str, terms: frozenset[str]) -> AliasedTermError:
    names = " or ".join(repr(term) for term in sorted(terms))
    return AliasedTermError(f"the key {key!r} stands for the term {names} (an aliased term)", key)


def _options() -> dict[str, Any]:
    """Context processing options with a cache of their own: pyld keys its shared cache of processed contexts
    by the active context only, and the walks here process scoped contexts with other flags than expansion."""
    from pyld.context_resolver import ContextResolver

    from credwallet.jsonld import document_loader

    loader = document_loader()
    return {
        "base": None,
        "documentLoader": loader,
        "contextResolver": ContextResolver({}, loader),
        "processingMode": "json-ld-1.1",
    }


_Terms = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]


@cache
def _context_terms(url: str) -> _Terms:
    """(IRI or keyword -> the terms defined for it, term -> its IRIs, the protected terms) of one bundled
    context and every context it scopes; computed once per context and process."""
    from pyld import jsonld

    processor = jsonld.JsonLdProcessor()
    options = _options()
    by_iri: dict[str, set[str]] = {}
    by_term: dict[str, set[str]] = {}
    protected: set[str] = set()
    seen: set[str] = set()

    def walk(active: Any, depth: int) -> None:
        for term, definition in active["mappings"].items():
            if not definition or definition.get("reverse"):
                continue
            iri = definition.get("@id")
            if isinstance(iri, str):
                by_iri.setdefault(iri, set()).add(term)
                by_term.setdefault(term, set()).add(iri)
                if definition.get("protected"):
                    protected.add(term)
            scoped = definition.get("@context")
            if scoped is None or depth >= _MAX_SCOPE_DEPTH:
                continue
            key = json.dumps(scoped, sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            try:
                inner = processor._process_context(active, scoped, options, override_protected=True)
            except jsonld.JsonLdError:  # an invalid scoped context: expansion fails where it is used
                continue
            walk(inner, depth + 1)

    try:
        top = processor.process_context(processor._get_initial_context(options), url, options)
    except jsonld.JsonLdError:  # an invalid bundled context defines nothing: expansion fails on it
        return {}, {}, frozenset()
    walk(top, 0)
    return (
        {iri: frozenset(terms) for iri, terms in by_iri.items()},
        {term: frozenset(iris) for term, iris in by_term.items()},
        frozenset(protected),
    )


def _context_values(node: Any, depth: int = 0) -> Iterator[Any]:
    """Every `@context` value in the document, and every context nested in their term definitions."""
    if depth > 200:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield from _flatten_context(value, depth)
            elif isinstance(value, dict | list):
                yield from _context_values(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _context_values(item, depth + 1)


def _flatten_context(value: Any, depth: int) -> Iterator[Any]:
    for item in value if isinstance(value, list) else [value]:
        yield item
        if isinstance(item, dict) and depth < 200:
            for definition in item.values():
                if isinstance(definition, dict) and "@context" in definition:
                    yield from _flatten_context(definition["@context"], depth + 1)


@cache
def _terms_of(urls: tuple[str, ...]) -> _Terms:
    by_iri: dict[str, set[str]] = {}
    by_term: dict[str, set[str]] = {}
    protected: set[str] = set()
    for url in urls:
        iris, names, guarded = _context_terms(url)
        for iri, terms in iris.items():
            by_iri.setdefault(iri, set()).update(terms)
        for term, term_iris in names.items():
            by_term.setdefault(term, set()).update(term_iris)
        protected |= guarded
    return (
        {iri: frozenset(terms) for iri, terms in by_iri.items()},
        {term: frozenset(iris) for term, iris in by_term.items()},
        frozenset(protected),
    )


class TermRules:
    """The defined terms of one document's bundled contexts, and the checks against them."""

    def __init__(self, document: Any) -> None:
        self.document = document if isinstance(document, Mapping) else {}
        values = list(_context_values(document))
        bundled = tuple(sorted({v for v in values if isinstance(v, str) and v in KNOWN_CONTEXT_URLS}))
        self.by_iri, self.by_term, self.protected = _terms_of(bundled) if bundled else ({}, {}, frozenset())
        self.bundled_urls = bundled
        self.untrusted = [v for v in values if isinstance(v, dict) or (isinstance(v, str) and v not in bundled)]

    def check_document(self) -> None:
        """The rules that need no expansion: 2 (contexts) and 3 (descriptions of the credential)."""
        self.check_contexts()
        check_single_description(self.document)

    def check_key(self, key: str, iri: Any) -> None:
        """Rule 1 for one key of a node object, given what it expands to in the node's active context."""
        terms = self.by_iri.get(iri) if isinstance(iri, str) else None
        if terms and key not in terms:
            raise _aliased(key, terms)

    def check_keys(self, mappings: dict[str, Any], element: dict[str, Any], expand: Callable[[str], Any]) -> None:
        """Rule 1 on one node object (its active context's `mappings`); value objects are not nodes."""
        if "@value" in element or not self.by_iri:
            return
        for key in element:
            if key == "@context":
                continue
            definition = mappings.get(key)
            self.check_key(key, definition.get("@id") if definition else key if key.startswith("@") else expand(key))

    def check_contexts(self) -> None:
        """Rule 2: each term of the bundled contexts that a non-bundled context defines keeps its meaning."""
        if not self.untrusted or not self.by_term:
            return
        from pyld import jsonld

        processor = jsonld.JsonLdProcessor()
        options = _options()
        trusted = processor.process_context(processor._get_initial_context(options), list(self.bundled_urls), options)
        for context in self.untrusted:
            local = context if isinstance(context, dict) else _loaded(context, options)
            names = [name for name in local if name in self.by_term] if isinstance(local, dict) else []
            if not names:
                continue
            try:
                active = processor._process_context(trusted, local, options, override_protected=True)
            except jsonld.JsonLdError:
                raise AliasedTermError(
                    f"a context redefines the {self._kind(names[0])} {names[0]!r}", names[0]
                ) from None
            for name in names:
                definition = active["mappings"].get(name)
                iri = definition.get("@id") if definition else None
                if iri not in self.by_term[name]:
                    raise AliasedTermError(f"a context redefines the {self._kind(name)} {name!r} as {iri!r}", name)

    def _kind(self, term: str) -> str:
        return "protected term" if term in self.protected else "term"


def check_single_description(document: Mapping[str, Any]) -> None:
    """Rule 3: other descriptions of the credential's node and of its status entries may only repeat what the
    credential's own description says (another `type` on the credential's node hides nothing it reads)."""
    read: dict[str, tuple[Mapping[str, Any], frozenset[str]]] = {}
    entries = document.get("credentialStatus")
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            read.setdefault(entry["id"], (entry, frozenset({"id", "@context"})))
    if isinstance(document.get("id"), str):
        read[document["id"]] = (document, frozenset({"id", "@context", "type", "proof"}))
    if not read:
        return
    for node in _descriptions(document, 0):
        node_id = node.get("id")
        if not isinstance(node_id, str) or node_id not in read:
            continue
        shown, free = read[node_id]
        if shown is node:
            continue
        for key, value in node.items():
            if key not in free and not _covered(value, shown.get(key)):
                raise AliasedTermError(
                    f"the node {node_id} is described twice, and only one description has {key} as given", key
                )


def _descriptions(value: Any, depth: int) -> Iterator[Mapping[str, Any]]:
    """Every JSON object below `value` that describes an identified node (proofs are graphs of their own)."""
    if depth > 200:
        return
    if isinstance(value, list):
        for item in value:
            yield from _descriptions(item, depth + 1)
    elif isinstance(value, Mapping):
        if "id" in value and len(value) > 1:
            yield value
        for key, item in value.items():
            if key not in ("proof", "@context") and isinstance(item, dict | list):
                yield from _descriptions(item, depth + 1)


def _covered(value: Any, shown: Any) -> bool:
    """Whether every value in `value` is among `shown` (a node referenced by the same id counts as shown)."""
    shown_items = shown if isinstance(shown, list) else [] if shown is None else [shown]
    shown_ids = {s.get("id") if isinstance(s, Mapping) else s for s in shown_items}
    for item in value if isinstance(value, list) else [value]:
        if item in shown_items:
            continue
        if isinstance(item, Mapping) and set(item) <= {"id", "type"} and item.get("id") in shown_ids:
            continue
        return False
    return True


def _loaded(url: str, options: dict[str, Any]) -> Any:
    """The `@context` of a non-bundled context document, when the loader has it (otherwise expansion fails)."""
    try:
        document = options["documentLoader"](url, options).get("document")
    except Exception:
        return None
    return document.get("@context") if isinstance(document, dict) else None


def checking_processor(on_property_dropped: Callable[[Any], None], rules: TermRules) -> Any:
    """A pyld JsonLdProcessor whose expansion raises AliasedTermError on a key breaking rule 1."""
    return _processor_class()(on_property_dropped=on_property_dropped, rules=rules)


@cache
def _processor_class() -> Any:
    from pyld.jsonld import JsonLdProcessor

    class AliasCheckingProcessor(JsonLdProcessor):  # type: ignore[misc]
        def __init__(self, *, on_property_dropped: Callable[[Any], None], rules: TermRules) -> None:
            super().__init__(on_property_dropped=on_property_dropped)
            self.rules = rules

        def _expand_object(
            self,
            active_ctx: Any,
            active_property: Any,
            expanded_active_property: Any,
            element: Any,
            expanded_parent: Any,
            options: Any,
            inside_list: bool = False,
            type_key: Any = None,
            type_scoped_ctx: Any = None,
        ) -> Any:
            self.rules.check_keys(
                active_ctx["mappings"], element, lambda key: self._expand_iri(active_ctx, key, vocab=True)
            )
            return super()._expand_object(
                active_ctx,
                active_property,
                expanded_active_property,
                element,
                expanded_parent,
                options,
                inside_list,
                type_key,
                type_scoped_ctx,
            )

    return AliasCheckingProcessor

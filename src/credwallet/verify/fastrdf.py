"""The RDF of a credential whose contexts are all bundled, without pyld's general machinery: the same quads.

pyld spends most of a verification re-processing the same bundled contexts for every credential and walking
the document three times (expand, node map, to-RDF). Here the contexts are processed once per process by pyld
itself (its own `_process_context`, memoized: the bundled contexts are pinned by sha256, so the result of
processing one against another never changes), and the document is walked once, following pyld's expansion
algorithm step by step (same scoped-context order, same revert rules, same term look-ups, pyld's own literal
conversion). Anything outside the plain shape real credentials have raises `Fallback`, and the caller runs
plain pyld instead; so whenever this answers, it is because nothing pyld would drop, alias, reject or treat
specially was met:

- a key that does not expand to an absolute IRI (pyld drops it: DATA_LOSS), a relative or blank-node `id`,
  `type` or datatype, a keyword key other than the aliases of `@id` / `@type`, an embedded `@context`;
- a key that expands to the IRI of a protected term without being that term (an alias), a reverse property;
- `@list`, `@graph`, language, index, id and type maps, `@json`, `@nest`, language-tagged strings, value
  objects, nested arrays, more values than MAX_VALUES.

`tests/verify/test_fastrdf.py` holds it to pyld's N-Quads on every fixture, signed sample and tamper variant.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from credwallet.jsonld import KNOWN_CONTEXT_URLS, context_urls, document_loader
from credwallet.limits import MAX_JSONLD_VALUES
from credwallet.verify.aliases import AliasedTermError, TermRules

# JSON values in one document (canonicalization refuses more before walking: `canon.bound_work`).
MAX_VALUES = MAX_JSONLD_VALUES
# Memoized context-processing results kept per process; the bundled contexts and their scoped contexts give
# a few dozen. Cleared when full (a document cannot grow it: only bundled contexts enter).
_MAX_PROCESSED = 4_096

# An IRI the RDF keeps (pyld's `_is_absolute_iri`, and credwallet's own stricter data-loss rule).
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")
_RDF_TYPE_TERM = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"
_NO_DATATYPE = (None, "@id", "@vocab", "@none")


class Fallback(Exception):
    """The document leaves the shape this module proves equal to pyld: use pyld."""


def _absolute(iri: Any) -> bool:
    return isinstance(iri, str) and not iri.startswith("_:") and _ABSOLUTE_IRI.match(iri) is not None


def _static_context(item: Any) -> bool:
    """A bundled context URL, or an inline context object that loads nothing else than bundled ones (and does not
    `@import` one: pyld merges the importing object into its cached copy of the imported context)."""
    if isinstance(item, str):
        return item in KNOWN_CONTEXT_URLS
    if isinstance(item, dict) and "@import" in str(item):
        return False
    return isinstance(item, dict) and all(url in KNOWN_CONTEXT_URLS for url in context_urls(item))


def bundled_only(context: Any) -> bool:
    """A top-level `@context` that loads bundled contexts only (inline objects may define more terms)."""
    items = context if isinstance(context, list) else [context]
    return bool(items) and all(_static_context(item) for item in items)


class _Contexts:
    """pyld's context processing, memoized by the identity of the active and the local context.

    Only contexts reached from bundled URLs enter (the caller checks the document's `@context`), so every
    active context here is built from pinned documents; each entry keeps its inputs alive, so an id is never
    reused while its entry exists.
    """

    def __init__(self) -> None:
        from pyld import jsonld as pyld_jsonld
        from pyld.context_resolver import ContextResolver

        loader = document_loader()
        self.processor = pyld_jsonld.JsonLdProcessor()
        self.options: dict[str, Any] = {
            "base": None,
            "documentLoader": loader,
            "contextResolver": ContextResolver({}, loader),
            "extractAllScripts": True,
            "processingMode": "json-ld-1.1",
            "produceGeneralizedRdf": False,
            "isFrame": False,
            "keepFreeFloatingNodes": False,
        }
        self.initial = self.processor._get_initial_context(self.options)
        self.processed: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}
        self.iris: dict[int, tuple[Any, dict[tuple[str, bool], Any]]] = {}
        self.aliases: dict[int, tuple[Any, frozenset[str]]] = {}
        self.keys: dict[int, tuple[Any, dict[str, Any]]] = {}

    def process(self, active: Any, local: Any, *, propagate: bool = True, override_protected: bool = False) -> Any:
        local_key: Any = id(local)
        if isinstance(local, str):
            local_key = local
        elif isinstance(local, list) and all(isinstance(item, str) for item in local):
            local_key = tuple(local)
        key = (id(active), local_key, propagate, override_protected)
        hit = self.processed.get(key)
        if hit is not None and hit[0] is active and (isinstance(local_key, (str, tuple)) or hit[1] is local):
            return hit[2]
        from pyld.jsonld import JsonLdError

        if len(self.options["contextResolver"].per_op_cache) > _MAX_PROCESSED:  # inline contexts add entries
            self.options["contextResolver"].per_op_cache.clear()
        try:
            result = self.processor._process_context(
                active,
                copy.deepcopy(local) if isinstance(local_key, int) else local,  # pyld never changes the caller's
                self.options,
                override_protected=override_protected,
                propagate=propagate,
            )
        except JsonLdError as error:  # pyld's own road reports it, with its reason
            raise Fallback("a context pyld refuses") from error
        if len(self.processed) >= _MAX_PROCESSED:
            self.processed.clear()
        self.processed[key] = (active, local, result)
        return result

    def iri(self, active: Any, value: str, vocab: bool) -> Any:
        """pyld's `_expand_iri` (base null, as canonicalization uses it), memoized per active context."""
        entry = self.iris.get(id(active))
        if entry is None or entry[0] is not active:
            if len(self.iris) >= _MAX_PROCESSED:
                self.iris.clear()
            entry = self.iris[id(active)] = (active, {})
        memo = entry[1]
        key = (value, vocab)
        if key not in memo:
            memo[key] = self.processor._expand_iri(active, value, base=None, vocab=vocab)
        return memo[key]

    def protected_iris(self, active: Any) -> frozenset[str]:
        """The IRIs (or keywords) the protected terms of `active` expand to: only those terms may say them."""
        entry = self.aliases.get(id(active))
        if entry is not None and entry[0] is active:
            return entry[1]
        iris = frozenset(
            d["@id"]
            for d in active["mappings"].values()
            if d and d.get("protected") and not d.get("reverse") and isinstance(d.get("@id"), str)
        )
        if len(self.aliases) >= _MAX_PROCESSED:
            self.aliases.clear()
        self.aliases[id(active)] = (active, iris)
        return iris


_SHARED: list[_Contexts] = []


def _contexts() -> _Contexts:
    if not _SHARED:
        _SHARED.append(_Contexts())
    return _SHARED[0]


def _value(context: Any, key: str, entry: str) -> Any:
    """pyld's `get_context_value` for a term entry (`@context`, `@container`, `@type`)."""
    definition = context["mappings"].get(key)
    return definition.get(entry) if definition else None


def _escape(value: str) -> str:
    """pyld's N-Quads literal escaping (`pyld.nquads.escape`)."""
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace('"', '\\"')
    )


def _literal_term(literal: dict[str, Any]) -> str:
    """A literal exactly as pyld's `serialize_nquad` writes it."""
    text = '"' + _escape(str(literal["value"])) + '"'
    datatype = literal["datatype"]
    if datatype == _RDF_LANGSTRING:
        return text + ("@" + literal["language"] if literal.get("language") else "")
    return text if datatype == _XSD_STRING else f"{text}^^<{datatype}>"


# What a key means in one active context (computed once per context and key).
_ID, _TYPE, _PROPERTY = 0, 1, 2


class _Key:
    """A key of a node object read against one active context: what it expands to and how its values expand."""

    __slots__ = ("datatype", "iri", "kind", "language_problem", "problem", "scoped", "term")

    def __init__(self, contexts: _Contexts, active: Any, key: str) -> None:
        self.problem: str | None = None
        expanded = contexts.iri(active, key, True)
        definition = active["mappings"].get(key)
        self.iri = expanded
        self.term = f"<{expanded}>"
        self.scoped = definition.get("@context") if definition else None
        self.datatype = definition.get("@type") if definition else None
        language = (definition or {}).get("@language", active.get("@language"))
        direction = (definition or {}).get("@direction", active.get("@direction"))
        self.language_problem = language is not None or direction is not None
        self.kind = _ID if expanded == "@id" else _TYPE if expanded == "@type" else _PROPERTY
        container = definition.get("@container") if definition else None
        if key.startswith("@"):
            self.problem = f"keyword key {key}"
        elif expanded in contexts.protected_iris(active) and not (definition and definition.get("protected")):
            self.problem = f"key {key!r} aliases a protected term"
        elif self.kind == _PROPERTY and not _absolute(expanded):
            self.problem = f"key {key!r} is dropped"
        elif definition and (definition.get("reverse") or self.datatype == "@json"):
            self.problem = "a reverse or @json term"
        elif container is not None and container != ["@set"] and container != "@set":
            self.problem = f"container {container}"


class _Walker:
    """One document's walk: pyld's `_expand` / `_expand_object` for the plain shape, emitting N-Quads terms."""

    def __init__(self, contexts: _Contexts, budget: Callable[[], None] | None, rules: TermRules) -> None:
        self.c = contexts
        self.rules = rules
        self.lines: list[tuple[str, str, str]] = []
        self.literals: dict[str, dict[str, Any]] = {}  # literal term -> pyld's literal (for pyld's canonicalizer)
        self.seen: set[tuple[Any, ...]] = set()
        self.blank_nodes = 0
        self.values = 0
        self.budget = budget

    def key(self, active: Any, key: str) -> _Key:
        entry = self.c.keys.get(id(active))
        if entry is None or entry[0] is not active:
            if len(self.c.keys) >= _MAX_PROCESSED:
                self.c.keys.clear()
            entry = self.c.keys[id(active)] = (active, {})
        found = entry[1].get(key)
        if found is None:
            found = entry[1][key] = _Key(self.c, active, key)
        return found

    def node(self, active: Any, active_property: str | None, element: dict[str, Any]) -> str:
        """Expand a node object under `active_property` (None: the document) and return its subject term."""
        self.count(len(element))
        c = self.c
        property_scoped = _value(active, active_property, "@context") if active_property else None
        items = sorted(element.items())
        if active.get("previousContext") and len(element) <= 2 and "@context" not in element:
            for key, _ in items:
                expanded = self.key(active, key).iri
                if expanded == "@value":
                    raise Fallback("a value object")
                if expanded == "@id" and len(element) == 1:
                    break
            else:
                active = active["previousContext"]
        elif "previousContext" in active:
            active = active["previousContext"]
        if property_scoped is not None:
            active = c.process(active, property_scoped, override_protected=True)
        if "@context" in element:
            if active_property is not None:
                raise Fallback("an embedded @context")
            active = c.process(active, element["@context"])
        type_scoped = active
        for key, value in items:
            if self.key(type_scoped, key).kind != _TYPE:
                continue
            types = value if isinstance(value, list) else [value]
            for type_name in sorted(t for t in types if isinstance(t, str)):
                scoped = _value(type_scoped, type_name, "@context")
                if scoped is not None and scoped is not False:
                    active = c.process(active, scoped, propagate=False)
        return self.properties(active, type_scoped, items)

    def properties(self, active: Any, type_scoped: Any, items: list[tuple[str, Any]]) -> str:
        c = self.c
        subject: str | None = None
        types: list[str] = []
        pairs: list[tuple[str, str, tuple[Any, ...]]] = []
        for key, value in items:
            if key == "@context":
                continue
            info = self.key(active, key)
            if info.problem:
                raise Fallback(info.problem)
            try:
                self.rules.check_key(key, info.iri)
            except AliasedTermError as error:  # the pyld road reports it
                raise Fallback("an aliased term") from error
            if info.kind == _ID:
                if subject is not None or not isinstance(value, str):
                    raise Fallback("@id")
                iri = c.iri(active, value, False)
                if not _absolute(iri):
                    raise Fallback("a relative or blank node @id")
                subject = f"<{iri}>"
                continue
            if info.kind == _TYPE:
                if types or value is None:
                    raise Fallback("@type")
                for type_name in value if isinstance(value, list) else [value]:
                    if not isinstance(type_name, str):
                        raise Fallback("a type that is not a string")
                    iri = c.iri(type_scoped, type_name, True)
                    if not _absolute(iri):
                        raise Fallback("a relative or blank node type")
                    types.append(iri)
                if not types:
                    raise Fallback("an empty @type")
                continue
            term_active = active
            if info.scoped is not None:
                term_active = c.process(active, info.scoped, override_protected=True)
                scoped_definition = term_active["mappings"].get(key)
                if scoped_definition and scoped_definition.get("reverse"):
                    raise Fallback("a reverse term")
            for item in value if isinstance(value, list) else [value]:
                if item is None:
                    continue
                if isinstance(item, dict):
                    object_term = self.node(term_active, key, item)
                    pairs.append((info.term, object_term, ("N", object_term)))
                elif isinstance(item, list):
                    raise Fallback("a nested array")
                else:
                    pairs.append((info.term, *self.scalar(term_active, key, item)))
        if subject is None:
            subject = f"_:b{self.blank_nodes}"
            self.blank_nodes += 1
        for type_iri in types:
            self.emit(subject, _RDF_TYPE_TERM, f"<{type_iri}>", ("T", type_iri))
        for predicate, term, equality in pairs:
            self.emit(subject, predicate, term, equality)
        return subject

    def emit(self, subject: str, predicate: str, term: str, equality: tuple[Any, ...]) -> None:
        """One triple, unless the node map would have merged it with an equal value (pyld's compare_values)."""
        seen_key = (subject, predicate, equality)
        if seen_key not in self.seen:
            self.seen.add(seen_key)
            self.lines.append((subject, predicate, term))

    def scalar(self, active: Any, key: str, item: Any) -> tuple[str, tuple[Any, ...]]:
        """A scalar value of `key`: an IRI or a literal term, with the node map's equality key."""
        self.count(1)
        info = self.key(active, key)
        datatype = info.datatype
        if isinstance(item, str) and datatype in ("@id", "@vocab"):
            iri = self.c.iri(active, item, datatype == "@vocab")
            if not _absolute(iri):
                raise Fallback("a relative or blank node IRI value")
            return f"<{iri}>", ("N", f"<{iri}>")
        if datatype in _NO_DATATYPE:
            if isinstance(item, str) and info.language_problem:
                raise Fallback("a language-tagged or directional string")
            datatype = None
        elif not _absolute(datatype):
            raise Fallback("a datatype that is not an absolute IRI")
        if type(item) is str and datatype != _XSD_DOUBLE:  # pyld's `_object_to_rdf` for a plain string
            literal = {"type": "literal", "value": item, "datatype": datatype or _XSD_STRING}
        else:
            expanded = {"@value": item} if datatype is None else {"@value": item, "@type": datatype}
            literal = self.c.processor._object_to_rdf(expanded, None, [], self.c.options)
        term = _literal_term(literal)
        self.literals[term] = literal
        return term, ("L", datatype, type(item) is bool, item)

    def count(self, values: int) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise Fallback(f"more than {MAX_VALUES} values")
        if self.budget is not None and self.values % 64 < values:
            self.budget()


class Dataset:
    """A document's triples as N-Quads terms (subject, predicate, object); blank nodes are `_:b<n>`."""

    def __init__(self, lines: list[tuple[str, str, str]], literals: dict[str, dict[str, Any]]) -> None:
        self.lines = lines
        self.literals = literals

    def blank_node_count(self) -> int:
        blanks = {s for s, _, _ in self.lines if s.startswith("_:")}
        blanks.update(o for _, _, o in self.lines if o.startswith("_:"))
        return len(blanks)

    def pyld_triples(self) -> list[dict[str, Any]]:
        """The same triples in pyld's form, for its canonicalizer."""

        def component(term: str) -> dict[str, Any]:
            if term.startswith("<"):
                return {"type": "IRI", "value": term[1:-1]}
            if term.startswith("_:"):
                return {"type": "blank node", "value": term}
            return dict(self.literals[term])

        return [{"subject": component(s), "predicate": component(p), "object": component(o)} for s, p, o in self.lines]


def dataset(
    document: dict[str, Any], budget: Callable[[], None] | None = None, rules: TermRules | None = None
) -> Dataset:
    """The RDF of `document` (the quads pyld would give), or Fallback.

    `budget` is called now and then; it raises to stop the walk (a time budget). A document the term rules of
    `credwallet.verify.aliases` refuse (`rules`, made here when not given) also falls back: pyld's road says why.
    """
    rules = rules or TermRules(document)
    try:
        rules.check_document()
    except AliasedTermError as error:
        raise Fallback("a term rule") from error
    if not bundled_only(document.get("@context")):
        raise Fallback("contexts other than bundled URLs")
    contexts = _contexts()
    try:
        walker = _Walker(contexts, budget, rules)
        walker.node(contexts.initial, None, document)
    except RecursionError as error:
        raise Fallback("too deep") from error
    return Dataset(walker.lines, walker.literals)


def canonical_nquads(data: Dataset) -> str | None:
    """RDFC-1.0 (URDNA2015) of a default-graph dataset when every blank node has its own first-degree hash
    (spec 4.4 steps 1-5, the case of nearly every credential); None when a Hash N-Degree Quads step would
    be needed (then pyld's budgeted canonicalizer runs).
    """
    import hashlib

    lines = data.lines
    quads_of: dict[str, list[int]] = {}
    for index, (s, _, o) in enumerate(lines):
        if s.startswith("_:"):
            quads_of.setdefault(s, []).append(index)
        if o.startswith("_:"):
            quads_of.setdefault(o, []).append(index)
    by_hash: dict[str, str] = {}
    for blank, indexes in quads_of.items():
        nquads = []
        for index in indexes:
            s, p, o = lines[index]
            if s.startswith("_:"):
                s = "_:a" if s == blank else "_:z"
            if o.startswith("_:"):
                o = "_:a" if o == blank else "_:z"
            nquads.append(f"{s} {p} {o} .\n")
        nquads.sort()
        digest = hashlib.sha256("".join(nquads).encode("utf-8")).hexdigest()
        if digest in by_hash:
            return None
        by_hash[digest] = blank
    canonical = {blank: f"_:c14n{n}" for n, (_, blank) in enumerate(sorted(by_hash.items()))}
    output = [f"{canonical.get(s, s)} {p} {canonical.get(o, o)} .\n" for s, p, o in lines]
    output.sort()
    return "".join(output)

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

import re
from collections.abc import Callable
from typing import Any

from credwallet.jsonld import KNOWN_CONTEXT_URLS, document_loader

# JSON values (objects, arrays, scalars) in one document beyond which pyld's general path (with its own
# bounds) takes over; real credentials have a few hundred.
MAX_VALUES = 20_000
# Memoized context-processing results kept per process; the bundled contexts and their scoped contexts give
# a few dozen. Cleared when full (a document cannot grow it: only bundled contexts enter).
_MAX_PROCESSED = 4_096

# An IRI the RDF keeps (pyld's `_is_absolute_iri`, and credwallet's own stricter data-loss rule).
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"
_NO_DATATYPE = (None, "@id", "@vocab", "@none")


class Fallback(Exception):
    """The document leaves the shape this module proves equal to pyld: use pyld."""


def _absolute(iri: Any) -> bool:
    return isinstance(iri, str) and not iri.startswith("_:") and _ABSOLUTE_IRI.match(iri) is not None


def bundled_only(context: Any) -> bool:
    """A top-level `@context` made only of bundled context URLs (the contexts whose processing is static)."""
    if isinstance(context, str):
        return context in KNOWN_CONTEXT_URLS
    return (
        isinstance(context, list)
        and bool(context)
        and all(isinstance(item, str) and item in KNOWN_CONTEXT_URLS for item in context)
    )


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
        result = self.processor._process_context(
            active, local, self.options, override_protected=override_protected, propagate=propagate
        )
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


class _Walker:
    """One document's walk: pyld's `_expand` / `_expand_object` for the plain shape, emitting triples."""

    def __init__(self, contexts: _Contexts, budget: Callable[[], None] | None) -> None:
        self.c = contexts
        self.triples: list[dict[str, Any]] = []
        self.seen: set[tuple[Any, ...]] = set()
        self.blank_nodes = 0
        self.values = 0
        self.budget = budget

    def blank(self) -> dict[str, str]:
        self.blank_nodes += 1
        return {"type": "blank node", "value": f"_:b{self.blank_nodes - 1}"}

    def emit(self, subject: dict[str, str], predicate: str, obj: dict[str, Any], key: tuple[Any, ...]) -> None:
        """One triple, unless the node map would have merged it with an equal value (pyld's compare_values)."""
        seen_key = (subject["value"], predicate, key)
        if seen_key in self.seen:
            return
        self.seen.add(seen_key)
        self.triples.append({"subject": subject, "predicate": {"type": "IRI", "value": predicate}, "object": obj})

    def node(self, active: Any, active_property: str | None, element: dict[str, Any]) -> dict[str, str]:
        """Expand a node object under `active_property` (None: the document) and return its subject."""
        self.count(len(element))
        c = self.c
        property_scoped = _value(active, active_property, "@context") if active_property else None
        type_scoped = active if active.get("previousContext") else None
        must_revert = True
        if type_scoped is not None and len(element) <= 2 and "@context" not in element:
            for key in sorted(element):
                expanded = c.iri(type_scoped, key, True)
                if expanded == "@value":
                    raise Fallback("a value object")
                if expanded == "@id" and len(element) == 1:
                    must_revert = False
                    break
        if must_revert:
            active = active.get("previousContext", active)
        if property_scoped is not None:
            active = c.process(active, property_scoped, override_protected=True)
        if "@context" in element:
            if active_property is not None:
                raise Fallback("an embedded @context")
            active = c.process(active, element["@context"])
        type_scoped = active
        for key, value in sorted(element.items()):
            if c.iri(active, key, True) != "@type":
                continue
            types = value if isinstance(value, list) else [value]
            for type_name in sorted(t for t in types if isinstance(t, str)):
                scoped = _value(type_scoped, type_name, "@context")
                if scoped is not None and scoped is not False:
                    active = c.process(active, scoped, propagate=False)
        return self.properties(active, type_scoped, element)

    def properties(self, active: Any, type_scoped: Any, element: dict[str, Any]) -> dict[str, str]:
        c = self.c
        subject: dict[str, str] | None = None
        types: list[str] = []
        pairs: list[tuple[str, dict[str, Any], tuple[Any, ...]]] = []
        protected = c.protected_iris(active)
        mappings = active["mappings"]
        for key, value in sorted(element.items()):
            if key == "@context":
                continue
            if key.startswith("@"):
                raise Fallback(f"keyword key {key}")
            expanded = c.iri(active, key, True)
            definition = mappings.get(key)
            if expanded in protected and not (definition and definition.get("protected")):
                raise Fallback(f"key {key!r} aliases a protected term")
            if expanded == "@id":
                if subject is not None or not isinstance(value, str):
                    raise Fallback("@id")
                iri = c.iri(active, value, False)
                if not _absolute(iri):
                    raise Fallback("a relative or blank node @id")
                subject = {"type": "IRI", "value": iri}
                continue
            if expanded == "@type":
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
            if not _absolute(expanded):
                raise Fallback(f"key {key!r} is dropped")
            if definition and (definition.get("reverse") or definition.get("@type") == "@json"):
                raise Fallback("a reverse or @json term")
            container = definition.get("@container") if definition else None
            if container is not None and container != ["@set"] and container != "@set":
                raise Fallback(f"container {container}")
            term_active = active
            if definition and definition.get("@context") is not None:
                term_active = c.process(active, definition["@context"], override_protected=True)
                term_definition = term_active["mappings"].get(key)
                if term_definition and term_definition.get("reverse"):
                    raise Fallback("a reverse term")
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, list):
                    raise Fallback("a nested array")
                found = self.item(term_active, key, item)
                if found is not None:
                    pairs.append((expanded, *found))
        if subject is None:
            subject = self.blank()
        for type_iri in types:
            self.emit(subject, _RDF_TYPE, {"type": "IRI", "value": type_iri}, ("T", type_iri))
        for predicate, term, equality in pairs:
            self.emit(subject, predicate, term, equality)
        return subject

    def item(self, active: Any, key: str, item: Any) -> tuple[dict[str, Any], tuple[Any, ...]] | None:
        """One value of `key`: a node (its subject) or a literal, with the node map's equality key."""
        if item is None:
            return None
        if isinstance(item, dict):
            subject = self.node(active, key, item)
            kind = "B" if subject["type"] == "blank node" else "I"
            return subject, (kind, subject["value"])
        self.count(1)
        c = self.c
        definition = active["mappings"].get(key)
        datatype = definition.get("@type") if definition else None
        if isinstance(item, str) and datatype in ("@id", "@vocab"):
            iri = c.iri(active, item, datatype == "@vocab")
            if not _absolute(iri):
                raise Fallback("a relative or blank node IRI value")
            return {"type": "IRI", "value": iri}, ("I", iri)
        expanded: dict[str, Any] = {"@value": item}
        if datatype not in _NO_DATATYPE:
            if not _absolute(datatype):
                raise Fallback("a datatype that is not an absolute IRI")
            expanded["@type"] = datatype
        elif isinstance(item, str) and (
            (definition or {}).get("@language", active.get("@language")) is not None
            or (definition or {}).get("@direction", active.get("@direction")) is not None
        ):
            raise Fallback("a language-tagged or directional string")
        if type(item) is str and datatype != _XSD_DOUBLE:  # pyld's `_object_to_rdf` for a plain string
            literal = {"type": "literal", "value": item, "datatype": expanded.get("@type") or _XSD_STRING}
        else:
            literal = c.processor._object_to_rdf(expanded, None, [], c.options)
        return literal, ("L", expanded.get("@type"), type(item) is bool, item)

    def count(self, values: int) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise Fallback(f"more than {MAX_VALUES} values")
        if self.budget is not None and self.values % 64 < values:
            self.budget()


def dataset(document: dict[str, Any], budget: Callable[[], None] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The RDF dataset of `document` in pyld's form (`{"@default": [triples]}`), or Fallback.

    `budget` is called now and then; it raises to stop the walk (a time budget).
    """
    if not bundled_only(document.get("@context")):
        raise Fallback("contexts other than bundled URLs")
    contexts = _contexts()
    try:
        walker = _Walker(contexts, budget)
        walker.node(contexts.initial, None, document)
    except RecursionError as error:
        raise Fallback("too deep") from error
    return {"@default": walker.triples}


def blank_node_count(triples: list[dict[str, Any]]) -> int:
    """Distinct blank nodes in `triples` (the canonicalization budget counts them)."""
    blanks = {t["subject"]["value"] for t in triples if t["subject"]["type"] == "blank node"}
    blanks.update(t["object"]["value"] for t in triples if t["object"]["type"] == "blank node")
    return len(blanks)


def _term(component: dict[str, Any]) -> str:
    """One N-Quads term exactly as pyld's `serialize_nquad` writes it."""
    kind = component["type"]
    if kind == "IRI":
        return f"<{component['value']}>"
    if kind == "blank node":
        return str(component["value"])
    value = str(component["value"])
    text = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    text = '"' + text.replace('"', '\\"') + '"'
    datatype = component["datatype"]
    if datatype == _RDF_LANGSTRING:
        return text + ("@" + component["language"] if component.get("language") else "")
    return text if datatype == _XSD_STRING else f"{text}^^<{datatype}>"


def canonical_nquads(triples: list[dict[str, Any]]) -> str | None:
    """RDFC-1.0 (URDNA2015) of a default-graph dataset when every blank node has its own first-degree hash
    (spec 4.4 steps 1-5, the case of nearly every credential); None when a Hash N-Degree Quads step would
    be needed (then pyld's budgeted canonicalizer runs).
    """
    import hashlib

    lines: list[tuple[str, str, str, bool, bool]] = []
    quads_of: dict[str, list[int]] = {}
    for index, triple in enumerate(triples):
        subject, obj = triple["subject"], triple["object"]
        s_blank, o_blank = subject["type"] == "blank node", obj["type"] == "blank node"
        lines.append((_term(subject), _term(triple["predicate"]), _term(obj), s_blank, o_blank))
        if s_blank:
            quads_of.setdefault(subject["value"], []).append(index)
        if o_blank:
            quads_of.setdefault(obj["value"], []).append(index)
    by_hash: dict[str, str | None] = {}
    for blank, indexes in quads_of.items():
        nquads = []
        for index in indexes:
            s, p, o, s_blank, o_blank = lines[index]
            if s_blank:
                s = "_:a" if s == blank else "_:z"
            if o_blank:
                o = "_:a" if o == blank else "_:z"
            nquads.append(f"{s} {p} {o} .\n")
        nquads.sort()
        digest = hashlib.sha256("".join(nquads).encode("utf-8")).hexdigest()
        if digest in by_hash:
            return None
        by_hash[digest] = blank
    canonical = {blank: f"_:c14n{n}" for n, (_, blank) in enumerate(sorted(by_hash.items()))}
    output = []
    for s, p, o, s_blank, o_blank in lines:
        if s_blank:
            s = canonical[s]
        if o_blank:
            o = canonical[o]
        output.append(f"{s} {p} {o} .\n")
    output.sort()
    return "".join(output)

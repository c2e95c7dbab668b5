"""RDF Dataset Canonicalization (RDFC-1.0 / URDNA2015) of a JSON-LD document, with the two guards pyld lacks.

1. Data loss: anything JSON-LD expansion silently drops (an undefined term such as `skillLevel`, an
   `@foo`-like key, a relative IRI) is not covered by the signature, so it fails with DATA_LOSS, as the Data
   Integrity specification requires.
2. Work budget: blank-node canonicalization is exponential on poisoned graphs (an 8-node blank-node clique
   would run for minutes); deep iterations and permutations are counted and the run is aborted early.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any, ParamSpec, TypeVar

from credwallet.jsonld import (
    RedefiningContextError,
    UnknownContextError,
    loader_with,
    supplied_contexts,
    supplied_fingerprint,
    unknown_contexts,
)
from credwallet.limits import MAX_JSONLD_OBJECTS, MAX_JSONLD_VALUES

# Hash N-Degree Quads calls allowed per blank node before a graph is judged poisoned. Real credentials
# almost never need any (their blank nodes are told apart by their first-degree hashes).
MAX_DEEP_ITERATIONS_PER_NODE = 24
# Permutations tried across the whole canonicalization; an 8-node clique needs millions.
MAX_PERMUTATIONS = 20_000
# Blank nodes in one credential graph; more than this is not a badge.
MAX_BLANK_NODES = 5_000
# Processed-context caches kept for sets of supplied (fetched) contexts; bundled ones share pyld's own.
_MAX_SUPPLIED_CACHES = 8
_supplied_caches: dict[str, Any] = {}

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")


P = ParamSpec("P")
R = TypeVar("R")
# When the verification under way must stop (time.monotonic()), set by `time_budget`.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("canonicalization_deadline", default=None)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Canonicalizations inside stop with CanonicalizationError("TIME") after `seconds` (an inner budget
    never extends an outer one)."""
    outer = _DEADLINE.get()
    deadline = time.monotonic() + seconds
    if outer is not None and outer[0] < deadline:
        deadline, seconds = outer
    token = _DEADLINE.set((deadline, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def within_time_budget(seconds: float) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: each call runs inside `time_budget(seconds)`."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @wraps(function)
        def budgeted(*args: P.args, **kwargs: P.kwargs) -> R:
            with time_budget(seconds):
                return function(*args, **kwargs)

        return budgeted

    return decorate


def check_time() -> None:
    """Raise CanonicalizationError("TIME") when the budget set by `time_budget` is spent."""
    budget = _DEADLINE.get()
    if budget is not None and time.monotonic() > budget[0]:
        raise CanonicalizationError(
            "TIME", f"verification stopped after {budget[1]:g} s, its time budget per credential"
        )


def bound_work(document: Any) -> None:
    """Refuse, before any expansion, a document with more JSON objects or values than a credential has."""
    objects = values = 0
    pending = [document]
    while pending:
        node = pending.pop()
        values += 1
        if type(node) is dict:
            objects += 1
            pending.extend(node.values())
        elif type(node) is list:
            pending.extend(node)
        if objects > MAX_JSONLD_OBJECTS or values > MAX_JSONLD_VALUES:
            what = f"{objects} JSON objects" if objects > MAX_JSONLD_OBJECTS else f"{values} JSON values"
            limit = MAX_JSONLD_OBJECTS if objects > MAX_JSONLD_OBJECTS else MAX_JSONLD_VALUES
            raise CanonicalizationError("BUDGET", f"over {what} (limit {limit}): more than any credential holds")


class CanonicalizationError(Exception):
    """The document cannot be canonicalized safely; `code` says why (DATA_LOSS, ALIAS, BUDGET, CONTEXT, REDEFINED,
    JSONLD). CONTEXT: a context is not at hand (the proof is unchecked); REDEFINED: a supplied context changes
    the meaning of a protected term; ALIAS: a key stands for a term it is not, a context redefines a bundled
    term, or the credential's node is described twice (both: what is signed is not what is shown)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(slots=True)
class _Budget:
    permutations: int = 0

    def spend_permutation(self) -> None:
        self.permutations += 1
        if self.permutations > MAX_PERMUTATIONS:
            raise CanonicalizationError(
                "BUDGET",
                f"blank-node canonicalization exceeded {MAX_PERMUTATIONS} permutations (poisoned graph)",
            )


def _budgeted_urdna2015() -> Any:
    """A fresh canonicalizer (its budget is per document)."""
    return _budgeted_class()()


@cache
def _budgeted_class() -> Any:
    """URDNA2015 whose Hash N-Degree Quads (spec 4.8) counts its work and aborts when over budget."""
    from pyld.canon import URDNA2015, permutations
    from pyld.identifier_issuer import IdentifierIssuer

    def copy_issuer(issuer: Any) -> Any:
        twin = IdentifierIssuer(issuer.prefix)
        twin.counter = issuer.counter
        twin.existing = dict(issuer.existing)
        twin.order = list(issuer.order)
        return twin

    class BudgetedURDNA2015(URDNA2015):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.budget = _Budget()
            self.deep_iterations: dict[str, int] = {}

        def main(self, dataset: Any, options: Any) -> Any:
            blank_nodes = {
                component["value"]
                for triples in dataset.values()
                for quad in triples
                for key, component in quad.items()
                if key != "predicate" and component["type"] == "blank node"
            }
            if len(blank_nodes) > MAX_BLANK_NODES:
                raise CanonicalizationError(
                    "BUDGET", f"{len(blank_nodes)} blank nodes (limit {MAX_BLANK_NODES})"
                )
            return super().main(dataset, options)

        def hash_first_degree_quads(self, id_: str) -> Any:
            check_time()
            return super().hash_first_degree_quads(id_)

        def hash_n_degree_quads(self, id_: str, issuer: Any) -> dict[str, Any]:
            check_time()
            count = self.deep_iterations.get(id_, 0) + 1
            self.deep_iterations[id_] = count
            if count > MAX_DEEP_ITERATIONS_PER_NODE:
                raise CanonicalizationError(
                    "BUDGET",
                    f"a blank node needed over {MAX_DEEP_ITERATIONS_PER_NODE} deep iterations (poisoned)",
                )
            hash_to_related = self.create_hash_to_related(id_, issuer)
            md = self.create_hash()
            for related_hash, blank_nodes in sorted(hash_to_related.items()):
                md.update(related_hash.encode("utf8"))
                chosen_path = ""
                chosen_issuer = None
                for permutation in permutations(blank_nodes):
                    self.budget.spend_permutation()
                    if self.budget.permutations % 256 == 0:
                        check_time()
                    issuer_copy = copy_issuer(issuer)
                    path = ""
                    recursion_list = []
                    skip = False
                    for related in permutation:
                        if self.canonical_issuer.has_id(related):
                            path += self.canonical_issuer.get_id(related)
                        else:
                            if not issuer_copy.has_id(related):
                                recursion_list.append(related)
                            path += issuer_copy.get_id(related)
                        if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                            skip = True
                            break
                    if skip:
                        continue
                    for related in recursion_list:
                        result = self.hash_n_degree_quads(related, issuer_copy)
                        path += issuer_copy.get_id(related)
                        path += "<" + result["hash"] + ">"
                        issuer_copy = result["issuer"]
                        if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                            skip = True
                            break
                    if skip:
                        continue
                    if not chosen_path or path < chosen_path:
                        chosen_path = path
                        chosen_issuer = issuer_copy
                md.update(chosen_path.encode("utf8"))
                issuer = chosen_issuer
            return {"hash": md.hexdigest(), "issuer": issuer}

    return BudgetedURDNA2015


def _is_iri_or_blank(value: Any) -> bool:
    return isinstance(value, str) and (value.startswith("_:") or bool(_ABSOLUTE_IRI.match(value)))


def _find_data_loss(node: Any, found: list[str], depth: int = 0) -> None:
    """Relative IRIs left in the expanded form: to_rdf drops their triples, so no signature covers them."""
    if len(found) >= 5 or depth > 200:
        return
    if isinstance(node, list):
        for item in node:
            _find_data_loss(item, found, depth + 1)
        return
    if not isinstance(node, dict):
        return
    if "@value" in node:
        datatype = node.get("@type")
        if datatype is not None and datatype != "@json" and not _is_iri_or_blank(datatype):
            found.append(f"datatype {datatype!r} is not an absolute IRI")
        return
    node_id = node.get("@id")
    if node_id is not None and not _is_iri_or_blank(node_id):
        found.append(f"id {node_id!r} is not an absolute IRI")
    types = node.get("@type", [])
    for type_ in types if isinstance(types, list) else [types]:
        if not _is_iri_or_blank(type_):
            found.append(f"type {type_!r} is not defined by any context")
    for key, value in node.items():
        if key.startswith("@"):
            if key in ("@graph", "@list", "@set", "@included", "@reverse"):
                _find_data_loss(value, found, depth + 1)
            continue
        if key.startswith("_:"):
            found.append(f"property {key!r} is a blank node")
        _find_data_loss(value, found, depth + 1)


def missing_context_message(urls: list[str]) -> str:
    """Why a proof over a graph with unavailable contexts is unchecked, and how to get them."""
    named = ", ".join(urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else "")
    what = "context" if len(urls) == 1 else "contexts"
    return (
        f"the proof needs the JSON-LD {what} {named}, not bundled with credwallet and not in the wallet's "
        "cache; verify --online (or --documents DIR) fetches it"
    )


def _imports(node: Any, depth: int = 0) -> bool:
    """Whether an inline context of the document uses `@import` (anywhere; only on pyld's road)."""
    if depth > 200:
        return False
    if isinstance(node, dict):
        return "@import" in node or any(_imports(value, depth + 1) for value in node.values())
    if isinstance(node, list):
        return any(_imports(item, depth + 1) for item in node)
    return False


def _resolver_cache(supplied: Mapping[str, Any], private: bool = False) -> Any:
    """pyld's processed-context cache: the shared one for bundled contexts only; one per set of supplied
    contexts otherwise, so a context fetched for one run never answers for another URL's content.

    `private`: a throwaway cache. pyld stores the processed form of a context imported with `@import` where
    the resolved form of that URL belongs, and every later document using the URL then fails (KeyError
    'mappings'); such a document must not touch the shared cache."""
    from pyld import jsonld as pyld_jsonld

    if private:
        from cachetools import LRUCache

        return LRUCache(maxsize=100)
    if not supplied:
        return pyld_jsonld._resolved_context_cache
    key = supplied_fingerprint(supplied)
    if key not in _supplied_caches:
        if len(_supplied_caches) >= _MAX_SUPPLIED_CACHES:
            _supplied_caches.pop(next(iter(_supplied_caches)))
        from cachetools import LRUCache

        _supplied_caches[key] = LRUCache(maxsize=100)
    return _supplied_caches[key]


def _context_failure(error: BaseException) -> CanonicalizationError | None:
    """The context problem at the root of a pyld error, if that is what it is."""
    current: BaseException | None = error
    for _ in range(12):
        if current is None:
            return None
        if isinstance(current, UnknownContextError):
            return CanonicalizationError("CONTEXT", missing_context_message([current.url]))
        if isinstance(current, RedefiningContextError):
            return CanonicalizationError("REDEFINED", current.message)
        current = current.__cause__ or current.__context__ or getattr(current, "cause", None)
    return None


def canonicalize(document: dict[str, Any], documents: Mapping[str, Any] | None = None) -> str:
    """The canonical N-Quads of `document` (base IRI null), or CanonicalizationError; never fetches.

    `documents`: what the caller holds for this verification (fetched, or from the wallet's cache); the
    contexts among them load after vetting (`credwallet.jsonld.loader_with`)."""
    supplied = supplied_contexts(documents, document)
    unknown = unknown_contexts(document, supplied)
    if unknown:
        raise CanonicalizationError("CONTEXT", missing_context_message(unknown))
    bound_work(document)
    check_time()
    from credwallet.verify import fastrdf
    from credwallet.verify.aliases import TermRules

    rules = TermRules(document)
    try:  # the same quads as the pyld road below, for documents of the plain shape over bundled contexts
        data = fastrdf.dataset(document, budget=check_time, rules=rules)
    except fastrdf.Fallback:  # including a document the term rules refuse: the pyld road says why
        pass
    else:
        blank_nodes = data.blank_node_count()
        if blank_nodes > MAX_BLANK_NODES:
            raise CanonicalizationError("BUDGET", f"{blank_nodes} blank nodes (limit {MAX_BLANK_NODES})")
        simple = fastrdf.canonical_nquads(data)
        if simple is not None:
            return simple
        triples = {"@default": data.pyld_triples()}
        fast_nquads: str = _budgeted_urdna2015().main(triples, {"format": "application/n-quads"})
        return fast_nquads
    return _canonicalize_with_pyld(document, supplied, rules)


def _canonicalize_with_pyld(document: dict[str, Any], supplied: Mapping[str, Any], rules: Any = None) -> str:
    """The general road: pyld expansion, node map and RDF, with the data-loss checks of the module docstring
    and the term rules of `credwallet.verify.aliases` (an aliased or redefined term, or a credential described
    twice, makes it invalid, DESIGN.md §5; each key is checked as expansion meets it)."""
    from credwallet.verify.aliases import AliasedTermError, TermRules

    rules = rules or TermRules(document)
    try:
        rules.check_document()
    except AliasedTermError as error:
        raise CanonicalizationError("ALIAS", str(error)) from error
    from pyld import jsonld as pyld_jsonld
    from pyld.context_resolver import ContextResolver
    from pyld.identifier_issuer import IdentifierIssuer

    from credwallet.verify.aliases import checking_processor

    loader = loader_with(supplied)
    dropped: list[str | None] = []
    processor = _timed(checking_processor(dropped.append, rules))
    options: dict[str, Any] = {
        "base": None,  # null base: relative IRIs stay relative (and fail DATA_LOSS), never resolved
        "documentLoader": loader,
        "contextResolver": ContextResolver(_resolver_cache(supplied, _imports(document)), loader),
        "extractAllScripts": True,
        "processingMode": "json-ld-1.1",
        "produceGeneralizedRdf": False,
    }
    try:
        expanded = processor.expand(document, options)
    except AliasedTermError as error:
        raise CanonicalizationError("ALIAS", str(error)) from error
    except pyld_jsonld.JsonLdError as error:
        raise _context_failure(error) or CanonicalizationError("JSONLD", _jsonld_reason(error)) from error
    if dropped:
        names = ", ".join(repr(name) if name else "an @-prefixed key" for name in dropped[:5])
        raise CanonicalizationError("DATA_LOSS", f"terms not defined by any context were dropped: {names}")
    relative: list[str] = []
    _find_data_loss(expanded, relative)
    if relative:
        raise CanonicalizationError("DATA_LOSS", "; ".join(relative))
    issuer = IdentifierIssuer("_:b")
    node_map: dict[str, Any] = {"@default": {}}
    try:
        processor._create_node_map(expanded, node_map, "@default", issuer)
        dataset: dict[str, Any] = {}
        for graph_name, graph in sorted(node_map.items()):
            if graph_name == "@default" or _is_iri_or_blank(graph_name):
                dataset[graph_name] = processor._graph_to_rdf(graph, issuer, options)
    except pyld_jsonld.JsonLdError as error:
        raise CanonicalizationError("JSONLD", _jsonld_reason(error)) from error
    nquads: str = _budgeted_urdna2015().main(dataset, {"format": "application/n-quads"})
    return nquads


def _timed(processor: Any) -> Any:
    """`processor` with the time budget checked at every step of expansion and of the node map (both recurse
    through these methods; the node map compares each value with its siblings, so it is where work piles up)."""
    for name in ("_expand", "_create_node_map"):
        step = getattr(processor, name)

        def checked(*args: Any, _step: Any = step, **kwargs: Any) -> Any:
            check_time()
            return _step(*args, **kwargs)

        setattr(processor, name, checked)
    return processor


def _jsonld_reason(error: BaseException) -> str:
    """The most specific message in a pyld error chain (pyld wraps causes several levels deep)."""
    messages: list[str] = []
    current: BaseException | None = error
    while current is not None and len(messages) < 8:
        code = getattr(current, "code", None)
        text = str(current).split("\n", 1)[0].strip()
        if code and code not in text:
            text = f"{text} ({code})"
        messages.append(text)
        current = current.__cause__ or current.__context__
    return messages[-1] if messages else "invalid JSON-LD"

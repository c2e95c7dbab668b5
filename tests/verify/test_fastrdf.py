"""The fast RDF road (verify/fastrdf.py) gives pyld's canonical N-Quads exactly, or steps aside.

For every signed fixture, sample credential and generated credential, and every variant of them that changes,
adds, removes, renames or aliases a property (the shapes a forger tries), the canonical N-Quads through
`canonicalize` equal plain pyld's, and whenever pyld refuses a document (data loss, aliasing, invalid JSON-LD)
the fast road has stepped aside rather than answered.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credwallet.verify import canon, fastrdf
from credwallet.verify.signing import sign_data_integrity
from tests.conftest import EXTERNAL, REPO
from tests.verify.helpers import ISSUER_KEY, ob3_document

CRED = "https://www.w3.org/2018/credentials#"
MAX_VARIANTS_PER_SOURCE = 150


def _json_documents(folder: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(folder.rglob("*.json*")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(document, dict) and "@context" in document:
            yield str(path.relative_to(folder)), document


def _generated() -> list[tuple[str, dict[str, Any]]]:
    return [
        ("generated rdfc", sign_data_integrity(ob3_document(alignments=3), ISSUER_KEY)),
        ("generated jcs", sign_data_integrity(ob3_document(), ISSUER_KEY, cryptosuite="eddsa-jcs-2022")),
    ]


def corpus() -> list[tuple[str, dict[str, Any]]]:
    documents = _generated() + list(_json_documents(REPO / "sample_data")) + list(_json_documents(REPO / "tests"))
    if EXTERNAL.is_dir():
        documents += list(_json_documents(EXTERNAL))
    return documents


def signed_parts(document: dict[str, Any]) -> list[dict[str, Any]]:
    """What a verifier canonicalizes: the document, the unsecured document and each proof configuration."""
    parts = [document, {k: v for k, v in document.items() if k != "proof"}]
    proofs = document.get("proof")
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        if isinstance(proof, dict):
            parts.append({**{k: v for k, v in proof.items() if k != "proofValue"}, "@context": document["@context"]})
    return parts


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, (*path, index))


def _at(document: dict[str, Any], path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def tamper_variants(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Changed, added, removed, renamed and aliased properties, on every node of `document`."""
    paths = [path for path, _ in _nodes(document)]
    edits = [
        lambda node, key: node.__setitem__(key, _changed(node[key])),
        lambda node, key: node.pop(key),
        lambda node, key: node.__setitem__(CRED + key, node.pop(key)),
        lambda node, key: node.__setitem__("cred:" + key, node.pop(key)),
        lambda node, key: node.__setitem__(key + "Extra", node[key]),
        lambda node, key: node.__setitem__(key, [node[key], node[key]]),
        lambda node, key: node.__setitem__(key, [[node[key]]]),
        lambda node, key: node.__setitem__(key, None),
        lambda node, key: node.__setitem__(key, {"@value": str(node[key]), "@type": CRED + "x"}),
        lambda node, key: node.__setitem__(key, {"@value": str(node[key]), "@language": "en"}),
        lambda node, key: node.__setitem__("@" + key.lstrip("@"), node.pop(key)),
        lambda node, key: node.__setitem__(key, True if node[key] == 1 else 1),
        lambda node, key: node.__setitem__(key, 1.5),
        lambda node, key: node.__setitem__(key, "_:b9"),
        lambda node, key: node.__setitem__(key, "relative/iri"),
    ]
    for path in paths:
        node = _at(document, path)
        for key in list(node):
            if key == "@context":
                continue
            for edit in edits:
                variant = copy.deepcopy(document)
                try:
                    edit(_at(variant, path), key)
                except (KeyError, TypeError, AttributeError):
                    continue
                yield variant
        for extra in ({"undefinedTerm": "x"}, {"@context": {"x": "urn:x:"}}, {"@id": "urn:x:1"}, {"id": "_:b1"}):
            variant = copy.deepcopy(document)
            _at(variant, path).update(extra)
            yield variant


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + " (edited)"
    return value


def _pyld(document: dict[str, Any]) -> str:
    try:
        return canon._canonicalize_with_pyld(copy.deepcopy(document), {})
    except canon.CanonicalizationError as error:
        return f"error {error.code}"
    except Exception as error:  # what canonicalize raises through is the same on both roads
        return f"raised {type(error).__name__}"


def _ours(document: dict[str, Any]) -> str:
    try:
        return canon.canonicalize(copy.deepcopy(document))
    except canon.CanonicalizationError as error:
        return f"error {error.code}"
    except Exception as error:
        return f"raised {type(error).__name__}"


def _fast_answers(document: dict[str, Any]) -> bool:
    try:
        fastrdf.dataset(copy.deepcopy(document))
    except fastrdf.Fallback:
        return False
    return True


def assert_same(document: dict[str, Any]) -> bool:
    """Equal outcomes on both roads; True when the fast road answered."""
    if canon.unknown_contexts(document):
        return False
    expected = _pyld(document)
    assert _ours(document) == expected
    answered = _fast_answers(document)
    if answered:
        assert not expected.startswith(("error", "raised")), f"the fast road answered where pyld says {expected}"
    return answered


CORPUS = corpus()


@pytest.mark.parametrize(("name", "document"), CORPUS, ids=[name for name, _ in CORPUS])
def test_signed_parts_equal_pyld(name: str, document: dict[str, Any]) -> None:
    for part in signed_parts(document):
        assert_same(part)


def test_the_fast_road_serves_real_credentials() -> None:
    """Not a stub: most real unsecured credentials and proof configurations go the fast road."""
    answered = [_fast_answers(part) for _, document in CORPUS for part in signed_parts(document)[1:]]
    assert sum(answered) >= len(answered) // 2


def _tamper_sources() -> list[tuple[str, dict[str, Any]]]:
    """Signed credentials whose unsecured form takes the fast road (their variants probe its edges)."""
    chosen = _generated()
    wanted = ("ob3/", "vc-di-eddsa/", "clr/")
    chosen += [
        (n, d)
        for n, d in CORPUS
        if n.startswith(wanted) and "proof" in d and _fast_answers({k: v for k, v in d.items() if k != "proof"})
    ][:4]
    return chosen


@pytest.mark.parametrize(("name", "document"), _tamper_sources(), ids=[n for n, _ in _tamper_sources()])
def test_tamper_variants_equal_pyld(name: str, document: dict[str, Any]) -> None:
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    variants = list(tamper_variants(unsecured))
    step = max(1, len(variants) // MAX_VARIANTS_PER_SOURCE)  # an even sample keeps the suite fast
    answered = sum(assert_same(variant) for variant in variants[::step])
    assert answered > 0


def test_shared_tamper_variants_equal_pyld() -> None:
    """The forgery suite's generator, when present, is held to the same rule."""
    generator = pytest.importorskip("tests.verify.tamper_variants")
    produce = getattr(generator, "tamper_variants", None) or getattr(generator, "variants", None)
    if produce is None:
        pytest.skip("tests/verify/tamper_variants.py has no tamper_variants()")
    for _, document in _generated():
        for variant in produce(document):
            candidate = variant[-1] if isinstance(variant, tuple) else variant
            if isinstance(candidate, dict):
                for part in signed_parts(candidate):
                    assert_same(part)


INLINE_CONTEXTS = [
    ({"skillLevel": "https://example.org/terms#skillLevel"}, {"skillLevel": "advanced"}),
    ({"@vocab": "https://example.org/vocab#"}, {"undefinedTerm": "x"}),
    ({"name": "https://example.org/name"}, {}),
    ({"ex": "https://example.org/", "exLink": {"@id": "ex:link", "@type": "@id"}}, {"exLink": "ex:page"}),
    (
        {"until": {"@id": CRED + "validUntil", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}},
        {"until": "2020-01-01T00:00:00Z"},
    ),
    ({"@language": "en"}, {}),
    ({"seq": {"@id": "https://example.org/seq", "@container": "@list"}}, {"seq": ["a", "b"]}),
    ({"num": {"@id": "https://example.org/num", "@type": "http://www.w3.org/2001/XMLSchema#double"}}, {"num": "2.50"}),
    ({"@protected": True, "mine": "https://example.org/mine"}, {"mine": 3}),
    ({"@import": "https://www.w3.org/ns/credentials/v2"}, {}),
]


@pytest.mark.parametrize(("context", "subject_extra"), INLINE_CONTEXTS)
def test_inline_contexts_equal_pyld(context: dict[str, Any], subject_extra: dict[str, Any]) -> None:
    """An issuer's inline context next to the bundled ones: the fast road follows pyld or steps aside."""
    for _, document in _generated():
        unsecured = {k: v for k, v in document.items() if k != "proof"}
        unsecured["@context"] = [*unsecured["@context"], context]
        unsecured["credentialSubject"] = {**unsecured["credentialSubject"], **subject_extra}
        assert_same(unsecured)
        assert_same({**unsecured, "@context": [context, *document["@context"]]})


_SCALARS = st.one_of(st.text(max_size=8), st.integers(-3, 3), st.booleans(), st.none(), st.just(1.5))
_KEYS = st.sampled_from(
    [
        "name",
        "description",
        "id",
        "type",
        "validFrom",
        "validUntil",
        "cred:issuer",
        CRED + "validUntil",
        "@id",
        "achievement",
        "alignment",
        "targetUrl",
        "creditsAvailable",
        "undefinedTerm",
        "@type",
        "image",
        "evidence",
    ]
)
_JSON = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=_KEYS, value=_JSON, where=st.integers(0, 50))
def test_random_edits_equal_pyld(key: str, value: Any, where: int) -> None:
    document = {k: v for k, v in _generated()[0][1].items() if k != "proof"}
    nodes = [node for _, node in _nodes(document)]
    nodes[where % len(nodes)][key] = value
    assert_same(document)

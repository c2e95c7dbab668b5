"""Hostile OB 3.0 / VC / CLR inputs (DESIGN.md §9): each ends as one clear InputError or a bounded result.

No timing is asserted here (timings are reported by `pytest --durations`); each case is built to finish in
well under a second and fails loudly rather than slowly.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from credwallet.errors import InputError
from credwallet.formats import clr, ob3
from credwallet.formats.jwt import decode_compact_jws
from credwallet.limits import MAX_INNER_CREDENTIALS, MAX_JSON_DEPTH
from credwallet.safejson import loads_strict
from tests.formats.ob3.conftest import PARSE_ARGS, b64url, clr_document, credential, make_jwt, presentation


class Listener:
    """A TCP listener on 127.0.0.1 that counts every connection made to it."""

    def __init__(self) -> None:
        self.hits = 0
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self._socket.settimeout(0.05)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                continue
            self.hits += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def test_listener_really_counts(listener: Listener) -> None:
    """Guard for the next test: a connection to the listener is seen (so zero hits means zero requests)."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=1):
        pass
    for _ in range(100):
        if listener.hits:
            break
        threading.Event().wait(0.01)
    assert listener.hits == 1


def test_remote_context_is_kept_listed_without_a_request(listener: Listener) -> None:
    """Import keeps the credential whatever its contexts, and fetches nothing: the context is listed so that
    verify can say the proof needs it."""
    url = f"http://127.0.0.1:{listener.port}/context.jsonld"
    document = credential(**{"@context": [*credential()["@context"], url]})
    (kept,) = ob3.parse_vc(document, **PARSE_ARGS)
    assert kept.extension["unknown_contexts"] == [url]
    # A JWT-secured credential with the same context is imported the same way.
    token = make_jwt({"vc": document})
    (cred,) = ob3.parse_vc(document, **{**PARSE_ARGS, "token": token})
    assert cred.extension["unknown_contexts"] == [url]
    threading.Event().wait(0.1)
    assert listener.hits == 0


def test_remote_context_nested_or_imported_is_listed_never_fetched(listener: Listener) -> None:
    url = f"http://127.0.0.1:{listener.port}/scoped.jsonld"
    nested = credential()
    nested["credentialSubject"]["@context"] = url
    imported = credential(**{"@context": [*credential()["@context"], {"@import": url}]})
    for document in (nested, imported):
        (kept,) = ob3.parse_vc(document, **PARSE_ARGS)
        assert kept.extension["unknown_contexts"] == [url]
    assert listener.hits == 0


@pytest.mark.parametrize("term", ["name", "issuer", "achievement", "validFrom", "credentialSubject"])
def test_context_redefining_a_protected_term_is_refused(term: str) -> None:
    inline = {"@protected": False, term: {"@id": "https://attacker.example/vocab#" + term}}
    document = credential(**{"@context": [*credential()["@context"], inline]})
    with pytest.raises(InputError, match=f"redefines the protected term '{term}'"):
        ob3.parse_vc(document, **PARSE_ARGS)


def test_scoped_context_redefinition_deep_in_the_document_is_refused() -> None:
    document = credential()
    document["credentialSubject"]["achievement"]["@context"] = {"name": "https://attacker.example/shown-name"}
    with pytest.raises(InputError, match="protected term 'name'"):
        ob3.parse_vc(document, **PARSE_ARGS)


def test_inline_context_with_new_terms_only_is_accepted() -> None:
    inline = {"favouriteColour": "https://school.example.org/vocab#favouriteColour"}
    document = credential(**{"@context": [*credential()["@context"], inline]}, favouriteColour="teal")
    (cred,) = ob3.parse_vc(document, **PARSE_ARGS)
    assert cred.name == "SQL Fundamentals"


def test_jwt_with_a_10_mb_payload_is_refused_before_decoding() -> None:
    token = make_jwt({"vc": credential(), "padding": "A" * 10_000_000})
    with pytest.raises(InputError, match="over the limit"):
        decode_compact_jws(token, source="huge.jwt")
    with pytest.raises(InputError, match=r"huge\.json \[credential 1\]: token is .* over the limit"):
        ob3.parse_vc(presentation(token), **{**PARSE_ARGS, "source": "huge.json"})


def test_clr_with_100000_inner_credentials_is_bounded() -> None:
    document = clr_document(*({"id": f"urn:uuid:{i}"} for i in range(100_000)))
    with pytest.raises(InputError) as caught:
        clr.parse_clr(document, **PARSE_ARGS)
    assert caught.value.message == (
        f"test.json: the CLR holds 100,000 credentials, over the limit of {MAX_INNER_CREDENTIALS:,}"
    )


def test_presentation_over_the_limit_is_bounded() -> None:
    document = presentation(*(["x.y.z"] * (MAX_INNER_CREDENTIALS + 1)))
    with pytest.raises(InputError, match="over the limit"):
        ob3.parse_vc(document, **PARSE_ARGS)


def test_presentation_of_clrs_cannot_multiply_past_the_limit() -> None:
    inner = [credential(id=f"urn:uuid:{i}") for i in range(40)]
    clrs = [clr_document(*inner, id=f"urn:clr:{n}") for n in range(30)]  # 30 x 41 credentials > 1,000
    with pytest.raises(InputError, match="holds 1,230 credentials, over the limit"):
        ob3.parse_vc(presentation(*clrs), **PARSE_ARGS)


def _deep(levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {"leaf": True}
    for _ in range(levels):
        node = {"nested": node}
    return node


@pytest.mark.parametrize("levels", [MAX_JSON_DEPTH, 100_000])
def test_deep_nesting_is_refused_without_recursion_error(levels: int) -> None:
    document = credential()
    document["credentialSubject"]["extra"] = _deep(levels)
    with pytest.raises(InputError, match="nested too deeply"):
        ob3.parse_vc(document, **PARSE_ARGS)
    with pytest.raises(InputError, match="nested too deeply"):
        clr.parse_clr(clr_document(document), **PARSE_ARGS)


def test_deep_json_text_is_refused_by_the_strict_loader() -> None:
    text = '{"a":' * 100_000 + "1" + "}" * 100_000
    with pytest.raises(InputError, match="nested too deeply"):
        loads_strict(text, source="deep.json")


def test_presentation_with_duplicates_is_deduplicated() -> None:
    token = make_jwt({"vc": credential(id="urn:uuid:jwt")})
    enveloped = {"type": "EnvelopedVerifiableCredential", "id": f"data:application/vc+jwt,{token}"}
    same_again = credential()  # equal content, different object and key order
    same_again = dict(reversed(list(same_again.items())))
    document = presentation(*([credential()] * 50), same_again, token, token, enveloped)
    found = ob3.parse_vc(document, **PARSE_ARGS)
    assert [c.credential_id for c in found] == [credential()["id"], "urn:uuid:jwt"]


def test_malformed_inner_jwt_names_its_position() -> None:
    bad = b64url(b'{"alg":"none"}') + "." + b64url(b"[1,2") + "."
    with pytest.raises(InputError, match=r"vp\.json \[credential 2\]"):
        ob3.parse_vc(presentation(credential(), bad), **{**PARSE_ARGS, "source": "vp.json"})


def test_wrongly_typed_fields_do_not_crash() -> None:
    document = credential(name=["list"], issuer=42, validFrom=17, evidence="https://e.example/1", image=[1])
    document["credentialSubject"] = [
        {"id": 5, "result": "A+", "identifier": "x"},
        {
            "achievement": {
                "name": {"en": "map"},
                "alignment": [{"targetCode": 7}, "x"],
                "tag": "one",
                "criteria": "https://c.example",
                "creditsAvailable": "3.5",
            }
        },
    ]
    (cred,) = ob3.parse_vc(document, **PARSE_ARGS)
    assert cred.name == "OpenBadgeCredential"
    assert cred.issuer.id is None
    assert cred.evidence[0].id == "https://e.example/1"
    assert [a.target_name for a in cred.alignments] == ["7"]
    assert cred.tags == ["one"]
    assert cred.criteria is not None and cred.criteria.url == "https://c.example"
    assert cred.credit_hours == 3.5
    assert cred.schema_errors  # the schema reports what the parser tolerated

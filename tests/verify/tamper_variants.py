"""Tamper variants of signed credentials: every way to change what a signature covers, or who signed it.

`signed_fixtures()` yields the signed credentials of `sample_data/` (OB 3.0 JSON-LD, CLR and its inner
credentials, VC-JWTs, OB 2.0 signed assertions) and of `../shared/fixtures/external/`, each with the
documents and the clock under which it verifies (`valid`, or `revoked` for the revoked ones).
`variants(fixture)` yields `(name, content, documents)` for each tampered copy; every one must verify as
anything but `valid`. The JSON-LD part is also usable alone: `jsonld_variants(document)` yields
`(name, document)` pairs (changed, added, removed and aliased properties, redefined terms, swapped and
broken proofs, re-signed by another key), as the canonicalization tests need.

Alias variants rename a key to its full IRI, to a compact IRI, to a new context term for the same IRI, or
to the keyword it stands for, with the value written so that the RDF stays the same (when the term's
definition allows it); those are the variants a signature cannot catch and the alias rule must.
"""

from __future__ import annotations

import copy
import json
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from credwallet.verify.jose import decode_unverified
from credwallet.verify.keys import b64url
from credwallet.verify.signing import (
    did_key_method,
    ed25519_key_from_seed,
    sign_data_integrity,
    sign_jws,
)
from tests.conftest import EXTERNAL, SAMPLE_DATA

Path_ = tuple[str | int, ...]
ATTACKER_KEY = ed25519_key_from_seed(b"credwallet tamper suite attacker")
ATTACKER_HOST = "https://attacker.example"
SAMPLE_NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
EXTERNAL_NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
SAMPLE_IDENTITIES = ["alex.morgan@example.org"]
# Signed external fixtures that cannot be made to verify: their issuer is a urn (no document can bind a
# key to it), or their context is not bundled, or their proof suite is not supported.
TESTLIST_URL = (
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)


@dataclass(slots=True)
class SignedFixture:
    """A signed credential and what it verifies against: `content` is a JSON-LD dict or a compact JWS."""

    name: str
    kind: str  # jsonld | vc-jwt | ob2-jws
    content: dict[str, Any] | str
    documents: dict[str, Any] = field(default_factory=dict)
    now: datetime = EXTERNAL_NOW
    identities: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- paths


def _get(value: Any, path: Path_) -> Any:
    for step in path:
        value = value[step]
    return value


def _with(document: Any, path: Path_, new: Any) -> Any:
    copied = copy.deepcopy(document)
    parent = _get(copied, path[:-1])
    parent[path[-1]] = new
    return copied


def _without(document: Any, path: Path_) -> Any:
    copied = copy.deepcopy(document)
    parent = _get(copied, path[:-1])
    del parent[path[-1]]
    return copied


def _label(path: Path_) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".") or "$"


def _objects(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Every JSON object in `value` (depth first), outside `@context` values."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            if key != "@context":
                yield from _objects(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _objects(item, (*path, index))


def _changed(value: Any) -> Any:
    """A different value of the same JSON type (a later date for a date)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        if len(value) >= 4 and value[:4].isdigit():
            return str(int(value[:4]) + 7) + value[4:]
        if value.startswith(("did:", "http", "urn:")):
            return value[:-1] + ("x" if value[-1:] != "x" else "y")
        return value + " (forged)"
    if value is None:
        return "forged"
    return None


# ------------------------------------------------------------------------------------ term definitions


class _Contexts:
    """The term definitions that apply to each node object of one document (via pyld's context processing)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        from pyld import jsonld
        from pyld.context_resolver import ContextResolver

        from credwallet.jsonld import document_loader

        loader = document_loader()
        self.processor = jsonld.JsonLdProcessor()
        self.options: dict[str, Any] = {
            "base": None,
            "documentLoader": loader,
            "contextResolver": ContextResolver(jsonld._resolved_context_cache, loader),
            "processingMode": "json-ld-1.1",
        }
        self.root = self.processor._get_initial_context(self.options)
        self.by_path: dict[Path_, Any] = {}
        try:
            self._walk(document, (), self.root)
        except Exception:  # a context pyld refuses: no alias variants for this document
            self.by_path.clear()

    def _process(self, active: Any, local: Any, override: bool = False) -> Any:
        return self.processor._process_context(active, local, self.options, override_protected=override)

    def _walk(self, node: Any, path: Path_, inherited: Any) -> None:
        if isinstance(node, list):
            for index, item in enumerate(node):
                self._walk(item, (*path, index), inherited)
            return
        if not isinstance(node, dict):
            return
        active = self._process(inherited, node["@context"]) if "@context" in node else inherited
        own = active
        types = node.get("type", node.get("@type"))
        for type_name in sorted(types if isinstance(types, list) else [types] if isinstance(types, str) else []):
            definition = own["mappings"].get(type_name)
            if definition and "@context" in definition:
                own = self._process(own, definition["@context"])
        self.by_path[path] = own
        for key, value in node.items():
            if key == "@context" or not isinstance(value, dict | list):
                continue
            definition = own["mappings"].get(key) or {}
            child = active
            if "@context" in definition:
                child = self._process(active, definition["@context"], override=True)
            self._walk(value, (*path, key), child)

    def definition(self, path: Path_, key: str) -> dict[str, Any] | None:
        active = self.by_path.get(path)
        if active is None:
            return None
        found = active["mappings"].get(key)
        return found if found and isinstance(found.get("@id"), str) else None

    def prefix_for(self, path: Path_, iri: str) -> str | None:
        """A compact IRI `prefix:rest` for `iri` from a prefix term of the node's context, if one exists."""
        active = self.by_path.get(path)
        if active is None:
            return None
        for term, definition in sorted(active["mappings"].items()):
            base = definition.get("@id") if definition else None
            if (
                definition
                and definition.get("_prefix")
                and isinstance(base, str)
                and iri.startswith(base)
                and len(iri) > len(base)
                and ":" not in term
            ):
                return f"{term}:{iri[len(base):]}"
        return None


def _expanded_value(value: Any, definition: Mapping[str, Any]) -> Any:
    """`value` written so that it means the same under the term's IRI as under the term (None: cannot)."""
    container = definition.get("@container") or []
    if any(kind in container for kind in ("@graph", "@language", "@index", "@id", "@type")):
        return None
    coercion = definition.get("@type")
    language = definition.get("@language")

    def one(item: Any) -> Any:
        if isinstance(item, dict) or not isinstance(item, str | int | float | bool):
            return item
        if coercion == "@json":
            return {"@value": item, "@type": "@json"}
        if not isinstance(item, str):
            return item
        if coercion == "@id":
            return {"@id": item}
        if coercion == "@vocab":
            return None
        if isinstance(coercion, str):
            return {"@value": item, "@type": coercion}
        if isinstance(language, str):
            return {"@value": item, "@language": language}
        return item

    items = value if isinstance(value, list) else [value]
    converted = [one(item) for item in items]
    if any(item is None for item in converted):
        return None
    if "@list" in container:
        return {"@list": converted}
    return converted if isinstance(value, list) else converted[0]


def _add_context(document: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    contexts = document.get("@context")
    listed = contexts if isinstance(contexts, list) else [contexts] if contexts is not None else []
    document["@context"] = [*listed, entry]
    return document


def _alias_variants(
    document: dict[str, Any], contexts: _Contexts, path: Path_, key: str, value: Any
) -> Iterator[tuple[str, dict[str, Any]]]:
    where = _label((*path, key))
    if key in ("id", "type"):
        keyword = "@" + key
        yield f"alias {where} -> {keyword}", _renamed(document, path, key, keyword, value)
    definition = contexts.definition(path, key)
    if definition is None or definition["@id"].startswith("@"):
        return
    iri = definition["@id"]
    written = _expanded_value(value, definition)
    if written is not None:
        yield f"alias {where} -> IRI {iri}", _renamed(document, path, key, iri, written)
        compact = contexts.prefix_for(path, iri)
        if compact is not None:
            yield f"alias {where} -> {compact}", _renamed(document, path, key, compact, written)
        namespace = iri[: max(iri.rfind("#"), iri.rfind("/")) + 1]
        if namespace and namespace != iri:
            renamed = _renamed(document, path, key, "tamperns:" + iri[len(namespace) :], written)
            yield f"alias {where} -> tamperns: compact IRI", _add_context(renamed, {"tamperns": namespace})
    alias_definition = {k: v for k, v in definition.items() if k in ("@id", "@type", "@container", "@context")}
    if "@container" in alias_definition:
        container = [c for c in alias_definition["@container"] if c != "@set"]
        alias_definition["@container"] = container[0] if len(container) == 1 else container or "@set"
    renamed = _renamed(document, path, key, "tamperAlias", value)
    yield f"alias {where} -> new term", _add_context(renamed, {"tamperAlias": alias_definition})


def _renamed(document: dict[str, Any], path: Path_, key: str, new_key: str, value: Any) -> dict[str, Any]:
    copied = copy.deepcopy(document)
    node = _get(copied, path)
    del node[key]
    node[new_key] = value
    return copied


# ------------------------------------------------------------------------------------ JSON-LD variants


def _proofs(document: Mapping[str, Any]) -> list[Any]:
    proof = document.get("proof")
    return proof if isinstance(proof, list) else [proof] if proof is not None else []


def jsonld_variants(
    document: dict[str, Any], *, others: list[dict[str, Any]] | None = None, resign: bool = True
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Tampered copies of a signed JSON-LD credential, each named for what it changed.

    With several proofs (a proof set or chain) each proof stands on its own, so an edit to one proof while
    another still verifies is no tamper; proof edits are then made to every proof at once.
    """
    contexts = _Contexts(document)
    proof_set = len(_proofs(document)) > 1
    redefined: set[str] = set()
    for path, node in list(_objects(document)):
        in_proof = bool(path) and path[0] == "proof"
        if in_proof and proof_set:
            continue
        for key, value in node.items():
            if key == "@context":
                continue
            where = _label((*path, key))
            yield f"remove {where}", _without(document, (*path, key))
            if isinstance(value, str | int | float | bool) or value is None:
                yield f"change {where}", _with(document, (*path, key), _changed(value))
            elif isinstance(value, list) and value and not isinstance(value[0], dict | list):
                yield f"change {where}[0]", _with(document, (*path, key, 0), _changed(value[0]))
                yield f"add to {where}", _with(document, (*path, key), [*value, _changed(value[0])])
            elif isinstance(value, list) and len(value) > 1 and not (key == "proof" and not path):
                for index in range(len(value)):
                    yield f"remove {where}[{index}]", _without(document, (*path, key, index))
            if key.startswith("@"):
                continue
            yield from _alias_variants(document, contexts, path, key, value)
            if not in_proof and key not in redefined and contexts.definition(path, key) is not None:
                redefined.add(key)
                changed = _add_context(copy.deepcopy(document), {key: f"{ATTACKER_HOST}/ns#{key}"})
                yield f"redefine the term {key}", changed
        if not in_proof and "@value" not in node:
            for name in ("name", "description"):
                if name not in node:
                    yield f"add {_label((*path, name))}", _with(document, (*path, name), "Forged")
                    break
    if proof_set:
        yield from _every_proof_variants(document, contexts)
    yield from _top_level_variants(document)
    yield from _proof_variants(document, others or [], resign=resign)


def _every_proof_variants(document: dict[str, Any], contexts: _Contexts) -> Iterator[tuple[str, dict[str, Any]]]:
    """The same edit made to every proof of a proof set (or chain), for each key every proof has (an edit to a
    key only some proofs have leaves the others whole: no tamper while one of them still verifies)."""
    proofs = [p for p in _proofs(document) if isinstance(p, dict)]
    shared = set.intersection(*(set(proof) for proof in proofs)) if proofs else set()
    keys = sorted(key for key in shared if key != "@context")

    def edited(change: Any) -> dict[str, Any]:
        return {**document, "proof": [change(copy.deepcopy(proof)) for proof in proofs]}

    for key in keys:
        yield f"remove every proof's {key}", edited(lambda p, k=key: {n: v for n, v in p.items() if n != k})
        yield f"change every proof's {key}", edited(
            lambda p, k=key: {**p, k: _changed(p[k])} if k in p else p
        )
        for index, proof in enumerate(proofs):
            if key in proof:
                for name, variant in _alias_variants(document, contexts, ("proof", index), key, proof[key]):
                    yield f"every proof: {name.replace(f'proof[{index}].', '')}", _alias_in_every_proof(
                        document, proofs, index, key, variant
                    )
                break


def _alias_in_every_proof(
    document: dict[str, Any], proofs: list[dict[str, Any]], index: int, key: str, variant: dict[str, Any]
) -> dict[str, Any]:
    """`variant` (proof `index` with `key` renamed) with the same key renamed in every other proof too."""
    aliased = _get(variant, ("proof", index))
    new_key = next(k for k in aliased if k not in proofs[index])
    renamed = []
    for position, proof in enumerate(proofs):
        if position == index:
            renamed.append(aliased)
        elif key in proof:
            renamed.append({**{k: v for k, v in proof.items() if k != key}, new_key: proof[key]})
        else:
            renamed.append(proof)
    return {**document, "@context": variant.get("@context"), "proof": renamed}


def _top_level_variants(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    v1 = "https://www.w3.org/2018/credentials/v1" in json.dumps(document.get("@context"))
    end = "expirationDate" if v1 else "validUntil"
    for key, value in (
        (end, "2099-01-01T00:00:00Z"),
        ("credentialStatus", {
            "id": f"{ATTACKER_HOST}/status#1", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": "1", "statusListCredential": f"{ATTACKER_HOST}/status",
        }),
        ("evidence", [{"id": f"{ATTACKER_HOST}/evidence", "type": ["Evidence"], "name": "Forged evidence"}]),
    ):  # fmt: skip
        if key not in document:
            yield f"add {key}", _with(document, (key,), value)
    contexts = document.get("@context")
    if isinstance(contexts, list) and len(contexts) > 1:
        yield "reorder @context", _with(document, ("@context",), [contexts[-1], *contexts[:-1]])
        yield "drop the last @context", _with(document, ("@context",), contexts[:-1])


def _proof_variants(
    document: dict[str, Any], others: list[dict[str, Any]], *, resign: bool
) -> Iterator[tuple[str, dict[str, Any]]]:
    proofs = _proofs(document)
    if not proofs:
        return
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    yield "remove every proof", unsigned
    first = proofs[0]

    def flip(text: str) -> str:
        return text[:-2] + ("A" if text[-2:-1] != "A" else "B") + text[-1:]

    def each(change: Any) -> dict[str, Any]:
        """`change` made to every proof (one proof of a set is no tamper while another still verifies)."""
        changed = [change(dict(p)) if isinstance(p, dict) else p for p in proofs]
        return {**document, "proof": changed if isinstance(document.get("proof"), list) else changed[0]}

    yield "flip a proofValue character", each(lambda p: {**p, "proofValue": flip(str(p.get("proofValue", "")))})
    yield "truncate proofValue", each(lambda p: {**p, "proofValue": str(p.get("proofValue", ""))[:-4]})
    yield "verificationMethod -> attacker did:key", each(
        lambda p: {**p, "verificationMethod": did_key_method(ATTACKER_KEY)}
    )
    yield "proofPurpose -> authentication", each(lambda p: {**p, "proofPurpose": "authentication"})
    if isinstance(first, dict) and first.get("type") == "DataIntegrityProof":
        suite = "eddsa-jcs-2022" if first.get("cryptosuite") != "eddsa-jcs-2022" else "eddsa-rdfc-2022"
        yield f"cryptosuite -> {suite}", each(lambda p: {**p, "cryptosuite": suite})
    if len(proofs) == 1 and isinstance(first, dict):
        broken = {**first, "proofValue": flip(str(first.get("proofValue", "")))}
        yield "duplicate the proof with a broken copy", {**document, "proof": [first, broken]}
    for index, other in enumerate(others):
        other_proofs = _proofs(other)
        if other_proofs and other is not document:
            yield f"proof swapped with another credential's ({index})", {**document, "proof": other_proofs[0]}
    if not resign:
        return
    issuer = document.get("issuer")
    yield "re-signed by the attacker, issuer kept", _attacker_signed(unsigned)
    forged = _with(unsigned, ("validUntil",), "2099-01-01T00:00:00Z")
    yield "re-signed by the attacker after extending validUntil", _attacker_signed(forged)
    yield "attacker's proof appended to the issuer's", _attacker_signed(document)
    for index, other in enumerate(others):
        other_issuer = other.get("issuer")
        if other_issuer and other_issuer != issuer:
            swapped = {**document, "issuer": other_issuer}
            yield f"issuer swapped with another credential's ({index}), proof kept", swapped
            resigned = _attacker_signed({k: v for k, v in swapped.items() if k != "proof"})
            yield f"issuer swapped ({index}), re-signed by the attacker", resigned
            break
    if len(proofs) == 1 and isinstance(first, dict):
        attacker_proof = _proofs(_attacker_signed(unsigned))[0]
        yield "attacker's signature under the issuer's method", _replace_proof(
            document, {**attacker_proof, "verificationMethod": _method_of(first)}
        )


def _attacker_signed(document: Mapping[str, Any]) -> dict[str, Any]:
    """`document` signed by the attacker (eddsa-rdfc-2022, or eddsa-jcs-2022 when its contexts lack the Data
    Integrity terms, as VC 1.1 credentials with Ed25519Signature2020 do)."""
    from credwallet.verify.canon import CanonicalizationError

    try:
        return sign_data_integrity(document, ATTACKER_KEY)
    except CanonicalizationError:
        return sign_data_integrity(document, ATTACKER_KEY, cryptosuite="eddsa-jcs-2022")


def _method_of(proof: Mapping[str, Any]) -> str:
    return str(proof.get("verificationMethod", ""))


def _replace_proof(document: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any]:
    proofs = _proofs(document)
    rest = proofs[1:] if len(proofs) > 1 else []
    return {**document, "proof": [proof, *rest] if isinstance(document.get("proof"), list) else proof}


# --------------------------------------------------------------------------------------- token variants


def _encode(part: Mapping[str, Any]) -> str:
    return b64url(json.dumps(part, separators=(",", ":")).encode("utf-8"))


def _tokens_with_payload(token: str, payload: Mapping[str, Any]) -> str:
    header, _, signature = token.split(".")
    return f"{header}.{_encode(payload)}.{signature}"


def _leaf_paths(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaf_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaf_paths(item, (*path, index))
    else:
        yield path


def token_variants(token: str, *, attacker_key: Any = ATTACKER_KEY) -> Iterator[tuple[str, str]]:
    """Tampered copies of a compact JWS: payload edits kept under the old signature, header and signature
    attacks, and tokens re-signed by the attacker (under its own key id, or the issuer's)."""
    header, payload = decode_unverified(token)
    for path in _leaf_paths(payload):
        if path:
            changed = _with(payload, path, _changed(_get(payload, path)))
            yield f"change {_label(path)}", _tokens_with_payload(token, changed)
    for path, node in _objects(payload):
        for key in node:
            yield f"remove {_label((*path, key))}", _tokens_with_payload(token, _without(payload, (*path, key)))
    yield "add exp far away", _tokens_with_payload(token, {**payload, "exp": 4102444800})
    head, body, signature = token.split(".")
    yield "alg none, no signature", f"{_encode({**header, 'alg': 'none'})}.{body}."
    yield "alg none, signature kept", f"{_encode({**header, 'alg': 'none'})}.{body}.{signature}"
    yield "alg HS256 keyed with the public key", _hs256(header, payload)
    yield "signature removed", f"{head}.{body}."
    yield "signature truncated", f"{head}.{body}.{signature[:-6]}"
    flipped = signature[:-2] + ("A" if signature[-2:-1] != "A" else "B") + signature[-1:]
    yield "signature character flipped", f"{head}.{body}.{flipped}"
    yield "header kid -> attacker", f"{_encode({**header, 'kid': did_key_method(attacker_key)})}.{body}.{signature}"
    resigned_header = {k: v for k, v in header.items() if k != "alg"}
    yield "re-signed by the attacker, header kept", sign_jws(payload, attacker_key, header=resigned_header)
    yield "re-signed by the attacker under its own kid", sign_jws(
        payload, attacker_key, header={**resigned_header, "kid": did_key_method(attacker_key)}
    )
    from credwallet.verify.signing import public_jwk

    with_jwk = {k: v for k, v in resigned_header.items() if k != "kid"} | {"jwk": public_jwk(attacker_key)}
    yield "re-signed by the attacker with its jwk in the header", sign_jws(payload, attacker_key, header=with_jwk)


def _hs256(header: Mapping[str, Any], payload: Mapping[str, Any]) -> str:
    import hashlib
    import hmac

    head = _encode({**header, "alg": "HS256"})
    body = _encode(payload)
    secret = json.dumps(header.get("jwk") or {}, sort_keys=True).encode("utf-8") + str(header.get("kid")).encode()
    signature = hmac.new(secret, f"{head}.{body}".encode("ascii"), hashlib.sha256).digest()
    return f"{head}.{body}.{b64url(signature)}"


# ------------------------------------------------------------------------------- OB 2.0 key forgeries


@cache
def attacker_rsa_key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _attacker_pem() -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return attacker_rsa_key().public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


def _attacker_key_document(owner: str, key_id: str = f"{ATTACKER_HOST}/key.json") -> dict[str, Any]:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "id": key_id,
        "type": "CryptographicKey",
        "owner": owner,
        "publicKeyPem": _attacker_pem(),
    }


def ob2_forgeries(
    token: str, documents: Mapping[str, Any]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """OB 2.0 signed assertions re-signed by an attacker who names the real issuer, each with the documents
    an attacker can serve from its own host (the issuer's documents stay what the issuer publishes)."""
    _, assertion = decode_unverified(token)
    from credwallet.verify.signing import sign_ob2_assertion

    badge = assertion.get("badge")
    badge_class = badge if isinstance(badge, dict) else documents.get(str(badge))
    if not isinstance(badge_class, dict):
        return
    issuer = badge_class.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    issuer_profile = documents.get(str(issuer_id)) or (issuer if isinstance(issuer, dict) else {})
    key_url = f"{ATTACKER_HOST}/key.json"
    attacker_docs = {key_url: _attacker_key_document(str(issuer_id))}

    def signed(payload: dict[str, Any]) -> str:
        return sign_ob2_assertion(payload, attacker_rsa_key())

    def with_issuer(issuer_value: Any, creator: str | None = key_url, badge_id: Any = None) -> dict[str, Any]:
        forged_badge = dict(badge_class)
        forged_badge["issuer"] = issuer_value
        if badge_id is not None:
            forged_badge["id"] = badge_id
        verification: dict[str, Any] = {"type": "SignedBadge"}
        if creator is not None:
            verification["creator"] = creator
        return {**assertion, "badge": forged_badge, "verification": verification}

    embedded = {**issuer_profile, "id": issuer_id, "publicKey": key_url}
    yield "embedded issuer lists the attacker's key URL", signed(with_issuer(embedded)), attacker_docs
    embedded_object = {**issuer_profile, "id": issuer_id, "publicKey": [_attacker_key_document(str(issuer_id))]}
    yield "embedded issuer embeds the attacker's key", signed(with_issuer(embedded_object)), attacker_docs
    yield (
        "embedded issuer embeds the attacker's key, no creator",
        signed(with_issuer(embedded_object, creator=None)),
        attacker_docs,
    )
    yield "creator is the attacker's key, issuer by URL", signed(with_issuer(issuer_id)), attacker_docs
    forged_class_url = f"{ATTACKER_HOST}/badge.json"
    forged_class = {**badge_class, "id": forged_class_url, "issuer": issuer_id}
    yield (
        "badge class hosted by the attacker names the issuer",
        signed({**with_issuer(issuer_id), "badge": forged_class_url}),
        {**attacker_docs, forged_class_url: forged_class},
    )
    profile_url = f"{ATTACKER_HOST}/issuer.json"
    attacker_profile = {
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": profile_url,
        "name": issuer_profile.get("name", "Issuer"), "url": ATTACKER_HOST, "email": "x@attacker.example",
        "publicKey": key_url,
    }  # fmt: skip
    own_key = _attacker_key_document(profile_url)
    yield (
        "badge class keeps the issuer's id but names the attacker's profile",
        signed(with_issuer(profile_url, badge_id=badge_class.get("id"))),
        {key_url: own_key, profile_url: attacker_profile},
    )
    yield (
        "attacker's profile claims the issuer's id",
        signed(with_issuer(profile_url)),
        {key_url: _attacker_key_document(str(issuer_id)), profile_url: {**attacker_profile, "id": issuer_id}},
    )
    listed = issuer_profile.get("publicKey")
    real_key = listed if isinstance(listed, str) else None
    if real_key:
        yield (
            "attacker's key document claims the issuer's key id",
            signed(with_issuer(issuer_id, creator=key_url)),
            {key_url: _attacker_key_document(str(issuer_id), key_id=real_key)},
        )
        yield (
            "creator names the issuer's key, signed by the attacker",
            signed(with_issuer(issuer_id, creator=real_key)),
            {},
        )


# ------------------------------------------------------------------------------------------- fixtures


def _documents_folder(root: Path) -> dict[str, Any]:
    """`HOST/PATH` files (the `--documents` layout) as the URLs they answer."""
    documents: dict[str, Any] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            try:
                documents["https://" + path.relative_to(root).as_posix()] = json.loads(path.read_text("utf-8"))
            except ValueError:
                continue
    return documents


def _served_documents() -> dict[str, Any]:
    documents: dict[str, Any] = {}
    for path in sorted((EXTERNAL / "ob2" / "1edtech-validator" / "assets").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        documents[document["id"]] = document
    testlist = EXTERNAL / "ob3" / "1edtech-validator" / "bit-string-list" / "testlist"
    if testlist.is_file():
        documents[TESTLIST_URL] = json.loads(testlist.read_text(encoding="utf-8"))
    return documents


def _key_documents(document: Mapping[str, Any]) -> dict[str, Any]:
    """Issuer (controller) documents that authorize each proof's key, and an empty 1EdTech revocation list, for a
    credential whose issuer has a fetchable id: what the issuer would publish, so the untampered credential
    verifies."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
    if not isinstance(issuer_id, str) or not issuer_id.startswith(("https://", "http://", "did:web:")):
        return {}
    methods = [str(p.get("verificationMethod")) for p in _proofs(document) if isinstance(p, Mapping)]
    entries = []
    for method in methods:
        fragment = method.partition("#")[2]
        if method.startswith("did:key:"):
            fragment = method.partition("#")[0][len("did:key:") :]
        if fragment.startswith("z6Mk"):
            entries.append({"id": method, "type": "Multikey", "controller": issuer_id, "publicKeyMultibase": fragment})
    if not entries:
        return {}
    controller = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": issuer_id,
        "verificationMethod": entries,
        "assertionMethod": [entry["id"] for entry in entries],
    }
    documents: dict[str, Any] = {issuer_id: controller}
    entries_ = document.get("credentialStatus")
    for entry in entries_ if isinstance(entries_, list) else [entries_]:
        if isinstance(entry, Mapping) and entry.get("type") == "1EdTechRevocationList" and entry.get("id"):
            documents[str(entry["id"]).partition("#")[0]] = {"id": entry["id"], "revokedCredentials": []}
    for method in methods:
        base = method.partition("#")[0]
        if base != issuer_id and not method.startswith("did:key:"):
            documents[base] = controller | {"id": base}
    return documents


def _baked_fixtures(folder: Path) -> Iterator[SignedFixture]:
    """The signed credentials baked into sample PNG and SVG badges (a JSON-LD document or a VC-JWT)."""
    from credwallet.formats.detect import parse_bytes

    for path in sorted([*folder.glob("*.png"), *folder.glob("*.svg")]):
        for credential in parse_bytes(path.read_bytes(), source=path.name):
            name = f"sample_data/ob3/{path.name}"
            if credential.token:
                yield SignedFixture(name, "vc-jwt", credential.token, {}, SAMPLE_NOW, SAMPLE_IDENTITIES)
            elif isinstance(credential.document, dict) and "proof" in credential.document:
                yield SignedFixture(name, "jsonld", credential.document, {}, SAMPLE_NOW, SAMPLE_IDENTITIES)


def _inner_credentials(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    subject = document.get("credentialSubject")
    inner = subject.get("verifiableCredential") if isinstance(subject, Mapping) else None
    return [c for c in (inner if isinstance(inner, list) else []) if isinstance(c, dict) and "proof" in c]


def signed_fixtures(*, dcc: tuple[str, ...] | None = None) -> Iterator[SignedFixture]:
    """Every signed credential of sample_data/ and of the external fixtures that can be made to verify, and
    the DCC's real ones (`dcc`: only those, by path under verifiableCredentials; all when None)."""
    ob3 = SAMPLE_DATA / "ob3"
    for path in sorted(ob3.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        name = f"sample_data/ob3/{path.name}"
        yield SignedFixture(name, "jsonld", document, {}, SAMPLE_NOW, SAMPLE_IDENTITIES)
        for index, inner in enumerate(_inner_credentials(document)):
            yield SignedFixture(f"{name} inner {index}", "jsonld", inner, {}, SAMPLE_NOW, SAMPLE_IDENTITIES)
    for path in sorted(ob3.glob("*.jwt")):
        token = path.read_text(encoding="utf-8").strip()
        yield SignedFixture(f"sample_data/ob3/{path.name}", "vc-jwt", token, {}, SAMPLE_NOW, SAMPLE_IDENTITIES)
    yield from _baked_fixtures(ob3)
    issuer_documents = _documents_folder(SAMPLE_DATA / "issuer-documents")
    for path in sorted((SAMPLE_DATA / "ob2").glob("*.jws")):
        token = path.read_text(encoding="utf-8").strip()
        yield SignedFixture(
            f"sample_data/ob2/{path.name}", "ob2-jws", token, issuer_documents, SAMPLE_NOW, SAMPLE_IDENTITIES
        )
    yield from dcc_fixtures(dcc)
    if not EXTERNAL.is_dir():
        return
    served = _served_documents()
    for relative in EXTERNAL_JSONLD:
        document = json.loads((EXTERNAL / relative).read_text(encoding="utf-8"))
        yield SignedFixture(relative, "jsonld", document, {**served, **_key_documents(document)})
        for index, inner in enumerate(_inner_credentials(document)):
            yield SignedFixture(
                f"{relative} inner {index}", "jsonld", inner, {**served, **_key_documents(inner)}
            )
    for relative in EXTERNAL_OB2:
        token = (EXTERNAL / relative).read_text(encoding="utf-8").strip()
        yield SignedFixture(relative, "ob2-jws", token, served)


def dcc_fixtures(names: tuple[str, ...] | None = None) -> Iterator[SignedFixture]:
    """The Digital Credentials Consortium's real signed credentials (tests/real_world/dcc) that verify as
    `valid` offline (did:key issuers: VC 1.1 and 2.0; Ed25519Signature2020, eddsa-rdfc-2022, both at once)."""
    from tests.verify.test_real_world_verdicts import DCC, DCC_TABLE, NOW

    offline_valid = sorted(name for name, (offline, _) in DCC_TABLE.items() if offline.value == "valid")
    for relative in names or offline_valid:
        document = json.loads((DCC / "verifiableCredentials" / relative).read_text(encoding="utf-8"))
        yield SignedFixture(f"real_world/dcc/{relative}", "jsonld", document, {}, NOW, [])


# One DCC credential per VC version and proof kind, for the quick selection tests/verify/test_tamper.py runs.
DCC_QUICK = (
    "v1/bothSignatureTypes/didKey/legacy-noStatus-noExpiry.json",
    "v1/dataIntegrityProof/didKey/noRegistry-noStatus-noExpiry.json",
    "v1/ed25519/didKey/noRegistry-noStatus-noExpiry.json",
    "v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json",
    "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json",
    "v2/ed25519/didKey/legacy-noStatus-noExpiry.json",
)
# External signed JSON-LD credentials whose proof verifies and whose issuer has a fetchable id.
EXTERNAL_JSONLD = (
    "ob3/1edtech-validator/simple.json",
    "ob3/1edtech-validator/simple_v1.json",
    "ob3/1edtech-validator/simple-did-web-method.json",
    "ob3/1edtech-validator/simple-eddsa-2022.json",
    "ob3/1edtech-validator/simple-multiple-proofs.json",
    "ob3/1edtech-validator/simple-context-alias.json",
    "ob3/1edtech-validator/simple-context-version.json",
    "ob3/1edtech-validator/complete.json",
    "ob3/1edtech-validator/endorsement-valid.json",
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json",
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked-blank-nodes.json",
    "ob3/1edtech-spec/ldp-test-vector-signed-ob.json",
    "clr/1edtech-spec/ldp-test-vector-signed-clr.json",
    "clr/1edtech-validator/simple.json",
    "vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
    "vc-di-eddsa/eddsa-jcs-2022/signedJCS.json",
    "vc-di-eddsa/Ed25519Signature2020/signedEdSig.json",
    "vc-di-eddsa/proof-set-chain/signedProofSet2.json",
    "vc-di-eddsa/proof-set-chain/signedProofChain2.json",
)
EXTERNAL_OB2 = (
    "ob2/1edtech-validator/simple.jwt",
    "ob2/1edtech-validator/simple-not-revoked.jwt",
    "ob2/1edtech-validator/simple-revoked.jwt",
)


def tamper_variants(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """`(name, document)` for every tamper variant of a signed JSON-LD credential (what `jsonld_variants`
    gives, under the name the canonicalization tests look for)."""
    return jsonld_variants(document)


def variants(
    fixture: SignedFixture, *, others: list[dict[str, Any]] | None = None
) -> Iterator[tuple[str, dict[str, Any] | str, dict[str, Any]]]:
    """`(name, tampered content, documents)` for every tamper variant of `fixture`."""
    if isinstance(fixture.content, dict):
        for name, document in jsonld_variants(fixture.content, others=others):
            yield name, document, fixture.documents
        return
    for name, token in token_variants(fixture.content):
        yield name, token, fixture.documents
    if fixture.kind == "ob2-jws":
        for name, token, extra in ob2_forgeries(fixture.content, fixture.documents):
            yield name, token, {**fixture.documents, **extra}


# ------------------------------------------------------------------------------------------ classes

# The attack classes of issue 12, in the order the tally prints them.
VARIANT_CLASSES = ("change", "add", "remove", "alias", "context", "proof", "key", "issuer")
_CLASS_PREFIXES = (  # first match wins: the specific attacks before the generic edits
    ("alias", ("alias ", "every proof: alias ")),
    ("context", ("redefine the term ", "reorder @context", "drop the last @context")),
    ("issuer", ("issuer swapped", "badge class ", "attacker's profile ")),
    ("key", (
        "verificationMethod -> ", "header kid -> ", "re-signed by the attacker", "attacker's proof appended",
        "attacker's signature under", "attacker's key document", "embedded issuer ", "creator ",
    )),
    ("proof", (
        "remove every proof\0", "flip a proofValue", "truncate proofValue", "proofPurpose -> ", "cryptosuite -> ",
        "duplicate the proof", "proof swapped", "alg ", "signature ",
    )),
    ("change", ("change ",)),
    ("add", ("add ",)),
    ("remove", ("remove ",)),
)  # fmt: skip


def variant_class(name: str) -> str:
    """The class of attack a variant belongs to (one of VARIANT_CLASSES), from its name."""
    probe = name + "\0"
    for kind, prefixes in _CLASS_PREFIXES:
        if probe.startswith(prefixes):
            return kind
    raise ValueError(f"tamper variant of no known class: {name!r}")


# --------------------------------------------------------------------------------------------- verdicts


@dataclass(slots=True)
class Outcome:
    """The tally for one fixture: variants tried, those found non-valid, no-ops, and the wrongly valid."""

    fixture: str
    base: str
    variants: int = 0
    no_ops: list[str] = field(default_factory=list)
    wrongly_valid: list[str] = field(default_factory=list)
    by_class: dict[str, int] = field(default_factory=dict)  # variants tried per VARIANT_CLASSES entry


def _unsecured_nquads(document: Mapping[str, Any]) -> str | None:
    from credwallet.verify.canon import CanonicalizationError, canonicalize

    try:
        return canonicalize({k: v for k, v in document.items() if k != "proof"})
    except CanonicalizationError:
        return None


def is_sampled(name: str, stride: int = 8) -> bool:
    """The variants a quick run keeps: every attack on the credential's own properties, proofs, keys and
    contexts, and one in `stride` edits of nested properties, chosen by a stable hash of the name."""
    verb, _, rest = name.partition(" ")
    if verb not in ("change", "remove", "alias", "add", "redefine"):
        return True
    path = rest.split(" ", 1)[0]
    if verb != "redefine" and "." not in path and "[" not in path:
        return True
    return zlib.crc32(name.encode("utf-8")) % stride == 0


# Variants that may leave the signed content as it was: a removed statement repeated elsewhere in the graph, or
# contexts reordered or dropped where no term they define is used. `valid` is right for those exactly when the
# signed N-Quads are unchanged (checked in run_fixture).
NO_OP_CANDIDATES = ("remove ", "reorder @context", "drop the last @context")


def run_fixture(fixture: SignedFixture, *, others: list[dict[str, Any]], full: bool = True) -> Outcome:
    """Verify every variant of `fixture`. A valid variant is wrong unless it is a no-op: it only removed a
    statement that is repeated elsewhere in the same graph, or reordered or dropped contexts without changing
    what any used term means, and its signed N-Quads are the base's (nothing signed was changed, and the term
    rules hold)."""
    from credwallet.verify import verify_document

    def verdict(content: dict[str, Any] | str, documents: dict[str, Any]) -> str:
        report = verify_document(content, now=fixture.now, identities=fixture.identities, did_documents=documents)
        return report.status.value

    outcome = Outcome(fixture.name, verdict(fixture.content, fixture.documents))
    base_nquads: str | None = None
    for name, content, documents in variants(fixture, others=others):
        if not full and not is_sampled(name):
            continue
        outcome.variants += 1
        kind = variant_class(name)
        outcome.by_class[kind] = outcome.by_class.get(kind, 0) + 1
        if verdict(content, documents) != "valid":
            continue
        if isinstance(content, dict) and isinstance(fixture.content, dict) and name.startswith(NO_OP_CANDIDATES):
            base_nquads = base_nquads or _unsecured_nquads(fixture.content)
            if base_nquads is not None and _unsecured_nquads(content) == base_nquads:
                outcome.no_ops.append(name)
                continue
        outcome.wrongly_valid.append(name)
    return outcome


def main(argv: list[str] | None = None) -> int:
    """`python scripts/tamper_suite.py [--quick]`: every variant of every fixture, with the tally by class;
    exit status 1 when any variant is wrongly valid (or a source credential does not verify untampered)."""
    import sys
    import time

    args = sys.argv[1:] if argv is None else argv
    full = "--quick" not in args
    fixtures = list(signed_fixtures(dcc=None if full else DCC_QUICK))
    others = [f.content for f in fixtures if isinstance(f.content, dict)][:3]
    totals = Outcome("all", "")
    wrong_by_class: dict[str, int] = {}
    bad_bases: list[str] = []
    started = time.perf_counter()
    for fixture in fixtures:
        outcome = run_fixture(fixture, others=others, full=full)
        if outcome.base not in ("valid", "revoked"):
            bad_bases.append(f"{fixture.name} is {outcome.base} untampered")
        totals.variants += outcome.variants
        totals.no_ops += outcome.no_ops
        totals.wrongly_valid += [f"{fixture.name}: {name}" for name in outcome.wrongly_valid]
        for kind, count in outcome.by_class.items():
            totals.by_class[kind] = totals.by_class.get(kind, 0) + count
        for name in outcome.wrongly_valid:
            wrong_by_class[variant_class(name)] = wrong_by_class.get(variant_class(name), 0) + 1
        print(
            f"{outcome.base:10} {outcome.variants:5} variants {len(outcome.no_ops):4} no-ops "
            f"{len(outcome.wrongly_valid):3} wrongly valid  {fixture.name}",
            flush=True,
        )
    sources = {fixture.name.split(" inner ")[0] for fixture in fixtures}
    kinds = sorted({fixture.kind for fixture in fixtures})
    print(
        f"\n{len(fixtures)} signed credentials ({len(sources)} source files, "
        f"{sum(f.name.startswith('sample_data/') for f in fixtures)} from sample_data/; kinds: {', '.join(kinds)})"
        f"{'' if full else ', quick selection'}"
    )
    print(f"{'class':8} {'variants':>9} {'wrongly valid':>14}")
    for kind in VARIANT_CLASSES:
        print(f"{kind:8} {totals.by_class.get(kind, 0):9} {wrong_by_class.get(kind, 0):14}")
    print(f"{'total':8} {totals.variants:9} {len(totals.wrongly_valid):14}")
    print(
        f"{len(totals.no_ops)} no-ops (a repeated statement removed or an unused context dropped: signed N-Quads "
        "unchanged, so valid is right); "
        f"{time.perf_counter() - started:.0f} s"
    )
    for line in bad_bases:
        print("  SOURCE NOT VERIFIED", line)
    for line in totals.wrongly_valid:
        print("  WRONGLY VALID", line)
    return 1 if totals.wrongly_valid or bad_bases else 0


if __name__ == "__main__":
    raise SystemExit(main())

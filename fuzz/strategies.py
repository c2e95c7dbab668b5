"""Hypothesis strategies for every fuzz target: mutants of the real seed files, and documents built from
scratch out of the values that have broken readers before. The CI smoke test draws from these."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from fuzz.mutate import INTERESTING_KEYS, NASTY_NUMBERS, NASTY_STRINGS, serialize
from fuzz.targets import TARGETS

VC_CONTEXTS = [
    ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "https://w3id.org/openbadges/v2",
]
TYPES = [["VerifiableCredential", "OpenBadgeCredential"], ["VerifiableCredential", "ClrCredential"], "Assertion"]
CREDENTIAL_KEYS = (
    "id", "issuer", "credentialSubject", "validFrom", "validUntil", "proof", "credentialStatus", "name", "badge",
    "recipient", "issuedOn", "expires", "verification", "evidence", "image",
)  # fmt: skip


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, biased towards the strings, numbers and keys that matter to badge readers."""
    leaves = (
        st.none()
        | st.booleans()
        | st.sampled_from(NASTY_NUMBERS)
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.sampled_from(NASTY_STRINGS)
        | st.text(max_size=20)
    )
    keys = st.sampled_from(INTERESTING_KEYS) | st.text(max_size=8)
    return st.recursive(
        leaves,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
        max_leaves=25,
    )


def credential_like() -> st.SearchStrategy[dict[str, Any]]:
    """Objects shaped like a credential or assertion (so parsing gets past detection) with arbitrary fields."""
    return st.fixed_dictionaries(
        {"@context": st.sampled_from(VC_CONTEXTS), "type": st.sampled_from(TYPES)},
        optional={key: json_values() for key in CREDENTIAL_KEYS},
    )


def mutants(target: str) -> st.SearchStrategy[bytes]:
    """A real seed of `target`, changed by the structure-aware mutator with a hypothesis-chosen random."""
    chosen = TARGETS[target]
    seeds = chosen.seeds()

    def mutate(seed: bytes, rng: Any) -> bytes:
        try:
            return chosen.mutate(seed, rng, []) or seed
        except (RecursionError, ValueError):
            return seed

    return st.builds(mutate, st.sampled_from(seeds), st.randoms(use_true_random=False))


def built(target: str) -> st.SearchStrategy[bytes]:
    """Inputs for `target` built from scratch (credential-shaped JSON in the target's input form)."""

    def encode(document: dict[str, Any], rng: Any, mode: int) -> bytes:
        body = serialize(document, rng)
        if target in ("json", "jsonld", "clr"):
            return body
        if target == "jws":
            return b"\x01" + json.dumps({"alg": "EdDSA", "typ": "JWT"}).encode() + b"\n" + body
        return bytes([mode]) + body

    return st.builds(encode, credential_like(), st.randoms(use_true_random=False), st.integers(0, 3))


def inputs(target: str) -> st.SearchStrategy[bytes]:
    return mutants(target) | built(target)

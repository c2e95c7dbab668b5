"""Structure-aware mutation of badge documents: values a hostile or broken issuer could put anywhere.

Byte-level mutation (libFuzzer's) rarely gets past a JSON parser; these mutations keep the document JSON and
change what is inside it. Used by the atheris custom mutator and by the hypothesis strategies alike.
"""

from __future__ import annotations

import json
import random
from collections import deque
from typing import Any

# Values that broke, or could break, a reader: lone surrogates, numbers beyond a double, calendar edges,
# wrong types, control characters, odd IRIs and JSON-LD keywords, long and deep values.
NASTY_STRINGS = (
    "\ud800", "x\udfffy", "\udbff\udfff", "\x00", "\u202e", "\ufeff", "", " ", "\n\r\t",
    "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0000-00-00", "2025-02-30T25:61:61Z",
    "2025-01-01T00:00:00+99:99", "-999999-01-01", "1e400", "NaN", "-0", "Infinity",
    "did:key:z", "did:web:", "did:key:z6Mk", "urn:uuid:", "_:b0", "https://", "http://127.0.0.1/", "../../etc",
    "data:,", "data:image/png;base64,!!", "ftp://x", "@context", "@id", "@type", "@vocab", "@graph",
    "sha256$", "md5$x", "sha256$" + "0" * 64, "a" * 5000, "é" * 300, "eyJ.eyJ.x", "ey" + "A" * 100 + "..",
    "z" + "1" * 80, "u" + "A" * 80,
)  # fmt: skip
NASTY_NUMBERS = (0, -1, 1, 2**31, 2**53 + 1, 2**63, 2**64, 10**30, -(10**30), 1.5, -0.0, 1e308, 5e-324)
INTERESTING_KEYS = (
    "@context", "@id", "@type", "@vocab", "@protected", "@graph", "@list", "@set", "@reverse", "@included",
    "@nest", "@value", "@language", "@json", "@base", "@import", "@propagate", "@container",
    "id", "type", "issuer", "credentialSubject", "validFrom", "validUntil", "issuanceDate", "expirationDate",
    "proof", "credentialStatus", "verifiableCredential", "achievement", "alignment", "evidence", "endorsement",
    "endorsementJwt", "identifier", "identityHash", "recipient", "badge", "verification", "issuedOn",
    "expires", "publicKey", "verificationMethod", "proofValue", "cryptosuite", "jwk", "alg", "kid", "vc",
    "nbf", "exp", "iss", "sub", "jti", "credits", "creditsEarned", "result", "resultDescription", "image",
    "format", "version", "credentials", "files", "profile", "original", "normalized", "parent_id",
)  # fmt: skip


def nasty_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(10)
    if choice < 4:
        return rng.choice(NASTY_STRINGS)
    if choice < 6:
        return rng.choice(NASTY_NUMBERS)
    if choice == 6:
        return rng.choice((None, True, False, [], {}))
    if choice == 7 and depth < 3:
        return [nasty_value(rng, depth + 1) for _ in range(rng.randrange(1, 4))]
    if choice == 8 and depth < 3:
        return {rng.choice(INTERESTING_KEYS): nasty_value(rng, depth + 1) for _ in range(rng.randrange(1, 3))}
    return _deep(rng.randrange(1, 80))


def _deep(levels: int) -> Any:
    value: Any = "leaf"
    for index in range(levels):
        value = [value] if index % 2 else {"n": value}
    return value


def _slots(node: Any, found: list[tuple[Any, Any]], budget: int = 2000) -> None:
    """(container, key or index) of every value in the document, breadth-first up to `budget` slots."""
    queue = deque([node])
    while queue and len(found) < budget:
        current = queue.popleft()
        if isinstance(current, dict):
            for key, value in current.items():
                found.append((current, key))
                queue.append(value)
        elif isinstance(current, list):
            for index, value in enumerate(current):
                found.append((current, index))
                queue.append(value)


def mutate_document(document: Any, rng: random.Random, donors: list[Any] | None = None, *, copy: bool = True) -> Any:
    """One to three structural changes to a JSON value (to a copy of it unless `copy` is False)."""
    if copy:
        document = json.loads(json.dumps(document))
    for _ in range(rng.randrange(1, 4)):
        slots: list[tuple[Any, Any]] = []
        _slots(document, slots)
        if not slots:
            return nasty_value(rng)
        container, key = rng.choice(slots)
        value = container[key]
        operation = rng.randrange(9)
        if operation == 0:
            container[key] = nasty_value(rng)
        elif operation == 1 and isinstance(container, dict):
            del container[key]
        elif operation == 2:
            container[key] = [value] * rng.choice((2, 3, 50, 300))
        elif operation == 3:
            container[key] = {rng.choice(INTERESTING_KEYS): value}
        elif operation == 4 and isinstance(value, dict):
            value[rng.choice(INTERESTING_KEYS)] = nasty_value(rng)
        elif operation == 5 and donors:
            _, donor_slot = _donor_value(rng.choice(donors), rng)
            container[key] = donor_slot
        elif operation == 6 and isinstance(value, str):
            container[key] = _mangle_text(value, rng)
        elif operation == 7 and isinstance(container, dict):
            container[rng.choice(INTERESTING_KEYS)] = value
        else:
            container[key] = rng.choice(NASTY_STRINGS) if isinstance(value, str) else nasty_value(rng)
    return document


def _donor_value(donor: Any, rng: random.Random) -> tuple[Any, Any]:
    slots: list[tuple[Any, Any]] = []
    _slots(donor, slots, budget=500)
    if not slots:
        return None, donor
    container, key = rng.choice(slots)
    return key, json.loads(json.dumps(container[key]))


def _mangle_text(text: str, rng: random.Random) -> str:
    position = rng.randrange(len(text) + 1)
    insert = rng.choice(NASTY_STRINGS)[:40]
    operation = rng.randrange(4)
    if operation == 0:
        return text[:position] + insert + text[position:]
    if operation == 1:
        return text[:position]
    if operation == 2:
        return text * rng.choice((2, 100))
    return text.upper()


def serialize(document: Any, rng: random.Random) -> bytes:
    """JSON text in one of the shapes real files come in (compact, indented, ASCII-escaped, with a BOM)."""
    style = rng.randrange(4)
    if style == 0:
        text = json.dumps(document, separators=(",", ":"), ensure_ascii=True)
    elif style == 1:
        text = json.dumps(document, indent=2, ensure_ascii=True)
    elif style == 2:
        text = json.dumps(document, ensure_ascii=False)
    else:
        text = "\ufeff" + json.dumps(document, ensure_ascii=True)
    return text.encode("utf-8", "surrogatepass")


def mutate_json_bytes(data: bytes, rng: random.Random, donors: list[Any] | None = None) -> bytes | None:
    """A structural mutant of JSON text, or None when `data` is not JSON (the caller mutates bytes then)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return serialize(mutate_document(document, rng, donors, copy=False), rng)

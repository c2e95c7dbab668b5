"""The `recipient` check: was this credential issued to the wallet's owner?

Hashed identities (`sha256$` / `md5$`, salt appended after the identity, hex in any case) are compared in
constant time with each owner identity, as typed and then lowercased. "Not confirmed" is a warning, never
`invalid`: the learner may simply not have added that email to their profile yet.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from credwallet.model import Recipient
from credwallet.verify.report import Check, passed, skipped, warning

_HASHES = {"sha256": hashlib.sha256, "md5": hashlib.md5}


@dataclass(slots=True)
class Claim:
    """One identity the credential names for its recipient (plaintext or hashed)."""

    identity: str
    hashed: bool
    salt: str | None
    kind: str  # email | url | telephone | did | id ...


def _claims_from_document(document: Mapping[str, Any]) -> list[Claim]:
    claims: list[Claim] = []
    recipient = document.get("recipient")  # OB 2.0
    if isinstance(recipient, Mapping) and isinstance(recipient.get("identity"), str):
        claims.append(
            Claim(
                recipient["identity"],
                bool(recipient.get("hashed")),
                _salt(recipient),
                str(recipient.get("type", "email")),
            )
        )
    subjects = document.get("credentialSubject")
    for subject in subjects if isinstance(subjects, list) else [subjects] if subjects else []:
        if not isinstance(subject, Mapping):
            continue
        identifiers = subject.get("identifier")
        for item in identifiers if isinstance(identifiers, list) else [identifiers] if identifiers else []:
            if isinstance(item, Mapping) and isinstance(item.get("identityHash"), str):
                claims.append(
                    Claim(
                        item["identityHash"],
                        bool(item.get("hashed")),
                        _salt(item),
                        str(item.get("identityType", "")),
                    )
                )
        if isinstance(subject.get("id"), str):
            kind = "did" if subject["id"].startswith("did:") else "id"
            claims.append(Claim(subject["id"], False, None, kind))
    return claims


def _salt(node: Mapping[str, Any]) -> str | None:
    salt = node.get("salt")
    return salt if isinstance(salt, str) else None


def _hash_matches(claim: Claim, identity: str) -> bool:
    algorithm, _, digest = claim.identity.partition("$")
    hasher = _HASHES.get(algorithm.lower())
    if hasher is None or not digest:
        return False
    expected = digest.lower().encode("ascii", "replace")
    for candidate in dict.fromkeys((identity, identity.lower())):
        computed = hasher((candidate + (claim.salt or "")).encode("utf-8")).hexdigest().encode("ascii")
        if hmac.compare_digest(computed, expected):
            return True
    return False


def _matches(claim: Claim, identity: str) -> bool:
    if claim.kind == "did" or claim.identity.startswith("did:"):
        return identity.startswith("did:") and hmac.compare_digest(identity.encode(), claim.identity.encode())
    if claim.hashed:
        return _hash_matches(claim, identity)
    return claim.identity == identity or claim.identity.lower() == identity.lower()


def recipient_check(document: Mapping[str, Any], recipient: Recipient | None, identities: list[str]) -> Check:
    claims = _claims_from_document(document)
    if recipient is not None and not any(c.identity == recipient.identity for c in claims):
        claims.insert(0, Claim(recipient.identity, recipient.hashed, recipient.salt, recipient.type))
    meaningful = [c for c in claims if c.kind != "id"]
    if not meaningful:
        return skipped("recipient", "the credential names no recipient identity", None)
    if not identities:
        return skipped(
            "recipient", "no identities in your profile to compare (credwallet profile add-identity)", None
        )
    for claim in meaningful:
        for identity in identities:
            if _matches(claim, identity):
                how = "hashed identity" if claim.hashed else "identity"
                return passed("recipient", f"issued to you: the {how} matches one of your profile identities")
    shown = ", ".join(sorted({c.kind or "identity" for c in meaningful}))
    return warning(
        "recipient",
        f"recipient not confirmed: none of your {len(identities)} profile identities matches "
        f"the credential's {shown}",
    )

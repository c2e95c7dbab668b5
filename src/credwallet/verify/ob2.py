"""Open Badges 2.0 proofs: signed assertions (compact JWS, RS256) and hosted assertions.

A signed assertion is only trusted when its key is listed in the issuer profile's `publicKey`; offline, the
badge class, issuer profile and key come embedded or from the documents the caller supplies (`--documents`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from credwallet.verify.jose import TokenError, parse_token, signature_valid
from credwallet.verify.keys import (
    Documents,
    KeyMaterialError,
    PublicKey,
    is_offline,
    key_from_method,
    unavailable,
)
from credwallet.verify.report import Check, errored, failed, passed, skipped


def _node(value: Any, documents: Documents | None) -> tuple[str | None, Mapping[str, Any] | None]:
    """An OB 2.0 reference that may be embedded (an object) or a URL to a document (looked up offline)."""
    if isinstance(value, Mapping):
        node_id = value.get("id")
        return (node_id if isinstance(node_id, str) else None), value
    if isinstance(value, str):
        found = documents.get(value) if documents else None
        return value, found if isinstance(found, Mapping) else None
    return None, None


def _listed_keys(issuer: Mapping[str, Any]) -> list[Any]:
    keys = issuer.get("publicKey")
    if keys is None:
        return []
    return keys if isinstance(keys, list) else [keys]


def issuer_profile(
    assertion: Mapping[str, Any], documents: Documents | None
) -> tuple[str | None, Mapping[str, Any] | None]:
    """(issuer id, issuer profile or None) reached through the assertion's badge class."""
    _, badge = _node(assertion.get("badge"), documents)
    if badge is None:
        return None, None
    return _node(badge.get("issuer"), documents)


def verify_signed_assertion(
    token_text: str, document: Mapping[str, Any] | None, *, documents: Documents | None
) -> tuple[Check, Check]:
    """The `proof` and `key` checks of an OB 2.0 signed assertion."""
    try:
        token = parse_token(token_text)
    except TokenError as error:
        return failed("proof", str(error)), skipped("key", "no key checked: the token was refused", None)
    try:
        assertion = token.payload
        verification = assertion.get("verification") or assertion.get("verify") or {}
        creator = verification.get("creator") if isinstance(verification, Mapping) else None
        issuer_id, issuer = issuer_profile(assertion, documents)
        if issuer is None:
            what = "the badge class" if issuer_id is None else f"the issuer profile {issuer_id}"
            detail = unavailable(what, documents)
            if is_offline(documents):
                detail += " (or supply it with --documents)"
            return skipped("proof", "signature not checked: " + detail), skipped("key", detail)
        listed = _listed_keys(issuer)
        listed_ids = {
            k if isinstance(k, str) else k.get("id") for k in listed if isinstance(k, (str, Mapping))
        }
        candidates: list[tuple[str, Mapping[str, Any] | None]] = []
        if isinstance(creator, str):
            candidates.append(_node(creator, documents))  # type: ignore[arg-type]
        else:
            candidates.extend(_node(k, documents) for k in listed)  # type: ignore[misc]
        usable = [(key_id, node) for key_id, node in candidates if node is not None]
        if not usable:
            which = creator or "(listed in the issuer profile)"
            detail = unavailable(f"the signing key {which}", documents)
            return skipped("proof", "signature not checked: " + detail), skipped("key", detail)
        problem = "no listed key verifies the signature"
        for key_id, node in usable:
            try:
                key: PublicKey = key_from_method(node)  # type: ignore[arg-type]
            except KeyMaterialError as error:
                problem = f"key {key_id}: {error}"
                continue
            problem_here = signature_valid(token, key)
            if problem_here is None:
                proof = passed("proof", f"{token.header['alg']} signature valid with {key_id}")
                if document and dict(document) != dict(assertion):
                    proof = failed(
                        "proof", "signature valid but the stored assertion differs from the signed one"
                    )
                return proof, _key_check(key_id, node, issuer_id, listed_ids)  # type: ignore[arg-type]
            problem = problem_here
        return failed("proof", problem), _key_check(usable[0][0], usable[0][1], issuer_id, listed_ids)  # type: ignore[arg-type]
    except Exception as error:  # a library broke: one line, never a traceback
        return errored("proof", error), skipped("key", "not checked", None)


def _key_check(
    key_id: str | None, node: Mapping[str, Any], issuer_id: str | None, listed_ids: set[Any]
) -> Check:
    owner = node.get("owner")
    if key_id not in listed_ids:
        return failed(
            "key", f"key not controlled by issuer: {key_id} is not in the issuer profile's publicKey"
        )
    if owner is not None and issuer_id is not None and owner != issuer_id:
        return failed("key", f"key not controlled by issuer: {key_id} is owned by {owner}, not {issuer_id}")
    profile = f"the issuer profile {issuer_id}" if issuer_id else "the issuer profile (which names no id)"
    return passed("key", f"{key_id} is listed in the publicKey of {profile}")


def hosted_checks(document: Mapping[str, Any]) -> tuple[Check, Check]:
    """A hosted assertion is verified by fetching it from its own id: an online check."""
    legacy = document.get("verify")
    legacy_url = legacy.get("url") if isinstance(legacy, Mapping) else None
    where = document.get("id") if isinstance(document.get("id"), str) else legacy_url or "its hosted address"
    detail = f"hosted assertion: verification fetches it from {where}; run with --online"
    return skipped("proof", detail), skipped("key", "hosted assertion: the issuer is checked online", None)

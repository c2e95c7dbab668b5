"""Public keys and who controls them: did:key, DID documents, JWKs, OB 2.0 CryptographicKeys.

Two questions are kept apart on purpose: *which key* checks the signature (`resolve_method`), and *does that
key belong to the issuer* (`verify_binding`). A valid signature by someone else's key proves nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from credwallet.verify.publickey import (
    KeyMaterialError,
    PublicKey,
    b64url,
    b64url_decode,
    did_key_of,
    from_ed25519,
    from_jwk,
    from_multikey,
    from_pem,
    key_from_method,
    parse_did_key,
)
from credwallet.verify.report import Check, failed, passed, skipped

# Re-exported: callers resolve and convert keys through this one module.
__all__ = [
    "NOT_FOUND",
    "CachedDocuments",
    "Documents",
    "KeyMaterialError",
    "PublicKey",
    "ResolvedMethod",
    "authorized_keys",
    "b64url",
    "b64url_decode",
    "did_key_of",
    "find_method",
    "from_ed25519",
    "from_jwk",
    "from_pem",
    "is_offline",
    "issuer_authorizes",
    "key_from_method",
    "lists_method",
    "parse_did_key",
    "resolve_method",
    "unavailable",
    "verify_binding",
]

Documents = Mapping[str, Any]
# Said of a document an online (or --documents) run needed but did not have; "run with --online" would mislead.
NOT_FOUND = "was not found (it could not be fetched, and it is not among the documents given)"


class CachedDocuments(dict[str, Any]):
    """The documents an offline run found in the wallet's cache: one that is not there is "not available
    offline; run with --online", not "not found" (nothing was fetched)."""

    offline = True


def is_offline(documents: Documents | None) -> bool:
    """True when nothing was fetched for this verification (no documents, or only the wallet's cache)."""
    return documents is None or bool(getattr(documents, "offline", False))


def unavailable(what: str, documents: Documents | None) -> str:
    """Why `what` (a document the check needs) is missing: offline, how to get it; otherwise, that it was not found."""
    if is_offline(documents):
        return f"{what} is not available offline; run with --online"
    return f"{what} {NOT_FOUND}"


def _absolute(ref: str, base: str) -> str:
    return base + ref if ref.startswith("#") else ref


def _methods(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every embedded verification method of a DID / controller document."""
    found: list[Mapping[str, Any]] = []
    for relation in ("verificationMethod", "assertionMethod", "authentication", "publicKey"):
        items = document.get(relation)
        for item in items if isinstance(items, list) else [items] if items else []:
            if isinstance(item, Mapping):
                found.append(item)
    return found


def find_method(document: Mapping[str, Any], method_id: str) -> Mapping[str, Any] | None:
    base = str(document.get("id", ""))
    for method in _methods(document):
        if isinstance(method.get("id"), str) and _absolute(method["id"], base) == method_id:
            return method
    return None


def lists_method(document: Mapping[str, Any], relation: str, method_id: str) -> bool:
    """Whether `document` authorizes `method_id` for `relation`, by reference or embedded."""
    base = str(document.get("id", ""))
    items = document.get(relation)
    for item in items if isinstance(items, list) else [items] if items else []:
        ref = item.get("id") if isinstance(item, Mapping) else item
        if isinstance(ref, str) and _absolute(ref, base) == method_id:
            return True
    return False


def authorized_keys(document: Mapping[str, Any], relation: str) -> list[tuple[str, PublicKey]]:
    """The keys `document` authorizes for `relation`, with their method ids (unusable ones are left out)."""
    base = str(document.get("id", ""))
    keys = []
    items = document.get(relation)
    for item in items if isinstance(items, list) else [items] if items else []:
        method = item if isinstance(item, Mapping) else find_method(document, _absolute(str(item), base))
        if method is None and isinstance(item, str) and item.startswith("did:key:"):
            with contextlib.suppress(KeyMaterialError):
                keys.append((item, parse_did_key(item)))
            continue
        if method is None:
            continue
        try:
            keys.append((_absolute(str(method.get("id", "")), base), key_from_method(method)))
        except KeyMaterialError:
            continue
    return keys


@dataclass(slots=True)
class ResolvedMethod:
    """What a proof's verification method (or a token's kid) points to, resolved offline."""

    method_id: str
    key: PublicKey | None = None
    controller: str | None = None  # who the source says controls the key
    source: str = ""  # where the key came from, in words
    problem: str | None = None  # the method is malformed: the proof fails
    online: str | None = None  # the key needs a fetch: the proof cannot be checked offline
    document: Mapping[str, Any] | None = None  # the controller document, when one was supplied


def _lookup(documents: Documents | None, url: str) -> Mapping[str, Any] | None:
    if not documents:
        return None
    for candidate in (url, url.partition("#")[0]):
        document = documents.get(candidate)
        if isinstance(document, Mapping):
            return document
    return None


def _fragment_key(method_id: str) -> PublicKey | None:
    """A Multikey in the fragment (`https://issuer#z6Mk...`), as the 1EdTech validator reads it."""
    fragment = method_id.partition("#")[2]
    if not fragment.startswith(("z6Mk", "zDn", "z82")):
        return None
    return from_multikey(fragment)


def resolve_method(method_id: Any, documents: Documents | None) -> ResolvedMethod:
    """Find the key a verification method names, using only did:key and the documents the caller supplied."""
    if not isinstance(method_id, str) or not method_id:
        return ResolvedMethod(str(method_id), problem="the proof names no verification method")
    resolved = ResolvedMethod(method_id)
    scheme = urlsplit(method_id).scheme if ":" in method_id else ""
    if not scheme or not scheme.isascii() or not scheme.replace("+", "").replace("-", "").isalnum():
        resolved.problem = f"verification method {method_id!r} is not a URI"
        return resolved
    try:
        if method_id.startswith("did:key:"):
            resolved.key = parse_did_key(method_id)
            resolved.controller = method_id.partition("#")[0]
            resolved.source = "did:key"
            return resolved
        document = _lookup(documents, method_id)
        if document is not None:
            resolved.document = document
            method = find_method(document, method_id) if "#" in method_id else None
            method = method or (document if document.get("id") == method_id else None)
            if method is None:
                resolved.problem = f"{method_id} is not in the document supplied for it"
                return resolved
            resolved.key = key_from_method(method)
            owner = method.get("controller") or method.get("owner") or document.get("controller")
            resolved.controller = str(owner or document.get("id") or method_id.partition("#")[0])
            resolved.source = "the document supplied for " + method_id.partition("#")[0]
            return resolved
        if method_id.startswith("did:"):
            did_method = method_id.split(":", 2)[1]
            resolved.controller = method_id.partition("#")[0]
            if did_method == "web":
                resolved.online = (
                    "issuer key is on did:web; run with --online"
                    if is_offline(documents)
                    else f"the DID document of {resolved.controller} {NOT_FOUND}"
                )
            else:
                resolved.online = (
                    f"cannot resolve did:{did_method} offline; supply its DID document"
                    if is_offline(documents)
                    else f"did:{did_method} is not resolved online, and the DID document of "
                    f"{resolved.controller} is not among the documents given"
                )
            if did_method == "web":
                resolved.key = _fragment_key(method_id)
                resolved.source = "the verification method id (not yet bound to the issuer)"
            return resolved
        if scheme in ("http", "https", "urn"):
            resolved.key = _fragment_key(method_id)
            if resolved.key is not None:
                resolved.source = "the verification method id (not yet bound to the issuer)"
            if is_offline(documents):
                what = "hosted at" if scheme != "urn" else "named"
                resolved.online = f"issuer key is {what} {method_id}; run with --online"
            elif scheme == "urn":
                resolved.online = f"the issuer key {method_id} is a urn: nothing can be fetched for it"
            else:
                resolved.online = f"the issuer key document {method_id.partition('#')[0]} {NOT_FOUND}"
            return resolved
        resolved.problem = f"verification method {method_id!r} uses an unsupported scheme {scheme!r}"
    except KeyMaterialError as error:
        resolved.problem = f"verification method {method_id}: {error}"
    return resolved


def issuer_authorizes(
    issuer_id: str, method_id: str | None, key: PublicKey | None, documents: Documents | None
) -> bool | None:
    """Whether the issuer's own document lists the method/key under assertionMethod (None: no document)."""
    document = _lookup(documents, issuer_id)
    if document is None:
        return None
    if method_id and lists_method(document, "assertionMethod", method_id):
        return True
    if key is not None:
        return any(k.thumbprint == key.thumbprint for _, k in authorized_keys(document, "assertionMethod"))
    return False


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _controller_document(resolved: ResolvedMethod, documents: Documents | None) -> Mapping[str, Any] | None:
    """The controller's own document: the one the method was found in, or (for a key published in a document
    of its own, such as a JWK file) the document of the controller it names."""
    assert resolved.document is not None
    controller = (resolved.controller or "").partition("#")[0]
    own_id = str(resolved.document.get("id") or resolved.method_id.partition("#")[0]).partition("#")[0]
    if own_id == controller:
        return resolved.document
    return _lookup(documents, controller)


def _controller_authorizes(issuer_id: str, resolved: ResolvedMethod, documents: Documents | None) -> Check:
    """A method that says the issuer controls it counts only when the issuer's (DID or controller) document
    lists it under assertionMethod: a key merely present in the document may be for something else."""
    method_id = resolved.method_id
    document = _controller_document(resolved, documents)
    if document is None:
        what = f"the document of {issuer_id}, which {method_id} names as its controller,"
        return skipped("key", unavailable(what, documents) + "; whether it authorizes the key is unchecked")
    if not lists_method(document, "assertionMethod", method_id):
        return failed(
            "key",
            f"key not authorized for assertionMethod by its controller: {method_id} is not listed under "
            f"assertionMethod in the document of {issuer_id}",
        )
    return passed("key", f"{method_id} is controlled by the issuer {issuer_id} (listed under assertionMethod)")


def verify_binding(issuer_id: str | None, resolved: ResolvedMethod, documents: Documents | None) -> Check:
    """The `key` check: the method that signed must belong to the issuer (DESIGN.md §5 step 3)."""
    method_id = resolved.method_id
    if not issuer_id:
        return failed("key", "the credential names no issuer id, so no key can be bound to it")
    controller = (resolved.controller or "").partition("#")[0]
    if resolved.problem and not controller:
        return failed("key", resolved.problem)
    if method_id.startswith("did:key:") and controller == issuer_id:
        return passed("key", f"the issuer {issuer_id} signs with its own did:key")
    if resolved.document is not None and not method_id.startswith("did:key:") and controller == issuer_id:
        return _controller_authorizes(issuer_id, resolved, documents)
    authorized = issuer_authorizes(issuer_id, method_id, resolved.key, documents)
    if authorized:
        return passed("key", f"the issuer's document authorizes {method_id} for assertionMethod")
    if authorized is False:
        return failed("key", f"key not controlled by issuer: the issuer's document does not list {method_id}")
    if (
        controller
        and controller != issuer_id
        and (controller.startswith("did:") or resolved.document is not None)
    ):
        return failed(
            "key", f"key not controlled by issuer: signed by {controller}, but the issuer is {issuer_id}"
        )
    if resolved.online:
        detail = resolved.online
        if not method_id.startswith("did:") and _origin(method_id) != _origin(issuer_id):
            detail = f"{detail} (it is not under the issuer's address {issuer_id})"
        return skipped("key", detail)
    where = "offline " if is_offline(documents) else ""
    return skipped("key", f"cannot tell {where}whether {method_id} belongs to {issuer_id}")

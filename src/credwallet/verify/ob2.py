"""Open Badges 2.0 signed assertions (compact JWS) and the issuer documents that make their keys trusted.

OB 2.0 "SignedBadge verification" (and the 1EdTech validator): "Do not trust a key that is not properly linked
from the issuer Profile." Here a key is trusted only when
1. the issuer profile is the document answered at the issuer's own id URL (fetched now, from `--documents`,
   or from the wallet's document cache: `documents[url]` always holds what `url` answered) and it names
   that id as its own;
2. the key's id is listed in that profile's `publicKey` (the assertion's `verification.creator`, when given,
   must be one of them);
3. the key material comes from that profile (a key embedded in it) or from the key's own id URL, whose
   document names that id and, when it names an owner, the issuer.
The issuer is the one the badge class names: the badge class answered at its own id when there is one (it must
agree with a copy embedded in the assertion), else the copy embedded in the signed assertion, which may not
claim an id on a host the issuer does not control. An issuer object or key embedded in the assertion is a
claim, never a key source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from credwallet.verify.jose import Token, TokenError, parse_token, signature_valid
from credwallet.verify.keys import (
    Documents,
    KeyMaterialError,
    PublicKey,
    is_offline,
    key_from_method,
    unavailable,
)
from credwallet.verify.report import Check, errored, failed, passed, skipped


def is_web_url(value: Any) -> bool:
    return isinstance(value, str) and value.lower().startswith(("https://", "http://"))


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]


def fetched(documents: Documents | None, url: str) -> tuple[Mapping[str, Any] | None, str | None]:
    """(the document answered at `url`, None) or (None, why it cannot be used); (None, None) when absent.

    The document must name `url` as its own id: a document served at one address that claims to be another
    is not that other document (OB 2.0 and the 1EdTech validator refetch from the declared id).
    """
    found = documents.get(_without_fragment(url)) if documents else None
    if not isinstance(found, Mapping):
        return None, None
    own = found.get("id")
    if not isinstance(own, str) or _without_fragment(own) != _without_fragment(url):
        return None, f"the document at {_without_fragment(url)} names itself {own!r}, not {url}"
    return found, None


def _reference_id(value: Any) -> str | None:
    """The id of an OB 2.0 reference that may be embedded (an object) or a bare id."""
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass(slots=True)
class Issuer:
    """Who issued an assertion, as established from the issuer's own documents (or why it could not be)."""

    issuer_id: str | None = None
    profile: Mapping[str, Any] | None = None
    badge_class: Mapping[str, Any] | None = None
    problem: str | None = None  # a finding: the assertion's issuer is not established (invalid)
    missing: str | None = None  # a document that is not available (unverified)


def _badge_class(assertion: Mapping[str, Any], documents: Documents | None) -> Issuer:
    """The badge class the assertion names: the one answered at its id, or the copy the assertion embeds."""
    badge = assertion.get("badge")
    badge_id = _reference_id(badge)
    if badge is None:
        return Issuer(problem="the assertion names no badge class")
    if not isinstance(badge, Mapping):
        if badge_id is None or not is_web_url(badge_id):
            return Issuer(problem=f"the badge class {badge!r} is neither embedded nor a web address")
        document, problem = fetched(documents, badge_id)
        if problem:
            return Issuer(problem=problem)
        if document is None:
            return Issuer(missing=f"the badge class {badge_id}")
        return Issuer(badge_class=document)
    if badge_id is not None and is_web_url(badge_id):
        document, problem = fetched(documents, badge_id)
        if problem:
            return Issuer(problem=problem)
        if document is not None:
            claimed, hosted = _reference_id(badge.get("issuer")), _reference_id(document.get("issuer"))
            if claimed != hosted:
                return Issuer(
                    problem=f"the badge class {badge_id} names the issuer {hosted}, "
                    f"but the assertion's copy of it names {claimed}"
                )
            return Issuer(badge_class=document)
    return Issuer(badge_class=badge)


def _allowed_hosts(profile: Mapping[str, Any], issuer_id: str, documents: Documents | None) -> set[str]:
    """The hosts the issuer vouches for: its own id's, and its verification policy's `allowedOrigins`."""
    policy = profile.get("verification")
    if isinstance(policy, str) and documents is not None:
        policy = documents.get(policy)
    origins = policy.get("allowedOrigins") if isinstance(policy, Mapping) else None
    listed = origins if isinstance(origins, list) else [origins]
    return {_host(issuer_id)} | {o.strip().lower() for o in listed if isinstance(o, str) and o.strip()}


def establish_issuer(assertion: Mapping[str, Any], documents: Documents | None) -> Issuer:
    """The assertion's issuer: its id (from the badge class) and its profile as answered at that id."""
    found = _badge_class(assertion, documents)
    if found.badge_class is None:
        return found
    badge_class = found.badge_class
    issuer_id = _reference_id(badge_class.get("issuer"))
    if issuer_id is None:
        return Issuer(badge_class=badge_class, problem="the badge class names no issuer")
    found.issuer_id = issuer_id
    if not is_web_url(issuer_id):
        found.missing = f"the issuer profile {issuer_id} (not a web address, so it cannot be fetched)"
        return found
    profile, problem = fetched(documents, issuer_id)
    if problem:
        found.problem = problem
        return found
    if profile is None:
        found.missing = f"the issuer profile {issuer_id}"
        return found
    found.profile = profile
    badge_id = _reference_id(badge_class.get("id"))
    answered, _ = fetched(documents, badge_id) if badge_id and is_web_url(badge_id) else (None, None)
    if badge_id and is_web_url(badge_id) and answered is None:
        host = _host(badge_id)
        if host not in _allowed_hosts(profile, issuer_id, documents):
            found.problem = (
                f"the badge class claims the id {badge_id}, on {host}, which its issuer {issuer_id} "
                "does not control (and it could not be fetched from there)"
            )
    return found


def issuer_profile(
    assertion: Mapping[str, Any], documents: Documents | None
) -> tuple[str | None, Mapping[str, Any] | None]:
    """(issuer id, the issuer profile answered at that id, or None); never an embedded issuer object."""
    found = establish_issuer(assertion, documents)
    return found.issuer_id, (found.profile if found.problem is None else None)


def _listed_keys(profile: Mapping[str, Any]) -> list[Any]:
    keys = profile.get("publicKey")
    if keys is None:
        return []
    return keys if isinstance(keys, list) else [keys]


@dataclass(slots=True)
class TrustedKey:
    key_id: str
    key: PublicKey
    source: str


def _key_material(
    entry: Any, issuer_id: str, documents: Documents | None
) -> tuple[TrustedKey | None, str | None, str | None]:
    """(key, None, None), or (None, a finding, None), or (None, None, a missing document) for one key the
    issuer profile lists (an embedded key object, or the URL of a CryptographicKey document)."""
    if isinstance(entry, Mapping) and any(k.startswith("publicKey") for k in entry):
        name = _reference_id(entry) or f"the key embedded in {issuer_id}"
        try:
            return TrustedKey(name, key_from_method(entry), f"the issuer profile {issuer_id}"), None, None
        except KeyMaterialError as error:
            return None, f"key {name}: {error}", None
    key_id = _reference_id(entry)
    if key_id is None:
        return None, "the issuer profile lists a key without an id", None
    if not is_web_url(key_id):
        return None, None, f"the key {key_id} (not a web address, so it cannot be fetched)"
    document, problem = fetched(documents, key_id)
    if problem:
        return None, problem, None
    if document is None:
        return None, None, f"the signing key {key_id}"
    owner = document.get("owner")
    if owner is not None and owner != issuer_id:
        return None, f"key not controlled by issuer: {key_id} is owned by {owner}, not {issuer_id}", None
    try:
        return TrustedKey(key_id, key_from_method(document), key_id), None, None
    except KeyMaterialError as error:
        return None, f"key {key_id}: {error}", None


def _trusted_keys(
    creator: Any, issuer_id: str, profile: Mapping[str, Any], documents: Documents | None
) -> tuple[list[TrustedKey], Check | None]:
    """The issuer's keys that may have signed (only `creator` when the assertion names one), or the check
    that says why none can be used."""
    listed = _listed_keys(profile)
    if isinstance(creator, str):
        entries = [e for e in listed if _reference_id(e) == creator]
        if not entries:
            return [], failed(
                "key",
                f"key not controlled by issuer: the assertion's signing key {creator} is not in the publicKey of "
                f"the issuer profile {issuer_id}",
            )
    elif creator is not None:
        return [], failed("key", "the assertion's verification.creator is not a key id")
    else:
        entries = listed
    if not entries:
        return [], failed("key", f"the issuer profile {issuer_id} lists no publicKey: nothing can sign for it")
    keys: list[TrustedKey] = []
    problems: list[str] = []
    missing: list[str] = []
    for entry in entries:
        key, problem, absent = _key_material(entry, issuer_id, documents)
        if key is not None:
            keys.append(key)
        elif problem:
            problems.append(problem)
        elif absent:
            missing.append(absent)
    if keys:
        return keys, None
    if problems:
        return [], failed("key", problems[0])
    detail = unavailable(missing[0], documents)
    return [], skipped("key", detail + (" (or supply it with --documents)" if is_offline(documents) else ""))


def verify_signed_assertion(
    token_text: str, document: Mapping[str, Any] | None, *, documents: Documents | None
) -> tuple[Check, Check]:
    """The `proof` and `key` checks of an OB 2.0 signed assertion."""
    try:
        token = parse_token(token_text)
    except TokenError as error:
        return failed("proof", str(error)), skipped("key", "no key checked: the token was refused", None)
    try:
        return _verify(token, document, documents)
    except Exception as error:  # a library broke: one line, never a traceback
        return errored("proof", error), skipped("key", "not checked", None)


def _verify(token: Token, document: Mapping[str, Any] | None, documents: Documents | None) -> tuple[Check, Check]:
    assertion = token.payload
    issuer = establish_issuer(assertion, documents)
    if issuer.problem:
        key = failed("key", f"key not bound to the issuer: {issuer.problem}")
        return skipped("proof", "signature not checked: the assertion's issuer is not established", None), key
    if issuer.profile is None or issuer.issuer_id is None:
        what = issuer.missing or "the issuer profile"
        detail = unavailable(what, documents) + (" (or supply it with --documents)" if is_offline(documents) else "")
        return skipped("proof", "signature not checked: " + detail), skipped("key", detail)
    verification = assertion.get("verification") or assertion.get("verify") or {}
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    keys, refusal = _trusted_keys(creator, issuer.issuer_id, issuer.profile, documents)
    if refusal is not None:
        effect = None if refusal.status.value == "failed" else refusal.effect
        return skipped("proof", "signature not checked: no key of the issuer's to check it with", effect), refusal
    problem = "no key of the issuer's verifies the signature"
    for trusted in keys:
        problem_here = signature_valid(token, trusted.key)
        if problem_here is None:
            if document and dict(document) != dict(assertion):
                proof = failed("proof", "signature valid but the stored assertion differs from the signed one")
            else:
                proof = passed("proof", f"{token.header['alg']} signature valid with {trusted.key_id}")
            where = "embedded in" if trusted.source != trusted.key_id else "listed in"
            return proof, passed(
                "key", f"{trusted.key_id} is {where} the publicKey of the issuer profile {issuer.issuer_id}"
            )
        problem = problem_here
    return failed("proof", problem), skipped("key", "not checked: the proof failed", None)


def hosted_checks(document: Mapping[str, Any]) -> tuple[Check, Check]:
    """A hosted assertion is verified by fetching it from its own id: an online check."""
    legacy = document.get("verify")
    legacy_url = legacy.get("url") if isinstance(legacy, Mapping) else None
    where = document.get("id") if isinstance(document.get("id"), str) else legacy_url or "its hosted address"
    detail = f"hosted assertion: verification fetches it from {where}; run with --online"
    return skipped("proof", detail), skipped("key", "hosted assertion: the issuer is checked online", None)

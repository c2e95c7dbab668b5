"""Gather the documents online verification needs, so the offline verifier can run unchanged on them.

From each credential: its OB 2.0 hosted assertion, badge class, issuer profile, keys and revocation list; a
VC's issuer (an https profile or a did:web DID document), the controller documents of its proofs' keys, its
status list credentials (whose own issuers and keys are gathered in turn) and 1EdTech revocation lists.
Discovery is iterative (a fetched badge class names its issuer, the issuer its keys), each distinct URL is
requested once per run, in parallel with a small bound, and every fetch is recorded for the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from credwallet.errors import CredwalletError, NetworkError
from credwallet.model import Credential, CredentialFormat
from credwallet.net import DEFAULT_PARALLEL, Fetcher, FetchRequest, FetchResult, kind_limits
from credwallet.online.didweb import DidWebError, did_of, did_web_url, is_did_web
from credwallet.verify.report import Check, CheckStatus

# A run never follows more than this many distinct documents (500 credentials need a handful).
MAX_DOCUMENTS_PER_RUN = 5_000
MAX_ROUNDS = 6  # credential -> badge class -> issuer -> key / list -> list's issuer -> its DID document
MAX_DOCUMENTS_LISTED = 6  # by address in a report's `documents` line; the rest are counted
_OB2 = frozenset({CredentialFormat.OB1, CredentialFormat.OB2, CredentialFormat.OB2_SIGNED})
_LIST_ENTRIES = frozenset({"BitstringStatusListEntry", "StatusList2021Entry"})


# The copy of an embedded badge class at its own id: when fetched it must agree with the assertion's copy, when
# it cannot be fetched the assertion's (signed or hosted) copy stands, so its failure is not a finding.
OPTIONAL_BADGE_COPY = "badge_copy"


@dataclass(slots=True, frozen=True)
class Need:
    """A document the verifier will look up under `key`, fetched from `url`, for the reason `role`."""

    key: str  # the URL without fragment, or the DID for did:web
    url: str
    role: str  # assertion | badge | badge_copy | issuer | key | did | status_list | revocation_list | context
    kind: str = "document"


@dataclass(slots=True)
class FetchRecord:
    """What happened to one document of the run."""

    key: str
    url: str
    role: str
    outcome: str  # fetched | cached | kept | failed
    detail: str
    fetched_at: datetime | None = None


@dataclass(slots=True)
class Gathered:
    """The documents found (the verifier's `did_documents`), what happened to each, and who needed it."""

    documents: dict[str, Any] = field(default_factory=dict)
    records: dict[str, FetchRecord] = field(default_factory=dict)  # by key
    links: dict[int, set[str]] = field(default_factory=dict)  # credential index -> keys it needed
    requests: int = 0  # distinct URLs asked of the fetcher
    offline: bool = False  # from the wallet's cache alone: a document not there is not a failed fetch

    def records_for(self, index: int) -> list[FetchRecord]:
        return [self.records[key] for key in sorted(self.links.get(index, ())) if key in self.records]

    def checks_for(self, index: int, now: datetime | None = None) -> list[Check]:
        """One line per document that could not be had (online), and one saying which documents were used and
        how old each is."""
        from credwallet.online.cache import NOT_CACHED, describe_age

        records = self.records_for(index)
        verb = "did not use the wallet's copy of" if self.offline else "could not fetch"
        checks = [
            Check("documents", CheckStatus.SKIPPED, f"{verb} the {r.role.replace('_', ' ')}: {r.detail}")
            for r in records
            if r.outcome == "failed"
            and r.role != OPTIONAL_BADGE_COPY
            and not (self.offline and r.detail.endswith(NOT_CACHED))
        ]
        fetched = [r for r in records if r.outcome == "fetched"]
        cached = [r for r in records if r.outcome in ("cached", "kept")]
        if fetched or cached:
            parts = []
            if fetched:
                parts.append(f"{len(fetched)} fetched now")
            if cached:
                moment = now or datetime.now(UTC)
                ages = [(moment - r.fetched_at).total_seconds() for r in cached if r.fetched_at is not None]
                oldest = f" (oldest {describe_age(max(ages))} old)" if ages else ""
                parts.append(f"{len(cached)} from the wallet's cache{oldest}")
            moment = now or datetime.now(UTC)
            listed = [_used(r, moment) for r in [*fetched, *cached][:MAX_DOCUMENTS_LISTED]]
            more = len(fetched) + len(cached) - len(listed)
            listed += [f"{more} more"] if more > 0 else []
            detail = "documents used: " + ", ".join(parts) + ": " + "; ".join(listed)
            checks.append(Check("documents", CheckStatus.PASSED, detail))
        return checks


def _used(record: FetchRecord, now: datetime) -> str:
    """One used document in words: its address and when it was fetched."""
    from credwallet.online.cache import describe_age

    if record.outcome == "fetched":
        return f"{record.url} (fetched now)"
    if record.outcome == "kept" or record.fetched_at is None:
        return f"{record.url} (the copy kept at import)"
    return f"{record.url} (fetched {describe_age((now - record.fetched_at).total_seconds())} ago)"


def _need(value: Any, role: str, kind: str = "document") -> Need | None:
    """A Need for an http(s) URL or a did:web DID URL; None for anything that is not fetched (did:key, urn)."""
    if not isinstance(value, str) or not value:
        return None
    if is_did_web(value):
        try:
            return Need(did_of(value), did_web_url(value), "did", kind)
        except DidWebError:
            return None
    lowered = value.lower()
    if lowered.startswith(("https://", "http://")):
        url = value.partition("#")[0]
        return Need(url, url, role, kind)
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _issuer_needs(issuer: Mapping[str, Any]) -> list[Need | None]:
    needs = [_need(key, "key") for key in _as_list(issuer.get("publicKey"))]
    needs.append(_need(issuer.get("revocationList"), "revocation_list"))
    return needs


def _badge_needs(badge: Mapping[str, Any]) -> list[Need | None]:
    """The issuer profile a badge class names, always from the issuer's own id: an embedded issuer object
    (and any key it lists) is a claim; the keys are discovered from the fetched profile."""
    issuer = badge.get("issuer")
    return [_need(issuer.get("id") if isinstance(issuer, Mapping) else issuer, "issuer")]


def ob2_needs(assertion: Mapping[str, Any], *, include_self: bool = True) -> list[Need]:
    """What an OB 2.0 assertion's verification reads: itself when hosted, badge class, issuer, keys, list."""
    needs: list[Need | None] = []
    verification = assertion.get("verification") or assertion.get("verify")
    if isinstance(verification, Mapping):
        kind = str(verification.get("type", "")).lower()
        if kind in ("hosted", "hostedbadge") and include_self:
            needs.append(_need(assertion.get("id") or verification.get("url"), "assertion"))
        if kind in ("signed", "signedbadge"):
            needs.append(_need(verification.get("creator"), "key"))
    badge = assertion.get("badge")
    if isinstance(badge, Mapping):  # embedded: also its own copy at its id, which must agree (OB 2.0)
        needs += _badge_needs(badge)
        needs.append(_need(badge.get("id"), OPTIONAL_BADGE_COPY))
    else:
        needs.append(_need(badge, "badge"))
    return [n for n in needs if n is not None]


def context_needs(document: Any) -> list[Need]:
    """The JSON-LD contexts `document` names that are not bundled: the proof needs them fetched."""
    from credwallet.jsonld import unknown_contexts

    found = (_need(url, "context", "context") for url in unknown_contexts(document))
    return [need for need in found if need is not None and need.role == "context"]


def vc_needs(vc: Mapping[str, Any], header: Mapping[str, Any] | None = None, *, depth: int = 0) -> list[Need]:
    """What a VC's verification reads: issuer, proof keys, token kid, status lists (and nested credentials),
    and the contexts its proof needs that are not bundled."""
    needs: list[Need | None] = [*context_needs(vc)]
    issuer = vc.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
    needs.append(_need(issuer_id, "issuer"))
    for proof in _as_list(vc.get("proof")):
        if isinstance(proof, Mapping):
            needs.append(_need(proof.get("verificationMethod"), "key"))
    kid = (header or {}).get("kid")
    if isinstance(kid, str) and ":" in kid.partition("#")[0]:
        needs.append(_need(kid, "key"))
    if depth == 0:
        for entry in _as_list(vc.get("credentialStatus")):
            if not isinstance(entry, Mapping):
                continue
            if entry.get("type") in _LIST_ENTRIES:
                needs.append(_need(entry.get("statusListCredential"), "status_list", "status_list"))
            elif entry.get("type") == "1EdTechRevocationList":
                needs.append(_need(entry.get("id"), "revocation_list"))
        subject = vc.get("credentialSubject")
        for subject_node in _as_list(subject):
            if isinstance(subject_node, Mapping):
                for inner in _as_list(subject_node.get("verifiableCredential")):
                    if isinstance(inner, Mapping):
                        needs += vc_needs(inner, depth=depth)
    return [n for n in needs if n is not None]


def credential_needs(credential: Credential) -> list[Need]:
    """Every document the verification of `credential` may look up."""
    document: Mapping[str, Any] = credential.document or {}
    header: Mapping[str, Any] = {}
    if credential.token:
        from credwallet.verify.jose import TokenError, decode_unverified

        try:
            header, payload = decode_unverified(credential.token)
        except TokenError:
            payload = {}
        if not document:
            document = payload if credential.format in _OB2 else payload.get("vc", payload)
    if not isinstance(document, Mapping):
        return []
    if credential.format in _OB2:
        return ob2_needs(document)
    return vc_needs(document, header)


def _discovered(document: Mapping[str, Any], role: str) -> list[Need]:
    """Further documents a fetched one points to."""
    if role == "assertion":
        return ob2_needs(document, include_self=False)
    if role in ("badge", OPTIONAL_BADGE_COPY):
        return [n for n in _badge_needs(document) if n is not None]
    if role == "issuer":
        return [n for n in _issuer_needs(document) if n is not None]
    if role == "status_list":
        return vc_needs(document, depth=1)  # the list's issuer, keys and contexts, never its own status
    if role == "context":
        return context_needs(document)  # a context may import others
    return []


def _seeded(credentials: Sequence[Credential]) -> dict[str, Any]:
    """Badge classes and issuer profiles kept at URL import (`extension["fetched"]`): used if a fetch fails."""
    seeds: dict[str, Any] = {}
    for credential in credentials:
        fetched = credential.extension.get("fetched") if isinstance(credential.extension, dict) else None
        if not isinstance(fetched, Mapping):
            continue
        for item in fetched.values():
            if (
                isinstance(item, Mapping)
                and isinstance(item.get("url"), str)
                and isinstance(item.get("document"), Mapping)
            ):
                seeds[item["url"]] = item["document"]
    return seeds


def _parse(need: Need, result: FetchResult) -> dict[str, Any]:
    """The fetched body as a JSON object; CredwalletError with one line when it is not usable."""
    from credwallet.safejson import loads_strict

    cap, _ = kind_limits(need.kind)
    try:
        value = loads_strict(result.body, source=need.url, max_bytes=cap) if result.body.strip() else None
    except CredwalletError:
        if result.status == 410:
            value = None
        else:
            raise
    if result.status == 410:  # OB 2.0: a hosted assertion answering 410 Gone has been revoked
        document = dict(value) if isinstance(value, dict) else {"id": need.key}
        document.setdefault("revoked", True)
        return document
    if not isinstance(value, dict):
        raise CredwalletError(f"{need.url}: not a JSON object")
    if need.role == "context":
        from credwallet.jsonld import is_context_document

        if not is_context_document(value):
            raise CredwalletError(f"{need.url}: not a JSON-LD context (no @context)")
    if need.role == "did" and value.get("id") != need.key:
        raise CredwalletError(f"{need.url}: the DID document names {value.get('id')!r}, not {need.key}")
    if need.role in ("key", "issuer"):
        return _as_controller_document(need.key, value)
    return value


def _as_controller_document(url: str, document: dict[str, Any]) -> dict[str, Any]:
    """A hosted JWK or JWKS in the shape the verifier reads keys from: a method per key (`URL#kid`).

    No controller is invented: whether the key is the issuer's is still decided by the verifier (the key is
    at the issuer's id, or the issuer's document lists it under assertionMethod).
    """
    if isinstance(document.get("kty"), str):
        return {"id": url, "type": "JsonWebKey", "publicKeyJwk": document}
    keys = document.get("keys")
    if "verificationMethod" in document or not isinstance(keys, list):
        return document
    methods = [
        {"id": f"{url}#{jwk['kid']}" if isinstance(jwk.get("kid"), str) else url, "type": "JsonWebKey",
         "publicKeyJwk": jwk}
        for jwk in keys
        if isinstance(jwk, dict)
    ]  # fmt: skip
    return {**document, "id": document.get("id", url), "verificationMethod": methods}


def gather_documents(
    credentials: Sequence[Credential], fetcher: Fetcher, *, max_parallel: int = DEFAULT_PARALLEL
) -> Gathered:
    """Fetch everything the credentials' verification needs; never raises for a fetch (it is recorded)."""
    gathered = Gathered()
    seeds = _seeded(credentials)
    edges: dict[str, set[str]] = {}
    roles: dict[str, Need] = {}
    frontier: list[Need] = []
    for index, credential in enumerate(credentials):
        try:
            needs = credential_needs(credential)
        except Exception:  # a malformed credential needs nothing; the verifier will say what is wrong
            needs = []
        gathered.links[index] = {n.key for n in needs}
        frontier += needs
    for _round in range(MAX_ROUNDS):
        batch: dict[str, Need] = {}
        for need in frontier:
            if need.key not in roles and need.key not in batch and len(roles) + len(batch) < MAX_DOCUMENTS_PER_RUN:
                batch[need.key] = need
        if not batch:
            break
        roles.update(batch)
        requests = [FetchRequest(n.url, n.kind) for n in batch.values()]
        gathered.requests += len(requests)
        outcomes = fetcher.fetch_many(requests, max_parallel=max_parallel)
        frontier = []
        for need, outcome in zip(batch.values(), outcomes, strict=True):
            document = _settle(gathered, need, outcome, seeds)
            if document is not None:
                children = _discovered(document, need.role)
                edges[need.key] = {c.key for c in children}
                frontier += children
    for index, keys in gathered.links.items():
        gathered.links[index] = _reachable(keys, edges)
    return gathered


def _settle(
    gathered: Gathered, need: Need, outcome: FetchResult | NetworkError, seeds: Mapping[str, Any]
) -> dict[str, Any] | None:
    problem: str
    if isinstance(outcome, FetchResult):
        try:
            document = _parse(need, outcome)
        except CredwalletError as error:
            problem = error.message
        else:
            gathered.documents[need.key] = document
            where = "cached" if outcome.from_cache else "fetched"
            detail = outcome.note or (f"HTTP {outcome.status}" if not outcome.from_cache else "from the cache")
            gathered.records[need.key] = FetchRecord(need.key, need.url, need.role, where, detail, outcome.fetched_at)
            return document
    else:
        problem = outcome.message
    seed = seeds.get(need.key)
    if isinstance(seed, Mapping):
        gathered.documents[need.key] = dict(seed)
        detail = f"the copy kept at import (the fetch failed: {problem})"
        gathered.records[need.key] = FetchRecord(need.key, need.url, need.role, "kept", detail, None)
        return dict(seed)
    gathered.records[need.key] = FetchRecord(need.key, need.url, need.role, "failed", problem)
    return None


def _reachable(start: set[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen = set(start)
    stack = list(start)
    while stack:
        for child in edges.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen

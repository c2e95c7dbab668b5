"""Offline verification of one credential: structure, proof, key, dates, status, recipient (DESIGN.md §5).

Never raises for a finding: each check is a line of the Report, and a check that breaks becomes an `error`
line. Pure: no I/O, no network; documents the caller has (DID documents, issuer profiles, status lists from
`--documents` or a cache) come in through `did_documents`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from credwallet.limits import MAX_VERIFY_SECONDS
from credwallet.model import Credential, CredentialFormat, Status
from credwallet.verify import dataintegrity, hosted, jose, ob2
from credwallet.verify.canon import within_time_budget
from credwallet.verify.dates import dates_check
from credwallet.verify.keys import Documents, is_offline, verify_binding
from credwallet.verify.recipient import recipient_check
from credwallet.verify.report import Check, Report, errored, failed, skipped
from credwallet.verify.status import ob2_status_check, vc_status_checks
from credwallet.verify.structure import conformance_unchecked, ob2_extension_checks, strict_checks, structure_checks

# Bumped whenever a rule changes, so cached results (keyed by bytes hash, this, contexts) are recomputed.
VERIFIER_VERSION = "4"
_OB2_FORMATS = frozenset({CredentialFormat.OB1, CredentialFormat.OB2, CredentialFormat.OB2_SIGNED})
# A status list credential is verified with the same engine; its own status is not followed further.
_MAX_STATUS_DEPTH = 1


class StatusListReports:
    """The verdicts on status list credentials within one run: a list shared by many credentials has its
    proof checked (canonicalized, signature verified) once, not once per credential.

    Keyed by the list document's identity; the entry keeps the document alive so its id is never reused.
    Only for one run: the documents (keys, DID documents) and "now" must not change while it is used.
    """

    def __init__(self) -> None:
        self._reports: dict[tuple[int, int, datetime], tuple[object, object, Report]] = {}
        self.verified = 0  # list credentials actually verified (the rest came from here)

    def report(
        self,
        list_credential: Mapping[str, Any],
        documents: Documents | None,
        now: datetime,
        verify: Callable[[Mapping[str, Any]], Report],
    ) -> Report:
        key = (id(list_credential), id(documents), now)
        hit = self._reports.get(key)
        if hit is not None and hit[0] is list_credential and hit[1] is documents:
            return hit[2]
        report = verify(list_credential)
        self.verified += 1
        self._reports[key] = (list_credential, documents, report)
        return report


def _guard(name: str, run: Callable[[], list[Check]]) -> list[Check]:
    try:
        return run()
    except Exception as error:  # a broken check is an `error` line, never an exception for the caller
        return [errored(name, error)]


def _issuer_id(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


SELF_ASSERTED_PREFIXES = ("did:key:", "did:jwk:")


def _say_self_asserted(checks: list[Check], document: Mapping[str, Any], issuer_id: str | None) -> None:
    """A did:key / did:jwk issuer proves it holds the key, nothing about who it is: say so in the key check."""
    if not issuer_id or not issuer_id.startswith(SELF_ASSERTED_PREFIXES):
        return
    issuer = document.get("issuer")
    name = issuer.get("name") if isinstance(issuer, Mapping) else None
    named = f"its name {name!r}" if isinstance(name, str) and name.strip() else "who it is"
    note = (
        f"; {named} is self-asserted: a {issuer_id.split(':', 2)[1]} DID proves who holds the key, not who the "
        "issuer is (credwallet trust add marks issuers you recognise)"
    )
    for check in checks:
        if check.name == "key" and check.status.value == "passed" and note not in check.detail:
            check.detail += note


def _unbundled_contexts(document: Mapping[str, Any], documents: Documents | None) -> list[str]:
    """Context URLs neither bundled nor among the documents at hand (fetched, or from the wallet's cache)."""
    from credwallet.jsonld import unknown_contexts

    return [url for url in unknown_contexts(document) if not (documents and url in documents)]


def _token_payload(token: str) -> dict[str, Any]:
    try:
        return jose.decode_unverified(token)[1]  # only to read the claims; the proof check verifies it
    except jose.TokenError:
        return {}


def _data_integrity(
    document: Mapping[str, Any], issuer_id: str | None, now: datetime, documents: Documents | None
) -> list[Check]:
    outcomes = dataintegrity.summarize(dataintegrity.verify_proofs(document, now=now, documents=documents))
    if not outcomes:
        return [
            skipped("proof", "the credential carries no proof (unsigned); it cannot be verified"),
            skipped("key", "no proof, so no key to check", None),
        ]
    checks = [o.check for o in outcomes]
    for outcome in outcomes:
        if outcome.method is None:
            continue
        if outcome.check.status.value == "failed":
            checks.append(skipped("key", "not checked: the proof failed", None))
        else:
            checks.append(verify_binding(issuer_id, outcome.method, documents))
    return checks


@within_time_budget(MAX_VERIFY_SECONDS)  # a hostile credential ends `unverified` in bounded time, never a hang
def _verify(
    document: Mapping[str, Any],
    *,
    format: CredentialFormat,
    token: str | None,
    identities: list[str],
    now: datetime,
    documents: Documents | None,
    schema_errors: list[str],
    credential: Credential | None,
    depth: int = 0,
    only_time_dependent: bool = False,
    list_reports: StatusListReports | None = None,
) -> Report:
    if now.tzinfo is None:  # a naive "now" is taken as UTC, the zone every credential date is read in
        now = now.replace(tzinfo=UTC)
    is_ob2 = format in _OB2_FORMATS
    claims: dict[str, Any] = _token_payload(token) if token else {}
    if not document and claims:
        document = claims.get("vc", claims) if not is_ob2 else claims
    if not isinstance(document, Mapping):
        document = {}
    issuer_id = _issuer_id(document) or (credential.issuer.id if credential else None)
    checks: list[Check] = []
    if only_time_dependent:
        pass
    elif format is CredentialFormat.OB1:
        legacy = "legacy Open Badges 1.x assertion: its structure is not checked (display only)"
        checks.append(conformance_unchecked(legacy))
    else:
        unbundled = _unbundled_contexts(document, documents) if token and not is_ob2 else []
        checks += _guard(
            "structure",
            lambda: structure_checks(document, ob2=is_ob2, schema_errors=schema_errors, unbundled_contexts=unbundled),
        )
        if is_ob2:
            checks += _guard("structure", lambda: ob2_extension_checks(document))

    def proof_and_key() -> list[Check]:
        if token and is_ob2:
            return list(ob2.verify_signed_assertion(token, document, documents=documents))
        if token:
            return list(jose.verify_vc_jwt(token, document, documents=documents))
        if is_ob2:
            verification = document.get("verification") or document.get("verify") or {}
            if isinstance(verification, Mapping) and verification.get("type") in ("signed", "SignedBadge"):
                return [
                    failed("proof", "a signed assertion without its token (JWS) cannot be verified"),
                    skipped("key", "not checked", None),
                ]
            # Online (or --documents): the hosted copy was fetched, or not. Offline: it counts if the wallet's
            # cache holds it (fetched by an earlier online run).
            if documents is not None and (not is_offline(documents) or hosted.hosted_url(document) in documents):
                return hosted.hosted_checks(document, documents)
            return list(ob2.hosted_checks(document))
        return _data_integrity(document, issuer_id, now, documents)

    if not only_time_dependent:
        checks += _guard("proof", proof_and_key)
    model_issued = credential.issued_on if credential else None
    model_expires = credential.expires_on if credential else None
    sources = [document, claims] if claims else [document]
    checks += _guard("dates", lambda: [dates_check(sources, now, model_issued, model_expires)])

    def status() -> list[Check]:
        if is_ob2:
            _, profile = ob2.issuer_profile(document, documents)
            return [ob2_status_check(document, profile, documents)]
        if depth >= _MAX_STATUS_DEPTH:
            return [skipped("status", "status of a status list is not followed", None)]

        def verify_list_now(list_credential: Mapping[str, Any]) -> Report:
            return _verify(
                list_credential,
                format=CredentialFormat.OB3,
                token=None,
                identities=[],
                now=now,
                documents=documents,
                schema_errors=[],
                credential=None,
                depth=depth + 1,
            )

        def verify_list(list_credential: Mapping[str, Any]) -> Report:
            if list_reports is None:
                return verify_list_now(list_credential)
            return list_reports.report(list_credential, documents, now, verify_list_now)

        return vc_status_checks(document, issuer_id=issuer_id, documents=documents, verify_list=verify_list)

    checks += _guard("status", status)
    if not only_time_dependent:
        _say_self_asserted(checks, document, issuer_id)
    if depth == 0 and not only_time_dependent:
        recipient = credential.recipient if credential else None
        checks += _guard("recipient", lambda: [recipient_check(document, recipient, identities)])
    return Report.from_checks(checks)


# Checks whose outcome depends only on the stored bytes, the verifier and the contexts (and identities):
# safe to reuse from a cache. Dates and status depend on the clock and the issuer, and always re-run.
TIME_INDEPENDENT_CHECKS = frozenset({"structure", "proof", "key", "recipient"})


def _self_reported(credential: Credential, now: datetime) -> Report:
    """A record the learner made (`credwallet add`, a LinkedIn export): no issuer signed anything, so it is
    never valid and never invalid; only its own expiry date can be checked."""
    where = f" (see {credential.credential_id})" if credential.credential_id else ""
    return Report.from_checks(
        [
            skipped("structure", f"a self-reported record{where}: there is no issued credential to check"),
            skipped("proof", "self-reported: nothing signed by the issuer"),
            dates_check([{}], now, credential.issued_on, credential.expires_on),
        ]
    )


def verify_credential(
    credential: Credential,
    *,
    identities: list[str],
    now: datetime,
    did_documents: Mapping[str, dict[str, Any]] | None = None,
    cached: list[Check] | None = None,
    list_reports: StatusListReports | None = None,
    strict: bool = False,
) -> Report:
    """Verify a wallet credential offline. `did_documents` maps DIDs / URLs to documents the caller holds
    (DID documents, controller documents, OB 2.0 badge classes, issuer profiles, keys, status lists).

    `cached`: time-independent checks from an earlier run with the same cache key; only dates and status
    are computed again. `list_reports`: one per run (same documents, same `now`), so each status list
    credential is verified once however many credentials point at it. `strict`: conformance findings
    count as failures (a validator's answer, `verify --strict`).
    """
    if credential.format is CredentialFormat.SELF_REPORTED:
        return _self_reported(credential, now)
    report = _verify(
        credential.document or {},
        format=credential.format,
        token=credential.token,
        identities=identities,
        now=now,
        documents=did_documents,
        schema_errors=list(credential.schema_errors),
        credential=credential,
        only_time_dependent=cached is not None,
        list_reports=list_reports,
    )
    if cached is not None:
        before = [c for c in cached if c.name in ("structure", "proof", "key")]
        after = [c for c in cached if c.name == "recipient"]
        report = Report.from_checks(before + report.checks + after)
    return Report.from_checks(strict_checks(report.checks)) if strict else report


def verify_document(
    document_or_token: dict[str, Any] | str,
    *,
    now: datetime,
    identities: list[str] | None = None,
    did_documents: Mapping[str, dict[str, Any]] | None = None,
) -> Report:
    """Verify a parsed credential (JSON-LD dict, OB 2.0 assertion) or a compact JWS without a wallet entry.

    The format is recognized from the content (an OB 2.0 `@context`, or a token's payload); use
    `verify_credential` when a parser has already built the Credential.
    """
    if isinstance(document_or_token, str):
        payload = _token_payload(document_or_token)
        fmt = CredentialFormat.OB2_SIGNED if _looks_ob2(payload) else CredentialFormat.OB3_JWT
        if not payload:
            return Report(Status.INVALID, [failed("structure", "not a credential: an unreadable or refused token")])
        return _verify(
            {},
            format=fmt,
            token=document_or_token,
            identities=identities or [],
            now=now,
            documents=did_documents,
            schema_errors=[],
            credential=None,
        )
    fmt = CredentialFormat.OB2 if _looks_ob2(document_or_token) else CredentialFormat.OB3
    return _verify(
        document_or_token,
        format=fmt,
        token=None,
        identities=identities or [],
        now=now,
        documents=did_documents,
        schema_errors=[],
        credential=None,
    )


def _looks_ob2(document: Mapping[str, Any]) -> bool:
    contexts = document.get("@context")
    values = contexts if isinstance(contexts, list) else [contexts]
    return any(isinstance(c, str) and "openbadges" in c for c in values) and "credentialSubject" not in document

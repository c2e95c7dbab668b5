"""Online verification: gather the documents, then run the offline verifier on them unchanged.

The verifier already checks did:web keys, hosted keys, status lists and OB 2.0 revocation lists when it is
given their documents; what only makes sense online (OB 2.0 hosted verification, the 1EdTech revocation list)
comes from `hosted` and `revocation` until the verifier calls them itself, and every document that could
not be fetched gets its own line in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from credwallet.model import Credential, CredentialFormat
from credwallet.net import DEFAULT_PARALLEL, Fetcher
from credwallet.online.gather import FetchRecord, Gathered, gather_documents
from credwallet.verify.keys import Documents
from credwallet.verify.report import Check, Report, skipped
from credwallet.verify.status import unchecked_subject

if TYPE_CHECKING:
    from credwallet.verify.verifier import StatusListReports

_HOSTED_FORMATS = frozenset({CredentialFormat.OB1, CredentialFormat.OB2})


@dataclass(slots=True)
class OnlineRun:
    """The reports of an online run (in the order of the credentials) and what was fetched for them."""

    reports: list[Report]
    gathered: Gathered


def _document(credential: Credential) -> Mapping[str, Any]:
    return credential.document if isinstance(credential.document, Mapping) else {}


def online_checks(
    credential: Credential, checks: list[Check], documents: Documents, failures: Sequence[FetchRecord] = ()
) -> list[Check]:
    """The verifier's checks, where a status left unchecked because its list could not be fetched now says
    why and makes the credential `unverified` (offline, the same line has no effect on the status)."""
    result: list[Check] = []
    for check in checks:
        what = unchecked_subject(check.detail) if check.name == "status" else None
        if what is not None:
            failure = _failure_for(check.detail, failures)
            if failure is not None:
                reason = failure.detail.removeprefix(f"{failure.url}: ")
                result.append(skipped("status", f"status unknown: {what} could not be checked ({reason})"))
                continue
        result.append(check)
    return result


def _failure_for(detail: str, failures: Sequence[FetchRecord]) -> FetchRecord | None:
    """The failed fetch an offline status line is about: its URL is in the line, or the issuer's profile."""
    for record in failures:
        if record.key in detail:
            return record
    if "issuer profile" in detail:
        return next((r for r in failures if r.role in ("badge", "issuer")), None)
    return None


def _entry(document: Mapping[str, Any], list_id: str) -> Mapping[str, Any] | None:
    entries = document.get("credentialStatus")
    for entry in entries if isinstance(entries, list) else [entries]:
        if isinstance(entry, Mapping) and entry.get("id") == list_id:
            return entry
    return None


def verify_with_documents(
    credential: Credential,
    gathered: Gathered,
    *,
    index: int,
    identities: list[str],
    now: datetime,
    list_reports: StatusListReports | None = None,
) -> Report:
    """Verify one credential against gathered documents; `index` is its place in the gathered list.
    `list_reports` (one per run) lets credentials sharing a status list reuse its verification."""
    from credwallet.verify import verify_credential

    report = verify_credential(
        credential, identities=identities, now=now, did_documents=gathered.documents, list_reports=list_reports
    )
    failures = [r for r in gathered.records_for(index) if r.outcome == "failed"]
    checks = online_checks(credential, list(report.checks), gathered.documents, failures)
    checks += gathered.checks_for(index, now)
    return Report.from_checks(checks)


def verify_online(
    credentials: Sequence[Credential],
    fetcher: Fetcher,
    *,
    identities: list[str],
    now: datetime,
    max_parallel: int = DEFAULT_PARALLEL,
    list_reports: StatusListReports | None = None,
) -> OnlineRun:
    """`verify --online` (or `--documents DIR`, or cache-only) for many credentials: one gather, then verify.
    Each status list credential is verified once for the run (`list_reports`: pass one to count them)."""
    from credwallet.verify.verifier import StatusListReports

    gathered = gather_documents(credentials, fetcher, max_parallel=max_parallel)
    shared = list_reports if list_reports is not None else StatusListReports()
    reports = [
        verify_with_documents(
            credential, gathered, index=index, identities=identities, now=now, list_reports=shared
        )
        for index, credential in enumerate(credentials)
    ]
    return OnlineRun(reports, gathered)

"""Verifying what the wallet holds: cached per credential, in parallel when that is faster, results saved.

The cache key is an HMAC, under the wallet's own secret (which no backup carries), of the stored bytes'
hash, the verifier version, the pinned contexts, the owner's identities and the documents used: a saved
verdict counts only in the wallet that computed it, never one restored from a (doctored) backup. A hit
reuses the signature, key, structure and recipient checks and re-runs only the time-dependent ones (dates,
status), so `verify --all` on an unchanged wallet costs little.

An offline run uses what the wallet's document cache holds (fetched by `verify --online`, or read from
`--documents DIR`): a plain `verify` never forgets what an online one established, and says how old it is.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from credwallet.model import Credential, CredentialFormat, Status

if TYPE_CHECKING:
    from credwallet.net import Fetcher
    from credwallet.store.wallet import Wallet
    from credwallet.verify.report import Check, Report
    from credwallet.verify.verifier import StatusListReports

ProgressCallback = Callable[[int, int], None]
# Below this many credentials needing real work, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 24
_HEAVY_FORMATS = frozenset({CredentialFormat.OB3, CredentialFormat.CLR})


@dataclass(slots=True)
class Verified:
    credential: Credential
    report: Report
    cache_key: str | None = None  # set when the result may be reused by a later run (offline, no documents)
    documents: Mapping[str, Any] | None = None  # the fetched or cached documents the verification had

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7: `{"id", "status", "checks": [{"name", "kind", "status", "detail"}]}`."""
        document = self.report.to_jsonable()
        return {"id": self.credential.wallet_id, "name": self.credential.name, **document}


def cache_key(credential: Credential, identities: list[str], documents_digest: str = "", *, secret: bytes) -> str:
    """The key a saved verdict is reused under: keyed with the wallet's secret, so nobody without the wallet
    can write a saved verdict that a later run takes for its own."""
    import hmac

    from credwallet.jsonld import contexts_fingerprint
    from credwallet.verify.verifier import VERIFIER_VERSION

    digest = hmac.new(secret, digestmod=hashlib.sha256)
    for part in (
        hashlib.sha256(credential.original_bytes).hexdigest(),
        credential.format.value,
        VERIFIER_VERSION,
        contexts_fingerprint(),
        "\n".join(sorted(identities)),
        documents_digest,
    ):
        digest.update(part.encode("utf-8") + b"\x00")
    return digest.hexdigest()


def _cached_checks(credential: Credential, key: str) -> list[Check] | None:
    from credwallet.verify.report import Check, CheckKind, CheckStatus
    from credwallet.verify.verifier import TIME_INDEPENDENT_CHECKS

    saved = credential.verification or {}
    cache = saved.get("cache") if isinstance(saved, dict) else None
    if not isinstance(cache, dict) or not hmac.compare_digest(str(cache.get("key")), key):
        return None
    checks = []
    try:
        for item in cache.get("checks", []):
            if item.get("name") in TIME_INDEPENDENT_CHECKS:
                effect = Status(item["effect"]) if item.get("effect") else None
                checks.append(
                    Check(
                        item["name"],
                        CheckStatus(item["status"]),
                        str(item["detail"]),
                        effect,
                        bool(item.get("warning")),
                        CheckKind(item.get("kind", CheckKind.AUTHENTICITY.value)),
                    )
                )
    except (AttributeError, KeyError, TypeError, ValueError):  # a damaged saved report: verify again
        return None
    return checks


def saved_form(report: Report, key: str | None) -> dict[str, Any]:
    """What the wallet keeps: the §7 report plus, for reuse, the checks with their effects."""
    document = report.to_jsonable()
    if key is not None:
        document["cache"] = {
            "key": key,
            "checks": [
                {
                    "name": c.name,
                    "status": c.status.value,
                    "detail": c.detail,
                    "effect": c.effect.value if c.effect else None,
                    "warning": c.warning,
                    "kind": c.kind.value,
                }
                for c in report.checks
            ],
        }
    return document


def _verify_batch(
    items: list[tuple[Credential, list[Check] | None]],
    identities: list[str],
    now: datetime,
    documents: Mapping[str, Any] | None,
    list_reports: StatusListReports | None = None,
) -> list[Report]:
    """Verify in order, sharing one status-list verdict per list across the batch (or the given run)."""
    from credwallet.verify.report import Report, errored
    from credwallet.verify.verifier import StatusListReports, verify_credential

    list_reports = list_reports if list_reports is not None else StatusListReports()
    reports = []
    for credential, cached in items:
        try:
            report = verify_credential(
                credential,
                identities=identities,
                now=now,
                did_documents=documents,
                cached=cached,
                list_reports=list_reports,
            )
        except Exception as error:  # e.g. a damaged row's bytes: this credential's error, the run goes on
            report = Report.from_checks([errored("structure", error)])
        reports.append(report)
    return reports


def verify_credentials(
    credentials: list[Credential],
    *,
    identities: list[str],
    now: datetime | None = None,
    documents: Mapping[str, Any] | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    documents_digests: list[str] | None = None,
    secret: bytes | None = None,
) -> list[Verified]:
    """Verify each credential (pure: nothing is saved); uses a process pool when the work is large.

    `secret`: the wallet's verdict secret; saved verdicts are reused (and keys made for saving) only with it.
    `documents_digests`: per credential, a digest of the documents it used (cached ones), so its verdict
    may be reused while they stay the same; without it, given documents rule reuse out."""
    moment = now or datetime.now(UTC)
    keys: list[str | None]
    if secret is None:  # no wallet secret, no reuse: a saved verdict is never taken on its own word
        keys = [None] * len(credentials)
    elif documents_digests is not None:
        keys = [
            cache_key(c, identities, d, secret=secret) for c, d in zip(credentials, documents_digests, strict=True)
        ]
    else:
        cacheable = documents is None  # fetched documents can change a verdict: no reuse then
        keys = [cache_key(c, identities, secret=secret) if cacheable else None for c in credentials]
    items = [
        (c, _cached_checks(c, key) if (use_cache and key is not None) else None)
        for c, key in zip(credentials, keys, strict=True)
    ]
    heavy = sum(1 for c, cached in items if cached is None and c.format in _HEAVY_FORMATS)
    cpus = os.cpu_count() or 1
    pool_size = min(workers if workers is not None else cpus, cpus)
    reports: list[Report]
    if pool_size > 1 and heavy >= PARALLEL_THRESHOLD:
        reports = _in_pool(items, identities, moment, documents, pool_size, on_progress)
    else:
        from credwallet.verify.verifier import StatusListReports

        reports = []
        run_lists = StatusListReports()  # one verdict per status list for the whole run
        step = max(1, len(items) // 100)  # progress in about a hundred steps
        for start in range(0, len(items), step):
            reports += _verify_batch(items[start : start + step], identities, moment, documents, run_lists)
            if on_progress:
                on_progress(len(reports), len(items))
    return [
        Verified(credential, report, key) for (credential, _), report, key in zip(items, reports, keys, strict=True)
    ]


def _in_pool(
    items: list[tuple[Credential, list[Check] | None]],
    identities: list[str],
    now: datetime,
    documents: Mapping[str, Any] | None,
    pool_size: int,
    on_progress: ProgressCallback | None,
) -> list[Report]:
    # Small chunks keep both cores busy to the end; original bytes travel with each credential.
    chunk = max(4, len(items) // (pool_size * 8))
    batches = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    reports: list[Report] = []
    with ProcessPoolExecutor(max_workers=pool_size) as pool:
        done = 0
        count = len(batches)
        for batch_reports in pool.map(_verify_batch, batches, [identities] * count, [now] * count, [documents] * count):
            reports.extend(batch_reports)
            done += len(batch_reports)
            if on_progress:
                on_progress(done, len(items))
    return reports


def verify_wallet(
    wallet: Wallet,
    wallet_ids: list[str] | None = None,
    *,
    now: datetime | None = None,
    documents: Mapping[str, Any] | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    fetcher: Fetcher | None = None,
    max_age: timedelta | None = None,
) -> list[Verified]:
    """Verify wallet credentials (all, or the given ids) and save each result with its time.

    With a `fetcher` (`--online`, `--documents DIR`) the documents each credential needs (issuer profiles,
    keys, DID documents, contexts, status lists, hosted assertions) are gathered first, once per URL. Without
    one, the wallet's document cache answers (documents older than `max_age` left out, when given).
    """
    wallet.require_writable()  # results are saved: say so before the work, not after
    if wallet_ids is None:
        credentials = wallet.credentials(with_original=True)
    else:
        credentials = [wallet.get(wallet_id) for wallet_id in wallet_ids]
    identities = wallet.profile().identities
    moment = now or datetime.now(UTC)
    if fetcher is not None:
        results = verify_gathered(credentials, fetcher, identities=identities, now=moment)
    else:
        results = verify_offline(
            credentials,
            wallet,
            identities=identities,
            now=moment,
            documents=documents,
            use_cache=use_cache,
            workers=workers,
            on_progress=on_progress,
            max_age=max_age,
        )
    mark_trusted(results, wallet)
    with wallet.batch():
        saved = []
        for result in results:
            assert result.credential.wallet_id is not None
            saved.append(
                (result.credential.wallet_id, result.report.status, saved_form(result.report, result.cache_key))
            )
            result.credential.status = result.report.status
        wallet.save_verifications(saved, moment)
        for result in results:
            _fill_from_documents(wallet, result)
    return results


def mark_trusted(results: list[Verified], wallet: Wallet) -> None:
    """Add the `issuer` line: is each credential's issuer on the learner's trust list (`credwallet trust`)."""
    from credwallet.trust import trust_check, trusted_issuers
    from credwallet.verify.report import Report

    trusted = {entry.issuer_id: entry for entry in trusted_issuers(wallet)}
    for result in results:
        line = trust_check(result.credential, trusted)
        if line is not None:
            result.report = Report.from_checks([*result.report.checks, line])


def _fill_from_documents(wallet: Wallet, result: Verified) -> None:
    """A hosted OB 2.0 badge whose badge class / issuer this verification had: shown with their real name,
    issuer and skills from now on (the issued assertion itself is unchanged)."""
    from credwallet.formats.enrich import fill_ob2, linked_documents

    if not result.documents or result.credential.wallet_id is None:
        return
    found = linked_documents(result.credential, result.documents)
    if found and fill_ob2(result.credential, found):
        wallet.update_display(result.credential.wallet_id, result.credential)
        if result.credential.content_hash:
            from credwallet.skills.extract import forget_claims

            forget_claims(result.credential.content_hash)


def verify_offline(
    credentials: list[Credential],
    wallet: Wallet | None,
    *,
    identities: list[str],
    now: datetime,
    documents: Mapping[str, Any] | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
    max_age: timedelta | None = None,
) -> list[Verified]:
    """Offline verification with what the wallet's document cache holds (and `documents`, e.g. --did-doc)."""
    from credwallet.online import cached_documents_fetcher
    from credwallet.online.gather import gather_documents
    from credwallet.verify.keys import CachedDocuments

    fetcher = cached_documents_fetcher(wallet, max_age) if wallet is not None else None
    secret = wallet.verdict_secret() if wallet is not None else None
    if fetcher is None:
        return verify_credentials(
            credentials,
            identities=identities,
            now=now,
            documents=documents,
            use_cache=use_cache,
            workers=workers,
            on_progress=on_progress,
            secret=secret,
        )
    gathered = gather_documents(credentials, fetcher)
    gathered.offline = True
    held = CachedDocuments({**gathered.documents, **(documents or {})})
    digests = [_documents_digest(held, gathered.links.get(index, set())) for index in range(len(credentials))]
    results = verify_credentials(
        credentials,
        identities=identities,
        now=now,
        documents=held,
        use_cache=use_cache and not documents,
        workers=workers,
        on_progress=on_progress,
        documents_digests=digests,
        secret=secret,
    )
    from credwallet.verify.report import Report

    for index, result in enumerate(results):
        used = gathered.checks_for(index, now)
        if used:
            result.report = Report.from_checks([*result.report.checks, *used])
        result.documents = held
    return results


def _documents_digest(held: Mapping[str, Any], keys: set[str]) -> str:
    """A digest of the cached documents one credential used: its verdict is reusable while they stay the same."""
    import json

    digest = hashlib.sha256()
    for key in sorted(k for k in keys if k in held):
        digest.update(key.encode("utf-8") + b"\x00")
        digest.update(json.dumps(held[key], sort_keys=True, default=str).encode("utf-8") + b"\x00")
    return digest.hexdigest()


def verify_gathered(
    credentials: list[Credential], fetcher: Fetcher, *, identities: list[str], now: datetime
) -> list[Verified]:
    """Online (or `--documents`) verification: gather every needed document once, then verify."""
    from credwallet.online import verify_online

    run = verify_online(credentials, fetcher, identities=identities, now=now)
    documents = run.gathered.documents
    return [Verified(c, report, documents=documents) for c, report in zip(credentials, run.reports, strict=True)]


def strict_view(results: list[Verified]) -> list[Verified]:
    """`verify --strict`: the same results judged as a validator would (conformance findings are failures).
    Only shown: the wallet keeps the learner's verdict, in which conformance never changes the status."""
    from credwallet.verify.report import Report
    from credwallet.verify.structure import strict_checks

    return [Verified(r.credential, Report.from_checks(strict_checks(r.report.checks)), r.cache_key) for r in results]


def problem_found(results: list[Verified]) -> bool:
    """Exit status 1 when any credential is invalid or revoked: something the user must act on (DESIGN.md §7).

    An expired credential is a fact about its dates, not a problem to fix: it never makes the run fail.
    """
    return any(r.report.status in (Status.INVALID, Status.REVOKED, Status.SUSPENDED) for r in results)

"""Open Badges 2.0 hosted verification: the issuer's own copy, fetched from the assertion's id, is the proof.

Three things are checked (OB 2.0 "Hosted verification"): the document at the id is that assertion and says
what the wallet's copy says (a 410 Gone or `revoked: true` means revoked); its badge class and issuer are read
from that hosted copy (never from the wallet's copy), the issuer profile from the issuer's own id; and the id
lies within the issuer's verification policy: `startsWith` prefixes and `allowedOrigins`, by default the
origin of the issuer's own id, so a badge cannot be "hosted" on a stranger's site. Pure: the documents come
from `gather_documents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from credwallet.model import Status
from credwallet.verify.keys import Documents, unavailable
from credwallet.verify.ob2 import establish_issuer
from credwallet.verify.report import Check, failed, passed, skipped, warning

# A difference here changes what the badge claims: the stored copy is not the one the issuer hosts.
CRITICAL_FIELDS = ("id", "type", "recipient", "badge", "issuedOn", "expires", "verification")


def hosted_url(assertion: Mapping[str, Any]) -> str | None:
    """The address a hosted assertion is verified at: its id (2.0) or `verify.url` (1.x)."""
    legacy = assertion.get("verify")
    candidates = [assertion.get("id"), legacy.get("url") if isinstance(legacy, Mapping) else None]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.lower().startswith(("https://", "http://")):
            return candidate.partition("#")[0]
    return None


def _as_strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _revocation(url: str, hosted: Mapping[str, Any]) -> Check | None:
    if hosted.get("revoked") is True or str(hosted.get("revoked")).lower() == "true":
        reason = hosted.get("revocationReason")
        why = f": {reason}" if isinstance(reason, str) and reason.strip() else ""
        return failed("status", f"revoked by the issuer{why} (the hosted assertion at {url} says so)", Status.REVOKED)
    return None


def compare_with_hosted(stored: Mapping[str, Any], url: str, hosted: Mapping[str, Any]) -> list[Check]:
    """The `proof` check of a hosted assertion (plus a `status` check when the issuer revoked it)."""
    revoked = _revocation(url, hosted)
    if revoked is not None:
        return [passed("proof", f"the issuer's hosted copy was fetched from {url}"), revoked]
    hosted_id = hosted.get("id")
    same = hosted_id in (url, stored.get("id")) if hosted_id is not None else hosted.get("uid") == stored.get("uid")
    if not same or (hosted_id is None and hosted.get("uid") is None):
        return [failed("proof", f"the document at {url} is not this assertion (its id is {hosted_id!r})")]
    differing = sorted(k for k in set(stored) | set(hosted) if stored.get(k) != hosted.get(k))
    critical = [k for k in differing if k in CRITICAL_FIELDS]
    if critical:
        return [
            failed(
                "proof",
                f"your copy differs from the issuer's hosted assertion at {url} in {', '.join(critical)}: "
                "it was changed after issue (or the issuer changed it)",
            )
        ]
    checks = [passed("proof", f"the issuer hosts this assertion at {url} and it matches your copy")]
    if differing:
        checks.append(
            warning(
                "proof",
                f"your copy differs from the issuer's hosted one in {', '.join(differing)} "
                "(the issuer's copy is authoritative)",
            )
        )
    return checks


def policy_check(url: str, issuer: Mapping[str, Any] | None, documents: Documents | None) -> Check:
    """The `key` check of a hosted assertion: is `url` a place the issuer says its assertions live?"""
    if issuer is None:
        return skipped("key", "the issuer profile could not be fetched, so its verification policy is unchecked")
    issuer_id = issuer.get("id") if isinstance(issuer.get("id"), str) else None
    policy = issuer.get("verification")
    if isinstance(policy, str) and documents is not None:
        policy = documents.get(policy)
    policy = policy if isinstance(policy, Mapping) else {}
    prefixes = _as_strings(policy.get("startsWith"))
    if prefixes and not any(url.startswith(prefix) for prefix in prefixes):
        return failed(
            "key",
            f"hosted assertion outside the issuer's verification policy: {url} does not start with "
            f"{' or '.join(prefixes)}",
        )
    allowed = [origin.lower() for origin in _as_strings(policy.get("allowedOrigins"))]
    what = "allowed origins"
    if not allowed:
        if not issuer_id:
            return skipped(
                "key", "the issuer profile has no id, so nothing says where its hosted assertions may live"
            )
        if not issuer_id.lower().startswith(("https://", "http://")):
            return skipped("key", f"the issuer {issuer_id} has no web address to hold its hosted assertions to")
        allowed = [urlsplit(issuer_id).netloc.lower()]
        what = "the origin of the issuer's id"
    parts = urlsplit(url)
    authority, host = parts.netloc.lower().rpartition("@")[2], (parts.hostname or "").lower()
    if authority not in allowed and host not in allowed:
        return failed(
            "key",
            f"hosted assertion outside the issuer's verification policy: {authority} is not "
            f"{what} ({', '.join(allowed)})",
        )
    whose = f"the issuer {issuer_id}" if issuer_id else "the issuer (its profile names no id)"
    return passed("key", f"hosted at {authority}, within the verification policy of {whose}")


def hosted_checks(assertion: Mapping[str, Any], documents: Documents | None) -> list[Check]:
    """`proof` and `key` (and a revoked `status`) of an OB 2.0 hosted assertion, from fetched documents."""
    url = hosted_url(assertion)
    if url is None:
        return [
            failed("proof", "a hosted assertion needs an https id to be verified at; this one has none"),
            skipped("key", "not checked", None),
        ]
    hosted = documents.get(url) if documents else None
    if not isinstance(hosted, Mapping):
        return [
            skipped("proof", f"hosted assertion: the issuer's copy at {url} could not be fetched"),
            skipped("key", "hosted assertion: the issuer was not checked", None),
        ]
    checks = compare_with_hosted(assertion, url, hosted)
    if checks[0].status.value == "failed":
        return [*checks, skipped("key", "not checked: the hosted copy does not match", None)]
    if any(check.name == "status" for check in checks):  # revoked: the issuer's copy says so, nothing to bind
        return [*checks, skipped("key", "not checked: the issuer revoked this assertion", None)]
    # OB 2.0: the input only says where to look; the copy answered at the id is the assertion (badge, issuer).
    issuer = establish_issuer(hosted, documents)
    if issuer.problem:
        return [*checks, failed("key", f"hosted assertion not bound to its issuer: {issuer.problem}")]
    if issuer.profile is None:
        what = issuer.missing or "the issuer profile"
        return [
            *checks,
            skipped("key", unavailable(what, documents) + "; the issuer's verification policy is unchecked"),
        ]
    return [*checks, policy_check(url, issuer.profile, documents)]

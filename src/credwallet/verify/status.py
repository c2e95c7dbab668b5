"""The `status` check: has the issuer revoked or suspended the credential?

Offline, a status entry is reported as skipped with what would be checked. When the caller supplies the
status list (or OB 2.0 revocation list) among the documents (`--documents DIR`, a cache), it is checked here:
the list credential's own proof must verify, the list is inflated with a byte cap, and the bit is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from typing import Any

from credwallet.model import Status
from credwallet.verify.keys import NOT_FOUND, Documents, b64url_decode, is_offline
from credwallet.verify.multibase import MultibaseError, multibase_decode
from credwallet.verify.report import Check, Report, failed, passed, skipped

# A decoded status list larger than this is refused (16 MiB = 134 million entries; a gzip bomb stops here).
MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024
LIST_ENTRY_TYPES = {
    "BitstringStatusListEntry": "BitstringStatusList",
    "StatusList2021Entry": "StatusList2021",
}

VerifyList = Callable[[Mapping[str, Any]], Report]


OFFLINE_PREFIX = "skipped (offline): would check "
MISSING_PREFIX = "not checked: "


def _offline(what: str, documents: Documents | None, missing: str = "the list") -> Check:
    """A status left unchecked for want of its list; the status stays as it is (the caller may say why).
    Offline it says how to check it; in a run that had documents, which one was missing."""
    if is_offline(documents):
        return skipped("status", f"{OFFLINE_PREFIX}{what}; run with --online", None)
    return skipped("status", f"{MISSING_PREFIX}{what}: {missing} {NOT_FOUND}", None)


def unchecked_subject(detail: str) -> str | None:
    """What an unchecked status line (from `_offline`) would have checked; None for any other line."""
    if detail.startswith(OFFLINE_PREFIX):
        return detail[len(OFFLINE_PREFIX) :].split("; run with", 1)[0]
    if detail.startswith(MISSING_PREFIX) and detail.endswith(NOT_FOUND):
        return detail[len(MISSING_PREFIX) :].split(": ", 1)[0]
    return None


def _inflate(encoded: str, multibase: bool) -> bytes:
    try:
        compressed = multibase_decode(encoded) if multibase else b64url_decode(encoded)
    except (MultibaseError, ValueError) as error:
        raise ValueError(f"encodedList is not {'multibase' if multibase else 'base64url'}") from error
    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected automatically
    data = inflater.decompress(compressed, MAX_STATUS_LIST_BYTES + 1)
    if len(data) > MAX_STATUS_LIST_BYTES or inflater.unconsumed_tail:
        raise ValueError(f"status list inflates beyond {MAX_STATUS_LIST_BYTES} bytes")
    return data


def _list_entry(
    entry: Mapping[str, Any], issuer_id: str | None, documents: Documents | None, verify_list: VerifyList
) -> Check:
    kind = LIST_ENTRY_TYPES[str(entry.get("type"))]
    url = entry.get("statusListCredential")
    purpose = str(entry.get("statusPurpose") or "revocation")
    try:
        index = int(entry.get("statusListIndex"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return failed("status", f"{kind} entry has no usable statusListIndex")
    what = f"{kind} {url} index {index} ({purpose})"
    list_credential = documents.get(url) if documents and isinstance(url, str) else None
    if not isinstance(list_credential, Mapping):
        return _offline(what, documents)
    report = verify_list(list_credential)
    if report.status is Status.INVALID or not any(c.status.value == "passed" for c in report.check("proof")):
        reason = next(
            (c.detail for c in report.checks if c.status.value in ("failed", "error")), "no valid proof"
        )
        return failed(
            "status", f"the status list {url} cannot be trusted ({reason}); status unknown", Status.UNVERIFIED
        )
    list_issuer = list_credential.get("issuer")
    list_issuer = list_issuer.get("id") if isinstance(list_issuer, Mapping) else list_issuer
    if issuer_id and list_issuer != issuer_id:
        return failed(
            "status", f"the status list {url} was issued by {list_issuer}, not by the credential's issuer"
        )
    subject = list_credential.get("credentialSubject")
    if not isinstance(subject, Mapping) or not isinstance(subject.get("encodedList"), str):
        return failed("status", f"the status list {url} has no encodedList", Status.UNVERIFIED)
    list_purpose = subject.get("statusPurpose")
    if list_purpose is not None and list_purpose != purpose:
        return failed(
            "status", f"the status list is for {list_purpose!r}, the entry for {purpose!r}", Status.UNVERIFIED
        )
    try:
        bits = _inflate(subject["encodedList"], multibase=kind == "BitstringStatusList")
    except (ValueError, zlib.error) as error:
        return failed("status", f"the status list {url}: {error}", Status.UNVERIFIED)
    if index < 0 or index >= len(bits) * 8:
        return failed("status", f"statusListIndex {index} is outside the list ({len(bits) * 8} entries)")
    if bits[index // 8] >> (7 - index % 8) & 1:
        verb = "suspended" if purpose == "suspension" else "revoked"
        return failed("status", f"{verb}: the issuer's status list {url} marks entry {index}", Status.REVOKED)
    return passed(
        "status",
        f"not {purpose.replace('revocation', 'revoked').replace('suspension', 'suspended')} "
        f"({kind} entry {index})",
    )


def vc_status_checks(
    vc: Mapping[str, Any], *, issuer_id: str | None, documents: Documents | None, verify_list: VerifyList
) -> list[Check]:
    entries = vc.get("credentialStatus")
    if entries is None:
        return [passed("status", "no status entry: the issuer publishes no revocation for this credential")]
    checks = []
    for entry in entries if isinstance(entries, list) else [entries]:
        if not isinstance(entry, Mapping):
            checks.append(failed("status", "credentialStatus entry is not an object"))
            continue
        entry_type = entry.get("type")
        if isinstance(entry_type, str) and entry_type in LIST_ENTRY_TYPES:
            checks.append(_list_entry(entry, issuer_id, documents, verify_list))
        elif entry_type == "1EdTechRevocationList":
            if documents and entry.get("id") in documents:
                from credwallet.verify.revocation import revocation_list_check

                checks.append(revocation_list_check(vc, entry, documents))
            else:
                checks.append(_offline(f"the 1EdTech revocation list {entry.get('id')}", documents))
        else:
            checks.append(skipped("status", f"unsupported status type {entry_type!r}; not checked", None))
    return checks


def ob2_status_check(
    assertion: Mapping[str, Any], issuer: Mapping[str, Any] | None, documents: Documents | None
) -> Check:
    """OB 2.0: the assertion must not be marked revoked nor listed in the issuer's revocationList."""
    if assertion.get("revoked") is True:  # a hosted assertion the issuer has revoked in place (OB 2.0 §Assertion)
        reason = assertion.get("revocationReason")
        return failed("status", f"revoked by the issuer{': ' + str(reason) if reason else ''}", Status.REVOKED)
    if issuer is None:
        return _offline("the issuer profile's revocation list", documents, "the badge class or issuer profile")
    list_ref = issuer.get("revocationList")
    if list_ref is None:
        return passed("status", "the issuer publishes no revocation list")
    revocations = (
        list_ref if isinstance(list_ref, Mapping) else documents.get(list_ref) if documents else None
    )
    if not isinstance(revocations, Mapping):
        return _offline(f"the revocation list {list_ref}", documents)
    ids = {assertion.get("id"), assertion.get("uid")} - {None}
    for item in revocations.get("revokedAssertions") or []:
        revoked_id = item.get("id") or item.get("uid") if isinstance(item, Mapping) else item
        if revoked_id in ids:
            reason = item.get("revocationReason") if isinstance(item, Mapping) else None
            return failed(
                "status", f"revoked by the issuer{': ' + str(reason) if reason else ''}", Status.REVOKED
            )
    return passed(
        "status",
        f"not in the issuer's revocation list {list_ref if isinstance(list_ref, str) else ''}".rstrip(),
    )

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
from credwallet.verify.report import Check, Report, failed, passed, skipped, warning

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
    """A status left unchecked for want of its list: not established, so the credential is `unverified`
    (DESIGN.md §5). Offline it says how to check it; in a run that had documents, which one was missing."""
    if is_offline(documents):
        return skipped("status", f"{OFFLINE_PREFIX}{what}; run with --online")
    return skipped("status", f"{MISSING_PREFIX}{what}: {missing} {NOT_FOUND}")


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


LIST_CREDENTIAL_TYPES = {
    "BitstringStatusList": ("BitstringStatusListCredential", "BitstringStatusList"),
    "StatusList2021": ("StatusList2021Credential", "StatusList2021"),
}


def _untrusted(url: Any, why: str) -> Check:
    """A list that cannot be trusted: the credential's status is unknown, so it is not valid either."""
    return failed("status", f"the status list {url} cannot be trusted ({why}); status unknown", Status.UNVERIFIED)


def _list_problem(kind: str, list_credential: Mapping[str, Any], report: Report) -> str | None:
    """Why a list credential cannot be trusted (Bitstring Status List §3.2 / StatusList2021 §5): its own proof,
    validity period and type; None when it can be."""
    credential_type, subject_type = LIST_CREDENTIAL_TYPES[kind]
    types = list_credential.get("type")
    if credential_type not in (types if isinstance(types, list) else [types]):
        return f"it is not a {credential_type} (type {types!r})"
    subject = list_credential.get("credentialSubject")
    subject_types = subject.get("type") if isinstance(subject, Mapping) else None
    if subject_type not in (subject_types if isinstance(subject_types, list) else [subject_types]):
        return f"its credentialSubject is not a {subject_type}"
    if not any(c.status.value == "passed" for c in report.check("proof")):
        return next(
            (c.detail for c in report.check("proof") if c.status.value in ("failed", "error", "skipped")),
            "it has no valid proof",
        )
    for check in report.checks:
        if check.name == "dates" and check.status.value == "failed":
            return f"the list itself is not valid now: {check.detail}"
        if check.name in ("structure", "key") and check.effect is Status.INVALID:
            return check.detail
    return None


def _signer(list_credential: Mapping[str, Any]) -> str | None:
    """Who the list says issued it (its `issuer`)."""
    list_issuer = list_credential.get("issuer")
    list_issuer = list_issuer.get("id") if isinstance(list_issuer, Mapping) else list_issuer
    return list_issuer if isinstance(list_issuer, str) else None


def _status_value(bits: bytes, index: int, size: int) -> int:
    """The `size`-bit value at entry `index` (most significant bit first, as both specs number them)."""
    value = 0
    for position in range(index * size, (index + 1) * size):
        value = value << 1 | (bits[position // 8] >> (7 - position % 8) & 1)
    return value


def _message(entry: Mapping[str, Any], value: int) -> str | None:
    """The issuer's words for a status value (`statusMessage`, "0x.." keys), if it gives any."""
    messages = entry.get("statusMessage")
    for item in messages if isinstance(messages, list) else []:
        if isinstance(item, Mapping) and str(item.get("status", "")).lower() in (hex(value), f"0x{value:x}"):
            text = item.get("message")
            return str(text) if text is not None else None
    return None


def _list_entry(
    entry: Mapping[str, Any], issuer_id: str | None, documents: Documents | None, verify_list: VerifyList
) -> list[Check]:
    kind = LIST_ENTRY_TYPES[str(entry.get("type"))]
    url = entry.get("statusListCredential")
    purpose = str(entry.get("statusPurpose") or "revocation")
    try:
        index = int(entry.get("statusListIndex"))  # type: ignore[arg-type]
        size = int(entry.get("statusSize", 1))
    except (TypeError, ValueError):
        return [failed("status", f"{kind} entry has no usable statusListIndex / statusSize", Status.UNVERIFIED)]
    if size < 1 or size > 8:
        return [failed("status", f"{kind} entry statusSize {size} is outside 1..8", Status.UNVERIFIED)]
    what = f"{kind} {url} index {index} ({purpose})"
    list_credential = documents.get(url) if documents and isinstance(url, str) else None
    if not isinstance(list_credential, Mapping):
        return [_offline(what, documents)]
    report = verify_list(list_credential)
    problem = _list_problem(kind, list_credential, report)
    if problem is not None:
        return [_untrusted(url, problem)]
    subject = list_credential.get("credentialSubject")
    assert isinstance(subject, Mapping)  # checked by _list_problem
    if not isinstance(subject.get("encodedList"), str):
        return [_untrusted(url, "it has no encodedList")]
    list_purposes = subject.get("statusPurpose")
    if list_purposes is not None and purpose not in (
        list_purposes if isinstance(list_purposes, list) else [list_purposes]
    ):
        return [_untrusted(url, f"the list is for {list_purposes!r}, the entry for {purpose!r}")]
    try:
        bits = _inflate(subject["encodedList"], multibase=kind == "BitstringStatusList")
    except (ValueError, zlib.error) as error:
        return [_untrusted(url, str(error))]
    if index < 0 or (index + 1) * size > len(bits) * 8:
        return [failed("status", f"statusListIndex {index} is outside the list ({len(bits) * 8 // size} entries)")]
    checks: list[Check] = []
    signer = _signer(list_credential)
    if issuer_id and signer != issuer_id:
        checks.append(
            warning(
                "status",
                f"the status list {url} is issued by {signer}, not by the credential's issuer {issuer_id}; "
                "its answer is reported as the issuer pointed to it",
            )
        )
    value = _status_value(bits, index, size)
    message = _message(entry, value)
    said = f" ({message})" if message else ""
    if purpose not in ("revocation", "suspension"):
        checks.insert(0, passed("status", f"status message {hex(value)}{said} ({kind} entry {index})"))
    elif value and purpose == "suspension":
        checks.insert(
            0,
            failed("status", f"suspended: the issuer's status list {url} marks entry {index}{said}", Status.SUSPENDED),
        )
    elif value:
        checks.insert(
            0, failed("status", f"revoked: the issuer's status list {url} marks entry {index}{said}", Status.REVOKED)
        )
    else:
        state = "suspended" if purpose == "suspension" else "revoked"
        checks.insert(0, passed("status", f"not {state} ({kind} entry {index}, list {url})"))
    return checks


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
            checks += _list_entry(entry, issuer_id, documents, verify_list)
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
    revocations = list_ref if isinstance(list_ref, Mapping) else documents.get(list_ref) if documents else None
    if not isinstance(revocations, Mapping):
        return _offline(f"the revocation list {list_ref}", documents)
    ids = {assertion.get("id"), assertion.get("uid")} - {None}
    for item in revocations.get("revokedAssertions") or []:
        revoked_id = item.get("id") or item.get("uid") if isinstance(item, Mapping) else item
        if revoked_id in ids:
            reason = item.get("revocationReason") if isinstance(item, Mapping) else None
            return failed("status", f"revoked by the issuer{': ' + str(reason) if reason else ''}", Status.REVOKED)
    return passed(
        "status",
        f"not in the issuer's revocation list {list_ref if isinstance(list_ref, str) else ''}".rstrip(),
    )

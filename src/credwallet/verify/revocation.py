"""The 1EdTech Revocation List status method (OB 3.0 / CLR 2.0 `credentialStatus` type `1EdTechRevocationList`).

The issuer publishes, at the entry's `id`, a JSON document whose `revokedCredentials` lists revoked
credential ids (each with `revoked`, true when absent, and an optional `revocationReason`). The list is not
signed: it is trusted as the issuer's word at that https address, as the 1EdTech validator does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from credwallet.model import Status
from credwallet.verify.keys import Documents
from credwallet.verify.report import Check, failed, passed, skipped

ENTRY_TYPE = "1EdTechRevocationList"


def revocation_list_check(vc: Mapping[str, Any], entry: Mapping[str, Any], documents: Documents | None) -> Check:
    """The `status` check of one 1EdTechRevocationList entry, from the fetched list (if any)."""
    url = entry.get("id")
    if not isinstance(url, str) or not url:
        return failed("status", "1EdTechRevocationList entry has no id (the list's address)", Status.UNVERIFIED)
    listing = documents.get(url.partition("#")[0]) if documents else None
    if not isinstance(listing, Mapping):
        return skipped("status", f"the 1EdTech revocation list {url} could not be fetched; revocation unknown")
    credential_id = vc.get("id")
    if not isinstance(credential_id, str):
        return skipped("status", "the credential has no id to look up in its 1EdTech revocation list")
    items = listing.get("revokedCredentials")
    if items is not None and not isinstance(items, list):
        return failed("status", f"the revocation list {url} is malformed (revokedCredentials)", Status.UNVERIFIED)
    for item in items or []:
        if not isinstance(item, Mapping) or item.get("id") != credential_id:
            continue
        if item.get("revoked", True) in (False, "false"):
            continue
        reason = item.get("revocationReason")
        why = f": {reason}" if isinstance(reason, str) and reason.strip() else ""
        return failed("status", f"revoked by the issuer{why} (1EdTech revocation list {url})", Status.REVOKED)
    return passed("status", f"not revoked (not in the issuer's 1EdTech revocation list {url})")


def revocation_list_checks(vc: Mapping[str, Any], documents: Documents | None) -> list[Check]:
    """One check per 1EdTechRevocationList entry of `vc` (none when it has no such entry)."""
    entries = vc.get("credentialStatus")
    return [
        revocation_list_check(vc, entry, documents)
        for entry in (entries if isinstance(entries, list) else [entries])
        if isinstance(entry, Mapping) and entry.get("type") == ENTRY_TYPE
    ]

"""Offline verification: one module per check family (DESIGN.md §5); `report` holds the Check/Report types.

    from credwallet.verify import verify_credential
    report = verify_credential(credential, identities=profile.identities, now=datetime.now(timezone.utc))

Importing this package is cheap: pyld, cryptography and joserfc load only when a proof is checked.
"""

from __future__ import annotations

from credwallet.verify.report import Check, CheckStatus, Report
from credwallet.verify.verifier import VERIFIER_VERSION, StatusListReports, verify_credential, verify_document

__all__ = [
    "VERIFIER_VERSION",
    "Check",
    "CheckStatus",
    "Report",
    "StatusListReports",
    "verify_credential",
    "verify_document",
]

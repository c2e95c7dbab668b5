"""Restoring a backup without taking its word: the rows are merged, then every restored credential is verified
again from its own bytes (offline, with what the wallet's document cache holds).

A plain backup is a file anyone who holds it can edit: its statuses, saved reports and cache keys are claims.
The restored rows start `unverified` (store/backup.py), and this is where they get a verdict of this wallet's
own making (issue 12: a doctored backup never restores a tampered credential as `valid`).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from credwallet.store.backup import RestoreReport
    from credwallet.store.wallet import Wallet


def restore_and_verify(wallet: Wallet, document: dict[str, Any], *, now: datetime | None = None) -> RestoreReport:
    """Merge `document` (a decoded backup) into the wallet and verify each credential it added."""
    from credwallet.store.backup import restore
    from credwallet.verification import verify_wallet

    report = restore(wallet, document)
    if report.restored:
        verify_wallet(wallet, report.restored, now=now)
    return report

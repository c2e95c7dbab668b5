"""Global options, set once by the root callback and read by every command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from credwallet.store.wallet import Wallet


@dataclass(slots=True)
class GlobalOptions:
    wallet_path: Path | None = None
    debug: bool = False


OPTIONS = GlobalOptions()


def open_wallet() -> Wallet:
    """The wallet the user named with --wallet, else the one in CREDWALLET_HOME / the platform data folder."""
    from credwallet.store.wallet import Wallet

    return Wallet.open(OPTIONS.wallet_path)

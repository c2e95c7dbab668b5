"""Global options, set once by the root callback and read by every command."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from credwallet.model import Credential
    from credwallet.store.wallet import Wallet


@dataclass(slots=True)
class GlobalOptions:
    wallet_path: Path | None = None
    create: bool = False
    debug: bool = False


OPTIONS = GlobalOptions()


def open_wallet() -> Wallet:
    """The wallet the user named with --wallet, else the one in CREDWALLET_HOME / the platform data folder.

    A --wallet path that does not exist is refused unless --create: a typo must not start an empty wallet.
    """
    from credwallet.store.wallet import Wallet

    path = OPTIONS.wallet_path
    if path is not None and not OPTIONS.create and not path.exists():
        from credwallet.errors import InputError

        raise InputError(f"no wallet at {path}", hint="check the path, or add --create to start a new wallet there")
    wallet = Wallet.open(path)
    wallet.on_damaged = _warn_damaged
    return wallet


def _warn_damaged(wallet_id: str, reason: str) -> None:
    """One line on stderr per damaged credential row; the command goes on without it."""
    from credwallet.cli.console import clean, err

    err().print(
        f"warning: credential {clean(wallet_id)} is damaged in the wallet and was left out ({clean(reason)}); "
        f"credwallet remove {clean(wallet_id)}, then import the badge again",
        markup=False,
    )


def credentials_of(wallet: Wallet, *, excluding: Collection[str] = ()) -> list[Credential]:
    """Every credential (but those whose status is in `excluding`), with skill claims from the store so skills
    are not extracted on every command."""
    import gc

    from credwallet.skills.service import credentials_with_skills

    credentials = credentials_with_skills(wallet, excluding=excluding)
    gc.freeze()  # kept until the command ends: later collections need not scan them again
    return credentials

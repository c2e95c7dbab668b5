"""credwallet: a learner-owned credential wallet and career planner.

`from credwallet import Wallet` gives the whole product as a library; the CLI is a thin layer over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from credwallet.store.wallet import Wallet

__all__ = ["Wallet", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import credwallet` (and the CLI's start-up) does not pull in the database layer.
    if name == "Wallet":
        from credwallet.store.wallet import Wallet

        return Wallet
    raise AttributeError(name)

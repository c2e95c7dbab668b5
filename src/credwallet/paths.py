"""Where the wallet lives: one place decides, so tests and users can move it with one variable."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CREDWALLET_HOME"
DB_FILENAME = "wallet.db"


def wallet_home() -> Path:
    """The wallet folder: `CREDWALLET_HOME`, else the platform's per-user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("credwallet", appauthor=False))


def user_roles_dir(home: Path) -> Path:
    return home / "roles"


def user_catalogs_dir(home: Path) -> Path:
    return home / "catalogs"


def catalog_cache_dir(home: Path) -> Path:
    """Validated user catalogs, keyed by the hash of their bytes (safe to delete)."""
    return home / "cache" / "catalogs"

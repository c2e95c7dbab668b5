"""Declared skills: stored in the wallet, shown as "declared", counted by gap as the weakest evidence."""

from __future__ import annotations

from pathlib import Path

from credwallet.store.wallet import Wallet


def test_wallet_declares_replaces_and_forgets(wallet_home: Path) -> None:
    with Wallet.open(home=wallet_home) as wallet:
        assert wallet.declared_skills() == []
        wallet.declare_skill("sql", 3, "  weekly reporting  ")
        wallet.declare_skill("sql", 4, None)
        wallet.declare_skill("excel", 2)
        declared = wallet.declared_skills()
        assert [(d.skill, d.level, d.note) for d in declared] == [("excel", 2, None), ("sql", 4, None)]
        assert declared[0].declared_at is not None
        assert wallet.undeclare_skill("sql") and not wallet.undeclare_skill("sql")
        assert "m005_declared_skills" in wallet.schema_version()

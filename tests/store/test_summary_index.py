"""`list`, gap's evidence rows and an export's status filter read the covering summary index (migration
m008), never the table rows that hold the issued documents."""

from __future__ import annotations

from pathlib import Path

from tests.badgekit import assertion_bytes

from credwallet.formats.detect import parse_bytes
from credwallet.store.wallet import Wallet


def test_summary_reads_use_the_covering_index(wallet_home: Path) -> None:
    with Wallet.open(home=wallet_home) as wallet:
        wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
        statements: list[str] = []
        wallet._db.set_trace_callback(statements.append)
        wallet.summaries()
        wallet.evidence_rows("vocabulary")
        wallet.credentials(excluding=["revoked", "invalid"])
        wallet._db.set_trace_callback(None)
        plans = {
            sql: " | ".join(row[3] for row in wallet._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in statements
            if sql.lstrip().upper().startswith("SELECT")
        }
    assert len(plans) == 3, plans
    for sql, plan in plans.items():
        assert "COVERING INDEX credentials_summary" in plan, (sql, plan)
        steps = plan.split(" | ")
        assert not any("TEMP B-TREE" in step or step in ("SCAN credentials", "SCAN c") for step in steps), (sql, plan)

"""The tamper suite's counts (issue 12): every signed credential of sample_data/, the shared external fixtures
and tests/real_world/dcc, every tampered variant of each (changed, added, removed, aliased signed properties;
redefined contexts; broken, swapped and removed proofs; swapped keys and issuers), and how many verify as
`valid` (goal 0).

    python scripts/tamper_suite.py           # every variant (minutes)
    python scripts/tamper_suite.py --quick   # the selection tests/verify/test_tamper.py runs

Exit status 1 when a variant is wrongly valid or a source credential does not verify untampered.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.verify.tamper_variants import main

if __name__ == "__main__":
    raise SystemExit(main())

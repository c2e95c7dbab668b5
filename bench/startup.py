"""Start-up: `credwallet --help`, `--version` and `list` (1,000 credentials) against `python -c "import typer"`.

Targets (DESIGN.md §8): --help and --version within 2.5x of the baseline, list within 6x.
Usage: python bench/startup.py [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import generated_assertion, interleaved_medians, run_command


def build_wallet(home: Path, count: int) -> None:
    import json

    from credwallet.formats.detect import parse_bytes
    from credwallet.store.wallet import Wallet

    with Wallet.open(home=home) as wallet, wallet.batch():
        for index in range(count):
            data = json.dumps(generated_assertion(index)).encode()
            wallet.add(parse_bytes(data, source=f"bench-{index}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        build_wallet(home, 1000)
        env = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}
        cases = {
            "baseline: python -c 'import typer'": lambda: run_command(
                [sys.executable, "-c", "import typer"], env
            ),
            "credwallet --help": lambda: run_command([exe, "--help"], env),
            "credwallet --version": lambda: run_command([exe, "--version"], env),
            "credwallet list (1,000)": lambda: run_command([exe, "list"], env),
        }
        medians = interleaved_medians(cases, args.repeats)
    baseline = medians["baseline: python -c 'import typer'"]
    targets = {"credwallet --help": 2.5, "credwallet --version": 2.5, "credwallet list (1,000)": 6.0}
    print(f"{'case':40} {'median ms':>10} {'ratio':>7} {'target':>7}")
    for name, value in medians.items():
        target = targets.get(name)
        verdict = "" if target is None else ("ok" if value / baseline <= target else "OVER")
        print(f"{name:40} {value * 1000:10.1f} {value / baseline:7.2f} {target or '':>7} {verdict}")


if __name__ == "__main__":
    main()

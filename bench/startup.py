"""Start-up: `credwallet --help`, `--version`, and `list`, `gap`, `roles match`, `export resume` on 1,000
credentials, against `python -c "import typer"`; and whether each imports pydantic (Typer 0.29 would).

Targets (DESIGN.md §8): --help and --version within 2.5x of the baseline, list within 6x.
Usage: python bench/startup.py [--repeats N] [--module]
  --module runs `python -m credwallet`, so another source tree can be timed: PYTHONPATH=/old/src ... --module
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import generated_assertion, run_command

BASELINE = "baseline: python -c 'import typer'"


def build_wallet(home: Path, count: int) -> None:
    import json

    from credwallet.formats.detect import parse_bytes
    from credwallet.store.wallet import Wallet

    with Wallet.open(home=home) as wallet, wallet.batch():
        for index in range(count):
            data = json.dumps(generated_assertion(index)).encode()
            wallet.add(parse_bytes(data, source=f"bench-{index}"))


PYDANTIC_PROBE = (
    "import runpy, sys; sys.argv = ['credwallet', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('credwallet', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "sys.stderr.write('PYDANTIC=%s' % ('pydantic' in sys.modules))"
)


def imports_pydantic(args: list[str], env: dict[str, str]) -> bool:
    """Whether running `credwallet ARGS` imports pydantic (Typer 0.29 does for every option it converts)."""
    result = subprocess.run([sys.executable, "-c", PYDANTIC_PROBE, *args], capture_output=True, text=True, env=env)
    return "PYDANTIC=True" in result.stderr


def interleaved_samples(cases: dict[str, Callable[[], float]], repeats: int) -> dict[str, list[float]]:
    """Each case in turn, `repeats` rounds, so machine noise hits every case alike."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, case in cases.items():
            samples[name].append(case())
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument(
        "--module", action="store_true", help="run `python -m credwallet` (to time another source tree on PYTHONPATH)"
    )
    args = parser.parse_args()
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    command = [sys.executable, "-m", "credwallet"] if args.module else [exe]
    commands = {
        "credwallet --help": ["--help"],
        "credwallet --version": ["--version"],
        "credwallet list (1,000)": ["list"],
        "credwallet gap --role data-analyst (1,000)": ["gap", "--role", "data-analyst"],
        "credwallet roles match (1,000)": ["roles", "match"],
        "credwallet export resume (1,000)": ["export", "resume", "--format", "markdown"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        build_wallet(home, 1000)
        env = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}
        cases: dict[str, Callable[[], float]] = {
            BASELINE: lambda: run_command([sys.executable, "-c", "import typer"], env)
        }
        for name, words in commands.items():
            cases[name] = lambda words=words: run_command([*command, *words], env)  # type: ignore[misc]
        for words in commands.values():  # warm the caches (skills, catalogs) before timing
            run_command([*command, *words], env)
        samples = interleaved_samples(cases, args.repeats)
        pydantic = {name: imports_pydantic(words, env) for name, words in commands.items()}
    baseline = statistics.median(samples[BASELINE])
    targets = {"credwallet --help": 2.5, "credwallet --version": 2.5, "credwallet list (1,000)": 6.0}
    print(f"{'case':44} {'median ms':>9} {'min':>7} {'max':>7} {'ratio':>6} {'target':>6}  pydantic")
    for name, values in samples.items():
        median = statistics.median(values)
        target = targets.get(name)
        verdict = "" if target is None else ("ok" if median / baseline <= target else "OVER")
        loaded = "" if name == BASELINE else ("imported" if pydantic[name] else "no")
        print(
            f"{name:44} {median * 1000:9.1f} {min(values) * 1000:7.1f} {max(values) * 1000:7.1f} "
            f"{median / baseline:6.2f} {target or '':>6} {verdict:4} {loaded}"
        )


if __name__ == "__main__":
    main()

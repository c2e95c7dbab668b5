"""Import through the CLI: OB 2.0 against raw sqlite3 inserts, OB 3.0 against OB 2.0, and import with
verification against `verify --all` alone.

Cases, each a whole `credwallet` process into a fresh empty wallet, interleaved round by round, after one
warm-up round (so the files are in the page cache: "warm runs"); medians of `--rounds` with min and max:
- `import --no-verify` of N OB 2.0 JSON files (the demo's badge builders) and of N OB 3.0 JSON-LD files;
  time after start-up = the run minus `credwallet --version` in the same round.
- baseline: inserting the same normalized rows with raw sqlite3 in one transaction into a database with the
  wallet's schema (in this process; the rows are computed beforehand).
- `import` (verification on) of M signed OB 3.0 credentials, against `verify --all --no-cache` of the same
  wallet alone.
Targets (issue 16): OB 2.0 <= 4x raw inserts; OB 3.0 <= 2x OB 2.0 per credential; import with verification
<= 1.5x verify --all alone.
Usage: python bench/import_speed.py [--count 10000] [--signed 1000] [--rounds 5] [--cli-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed
from import_ob3 import generated_ob3
from make_bench_badges import write_ob2_json_files
from verify_vs_dcc import write_corpus

from credwallet.formats.detect import parse_bytes
from credwallet.store.connection import connect
from credwallet.store.rows import INSERT_SQL, prepare


def stored_rows(paths: list[Path]) -> list[tuple[object, ...]]:
    """The exact rows the wallet stores for these files (computed outside the timed region)."""
    rows = []
    for path in paths:
        for credential in parse_bytes(path.read_bytes(), source=str(path)):
            prepared = prepare(credential)
            rows.append((prepared.content_hash[:8], *prepared.values, None))
    return rows


def raw_insert(db_path: Path, rows: list[tuple[object, ...]]) -> tuple[float, float]:
    db = connect(db_path)  # same schema and pragmas as a wallet
    started, cpu = time.perf_counter(), time.process_time()
    db.execute("BEGIN")
    db.executemany(INSERT_SQL, rows)
    db.execute("COMMIT")
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    db_path.unlink()
    return elapsed, used


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (its worker processes included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[1:3])}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def stats(samples: list[float]) -> str:
    return f"{statistics.median(samples):7.3f} ({min(samples):.3f}–{max(samples):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--signed", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cli-src", type=Path, help="run the CLI from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    compile_like_installed(args.cli_src)
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ob2 = write_ob2_json_files(tmp / "ob2", args.count, seed=5)
        (tmp / "ob3").mkdir()
        for index in range(args.count):
            (tmp / "ob3" / f"ob3-{index:05d}.json").write_text(json.dumps(generated_ob3(index), indent=2))
        write_corpus(tmp / "signed", args.signed)
        rows = stored_rows(ob2)
        counter = iter(range(1_000_000))

        def fresh_env() -> dict[str, str]:
            env = {**os.environ, "CREDWALLET_HOME": str(tmp / f"wallet-{next(counter)}"), "NO_COLOR": "1"}
            if args.cli_src:
                env["PYTHONPATH"] = str(args.cli_src)
            return env

        verified_env = fresh_env()  # a wallet holding the signed credentials, for `verify --all` alone
        run([exe, "import", "--no-verify", str(tmp / "signed")], verified_env)

        def import_into_fresh(folder: str, *extra: str) -> Callable[[], tuple[float, float]]:
            return lambda: run([exe, "import", *extra, str(tmp / folder)], fresh_env())

        cases: dict[str, Callable[[], tuple[float, float]]] = {
            "start-up: credwallet --version": lambda: run([exe, "--version"], fresh_env()),
            "raw sqlite3 insert of the OB 2.0 rows": lambda: raw_insert(tmp / "raw.db", rows),
            f"import --no-verify {args.count:,} OB 2.0": import_into_fresh("ob2", "--no-verify"),
            f"import --no-verify {args.count:,} OB 3.0": import_into_fresh("ob3", "--no-verify"),
            f"import {args.signed:,} signed OB 3.0 (verifying)": import_into_fresh("signed"),
            f"verify --all --no-cache, {args.signed:,} alone": lambda: run(
                [exe, "verify", "--all", "--no-cache"], verified_env
            ),
        }
        wall: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for round_ in range(args.rounds + 1):
            for name, case in cases.items():
                elapsed, used = case()
                if round_:  # round 0 is the warm-up
                    wall[name].append(elapsed)
                    cpu[name].append(used)
            for wallet in tmp.glob("wallet-*"):
                if wallet != Path(verified_env["CREDWALLET_HOME"]):
                    shutil.rmtree(wallet)
            print(f"round {round_}/{args.rounds} done", flush=True)
    names = list(cases)
    startup, raw, ob2_name, ob3_name, signed_name, verify_name = names
    after = {n: [w - s for w, s in zip(wall[n], wall[startup], strict=True)] for n in (ob2_name, ob3_name, signed_name)}
    after_cpu = {
        n: [c - s for c, s in zip(cpu[n], cpu[startup], strict=True)] for n in (ob2_name, ob3_name, signed_name)
    }
    print(f"\n{'case':44} {'wall s (min–max)':>24} {'CPU s (min–max)':>24}")
    for name in names:
        print(f"{name:44} {stats(wall[name]):>24} {stats(cpu[name]):>24}")

    def ratio(top: list[float], bottom: list[float]) -> str:
        values = [a / b for a, b in zip(top, bottom, strict=True)]
        return stats(values)

    print("\nratios, pair by pair (median, min–max)")
    print(f"OB 2.0 import after start-up / raw insert, wall   {ratio(after[ob2_name], wall[raw])}   target <= 4")
    print(f"OB 2.0 import after start-up / raw insert, CPU    {ratio(after_cpu[ob2_name], cpu[raw])}")
    print(f"OB 3.0 / OB 2.0 import after start-up, wall       {ratio(after[ob3_name], after[ob2_name])}   target <= 2")
    print(f"OB 3.0 / OB 2.0 import after start-up, CPU        {ratio(after_cpu[ob3_name], after_cpu[ob2_name])}")
    print(
        f"import with verification / verify --all, wall     {ratio(wall[signed_name], wall[verify_name])}"
        "   target <= 1.5"
    )
    print(f"import with verification / verify --all, CPU      {ratio(cpu[signed_name], cpu[verify_name])}")


if __name__ == "__main__":
    main()

"""The long fuzzing campaign: every target under atheris, one after the other, one process at a time.

    nice -n 19 python -m fuzz.campaign --out fuzz-out            # about 1,000,000 inputs in all
    python -m fuzz.campaign --out fuzz-out --scale 0.01 --targets json,png   # a quick look

Each target keeps its corpus in OUT/corpus/TARGET (a rerun starts where the last one stopped), its crash,
slow and memory inputs in OUT/artifacts/TARGET, its log in OUT/logs; the summary (inputs, crash classes,
inputs over the CPU-time and memory limits per target) is printed and written to OUT/summary.json and
OUT/summary.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# Inputs per target at --scale 1: the slow targets (canonicalization, restoring a backup) get fewer.
DEFAULT_RUNS = {
    "json": 220_000,
    "png": 220_000,
    "svg": 250_000,
    "jws": 200_000,
    "clr": 100_000,
    "jsonld": 20_000,
    "backup": 50_000,
}
MAX_INPUT_BYTES = 65_536
HANG_SECONDS = 60  # libFuzzer stops a target on an input this slow (the 2 s limit is counted, not enforced)
HARD_RSS_MB = 2_048  # libFuzzer stops a target past this (the 200 MB limit is counted, not enforced)


def _write_seeds(folder: Path, seeds: list[bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        if len(seed) <= MAX_INPUT_BYTES:
            (folder / f"seed-{hashlib.sha256(seed).hexdigest()[:16]}").write_bytes(seed)


def _executed(log: Path) -> int:
    found = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log.read_text(errors="replace"))
    return int(found[-1]) if found else 0


def merged(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The statistics of two runs of one target, as one (a rerun continues an interrupted campaign)."""
    result = dict(after)
    for key in ("executions", "seconds", "wall_seconds", "crash_inputs", "slow_inputs", "inputs_over_memory"):
        result[key] = round(before.get(key, 0) + after.get(key, 0), 1)
    for key in ("slowest_seconds", "peak_rss_mb", "largest_input_memory_mb"):
        result[key] = max(before.get(key, 0), after.get(key, 0))
    crashes = {**before.get("crashes", {})}
    for key, crash in after.get("crashes", {}).items():
        crashes[key] = {**crash, "count": crash["count"] + crashes.get(key, {}).get("count", 0)}
    result["crashes"] = crashes
    result["crash_classes"] = len(crashes)
    result["slow"] = [*before.get("slow", []), *after.get("slow", [])][:50]
    result["over_memory"] = [*before.get("over_memory", []), *after.get("over_memory", [])][:50]
    return result


def run_target(name: str, runs: int, out: Path, *, slow_seconds: float, rss_mb: int) -> dict[str, Any]:
    """Fuzz `name` until it has had `runs` inputs in all, counting what earlier runs in `out` already did."""
    from fuzz.targets import TARGETS

    corpus = out / "corpus" / name
    if not corpus.is_dir() or not any(corpus.iterdir()):
        _write_seeds(corpus, TARGETS[name].seeds())
    stats = out / "stats" / f"{name}.json"
    total = out / "stats" / f"{name}.total.json"
    before: dict[str, Any] = json.loads(total.read_text()) if total.exists() else {}
    if stats.exists():  # a run that was killed before its numbers were added up: they count too
        before = merged(before, {"crashes": {}, **json.loads(stats.read_text())})
        total.parent.mkdir(parents=True, exist_ok=True)
        total.write_text(json.dumps(before, indent=2), encoding="utf-8")
        stats.unlink()
    runs -= int(before.get("executions", 0))
    if runs <= 0:
        return before
    log = out / "logs" / f"{name}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "fuzz.run_atheris", name,
        "--stats", str(stats), "--artifacts", str(out / "artifacts" / name),
        "--slow-seconds", str(slow_seconds), "--rss-mb", str(rss_mb),
        "--", f"-runs={runs}", f"-max_len={MAX_INPUT_BYTES}", f"-timeout={HANG_SECONDS}",
        f"-rss_limit_mb={HARD_RSS_MB}", "-print_final_stats=1", str(corpus),
    ]  # fmt: skip
    started = time.time()
    with log.open("w", encoding="utf-8") as stream:
        finished = subprocess.run(command, stdout=stream, stderr=subprocess.STDOUT, check=False)
    result: dict[str, Any] = json.loads(stats.read_text()) if stats.exists() else {"target": name}
    result["executions"] = max(int(result.get("executions", 0)), _executed(log))
    result["wall_seconds"] = round(time.time() - started, 1)
    result["exit_status"] = finished.returncode
    result = merged(before, result)
    total.write_text(json.dumps(result, indent=2), encoding="utf-8")
    stats.unlink(missing_ok=True)  # added up: a rerun must not count it twice
    return result


def summary_table(results: list[dict[str, Any]], *, slow_seconds: float, rss_mb: int) -> str:
    header = (
        f"| target | inputs | crash classes | crashing inputs | inputs over {slow_seconds:g} s CPU | slowest (s) "
        f"| most memory one input took (MB) | inputs over {rss_mb} MB | process peak RSS (MB) |"
    )
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for item in results:
        lines.append(
            f"| {item['target']} | {item.get('executions', 0):,} | {item.get('crash_classes', 0)} "
            f"| {item.get('crash_inputs', 0)} | {item.get('slow_inputs', 0)} | {item.get('slowest_seconds', 0)} "
            f"| {item.get('largest_input_memory_mb', 0)} | {item.get('inputs_over_memory', 0)} "
            f"| {item.get('peak_rss_mb', 0)} |"
        )
    total = sum(int(item.get("executions", 0)) for item in results)
    crashes = sum(int(item.get("crash_classes", 0)) for item in results)
    slow = sum(int(item.get("slow_inputs", 0)) for item in results)
    memory = sum(int(item.get("inputs_over_memory", 0)) for item in results)
    lines.append(f"| **all** | **{total:,}** | **{crashes}** | | **{slow}** | | | **{memory}** | |")
    for item in results:
        for key, crash in (item.get("crashes") or {}).items():
            lines.append(f"\n{item['target']}: {key} ({crash['count']}x): {crash['message']} -> {crash['input']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m fuzz.campaign", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every target's number of inputs")
    parser.add_argument("--targets", default=",".join(DEFAULT_RUNS), help="comma-separated target names")
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    parser.add_argument("--rss-mb", type=int, default=200)
    options = parser.parse_args(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        raise SystemExit("atheris is not installed: pip install -e '.[fuzz]'") from None
    results = []
    for name in options.targets.split(","):
        runs = max(1, int(DEFAULT_RUNS[name] * options.scale))
        print(f"fuzzing {name}: {runs:,} inputs in all ...", flush=True)
        results.append(run_target(name, runs, options.out, slow_seconds=options.slow_seconds, rss_mb=options.rss_mb))
        (options.out / "summary.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    # Every target this --out has numbers for, also those another campaign process ran (--targets splits one
    # campaign over several processes).
    totals = [options.out / "stats" / f"{name}.total.json" for name in DEFAULT_RUNS]
    results = [json.loads(total.read_text()) for total in totals if total.exists()]
    (options.out / "summary.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    table = summary_table(results, slow_seconds=options.slow_seconds, rss_mb=options.rss_mb)
    (options.out / "summary.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()

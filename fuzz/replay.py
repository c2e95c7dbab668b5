"""Replay a campaign's corpus and kept inputs, measuring each one alone: `python -m fuzz.replay --out fuzz-out`.

The corpus holds every input that reached new code, so replaying it checks the finished campaign against
today's code (a crash fixed stays fixed) and measures each input's CPU time and memory on its own, outside
libFuzzer. Needs no atheris.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from fuzz.run_atheris import MemoryMeter


def replay_target(name: str, out: Path, *, slow_seconds: float, memory_mb: float) -> dict[str, Any]:
    from fuzz.targets import TARGETS

    target = TARGETS[name]
    files = sorted((out / "corpus" / name).glob("*")) + sorted((out / "artifacts" / name).glob("*"))
    meter = MemoryMeter()
    result: dict[str, Any] = {
        "target": name, "inputs": 0, "crashes": [], "slowest_seconds": 0.0, "largest_input_memory_mb": 0.0,
        "slow_inputs": 0, "inputs_over_memory": 0,
    }  # fmt: skip
    for path in files:
        data = path.read_bytes()
        meter.start()
        started = time.process_time()
        try:
            target.run(data)
        except Exception as exc:
            result["crashes"].append(f"{path.name}: {type(exc).__name__}: {str(exc)[:200]}")
        seconds = time.process_time() - started
        taken = meter.taken_mb()
        result["inputs"] += 1
        result["slowest_seconds"] = round(max(result["slowest_seconds"], seconds), 3)
        result["largest_input_memory_mb"] = round(max(result["largest_input_memory_mb"], taken), 1)
        result["slow_inputs"] += seconds > slow_seconds
        result["inputs_over_memory"] += taken > memory_mb
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m fuzz.replay", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--targets", default="", help="comma-separated target names (default: all with a corpus)")
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    parser.add_argument("--memory-mb", type=float, default=200.0)
    options = parser.parse_args(argv)
    corpora = sorted(path.name for path in (options.out / "corpus").iterdir())
    names = options.targets.split(",") if options.targets else corpora
    results = []
    for name in names:
        result = replay_target(name, options.out, slow_seconds=options.slow_seconds, memory_mb=options.memory_mb)
        print(
            f"{name}: {result['inputs']:,} inputs replayed, {len(result['crashes'])} crashing, slowest "
            f"{result['slowest_seconds']} s CPU ({result['slow_inputs']} over {options.slow_seconds:g} s), most "
            f"memory {result['largest_input_memory_mb']} MB ({result['inputs_over_memory']} over "
            f"{options.memory_mb:g} MB)",
            flush=True,
        )
        for crash in result["crashes"][:10]:
            print(f"  {crash}")
        results.append(result)
    (options.out / "replay.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

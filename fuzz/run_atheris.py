"""Run one target under atheris (libFuzzer, coverage-guided): `python -m fuzz.run_atheris TARGET [options]
[-- libFuzzer flags]`.

Unlike a plain libFuzzer run, a crash does not end the run: every unexpected exception is recorded once per
crash class (exception type + the innermost credwallet frame) with the input that caused it, and the run
goes on; inputs slower than `--slow-seconds` and the process's peak memory are recorded the same way. The
statistics land in `--stats` (JSON), rewritten as the run goes, so even a killed run leaves its numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import json
import pkgutil
import random
import resource
import sys
import time
import traceback
from pathlib import Path
from typing import Any

STATS_EVERY_SECONDS = 15.0  # the stats file is rewritten this often, so a killed run leaves its numbers


class Recorder:
    """Counts executions and keeps one example per crash class, slow input and memory excursion."""

    def __init__(
        self, target: str, stats: Path, artifacts: Path, slow_seconds: float, rss_mb: int, runs: int = 0
    ) -> None:
        self.target = target
        self.runs = runs  # libFuzzer's -runs: it exits the process right after the last one
        self.stats = stats
        self.artifacts = artifacts
        self.slow_seconds = slow_seconds
        self.rss_mb = rss_mb
        self.executions = 0
        self.crashes: dict[str, dict[str, Any]] = {}
        self.crash_inputs = 0
        self.slow: list[dict[str, Any]] = []
        self.slowest = 0.0
        self.largest_memory = 0.0
        self.over_memory: list[dict[str, Any]] = []
        self.started = time.time()
        self.written = 0.0
        artifacts.mkdir(parents=True, exist_ok=True)
        stats.parent.mkdir(parents=True, exist_ok=True)

    def _save(self, kind: str, data: bytes) -> str:
        name = f"{kind}-{hashlib.sha256(data).hexdigest()[:16]}"
        (self.artifacts / name).write_bytes(data)
        return name

    def crash(self, exc: BaseException, data: bytes) -> None:
        self.crash_inputs += 1
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [frame for frame in frames if "credwallet" in frame.filename] or frames
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
        key = f"{type(exc).__name__} at {where}"
        if key in self.crashes:
            self.crashes[key]["count"] += 1
            return
        self.crashes[key] = {
            "count": 1,
            "message": str(exc)[:300],
            "input": self._save("crash", data),
            "traceback": "".join(traceback.format_exception(exc))[-4000:],
        }
        self.write()

    def measured(self, data: bytes, seconds: float, memory_mb: float) -> None:
        """One input done: its CPU seconds, and how far it took memory above where the process stood."""
        self.executions += 1
        self.slowest = max(self.slowest, seconds)
        self.largest_memory = max(self.largest_memory, memory_mb)
        if seconds > self.slow_seconds:
            self.slow.append({"seconds": round(seconds, 3), "input": self._save("slow", data)})
            self.write()
        if memory_mb > self.rss_mb:
            self.over_memory.append({"memory_mb": round(memory_mb), "input": self._save("memory", data)})
            self.write()
        if self.executions == self.runs or time.time() - self.written > STATS_EVERY_SECONDS:
            self.write()

    def write(self) -> None:
        self.written = time.time()
        document = {
            "target": self.target,
            "executions": self.executions,
            "seconds": round(time.time() - self.started, 1),
            "crash_classes": len(self.crashes),
            "crash_inputs": self.crash_inputs,
            "crashes": self.crashes,
            "slow_inputs": len(self.slow),
            "slow": self.slow[:50],
            "slowest_seconds": round(self.slowest, 3),
            "peak_rss_mb": _peak_rss_mb(),
            "largest_input_memory_mb": round(self.largest_memory, 1),
            "inputs_over_memory": len(self.over_memory),
            "over_memory": self.over_memory[:50],
        }
        temporary = self.stats.with_suffix(".tmp")
        temporary.write_text(json.dumps(document, indent=2), encoding="utf-8")
        temporary.replace(self.stats)


def _peak_rss_mb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)


def _status_mb() -> tuple[float, float]:
    """(resident, peak resident) of this process in MB, from /proc/self/status."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


def _reset_peak() -> bool:
    """Start the peak-resident count again from the current size (Linux: /proc/self/clear_refs, mode 5)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


class MemoryMeter:
    """How much memory one input takes above where the process stood when it started.

    The process's own peak also holds libFuzzer's in-memory corpus, which grows through a run; so the peak
    is reset before each input where Linux allows it (exact), else only growth past the old peak is seen.
    """

    def __init__(self) -> None:
        self.exact = _reset_peak()
        self.before = 0.0
        self.peak_before = 0.0

    def start(self) -> None:
        if self.exact:
            _reset_peak()
        self.before, self.peak_before = _status_mb()

    def taken_mb(self) -> float:
        _, peak = _status_mb()
        if self.exact or peak > self.peak_before:
            return max(0.0, peak - self.before)
        return 0.0


def _import_everything(package: str) -> None:
    """Import every module of `package` now, inside the instrumentation block (credwallet imports lazily)."""
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
        if ".cli" not in info.name:
            importlib.import_module(info.name)


def _warm_up(target: Any, seeds: list[bytes], donors: list[Any]) -> None:
    """Pay one-time costs (schema compilation, context loading) before anything is timed or measured."""
    from credwallet.formats import schema_check

    for name in schema_check.SCHEMA_FILES:
        schema_check.conforms(name, {})
        list(schema_check._validator(name).iter_errors({"type": 1, "proof": [1], "credentialSubject": {}}))
    rng = random.Random(0)
    for seed in seeds[:10]:
        for data in (seed, target.mutate(seed, rng, donors) or seed):
            with contextlib.suppress(Exception):  # crashes are counted in the run proper
                target.run(data)


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    own, libfuzzer = (arguments[: arguments.index("--")], arguments[arguments.index("--") + 1 :]) if (
        "--" in arguments
    ) else (arguments, [])
    parser = argparse.ArgumentParser(prog="python -m fuzz.run_atheris")
    parser.add_argument("target")
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--artifacts", type=Path, required=True)
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    parser.add_argument("--rss-mb", type=int, default=200)
    options = parser.parse_args(own)

    import atheris

    with atheris.instrument_imports(include=["credwallet", "fuzz"]):
        _import_everything("credwallet")
        from fuzz.targets import TARGETS
    target = TARGETS[options.target]
    seeds = target.seeds()
    donors = []
    for seed in seeds[:40]:
        try:
            donors.append(json.loads(seed))
        except ValueError:
            continue
    _warm_up(target, seeds, donors)
    runs = next((int(flag.split("=", 1)[1]) for flag in libfuzzer if flag.startswith("-runs=")), 0)
    recorder = Recorder(options.target, options.stats, options.artifacts, options.slow_seconds, options.rss_mb, runs)
    recorder.write()
    meter = MemoryMeter()

    def test_one_input(data: bytes) -> None:
        meter.start()
        started = time.process_time()  # CPU time: a niced run on a shared machine also waits for the processor
        try:
            target.run(data)
        except Exception as exc:  # recorded as a crash class; the campaign goes on
            recorder.crash(exc, data)
        recorder.measured(data, time.process_time() - started, meter.taken_mb())

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.6:
            try:
                mutated = target.mutate(data, rng, donors)
            except (RecursionError, ValueError):
                mutated = None
            if mutated is not None and len(mutated) <= max_size:
                return mutated
        result: bytes = atheris.Mutate(data, max_size)
        return result

    atheris.Setup([sys.argv[0], *libfuzzer], test_one_input, custom_mutator=custom_mutator)
    try:
        atheris.Fuzz()
    finally:
        recorder.write()


if __name__ == "__main__":
    main()

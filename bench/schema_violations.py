"""Schema violations (issue 12, finding 4): an OB 3.0 credential with 600,000 of them, checked through the CLI.

The credential's achievement `alignment` holds 600,000 numbers where objects belong: each is one violation of
the 1EdTech schema (the audit's case: 17 s and 157 MB, because every error was built before the list was
cut). Each round verifies it with `credwallet verify FILE --json` (the structure check included), as a whole
process; the baseline, measured in the same run, is the same command on the same credential with 1,000
violations. Wall time and the process's peak memory (its own maximum resident set, from the kernel) are each
printed as a median with min–max, and as a ratio to the baseline. Target: 600,000 violations cost what 1,000 do.
Usage: python bench/schema_violations.py [--rounds 5] [--timeout 300] [--cli-src DIR]
--cli-src runs the CLI from another source tree (e.g. a checkout of an older commit) for a before/after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def violating_credential(violations: int) -> dict[str, Any]:
    """An unsigned OB 3.0 credential whose alignment list breaks the schema `violations` times."""
    return {
        "@context": [VC_V2, OB_CONTEXT],
        "id": "urn:uuid:0b2f6c1e-1111-4c8e-9d7a-000000000600",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Schema violations",
        "issuer": {"id": "https://school.example.org/issuer", "type": ["Profile"], "name": "Example School"},
        "validFrom": "2025-03-14T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://school.example.org/achievements/sql-101",
                "type": ["Achievement"],
                "name": "SQL Fundamentals",
                "description": "Writes SQL queries.",
                "criteria": {"narrative": "Pass the exam."},
                "alignment": [1] * violations,
            },
        },
    }


def measured(argv: list[str], env: dict[str, str], timeout: float) -> tuple[float, float, str]:
    """Run `argv` under a small helper whose only child is the command, so RUSAGE_CHILDREN is that one process."""
    helper = (
        "import json, resource, subprocess, sys, time\n"
        "argv, timeout = json.loads(sys.argv[1]), float(sys.argv[2])\n"
        "started = time.perf_counter()\n"
        "try:\n"
        "    done = subprocess.run(argv, capture_output=True, text=True, errors='replace', timeout=timeout)\n"
        "    out, err, code = done.stdout, done.stderr, done.returncode\n"
        "except subprocess.TimeoutExpired:\n"
        "    out, err, code = '', 'killed after the timeout', -9\n"
        "elapsed = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'elapsed': elapsed, 'peak_mb': peak, 'out': out, 'err': err, 'code': code}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", helper, json.dumps(argv), str(timeout)],
        env=env, capture_output=True, text=True, check=True, timeout=timeout + 60,
    )  # fmt: skip
    result = json.loads(done.stdout)
    try:
        answer = json.loads(result["out"])
        said = _summary(answer)
    except ValueError:
        said = f"exit {result['code']}: {result['err'][-100:]}"
    return result["elapsed"], result["peak_mb"], said


def _summary(answer: Any) -> str:
    """The verdict, how many schema lines the report has and its last one."""
    [item] = answer
    lines = [check["detail"] for check in item["checks"] if check["detail"].startswith("schema:")]
    return f"{item['status']}; {len(lines)} schema lines, the last: {lines[-1] if lines else '-'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--cli-src", type=Path, help="run the CLI from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    compile_like_installed(args.cli_src)
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    cases = {"baseline: 1,000 violations": 1_000, "600,000 violations": 600_000}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = {}
        for index, (name, violations) in enumerate(cases.items()):
            paths[name] = folder / f"case-{index}.json"
            paths[name].write_text(json.dumps(violating_credential(violations)), encoding="utf-8")
        env = {**os.environ, "NO_COLOR": "1"}
        if args.cli_src:
            env["PYTHONPATH"] = str(args.cli_src)
        seconds: dict[str, list[float]] = {name: [] for name in cases}
        memory: dict[str, list[float]] = {name: [] for name in cases}
        outcome: dict[str, str] = {}
        for round_number in range(args.rounds):
            for name, path in paths.items():
                wallet = folder / f"wallet-{round_number}-{len(seconds[name])}-{cases[name]}"
                env["CREDWALLET_HOME"] = str(wallet)
                elapsed, peak_mb, outcome[name] = measured([exe, "verify", str(path), "--json"], env, args.timeout)
                seconds[name].append(elapsed)
                memory[name].append(peak_mb)
                shutil.rmtree(wallet, ignore_errors=True)
    base_s = statistics.median(seconds["baseline: 1,000 violations"])
    base_mb = statistics.median(memory["baseline: 1,000 violations"])
    print(f"{'case':28} {'median s':>9} {'min–max s':>13} {'ratio':>6} {'peak MB':>8} {'min–max MB':>12} {'ratio':>6}")
    for name in cases:
        s, mb = seconds[name], memory[name]
        print(
            f"{name:28} {statistics.median(s):9.2f} {f'{min(s):.2f}–{max(s):.2f}':>13} "
            f"{statistics.median(s) / base_s:6.2f} {statistics.median(mb):8.0f} "
            f"{f'{min(mb):.0f}–{max(mb):.0f}':>12} {statistics.median(mb) / base_mb:6.2f}"
        )
    for name in cases:
        print(f"{name}: {outcome[name]}")


if __name__ == "__main__":
    main()

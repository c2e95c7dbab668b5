"""JSON-LD stalls (issue 12, finding 4): credentials with a large array of blank nodes, verified through the CLI.

A signed OB 3.0 credential whose `evidence` holds thousands of blank-node objects, at about 129 KB and 529 KB
(the sizes of the audit's cases), in two shapes: over bundled contexts only, and with an inline context (the
general JSON-LD road, pyld). Each is verified with `credwallet verify FILE` as a whole process;
the baseline, measured in the same run, is the same command on a typical ~5 KB credential. Target: no stall;
every run ends well within the per-credential time budget, with a verdict and its reason.
Usage: python bench/jsonld_stall.py [--rounds 5] [--timeout 300] [--cli-src DIR]
--cli-src runs the CLI from another source tree (e.g. a checkout of an older commit) for a before/after.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed

from credwallet.verify.canon import CanonicalizationError
from credwallet.verify.signing import sign_data_integrity
from verify import KEY, typical_credential


def stall_credential(target_bytes: int, inline_context: bool) -> dict[str, Any]:
    """A signed credential padded to about `target_bytes` with blank-node evidence objects."""
    document = copy.deepcopy(typical_credential())
    item = {"type": ["Evidence"], "narrative": "Submitted work sample."}
    if inline_context:  # an issuer's own term, defined inline: the general JSON-LD road (pyld)
        document["@context"] = [*document["@context"], {"skillLevel": "https://example.org/terms#skillLevel"}]
        document["credentialSubject"]["skillLevel"] = "advanced"
    size = len(json.dumps(document))
    evidence = document["evidence"] = []
    while size < target_bytes:
        evidence.append(dict(item, name=f"Work sample {len(evidence)}"))
        size += len(json.dumps(evidence[-1])) + 2
    try:
        return sign_data_integrity(document, KEY)
    except CanonicalizationError:  # beyond what credwallet canonicalizes: its proof cannot be checked anyway
        return _unsigned_proof(document)


def _unsigned_proof(document: dict[str, Any]) -> dict[str, Any]:
    """A proof over part of the document: its signature cannot match (what a forger or a broken issuer sends)."""
    signed = sign_data_integrity(typical_credential(), KEY)
    return {**document, "proof": signed["proof"]}


def run(argv: list[str], env: dict[str, str], timeout: float) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(argv, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, f"still running after {timeout:.0f} s (killed)"
    elapsed = time.perf_counter() - started
    try:
        [item] = json.loads(done.stdout)
    except ValueError:
        return elapsed, f"exit {done.returncode}: {done.stderr.decode()[-200:]}"
    proof = next((c for c in item["checks"] if c["name"] == "proof"), {"detail": ""})
    return elapsed, f"{item['status']}: {proof['detail'][:90]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--cli-src", type=Path, help="run the CLI from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    compile_like_installed(args.cli_src)
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {"baseline: typical 5 KB credential": sign_data_integrity(typical_credential(), KEY)}
        for kilobytes in (129, 529):
            cases[f"{kilobytes} KB, bundled contexts"] = stall_credential(kilobytes * 1024, inline_context=False)
            cases[f"{kilobytes} KB, an inline context"] = stall_credential(kilobytes * 1024, inline_context=True)
        paths = {}
        for index, (name, document) in enumerate(cases.items()):
            paths[name] = folder / f"case-{index}.json"
            paths[name].write_text(json.dumps(document), encoding="utf-8")
        env = {**os.environ, "CREDWALLET_HOME": str(folder / "wallet"), "NO_COLOR": "1"}
        if args.cli_src:
            env["PYTHONPATH"] = str(args.cli_src)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        outcome: dict[str, str] = {}
        for _ in range(args.rounds):
            for name, path in paths.items():
                elapsed, outcome[name] = run([exe, "verify", str(path), "--json"], env, args.timeout)
                samples[name].append(elapsed)
    baseline = statistics.median(samples["baseline: typical 5 KB credential"])
    print(f"{'case':36} {'KB':>5} {'median s':>9} {'min–max s':>13} {'ratio':>7}  verdict")
    for name, values in samples.items():
        size = len(json.dumps(cases[name])) // 1024
        spread = f"{min(values):.2f}–{max(values):.2f}"
        median = statistics.median(values)
        print(f"{name:36} {size:5} {median:9.2f} {spread:>13} {median / baseline:7.1f}  {outcome[name]}")


if __name__ == "__main__":
    main()

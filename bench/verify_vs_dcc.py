"""`credwallet verify --all` against DCC verifier-core on the same signed OB 3.0 files, one core each.

Both run as whole processes pinned to one CPU, on 100 and on 1,000 files, interleaved round by round; the
per-credential slope (time(1,000) - time(100)) / 900 removes each side's start-up. Times are CPU time (user
+ system of the process and all its threads: what a shared machine's load does not inflate) and wall time.
credwallet goes through the CLI (`import --no-verify` untimed, then `verify --all --no-cache --workers 1`,
schema checks included); DCC verifier-core runs `bench/dcc/verify.mjs` (the code path of DCC's VerifierPlus,
offline). The verdicts of both on every file are compared and must be identical. Target (issue 16):
credwallet's slope at most a third of DCC's.

The corpus: realistic OpenBadgeCredentials (eddsa-rdfc-2022, VC 2.0 + OB 3.0.3 contexts, did:key issuers),
with about 2% tampered after signing and 2% signed but expired.

Usage: python bench/verify_vs_dcc.py [--count 1000] [--small 100] [--rounds 5] [--install-dcc]
         [--dcc-dir /tmp/peers/credwallet-dcc] [--corpus DIR] [--cli-src DIR]
--install-dcc installs DCC verifier-core from the npm registry into --dcc-dir (never into the repository);
without it, and without an install there, DCC is skipped with the reason.
"""

from __future__ import annotations

import argparse
import copy
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed

from credwallet.verify.signing import did_key, ed25519_key_from_seed, sign_data_integrity
from verify import SKILLS, typical_credential

HERE = Path(__file__).resolve().parent
DEFAULT_DCC_DIR = Path(tempfile.gettempdir()) / "peers" / "credwallet-dcc"
ISSUER_KEYS = [ed25519_key_from_seed(f"bench issuer {n}".encode()) for n in range(7)]
# credwallet statuses as the three verdicts DCC gives (expired and revoked are DCC's `invalid`).
VERDICT_OF_STATUS = {
    "valid": "valid",
    "invalid": "invalid",
    "expired": "invalid",
    "revoked": "invalid",
    "unverified": "error",
}


def corpus_document(index: int) -> tuple[dict[str, Any], str]:
    """The index-th signed credential and what it should be (valid, tampered or expired)."""
    document = copy.deepcopy(typical_credential())
    key = ISSUER_KEYS[index % len(ISSUER_KEYS)]
    document["id"] = f"urn:uuid:5e1f0000-0000-4000-8000-{index:012d}"
    document["name"] = f"{document['name']} #{index}"
    document["issuer"]["id"] = did_key(key)
    document["issuer"]["name"] = f"Northwind Institute {index % len(ISSUER_KEYS)}"
    achievement = document["credentialSubject"]["achievement"]
    achievement["alignment"] = achievement["alignment"][: 3 + index % 6]
    achievement["name"] = f"{SKILLS[index % len(SKILLS)]} practitioner, cohort {index}"
    document["evidence"] = document["evidence"][: index % 4]
    document["validFrom"] = f"20{20 + index % 5}-0{1 + index % 9}-1{index % 10}T10:00:00Z"
    kind = "expired" if index % 50 == 17 else "tampered" if index % 50 == 33 else "valid"
    if kind == "expired":
        document["validUntil"] = "2024-12-31T00:00:00Z"
    signed = sign_data_integrity(document, key)
    if kind == "tampered":
        signed["credentialSubject"]["achievement"]["name"] += " (edited)"
    return signed, kind


def write_corpus(folder: Path, count: int) -> list[Path]:
    """`count` files in `folder` (reused when already written with the same count)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"ob3-{index:05d}.json" for index in range(count)]
    if all(path.is_file() for path in paths):
        return paths
    for index, path in enumerate(paths):
        path.write_text(json.dumps(corpus_document(index)[0], indent=2), encoding="utf-8")
    return paths


def one_core() -> None:
    """Child-process set-up: run on one CPU only (both sides alike)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def timed(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system, all its threads) and stdout of one run of `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=one_core, check=False
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:4])} … exited {done.returncode}")
    return elapsed, cpu, done.stdout


def dcc_ready(dcc_dir: Path, install: bool) -> str | None:
    """None when DCC verifier-core can run from `dcc_dir`, else why not (after installing when asked)."""
    if shutil.which("node") is None:
        return "node is not installed"
    installed = (dcc_dir / "node_modules" / "@digitalcredentials" / "verifier-core").is_dir()
    if not installed and not install:
        return f"DCC verifier-core is not installed in {dcc_dir} (pass --install-dcc)"
    if not installed:
        if shutil.which("npm") is None:
            return "npm is not installed"
        dcc_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "dcc" / "package.json", dcc_dir / "package.json")
        print(f"installing DCC verifier-core from the npm registry into {dcc_dir} …", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=dcc_dir, check=True)
    shutil.copy(HERE / "dcc" / "verify.mjs", dcc_dir / "verify.mjs")  # node resolves modules next to it
    return None


def wallet_for(paths: list[Path], home: Path, env: dict[str, str], exe: str) -> dict[str, str]:
    """A wallet holding `paths` (imported without verifying, untimed); wallet id -> file name."""
    subprocess.run(
        [exe, "import", "--no-verify", str(paths[0].parent)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    listing = json.loads(subprocess.run([exe, "list", "--json"], env=env, check=True, capture_output=True).stdout)
    by_name = {_shown_name(json.loads(p.read_text(encoding="utf-8"))): p.name for p in paths}
    return {item["id"]: by_name[item["name"]] for item in listing}


def _shown_name(document: dict[str, Any]) -> str:
    """The name the wallet lists: the achievement's (unique per corpus file)."""
    return str(document["credentialSubject"]["achievement"]["name"])


def stats(samples: list[float]) -> str:
    return f"{statistics.median(samples):8.2f} ({min(samples):.2f}–{max(samples):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--install-dcc", action="store_true")
    parser.add_argument("--dcc-dir", type=Path, default=DEFAULT_DCC_DIR)
    parser.add_argument("--corpus", type=Path, help="keep the generated files here (reused next time)")
    parser.add_argument("--cli-src", type=Path, help="run credwallet from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    compile_like_installed(args.cli_src)
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    why_not = dcc_ready(args.dcc_dir, args.install_dcc)
    if why_not:
        print(f"DCC verifier-core skipped: {why_not}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = args.corpus or tmp / "corpus"
        started = time.perf_counter()
        all_paths = write_corpus(corpus / f"n{args.count}", args.count)
        print(f"corpus: {args.count} signed OB 3.0 files ({time.perf_counter() - started:.1f} s to write)")
        sizes = {"small": all_paths[: args.small], "large": all_paths}
        ids: dict[str, dict[str, str]] = {}
        envs: dict[str, dict[str, str]] = {}
        for size, paths in sizes.items():
            folder = tmp / f"files-{size}"
            folder.mkdir()
            for path in paths:
                (folder / path.name).symlink_to(path)
            home = tmp / f"wallet-{size}"
            envs[size] = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}
            if args.cli_src:
                envs[size]["PYTHONPATH"] = str(args.cli_src)
            ids[size] = wallet_for([folder / p.name for p in paths], home, envs[size], exe)
        cases: dict[str, Callable[[str], tuple[float, float, bytes]]] = {
            "credwallet": lambda size: timed([exe, "verify", "--all", "--no-cache", "--workers", "1"], envs[size]),
        }
        if not why_not:
            cases["DCC verifier-core"] = lambda size: timed(
                ["node", "verify.mjs", *map(str, sizes[size])], dict(os.environ), args.dcc_dir
            )
        samples: dict[tuple[str, str, str], list[float]] = {
            (c, s, m): [] for c in cases for s in sizes for m in ("wall", "cpu")
        }
        outputs: dict[str, bytes] = {}
        for round_ in range(args.rounds + 1):  # round 0 warms the disk cache and is not counted
            for name, run in cases.items():
                for size in sizes:
                    elapsed, cpu, output = run(size)
                    if round_:
                        samples[(name, size, "wall")].append(elapsed)
                        samples[(name, size, "cpu")].append(cpu)
                    if size == "large":
                        outputs[name] = output
            print(f"round {round_}/{args.rounds} done", flush=True)
        verdicts = {"credwallet": credwallet_verdicts(exe, envs["large"], ids["large"])}
        if "DCC verifier-core" in outputs:
            verdicts["DCC verifier-core"] = {
                Path(row["path"]).name: row["verdict"]
                for row in map(json.loads, outputs["DCC verifier-core"].decode().splitlines())
            }
    span = args.count - args.small
    for measure, meaning in (("cpu", "CPU time (user + system)"), ("wall", "wall time")):
        print(f"\n{meaning}, one core each, whole process")
        print(f"{'':24} {args.small:>5} files s       {args.count:>5} files s      ms/credential (slope)")
        slopes: dict[str, list[float]] = {}
        for name in cases:
            small, large = samples[(name, "small", measure)], samples[(name, "large", measure)]
            slopes[name] = [(b - a) / span * 1000 for a, b in zip(small, large, strict=True)]
            print(f"{name:24} {stats(small)} {stats(large)}  {stats(slopes[name])}")
        if "DCC verifier-core" in slopes:
            ratios = [a / b for a, b in zip(slopes["credwallet"], slopes["DCC verifier-core"], strict=True)]
            print(f"ratio credwallet / DCC per credential ({measure}): {stats(ratios)}   target <= 0.33")
    if "DCC verifier-core" in outputs:
        report_verdicts(verdicts)
    counts: dict[str, int] = {}
    for verdict in verdicts["credwallet"].values():
        counts[verdict] = counts.get(verdict, 0) + 1
    print(f"credwallet verdicts: {counts}")


def credwallet_verdicts(exe: str, env: dict[str, str], ids: dict[str, str]) -> dict[str, str]:
    """File name -> verdict, from `verify --all --json` (cached: the timed runs saved every result)."""
    done = subprocess.run([exe, "verify", "--all", "--json"], env=env, capture_output=True, check=False)
    return {ids[item["id"]]: VERDICT_OF_STATUS[item["status"]] for item in json.loads(done.stdout)}


def report_verdicts(verdicts: dict[str, dict[str, str]]) -> None:
    ours, theirs = verdicts["credwallet"], verdicts["DCC verifier-core"]
    differ = sorted(name for name in ours if ours[name] != theirs.get(name))
    print(f"verdicts identical on {len(ours) - len(differ)} of {len(ours)} files")
    for name in differ[:10]:
        print(f"  {name}: credwallet {ours[name]}, DCC {theirs.get(name)}")


if __name__ == "__main__":
    main()

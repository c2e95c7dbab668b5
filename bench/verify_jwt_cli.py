"""VC-JWT verification through the CLI: `credwallet verify --all --no-cache --workers 1` on wallets of 100 and
1,000 signed VC-JWT credentials, as whole processes on one core.

The per-credential slope (time(1,000) - time(100)) / 900 removes start-up and everything paid once, leaving
what one more credential costs: decoding, the EdDSA check, dates, the schema check, storing the result and
printing its line. Times are CPU (user + system) and wall, median of `--rounds` with min and max; stdout is a
pipe, or with `--terminal` a pseudo-terminal (rich's table). The floor, measured in the same run in process,
is the Ed25519 signature check alone. Target (DESIGN.md §8): at most 0.5 ms per credential.
With `--workers auto` verify chooses its workers itself, and with `--terminal` or `--workers` other than 1
the process is not pinned to one core: compare the wall slopes then.
Usage: python bench/verify_jwt_cli.py [--count 1000] [--small 100] [--rounds 5] [--terminal] [--workers N|auto]
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed
from verify_vs_dcc import timed
from wallet_commands import timed as timed_anywhere

from credwallet.verify.signing import sign_vc_jwt
from verify import KEY, ed25519_alone, typical_credential


def write_tokens(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        document = copy.deepcopy(typical_credential())
        document["id"] = f"urn:uuid:7a1f0000-0000-4000-8000-{index:012d}"
        document["credentialSubject"]["achievement"]["name"] = f"Cohort {index} practitioner"
        (folder / f"vc-{index:05d}.jwt").write_text(sign_vc_jwt(document, KEY), encoding="ascii")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--terminal", action="store_true", help="stdout on a pseudo-terminal, not a pipe")
    parser.add_argument("--workers", default="1", help="verify's --workers (auto: its default, all cores)")
    args = parser.parse_args()
    compile_like_installed()
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    with tempfile.TemporaryDirectory() as tmp:
        envs: dict[int, dict[str, str]] = {}
        for count in (args.small, args.count):
            write_tokens(Path(tmp) / f"tokens-{count}", count)
            env = {**os.environ, "CREDWALLET_HOME": str(Path(tmp) / f"wallet-{count}"), "NO_COLOR": "1"}
            subprocess.run(
                [exe, "import", "--no-verify", str(Path(tmp) / f"tokens-{count}")],
                env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            envs[count] = env
        argv = [exe, "verify", "--all", "--no-cache", *([] if args.workers == "auto" else ["--workers", args.workers])]
        wall: dict[int, list[float]] = {count: [] for count in envs}
        cpu: dict[int, list[float]] = {count: [] for count in envs}
        for round_ in range(args.rounds + 1):  # round 0 warms the disk cache and is not counted
            for count, env in envs.items():
                if args.terminal or args.workers != "1":  # on every core the process may use
                    elapsed, used = timed_anywhere(argv, env, terminal=args.terminal)
                else:
                    elapsed, used, _ = timed(argv, env)  # pinned to one core
                if round_:
                    wall[count].append(elapsed)
                    cpu[count].append(used)
    span = args.count - args.small
    floor_ms = statistics.median(_floor_ms() for _ in range(5))

    def slope(samples: dict[int, list[float]]) -> list[float]:
        return [(high - low) / span * 1000 for low, high in zip(samples[args.small], samples[args.count], strict=True)]

    print(f"VC-JWT (EdDSA, ~5 KB OB 3.0 credential), `{' '.join(argv[1:])}`, "
          f"stdout {'a terminal' if args.terminal else 'a pipe'}")
    for count in envs:
        print(f"  {count:>5} credentials: wall {statistics.median(wall[count]) * 1000:7.0f} ms, "
              f"CPU {statistics.median(cpu[count]) * 1000:7.0f} ms")
    for name, samples in (("CPU", cpu), ("wall", wall)):
        per = slope(samples)
        print(f"per credential ({name}): {statistics.median(per):.3f} ms [{min(per):.3f}-{max(per):.3f}]")
    print(f"floor, the Ed25519 check alone in process: {floor_ms:.3f} ms; target <= 0.5 ms per credential: "
          f"{'OK' if statistics.median(slope(cpu)) <= 0.5 else 'NOT MET'} (CPU)")


def _floor_ms() -> float:
    token = sign_vc_jwt(typical_credential(), KEY)
    check = ed25519_alone(token)
    started = time.perf_counter()
    for _ in range(200):
        check()
    return (time.perf_counter() - started) / 200 * 1000


if __name__ == "__main__":
    main()

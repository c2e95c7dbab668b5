"""The commands people wait for, on a real-sized wallet: `list`, `show`, `gap`, `roles match`, `skills` and
each `export resume` format, at 1,000 and 10,000 credentials, through the CLI as whole processes.

The wallet holds OB 2.0 assertions made by the demo's badge builders and signed OB 3.0 credentials (7 to 3),
imported and verified through the CLI first (untimed). A command's time after start-up is its wall time minus
the CLI's start-up measured in the same round: `python -c "import credwallet.cli.main"` (Python, Typer and
the command modules loaded: what every command pays before it parses a word). `credwallet --help` (DESIGN.md
§8's start-up measure, which also renders help) and `--version` are timed alongside. Medians of `--rounds`
with min and max; CPU time too. Output goes to a pipe, or with `--terminal` to a pseudo-terminal, as a user
at a terminal sees it (rich styling included).
Targets (issue 16): at most 200 ms after start-up at 1,000 credentials, and at 10,000 within 10x (linear).
Usage: python bench/wallet_commands.py [--sizes 1000,10000] [--rounds 5] [--terminal] [--cli-src DIR]
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compile_like_installed
from make_bench_badges import write_ob2_json_files
from verify_vs_dcc import corpus_document

BASELINE = "start-up: import credwallet.cli.main"
EXPORTS = ("markdown", "text", "json-resume", "html", "latex")


def build_wallet(folder: Path, count: int, env: dict[str, str], exe: str) -> None:
    ob3 = count * 3 // 10
    write_ob2_json_files(folder / "ob2", count - ob3, seed=11)
    (folder / "ob3").mkdir()
    for index in range(ob3):
        (folder / "ob3" / f"ob3-{index:05d}.json").write_text(json.dumps(corpus_document(index)[0]))
    for argv in (["import", "--no-verify", str(folder / "ob2"), str(folder / "ob3")], ["verify", "--all"]):
        subprocess.run([exe, *argv], env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(argv: list[str], env: dict[str, str], *, terminal: bool = False) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    if terminal:
        returncode, stderr = _run_on_terminal(argv, env)
    else:
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        returncode, stderr = done.returncode, done.stderr
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[1:])}: exit {returncode}: {stderr.decode()[-300:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _run_on_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run with stdout on a pseudo-terminal (80 columns, drained as it writes), stderr piped."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        argv, env={**env, "COLUMNS": "80", "LINES": "24"}, stdout=follower, stderr=subprocess.PIPE
    )
    os.close(follower)
    while True:
        try:
            if not os.read(leader, 65536):
                break
        except OSError:  # the terminal's other end closed: the command has finished writing
            break
    os.close(leader)
    stderr = process.stderr.read() if process.stderr else b""
    return process.wait(), stderr


def stats(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.0f} ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--role", default="data-analyst")
    parser.add_argument("--terminal", action="store_true", help="stdout on a pseudo-terminal, not a pipe")
    parser.add_argument("--cli-src", type=Path, help="run the CLI from this source tree (PYTHONPATH)")
    args = parser.parse_args()
    compile_like_installed(args.cli_src)
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    sizes = [int(size) for size in args.sizes.split(",")]
    after_startup: dict[tuple[str, int], float] = {}
    cpu_after_startup: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            home = Path(tmp) / f"wallet-{size}"
            env = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}
            if args.cli_src:
                env["PYTHONPATH"] = str(args.cli_src)
            started = time.perf_counter()
            build_wallet(Path(tmp) / f"files-{size}", size, env, exe)
            listing = subprocess.run([exe, "list", "--json"], env=env, capture_output=True, check=True).stdout
            first_id = json.loads(listing)[0]["id"]
            print(f"\n{size:,} credentials (wallet built in {time.perf_counter() - started:.0f} s)")
            commands = {
                BASELINE: [sys.executable, "-c", "import credwallet.cli.main"],
                "--version": ["--version"],
                "--help": ["--help"],
                "list": ["list"],
                "show ID": ["show", first_id],
                f"gap --role {args.role}": ["gap", "--role", args.role],
                "roles match": ["roles", "match"],
                "skills": ["skills"],
                **{f"export resume -f {fmt}": ["export", "resume", "--format", fmt] for fmt in EXPORTS},
            }
            wall: dict[str, list[float]] = {name: [] for name in commands}
            cpu: dict[str, list[float]] = {name: [] for name in commands}
            for round_ in range(args.rounds + 1):  # round 0 warms caches (disk, skill claims) and is not counted
                for name, argv in commands.items():
                    command = argv if name == BASELINE else [exe, *argv]
                    elapsed, used = timed(command, env, terminal=args.terminal and name != BASELINE)
                    if round_:
                        wall[name].append(elapsed)
                        cpu[name].append(used)
            base = wall[BASELINE]
            base_cpu = cpu[BASELINE]
            print(f"{'':30} {'wall ms':>20} {'wall after start-up':>20} {'CPU after start-up':>20}")
            for name in commands:
                extra = [w - b for w, b in zip(wall[name], base, strict=True)]
                extra_cpu = [c - b for c, b in zip(cpu[name], base_cpu, strict=True)]
                after_startup[(name, size)] = statistics.median(extra)
                cpu_after_startup[(name, size)] = statistics.median(extra_cpu)
                print(f"{name:30} {stats(wall[name]):>20} {stats(extra):>20} {stats(extra_cpu):>20}")
    if len(sizes) == 2:
        small, large = sizes
        print(
            f"\nafter start-up, {small:,} and {large:,} credentials (target: <= 200 ms at {small:,}, "
            f"<= {large // small}x that at {large:,})"
        )
        print(f"{'':30} {'wall':>10} {'wall':>10} {'ratio':>7} {'CPU':>10} {'CPU':>10} {'ratio':>7}")
        for name in commands:
            if name in (BASELINE, "--version", "--help"):
                continue
            low, high = after_startup[(name, small)], after_startup[(name, large)]
            cpu_low, cpu_high = cpu_after_startup[(name, small)], cpu_after_startup[(name, large)]
            print(
                f"{name:30} {low * 1000:7.0f} ms {high * 1000:7.0f} ms {high / max(low, 1e-3):6.1f}x"
                f" {cpu_low * 1000:7.0f} ms {cpu_high * 1000:7.0f} ms {cpu_high / max(cpu_low, 1e-3):6.1f}x"
            )


if __name__ == "__main__":
    main()

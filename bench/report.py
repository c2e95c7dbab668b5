#!/usr/bin/env python3
"""`credwallet report` on a 1,000-credential wallet, end to end through the CLI.

The wallet is built by the real importer from generated Open Badges 2.0 assertions (bench/_common.py: ten
skills, 50 badge classes, 7 issuers), each badge class with its own embedded PNG image; most are then marked
verified with a full set of saved checks, a tenth expired, the rest left unverified. Measured in one run, interleaved:
`credwallet --version` (start-up alone, the baseline), `credwallet list` (reading the wallet), and
`credwallet report --role data-analyst -o FILE` with and without the pathway; then, in process, how the
report's time splits between gathering the data (gap, roles match, plan, cards) and rendering the page.
Target (issue 18): the report under 1 s after start-up (report median minus start-up median), in wall-clock
time on a quiet machine; CPU time (user + system) is printed too, since it barely moves when the machine is
shared.

Usage: python bench/report.py [--credentials 1000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import base64
import compileall
import os
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from _common import generated_assertion  # noqa: E402

from credwallet.model import Status  # noqa: E402

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def badge_png(index: int, side: int = 64) -> str:
    """A distinct 64x64 PNG badge (a coloured square), as a data: URI."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    colour = bytes([(index * 53) % 256, (index * 97) % 256, (index * 29) % 256])
    rows = b"".join(b"\x00" + colour * side for _ in range(side))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return "data:image/png;base64," + base64.b64encode(png).decode()


def checks_for(status: Status) -> dict[str, object]:
    passed = [
        {"name": name, "status": "passed", "detail": detail}
        for name, detail in (
            ("structure", "Open Badges 2.0 assertion rules met"),
            ("proof", "the issuer hosts this assertion and it matches your copy"),
            ("key", "hosted at bench.example.org, within the verification policy of the issuer"),
            ("dates", "valid since 2025-01-01T00:00:00+00:00, no expiry"),
            ("status", "the issuer publishes no revocation list"),
            ("recipient", "issued to you: the hashed identity matches one of your profile identities"),
        )
    ]
    if status is Status.UNVERIFIED:
        passed[1] = {"name": "proof", "status": "skipped", "detail": "hosted assertion not fetched (offline)"}
    return {"status": status.value, "checks": passed}


def build_wallet(home: Path, count: int) -> None:
    import json

    from credwallet.importer import import_paths
    from credwallet.store.wallet import Wallet

    images = [badge_png(i) for i in range(50)]
    folder = home.parent / "badges"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        assertion = generated_assertion(index)
        assertion["badge"]["image"] = images[index % 50]
        (folder / f"badge-{index:05d}.json").write_text(json.dumps(assertion))
    with Wallet.open(home=home) as wallet:
        wallet.set_name("Bench Learner")
        import_paths(wallet, [str(folder)])
        with wallet.batch():
            for index, credential in enumerate(wallet.credentials()):
                assert credential.wallet_id is not None
                status = Status.EXPIRED if index % 10 == 0 else Status.UNVERIFIED if index % 10 == 1 else Status.VALID
                wallet.save_verification(credential.wallet_id, status, checks_for(status), NOW)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run; CPU time is steadier on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:7.0f} ms  (min {min(values) * 1000:.0f}, "
        f"max {max(values) * 1000:.0f})"
    )


def in_process(home: Path, repeat: int) -> None:
    from credwallet.report import ReportOptions, build_report, render
    from credwallet.store.wallet import Wallet

    options = ReportOptions(role="data-analyst", now=NOW)
    gather, layout, size = [], [], 0
    for _ in range(repeat):
        with Wallet.open(home=home) as wallet:
            started = time.perf_counter()
            report = build_report(wallet, options)
            gather.append(time.perf_counter() - started)
        started = time.perf_counter()
        size = len(render(report))
        layout.append(time.perf_counter() - started)
    print(f"in process, gather (cards, gap, roles match, plan): {spread(gather)}")
    print(f"in process, render the page ({size / 1e6:.1f} MB, {len(report.images)} images): {spread(layout)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    # Bytecode as any install has it after its first run (PYTHONDONTWRITEBYTECODE would otherwise have every
    # run compile the package's modules again, and the bench time the compiler).
    compileall.compile_dir(REPO / "src", quiet=1)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        build_wallet(home, args.credentials)
        out = Path(tmp) / "report.html"
        env = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}
        cases = {
            "credwallet --version (start-up)": [exe, "--version"],
            "credwallet list": [exe, "list"],
            "credwallet report --no-pathway": [exe, "report", "--role", "data-analyst", "--no-pathway", "-o", str(out)],
            "credwallet report --role data-analyst": [exe, "report", "--role", "data-analyst", "-o", str(out)],
        }
        timed(cases["credwallet report --role data-analyst"], env)  # warm the skill-claim cache once
        walls: dict[str, list[float]] = {name: [] for name in cases}
        cpus: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.repeat):
            for name, argv in cases.items():
                wall, cpu = timed(argv, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        print(f"{args.credentials} credentials, {args.repeat} interleaved runs each (wall clock, then CPU time)")
        print(
            f"load average (1 min) on {os.cpu_count()} cores: {load_before:.1f} before, {os.getloadavg()[0]:.1f} "
            "after (above the core count, wall clock measures the queue for the CPU more than the report)"
        )
        for name in cases:
            print(f"{name:42} wall {spread(walls[name])}")
            print(f"{'':42} cpu  {spread(cpus[name])}")
        for label, samples in (("wall", walls), ("cpu", cpus)):
            startup = statistics.median(samples["credwallet --version (start-up)"])
            report = statistics.median(samples["credwallet report --role data-analyst"])
            bare = statistics.median(samples["credwallet report --no-pathway"])
            print(
                f"{label}: report after start-up {(report - startup) * 1000:.0f} ms (target < 1000 ms); "
                f"without the pathway {(bare - startup) * 1000:.0f} ms; report / start-up {report / startup:.1f}x"
            )
        print(f"page: {out.stat().st_size / 1e6:.1f} MB")
        in_process(home, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Shared helpers for the benchmarks: interleaved timing and generated OB 2.0 assertions."""

from __future__ import annotations

import compileall
import hashlib
import importlib.util
import json
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SKILL_WORDS = ["SQL", "Python", "Tableau", "Excel", "Statistics", "AWS", "Linux", "Scrum", "SEO", "Figma"]


def generated_assertion(index: int) -> dict[str, Any]:
    """A realistic, distinct OB 2.0 assertion (about 1.5 KB) for benchmark wallets."""
    skill = SKILL_WORDS[index % len(SKILL_WORDS)]
    salt = f"salt{index}"
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"https://bench.example.org/assertions/{index}",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": salt,
            "identity": "sha256$" + hashlib.sha256(f"learner@example.org{salt}".encode()).hexdigest(),
        },
        "issuedOn": f"20{20 + index % 6}-0{1 + index % 9}-1{index % 10}T10:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "id": f"https://bench.example.org/classes/{index % 50}",
            "name": f"{skill} Practitioner Level {index % 5 + 1} #{index}",
            "description": f"Demonstrated {skill} skills on realistic projects, assessed by practitioners.",
            "image": f"https://bench.example.org/images/{index % 50}.png",
            "criteria": {"narrative": f"Complete the {skill} capstone and pass the proctored exam."},
            "tags": [skill.lower(), "data", "career"],
            "alignment": [
                {
                    "targetName": skill,
                    "targetUrl": f"https://bench.example.org/framework/{skill.lower()}",
                    "targetFramework": "Bench Framework",
                }
            ],
            "issuer": {
                "type": "Issuer",
                "id": f"https://bench.example.org/issuers/{index % 7}",
                "name": f"Bench Academy {index % 7}",
                "url": "https://bench.example.org",
            },
        },
    }


def write_assertions(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"badge-{index:05d}.json"
        path.write_text(json.dumps(generated_assertion(index), indent=2))
        paths.append(path)
    return paths


def time_once(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def run_command(argv: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def interleaved_medians(cases: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Run each case in turn, `repeats` rounds, so machine noise hits every case alike; median per case."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, case in cases.items():
            samples[name].append(case())
    return {name: statistics.median(values) for name, values in samples.items()}


def compile_like_installed(cli_src: Path | None = None) -> Path:
    """Write the bytecode of the credwallet package the timed processes will import, as `pip install` does.

    An editable install run with PYTHONDONTWRITEBYTECODE=1 (as on the farm) would otherwise compile every
    credwallet module from source in every timed process, a cost no installed copy pays. Returns the folder.
    """
    if cli_src is not None:
        package = cli_src / "credwallet"
    else:
        spec = importlib.util.find_spec("credwallet")
        if spec is None or spec.origin is None:
            raise SystemExit("credwallet is not importable: install it first (pip install -e .)")
        package = Path(spec.origin).parent
    compileall.compile_dir(str(package), quiet=1)
    return package

#!/usr/bin/env python3
"""Gap analysis at wallet scale: 1,000 generated credentials against every built-in role.

Measures, after imports: loading the vocabulary and roles, extracting skills from every credential (cold,
no cache), filtering the credentials that count, aggregating the wallet's skills, one gap per built-in
role and `roles match`. Target (DESIGN.md §8): under 200 ms. The baseline, measured in the same run, is a
JSON round trip of the same 1,000 credentials (what merely reading them from the store costs).

Usage: python bench/gap.py [--credentials N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from credwallet.gap import analyze_gap, counting_credentials, match_roles  # noqa: E402
from credwallet.model import (  # noqa: E402
    Alignment,
    Credential,
    CredentialFormat,
    Criteria,
    Issuer,
    Status,
    credential_from_jsonable,
    to_jsonable,
)
from credwallet.roles import _BUILTIN_CACHE, load_builtin_roles  # noqa: E402
from credwallet.skills import extract, vocabulary  # noqa: E402

TOPICS = [
    (
        "SQL for Data Analysis",
        ["SQL", "databases"],
        "Writes SELECT queries with joins and GROUP BY in PostgreSQL.",
    ),
    (
        "Data Visualization with Tableau",
        ["Tableau", "dashboards"],
        "Builds interactive dashboards and tells data stories.",
    ),
    (
        "Python for Data Science",
        ["Python", "pandas"],
        "Cleans data with pandas and NumPy in Jupyter notebooks.",
    ),
    (
        "Advanced Excel",
        ["Excel", "pivot tables"],
        "Power Query, XLOOKUP and PivotTables for monthly reports.",
    ),
    (
        "AWS Cloud Practitioner",
        ["AWS", "cloud"],
        "Core AWS services: EC2, S3, IAM and the shared responsibility model.",
    ),
    ("Azure Fundamentals", ["Azure"], "Cloud concepts, Azure services, security and pricing."),
    ("Linux Essentials", ["Linux", "bash"], "Command line, permissions and shell scripting on Ubuntu."),
    ("Network Fundamentals", ["networking", "TCP/IP"], "Subnetting, routing and switching, VLANs and DNS."),
    (
        "Security+ Prep",
        ["cybersecurity"],
        "Threats, vulnerability scanning, incident response and risk management.",
    ),
    ("Scrum Master", ["Scrum", "Agile"], "Sprint planning, backlog refinement and retrospectives."),
    (
        "Project Management Essentials",
        ["project management"],
        "Scope, schedule, budget and stakeholder management.",
    ),
    ("SEO Fundamentals", ["SEO"], "Keyword research, on-page SEO and link building with Semrush."),
    ("Google Analytics", ["Google Analytics"], "GA4 setup, conversion tracking and web analytics reports."),
    ("UX Research Methods", ["UX research"], "User interviews, usability testing and personas."),
    (
        "Prototyping in Figma",
        ["Figma", "wireframing"],
        "Wireframes and clickable prototypes with a design system.",
    ),
    (
        "Statistics for Business",
        ["statistics"],
        "Hypothesis testing, regression and confidence intervals in R programming.",
    ),
    (
        "Machine Learning Basics",
        ["machine learning"],
        "Supervised learning with scikit-learn and model evaluation.",
    ),
    (
        "Docker and Kubernetes",
        ["Docker", "Kubernetes"],
        "Containers, Compose files and deployments to a cluster.",
    ),
    (
        "JavaScript and React",
        ["JavaScript", "React"],
        "Single-page applications with React hooks and TypeScript.",
    ),
    ("Teamwork and Communication", ["teamwork"], "Collaborates across teams and presents findings clearly."),
]
ALIGNMENTS = [
    Alignment("SQL", "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"),
    Alignment("Critical Thinking", "https://www.onetonline.org/find/descriptor/result/2.A.2.a", "2.A.2.a"),
    Alignment("Microsoft Excel", "https://www.onetonline.org/link/summary/15-2051.01", "43232110"),
    Alignment(
        "Python (computer programming)",
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
    ),
    Alignment("Design", "https://www.onetonline.org/find/descriptor/result/2.C.3.c", "2.C.3.c"),
]
TYPES = [None, "Course", "Certification", "Badge", "Assessment"]


def generate(count: int, seed: int = 7) -> list[Credential]:
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    credentials = []
    for index in range(count):
        name, tags, description = rng.choice(TOPICS)
        level_word = rng.choice(["", "Introduction to ", "Advanced ", ""])
        credentials.append(
            Credential(
                format=CredentialFormat.OB2,
                name=f"{level_word}{name} #{index}",
                issuer=Issuer(name=f"Issuer {index % 37}", id=f"https://issuer{index % 37}.example/"),
                description=description + f" Cohort {index}.",
                criteria=Criteria(narrative="Completed all labs and passed a graded final project."),
                tags=list(tags),
                alignments=rng.sample(ALIGNMENTS, rng.randint(0, 2)),
                achievement_type=rng.choice(TYPES),
                wallet_id=f"w{index:05d}",
                content_hash=f"hash-{index}",
                status=rng.choice([Status.VALID] * 8 + [Status.UNVERIFIED, Status.EXPIRED]),
                expires_on=now + timedelta(days=rng.randint(-100, 900)) if rng.random() < 0.3 else None,
            )
        )
    return credentials


def run_gap(credentials: list[Credential]) -> tuple[float, int, int]:
    """Everything `gap` and `roles match` do after start-up, from a cold vocabulary and cache."""
    vocabulary.load_bundled_vocabulary.cache_clear()
    _BUILTIN_CACHE.clear()
    extract.clear_cache()
    started = time.perf_counter()
    vocab = vocabulary.load_bundled_vocabulary()
    roles = load_builtin_roles(vocab)
    counted, left_out = counting_credentials(credentials, include_unverified=False, now=datetime.now(UTC))
    held = extract.wallet_skills(counted, vocab)
    for role in roles.values():
        analyze_gap(held, role, vocab, left_out)
    match_roles(held, roles.values(), vocab)
    return time.perf_counter() - started, len(roles), len(held)


def run_warm(credentials: list[Credential]) -> float:
    """The same with the vocabulary loaded and extraction cached (a second command in one process)."""
    started = time.perf_counter()
    vocab = vocabulary.load_bundled_vocabulary()
    roles = load_builtin_roles(vocab)
    counted, left_out = counting_credentials(credentials, include_unverified=False, now=datetime.now(UTC))
    held = extract.wallet_skills(counted, vocab)
    for role in roles.values():
        analyze_gap(held, role, vocab, left_out)
    match_roles(held, roles.values(), vocab)
    return time.perf_counter() - started


def baseline(credentials: list[Credential]) -> float:
    started = time.perf_counter()
    rows = [json.dumps(to_jsonable(c)) for c in credentials]
    [credential_from_jsonable(json.loads(row)) for row in rows]
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    credentials = generate(args.credentials)
    cold = [run_gap(credentials) for _ in range(args.repeat)]
    warm = [run_warm(credentials) for _ in range(args.repeat)]
    base = [baseline(credentials) for _ in range(args.repeat)]
    cold_ms = statistics.median(t for t, _, _ in cold) * 1000
    warm_ms = statistics.median(warm) * 1000
    base_ms = statistics.median(base) * 1000
    _, role_count, held_count = cold[0]
    print(f"{args.credentials} credentials x {role_count} built-in roles ({held_count} skills held)")
    print(
        f"cold (load vocabulary + roles, extract, gap every role, match): {cold_ms:.1f} ms  (target < 200 ms)"
    )
    print(f"warm (vocabulary loaded, extraction cached):                   {warm_ms:.1f} ms")
    print(f"baseline (JSON round trip of the same credentials):            {base_ms:.1f} ms")
    print(f"ratio cold / baseline: {cold_ms / base_ms:.2f}x   warm / baseline: {warm_ms / base_ms:.2f}x")
    end_to_end(credentials, args.repeat)
    return 0


def end_to_end(credentials: list[Credential], repeat: int) -> None:
    """`credwallet gap --role data-analyst` as a user runs it, on a wallet holding the same credentials,
    against `credwallet --version` (start-up alone) measured in the same run."""
    import os
    import shutil
    import subprocess
    import tempfile

    from credwallet.store.wallet import Wallet

    exe = shutil.which("credwallet", path=str(Path(sys.executable).parent)) or "credwallet"
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        with Wallet.open(home=home) as wallet, wallet.batch():
            for index, credential in enumerate(credentials):
                credential.original_bytes = json.dumps(credential.document or {"n": index}).encode()
                credential.credential_id = f"https://bench.example.org/c/{index}"
                wallet.add([credential])
        env = {**os.environ, "CREDWALLET_HOME": str(home), "NO_COLOR": "1"}

        def timed(argv: list[str]) -> float:
            started = time.perf_counter()
            subprocess.run([exe, *argv], env=env, check=True, stdout=subprocess.DEVNULL)
            return time.perf_counter() - started

        gap_runs, version_runs = [], []
        for _ in range(repeat):
            version_runs.append(timed(["--version"]))
            gap_runs.append(timed(["gap", "--role", "data-analyst", "--include-unverified"]))
    gap_ms, version_ms = statistics.median(gap_runs) * 1000, statistics.median(version_runs) * 1000
    print(f"end to end: credwallet gap --role data-analyst on {len(credentials)} credentials: {gap_ms:.0f} ms; "
          f"credwallet --version {version_ms:.0f} ms; after start-up {gap_ms - version_ms:.0f} ms")


if __name__ == "__main__":
    raise SystemExit(main())

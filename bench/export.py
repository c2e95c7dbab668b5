"""Export benchmark: a 1,000-credential wallet rendered as a résumé section in every format.

Target (DESIGN.md §8): under 300 ms per format after start-up. Times are the best of several runs after a
warm-up (so imports are excluded) and are also printed as a ratio against a baseline measured in the same
run: serializing the same 1,000 credentials with `json.dumps(to_jsonable(...))`.

    python bench/export.py [--count 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial

from credwallet.export import FORMATS, ResumeOptions, build_entries, render
from credwallet.export.entries import LatexStyle
from credwallet.model import Alignment, Credential, CredentialFormat, Issuer, Recipient, Status, to_jsonable

NOW = datetime(2025, 6, 1, tzinfo=UTC)
SKILLS = ["sql", "python", "data-visualization", "statistics", "excel", "cloud", "machine-learning", "r"]
ISSUERS = [f"Issuer {i} & Partners" for i in range(40)]
PIXEL = "data:image/png;base64," + "iVBORw0KGgo" * 40


def make_wallet(count: int, seed: int = 7) -> list[Credential]:
    """Credentials with the variety a real wallet has: statuses, expiry, ids, images, awkward characters."""
    rng = random.Random(seed)
    credentials = []
    for i in range(count):
        issued = NOW - timedelta(days=rng.randint(0, 3650))
        expires = issued + timedelta(days=rng.choice([365, 730, 1095])) if rng.random() < 0.5 else None
        statuses = [Status.VALID, Status.UNVERIFIED, Status.INVALID, Status.REVOKED]
        status = rng.choices(statuses, [85, 10, 3, 2])[0]
        credentials.append(
            Credential(
                format=CredentialFormat.OB3 if i % 2 else CredentialFormat.OB2,
                name=f"Certificate {i}: Data_Analysis & SQL {{level {i % 5}}} — 100% <online>",
                issuer=Issuer(name=rng.choice(ISSUERS), url=f"https://issuer{i % 40}.example.org"),
                credential_id=f"https://badges.example.org/a/{i}?x=1&y={i}" if i % 3 else f"urn:x:{i}",
                verify_url=f"https://verify.example.org/{i}" if i % 3 == 0 else None,
                issued_on=issued,
                expires_on=expires,
                recipient=Recipient(identity=f"learner{i}@example.com"),
                alignments=[Alignment(target_name=s) for s in rng.sample(SKILLS, 2)],
                image=PIXEL if i % 4 == 0 else None,
                wallet_id=f"w{i:05d}",
                status=status,
            )
        )
    return credentials


def best_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: imports, caches
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    wallet = make_wallet(args.count)
    rng = random.Random(11)
    relevance = {c.wallet_id or "": (rng.random(), SKILLS[i % 3 : i % 3 + 2]) for i, c in enumerate(wallet)}
    options = ResumeOptions(
        now=NOW, include_unverified=True, include_expired=True, with_skills=True, group_by="issuer"
    )
    baseline = best_ms(lambda: json.dumps([to_jsonable(c) for c in wallet]), args.repeat)
    build = best_ms(lambda: build_entries(wallet, options, relevance), args.repeat)
    entries = build_entries(wallet, options, relevance)

    print(f"export benchmark: {args.count} credentials, {len(entries)} entries, best of {args.repeat}")
    print(f"baseline json.dumps(to_jsonable) of the wallet: {baseline:8.1f} ms")
    print(f"{'build_entries':<28}{build:8.1f} ms  {build / baseline:5.2f}x baseline")
    worst = 0.0
    for fmt in FORMATS:
        styles: tuple[LatexStyle, ...] = ("awesome-cv", "moderncv") if fmt == "latex" else ("awesome-cv",)
        for style in styles:
            styled = replace(options, latex_style=style)
            render_ms = best_ms(partial(render, entries, fmt, styled), args.repeat)

            def build_and_render(fmt: str = fmt, styled: ResumeOptions = styled) -> str:
                text: str = render(build_entries(wallet, styled, relevance), fmt, styled)
                return text

            total = best_ms(build_and_render, args.repeat)
            worst = max(worst, total)
            label = fmt if fmt != "latex" else f"latex ({style})"
            print(
                f"{label:<28}{render_ms:8.1f} ms render, {total:8.1f} ms build+render"
                f"  {total / baseline:5.2f}x baseline"
            )
    verdict = "meets" if worst < 300 else "MISSES"
    print(f"slowest build+render: {worst:.1f} ms ({verdict} the 300 ms target)")


if __name__ == "__main__":
    main()

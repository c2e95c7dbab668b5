"""Many distinct Open Badges 2.0 credentials for the import benchmarks (bench/import_ob2.py).

    python bench/make_bench_badges.py OUT_DIR --count 10000 [--seed 7] [--png]

Built with the same builders as the demo wallet (scripts/badge_builders.py): each credential varies the
sample badges' ids, names, dates and salts, so no two are duplicates. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from badge_builders import BadgeSpec, RecipientSpec, credential_bytes
from sample_catalog import BADGES, LEARNER_EMAIL

_START = datetime(2024, 1, 1, tzinfo=UTC)
_SPAN_SECONDS = int((datetime(2026, 6, 30, tzinfo=UTC) - _START).total_seconds())
_COHORTS = ("Spring", "Summer", "Autumn", "Winter")


def _variant(base: BadgeSpec, index: int, seed: int, rng: random.Random, carrier: str) -> BadgeSpec:
    """A new credential shaped like `base`: its own slug, name, issue date, salt and carrier."""
    issued = _START + timedelta(seconds=rng.randrange(_SPAN_SECONDS))
    cohort = f"{rng.choice(_COHORTS)} {issued.year} cohort {rng.randrange(1, 40)}"
    expires = None
    if rng.random() < 0.2:
        expires = (issued + timedelta(days=365 * rng.choice((1, 2, 3)))).strftime("%Y-%m-%dT%H:%M:%SZ")
    return replace(
        base,
        slug=f"{base.slug}-s{seed}-{index}",
        name=f"{base.name} ({cohort})",
        issued_on=issued.strftime("%Y-%m-%dT%H:%M:%SZ"),
        expires=expires,
        recipient=RecipientSpec(
            LEARNER_EMAIL, "email", hashed=True, salt=f"bench-{rng.getrandbits(40):010x}"
        ),
        carrier=carrier,
        hosted_class=False,
        bars=(2, 4, 3) if carrier.startswith("png") else base.bars,
    )


def write_ob2_json_files(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` distinct OB 2.0 assertion JSON files (badge class and issuer embedded) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        spec = _variant(BADGES[index % len(BADGES)], index, seed, rng, "json")
        path = folder / f"{index:06d}-{spec.slug}.json"
        path.write_bytes(credential_bytes(spec))
        paths.append(path)
    return paths


def write_baked_pngs(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` distinct baked PNGs (iTXt `openbadges`; every tenth zlib-compressed) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        carrier = "png-compressed" if index % 10 == 9 else "png"
        spec = _variant(BADGES[index % len(BADGES)], index, seed, rng, carrier)
        path = folder / f"{index:06d}-{spec.slug}.png"
        path.write_bytes(credential_bytes(spec))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write distinct OB 2.0 badges for the import benchmark.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--png", action="store_true", help="baked PNGs instead of assertion JSON files")
    args = parser.parse_args(argv)
    writer = write_baked_pngs if args.png else write_ob2_json_files
    paths = writer(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Import speed: 10,000 OB 2.0 JSON files (and 1,000 baked PNGs) into an empty wallet.

Baseline, in the same run: inserting the same normalized rows with raw sqlite3 in one transaction into a
database with the same schema. Target (DESIGN.md §8): import within 4x of that baseline.
Usage: python bench/import_ob2.py [--count N] [--pngs N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import generated_assertion, write_assertions

from credwallet.formats.detect import parse_bytes
from credwallet.importer import import_paths
from credwallet.store.connection import connect
from credwallet.store.rows import INSERT_SQL, prepare
from credwallet.store.wallet import Wallet


def _rows(paths: list[Path]) -> list[tuple[object, ...]]:
    """The exact rows the wallet stores for these files, computed outside the timed region."""
    rows = []
    for path in paths:
        [credential] = parse_bytes(path.read_bytes(), source=str(path))
        prepared = prepare(credential)
        rows.append((prepared.content_hash[:8], *prepared.values, None))
    return rows


def raw_insert_seconds(db_path: Path, rows: list[tuple[object, ...]]) -> float:
    db = connect(db_path)  # same schema and pragmas as a wallet
    started = time.perf_counter()
    db.execute("BEGIN")
    db.executemany(INSERT_SQL, rows)
    db.execute("COMMIT")
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def import_seconds(home: Path, folder: Path) -> tuple[float, int]:
    with Wallet.open(home=home) as wallet:  # creating the empty wallet is not timed
        started = time.perf_counter()
        report = import_paths(wallet, [str(folder)])
        elapsed = time.perf_counter() - started
    assert not report.errors, report.errors[:3]
    return elapsed, len(report.imported)


def write_pngs(folder: Path, count: int) -> None:
    from credwallet.formats.baked import PNG_SIGNATURE

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from badge_png import bake_png, draw_badge_png

    folder.mkdir(parents=True, exist_ok=True)
    image = draw_badge_png((30, 90, 160))
    assert image.startswith(PNG_SIGNATURE)
    for index in range(count):
        document = generated_assertion(100_000 + index)
        (folder / f"baked-{index:05d}.png").write_bytes(bake_png(image, "openbadges", json.dumps(document)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--pngs", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_assertions(root / "json", args.count)
        write_pngs(root / "png", args.pngs)
        png_paths = sorted((root / "png").iterdir())
        json_rows, png_rows = _rows(paths), _rows(png_paths)
        baseline = raw_insert_seconds(root / "raw.db", json_rows)
        seconds, imported = import_seconds(root / "w1", root / "json")
        png_baseline = raw_insert_seconds(root / "raw-png.db", png_rows)
        png_seconds, png_imported = import_seconds(root / "w2", root / "png")
    print(
        f"OB 2.0 JSON: {imported:,} files imported in {seconds * 1000:.0f} ms "
        f"({seconds / imported * 1e6:.0f} µs/file); raw sqlite3 insert of the same rows "
        f"{baseline * 1000:.0f} ms; ratio {seconds / baseline:.2f}x (target ≤ 4x)"
    )
    print(
        f"baked PNG:   {png_imported:,} files imported in {png_seconds * 1000:.0f} ms "
        f"({png_seconds / png_imported * 1e6:.0f} µs/file); raw insert {png_baseline * 1000:.0f} ms; "
        f"ratio {png_seconds / png_baseline:.2f}x"
    )


if __name__ == "__main__":
    main()

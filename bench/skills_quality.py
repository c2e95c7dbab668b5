#!/usr/bin/env python3
"""Precision and recall of skills extraction on the labelled set in tests/skills/labelled/.

Two runs: the labelled set as issued (tags and alignments included) and its text-only variant (tags and
alignments removed: what extraction reads from prose alone).
Usage: python bench/skills_quality.py [--details]
Targets (DESIGN.md §8, issue 14): as issued precision >= 0.9, recall >= 0.8; text-only precision >= 0.9,
recall >= 0.85.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from tests.skills.labelled_set import load_labelled, score, text_only  # noqa: E402

from credwallet.skills.extract import clear_cache  # noqa: E402
from credwallet.skills.vocabulary import load_bundled_vocabulary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list false positives and negatives")
    args = parser.parse_args()
    vocabulary = load_bundled_vocabulary()
    items, skipped = load_labelled()
    print(f"labelled credentials: {len(items)} (skipped, file absent: {len(skipped)})")
    for name, variant, recall_target in (("as issued", items, 0.8), ("text only", text_only(items), 0.85)):
        clear_cache()
        started = time.perf_counter()
        total, details = score(variant, vocabulary)
        elapsed = time.perf_counter() - started
        labels = total.true_positives + total.false_negatives
        print(
            f"{name:9}  precision {total.precision:.3f} (>= 0.9)  recall {total.recall:.3f} (>= {recall_target})  "
            f"TP {total.true_positives} FP {total.false_positives} FN {total.false_negatives} of {labels} labels; "
            f"{elapsed * 1000:.1f} ms"
        )
        if args.details:
            for item_id, false_positives, false_negatives in details:
                if false_positives or false_negatives:
                    print(f"  {item_id}: FP {sorted(false_positives)}  FN {sorted(false_negatives)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

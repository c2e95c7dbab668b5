"""The labelled set keeps extraction honest: precision >= 0.9 and recall >= 0.8 (DESIGN.md §8)."""

from __future__ import annotations

from credwallet.skills.vocabulary import Vocabulary

from .labelled_set import load_labelled, score


def test_labelled_set_is_big_enough() -> None:
    items, _ = load_labelled(include_files=False)
    assert len(items) >= 60
    assert len({item.id for item in items}) == len(items)


def test_written_labels_use_vocabulary_ids(vocabulary: Vocabulary) -> None:
    items, _ = load_labelled()
    for item in items:
        unknown = {s for s in item.skills if s not in vocabulary}
        assert not unknown, (item.id, unknown)


def test_precision_and_recall_meet_targets(vocabulary: Vocabulary) -> None:
    items, _ = load_labelled()
    total, details = score(items, vocabulary)
    assert total.precision >= 0.9, details
    assert total.recall >= 0.8, details


def test_text_only_variant_meets_targets(vocabulary: Vocabulary) -> None:
    """Issue 14: with tags and alignments removed, prose alone still finds the skills."""
    from .labelled_set import text_only

    items, _ = load_labelled()
    total, details = score(text_only(items), vocabulary)
    assert total.precision >= 0.9, details
    assert total.recall >= 0.85, details

from __future__ import annotations

import pytest

from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_bundled_vocabulary()

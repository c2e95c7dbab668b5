"""Skill claims are extracted once per credential and vocabulary, then read back from the wallet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.skills import extract
from credwallet.skills.service import credentials_with_skills
from credwallet.store.wallet import Wallet
from tests.badgekit import assertion_bytes


def test_claims_are_stored_and_reused(wallet_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Wallet.open(home=wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(assertion_bytes(), source="a.json")).imported
        extract.clear_cache()
        first = credentials_with_skills(wallet)
        skills = [c.skill for c in extract.extract_skills(first[0], _vocabulary(wallet_home))]
        assert "sql" in skills
        [stored] = wallet.skill_claims(_key(wallet_home)).values()
        assert "sql" in [item["skill"] for item in json.loads(stored)]

        extract.clear_cache()  # a new process: nothing in memory

        def no_extraction(*args: object) -> None:
            raise AssertionError("extracted again although the wallet had the claims")

        monkeypatch.setattr(extract, "_extract", no_extraction)
        again = credentials_with_skills(wallet)
        claims = extract.extract_skills(again[0], _vocabulary(wallet_home))
        assert [c.skill for c in claims] == skills and claims[0].credential == wallet_id
        wallet.remove(wallet_id)
        assert wallet.skill_claims(_key(wallet_home)) == {}


def _key(home: Path) -> str:
    return f"{_vocabulary(home).fingerprint}:extraction-{extract.EXTRACTION_VERSION}"  # type: ignore[attr-defined]


def _vocabulary(home: Path) -> object:
    from credwallet.skills.service import vocabulary_for

    return vocabulary_for(home)

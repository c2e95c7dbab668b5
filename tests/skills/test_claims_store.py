"""Skill claims are extracted once per credential and vocabulary, then read back from the wallet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credwallet.formats.detect import parse_bytes
from credwallet.skills import extract
from credwallet.skills.service import CLAIMS_FORM, credentials_with_skills
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
        assert "sql" in [item[0] for item in json.loads(stored)]  # one [skill, level, ...] row per claim

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
    key = f"{_vocabulary(home).fingerprint}:extraction-{extract.EXTRACTION_VERSION}"  # type: ignore[attr-defined]
    return f"{key}:{CLAIMS_FORM}"


def _vocabulary(home: Path) -> object:
    from credwallet.skills.service import vocabulary_for

    return vocabulary_for(home)


def test_stored_form_round_trips_every_field() -> None:
    from credwallet.skills.model import SkillClaim

    claim = SkillClaim("pandas", 3, "alignment-name", 0.95, "ignored", "alignment 'pandas'", None)
    inherited = SkillClaim("python", 2, "alignment-name", 0.76, "w1", "via pandas (alignment 'pandas')", "pandas")
    for item in (claim, inherited):
        back = SkillClaim.from_stored(json.loads(json.dumps(item.to_stored())), "w9")
        assert back == item._replace(credential="w9")


def test_gap_reads_leave_the_cyclic_collector_as_found(wallet_home: Path) -> None:
    import gc

    from credwallet.skills.service import evidence_credentials, held_skills

    with Wallet.open(home=wallet_home) as wallet:
        wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
        assert gc.isenabled()
        credentials = evidence_credentials(wallet)
        held, _ = held_skills(credentials, home=wallet_home)
        assert gc.isenabled() and "sql" in [item.skill for item in held]
        gc.disable()
        try:
            evidence_credentials(wallet)
            assert not gc.isenabled()
        finally:
            gc.enable()

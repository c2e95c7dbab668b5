"""The demo role and catalog are valid user files, and together with the sample wallet they tell a story:
Alex meets part of the junior data analyst role, and the local bootcamp's courses close the rest."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.sample_data.sample_support import SAMPLE_DIR

ROLE_FILE = SAMPLE_DIR / "roles" / "junior-data-analyst.yaml"
CATALOG_FILE = SAMPLE_DIR / "catalog.yaml"


def _yaml(path: Path) -> Any:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _resolve(text: str) -> str | None:
    from credwallet.skills.vocabulary import load_bundled_vocabulary

    skill = load_bundled_vocabulary().lookup(text)
    return skill.id if skill else None


def test_role_is_valid_and_names_vocabulary_ids() -> None:
    from credwallet.roles import validate_role_file

    role = validate_role_file(ROLE_FILE)
    assert role.id == "junior-data-analyst" == ROLE_FILE.stem
    written = [entry["skill"] for entry in _yaml(ROLE_FILE)["skills"]]
    assert [s.skill for s in role.core] == written, "ids, not aliases"  # type: ignore[union-attr]
    assert 8 <= len(role.core) <= 20 and sum(s.required for s in role.core) >= 3


def test_catalog_is_valid_with_five_to_eight_offerings_of_vocabulary_skills() -> None:
    from credwallet.planner.catalog_file import load_catalog, validate_catalog_file

    assert validate_catalog_file(CATALOG_FILE, resolve_skill=_resolve) == []
    catalog = load_catalog([CATALOG_FILE], catalog_only=True, resolve_skill=_resolve)
    assert 5 <= len(catalog) <= 8
    for entry in _yaml(CATALOG_FILE)["offerings"]:
        skills = entry["skills"] + entry.get("prerequisites", {}).get("skills", [])
        assert all(_resolve(s["skill"]) == s["skill"] for s in skills), entry["id"]
        assert entry["url"].startswith("https://harborcity-data-bootcamp.example/")
    assert {o.kind for o in catalog} >= {"course", "professional-certificate", "bootcamp"}


def _sample_wallet() -> list[Any]:
    from credwallet.formats.detect import parse_bytes
    from credwallet.verify.verifier import verify_credential

    credentials = []
    for folder in ("ob2", "ob3"):
        for path in sorted((SAMPLE_DIR / folder).iterdir()):
            if path.suffix == ".md":
                continue
            for index, credential in enumerate(parse_bytes(path.read_bytes(), source=str(path))):
                credential.wallet_id = f"{path.stem}-{index}"
                report = verify_credential(
                    credential, identities=["alex.morgan@example.org"], now=datetime(2026, 11, 24, tzinfo=UTC)
                )
                credential.status = report.status
                credentials.append(credential)
    return credentials


@pytest.fixture(scope="module")
def wallet() -> list[Any]:
    return _sample_wallet()


def test_gap_has_met_partial_and_missing_skills(wallet: list[Any], tmp_path: Path) -> None:
    from credwallet.skills.service import role_gap

    _role, gap = role_gap(wallet, str(ROLE_FILE), home=tmp_path)
    assert {"sql", "data-visualization", "data-cleaning"} <= {i.skill for i in gap.met}
    assert "excel" in {i.skill for i in gap.partial}
    assert {"power-bi", "microsoft-sql-server"} <= {i.skill for i in gap.missing}
    assert 0.5 < gap.coverage < 0.9


def test_the_bootcamp_courses_close_the_gap_cheaper_than_the_full_bootcamp(wallet: list[Any], tmp_path: Path) -> None:
    from credwallet.planner import PlanOptions
    from credwallet.skills.planning import plan_for_role

    plan = plan_for_role(
        wallet,
        str(ROLE_FILE),
        home=tmp_path,
        catalogs=[CATALOG_FILE],
        catalog_only=True,
        options=PlanOptions(start=date(2026, 12, 1)),
        today=date(2026, 11, 24),
    )
    document = plan.to_jsonable()
    chosen = [step["offering"] for step in document["steps"]]
    assert document["unreachable"] == []
    assert "hcdb-data-analytics-bootcamp" not in chosen
    assert chosen.index("hcdb-power-bi-foundations") < chosen.index("hcdb-power-bi-dax")
    assert document["total_hours"] < 240

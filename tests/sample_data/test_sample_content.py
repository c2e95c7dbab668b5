"""The demo wallet holds what the README promises: Alex's badges, real alignments, realistic variety."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.sample_data.sample_support import SAMPLE_DIR, assertion_of

LEARNER_EMAIL = "alex.morgan@example.org"
LEARNER_URL = "https://alexmorgan.example.org"
CREDENTIAL_FILES = sorted(
    p.relative_to(SAMPLE_DIR).as_posix() for p in SAMPLE_DIR.glob("ob2/*") if p.is_file()
)


def _assertions() -> dict[str, dict[str, Any]]:
    return {path: assertion_of(path, (SAMPLE_DIR / path).read_bytes()) for path in CREDENTIAL_FILES}


def _badge_class(document: dict[str, Any]) -> dict[str, Any]:
    badge = document["badge"]
    if isinstance(badge, str):  # hosted: read the stand-in the issuer publishes
        from tests.sample_data.sample_support import strict_json

        badge = strict_json((SAMPLE_DIR / "issuer-documents" / badge.removeprefix("https://")).read_bytes())
    assert isinstance(badge, dict)
    return badge


def _issuer_id(badge: dict[str, Any]) -> str:
    issuer = badge["issuer"]
    return issuer if isinstance(issuer, str) else str(issuer["id"])


@pytest.mark.parametrize("path", CREDENTIAL_FILES)
def test_recipient_is_alex(path: str) -> None:
    recipient = assertion_of(path, (SAMPLE_DIR / path).read_bytes())["recipient"]
    expected = LEARNER_URL if recipient["type"] == "url" else LEARNER_EMAIL
    if recipient["hashed"]:
        digest = hashlib.sha256((expected + recipient.get("salt", "")).encode()).hexdigest()
        assert recipient["identity"] == f"sha256${digest}"
    else:
        assert recipient["identity"] == expected


def test_recipient_variety() -> None:
    recipients = [document["recipient"] for document in _assertions().values()]
    assert sum(1 for r in recipients if r["hashed"] and "salt" not in r) == 2
    assert sum(1 for r in recipients if not r["hashed"]) == 1
    assert sum(1 for r in recipients if r["type"] == "url") == 1
    salts = [r["salt"] for r in recipients if "salt" in r]
    assert len(salts) == len(set(salts)), "a fixed salt per badge"


def test_variety_of_issuers_dates_and_shapes() -> None:
    documents = _assertions()
    assert len(documents) >= 14
    ids = [d["id"] for d in documents.values()]
    assert len(set(ids)) == len(ids)
    issuers = {_issuer_id(_badge_class(d)) for d in documents.values()}
    assert 3 <= len(issuers) <= 4
    assert all(i.startswith("https://") and ".example/" in i for i in issuers)
    assert all("2024-01-01" <= d["issuedOn"] < "2027-01-01" for d in documents.values())
    expiries = sorted(d["expires"] for d in documents.values() if "expires" in d)
    assert len(expiries) == 2
    assert expiries[0] < "2026-11-01" and expiries[1].startswith("2027")
    hosted = [d for d in documents.values() if isinstance(d["badge"], str)]
    assert len(hosted) == 1 and isinstance(_badge_class(hosted[0])["issuer"], str)
    assert sum(1 for d in documents.values() if d.get("evidence")) >= 2
    for document in documents.values():
        badge = _badge_class(document)
        assert (
            badge["tags"] and badge["alignment"] and badge["criteria"]["narrative"] and badge["description"]
        )
        assert badge["image"].startswith(("data:image/png;base64,", "https://"))


def test_embedded_json_badges_have_data_uri_images() -> None:
    for path, document in _assertions().items():
        if path.endswith(".json") and isinstance(document["badge"], dict):
            assert document["badge"]["image"].startswith("data:image/png;base64,"), path


def test_alignments_point_at_real_framework_items(shared_data: Path) -> None:
    with (shared_data / "esco" / "digitalSkillsCollection_en.csv").open(encoding="utf-8") as handle:
        esco = {row["conceptUri"]: row["preferredLabel"] for row in csv.DictReader(handle)}
    onet_elements = {}
    with (shared_data / "onet" / "Content Model Reference.txt").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            onet_elements[row["Element ID"]] = row["Element Name"]
    with (shared_data / "onet" / "Technology Skills.txt").open(encoding="utf-8") as handle:
        commodities = {(r["Example"], r["Commodity Code"]) for r in csv.DictReader(handle, delimiter="\t")}
    seen = set()
    for document in _assertions().values():
        for alignment in _badge_class(document)["alignment"]:
            framework = alignment["targetFramework"]
            seen.add(framework)
            if framework == "ESCO":
                assert esco[alignment["targetUrl"]] == alignment["targetName"]
            elif framework == "O*NET":
                code = alignment["targetCode"]
                assert alignment["targetUrl"].endswith("/" + code)
                assert onet_elements[code] == alignment["targetName"].removesuffix(" (knowledge)")
            else:
                assert framework == "O*NET Technology Skills"
                assert (alignment["targetName"], alignment["targetCode"]) in commodities
    assert seen == {"ESCO", "O*NET", "O*NET Technology Skills"}


def test_profile_names_alex_and_both_identities() -> None:
    import yaml

    profile = yaml.safe_load((SAMPLE_DIR / "profile.yaml").read_text(encoding="utf-8"))
    assert profile == {"name": "Alex Morgan", "identities": [LEARNER_EMAIL, LEARNER_URL]}


def test_readme_lists_every_credential_file() -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    for path in CREDENTIAL_FILES:
        assert f"`{path}`" in readme

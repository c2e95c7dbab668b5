"""issuer-documents/ answers every fetch hosted OB 2.0 verification makes, for `verify --documents`.

Each hosted badge's assertion is served at `HOST/assertions/ID` (its id, no file extension, so a folder
import skips it), with its badge class and issuer profile reachable the same way.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.sample_data.sample_support import (
    SAMPLE_DIR,
    assertion_of,
    openbadges_chunks,
    png_chunks,
    strict_json,
    svg_assertion,
)

DOCUMENTS = SAMPLE_DIR / "issuer-documents"
OB2_FILES = sorted(p.relative_to(SAMPLE_DIR).as_posix() for p in SAMPLE_DIR.glob("ob2/*") if p.is_file())
HOSTED = [p for p in OB2_FILES if not p.endswith(".jws")]


def _served(url: str) -> bytes | None:
    """What `--documents` answers for `url` (None: a 404)."""
    parts = urlsplit(url)
    assert parts.scheme == "https" and not parts.query and not parts.fragment, url
    path = DOCUMENTS / parts.netloc / parts.path.lstrip("/")
    return path.read_bytes() if path.is_file() else None


def _fetch_json(url: str) -> dict[str, Any]:
    raw = _served(url)
    assert raw is not None, f"nothing served at {url}"
    document: dict[str, Any] = strict_json(raw)
    return document


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_every_hosted_badge_has_a_stand_in_and_signed_ones_do_not() -> None:
    assert len(HOSTED) == 14
    served = sorted(p.relative_to(DOCUMENTS).as_posix() for p in DOCUMENTS.glob("*/assertions/*"))
    ids = sorted(assertion_of(p, (SAMPLE_DIR / p).read_bytes())["id"].removeprefix("https://") for p in HOSTED)
    assert served == ids


@pytest.mark.parametrize("path", HOSTED)
def test_the_served_assertion_is_the_one_the_learner_holds(path: str) -> None:
    raw = (SAMPLE_DIR / path).read_bytes()
    held = assertion_of(path, raw)
    assert held["verification"] == {"type": "hosted"}
    served = _served(held["id"])
    assert served is not None
    assert strict_json(served) == held
    if path.endswith(".json"):
        assert served == raw, "a JSON badge is served byte for byte"
    elif path.endswith(".png"):
        ((_compressed, baked),) = openbadges_chunks(png_chunks(raw))
        assert served.decode("utf-8") == baked, "a baked badge is served as the JSON baked into it"
    else:
        _verify, baked, _tag = svg_assertion(raw)
        assert served.decode("utf-8") == baked


@pytest.mark.parametrize("path", HOSTED)
def test_badge_class_and_issuer_profile_resolve_and_allow_the_assertion(path: str) -> None:
    held = assertion_of(path, (SAMPLE_DIR / path).read_bytes())
    badge = held["badge"] if isinstance(held["badge"], dict) else _fetch_json(held["badge"])
    assert badge["type"] == "BadgeClass" and (isinstance(held["badge"], dict) or badge["id"] == held["badge"])
    issuer_id = badge["issuer"] if isinstance(badge["issuer"], str) else badge["issuer"]["id"]
    profile = _fetch_json(issuer_id)
    assert profile["type"] == "Issuer" and profile["id"] == issuer_id
    # No `verification` policy in the profiles: the default allows assertions on the issuer id's origin.
    assert "verification" not in profile and "revocationList" not in profile
    assert _origin(held["id"]) == _origin(issuer_id)


def test_a_folder_import_skips_the_stand_ins() -> None:
    from credwallet.importer import expand_inputs, prepare_file

    walked = [name for name, _ in expand_inputs([str(SAMPLE_DIR)])]
    stand_ins = [name for name in walked if "/assertions/" in name]
    assert stand_ins and any(name.endswith("ob2/sql-foundations.json") for name in walked)
    for name in stand_ins:  # walked, counted as skipped, never read as a badge
        prepared, result = prepare_file(name, from_folder=True)
        assert prepared == [] and result.skipped == "not a credential file type (no extension)"


def test_a_missing_document_is_a_404() -> None:
    assert _served("https://northbridge.example/assertions/no-such-badge") is None


def test_with_these_documents_every_ob2_badge_verifies() -> None:
    """The demo's point: `verify --documents sample_data/issuer-documents` turns every OB 2.0 badge from
    `unverified` into a real verdict (the awareness badge expired on 2026-03-31)."""
    from datetime import UTC, datetime

    online = pytest.importorskip("credwallet.online.verify", reason="online verification not in this tree")
    fetchers = pytest.importorskip("credwallet.online.fetchers", reason="online verification not in this tree")
    from credwallet.formats.detect import parse_bytes

    credentials = [c for p in OB2_FILES for c in parse_bytes((SAMPLE_DIR / p).read_bytes(), source=p)]
    run = online.verify_online(
        credentials,
        fetchers.DirectoryFetcher(DOCUMENTS),
        identities=["alex.morgan@example.org", "https://alexmorgan.example.org"],
        now=datetime(2026, 11, 24, tzinfo=UTC),
    )
    verdicts = {c.source: r.status.value for c, r in zip(credentials, run.reports, strict=True)}
    assert verdicts.pop("ob2/cybersecurity-awareness.json") == "expired"
    assert set(verdicts.values()) == {"valid"}, verdicts

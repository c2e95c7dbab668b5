"""A plain `verify` never forgets what `verify --documents DIR` (or `--online`) established: the documents
fetched then are in the wallet's cache, and an offline run uses them and says how old they are."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from typer.testing import Result

from credwallet.store.documents import DocumentCache
from credwallet.store.wallet import Wallet
from credwallet.verify.signing import sign_data_integrity
from tests.cli.sample_wallet import json_out
from tests.conftest import EXTERNAL
from tests.verify.helpers import ISSUER_KEY, ob3_document

Cli = Callable[..., Result]
HOSTED = "ob2/1edtech-validator/basic-assertion.json"  # served at https://example.org/beths-robotics-badge.json


def external_file(relative: str) -> Path:
    path = EXTERNAL / relative
    if not path.is_file():
        import pytest

        pytest.skip(f"external fixture not present: {path}")
    return path


def serve_1edtech_assets(root: Path) -> Path:
    """The documents the 1EdTech validator tests serve at example.org, laid out as `--documents` reads them."""
    site = root / "example.org"
    site.mkdir(parents=True)
    for asset in external_file("ob2/1edtech-validator/assets/issuer1.json").parent.iterdir():
        shutil.copy(asset, site / asset.name)
    shutil.copy(external_file(HOSTED), site / "beths-robotics-badge.json")  # the issuer's hosted copy
    return root


def only(result: Result) -> dict[str, Any]:
    [item] = json_out(result)
    return item  # type: ignore[no-any-return]


def documents_line(item: dict[str, Any]) -> str:
    return " | ".join(c["detail"] for c in item["checks"] if c["name"] == "documents")


def test_a_plain_verify_keeps_what_documents_established(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(external_file(HOSTED)))
    assert only(cli("verify", "--all", "--json"))["status"] == "unverified"  # nothing fetched yet
    served = serve_1edtech_assets(tmp_path / "docs")
    assert only(cli("verify", "--all", "--json", "--documents", str(served)))["status"] == "valid"
    again = only(cli("verify", "--all", "--json"))  # offline: the wallet's cache answers
    assert again["status"] == "valid", again["checks"]
    used = documents_line(again)
    assert "from the wallet's cache" in used and "https://example.org/beths-robotics-badge.json" in used
    assert "(fetched 0 s ago)" in used or " s ago)" in used


def test_max_age_leaves_old_copies_out_and_says_so(cli: Cli, tmp_path: Path, wallet_home: Path) -> None:
    cli("import", str(external_file(HOSTED)))
    cli("verify", "--all", "--documents", str(serve_1edtech_assets(tmp_path / "docs")))
    with Wallet.open(home=wallet_home) as wallet:
        cache = DocumentCache(wallet.connection())
        for url, _ in cache.urls():
            cache.touch(url, datetime.now(UTC) - timedelta(days=40))
    aged = only(cli("verify", "--all", "--json"))
    assert aged["status"] == "valid" and "40 days ago" in documents_line(aged)
    strict_age = only(cli("verify", "--all", "--json", "--max-age", "30d"))
    assert strict_age["status"] == "unverified"
    assert "older than --max-age" in documents_line(strict_age)


def test_documents_lists_the_cache_with_sha256_and_age(cli: Cli, tmp_path: Path) -> None:
    assert json_out(cli("documents", "--json")) == []
    cli("import", str(external_file(HOSTED)))
    cli("verify", "--all", "--documents", str(serve_1edtech_assets(tmp_path / "docs")))
    listed = json_out(cli("documents", "--json"))
    urls = {entry["url"] for entry in listed}
    assert "https://example.org/beths-robotics-badge.json" in urls
    hosted = next(e for e in listed if e["url"] == "https://example.org/beths-robotics-badge.json")
    import hashlib

    assert hosted["sha256"] == hashlib.sha256(external_file(HOSTED).read_bytes()).hexdigest()
    assert set(hosted) == {"url", "kind", "status", "bytes", "sha256", "fetched_at", "age_seconds"}
    human = cli("documents")
    assert human.exit_code == 0 and "example.org" in human.stdout
    cli("documents", "--clear")
    assert json_out(cli("documents", "--json")) == []


CONTEXT_URL = "https://contexts.example/skills/v1"
SKILLS_CONTEXT = {"@context": {"skillLevel": "https://contexts.example/skills#level"}}


def test_an_unbundled_context_is_imported_fetched_cached_and_reused(cli: Cli, tmp_path: Path) -> None:
    document = ob3_document()
    document["@context"] = [*document["@context"], CONTEXT_URL]
    document["credentialSubject"]["skillLevel"] = "advanced"
    signed = sign_data_integrity(document, ISSUER_KEY, documents={CONTEXT_URL: SKILLS_CONTEXT})
    badge = tmp_path / "badge.json"
    badge.write_text(json.dumps(signed))
    imported = json_out(cli("import", str(badge), "--json"))
    assert imported["imported"] and not imported["errors"]  # kept whatever its contexts
    offline = only(cli("verify", "--all", "--json"))
    assert offline["status"] == "unverified"
    [proof] = [c for c in offline["checks"] if c["name"] == "proof"]
    assert CONTEXT_URL in proof["detail"] and "--online" in proof["detail"]
    folder = tmp_path / "docs" / "contexts.example" / "skills"
    folder.mkdir(parents=True)
    (folder / "v1").write_text(json.dumps(SKILLS_CONTEXT))
    assert only(cli("verify", "--all", "--json", "--documents", str(tmp_path / "docs")))["status"] == "valid"
    reused = only(cli("verify", "--all", "--json"))
    assert reused["status"] == "valid" and CONTEXT_URL in documents_line(reused)
    [context] = [e for e in json_out(cli("documents", "--json")) if e["url"] == CONTEXT_URL]
    assert context["kind"] == "context"


def test_a_fetched_context_that_redefines_a_protected_term_is_invalid(cli: Cli, tmp_path: Path) -> None:
    document = ob3_document()
    document["@context"] = [*document["@context"], CONTEXT_URL]
    signed = sign_data_integrity(document, ISSUER_KEY, documents={CONTEXT_URL: SKILLS_CONTEXT})
    badge = tmp_path / "badge.json"
    badge.write_text(json.dumps(signed))
    folder = tmp_path / "docs" / "contexts.example" / "skills"
    folder.mkdir(parents=True)
    (folder / "v1").write_text(json.dumps({"@context": {"validUntil": "https://evil.example/not-an-expiry"}}))
    result = only(cli("verify", str(badge), "--json", "--documents", str(tmp_path / "docs")))
    assert result["status"] == "invalid"
    [proof] = [c for c in result["checks"] if c["name"] == "proof"]
    assert "redefines the protected term 'validUntil'" in proof["detail"]


def test_summary_prints_one_line_per_credential_and_the_totals(cli: Cli, tmp_path: Path) -> None:
    expired = external_file("hostile/ob3-1edtech-validator/simple-err-expired.json")
    assert not json_out(cli("import", str(external_file(HOSTED)), str(expired), "--json"))["errors"]
    result = cli("verify", "--all", "--summary")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2  # piped: one tab-separated line per credential, totals on stderr
    assert {line.split("\t")[0] for line in lines} == {"unverified", "expired"}
    assert any("expired on 2010-01-01" in line for line in lines)
    assert "2 verified: 1 expired, 1 unverified" in result.stderr


def test_a_hosted_badge_shows_its_fetched_badge_class_and_issuer(cli: Cli, tmp_path: Path) -> None:
    """Before: "Badge class at https://..." with no issuer; after a verification that had the badge class and
    issuer, the stored credential shows their real name and issuer (and keeps them offline afterwards)."""
    cli("import", str(external_file(HOSTED)))
    [before] = json_out(cli("list", "--json"))
    assert before["name"].startswith("Badge class at")
    cli("verify", "--all", "--documents", str(serve_1edtech_assets(tmp_path / "docs")))
    [after] = json_out(cli("list", "--json"))
    assert after["name"] == "Awesome Robotics Badge" and after["issuer"] == "An Example Badge Issuer"
    shown = json_out(cli("show", after["id"], "--json"))
    assert shown["issuer"]["id"] == "https://example.org/organization.json"
    assert shown["extension"]["fetched"]["badge_class"]["url"] == "https://example.org/robotics-badge.json"
    raw = json.loads(cli("show", after["id"], "--raw").stdout)
    assert raw["badge"] == "https://example.org/robotics-badge.json"  # the assertion as issued
    again = only(cli("verify", "--all", "--json"))
    assert again["status"] == "valid" and again["name"] == "Awesome Robotics Badge"

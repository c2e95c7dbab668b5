"""`credwallet import URL`: hosted assertions, OB 3.0 credentials and baked images, with their documents."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from credwallet.errors import InputError, NetworkError
from credwallet.importer import import_one
from credwallet.model import Container, CredentialFormat
from credwallet.net import BADGE_ACCEPT
from credwallet.online import url_import
from credwallet.online.url_import import WEB_PAGE, fetch_credentials
from credwallet.store.wallet import Wallet
from tests.online.builders import hosted_assertion, ob3, signed, write_json

BASE = "https://issuer.example"


def serve_badge(root: Path) -> dict[str, Any]:
    assertion = hosted_assertion(BASE)
    write_json(root, "issuer.example/assertions/1.json", assertion)
    badge = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "BadgeClass",
        "id": f"{BASE}/badges/sql.json",
        "name": "SQL Fundamentals",
        "description": "Writes SQL queries.",
        "image": f"{BASE}/badges/sql.png",
        "criteria": {"narrative": "Pass the exam."},
        "tags": ["sql", "data"],
        "alignment": [{"targetName": "SQL", "targetUrl": "http://data.europa.eu/esco/skill/sql"}],
        "issuer": f"{BASE}/issuer.json",
    }
    write_json(root, "issuer.example/badges/sql.json", badge)
    profile = {"type": "Issuer", "id": f"{BASE}/issuer.json", "name": "Example Data School", "url": BASE}
    write_json(root, "issuer.example/issuer.json", profile)
    return assertion


def test_a_hosted_assertion_is_imported_with_its_badge_class_and_issuer(web: Any) -> None:
    assertion = serve_badge(web.root)
    (credential,) = fetch_credentials(f"{BASE}/assertions/1.json", web.fetcher)
    assert credential.format is CredentialFormat.OB2 and credential.document == assertion
    assert credential.name == "SQL Fundamentals" and credential.description == "Writes SQL queries."
    assert (credential.issuer.name, credential.issuer.id) == ("Example Data School", f"{BASE}/issuer.json")
    assert credential.tags == ["sql", "data"] and credential.alignments[0].target_name == "SQL"
    assert credential.source == f"{BASE}/assertions/1.json"
    fetched = credential.extension["fetched"]
    assert fetched["badge_class"]["url"] == f"{BASE}/badges/sql.json"
    assert fetched["issuer"]["document"]["name"] == "Example Data School"
    accept = [h["Accept"] for host, path, h in web.servers[0].requests if path == "/assertions/1.json"]
    assert accept == [BADGE_ACCEPT]


def test_a_web_page_is_not_a_badge(web: Any) -> None:
    page = web.root / "issuer.example" / "badge.html"
    page.parent.mkdir(parents=True)
    page.write_text("<!DOCTYPE html><html><body>Your badge!</body></html>")
    with pytest.raises(InputError) as caught:
        fetch_credentials(f"{BASE}/badge.html", web.fetcher)
    assert str(caught.value) == f"{BASE}/badge.html: {WEB_PAGE}"


def test_a_baked_image_is_imported(web: Any, external: Path) -> None:
    site = web.root / "example.org"
    site.mkdir()
    for asset in (external / "ob2/1edtech-validator/assets").iterdir():
        shutil.copy(asset, site / asset.name)
    shutil.copy(external / "ob2/1edtech-validator/simple-badge.png", site / "badge.png")
    (credential,) = fetch_credentials("https://example.org/badge.png", web.fetcher)
    assert credential.container is Container.PNG and credential.name == "Awesome Robotics Badge"
    assert credential.issuer.name == "An Example Badge Issuer"
    assert credential.original_bytes == (external / "ob2/1edtech-validator/simple-badge.png").read_bytes()


def test_an_image_baked_with_only_a_link_is_followed(web: Any, external: Path) -> None:
    baked = external / "ob2/mozilla-backpack/valid-baked.png"  # tEXt openbadges = https://example.org/assertion
    (web.root / "example.org").mkdir()
    shutil.copy(baked, web.root / "example.org" / "baked.png")
    assertion = {**hosted_assertion("https://example.org"), "id": "https://example.org/assertion"}
    assertion["badge"] = {"type": "BadgeClass", "id": "https://example.org/b", "name": "Linked Badge",
                          "issuer": {"id": "https://example.org/i", "name": "Linked Issuer"}}  # fmt: skip
    write_json(web.root, "example.org/assertion", assertion)
    (credential,) = fetch_credentials("https://example.org/baked.png", web.fetcher)
    assert credential.container is Container.PNG and credential.name == "Linked Badge"
    assert credential.document == assertion and credential.original_bytes == baked.read_bytes()


def test_an_ob3_credential_is_imported(web: Any) -> None:
    document = signed(ob3())
    write_json(web.root, "issuer.example/credentials/1", document)
    (credential,) = fetch_credentials(f"{BASE}/credentials/1", web.fetcher)
    assert credential.format is CredentialFormat.OB3 and credential.document == document


def test_missing_and_revoked_badges_are_one_line_errors(web: Any, server: Any) -> None:
    with pytest.raises(NetworkError, match=r"HTTP 404$"):
        fetch_credentials(f"{BASE}/nothing.json", web.fetcher)
    from tests.online.server import static

    server.routes["/gone.json"] = static(b'{"revoked": true}', status=410)
    with pytest.raises(InputError, match="revoked"):
        fetch_credentials(server.url("/gone.json"), web.fetcher)


def test_import_one_fetches_urls_into_the_wallet(web: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serve_badge(web.root)
    page = web.root / "issuer.example" / "page"
    page.write_text("<html><body>not a badge</body></html>")
    monkeypatch.setattr(url_import, "default_fetcher", lambda: web.fetcher)
    monkeypatch.setattr(web.fetcher, "close", lambda: None)  # the fixture closes it
    with Wallet.open(tmp_path / "w.db", home=tmp_path) as wallet:
        result = import_one(wallet, f"{BASE}/assertions/1.json")
        assert result.error is None and len(result.imported) == 1
        stored = wallet.get(result.imported[0])
        assert stored.name == "SQL Fundamentals" and stored.extension["fetched"]["issuer"]["url"]
        assert stored.original_bytes == (web.root / "issuer.example/assertions/1.json").read_bytes()
        assert import_one(wallet, f"{BASE}/assertions/1.json").duplicates == result.imported
        failed = import_one(wallet, f"{BASE}/page")
        assert failed.error == f"{BASE}/page: {WEB_PAGE}" and wallet.count() == 1


def test_import_refuses_private_addresses_by_default(tmp_path: Path, server: Any) -> None:
    with Wallet.open(tmp_path / "w.db", home=tmp_path) as wallet:
        result = import_one(wallet, server.url("/badge.json").replace("http://", "https://"))
    assert result.error is not None and "refused: 127.0.0.1 is a loopback address" in result.error
    assert server.requests == []

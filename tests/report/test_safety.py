"""Hostile credential text, links and images: shown as text, never run, never loaded, nothing personal leaked."""

from __future__ import annotations

import base64
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from credwallet.model import Container, Credential, CredentialFormat, Issuer, Recipient, Status
from credwallet.report import ReportOptions, render, report_from_credentials
from tests.report.pagecheck import parse, remote_references

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
EMAIL = "alex.morgan@example.org"


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def tiny_png(*extra: bytes, width: int = 2, height: int = 2) -> bytes:
    """A valid 2x2 RGB PNG, with any extra chunks placed before the image data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x10\x20\x30" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + b"".join(extra)
        + png_chunk(b"IDAT", zlib.compress(rows))
        + png_chunk(b"IEND", b"")
    )


def hostile(**changes: object) -> Credential:
    fields: dict[str, object] = {
        "format": CredentialFormat.OB2,
        "name": '<script>alert("name")</script>',
        "issuer": Issuer(
            id="javascript:alert(1)",
            name='Evil "Issuer" <img src=x onerror=alert(2)>',
            url="javascript:alert(3)",
        ),
        "credential_id": "javascript:alert(4)",
        "verify_url": "http://tracker.example/pixel.gif",
        "image": "https://tracker.example/badge.png",
        "issued_on": datetime(2026, 1, 2, tzinfo=UTC),
        "wallet_id": "bad00001",
        "content_hash": "bad00001",
        "status": Status.VALID,
        "verification": {
            "status": "valid",
            "checks": [{"name": "proof", "status": "passed", "detail": "<b>signed</b> by javascript:alert(5)"}],
        },
        "tags": ["<svg onload=alert(6)>", "SQL"],
    }
    fields.update(changes)
    return Credential(**fields)  # type: ignore[arg-type]


def page_for(credentials: list[Credential], home: Path, **options: object) -> str:
    report = report_from_credentials(
        credentials, home=home, learner='<i>Alex</i>', options=ReportOptions(now=NOW, pathway=False, **options)
    )
    return render(report)


def test_credential_text_is_escaped_and_javascript_urls_never_become_links(wallet_home: Path) -> None:
    html = page_for([hostile()], wallet_home)
    root, _ = parse(html)
    assert not root.find_all("script") and not root.find_all("img")
    card = root.find("li", cls="card")
    assert card.find("h4").all_text() == '<script>alert("name")</script>'  # shown as text
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in html
    assert "Evil &quot;Issuer&quot; &lt;img src=x onerror=alert(2)&gt;" in html
    assert root.find("h1").all_text().startswith("<i>Alex</i>")
    for element in root.walk():
        assert not any(name.startswith("on") for name in element.attrs), element
        for value in element.attrs.values():
            assert "javascript:" not in value.lower()
    assert remote_references(html) == []  # the http verify URL and the https image are neither linked nor loaded
    assert "tracker.example" not in html


def test_recipient_email_is_redacted_unless_revealed(wallet_home: Path) -> None:
    credential = hostile(
        name=f"Badge for {EMAIL}",
        recipient=Recipient(identity=EMAIL, type="email", hashed=False),
        verification={
            "status": "unverified",
            "checks": [{"name": "recipient", "status": "failed", "detail": f"issued to {EMAIL}, not you"}],
        },
        status=Status.UNVERIFIED,
    )
    hidden = page_for([credential], wallet_home)
    assert EMAIL not in hidden and "alex.morgan" not in hidden
    assert "a***@example.org" in hidden
    shown = page_for([credential], wallet_home, reveal=True)
    assert EMAIL in shown


def test_baked_badge_image_is_embedded_without_the_assertion_it_carries(wallet_home: Path) -> None:
    assertion = f'{{"recipient": {{"identity": "{EMAIL}"}}}}'.encode()
    baked = tiny_png(png_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + assertion), png_chunk(b"tEXt", b"x\x00y"))
    credential = hostile(container=Container.PNG, image="https://issuer.example/badge.png")
    report = report_from_credentials(
        [credential], home=wallet_home, learner=None, options=ReportOptions(now=NOW, pathway=False),
        original=lambda wallet_id: baked,
    )
    (uri,) = report.images.values()
    embedded = base64.b64decode(uri.split(",", 1)[1])
    assert embedded == tiny_png()
    assert EMAIL not in render(report)


def test_svg_and_broken_images_fall_back_to_a_monogram(wallet_home: Path) -> None:
    svg = "data:image/svg+xml;base64," + base64.b64encode(b"<svg onload='alert(1)'/>").decode()
    fake_png = "data:image/png;base64," + base64.b64encode(b"<script>alert(1)</script>").decode()
    credentials = [
        hostile(image=svg, wallet_id="a1", content_hash="a1"),
        hostile(image=fake_png, wallet_id="a2", content_hash="a2"),
    ]
    html = page_for(credentials, wallet_home)
    root, _ = parse(html)
    assert len(root.find_all("svg", cls="monogram")) == 2
    assert "svg+xml" not in html and "onload" not in html


def test_an_empty_wallet_still_makes_a_page(wallet_home: Path) -> None:
    html = page_for([], wallet_home)
    root, _ = parse(html)
    assert "The wallet is empty" in root.find("section", id="credentials").all_text()
    assert not root.find_all("section", id="gap")


HOSTILE_ROLE = """\
format: 2
id: hostile-role
title: "<script>alert('role')</script> Analyst"
description: "<img src=x onerror=alert('description')>"
core:
  - {skill: sql, level: 4, weight: 1.0, required: true}
  - {any_of: [tableau, power-bi], level: 3, weight: 0.5, name: "<b>BI</b> tool"}
"""
HOSTILE_CATALOG = """\
offerings:
  - {id: evil-sql, title: "<script>alert('offering')</script> SQL", provider: "<i>Evil</i> U",
     kind: course, hours: 10, cost: 0, url: "javascript:alert('url')", skills: [{skill: sql, level: 4}]}
"""


def test_role_and_catalog_text_is_escaped_too(wallet_home: Path, tmp_path: Path) -> None:
    role = tmp_path / "role.yaml"
    role.write_text(HOSTILE_ROLE)
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(HOSTILE_CATALOG.replace("javascript:alert('url')", "https://evil.example/sql"))
    sql = hostile(alignments=[], tags=["SQL"], name="SQL basics")
    options = ReportOptions(now=NOW, role=str(role), catalogs=(catalog,))
    report = report_from_credentials([sql], home=wallet_home, learner=None, options=options)
    html = render(report)
    root, _ = parse(html)
    assert not root.find_all("script") and not root.find_all("img") and not root.find_all("i")
    assert "&lt;script&gt;alert(&#x27;role&#x27;)&lt;/script&gt; Analyst" in html
    assert "&lt;b&gt;BI&lt;/b&gt; tool" in html
    heading = root.find("section", id="gap").find("h2").all_text()
    assert heading == "Where you stand: <script>alert('role')</script> Analyst"
    assert report.pathway is not None and report.pathway.steps
    step = root.find("section", id="pathway").find("li", data_offering="evil-sql")
    assert step.find("h3").all_text().strip() == "<script>alert('offering')</script> SQL"
    assert remote_references(html) == []
    for element in root.walk():
        assert not any(name.startswith("on") for name in element.attrs)


@pytest.mark.parametrize("name", ["javascript:alert(7)", "<script>alert(8)</script>"])
def test_a_badge_named_like_code_is_text_wherever_its_name_shows(wallet_home: Path, name: str) -> None:
    """The name is the card's heading, the evidence list's link text, the hover text of the skill bars and
    the page is still free of scripts and script URLs."""
    badge = hostile(name=name, alignments=[], tags=["SQL", "Tableau"])
    options = ReportOptions(now=NOW, role="data-analyst", pathway=False)
    html = render(report_from_credentials([badge], home=wallet_home, learner=None, options=options))
    root, _ = parse(html)
    assert root.find("li", cls="card").find("h4").all_text() == name
    links = root.find("dl", cls="evidence").find_all("a")
    assert links and {a.all_text() for a in links} == {name}
    assert {a.attrs["href"] for a in links} == {"#c-bad00001"}
    titles = [t.all_text() for t in root.find("section", id="gap").find_all("title")]
    assert any(name in title for title in titles)
    assert not root.find_all("script")
    for element in root.walk():
        assert not any(attr.startswith("on") for attr in element.attrs)
        assert all("javascript:" not in value.lower() for value in element.attrs.values())


def test_every_status_gets_its_own_group_in_order(wallet_home: Path) -> None:
    statuses = [Status.INVALID, Status.SUSPENDED, Status.VALID, Status.REVOKED, Status.UNVERIFIED, Status.EXPIRED]
    credentials = [
        hostile(status=status, wallet_id=f"s{i}", content_hash=f"s{i}", verification=None, name=status.value)
        for i, status in enumerate(statuses)
    ]
    root, _ = parse(page_for(credentials, wallet_home))
    groups = [g.attrs["data-status"] for g in root.find_all("section", cls="group")]
    assert groups == ["valid", "unverified", "expired", "suspended", "revoked", "invalid"]
    unverified = root.find("li", data_status="unverified")
    assert "Not verified yet: run `credwallet verify --all`" in unverified.find("span", cls="why").all_text()

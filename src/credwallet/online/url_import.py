"""`credwallet import URL`: fetch a hosted badge (assertion JSON, OB 3.0 credential, baked image) and keep it
with the badge class and issuer profile it names by URL.

Content negotiation asks for JSON-LD first, then images; a web page gets a helpful error instead of a parse
failure. An image baked with only a link (hosted OB 1.x/2.0) is followed once, through the same client.
"""

from __future__ import annotations

from typing import Any

from credwallet.errors import CredwalletError, InputError
from credwallet.model import Container, Credential, CredentialFormat
from credwallet.net import Fetcher, FetchRequest, FetchResult, NetworkFetcher

WEB_PAGE = "this is a web page, not a badge: download the badge image or its JSON"
_OB2 = frozenset({CredentialFormat.OB1, CredentialFormat.OB2, CredentialFormat.OB2_SIGNED})


def default_fetcher() -> Fetcher:
    """The fetcher `import URL` uses when none is given (https only, public addresses only)."""
    return NetworkFetcher()


def _looks_like_html(result: FetchResult) -> bool:
    if result.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = result.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _fetch(fetcher: Fetcher, url: str, kind: str) -> FetchResult:
    result = fetcher.fetch(FetchRequest(url, kind))
    if result.status == 410:
        raise InputError(f"{url}: the issuer has withdrawn this badge (HTTP 410 Gone: revoked)")
    if _looks_like_html(result):
        raise InputError(f"{url}: {WEB_PAGE}")
    return result


def _fetch_json(fetcher: Fetcher, url: str) -> dict[str, Any] | None:
    """A linked document (badge class, issuer profile) as a JSON object; None when it cannot be had."""
    from credwallet.safejson import loads_strict

    try:
        result = fetcher.fetch(FetchRequest(url, "document"))
        value = loads_strict(result.body, source=url)
    except CredwalletError:
        return None  # kept as a URL; `verify --online` will say why it cannot be checked
    return value if isinstance(value, dict) else None


def _parse_fetched(url: str, body: bytes, fetcher: Fetcher) -> list[Credential]:
    from credwallet.formats import baked, ob2
    from credwallet.formats.detect import parse_bytes
    from credwallet.safejson import loads_strict

    payload_text: str | None = None
    container = Container.JSON
    if body.startswith(baked.PNG_SIGNATURE):
        payload_text, container = baked.unbake_png(body, source=url).text.strip(), Container.PNG
    elif body.lstrip()[:5].lower() in (b"<?xml", b"<svg ", b"<svg>"):
        payload_text, container = baked.unbake_svg(body, source=url).text.strip(), Container.SVG
    if payload_text is None or not payload_text.lower().startswith(("https://", "http://")):
        return parse_bytes(body, source=url)
    hosted = _fetch(fetcher, payload_text, "document")  # the image holds only the assertion's address
    document = loads_strict(hosted.body, source=payload_text)
    if not isinstance(document, dict) or not ob2.looks_like_ob2(document):
        raise InputError(f"{url}: the image links to {payload_text}, which is not a badge assertion")
    return [ob2.parse_assertion(document, source=url, container=container, original_bytes=body)]


def complete_ob2(credential: Credential, fetcher: Fetcher) -> Credential:
    """Fetch the badge class and issuer an OB 2.0 assertion names by URL; fill the credential from them.

    The assertion itself (`document`) stays exactly as issued (signatures cover it); the fetched documents
    are kept in `extension["fetched"]` and the display fields (name, issuer, criteria...) come from them.
    """
    from credwallet.formats.enrich import fill_ob2

    document = credential.document
    badge = document.get("badge")
    found: dict[str, Any] = {}
    badge_class = badge if isinstance(badge, dict) else None
    if isinstance(badge, str):
        badge_class = _fetch_json(fetcher, badge)
        if badge_class is not None:
            found[badge] = badge_class
    if badge_class is None:
        return credential
    issuer = badge_class.get("issuer")
    if isinstance(issuer, str):
        profile = _fetch_json(fetcher, issuer)
        if profile is not None:
            found[issuer] = profile
    fill_ob2(credential, found)
    return credential


def fetch_credentials(url: str, fetcher: Fetcher | None = None) -> list[Credential]:
    """The credentials at `url`, ready for `Wallet.add`; InputError / NetworkError with one line otherwise."""
    own = fetcher is None
    active = fetcher if fetcher is not None else default_fetcher()
    try:
        result = _fetch(active, url, "badge")
        credentials = _parse_fetched(url, result.body, active)
        for credential in credentials:
            credential.source = url
            if credential.format in _OB2:
                complete_ob2(credential, active)
    finally:
        if own and hasattr(active, "close"):
            active.close()
    return credentials

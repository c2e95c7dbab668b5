"""Credentials as cards: cleaned and redacted text, the effective status and the reason for it, an image.

The text rules (control characters, bidi overrides, length caps, recipient redaction, https-only links) are
the résumé exporter's, so a report and a résumé never disagree about what a credential says.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache

from credwallet.export.entries import clean_text, entry_from_credential, recipient_secrets
from credwallet.model import Container, Credential, CredentialFormat, Status
from credwallet.report.images import CleanImage, clean_raster, image_from_data_uri
from credwallet.report.model import STATUS_LABELS, STATUS_ORDER, Card, Check, StatusGroup

FORMAT_LABELS = {
    CredentialFormat.OB1: "Open Badges 1.x",
    CredentialFormat.OB2: "Open Badges 2.0",
    CredentialFormat.OB2_SIGNED: "Open Badges 2.0 (signed)",
    CredentialFormat.OB3: "Open Badges 3.0",
    CredentialFormat.OB3_JWT: "Open Badges 3.0 (JWT)",
    CredentialFormat.CLR: "Learner record (CLR 2.0)",
    CredentialFormat.SELF_REPORTED: "Self-reported",
}
# What each check means to a learner, for the one-line reason of a verified credential.
CHECK_WORDS = {
    "proof": "signature",
    "key": "issuer's key",
    "dates": "dates",
    "status": "revocation",
    "recipient": "recipient",
}
# All embedded images together; past this, cards show monograms (a wallet of photos must not make a
# page no one can open).
MAX_TOTAL_IMAGE_BYTES = 16 * 1024 * 1024
NOT_VERIFIED_YET = "Not verified yet: run `credwallet verify --all`"

OriginalBytes = Callable[[str], bytes]


class ImageStore:
    """Embedded images keyed by content, so a badge image shared by many credentials is embedded once (and a
    data: URI shared by many is decoded and cleaned once)."""

    def __init__(self, budget: int = MAX_TOTAL_IMAGE_BYTES) -> None:
        self.uris: dict[str, str] = {}
        self._budget = budget
        self._by_source: dict[str, str | None] = {}

    def add_data_uri(self, uri: str) -> str | None:
        if uri not in self._by_source:
            found = image_from_data_uri(uri)
            self._by_source[uri] = self.add(found) if found is not None else None
        return self._by_source[uri]

    def add(self, image: CleanImage) -> str | None:
        key = "i" + hashlib.sha256(image.data).hexdigest()[:12]
        if key not in self.uris:
            if len(image.data) > self._budget:
                return None
            self._budget -= len(image.data)
            self.uris[key] = image.data_uri()
        return key


SELF_REPORTED = "self-reported"


def effective_status(credential: Credential, now: datetime) -> str:
    """The stored status, except that a credential whose expiry date has passed is expired, and one the
    learner recorded by hand (nothing to verify) is self-reported unless something failed."""
    if credential.status in (Status.VALID, Status.UNVERIFIED) and credential.is_expired(now):
        return Status.EXPIRED.value
    if credential.format is CredentialFormat.SELF_REPORTED and credential.status is Status.UNVERIFIED:
        return SELF_REPORTED
    return credential.status.value


@lru_cache(maxsize=4096)
def _clean_shared(text: str) -> str:
    """Check names and details repeat across credentials; with no secret to redact they are cleaned once."""
    return clean_text(text)


def _clean(text: str, secrets: list[str]) -> str:
    return clean_text(text, secrets) if secrets else _clean_shared(text)


def _checks(credential: Credential, secrets: list[str]) -> tuple[list[Check], dict[str, str]]:
    """The saved checks, and for each the status it forced (when the verifier recorded that)."""
    saved = credential.verification or {}
    effects: dict[str, str] = {}
    cache = saved.get("cache")
    if isinstance(cache, dict):
        for item in cache.get("checks") or []:
            if isinstance(item, dict) and item.get("effect"):
                effects.setdefault(str(item.get("name")), str(item["effect"]))
    checks: list[Check] = []
    for item in saved.get("checks") or []:
        if not isinstance(item, dict):
            continue
        status = "warning" if item.get("warning") else str(item.get("status") or "")
        kind = item.get("kind")
        checks.append(
            Check(
                name=_clean(str(item.get("name") or "check"), secrets),
                status=status,
                detail=_clean(str(item.get("detail") or ""), secrets),
                kind=str(kind) if isinstance(kind, str) else None,
            )
        )
    return checks, effects


def status_reason(
    credential: Credential, status: str, checks: list[Check], effects: Mapping[str, str], now: datetime
) -> str:
    """One line saying why the credential has its status, in the verifier's own words where it has them."""
    if status == Status.EXPIRED.value and credential.expires_on is not None and credential.expires_on <= now:
        return "Its expiry date has passed, so it no longer counts towards your skills"
    if status == SELF_REPORTED:
        return "You recorded it yourself: there is nothing for an issuer to confirm"
    if not checks:
        return NOT_VERIFIED_YET if status == Status.UNVERIFIED.value else STATUS_LABELS.get(status, status)
    if status == Status.VALID.value:
        names = [CHECK_WORDS[c.name] for c in checks if c.status == "passed" and c.name in CHECK_WORDS]
        words = list(dict.fromkeys(names))
        if not words:
            return "Verified"
        return (", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]).capitalize() + " checked"
    decisive = [c for c in checks if effects.get(c.name) == status and c.status != "passed"]
    if not decisive:
        decisive = [c for c in checks if c.status in ("failed", "error", "skipped")]
    if not decisive:
        return STATUS_LABELS.get(status, status)
    check = decisive[0]
    detail = check.detail or check.status
    return f"{check.name}: {detail}"


def monogram(issuer: str) -> str:
    """Up to two initials of the issuer's name, for the drawn tile that stands in for a missing image."""
    words = [w for w in issuer.replace("-", " ").split() if w[:1].isalnum()]
    letters = [w[0] for w in words if w[0].isupper() or w[0].isdigit()] or [w[0] for w in words]
    return "".join(letters[:2]).upper() or "?"


def card_image(credential: Credential, images: ImageStore, original: OriginalBytes | None) -> str | None:
    """The credential's own image as an embedded raster: a data: URI it carries, or the baked badge itself."""
    if credential.image and credential.image[:5].lower() == "data:":
        key = images.add_data_uri(credential.image)
        if key is not None:
            return key
    if credential.container is Container.PNG and original and credential.wallet_id:
        found = clean_raster(original(credential.wallet_id))
        return images.add(found) if found is not None else None
    return None


def make_card(
    credential: Credential,
    *,
    now: datetime,
    reveal: bool,
    images: ImageStore,
    skills: Iterable[str] = (),
    part_of: str | None = None,
    original: OriginalBytes | None = None,
    trusted: Callable[[Credential], bool | None] | None = None,
) -> Card:
    """One credential as a card, whatever its status."""
    entry = entry_from_credential(credential, now=now, reveal=reveal)
    secrets = [] if reveal else recipient_secrets(credential)
    status = effective_status(credential, now)
    checks, effects = _checks(credential, secrets)
    recipient = None
    if credential.recipient is not None and not credential.recipient.hashed and credential.recipient.identity:
        identity = credential.recipient.identity
        recipient = clean_text(identity if reveal else credential.recipient.redacted())
    return Card(
        id=credential.wallet_id or "",
        name=entry.name,
        issuer=entry.issuer,
        issuer_url=entry.issuer_url,
        issued_on=entry.issued_on,
        expires_on=entry.expires_on,
        status=status,
        reason=status_reason(credential, status, checks, effects, now),
        kind=FORMAT_LABELS.get(credential.format, credential.format.value),
        checks=tuple(checks),
        verified_on=credential.verified_at.astimezone(UTC).date() if credential.verified_at else None,
        skills=tuple(skills),
        image=card_image(credential, images, original),
        monogram=monogram(entry.issuer),
        trusted_issuer=trusted(credential) if trusted is not None else None,
        part_of=clean_text(part_of, secrets) if part_of else None,
        recipient=recipient,
        verify_url=entry.verification_url,
    )


def group_cards(cards: Iterable[Card]) -> tuple[StatusGroup, ...]:
    """Cards by status in the page's order (newest first within a group); empty groups are left out."""
    by_status: dict[str, list[Card]] = {}
    for card in cards:
        by_status.setdefault(card.status, []).append(card)
    groups = []
    for status in (*STATUS_ORDER, *sorted(set(by_status) - set(STATUS_ORDER))):
        members = by_status.get(status)
        if members:
            members.sort(key=_newest_first)
            groups.append(StatusGroup(status, STATUS_LABELS.get(status, status.title()), tuple(members)))
    return tuple(groups)


def _newest_first(card: Card) -> tuple[int, int, str]:
    issued = card.issued_on.toordinal() if card.issued_on else 0
    return (0 if card.issued_on else 1, -issued, card.name.casefold())

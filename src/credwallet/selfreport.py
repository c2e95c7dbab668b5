"""Self-reported credentials: what only exists as a certificate page or PDF (Coursera, edX, LinkedIn
Learning) or a line on a LinkedIn profile, recorded by the learner with `credwallet add` or imported from a
LinkedIn data export.

Such a record is stored with format `self-reported`: nothing the issuer signed can be checked, so it is
never `valid`; gap and plan count it as weaker evidence than a credential (DESIGN.md §6) and the planner
recognizes it as a catalog offering it names (same provider and title, or its certificate URL).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from credwallet.errors import InputError
from credwallet.model import Container, Credential, CredentialFormat, Criteria, Issuer

MAX_TITLE_CHARS = 300
MAX_ISSUER_CHARS = 200
MAX_URL_CHARS = 2000
MAX_SKILLS = 50
RECORD_TYPE = "SelfReportedCredential"  # the `type` of the stored record (credwallet's own, not a VC type)


@dataclass(frozen=True, slots=True)
class SelfReport:
    """What the learner says: title, issuer, dates, where the certificate can be seen, and its skills."""

    title: str
    issuer: str
    issued: date | None  # None only for imported records that give none (LinkedIn allows it)
    url: str | None = None
    credential_id: str | None = None  # the certificate or license number the issuer printed
    expires: date | None = None
    skills: tuple[str, ...] = ()
    via: str = "credwallet add"  # or "LinkedIn data export"
    description: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def document(self) -> dict[str, object]:
        """The stored record: plain JSON, every field the learner gave and nothing more."""
        record: dict[str, object] = {
            "type": RECORD_TYPE,
            "title": self.title,
            "issuer": self.issuer,
            "recorded_with": self.via,
        }
        for key, value in (
            ("issued", self.issued.isoformat() if self.issued else None),
            ("expires", self.expires.isoformat() if self.expires else None),
            ("url", self.url),
            ("credential_id", self.credential_id),
            ("description", self.description),
        ):
            if value:
                record[key] = value
        if self.skills:
            record["skills"] = list(self.skills)
        record.update(self.extra)
        return record


def _text(value: str | None, what: str, limit: int) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InputError(f"{what} is empty")
    if len(text) > limit:
        raise InputError(f"{what} is longer than {limit} characters")
    return text


def check_url(url: str | None, what: str = "--url") -> str | None:
    """An http(s) URL, or None; anything else (javascript:, file:, a bare word) is refused."""
    if url is None or not url.strip():
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise InputError(f"{what} is longer than {MAX_URL_CHARS} characters")
    lowered = url.lower()
    if (
        not lowered.startswith(("https://", "http://"))
        or len(url.split("://", 1)[1]) < 3
        or any(c.isspace() for c in url)
    ):
        raise InputError(f"{what} {url!r} is not an http(s) address")
    return url


def parse_day(value: str, what: str) -> date:
    """YYYY-MM-DD, or YYYY-MM (the first of the month: certificate pages and LinkedIn give months)."""
    text = value.strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD or YYYY-MM)") from None


def checked(report: SelfReport, today: date | None = None) -> SelfReport:
    """The report with its fields cleaned and checked; one InputError line for what is wrong."""
    today = today or datetime.now(UTC).date()
    title = _text(report.title, "the title", MAX_TITLE_CHARS)
    issuer = _text(report.issuer, "the issuer", MAX_ISSUER_CHARS)
    if report.issued is not None and report.issued > today + timedelta(days=1):
        raise InputError(f"the issue date {report.issued.isoformat()} is in the future")
    if report.expires is not None and report.issued is not None and report.expires < report.issued:
        raise InputError(f"the expiry date {report.expires.isoformat()} is before the issue date")
    if len(report.skills) > MAX_SKILLS:
        raise InputError(f"more than {MAX_SKILLS} skills")
    skills = tuple(dict.fromkeys(_text(s, "a skill", 100) for s in report.skills))
    credential_id = " ".join((report.credential_id or "").split()) or None
    return SelfReport(
        title=title,
        issuer=issuer,
        issued=report.issued,
        url=check_url(report.url),
        credential_id=credential_id[:200] if credential_id else None,
        expires=report.expires,
        skills=skills,
        via=report.via,
        description=report.description,
        extra=dict(report.extra),
    )


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def self_reported_credential(report: SelfReport, today: date | None = None) -> Credential:
    """The wallet credential for a self-report (checked first); its id is the certificate URL, if any."""
    report = checked(report, today)
    document = report.document()
    original = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return Credential(
        format=CredentialFormat.SELF_REPORTED,
        name=report.title,
        issuer=Issuer(name=report.issuer),
        container=Container.JSON,
        credential_id=report.url,
        description=report.description,
        issued_on=_moment(report.issued) if report.issued else None,
        expires_on=_moment(report.expires) if report.expires else None,
        criteria=Criteria(url=report.url) if report.url else None,
        tags=list(report.skills),
        document=document,
        extension={"self_reported": {"via": report.via, "certificate_number": report.credential_id}},
        original_bytes=original,
        source=report.via,
    )

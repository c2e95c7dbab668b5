"""Résumé entries: the one place that decides which credentials a résumé shows and what each line says.

Renderers only format `ResumeEntry` records, so filtering, ranking, redaction and link safety are decided
once here and every format agrees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal, TypeAlias
from urllib.parse import quote, urlsplit

from credwallet.errors import InputError
from credwallet.model import Credential, Status

SortKey: TypeAlias = Literal["date", "relevance"]
GroupKey: TypeAlias = Literal["issuer", "skill", "year"]
LatexStyle: TypeAlias = Literal["awesome-cv", "moderncv"]
SORT_KEYS: tuple[str, ...] = ("date", "relevance")
GROUP_KEYS: tuple[str, ...] = ("issuer", "skill", "year")
LATEX_STYLES: tuple[str, ...] = ("awesome-cv", "moderncv")

# A résumé line is short; a hostile 1 MB badge name must not become a 1 MB résumé.
MAX_TEXT_CHARS = 300
# Longer URLs are not links anyone pastes or prints; they are dropped rather than cut (a cut URL is wrong).
MAX_URL_CHARS = 2_000
# A badge image embedded in an HTML page as a data: URI; larger ones are left out of the page.
MAX_IMAGE_DATA_URI_CHARS = 512 * 1024

# Raster types (and SVG, which is safe only inside <img>, never inlined) a page may show as data: URIs.
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|jpg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/=]+\Z")
# Control characters and line/paragraph separators: they would break a one-line entry, so become spaces.
_TO_SPACE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible format characters (Unicode category Cf: bidi overrides, zero-width spaces, tags, BOM) and lone
# surrogates, which can spoof or hide text; removed. The zero-width joiners U+200C/U+200D stay: Indic,
# Persian and emoji text need them. Unicode 15's list; tests/export checks it against `unicodedata`.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200B), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xD800, 0xDFFF), (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_INVISIBLE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in INVISIBLE_RANGES) + "]")
_SPACE = re.compile(r"\s")

Relevance: TypeAlias = (
    Mapping[str, tuple[float, Sequence[str]]]
    | Callable[[Credential], tuple[float, Sequence[str]] | None]
)


@dataclass(frozen=True, slots=True)
class ResumeOptions:
    """What the user asked for: which credentials, in what order and grouping, and how each renders."""

    include_unverified: bool = False
    include_expired: bool = False
    since: date | None = None
    sort: SortKey | None = None  # None: by relevance when a role is given, else by date
    group_by: GroupKey | None = None
    limit: int | None = None
    with_skills: bool = False
    reveal: bool = False
    now: datetime | None = None  # None: the current time (tests pin it)
    role: str | None = None  # the role's title; when set, only credentials relevant to it are kept
    title: str = "Certifications"
    latex_style: LatexStyle = "awesome-cv"
    skill_labels: Mapping[str, str] = field(default_factory=dict)  # skill id -> label for display
    include_courses: bool = False  # list courses on their own too (by default only folded under a certificate)
    # Where the learner will publish credwallet's verification files (an https base URL or a relative
    # folder): entries without a hosted verification link then link to their file there.
    publish_base: str | None = None


@dataclass(frozen=True, slots=True)
class ResumeEntry:
    """One credential as a résumé shows it: cleaned text, safe links, effective status."""

    name: str
    issuer: str
    issued_on: date | None
    expires_on: date | None
    credential_id: str | None
    verification_url: str | None  # https only
    status: str  # valid | expired | unverified | invalid (valid past its expiry date becomes expired)
    skills: tuple[str, ...] = ()
    image: str | None = None  # an https URL or a base64 data:image URI, safe as an <img> src
    wallet_id: str | None = None
    relevance: float | None = None
    issuer_url: str | None = None  # https only
    kind: str = "badge"  # certification | degree | certificate | badge | transcript | course
    includes: tuple[str, ...] = ()  # names of the courses folded under this certificate or transcript
    publish_file: str | None = None  # the verification file to publish, when the link points to one

    @property
    def expired(self) -> bool:
        return self.status == Status.EXPIRED.value


def check_options(options: ResumeOptions) -> None:
    """Reject option values a caller passed as free text (the CLI forwards user strings)."""
    if options.sort is not None and options.sort not in SORT_KEYS:
        raise InputError(f"unknown sort '{options.sort}': use one of {', '.join(SORT_KEYS)}")
    if options.group_by is not None and options.group_by not in GROUP_KEYS:
        raise InputError(f"unknown grouping '{options.group_by}': use one of {', '.join(GROUP_KEYS)}")
    if options.latex_style not in LATEX_STYLES:
        raise InputError(f"unknown LaTeX style '{options.latex_style}': use one of {', '.join(LATEX_STYLES)}")
    if options.limit is not None and options.limit < 0:
        raise InputError(f"limit must be zero or more, not {options.limit}")


# OB 3.0 achievementType values (and common spellings) grouped the way a résumé reader groups them.
_KIND_OF_TYPE = {
    "certification": "certification",
    "license": "certification",
    "journeymancertificate": "certification",
    "mastercertificate": "certification",
    "qualityassurancecredential": "certification",
    "degree": "degree",
    "associatedegree": "degree",
    "bachelordegree": "degree",
    "masterdegree": "degree",
    "doctoraldegree": "degree",
    "professionaldoctorate": "degree",
    "researchdoctorate": "degree",
    "diploma": "degree",
    "secondaryschooldiploma": "degree",
    "generaleducationdevelopment": "degree",
    "certificate": "certificate",
    "certificateofcompletion": "certificate",
    "apprenticeshipcertificate": "certificate",
    "microcredential": "certificate",
    "learningprogram": "certificate",
    "course": "course",
    "coursesection": "course",
}
# Reading order without a role: certifications first, then degrees and certificates, then badges.
KIND_ORDER = {"certification": 0, "degree": 1, "certificate": 2, "transcript": 2, "badge": 3, "course": 4}
LEFT_OUT_REASONS = {
    "course": "courses on their own (--include-courses lists them)",
    "expired": "expired (--include-expired)",
    "unverified": "not verified as valid (--include-unverified)",
    "revoked": "revoked",
    "suspended": "suspended by their issuer",
    "since": "issued before --since",
    "role": "not relevant to the role",
    "limit": "beyond --limit",
}


def credential_kind(credential: Credential) -> str:
    """certification, degree, certificate, course, transcript (a CLR) or badge (anything else, and every
    Open Badges 2.0 badge: they carry no type)."""
    if credential.format.value == "clr":
        return "transcript"
    key = re.sub(r"[^a-z]", "", (credential.achievement_type or "").lower().removeprefix("ext:"))
    return _KIND_OF_TYPE.get(key, "badge")


@dataclass(slots=True)
class Selection:
    """The entries a résumé shows, and how many credentials it left out, by reason (see LEFT_OUT_REASONS)."""

    entries: list[ResumeEntry]
    left_out: dict[str, int] = field(default_factory=dict)
    folded: int = 0  # courses listed under their certificate or transcript rather than on their own

    def left_out_text(self) -> str:
        """`left out: 5 courses on their own (--include-courses lists them); 1 expired (...)`, or ''."""
        parts = [f"{count} {LEFT_OUT_REASONS.get(reason, reason)}" for reason, count in self.left_out.items() if count]
        return "left out: " + "; ".join(parts) if parts else ""


def build_entries(
    credentials: Sequence[Credential],
    options: ResumeOptions,
    relevance: Relevance | None = None,
) -> list[ResumeEntry]:
    """The résumé's entries (see `select_entries`)."""
    return select_entries(credentials, options, relevance).entries


def statuses_never_shown(options: ResumeOptions) -> dict[str, str]:
    """Stored statuses whose credentials these options leave out whatever else they hold, with the reason
    counted: a caller may leave them unread and pass their counts to `select_entries` (`already_left_out`)."""
    never = {Status.REVOKED.value: "revoked", Status.SUSPENDED.value: "suspended"}
    if not options.include_unverified:
        never[Status.UNVERIFIED.value] = never[Status.INVALID.value] = "unverified"
    if not options.include_expired:
        never[Status.EXPIRED.value] = "expired"
    return never


def select_entries(
    credentials: Sequence[Credential],
    options: ResumeOptions,
    relevance: Relevance | None = None,
    *,
    already_left_out: Mapping[str, int] | None = None,
) -> Selection:
    """What a recruiter reads: certifications, certificates and badges, each once, most relevant first.

    Courses inside a transcript (a CLR) are folded under the certificate it holds, or under the transcript
    when it holds none; a transcript that holds a certificate is not listed itself. Courses on their own are
    left out unless `include_courses`. `relevance` (from the skills/gap engine) gives each credential a
    score for the role and the skill ids it evidences, keyed by wallet id or computed by a callable; with
    `options.role` set only scores > 0 are kept, and a certificate counts the courses folded under it.
    Revoked credentials never appear. Everything left out is counted by reason, with `already_left_out`
    (credentials the caller did not read, see `statuses_never_shown`).
    """
    check_options(options)
    now = _aware(options.now) if options.now is not None else datetime.now(UTC)
    if options.role is not None and relevance is None:
        raise ValueError("build_entries: a role filter needs relevance scores")
    left_out: dict[str, int] = {reason: count for reason, count in (already_left_out or {}).items() if count}

    def leave_out(reason: str) -> None:
        left_out[reason] = left_out.get(reason, 0) + 1

    kinds = {id(c): credential_kind(c) for c in credentials}
    admitted = []
    for credential in credentials:
        reason = _refusal(credential, options, now)
        if reason is None:
            admitted.append(credential)
        else:
            leave_out(reason)
    by_id = {c.wallet_id: c for c in admitted if c.wallet_id}
    children: dict[str, list[Credential]] = {}
    for credential in admitted:
        if credential.parent_id in by_id:
            children.setdefault(credential.parent_id, []).append(credential)
    folded_into: dict[int, list[Credential]] = {}  # id(host credential) -> courses folded under it
    hidden: set[int] = set()
    for parent_id, members in children.items():
        courses = [c for c in members if kinds[id(c)] == "course"]
        hosts = [c for c in members if kinds[id(c)] in ("certificate", "degree", "certification")]
        if hosts:
            hidden.add(id(by_id[parent_id]))  # the transcript is represented by the certificate it holds
            folded_into.setdefault(id(hosts[0]), []).extend(courses)
        else:
            folded_into.setdefault(id(by_id[parent_id]), []).extend(courses)
        hidden.update(id(c) for c in courses)
    folded = sum(len(v) for v in folded_into.values())

    entries: list[ResumeEntry] = []
    for credential in admitted:
        if id(credential) in hidden:
            continue
        kind = kinds[id(credential)]
        if kind == "course" and not options.include_courses:
            leave_out("course")
            continue
        courses = folded_into.get(id(credential), [])
        score, skills = _relevance_of(credential, relevance)
        for course in courses:  # a certificate is as relevant as the courses it is made of
            course_score, course_skills = _relevance_of(course, relevance)
            if course_score is not None and (score is None or course_score > score):
                score = course_score
            skills = [*skills, *(s for s in course_skills if s not in skills)]
        if options.role is not None and (score or 0.0) <= 0:
            leave_out("role")
            continue
        entry = entry_from_credential(credential, now=now, reveal=options.reveal, score=score, skills=skills)
        if options.since is not None and (entry.issued_on is None or entry.issued_on < _day(options.since)):
            leave_out("since")
            continue
        secrets = [] if options.reveal else recipient_secrets(credential)
        includes = tuple(clean_text(c.name, secrets) for c in sorted(courses, key=_issued_key))
        entries.append(_finished(entry, credential, kind, includes, options))
    sort = options.sort or ("relevance" if options.role is not None else "date")
    entries.sort(key=_date_key)
    if sort == "relevance":
        entries.sort(key=lambda e: (-(e.relevance or 0.0), KIND_ORDER.get(e.kind, 9)))  # stable: newest first
    elif options.sort is None:
        entries.sort(key=lambda e: KIND_ORDER.get(e.kind, 9))  # certifications first, each kind newest first
    if options.limit is not None and len(entries) > options.limit:
        left_out["limit"] = len(entries) - options.limit
        entries = entries[: options.limit]
    return Selection(entries, left_out, folded)


def _finished(
    entry: ResumeEntry, credential: Credential, kind: str, includes: tuple[str, ...], options: ResumeOptions
) -> ResumeEntry:
    """The entry with its kind, folded courses and, lacking a hosted link, its published verification file."""
    from dataclasses import replace

    from credwallet.export.files import entry_filename
    from credwallet.export.publish import publish_extension

    publish_file = None
    link = entry.verification_url
    extension = publish_extension(credential)
    if link is None and options.publish_base is not None and extension is not None:
        # `certified-associate-data-analyst-cada-5e3e88de.json`: readable, and unique per credential
        publish_file = entry_filename(entry.name, entry.wallet_id, extension)
        base = options.publish_base.rstrip("/")
        link = f"{base}/{publish_file}" if base else publish_file
    return replace(entry, kind=kind, includes=includes, publish_file=publish_file, verification_url=link)


def _refusal(credential: Credential, options: ResumeOptions, now: datetime) -> str | None:
    """Why a credential is not shown whatever its kind (None: it may be)."""
    status = credential.status
    if status is Status.REVOKED:
        return "revoked"
    if status is Status.SUSPENDED:
        return "suspended"
    if status in (Status.UNVERIFIED, Status.INVALID) and not options.include_unverified:
        return "unverified"
    expired = status is Status.EXPIRED or credential.is_expired(now)
    if expired and not options.include_expired:
        return "expired"
    return None


def _issued_key(credential: Credential) -> tuple[int, str]:
    return (credential.issued_on.toordinal() if credential.issued_on else 0, credential.name.casefold())


def entry_from_credential(
    credential: Credential,
    *,
    now: datetime | None = None,
    reveal: bool = False,
    score: float | None = None,
    skills: Sequence[str] = (),
) -> ResumeEntry:
    """One credential as a résumé entry, whatever its status (the LinkedIn link and `--split` use it too)."""
    moment = _aware(now) if now is not None else datetime.now(UTC)
    secrets = [] if reveal else recipient_secrets(credential)
    status = credential.status.value
    if credential.status is Status.VALID and credential.is_expired(moment):
        status = Status.EXPIRED.value
    issuer = credential.issuer
    issuer_name = clean_text(issuer.name or "", secrets) or _host(issuer.url) or _host(issuer.id)
    credential_id = clean_text(credential.credential_id or "", secrets) or None
    return ResumeEntry(
        name=clean_text(credential.name, secrets) or "Untitled credential",
        issuer=issuer_name or "Unknown issuer",
        issued_on=credential.issued_on.astimezone(UTC).date() if credential.issued_on else None,
        expires_on=credential.expires_on.astimezone(UTC).date() if credential.expires_on else None,
        credential_id=credential_id,
        verification_url=verification_url(credential, secrets),
        status=status,
        skills=tuple(dict.fromkeys(s for s in (clean_text(x) for x in skills) if s)),
        image=safe_image(credential.image),
        wallet_id=credential.wallet_id,
        relevance=score,
        issuer_url=safe_https_url(issuer.url, secrets) or safe_https_url(issuer.id, secrets),
    )


def verification_url(credential: Credential, secrets: Sequence[str] = ()) -> str | None:
    """Where a reader checks the credential: its id when that is an https URL, else the hosted verify URL."""
    return safe_https_url(credential.credential_id, secrets) or safe_https_url(credential.verify_url, secrets)


def safe_https_url(value: str | None, secrets: Sequence[str] = ()) -> str | None:
    """The URL if it is a plain https address fit to print and link (no spaces, controls, credentials)
    that carries none of the lower-cased `secrets` (recipient identities)."""
    if not value or len(value) > MAX_URL_CHARS or not value.isprintable() or _SPACE.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not parts.hostname or parts.username or parts.password:
        return None
    if secrets:
        lowered = value.lower()
        if any(secret in lowered for secret in secrets):
            return None  # a link that carries the recipient's email is left out, not half-redacted
    return value


def safe_image(value: str | None) -> str | None:
    """An image source a page can show without running anything: https URLs and base64 data:image URIs."""
    if not value:
        return None
    if value.startswith("data:"):
        if len(value) <= MAX_IMAGE_DATA_URI_CHARS and _DATA_IMAGE.match(value):
            return value
        return None
    return safe_https_url(value)


def clean_text(value: str, secrets: Sequence[str] = ()) -> str:
    """One line of display text: controls, bidi overrides and invisible characters removed, spaces collapsed,
    recipient identities redacted, capped at MAX_TEXT_CHARS."""
    if not value:
        return ""
    text = _TO_SPACE.sub(" ", value)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    text = " ".join(text.split())
    for secret in secrets:
        text = _redact(text, secret)
    if len(text) > MAX_TEXT_CHARS:
        text = text[: MAX_TEXT_CHARS - 1].rstrip() + "…"
    return text


def _redact(text: str, secret: str) -> str:
    if secret not in text.lower():
        return text
    local, _, domain = secret.partition("@")
    masked = f"{local[:1]}***@{domain}" if domain else "***"
    return re.sub(re.escape(secret), masked, text, flags=re.IGNORECASE)


def recipient_secrets(credential: Credential) -> list[str]:
    """Plaintext recipient identities that must not leak into an export (emails and phone numbers),
    lower-cased, as written and as percent-encoded in a URL."""
    recipient = credential.recipient
    if recipient is None or recipient.hashed:
        return []
    identity = recipient.identity.strip().lower().removeprefix("mailto:")
    if len(identity) < 3 or not (recipient.type in ("email", "telephone") or "@" in identity):
        return []
    encoded = quote(identity, safe="").lower()
    return [identity] if encoded == identity else [identity, encoded]


def _relevance_of(credential: Credential, relevance: Relevance | None) -> tuple[float | None, Sequence[str]]:
    if relevance is None:
        return None, [a.target_name for a in credential.alignments if a.target_name]
    found = relevance(credential) if callable(relevance) else relevance.get(credential.wallet_id or "")
    if found is None:
        return 0.0, ()
    score, skills = found
    return float(score), skills


def _date_key(entry: ResumeEntry) -> tuple[int, int, str]:
    issued = entry.issued_on.toordinal() if entry.issued_on else 0
    return (0 if entry.issued_on else 1, -issued, entry.name.casefold())


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day(value: date) -> date:
    if isinstance(value, datetime):
        return _aware(value).astimezone(UTC).date()
    return value


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return clean_text(urlsplit(url).hostname or "")
    except ValueError:
        return ""

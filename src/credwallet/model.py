"""The domain types every format parses into and every later stage reads (no I/O here).

One normalized `Credential` serves Open Badges 2.0, 3.0, VC-JWT and CLR alike; what only one format has
lives in `extension`, and the parsed document plus the original bytes are always kept so a credential can
be re-verified and re-exported exactly as issued.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import Enum, StrEnum
from functools import cache
from typing import Any


class CredentialFormat(StrEnum):
    """What a credential is, independent of how it arrived (JSON file, baked image, token)."""

    OB1 = "ob1"  # Open Badges 0.5/1.x legacy assertion (read for display; hosted verification only)
    OB2 = "ob2"  # Open Badges 2.0 assertion, hosted or embedded badge class and issuer
    OB2_SIGNED = "ob2-jws"  # Open Badges 2.0 signed assertion (compact JWS)
    OB3 = "ob3"  # Open Badges 3.0 / W3C VC as JSON-LD with an embedded proof
    OB3_JWT = "ob3-jwt"  # Open Badges 3.0 / W3C VC secured as a VC-JWT / JOSE token
    CLR = "clr"  # 1EdTech Comprehensive Learner Record 2.0 (a ClrCredential)
    # A credential the learner recorded by hand (`credwallet add`, a LinkedIn export): a certificate page or
    # PDF with nothing to verify. Counted by gap and plan as weaker evidence than an issued credential.
    SELF_REPORTED = "self-reported"


class Container(StrEnum):
    """How the credential's bytes arrived: kept to re-export in the same shape."""

    JSON = "json"
    JWS = "jws"
    PNG = "png"
    SVG = "svg"
    CLR = "clr"  # an inner credential of a CLR or presentation


class Status(StrEnum):
    """A credential's verification status (DESIGN.md §5)."""

    VALID = "valid"
    INVALID = "invalid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUSPENDED = "suspended"  # a status list's suspension bit: revoked for now, the issuer may lift it
    UNVERIFIED = "unverified"


@dataclass(slots=True)
class Issuer:
    """Who issued the credential; `id` is the issuer's URL, DID or hosted profile address."""

    id: str | None = None
    name: str | None = None
    url: str | None = None
    email: str | None = None
    description: str | None = None
    image: str | None = None


@dataclass(slots=True)
class Alignment:
    """A link from the achievement to a framework item (ESCO skill, O*NET element, a standard)."""

    target_name: str
    target_url: str | None = None
    target_code: str | None = None
    target_framework: str | None = None
    target_description: str | None = None
    target_type: str | None = None


@dataclass(slots=True)
class Recipient:
    """The identity the credential was issued to; hashed identities carry their algorithm in `identity`."""

    identity: str
    type: str = "email"  # email | url | telephone | id | did
    hashed: bool = False
    salt: str | None = None

    def redacted(self) -> str:
        """A form safe to print: plaintext emails keep their first letter and domain only."""
        if self.hashed:
            algorithm, _, digest = self.identity.partition("$")
            return f"{algorithm}${digest[:8]}… (hashed)" if digest else "(hashed)"
        if self.type == "email" and "@" in self.identity:
            local, _, domain = self.identity.partition("@")
            return f"{local[:1]}***@{domain}"
        if len(self.identity) > 12:
            return self.identity[:8] + "…"
        return "***"


@dataclass(slots=True)
class Criteria:
    """What the learner had to do: a URL to the criteria page and/or a narrative."""

    url: str | None = None
    narrative: str | None = None


@dataclass(slots=True)
class Evidence:
    """Work the learner points to as proof of the achievement."""

    id: str | None = None
    name: str | None = None
    narrative: str | None = None
    description: str | None = None
    genre: str | None = None


@dataclass(slots=True)
class Result:
    """An OB 3.0 result: a grade, a rubric level, a score, with its description when the issuer gave one."""

    type: str | None = None
    value: str | None = None
    status: str | None = None
    description: str | None = None
    achieved_level: str | None = None


@dataclass(slots=True)
class Endorsement:
    """A third party's endorsement of the achievement, issuer or credential (kept as issued)."""

    id: str | None
    issuer_name: str | None
    issuer_id: str | None
    comment: str | None
    issued_on: datetime | None
    target: str  # achievement | issuer | credential
    document: dict[str, Any] = field(default_factory=dict)


# Fields that describe where a wallet copy came from or what the user added; they never take part in the
# content hash, so the same credential imported twice (as JSON and as a baked PNG) is one credential.
WALLET_FIELDS = frozenset(
    {
        "wallet_id",
        "container",
        "content_hash",
        "status",
        "verified_at",
        "verification",
        "notes",
        "user_tags",
        "imported_at",
        "source",
        "original_bytes",
        "parent_id",
        "schema_errors",
    }
)


@dataclass(slots=True)
class Credential:
    """One normalized credential, whatever its format; the unit the wallet stores, verifies and exports."""

    format: CredentialFormat
    name: str
    issuer: Issuer
    container: Container = Container.JSON
    credential_id: str | None = None
    description: str | None = None
    issued_on: datetime | None = None
    expires_on: datetime | None = None
    recipient: Recipient | None = None
    criteria: Criteria | None = None
    alignments: list[Alignment] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    achievement_id: str | None = None
    achievement_type: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    credit_hours: float | None = None
    endorsements: list[Endorsement] = field(default_factory=list)
    verify_url: str | None = None  # OB 2.0 hosted verification address
    document: dict[str, Any] = field(default_factory=dict)  # the parsed credential as issued
    token: str | None = None  # the compact JWS/JWT when the credential was secured that way
    extension: dict[str, Any] = field(default_factory=dict)  # format-specific data
    # Wallet fields (see WALLET_FIELDS): set by the store, never by a parser except original_bytes/source.
    wallet_id: str | None = None
    content_hash: str | None = None
    status: Status = Status.UNVERIFIED
    verified_at: datetime | None = None
    verification: dict[str, Any] | None = None
    notes: str | None = None
    user_tags: list[str] = field(default_factory=list)
    imported_at: datetime | None = None
    source: str | None = None
    original_bytes: bytes = b""
    parent_id: str | None = None
    schema_errors: list[str] = field(default_factory=list)

    def normalized_json(self) -> tuple[str, str]:
        """The normalized credential as stored (JSON) and its sha256 over the normalized fields and the issued
        document: the deduplication key.

        Wallet fields never take part. A JSON file's document is its original bytes, and a token file's
        document is inside the token, so neither is stored a second time (the store reads them back).
        """
        normalized = {name: getattr(self, name) for name in _normalized_field_names() if name != "document"}
        if self.container is Container.JWS:
            del normalized["token"]
        # The C encoder does the walking; `_json_default` only sees our own types (dates, enums, dataclasses).
        canonical = json.dumps(
            normalized, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
        )
        if self.container is Container.JWS and self.token:  # the token carries (and signs) the document
            return canonical, hashlib.sha256(f"{canonical}\n{self.token}".encode()).hexdigest()
        document = json.dumps(self.document, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(f"{canonical}\n{document}".encode()).hexdigest()
        if self.container is Container.JSON:
            return canonical, digest
        return f'{canonical[:-1]},"document":{document}}}', digest

    def is_expired(self, now: datetime) -> bool:
        return self.expires_on is not None and self.expires_on <= now


class _Deferred:
    """A field value not computed yet: the stored JSON a command may never need (see `defer`)."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[], Any]) -> None:
        self.compute = compute


class _DeferredSlot:
    """Wraps a slot of `Credential`: a `_Deferred` value is computed on first read and kept."""

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        value = self.slot.__get__(instance, owner)
        if type(value) is _Deferred:
            value = value.compute()
            self.slot.__set__(instance, value)
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        self.slot.__set__(instance, value)


# Fields the store may hand over undecoded: decoding every issued document and verification report of a
# 10,000-credential wallet dominated `gap`, `skills` and `export`, which read neither for most credentials.
DEFERRABLE_FIELDS = ("document", "verification")
for _name in DEFERRABLE_FIELDS:
    setattr(Credential, _name, _DeferredSlot(Credential.__dict__[_name]))


def defer(credential: Credential, name: str, compute: Callable[[], Any]) -> None:
    """Set `credential.<name>` to what `compute()` returns, computed when (and if) it is first read."""
    if name not in DEFERRABLE_FIELDS:
        raise ValueError(f"{name} cannot be deferred")
    Credential.__dict__[name].slot.__set__(credential, _Deferred(compute))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
# Parsed from JSON already, so they need no conversion (walking them would dominate import time).
_JSON_NATIVE_FIELDS = frozenset({"document"})


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


@cache
def _normalized_field_names() -> tuple[str, ...]:
    return tuple(name for name in _field_names(Credential) if name not in WALLET_FIELDS)


def _json_default(value: Any) -> Any:
    """What json.dumps cannot encode by itself, encoded exactly as `to_jsonable` does."""
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return None
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _jsonable(value: Any) -> Any:
    """The same conversion json.dumps makes with `_json_default`, as Python values (one set of rules)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return _jsonable(_json_default(value))


def to_jsonable(credential: Credential) -> dict[str, Any]:
    """The credential as plain JSON types (dates as ISO 8601 UTC, enums as their values)."""
    return {
        name: getattr(credential, name)
        if name in _JSON_NATIVE_FIELDS
        else _jsonable(getattr(credential, name))
        for name in _field_names(Credential)
        if name != "original_bytes"
    }


_EARLIEST = datetime.min.replace(tzinfo=UTC)
_LATEST = datetime.max.replace(tzinfo=UTC)


def parse_iso_datetime(value: str) -> datetime:
    """ISO 8601 timestamps as issuers write them ('Z', offsets, or a bare date) into aware UTC datetimes."""

    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        # 0001-01-01T00:00:00+01:00 or 9999-12-31T23:59:59-01:00: a real instant a few hours outside what
        # datetime holds. The nearest representable instant keeps every comparison (issued in the past,
        # expires in the far future) exactly as the issuer meant it.
        return _EARLIEST if parsed.year == 1 else _LATEST


_FIELD_SETS: dict[type, frozenset[str]] = {}


def _build(cls: type[Any], data: dict[str, Any] | None) -> Any:
    """`cls(**data)`, keeping only its fields (names computed once per class: this runs for every nested
    object of every credential a command loads)."""
    if data is None:
        return None
    names = _FIELD_SETS.get(cls)
    if names is None:
        names = _FIELD_SETS[cls] = frozenset(_field_names(cls))
    if names.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in names})


def credential_from_jsonable(data: dict[str, Any]) -> Credential:
    """Inverse of `to_jsonable`, for rows the store keeps as JSON."""

    def date(key: str) -> datetime | None:
        raw = data.get(key)
        return parse_iso_datetime(raw) if isinstance(raw, str) else None

    endorsements = []
    for item in data.get("endorsements") or []:
        entry = dict(item)
        issued = entry.get("issued_on")
        entry["issued_on"] = parse_iso_datetime(issued) if isinstance(issued, str) else None
        endorsements.append(_build(Endorsement, entry))
    return Credential(
        format=CredentialFormat(data["format"]),
        name=data["name"],
        issuer=_build(Issuer, data.get("issuer")) or Issuer(),
        container=Container(data.get("container") or "json"),
        credential_id=data.get("credential_id"),
        description=data.get("description"),
        issued_on=date("issued_on"),
        expires_on=date("expires_on"),
        recipient=_build(Recipient, data.get("recipient")),
        criteria=_build(Criteria, data.get("criteria")),
        alignments=[_build(Alignment, a) for a in data.get("alignments") or []],
        tags=list(data.get("tags") or []),
        image=data.get("image"),
        achievement_id=data.get("achievement_id"),
        achievement_type=data.get("achievement_type"),
        evidence=[_build(Evidence, e) for e in data.get("evidence") or []],
        results=[_build(Result, r) for r in data.get("results") or []],
        credit_hours=data.get("credit_hours"),
        endorsements=endorsements,
        verify_url=data.get("verify_url"),
        document=data.get("document") or {},
        token=data.get("token"),
        extension=data.get("extension") or {},
        wallet_id=data.get("wallet_id"),
        content_hash=data.get("content_hash"),
        status=Status(data.get("status") or "unverified"),
        verified_at=date("verified_at"),
        verification=data.get("verification"),
        notes=data.get("notes"),
        user_tags=list(data.get("user_tags") or []),
        imported_at=date("imported_at"),
        source=data.get("source"),
        parent_id=data.get("parent_id"),
        schema_errors=list(data.get("schema_errors") or []),
    )


@dataclass(frozen=True, slots=True)
class DeclaredSkill:
    """A skill the learner says they have (`credwallet skills declare`), with their own level and note.

    The weakest kind of evidence (DESIGN.md §6): shown as "declared", never verified, and counted by gap and
    plan only up to `credwallet.skills.holding.DECLARED_LEVEL_CAP`.
    """

    skill: str  # a vocabulary id
    level: int  # 1-5 as the learner declared it
    note: str | None = None
    declared_at: datetime | None = None


@dataclass(slots=True)
class Profile:
    """The learner: a display name and the identities badges may be issued to (emails, URLs, DIDs)."""

    name: str | None = None
    identities: list[str] = field(default_factory=list)

    def identities_of_type(self, identity_type: str) -> list[str]:
        return [i for i in self.identities if identity_kind(i) == identity_type]


def identity_kind(identity: str) -> str:
    """Classify an owner identity the way OB recipients are typed: email, url, did or telephone."""
    lowered = identity.lower()
    if lowered.startswith("did:"):
        return "did"
    if lowered.startswith(("http://", "https://")):
        return "url"
    if lowered.startswith("tel:") or (identity.startswith("+") and identity[1:].replace(" ", "").isdigit()):
        return "telephone"
    return "email"

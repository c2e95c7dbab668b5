"""Read the normalized fields of a W3C VC / Open Badges 3.0 / CLR 2.0 document: pure functions, no trust.

Issuers write these documents loosely (a string where an object is allowed, one item where a list is
expected), so every reader accepts both shapes and ignores values of the wrong type rather than failing;
the schema check reports them instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from credwallet.model import (
    Alignment,
    Criteria,
    Endorsement,
    Evidence,
    Issuer,
    Recipient,
    Result,
    parse_iso_datetime,
)

# OB 3.0 IdentityObject.identityType -> the model's recipient types; every other type is an opaque id.
_IDENTITY_TYPES = {
    "emailAddress": "email",
    "email": "email",
    "url": "url",
    "phone": "telephone",
    "did": "did",
}
# Alignments whose target is an occupation or credential registry code, kept as framework codes.
_FRAMEWORK_TARGET_TYPES = frozenset({"CTDL", "ceasn:Competency", "ceterms:Credential"})
_FRAMEWORK_MARKERS = ("o*net", "onet", "esco", "credentialengine", "ctdl", "soc", "isco", "nace", "cip")


@dataclass(slots=True)
class ClrSummary:
    """What a ClrCredential says about its contents beyond the inner credentials themselves."""

    associations: list[dict[str, Any]] = field(default_factory=list)  # associationType, sourceId, targetId
    achievements: list[dict[str, Any]] = field(default_factory=list)  # id, name, achievement_type
    inner_credentials: int = 0  # entries in credentialSubject.verifiableCredential (before dedup)
    partial: bool | None = None


@dataclass(slots=True)
class Ob3Extension:
    """Open Badges 3.0 / VC data kept beside the normalized fields; stored as `Credential.extension`."""

    vc_version: str | None = None  # "1.1" or "2.0", from @context[0]
    types: list[str] = field(default_factory=list)  # the credential's `type`
    credential_name: str | None = None  # the credential's own `name` (Credential.name is the achievement's)
    contexts: list[str] = field(default_factory=list)  # top-level @context URLs
    unknown_contexts: list[str] = field(default_factory=list)  # not bundled (JWT-secured credentials only)
    proofs: list[dict[str, Any]] = field(default_factory=list)  # type, cryptosuite, verificationMethod, ...
    credential_status: list[dict[str, Any]] = field(default_factory=list)  # status entries as issued
    credential_schema: list[dict[str, Any]] = field(default_factory=list)  # id, type
    subject_id: str | None = None  # credentialSubject.id (a DID or URL)
    identifiers: list[dict[str, Any]] = field(default_factory=list)  # identity, identity_type, hashed, salt
    awarded_date: str | None = None
    activity_start: str | None = None
    activity_end: str | None = None
    term: str | None = None
    role: str | None = None
    license_number: str | None = None
    human_code: str | None = None
    field_of_study: str | None = None
    specialization: str | None = None
    achievement_version: str | None = None
    in_language: str | None = None
    credits_available: float | None = None
    credits_earned: float | None = None
    other_identifiers: list[dict[str, Any]] = field(default_factory=list)  # identifier, identifier_type
    framework_codes: list[dict[str, Any]] = field(default_factory=list)  # CTDL / O*NET / ESCO alignments
    result_descriptions: list[dict[str, Any]] = field(default_factory=list)  # id, name, result_type, levels
    jwt: dict[str, Any] | None = None  # JOSE header and JWT claims when secured as a VC-JWT
    clr: ClrSummary | None = None  # set on the ClrCredential itself
    clr_id: str | None = None  # set on credentials found inside a CLR: the CLR's credential id
    presentation_id: str | None = None  # set on credentials found inside a VerifiablePresentation
    presentation_holder: str | None = None
    notes: list[str] = field(default_factory=list)  # what the parser normalized or could not read

    def to_dict(self) -> dict[str, Any]:
        """The stored form; a shallow conversion (`dataclasses.asdict` deep-copies, 0.3 ms a credential)."""
        data = {name: getattr(self, name) for name in _EXTENSION_FIELDS}
        if self.clr is not None:
            data["clr"] = {name: getattr(self.clr, name) for name in _CLR_FIELDS}
        return data


_EXTENSION_FIELDS = tuple(f.name for f in fields(Ob3Extension))
_CLR_FIELDS = tuple(f.name for f in fields(ClrSummary))


def as_list(value: Any) -> list[Any]:
    """JSON-LD sets arrive as a list or a single value; always a list here."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text(value: Any) -> str | None:
    """A string field; numbers become text; objects, lists and booleans are not text."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def number(value: Any) -> float | None:
    """A finite number from a JSON number or numeric text; 10**400, "1e400" and "NaN" are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        result = float(value)
    except (ValueError, OverflowError):
        return None
    return result if math.isfinite(result) else None


def dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in as_list(value) if isinstance(item, dict)]


def node_id(value: Any) -> str | None:
    """The id of a node given inline (`{"id": ...}`) or by reference (a bare string)."""
    return text(value.get("id")) if isinstance(value, dict) else text(value)


def image_of(value: Any) -> str | None:
    """An OB 3.0 image is a URL/data URI string or an Image object whose `id` is that string."""
    return node_id(value)


def parse_date(value: Any, label: str, notes: list[str]) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return parse_iso_datetime(value)
        except ValueError:
            pass
    notes.append(f"{label} is not a date-time ({str(value)[:60]!r}); ignored")
    return None


def subject_of(document: dict[str, Any]) -> dict[str, Any]:
    """The credentialSubject (the first one holding an achievement when a VC lists several)."""
    subjects = dicts(document.get("credentialSubject"))
    for subject in subjects:
        if isinstance(subject.get("achievement"), dict):
            return subject
    return subjects[0] if subjects else {}


def issuer_of(value: Any) -> Issuer:
    if isinstance(value, str):
        return Issuer(id=value)
    if not isinstance(value, dict):
        return Issuer()
    return Issuer(
        id=text(value.get("id")),
        name=text(value.get("name")),
        url=text(value.get("url")),
        email=text(value.get("email")),
        description=text(value.get("description")),
        image=image_of(value.get("image")),
    )


def identifiers_of(subject: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for item in dicts(subject.get("identifier")):
        identity = text(item.get("identityHash"))
        if identity is None:
            continue
        found.append(
            {
                "identity": identity,
                "identity_type": text(item.get("identityType")),
                "hashed": item.get("hashed") is True,
                "salt": text(item.get("salt")),
            }
        )
    return found


def recipient_of(subject: dict[str, Any], identifiers: list[dict[str, Any]]) -> Recipient | None:
    """The identity to match against the owner's profile: an email identifier, else the subject id."""
    emails = [i for i in identifiers if _IDENTITY_TYPES.get(i["identity_type"] or "") == "email"]
    chosen = emails[0] if emails else None
    subject_id = text(subject.get("id"))
    if chosen is None and subject_id:
        lowered = subject_id.lower()
        kind = (
            "did"
            if lowered.startswith("did:")
            else "url"
            if lowered.startswith(("http:", "https:"))
            else "id"
        )
        return Recipient(identity=subject_id, type=kind)
    chosen = chosen or (identifiers[0] if identifiers else None)
    if chosen is None:
        return None
    return Recipient(
        identity=chosen["identity"],
        type=_IDENTITY_TYPES.get(chosen["identity_type"] or "", "id"),
        hashed=chosen["hashed"],
        salt=chosen["salt"] if chosen["hashed"] else None,
    )


def alignments_of(value: Any) -> list[Alignment]:
    alignments = []
    for item in dicts(value):
        name = text(item.get("targetName")) or text(item.get("targetCode")) or text(item.get("targetUrl"))
        if name is None:
            continue
        alignments.append(
            Alignment(
                target_name=name,
                target_url=text(item.get("targetUrl")),
                target_code=text(item.get("targetCode")),
                target_framework=text(item.get("targetFramework")),
                target_description=text(item.get("targetDescription")),
                target_type=text(item.get("targetType")),
            )
        )
    return alignments


def framework_codes(alignments: list[Alignment]) -> list[dict[str, Any]]:
    """Alignments naming an occupation / credential registry (CTDL, O*NET, ESCO...): license and job codes."""
    codes = []
    for alignment in alignments:
        haystack = " ".join(
            part.lower() for part in (alignment.target_framework, alignment.target_url) if part is not None
        )
        if alignment.target_type in _FRAMEWORK_TARGET_TYPES or any(m in haystack for m in _FRAMEWORK_MARKERS):
            codes.append(
                {
                    "framework": alignment.target_framework,
                    "code": alignment.target_code,
                    "name": alignment.target_name,
                    "url": alignment.target_url,
                    "target_type": alignment.target_type,
                }
            )
    return codes


def criteria_of(value: Any) -> Criteria | None:
    if isinstance(value, str):
        return Criteria(url=value)
    if not isinstance(value, dict):
        return None
    criteria = Criteria(url=text(value.get("id")), narrative=text(value.get("narrative")))
    return criteria if criteria.url or criteria.narrative else None


def evidence_of(value: Any) -> list[Evidence]:
    found = []
    for item in as_list(value):
        if isinstance(item, str):
            found.append(Evidence(id=item))
        elif isinstance(item, dict):
            found.append(
                Evidence(
                    id=text(item.get("id")),
                    name=text(item.get("name")),
                    narrative=text(item.get("narrative")),
                    description=text(item.get("description")),
                    genre=text(item.get("genre")),
                )
            )
    return found


def other_identifiers_of(value: Any) -> list[dict[str, Any]]:
    return [
        {"identifier": text(item.get("identifier")), "identifier_type": text(item.get("identifierType"))}
        for item in dicts(value)
    ]


def result_descriptions_of(achievement: dict[str, Any]) -> list[dict[str, Any]]:
    """Each ResultDescription with its rubric levels, as the display and the gap analysis need them."""
    summaries = []
    for description in dicts(achievement.get("resultDescription")):
        levels = [
            {
                "id": text(level.get("id")),
                "name": text(level.get("name")),
                "level": text(level.get("level")),
                "description": text(level.get("description")),
                "points": text(level.get("points")),
            }
            for level in dicts(description.get("rubricCriterionLevel"))
        ]
        summaries.append(
            {
                "id": text(description.get("id")),
                "name": text(description.get("name")),
                "result_type": text(description.get("resultType")),
                "required_value": text(description.get("requiredValue")),
                "required_level": text(description.get("requiredLevel")),
                "allowed_values": [
                    v for v in (text(x) for x in as_list(description.get("allowedValue"))) if v
                ],
                "value_min": text(description.get("valueMin")),
                "value_max": text(description.get("valueMax")),
                "levels": levels,
            }
        )
    return summaries


def results_of(subject: dict[str, Any], descriptions: list[dict[str, Any]]) -> list[Result]:
    """Results with their ResultDescription's name and type, and achieved levels resolved to their names."""
    by_id = {d["id"]: d for d in descriptions if d["id"]}
    levels = {level["id"]: level for d in descriptions for level in d["levels"] if level["id"]}
    results = []
    for item in dicts(subject.get("result")):
        description = by_id.get(text(item.get("resultDescription")) or "")
        level_id = text(item.get("achievedLevel"))
        level = levels.get(level_id or "")
        achieved = (level["name"] or level["level"]) if level else level_id
        results.append(
            Result(
                type=description["result_type"] if description else None,
                value=text(item.get("value")),
                status=text(item.get("status")),
                description=description["name"] if description else text(item.get("resultDescription")),
                achieved_level=achieved,
            )
        )
    return results


def endorsement_from_document(document: dict[str, Any], target: str, notes: list[str]) -> Endorsement:
    subject = subject_of(document)
    issuer = issuer_of(document.get("issuer"))
    issued = document.get("validFrom", document.get("issuanceDate", document.get("awardedDate")))
    return Endorsement(
        id=text(document.get("id")),
        issuer_name=issuer.name,
        issuer_id=issuer.id,
        comment=text(subject.get("endorsementComment")),
        issued_on=parse_date(issued, f"endorsement {text(document.get('id'))} validFrom", notes),
        target=target,
        document=document,
    )

"""Builders for Open Badges 2.0 demo credentials, shared by make_sample_data.py and the import benchmarks.

Everything here is deterministic: the same specs and keys give the same bytes (RSA PKCS#1 v1.5 signatures
are deterministic, PNG deflate is our own fixed encoder). Demo data only, never part of the product.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from badge_png import bake_png, draw_badge_png

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
OPENBADGES_SVG_NS = "http://openbadges.org"
JWS_HEADER = {"alg": "RS256", "typ": "JWT"}

# Where each credential travels; the sample set uses every one of them.
CARRIERS = ("json", "png", "png-compressed", "svg", "jws")


@dataclass(frozen=True)
class IssuerSpec:
    """A fictional issuer on a reserved `.example` host (RFC 2606), so no id can ever resolve."""

    host: str
    name: str
    description: str
    colour: tuple[int, int, int]
    signs: bool = False  # publishes an RSA key and issues signed (JWS) assertions

    @property
    def id(self) -> str:
        return f"https://{self.host}/issuer.json"

    @property
    def url(self) -> str:
        return f"https://{self.host}/"

    @property
    def email(self) -> str:
        return f"badges@{self.host}"

    @property
    def key_id(self) -> str:
        return f"https://{self.host}/keys/1.json"


@dataclass(frozen=True)
class AlignmentSpec:
    """An OB 2.0 AlignmentObject pointing at a real framework item (ESCO URI, O*NET element)."""

    target_name: str
    target_url: str
    target_framework: str
    target_code: str | None = None
    target_description: str | None = None


@dataclass(frozen=True)
class RecipientSpec:
    """The identity the badge names: hashed (with or without salt) or plaintext, email or URL."""

    identity: str
    type: str = "email"
    hashed: bool = True
    salt: str | None = None


@dataclass(frozen=True)
class EvidenceSpec:
    """Work the learner points to; ids are on the issuer's host so they never resolve."""

    id: str
    name: str
    narrative: str
    genre: str | None = None


@dataclass(frozen=True)
class BadgeSpec:
    """One demo credential: the achievement, who issued it, to whom, when, and how it is carried."""

    slug: str
    issuer: IssuerSpec
    name: str
    description: str
    criteria: str
    issued_on: str
    recipient: RecipientSpec
    carrier: str = "json"
    tags: tuple[str, ...] = ()
    alignments: tuple[AlignmentSpec, ...] = ()
    expires: str | None = None
    evidence: tuple[EvidenceSpec, ...] = ()
    hosted_class: bool = False  # badge class and issuer given as URLs instead of embedded
    bars: tuple[int, int, int] = (2, 4, 3)
    image: str | None = None  # badge class image; default: a data: URI, or a URL for baked carriers
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def assertion_id(self) -> str:
        fixed = uuid.uuid5(uuid.NAMESPACE_URL, f"credwallet-sample:{self.issuer.host}:{self.slug}")
        return f"https://{self.issuer.host}/assertions/{fixed}"

    @property
    def badge_class_id(self) -> str:
        return f"https://{self.issuer.host}/badges/{self.slug}.json"

    @property
    def image_url(self) -> str:
        return f"https://{self.issuer.host}/badges/{self.slug}.png"


def hash_identity(identity: str, salt: str | None) -> str:
    """OB 2.0 hashed identity: 'sha256$' + hex sha256 of the identity followed by the salt (if any)."""
    return "sha256$" + hashlib.sha256((identity + (salt or "")).encode("utf-8")).hexdigest()


def recipient_object(recipient: RecipientSpec) -> dict[str, Any]:
    """The assertion's IdentityObject, keys in the order the spec examples use."""
    result: dict[str, Any] = {"type": recipient.type, "hashed": recipient.hashed}
    if recipient.hashed:
        if recipient.salt is not None:
            result["salt"] = recipient.salt
        result["identity"] = hash_identity(recipient.identity, recipient.salt)
    else:
        result["identity"] = recipient.identity
    return result


def issuer_profile(issuer: IssuerSpec, *, with_context: bool) -> dict[str, Any]:
    """The issuer Profile, standalone (with @context, as hosted) or embedded in a badge class."""
    profile: dict[str, Any] = {"@context": OB2_CONTEXT} if with_context else {}
    profile.update(
        {
            "type": "Issuer",
            "id": issuer.id,
            "name": issuer.name,
            "url": issuer.url,
            "email": issuer.email,
            "description": issuer.description,
        }
    )
    if issuer.signs:
        profile["publicKey"] = issuer.key_id
    return profile


def alignment_object(alignment: AlignmentSpec) -> dict[str, Any]:
    result: dict[str, Any] = {"targetName": alignment.target_name, "targetUrl": alignment.target_url}
    if alignment.target_description:
        result["targetDescription"] = alignment.target_description
    result["targetFramework"] = alignment.target_framework
    if alignment.target_code:
        result["targetCode"] = alignment.target_code
    return result


def badge_data_uri(spec: BadgeSpec) -> str:
    """A 32x32 PNG of the badge as a data: URI, so embedded badge classes display offline."""
    png = draw_badge_png(spec.issuer.colour, 32, spec.bars)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def badge_class(spec: BadgeSpec, *, with_context: bool, image: str | None = None) -> dict[str, Any]:
    """The BadgeClass: name, description, image, criteria, issuer, alignments and tags."""
    document: dict[str, Any] = {"@context": OB2_CONTEXT} if with_context else {}
    document.update(
        {
            "type": "BadgeClass",
            "id": spec.badge_class_id,
            "name": spec.name,
            "description": spec.description,
            "image": image if image is not None else badge_data_uri(spec),
            "criteria": {
                "id": spec.badge_class_id.removesuffix(".json") + "/criteria",
                "narrative": spec.criteria,
            },
            "issuer": spec.issuer.id if with_context else issuer_profile(spec.issuer, with_context=False),
        }
    )
    if spec.alignments:
        document["alignment"] = [alignment_object(a) for a in spec.alignments]
    if spec.tags:
        document["tags"] = list(spec.tags)
    return document


def assertion(spec: BadgeSpec) -> dict[str, Any]:
    """The OB 2.0 Assertion for `spec`: embedded badge class and issuer unless `hosted_class`."""
    if spec.hosted_class:
        badge: Any = spec.badge_class_id
    elif spec.image is not None:
        badge = badge_class(spec, with_context=False, image=spec.image)
    elif spec.carrier in ("png", "png-compressed", "svg"):
        badge = badge_class(spec, with_context=False, image=spec.image_url)  # the carrier is the image
    else:
        badge = badge_class(spec, with_context=False)
    document: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": spec.assertion_id,
        "recipient": recipient_object(spec.recipient),
        "badge": badge,
        "issuedOn": spec.issued_on,
    }
    if spec.expires:
        document["expires"] = spec.expires
    if spec.evidence:
        document["evidence"] = [
            {"type": "Evidence", "id": e.id, "name": e.name, "narrative": e.narrative}
            | ({"genre": e.genre} if e.genre else {})
            for e in spec.evidence
        ]
    if spec.carrier == "jws":
        document["verification"] = {"type": "SignedBadge", "creator": spec.issuer.key_id}
    else:
        document["verification"] = {"type": "hosted"}
    document.update(spec.extra)
    return document


def json_bytes(document: dict[str, Any]) -> bytes:
    """Readable, stable JSON: 2-space indent, UTF-8, insertion order, final newline."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def compact_json(document: dict[str, Any]) -> str:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def sign_jws(document: dict[str, Any], private_key_pem: bytes) -> str:
    """Compact JWS, RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over the compact assertion JSON."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = serialization.load_pem_private_key(private_key_pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("the sample signing keys are RSA keys")
    signing_input = b64url(compact_json(JWS_HEADER).encode()) + "." + b64url(compact_json(document).encode())
    signature = key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url(signature)


def public_key_pem(private_key_pem: bytes) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(private_key_pem, password=None)
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public.decode("ascii")


def cryptographic_key(issuer: IssuerSpec, private_key_pem: bytes) -> dict[str, Any]:
    """The issuer's published OB 2.0 CryptographicKey document (what `verification.creator` names)."""
    return {
        "@context": OB2_CONTEXT,
        "type": "CryptographicKey",
        "id": issuer.key_id,
        "owner": issuer.id,
        "publicKeyPem": public_key_pem(private_key_pem),
    }


def load_or_create_key(path: Path) -> bytes:
    """The issuer's demo RSA key from `path`; a new 2048-bit key is written only if none is committed."""
    if path.exists():
        return path.read_bytes()
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    return pem


def baked_png(spec: BadgeSpec, document: dict[str, Any]) -> bytes:
    """The 128x128 badge image with the assertion JSON baked in an `openbadges` iTXt chunk."""
    image = draw_badge_png(spec.issuer.colour, 128, spec.bars)
    return bake_png(image, "openbadges", compact_json(document), compressed=spec.carrier == "png-compressed")


def _hex(colour: tuple[int, ...]) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in colour)


def baked_svg(spec: BadgeSpec, document: dict[str, Any]) -> bytes:
    """A badge drawing with the assertion as CDATA in `<openbadges:assertion verify=...>`, first child."""
    payload = compact_json(document)
    if "]]>" in payload:
        raise ValueError("assertion JSON cannot be wrapped in CDATA")
    colour = spec.issuer.colour
    dark = tuple(channel * 3 // 5 for channel in colour)
    bar_lines = []
    for index, height in enumerate(spec.bars):
        x = 45 + index * 14
        top = 77 - height * 10
        bar_lines.append(
            f'  <rect x="{x}" y="{top}" width="11" height="{77 - top}" rx="1.5" fill="#ffffff"/>'
        )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OPENBADGES_SVG_NS}" '
        'width="128" height="128" viewBox="0 0 128 128">',
        f"  <openbadges:assertion verify={quoteattr(spec.assertion_id)}><![CDATA[{payload}]]>"
        "</openbadges:assertion>",
        f"  <title>{escape(spec.name)}</title>",
        f'  <circle cx="64" cy="64" r="63" fill="{_hex(dark)}"/>',
        f'  <circle cx="64" cy="64" r="54" fill="{_hex(colour)}"/>',
        *bar_lines,
        "</svg>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def carrier_suffix(carrier: str) -> str:
    return {"json": ".json", "png": ".png", "png-compressed": ".png", "svg": ".svg", "jws": ".jws"}[carrier]


def credential_bytes(spec: BadgeSpec, private_key_pem: bytes | None = None) -> bytes:
    """The file a learner would hold for `spec`, in its carrier's format."""
    document = assertion(spec)
    if spec.carrier == "json":
        return json_bytes(document)
    if spec.carrier in ("png", "png-compressed"):
        return baked_png(spec, document)
    if spec.carrier == "svg":
        return baked_svg(spec, document)
    if spec.carrier == "jws":
        if private_key_pem is None:
            raise ValueError(f"{spec.slug}: a signed badge needs the issuer's private key")
        return sign_jws(document, private_key_pem).encode("ascii")
    raise ValueError(f"unknown carrier {spec.carrier!r}")

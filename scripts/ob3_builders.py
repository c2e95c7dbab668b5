"""Builders for the Open Badges 3.0 / CLR 2.0 demo credentials (scripts/make_sample_ob3.py).

Deterministic: did:key issuers come from committed Ed25519 seeds, Ed25519 signatures are deterministic,
JSON is written in insertion order and images use the fixed encoder of badge_png.py. Signing goes through
credwallet's own issuing helpers (credwallet.verify.signing), so the samples are signed exactly the way the
verifier checks them. Demo data only, never part of the product.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from badge_builders import AlignmentSpec, compact_json
from badge_png import bake_png, draw_badge_png

try:  # the product's signing helpers; a checkout without an installed credwallet uses src/
    import credwallet  # noqa: F401
except ImportError:  # pragma: no cover - depends on how the script is run
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
OB3_SVG_NS = "https://purl.imsglobal.org/ob/v3p0"
PNG_KEYWORD = "openbadgecredential"  # OB 3.0 baking (OB 2.0 used `openbadges`)


@dataclass(frozen=True)
class DidIssuer:
    """A fictional issuer whose id is its own did:key; `host` (RFC 2606 `.example`) is only for its web pages."""

    host: str
    name: str
    description: str
    colour: tuple[int, int, int]

    @property
    def url(self) -> str:
        return f"https://{self.host}/"

    @property
    def email(self) -> str:
        return f"credentials@{self.host}"


def load_or_create_seeds(path: Path, hosts: list[str]) -> dict[str, bytes]:
    """The committed 32-byte demo seeds per issuer host; a missing one is generated and written once."""
    seeds: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    missing = [host for host in hosts if host not in seeds]
    if missing:
        for host in missing:
            seeds[host] = os.urandom(32).hex()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(dict(sorted(seeds.items())), indent=2) + "\n", encoding="utf-8")
    return {host: bytes.fromhex(seeds[host]) for host in hosts}


class Signer:
    """One issuer's demo key and its did:key (the DID is the issuer id, so the key is bound to it)."""

    def __init__(self, issuer: DidIssuer, seed: bytes) -> None:
        from credwallet.verify.signing import did_key, did_key_method, ed25519_key_from_seed

        self.issuer = issuer
        self.key = ed25519_key_from_seed(seed)
        self.did = did_key(self.key)
        self.method = did_key_method(self.key)

    def profile(self, *, full: bool = True) -> dict[str, Any]:
        """The issuer Profile embedded in its credentials (`full=False`: id, type and name only)."""
        profile: dict[str, Any] = {"id": self.did, "type": ["Profile"], "name": self.issuer.name}
        if full:
            profile.update({"url": self.issuer.url, "email": self.issuer.email, "description": self.issuer.description})
        return profile

    def sign(self, credential: dict[str, Any], suite: str, created: str) -> dict[str, Any]:
        """`credential` with an embedded proof: eddsa-rdfc-2022, eddsa-jcs-2022 (a one-proof array) or the
        legacy Ed25519Signature2020 (a single object, as VC 1.1 credentials usually carry it)."""
        if suite == "Ed25519Signature2020":
            return sign_ed25519_signature_2020(credential, self.key, self.method, created)
        from credwallet.verify.signing import sign_data_integrity

        signed: dict[str, Any] = sign_data_integrity(
            credential, self.key, verification_method=self.method, cryptosuite=suite, created=created
        )
        # A one-proof array, as the 1EdTech schemas and examples have it (the proof is not signed itself).
        proof = signed["proof"]
        signed["proof"] = proof if isinstance(proof, list) else [proof]
        return signed

    def jwt(self, credential: dict[str, Any], *, vc_claim: bool) -> str:
        """A VC-JWT (`vc` claim, VC-JWT 1.1) or a VC-JOSE-COSE token (the credential is the payload)."""
        from credwallet.verify.signing import sign_vc_jwt

        token: str = sign_vc_jwt(credential, self.key, kid=self.method, vc_claim=vc_claim)
        return token


def sign_ed25519_signature_2020(
    credential: dict[str, Any], private_key: Any, method: str, created: str
) -> dict[str, Any]:
    """The legacy Ed25519Signature2020 suite: RDFC-1.0 of the proof options and the document, as the
    verifier checks it (the proof options take the credential's @context)."""
    from credwallet.verify.canon import canonicalize
    from credwallet.verify.multibase import multibase_encode_b58

    proof: dict[str, Any] = {
        "type": "Ed25519Signature2020",
        "created": created,
        "verificationMethod": method,
        "proofPurpose": "assertionMethod",
    }
    options = {**proof, "@context": credential["@context"]}
    data = (
        hashlib.sha256(canonicalize(options).encode("utf-8")).digest()
        + hashlib.sha256(canonicalize(credential).encode("utf-8")).digest()
    )
    proof["proofValue"] = multibase_encode_b58(private_key.sign(data))
    return {**credential, "proof": proof}


def credential_urn(host: str, slug: str) -> str:
    """A stable credential id: a name-based (v5) UUID URN, the same on every run."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'credwallet-sample-ob3:{host}:{slug}')}"


def identity_object(identity: str, salt: str) -> dict[str, Any]:
    """OB 3.0 IdentityObject: the learner's email hashed as 'sha256$' + sha256(identity + salt)."""
    digest = hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def alignment(spec: AlignmentSpec) -> dict[str, Any]:
    """An OB 3.0 Alignment from the same specs the OB 2.0 samples use (ESCO skills as competencies)."""
    node: dict[str, Any] = {"type": ["Alignment"], "targetName": spec.target_name, "targetUrl": spec.target_url}
    if spec.target_description:
        node["targetDescription"] = spec.target_description
    node["targetFramework"] = spec.target_framework
    if spec.target_code:
        node["targetCode"] = spec.target_code
    if spec.target_framework == "ESCO":
        node["targetType"] = "ceasn:Competency"
    return node


def image_data_uri(colour: tuple[int, int, int], bars: tuple[int, int, int]) -> str:
    """A 32x32 PNG badge drawing as a data: URI, so the credential displays offline."""
    png = draw_badge_png(colour, 32, bars)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def json_text(document: dict[str, Any]) -> bytes:
    """Readable, stable JSON (2-space indent, UTF-8, insertion order, final newline)."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def baked_png(colour: tuple[int, int, int], bars: tuple[int, int, int], payload: str) -> bytes:
    """The 128x128 badge image with the credential (JSON-LD or a JWT) in an `openbadgecredential` iTXt chunk."""
    return bake_png(draw_badge_png(colour, 128, bars), PNG_KEYWORD, payload)


def baked_svg(
    title: str,
    colour: tuple[int, int, int],
    bars: tuple[int, int, int],
    *,
    credential: dict[str, Any] | None = None,
    token: str | None = None,
) -> bytes:
    """A badge drawing carrying `<openbadges:credential>`: CDATA JSON-LD, or a JWT in its `verify` attribute."""
    if (credential is None) == (token is None):
        raise ValueError("bake either a JSON-LD credential or a token")
    if credential is not None:
        payload = compact_json(credential)
        if "]]>" in payload:
            raise ValueError("credential JSON cannot be wrapped in CDATA")
        element = f"  <openbadges:credential><![CDATA[{payload}]]></openbadges:credential>"
    else:
        element = f"  <openbadges:credential verify={quoteattr(str(token))}></openbadges:credential>"
    dark = "#" + "".join(f"{channel * 3 // 5:02x}" for channel in colour)
    light = "#" + "".join(f"{channel:02x}" for channel in colour)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OB3_SVG_NS}" '
        'width="128" height="128" viewBox="0 0 128 128">',
        element,
        f"  <title>{escape(title)}</title>",
        f'  <circle cx="64" cy="64" r="63" fill="{dark}"/>',
        f'  <circle cx="64" cy="64" r="54" fill="{light}"/>',
    ]
    for index, height in enumerate(bars):
        top = 77 - height * 10
        lines.append(
            f'  <rect x="{45 + index * 14}" y="{top}" width="11" height="{77 - top}" rx="1.5" fill="#ffffff"/>'
        )
    lines += ["</svg>", ""]
    return "\n".join(lines).encode("utf-8")

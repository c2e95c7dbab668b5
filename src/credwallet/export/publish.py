"""Verification files: a credential's signed form, as the learner can publish it next to a résumé.

An Open Badges 3.0 credential signed with a `did:key` has no hosted page; its signed file is the proof, and
anyone can check it with a verifier (credwallet, the DCC or 1EdTech verifiers) once the learner puts it on
the web. The file is the credential exactly as signed: a token stays a token, a baked image stays the image.
"""

from __future__ import annotations

import json

from credwallet.model import Container, Credential, CredentialFormat

# Formats whose file carries its own proof (a hosted OB 2.0 badge is verified at its issuer's URL instead).
SIGNED_FORMATS = frozenset(
    {CredentialFormat.OB3, CredentialFormat.OB3_JWT, CredentialFormat.CLR, CredentialFormat.OB2_SIGNED}
)


def publish_extension(credential: Credential) -> str | None:
    """The verification file's extension (.json, .jwt, .png, .svg), or None when the credential carries no
    proof of its own to publish."""
    if credential.format not in SIGNED_FORMATS:
        return None
    if credential.token:
        return ".jwt"
    if credential.parent_id is None and credential.container in (Container.PNG, Container.SVG):
        return "." + credential.container.value
    return ".json"


def verification_file(credential: Credential) -> bytes | None:
    """The bytes to publish (see `publish_extension`); a credential from inside a CLR is its own signed
    document, not the whole record."""
    extension = publish_extension(credential)
    if extension is None:
        return None
    if extension == ".jwt":
        return (credential.token or "").encode("ascii") + b"\n"
    if credential.parent_id is None and credential.container is not Container.CLR and credential.original_bytes:
        return credential.original_bytes
    return json.dumps(credential.document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"

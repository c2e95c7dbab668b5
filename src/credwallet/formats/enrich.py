"""A hosted OB 2.0 assertion names its badge class and issuer by URL; once they are fetched (import URL,
`verify --online`, `--documents DIR`, or the wallet's cache), the credential shows their real name, issuer,
criteria, alignments and tags instead of "Badge class at https://...".

The assertion as issued is never changed (its bytes are what is verified): the fetched documents are kept in
`extension["fetched"]` and only the display fields are filled from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from credwallet.model import Credential, CredentialFormat

OB2_FORMATS = frozenset({CredentialFormat.OB1, CredentialFormat.OB2, CredentialFormat.OB2_SIGNED})
# The fields a fetched badge class and issuer profile fill in (the rest come from the assertion itself).
FILLED_FIELDS = ("name", "issuer", "description", "criteria", "alignments", "tags", "achievement_type")


def linked_documents(credential: Credential, documents: Mapping[str, Any]) -> dict[str, Any]:
    """The badge class and issuer profile an OB 2.0 assertion names by URL, when `documents` holds them."""
    if credential.format not in OB2_FORMATS or not isinstance(credential.document, Mapping):
        return {}
    found: dict[str, Any] = {}
    badge = credential.document.get("badge")
    badge_class = documents.get(badge) if isinstance(badge, str) else None
    if isinstance(badge, str) and isinstance(badge_class, Mapping):
        found[badge] = dict(badge_class)
    issuer_ref = badge_class if isinstance(badge_class, Mapping) else badge if isinstance(badge, Mapping) else {}
    issuer = issuer_ref.get("issuer") if isinstance(issuer_ref, Mapping) else None
    profile = documents.get(issuer) if isinstance(issuer, str) else None
    if isinstance(issuer, str) and isinstance(profile, Mapping):
        found[issuer] = dict(profile)
    return found


def fill_ob2(credential: Credential, found: Mapping[str, Any]) -> bool:
    """Fill `credential`'s display fields from the fetched badge class / issuer profile (by URL in `found`);
    True when anything shown changed."""
    from credwallet.formats import ob2

    if not found or credential.format not in OB2_FORMATS:
        return False
    document = dict(credential.document)
    badge = document.get("badge")
    badge_class: Any = found.get(badge) if isinstance(badge, str) else badge
    if not isinstance(badge_class, Mapping):
        return False
    issuer = badge_class.get("issuer")
    if isinstance(issuer, str) and isinstance(found.get(issuer), Mapping):
        badge_class = {**badge_class, "issuer": found[issuer]}
    filled = ob2.parse_assertion(
        {**document, "badge": dict(badge_class)},
        source=credential.source or "",
        container=credential.container,
        original_bytes=credential.original_bytes,
        token=credential.token,
    )
    before = [getattr(credential, name) for name in FILLED_FIELDS]
    for name in FILLED_FIELDS:
        setattr(credential, name, getattr(filled, name))
    credential.image = credential.image or filled.image
    credential.achievement_id = credential.achievement_id or filled.achievement_id
    credential.schema_errors = filled.schema_errors
    fetched = {
        ("badge_class" if url == badge else "issuer"): {"url": url, "document": doc} for url, doc in found.items()
    }
    changed = before != [getattr(credential, name) for name in FILLED_FIELDS]
    if fetched != credential.extension.get("fetched"):
        credential.extension = {**credential.extension, "fetched": fetched}
        changed = True
    return changed

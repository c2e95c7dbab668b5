"""1EdTech Comprehensive Learner Record 2.0: a ClrCredential -> itself plus each credential it holds.

The CLR comes first (format CLR), then every inner AchievementCredential as its own credential with
`container=Container.CLR` and `extension["clr_id"]` naming the CLR, so the wallet can link them. Inner ids
are only ever compared as strings (an id like `../../x` is data, never a path).
"""

from __future__ import annotations

from typing import Any

from credwallet.errors import InputError
from credwallet.formats import embedded, ob3
from credwallet.formats import vc_fields as fields
from credwallet.formats.schema_check import CLR_TYPE, types_of
from credwallet.limits import MAX_INNER_CREDENTIALS
from credwallet.model import Container, Credential, CredentialFormat


def is_clr(document: Any) -> bool:
    return isinstance(document, dict) and CLR_TYPE in types_of(document)


def parse_clr(
    document: dict[str, Any],
    *,
    container: Container,
    original_bytes: bytes,
    source: str,
    token: str | None = None,
) -> list[Credential]:
    """The CLR credential, then its inner credentials (duplicates once); bounded by MAX_INNER_CREDENTIALS."""
    if not is_clr(document):
        raise InputError(f"{source}: not a CLR (type ClrCredential expected)")
    subject = fields.subject_of(document)
    items = fields.as_list(subject.get("verifiableCredential"))
    # Counted before anything walks the document, so a CLR with 100,000 entries is refused at once.
    if len(items) > MAX_INNER_CREDENTIALS:
        raise InputError(
            f"{source}: the CLR holds {len(items):,} credentials, over the limit of {MAX_INNER_CREDENTIALS:,}"
        )
    check = ob3.check_document(document, source=source, secured_by_jwt=token is not None)
    summary = fields.ClrSummary(
        associations=[_association(a) for a in fields.dicts(subject.get("association"))],
        achievements=[
            {
                "id": fields.text(a.get("id")),
                "name": fields.text(a.get("name")),
                "achievement_type": fields.text(a.get("achievementType")),
            }
            for a in fields.dicts(subject.get("achievement"))
        ],
        inner_credentials=len(items),
        partial=document.get("partial") if isinstance(document.get("partial"), bool) else None,
    )
    clr_credential = ob3.credential_from_vc(
        document,
        fmt=CredentialFormat.CLR,
        container=container,
        original_bytes=original_bytes,
        source=source,
        token=token,
        check=check,
        clr=summary,
    )
    # The ClrSubject's achievement list is not the learner's one achievement: the CLR is named by itself.
    clr_credential.name = fields.text(document.get("name")) or "Comprehensive Learner Record"
    clr_credential.description = fields.text(document.get("description"))
    links: dict[str, str | None] = {"clr_id": clr_credential.credential_id}
    inner: list[Credential] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        key = embedded.dedup_key(item)
        if key in seen:
            continue
        seen.add(key)
        inner.extend(
            embedded.parse_embedded(
                item, source=f"{source} [inner credential {index + 1}]", links=links, allow_clr=False
            )
        )
    return [clr_credential, *inner]


def _association(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "association_type": fields.text(item.get("associationType")),
        "source_id": fields.text(item.get("sourceId")),
        "target_id": fields.text(item.get("targetId")),
    }

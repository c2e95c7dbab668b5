"""Who vouches for an issuer: the learner's own list of issuers they recognise (`credwallet trust`).

A valid signature proves a credential came from the holder of the issuer's key; for a `did:key` or
`did:jwk` issuer that is all it proves (the name in the credential is the issuer's own claim), and for a
web issuer it proves control of a web address, not reputation. The trust list is the learner's word: verify
adds an `issuer` line saying whether each credential's issuer is on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from credwallet.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from credwallet.model import Credential
    from credwallet.store.wallet import Wallet
    from credwallet.verify.report import Check

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")
SELF_ASSERTED_METHODS = ("did:key:", "did:jwk:")


@dataclass(frozen=True, slots=True)
class TrustedIssuer:
    issuer_id: str
    name: str | None
    added_at: datetime

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "issuer_id": self.issuer_id,
            "name": self.name,
            "added_at": self.added_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        }


def trusted_issuers(wallet: Wallet) -> list[TrustedIssuer]:
    """The trust list, in the order it was built."""
    from credwallet.model import parse_iso_datetime

    rows = wallet.connection().execute("SELECT issuer_id, name, added_at FROM trusted_issuers ORDER BY added_at")
    return [TrustedIssuer(str(r[0]), r[1], parse_iso_datetime(str(r[2]))) for r in rows]


def _issuer_of(wallet: Wallet, reference: str) -> tuple[str, str | None]:
    """An issuer id as given (a DID or URL), or the issuer of the wallet credential `reference` names."""
    if _URI.match(reference):
        row = (
            wallet.connection()
            .execute(
                "SELECT issuer_name FROM credentials WHERE issuer_id = ? AND issuer_name IS NOT NULL "
                "ORDER BY issuer_name LIMIT 1",
                (reference,),
            )
            .fetchone()
        )
        return reference, row[0] if row else None
    try:
        credential = wallet.get(reference, with_original=False)
    except NotFoundError:
        raise InputError(
            f"{reference!r} is neither an issuer id (a DID or https address) nor a credential in the wallet"
        ) from None
    if not credential.issuer.id:
        raise InputError(f"credential {reference} names no issuer id to trust")
    return credential.issuer.id, credential.issuer.name


def add_trusted(wallet: Wallet, reference: str, name: str | None = None) -> TrustedIssuer:
    """Put an issuer on the trust list (by its id, or by a credential of it held in the wallet)."""
    from credwallet.store.rows import iso_time

    wallet.require_writable()
    issuer_id, found_name = _issuer_of(wallet, reference.strip())
    entry = TrustedIssuer(issuer_id, name or found_name, datetime.now(UTC))
    with wallet.storage_errors():
        wallet.connection().execute(
            "INSERT INTO trusted_issuers (issuer_id, name, added_at) VALUES (?, ?, ?) "
            "ON CONFLICT(issuer_id) DO UPDATE SET name = COALESCE(excluded.name, trusted_issuers.name)",
            (entry.issuer_id, entry.name, iso_time(entry.added_at)),
        )
    return next(t for t in trusted_issuers(wallet) if t.issuer_id == issuer_id)


def remove_trusted(wallet: Wallet, reference: str) -> bool:
    """Take an issuer (by id, or by a credential of it) off the trust list; False when it was not on it."""
    wallet.require_writable()
    issuer_id, _ = _issuer_of(wallet, reference.strip())
    with wallet.storage_errors():
        cursor = wallet.connection().execute("DELETE FROM trusted_issuers WHERE issuer_id = ?", (issuer_id,))
    return cursor.rowcount > 0


def trust_check(credential: Credential, trusted: dict[str, TrustedIssuer]) -> Check | None:
    """The `issuer` line of a report: on the learner's trust list or not (None when there is no list)."""
    from credwallet.verify.report import Check, CheckStatus

    issuer_id = credential.issuer.id
    if issuer_id and issuer_id in trusted:
        entry = trusted[issuer_id]
        since = entry.added_at.date().isoformat()
        return Check("issuer", CheckStatus.PASSED, f"{issuer_id} is on your trust list (since {since})")
    if not trusted:
        return None
    shown = issuer_id or "the issuer (no id)"
    how = f"; credwallet trust add {issuer_id} if you recognise it" if issuer_id else ""
    return Check("issuer", CheckStatus.SKIPPED, f"{shown} is not on your trust list{how}")

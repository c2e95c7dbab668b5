"""LinkedIn's "Add to profile" link for a certification, prefilled from a résumé entry.

LinkedIn documents the parameters at https://addtoprofile.linkedin.com/; every value is percent-encoded,
so credential text can neither add parameters nor change the target.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from credwallet.errors import InputError
from credwallet.export.entries import ResumeEntry

ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def linkedin_url(entry: ResumeEntry, force: bool = False) -> str:
    """The add-certification URL; an entry that is not currently valid is refused unless `force`."""
    if entry.status != "valid" and not force:
        label = entry.wallet_id or entry.name
        raise InputError(
            f"credential {label} is {entry.status}, not valid: LinkedIn would list it as held",
            hint="verify it first, or pass --force to build the link anyway",
        )
    params: list[tuple[str, str]] = [("startTask", "CERTIFICATION_NAME"), ("name", entry.name)]
    params.append(("organizationName", entry.issuer))
    if entry.issued_on is not None:
        issued = entry.issued_on
        params += [("issueYear", str(issued.year)), ("issueMonth", str(issued.month))]
    if entry.expires_on is not None:
        expires = entry.expires_on
        params += [("expirationYear", str(expires.year)), ("expirationMonth", str(expires.month))]
    if entry.verification_url:
        params.append(("certUrl", entry.verification_url))
    if entry.credential_id:
        params.append(("certId", entry.credential_id))
    return f"{ADD_TO_PROFILE}?{urlencode(params, quote_via=quote, safe='')}"

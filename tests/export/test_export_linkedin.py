"""The LinkedIn add-to-profile link: every value survives encoding, and unverified entries are refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from export_samples import NOW, sample_credentials

from credwallet.errors import InputError
from credwallet.export import ResumeEntry, ResumeOptions, build_entries, entry_from_credential, linkedin_url

ENTRY = ResumeEntry(
    name="Data & Analysis: SQL #1 (100% +plus) é/€ ?x=y",
    issuer="Example U & Co.",
    issued_on=date(2024, 3, 15),
    expires_on=date(2027, 1, 31),
    credential_id="ID 42&certUrl=https://evil.example",
    verification_url="https://badges.example.edu/a?b=1&c=2#frag",
    status="valid",
)


def query(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    return parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_round_trips_through_urllib() -> None:
    params = query(linkedin_url(ENTRY))
    assert params == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": [ENTRY.name],
        "organizationName": [ENTRY.issuer],
        "issueYear": ["2024"],
        "issueMonth": ["3"],
        "expirationYear": ["2027"],
        "expirationMonth": ["1"],
        "certUrl": [ENTRY.verification_url],
        "certId": [ENTRY.credential_id],
    }


def test_no_raw_spaces_or_plus_signs() -> None:
    url = linkedin_url(ENTRY)
    assert " " not in url and "+" not in url.split("?", 1)[1]


def test_optional_fields_are_left_out() -> None:
    bare = replace(ENTRY, issued_on=None, expires_on=None, credential_id=None, verification_url=None)
    assert set(query(linkedin_url(bare))) == {"startTask", "name", "organizationName"}


@pytest.mark.parametrize("status", ["unverified", "invalid", "expired", "revoked"])
def test_refuses_entries_that_are_not_valid_unless_forced(status: str) -> None:
    entry = replace(ENTRY, status=status, wallet_id="abc123")
    with pytest.raises(InputError, match=f"abc123 is {status}"):
        linkedin_url(entry)
    assert query(linkedin_url(entry, force=True))["name"] == [ENTRY.name]


def test_from_sample_wallet() -> None:
    entries = {e.wallet_id: e for e in build_entries(sample_credentials(), ResumeOptions(now=NOW))}
    params = query(linkedin_url(entries["c1sql"]))
    assert params["certUrl"] == ["https://badges.example.edu/assertions/123"]
    assert params["organizationName"] == ["Example University"]
    expired = entry_from_credential(sample_credentials()[2], now=NOW)
    with pytest.raises(InputError):
        linkedin_url(expired)

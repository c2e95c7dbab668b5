"""Which credentials a résumé shows, in what order, with which link, and what is redacted."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from export_samples import EMAIL, NOW, RELEVANCE, day

from credwallet.errors import InputError
from credwallet.export import FORMATS, ResumeOptions, build_entries, entry_from_credential, render
from credwallet.export.entries import MAX_TEXT_CHARS, clean_text, safe_https_url, safe_image
from credwallet.model import Credential, CredentialFormat, Issuer, Recipient, Status


def ids(entries: list) -> list[str | None]:  # type: ignore[type-arg]
    return [e.wallet_id for e in entries]


def test_default_keeps_only_valid_unexpired_newest_first(credentials: list[Credential]) -> None:
    entries = build_entries(credentials, ResumeOptions(now=NOW))
    assert ids(entries) == ["c6ml", "c1sql", "c2py", "c5odd"]
    assert all(e.status == "valid" for e in entries)


def test_include_flags_add_unverified_and_expired_but_never_revoked(credentials: list[Credential]) -> None:
    unverified = ids(build_entries(credentials, ResumeOptions(now=NOW, include_unverified=True)))
    assert "c4sheet" in unverified and "c3cloud" not in unverified
    expired = build_entries(credentials, ResumeOptions(now=NOW, include_expired=True))
    cloud = next(e for e in expired if e.wallet_id == "c3cloud")
    assert cloud.status == "expired" and cloud.expires_on == date(2023, 5, 10)
    both = ids(
        build_entries(credentials, ResumeOptions(now=NOW, include_unverified=True, include_expired=True))
    )
    assert "c7rev" not in both and len(both) == 6


def test_expiry_is_judged_at_now(credentials: list[Credential]) -> None:
    before = build_entries(credentials, ResumeOptions(now=day(2023, 1, 1)))
    assert "c3cloud" in ids(before)


def test_unverified_and_expired_needs_both_flags() -> None:
    stale = Credential(
        format=CredentialFormat.OB2,
        name="Old",
        issuer=Issuer(name="X"),
        status=Status.UNVERIFIED,
        issued_on=day(2019, 1, 1),
        expires_on=day(2020, 1, 1),
    )
    assert build_entries([stale], ResumeOptions(now=NOW, include_unverified=True)) == []
    assert build_entries([stale], ResumeOptions(now=NOW, include_expired=True)) == []
    both = build_entries([stale], ResumeOptions(now=NOW, include_unverified=True, include_expired=True))
    assert len(both) == 1 and both[0].status == "unverified" and both[0].expired is False


def test_status_expired_from_verification_counts_as_expired() -> None:
    checked = Credential(
        format=CredentialFormat.OB3, name="E", issuer=Issuer(name="X"), status=Status.EXPIRED
    )
    assert build_entries([checked], ResumeOptions(now=NOW)) == []
    [entry] = build_entries([checked], ResumeOptions(now=NOW, include_expired=True))
    assert entry.expired
    assert "expired" in render([entry], "markdown", ResumeOptions())


def test_since_drops_older_and_undated(credentials: list[Credential]) -> None:
    undated = replace(credentials[0], wallet_id="nodate", issued_on=None)
    entries = build_entries([*credentials, undated], ResumeOptions(now=NOW, since=date(2024, 1, 1)))
    assert ids(entries) == ["c6ml", "c1sql"]


def test_role_filters_to_relevant_and_ranks(credentials: list[Credential]) -> None:
    options = ResumeOptions(now=NOW, role="Data Analyst", include_unverified=True, include_expired=True)
    entries = build_entries(credentials, options, RELEVANCE)
    assert ids(entries) == ["c1sql", "c6ml", "c4sheet", "c2py", "c3cloud"]  # c5odd scores 0, c7 revoked
    assert entries[0].relevance == 0.6 and entries[0].skills == ("sql", "data-visualization")
    by_date = build_entries(credentials, replace(options, sort="date", limit=2), RELEVANCE)
    assert ids(by_date) == ["c6ml", "c1sql"]


def test_relevance_as_callable(credentials: list[Credential]) -> None:
    def score(credential: Credential) -> tuple[float, list[str]] | None:
        return (1.0, ["python"]) if "Python" in credential.name else None

    entries = build_entries(credentials, ResumeOptions(now=NOW, role="Dev"), score)
    assert ids(entries) == ["c2py"] and entries[0].skills == ("python",)


def test_role_without_relevance_is_a_programming_error(credentials: list[Credential]) -> None:
    with pytest.raises(ValueError):
        build_entries(credentials, ResumeOptions(now=NOW, role="Data Analyst"))


def test_without_relevance_skills_come_from_alignments(credentials: list[Credential]) -> None:
    entries = build_entries(credentials, ResumeOptions(now=NOW))
    assert entries[0].skills == ("Machine Learning", "Python") and entries[0].relevance is None


def test_limit_zero_and_bad_options(credentials: list[Credential]) -> None:
    assert build_entries(credentials, ResumeOptions(now=NOW, limit=0)) == []
    for bad in (
        ResumeOptions(limit=-1),
        ResumeOptions(sort="name"),  # type: ignore[arg-type]
        ResumeOptions(group_by="colour"),  # type: ignore[arg-type]
        ResumeOptions(latex_style="europass"),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputError):
            build_entries(credentials, bad)
    with pytest.raises(InputError, match="unknown export format"):
        render([], "docx", ResumeOptions())


def test_verification_link_rules(credentials: list[Credential]) -> None:
    by_id = {
        e.wallet_id: e for e in build_entries(credentials, ResumeOptions(now=NOW, include_unverified=True))
    }
    assert by_id["c1sql"].verification_url == "https://badges.example.edu/assertions/123"  # https id
    assert by_id["c4sheet"].verification_url == "https://office.example.org/verify/42"  # hosted verify URL
    assert by_id["c5odd"].verification_url is None  # neither
    assert by_id["c2py"].verification_url is None  # the verify URL carries the recipient's email
    assert by_id["c4sheet"].issuer_url is None  # http is not linked
    assert by_id["c5odd"].issuer_url is None  # javascript: is not linked


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/a",
        "javascript:alert(1)",
        "https://user:pw@example.org/",
        "https:///nohost",
        "https://exa mple.org/",
        "https://example.org/\u202e",
        "https://example.org/" + "a" * 3000,
        "data:text/html,hi",
    ],
)
def test_unsafe_urls_are_not_links(url: str) -> None:
    assert safe_https_url(url) is None


def test_images_only_https_or_raster_data_uris() -> None:
    assert safe_image("https://img.example.org/b.png") == "https://img.example.org/b.png"
    assert safe_image("data:image/png;base64,iVBORw0KGgo=") is not None
    assert safe_image("data:image/svg+xml;base64,PHN2Zy8+") is not None  # fine as an <img> source
    assert safe_image("data:image/svg+xml,<svg onload=alert(1)>") is None  # not base64
    assert safe_image('data:image/png;base64,AAAA" onerror="x') is None
    assert safe_image("data:text/html;base64,PHNjcmlwdD4=") is None
    assert safe_image("http://img.example.org/b.png") is None
    assert safe_image("<svg><script>alert(1)</script></svg>") is None


def test_recipient_email_redacted_in_every_format_unless_reveal(credentials: list[Credential]) -> None:
    options = ResumeOptions(now=NOW, include_unverified=True, include_expired=True, with_skills=True)
    entries = build_entries(credentials, options)
    for fmt in FORMATS:
        output = render(entries, fmt, options)
        assert EMAIL not in output and "jane.doe%40example.com" not in output, fmt
    revealed = build_entries(credentials, replace(options, reveal=True))
    python = next(e for e in revealed if e.wallet_id == "c2py")
    assert python.credential_id == f"urn:example:{EMAIL}:python"
    assert python.verification_url == "https://verify.example.org/check?email=jane.doe%40example.com"


def test_email_redaction_ignores_case_and_covers_name() -> None:
    credential = Credential(
        format=CredentialFormat.OB2,
        name="Award for Jane.Doe@Example.com",
        issuer=Issuer(name="X"),
        recipient=Recipient(identity="jane.doe@example.com"),
        status=Status.VALID,
    )
    entry = entry_from_credential(credential, now=NOW)
    assert entry.name == "Award for j***@example.com"


def test_clean_text_strips_controls_bidi_and_caps_length() -> None:
    assert clean_text("a\u202eb\u2066c\u200bd\x00e\x1b[31mf\nnext\u2028line") == "abcd e [31mf next line"
    assert clean_text("\ud800lone surrogate") == "lone surrogate"
    assert clean_text("family 👨\u200d👩") == "family 👨\u200d👩"  # joiners kept
    long = clean_text("x" * 10_000)
    assert len(long) == MAX_TEXT_CHARS and long.endswith("…")


def test_empty_and_missing_text_get_placeholders() -> None:
    credential = Credential(
        format=CredentialFormat.OB2, name="\u202e\u200b", issuer=Issuer(url="https://iss.example.org/x")
    )
    entry = entry_from_credential(credential, now=NOW)
    assert entry.name == "Untitled credential" and entry.issuer == "iss.example.org"
    assert entry_from_credential(replace(credential, issuer=Issuer()), now=NOW).issuer == "Unknown issuer"


@pytest.mark.parametrize("group_by", ["issuer", "skill", "year"])
def test_grouping_gives_headings(credentials: list[Credential], group_by: str) -> None:
    options = ResumeOptions(now=NOW, include_expired=True, group_by=group_by)  # type: ignore[arg-type]
    entries = build_entries(credentials, options)
    markdown = render(entries, "markdown", options)
    headings = [line[4:] for line in markdown.splitlines() if line.startswith("### ")]
    expected = {
        "issuer": [
            "Learn Example",
            "Example University",
            "Code & Data Academy",
            "\\[link=https://evil\\]",
            "Example Cloud",
        ],
        "skill": ["Python", "SQL", "Other"],  # each entry once, under the skill it shares with most others
        "year": ["2024", "2023", "2021", "2020"],
    }[group_by]
    assert headings == expected
    listed = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert len(listed) == len(entries)  # never the same credential twice


def test_empty_list_renders_a_note_in_every_format() -> None:
    for fmt in FORMATS:
        output = render([], fmt, ResumeOptions())
        assert output.strip()
        if fmt != "json-resume":
            assert "No credentials match" in output


def test_invisible_ranges_match_this_pythons_unicode_data() -> None:
    """The hard-coded list covers Unicode's Cf (minus joiners) and surrogates; anything more it lists must
    be unassigned here (format characters a newer Unicode added)."""
    import sys
    import unicodedata

    from credwallet.export.entries import INVISIBLE_RANGES

    listed = {cp for start, end in INVISIBLE_RANGES for cp in range(start, end + 1)}
    actual = {
        cp
        for cp in range(0x80, sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cf", "Cs") and cp not in (0x200C, 0x200D)
    }
    assert actual <= listed, f"Unicode {unicodedata.unidata_version}: update INVISIBLE_RANGES"
    assert all(unicodedata.category(chr(cp)) == "Cn" for cp in listed - actual)


@pytest.mark.parametrize("include_unverified", [False, True])
@pytest.mark.parametrize("include_expired", [False, True])
def test_statuses_never_shown_can_be_counted_instead_of_read(
    credentials: list[Credential], include_unverified: bool, include_expired: bool
) -> None:
    """`export resume` counts credentials whose stored status is never shown instead of reading them: the
    entries and every left-out count are the same as when all are read."""
    from collections import Counter

    from credwallet.export.entries import select_entries, statuses_never_shown

    options = ResumeOptions(now=NOW, include_unverified=include_unverified, include_expired=include_expired)
    extra = [replace(credentials[0], wallet_id=f"x-{s.value}", status=s) for s in Status]  # every status present
    everything = [*credentials, *extra]
    never = statuses_never_shown(options)
    counted = Counter(never[c.status.value] for c in everything if c.status.value in never)
    read = [c for c in everything if c.status.value not in never]
    whole = select_entries(everything, options)
    partial = select_entries(read, options, already_left_out=counted)
    assert [e.wallet_id for e in partial.entries] == [e.wallet_id for e in whole.entries]
    assert partial.left_out == whole.left_out and partial.folded == whole.folded

"""Property tests: any text an issuer can put in a name or issuer renders in every format, and never
becomes markup (no <script> in HTML, no raw TeX specials, no Markdown formatting)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from export_helpers import commonmark, parse, unescape_latex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credwallet.export import FORMATS, ResumeOptions, build_entries, latex, markdown, render
from credwallet.model import Credential, CredentialFormat, Issuer, Recipient, Status

NOW = datetime(2025, 6, 1, tzinfo=UTC)
# Arbitrary text, biased towards the characters every format treats specially.
SPECIALS = "<>&\"'`*_[](){}#!|~$%^\\\n\r\t\x00\u202e\u2028/:;=+-."
text = st.one_of(st.text(max_size=80), st.text(alphabet=SPECIALS + "abcscript ", max_size=60))


def credential(name: str, issuer: str, url_tail: str) -> Credential:
    return Credential(
        format=CredentialFormat.OB2,
        name=name,
        issuer=Issuer(name=issuer),
        credential_id="https://x.example/" + url_tail,
        issued_on=NOW,
        recipient=Recipient(identity="someone@example.com"),
        alignments=[],
        status=Status.VALID,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=text, issuer=text, url_tail=text, group=st.sampled_from([None, "issuer", "skill", "year"]))
def test_any_text_renders_in_every_format(name: str, issuer: str, url_tail: str, group: str | None) -> None:
    options = ResumeOptions(now=NOW, with_skills=True, group_by=group)  # type: ignore[arg-type]
    entries = build_entries([credential(name, issuer, url_tail)], options, {"": (1.0, [name])})
    assert len(entries) == 1
    for fmt in FORMATS:
        output = render(entries, fmt, options)
        assert isinstance(output, str) and output
    page = render(entries, "html", options)
    assert "<script" not in page.lower()
    parsed = parse(page)
    assert not any(tag in ("script", "svg", "iframe", "object") for tag, _ in parsed.tags)
    for _, attrs in parsed.tags:
        assert not any(attr.startswith("on") for attr in attrs)
    assert entries[0].name in "".join(parsed.text)
    document = json.loads(render(entries, "json-resume", options))
    assert document["certificates"][0]["name"] == entries[0].name


@given(value=text)
def test_latex_escape_is_lossless_and_leaves_no_raw_special(value: str) -> None:
    cleaned = "".join(ch for ch in value if ch >= " " and not "\x7f" <= ch <= "\x9f")
    assert unescape_latex(latex.escape(value)) == cleaned


@settings(max_examples=150, deadline=None)
@given(value=st.text(alphabet=SPECIALS.replace("\n", "").replace("\r", "") + "abc ", min_size=1, max_size=40))
def test_markdown_escape_is_literal(value: str) -> None:
    one_line = " ".join(value.replace("\x00", "").split())  # entries are single-line, NUL-free text
    if not one_line:
        return
    parsed = parse(commonmark(markdown.escape(one_line)))
    assert [tag for tag, _ in parsed.tags] == ["p"]
    assert "".join(parsed.text).strip() == one_line

"""Each format checked by a parser, not by eye: JSON Resume against its schema, HTML through html.parser,
Markdown through a CommonMark renderer, LaTeX escapes one by one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from export_helpers import commonmark, parse, unescape_latex
from export_samples import HOSTILE_ISSUER, HOSTILE_NAME, NOW, RELEVANCE, SKILL_LABELS, sample_credentials

from credwallet.export import ResumeEntry, ResumeOptions, build_entries, jsonresume, latex, markdown, render

FULL = ResumeOptions(
    now=NOW, include_unverified=True, include_expired=True, with_skills=True, skill_labels=SKILL_LABELS
)


def full_entries() -> list[ResumeEntry]:
    return build_entries(sample_credentials(), FULL, RELEVANCE)


# --- JSON Resume ---------------------------------------------------------------------------------------


def test_bundled_schema_is_the_upstream_file(external: Path) -> None:
    upstream = (external / "jsonresume" / "schema.json").read_bytes()
    assert jsonresume.load_schema() == json.loads(upstream)
    assert hashlib.sha256(upstream).hexdigest().startswith("a07eedd3")


@pytest.mark.parametrize("with_skills", [False, True])
def test_json_resume_validates_against_schema(with_skills: bool) -> None:
    from dataclasses import replace

    options = replace(FULL, with_skills=with_skills)
    document = json.loads(render(full_entries(), "json-resume", options))
    assert jsonresume.validate(document) == []
    assert len(document["certificates"]) == 6
    assert ("skills" in document) is with_skills
    for item in document["certificates"]:
        assert set(item) <= {"name", "date", "issuer", "url"}
        assert item.get("url", "https://").startswith("https://")
    if with_skills:
        python = next(s for s in document["skills"] if s["name"] == "Python")
        assert python["keywords"] == ["Machine Learning Specialization", "Python Foundations"]


def test_json_resume_marks_expired_and_unverified_in_the_name() -> None:
    names = [c["name"] for c in jsonresume.document(full_entries(), FULL)["certificates"]]
    assert "Cloud Practitioner (expired May 2023)" in names
    assert "Spreadsheet Skills (unverified)" in names


def test_schema_validation_catches_a_bad_document() -> None:
    errors = jsonresume.validate({"certificates": [{"name": 3, "date": "March 2024"}]})
    assert [e.split(":")[0] for e in errors] == ["certificates/0/date", "certificates/0/name"]


# --- HTML -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("group_by", [None, "issuer", "skill"])
def test_html_shows_hostile_text_as_text(group_by: str | None) -> None:
    from dataclasses import replace

    options = replace(FULL, group_by=group_by)  # type: ignore[arg-type]
    page = render(full_entries(), "html", options)
    parsed = parse(page)
    tag_names = [tag for tag, _ in parsed.tags]
    assert "script" not in tag_names and "svg" not in tag_names and "iframe" not in tag_names
    assert "<script" not in page.lower()
    text = "".join(parsed.text)
    assert HOSTILE_NAME in text and HOSTILE_ISSUER in text
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":
            assert (attrs["href"] or "").startswith("https://")
        if tag == "img":
            assert (attrs["src"] or "").startswith(("https://", "data:image/"))


def test_html_is_self_contained_with_print_css() -> None:
    page = render(full_entries(), "html", FULL)
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert not any(tag in ("link", "script") for tag, _ in parsed.tags)  # nothing fetched but images
    csp = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (csp["content"] or "")
    assert [a["datetime"] for t, a in parsed.tags if t == "time"][:2] == ["2024-11-02", "2026-11-02"]


# --- LaTeX ------------------------------------------------------------------------------------------------

LATEX_EXPECTED = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


@pytest.mark.parametrize(("char", "escaped"), LATEX_EXPECTED.items())
def test_latex_escapes_each_special(char: str, escaped: str) -> None:
    assert latex.escape(f"a{char}b") == f"a{escaped}b"


def test_latex_drops_control_characters_and_defuses_commands() -> None:
    assert latex.escape("a\x00b\x1bc\x7fd") == "abcd"
    assert latex.escape(r"\input{/etc/passwd}") == r"\textbackslash{}input\{/etc/passwd\}"
    caret = r"\textasciicircum{}"
    assert latex.escape("^^5cwrite18") == f"{caret}{caret}5cwrite18"  # TeX's ^^ notation for a backslash


def test_latex_escape_round_trips() -> None:
    sample = HOSTILE_NAME + " " + HOSTILE_ISSUER + ' "quoted" <a|b>'
    assert unescape_latex(latex.escape(sample)) == sample


def test_latex_url_is_tex_safe_and_equivalent() -> None:
    url = "https://x.example/a b{c}^~\\|?q=1&r=2%20#frag"
    escaped = latex.escape_url(url)
    assert escaped == r"https://x.example/a%20b%7Bc%7D%5E%7E%5C%7C?q=1&r=2%20#frag".replace(
        "%", r"\%"
    ).replace("#", r"\#")


@pytest.mark.parametrize("style", ["awesome-cv", "moderncv"])
def test_latex_styles_and_balanced_braces(style: str) -> None:
    from dataclasses import replace

    options = replace(FULL, latex_style=style, group_by="issuer")  # type: ignore[arg-type]
    output = render(full_entries(), "latex", options)
    command = r"\cvhonor{" if style == "awesome-cv" else r"\cventry{"
    assert output.count(command) == 6
    depth = 0
    for i, ch in enumerate(output):  # every { closes, none escaped ones counted
        if ch in "{}" and (i == 0 or output[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0


# --- Markdown ---------------------------------------------------------------------------------------------


def test_markdown_escape_renders_as_literal_text() -> None:
    sample = HOSTILE_NAME + " " + HOSTILE_ISSUER + " a|b ~~s~~ &amp; $x$ ![i](j) `c` <https://a.b>"
    parsed = parse(commonmark(markdown.escape(sample)))
    assert [tag for tag, _ in parsed.tags] == ["p"]
    assert "".join(parsed.text).strip() == sample


def test_markdown_one_line_per_credential_with_only_our_markup() -> None:
    entries = full_entries()
    output = render(entries, "markdown", FULL)
    items = [line for line in output.splitlines() if line.startswith("- ")]
    assert len(items) == len(entries)
    parsed = parse(commonmark(output))
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert links == [e.verification_url for e in entries if e.verification_url]
    assert sum(tag == "li" for tag, _ in parsed.tags) == len(entries)
    assert sum(tag == "strong" for tag, _ in parsed.tags) == len(entries)
    assert HOSTILE_NAME in "".join(parsed.text)


def test_markdown_url_with_parentheses_keeps_its_target() -> None:
    url = "https://en.example.org/wiki/Data_(computing)"
    line = render(
        [ResumeEntry("N", "I", None, None, None, url, "valid")], "markdown", ResumeOptions()
    ).splitlines()[2]
    [href] = [a["href"] for t, a in parse(commonmark(line)).tags if t == "a"]
    assert href == url

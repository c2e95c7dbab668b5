"""The sample wallet's report page: its structure, the numbers its charts draw, and what it never contains."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from credwallet.gap import analyze_gap, match_roles
from credwallet.paths import user_roles_dir
from credwallet.planner import PlanOptions, make_plan
from credwallet.report import Report, build_report, render
from credwallet.report.svg import SEGMENT
from credwallet.roles import list_roles, load_role
from credwallet.skills.planning import load_catalogs, needs_from_gap
from credwallet.skills.service import credentials_with_skills, held_skills, vocabulary_for
from credwallet.store.wallet import Wallet
from tests.report.pagecheck import Element, parse, remote_references


@pytest.fixture(scope="module")
def page(sample_html: str) -> Element:
    root, _ = parse(sample_html)
    return root


@pytest.fixture(scope="module")
def engine(sample_home: Path, examples: ModuleType) -> dict[str, object]:
    """What the engines say for the same wallet at the same moment, computed without the report package."""
    with Wallet.open(home=sample_home) as wallet:
        credentials = credentials_with_skills(wallet)
        declared = wallet.declared_skills()
    vocabulary = vocabulary_for(sample_home)
    held, left_out = held_skills(credentials, home=sample_home, declared=declared, now=examples.AS_OF)
    role = load_role(examples.ROLE, user_roles_dir(sample_home), vocabulary)
    gap = analyze_gap(held, role, vocabulary, left_out)
    matches = match_roles(held, list_roles(user_roles_dir(sample_home), vocabulary), vocabulary)
    needs, levels = needs_from_gap(gap)
    plan = make_plan(
        role.id,
        needs,
        levels,
        load_catalogs(sample_home, [], catalog_only=False),
        PlanOptions(hours_per_week=examples.REPORT_HOURS_PER_WEEK, start=examples.AS_OF.date()),
    )
    return {"credentials": credentials, "gap": gap, "matches": matches, "plan": plan}


def test_sections_in_order_with_one_h1_and_no_skipped_heading_levels(page: Element) -> None:
    sections = [s.attrs["id"] for s in page.find_all("section", cls="part")]
    assert sections == ["credentials", "gap", "pathway", "roles"]
    headings = [e for e in page.walk() if re.fullmatch(r"h[1-6]", e.tag)]
    levels = [int(h.tag[1]) for h in headings]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, "a heading level is skipped"
    for section in page.find_all("section"):
        labelled = section.attrs.get("aria-labelledby")
        assert labelled and page.find(id=labelled).tag in ("h2", "h3")
    assert page.find("html").attrs["lang"] == "en"
    assert page.find("main").attrs["id"] == "main"


def test_one_card_per_credential_grouped_by_status_with_counts(
    page: Element, engine: dict[str, object], sample_report: Report
) -> None:
    credentials = engine["credentials"]
    assert isinstance(credentials, list)
    cards = page.find_all("li", cls="card")
    assert sorted(c.attrs["data-id"] for c in cards) == sorted(str(c.wallet_id) for c in credentials)
    assert len(cards) == len(credentials) == 27
    groups = page.find_all("section", cls="group")
    assert [g.attrs["data-status"] for g in groups] == ["valid", "expired"]
    for group in groups:
        members = group.find_all("li", cls="card")
        assert all(m.attrs["data-status"] == group.attrs["data-status"] for m in members)
        assert group.find("h3").all_text().strip().endswith(f"({len(members)})")
    expired = page.find("section", cls="group", data_status="expired").find("li", cls="card")
    assert "Cybersecurity Awareness Essentials" in expired.all_text()
    assert "expired" in expired.find("p", cls="dates").all_text()
    # Every card says its status in words and why, and names its issuer.
    for card in cards:
        verdict = card.find("p", cls="verdict").all_text()
        assert card.find("span", cls="why").all_text().strip(), verdict
        assert card.find("p", cls="issuer").all_text().strip()
    assert sample_report.count("valid") == 26


def test_a_hosted_badge_filled_at_verification_shows_its_badge_class_skills(
    sample_report: Report, examples: ModuleType, tmp_path: Path
) -> None:
    """Verified from the issuer's documents, a hosted badge shows its badge class's name and skills, even when
    this process read the same badge before, under its placeholder name (docs/examples is made that way)."""
    from credwallet.importer import import_paths
    from credwallet.online import make_fetcher
    from credwallet.skills import extract
    from credwallet.verification import verify_wallet

    badge = examples.SAMPLE / "ob2" / "data-cleaning-quality.json"
    extract.clear_cache()  # as in a fresh process
    with Wallet.open(home=tmp_path / "first") as wallet:
        import_paths(wallet, [str(badge)])
        (before,) = credentials_with_skills(wallet)
        assert before.name.startswith("Badge class at ")
    with Wallet.open(home=tmp_path / "second") as wallet:
        import_paths(wallet, [str(badge)])
        fetcher = make_fetcher(wallet=wallet, documents_dir=examples.SAMPLE / "issuer-documents")
        verify_wallet(wallet, fetcher=fetcher, now=examples.AS_OF)
        (after,) = credentials_with_skills(wallet)
        skills = sources_labels(after, tmp_path / "second")
    assert after.name == "Data Cleaning and Quality Checks"
    assert "Data cleaning" in skills
    (card,) = [c for c in sample_report.cards if c.name == "Data Cleaning and Quality Checks"]
    assert card.issuer == "Harborview Analytics Guild" and "Data cleaning" in card.skills


def sources_labels(credential: object, home: Path) -> tuple[str, ...]:
    from credwallet.report.sources import skill_labels_for

    return skill_labels_for([credential], vocabulary_for(home))[str(credential.wallet_id)]  # type: ignore[list-item, attr-defined]


def test_card_images_are_embedded_rasters_with_alt_text(page: Element, sample_report: Report) -> None:
    with_image = [c for c in sample_report.cards if c.image]
    assert len(with_image) >= 20  # data: URIs in the badges, and the baked PNG badges themselves
    assert all(uri.startswith("data:image/png;base64,") for uri in sample_report.images.values())
    for card in page.find_all("li", cls="card"):
        art = card.find("div", cls="art").children[0]
        if art.tag == "span":
            assert art.attrs["role"] == "img" and art.attrs["aria-label"].startswith("Badge image: ")
        else:
            assert art.tag == "svg" and art.attrs["aria-hidden"] == "true"  # monogram beside the name


def test_gap_chart_draws_the_engine_levels(page: Element, engine: dict[str, object]) -> None:
    gap = engine["gap"]
    rows = page.find("section", id="gap").find("ol", cls="skills").find_all("li")
    assert [r.attrs["data-skill"] for r in rows] == [i.skill for i in gap.items]  # type: ignore[attr-defined]
    for row, item in zip(rows, gap.items, strict=True):  # type: ignore[attr-defined]
        assert row.attrs["data-status"] == item.status
        bar = row.find("svg", cls="levels")
        assert (int(bar.attrs["data-required"]), int(bar.attrs["data-held"])) == (item.required_level, item.held_level)
        held = [r for r in bar.find_all("rect") if "held" in r.classes()]
        needed = [r for r in bar.find_all("rect") if "needed" in r.classes()]
        assert len(held) == item.held_level
        assert len(needed) == max(item.required_level - item.held_level, 0)
        marker = bar.find("path", cls="required-marker").attrs["d"]
        assert marker.startswith(f"M{item.required_level * SEGMENT} ")
        assert f"need {item.required_level}" in row.all_text()
        # Hover: the bar's <title> names the evidence; print: the evidence list names it too.
        title = bar.find("title").all_text()
        assert ("no credential evidences it yet" in title) == (not item.evidence)
    coverage = page.find("section", id="gap").find("div", cls="score").find("svg")
    assert float(coverage.attrs["data-first"]) == pytest.approx(gap.coverage, abs=1e-4)  # type: ignore[attr-defined]
    evidence = {dt.all_text(): dt.parent for dt in page.find("dl", cls="evidence").find_all("dt")}
    for item in gap.items:  # type: ignore[attr-defined]
        if item.evidence:
            links = evidence[item.label[:1].upper() + item.label[1:]].find("dd").find_all("a")
            assert {a.attrs["href"] for a in links} == {f"#c-{i}" for i in item.evidence}


def test_levels_read_from_text_are_marked_as_gap_marks_them(
    page: Element, engine: dict[str, object], sample_report: Report
) -> None:
    """`gap` marks an item "(text)" when its level rests partly on skills read from a description; the
    chart tags the same rows "from text", and the evidence list says which credentials were read that way."""
    gap = engine["gap"]
    items = [*gap.items, *gap.foundation]  # type: ignore[attr-defined]
    section = page.find("section", id="gap")
    tagged = {
        row.attrs["data-skill"]
        for row in section.find_all("li")
        if "data-skill" in row.attrs and [t.all_text() for t in row.find_all("span", cls="tier-text")] == ["from text"]
    }
    assert tagged == {item.key for item in items if item.weak and item.held_level}
    assert tagged, "the sample wallet has skills read from text: the tag must show"
    assert sample_report.gap is not None
    read = [e for row in (*sample_report.gap.rows, *sample_report.gap.foundation) for e in row.evidence if e.text_match]
    assert read
    evidence = section.find("dl", cls="evidence").all_text()
    for item in read:
        tier = "" if item.tier == "valid" else f", {item.tier}"
        assert f"{item.name} (level {item.level}{tier}, from its text)" in evidence


def test_closest_roles_are_the_top_five_of_roles_match(page: Element, engine: dict[str, object]) -> None:
    matches = engine["matches"][:5]  # type: ignore[index]
    shown = page.find("section", id="roles").find_all("li", cls="match")
    assert [m.attrs["data-role"] for m in shown] == [m.role for m in matches]
    for element, match in zip(shown, matches, strict=True):
        bar = element.find("svg", cls="share")
        assert float(bar.attrs["data-first"]) == pytest.approx(match.coverage, abs=1e-4)
        assert float(bar.attrs["data-second"]) == pytest.approx(match.progress, abs=1e-4)
        assert f"{match.met} of {match.total} skills met" in element.all_text()
    assert "target" in shown[0].classes()  # the data analyst role is the one the gap section shows


def test_pathway_timeline_matches_the_plan(page: Element, engine: dict[str, object]) -> None:
    plan = engine["plan"]
    section = page.find("section", id="pathway")
    bars = section.find("svg", cls="gantt").find_all("g", cls="step")
    items = section.find("ol", cls="steps").find_all("li")
    steps = plan.steps  # type: ignore[attr-defined]
    assert len(bars) == len(items) == len(steps) > 0
    for bar, item, step in zip(bars, items, steps, strict=True):
        assert bar.attrs["data-start"] == step.start.isoformat() and bar.attrs["data-end"] == step.end.isoformat()
        assert item.attrs["data-offering"] == step.offering.id
        assert f"{step.offering.hours:,.0f} h" in item.all_text()
    # Bars move right with time and never start before the plan does.
    xs = [float(b.find("rect", cls="bar").attrs["x"]) for b in bars]
    assert xs == sorted(xs)
    assert f"{plan.total_hours:,.0f} h" in section.find("p", cls="totals").all_text()  # type: ignore[attr-defined]
    # Counts read as words ("1 step"), and hours and prices are qualified once, not twice.
    text = section.all_text()
    assert f"{len(steps)} step{'s' if len(steps) != 1 else ''} chosen" in text
    assert sum(text.lower().count(phrase) for phrase in ("hours and prices are indicative", "last checked on")) == 1


def test_the_page_loads_nothing_remote_and_runs_nothing(sample_html: str, page: Element) -> None:
    assert remote_references(sample_html) == []
    assert not page.find_all("script")
    assert not page.find_all("link") and not page.find_all("iframe") and not page.find_all("img")
    for element in page.walk():
        for name, value in element.attrs.items():
            assert not name.startswith("on"), (element.tag, name)
            assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")), (name, value)
        if element.tag == "a":
            assert element.attrs["href"].startswith(("https://", "#")), element.attrs["href"]
    csp = page.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "img-src data:" in csp and "script-src" not in csp
    # The pagecheck walker itself catches each kind of remote reference.
    assert remote_references('<img src="https://t.example/p.gif">')
    assert remote_references("<style>@import 'x.css'; b{background:url(http://t.example/x)}</style>")
    assert remote_references('<svg><use href="//t.example/s.svg#a"/></svg>')
    assert remote_references('<img src="pixel.gif">') and remote_references('<p style="b:url(//t.example/x)">')
    assert not remote_references('<a href="https://example.org/">x</a><p>see https://example.org</p>')


def test_print_styles_keep_cards_whole(sample_html: str) -> None:
    print_css = sample_html[sample_html.index("@media print") :]
    assert "@page" in print_css
    for selector in (".card {", "ol.skills li {", "ol.steps li {", "ol.matches li {"):
        rule = sample_html[sample_html.index(selector) :]
        assert "break-inside: avoid" in rule[: rule.index("}")], selector


def test_the_same_wallet_and_moment_give_the_same_page(sample_report: Report, sample_html: str) -> None:
    assert render(sample_report) == sample_html
    assert "2026-11-24" in sample_html and "24 Nov 2026" in sample_html


ROLE_V2 = """\
format: 2
id: report-analyst
title: Report Analyst
description: Turns data into reports.
requirements: {job_zone: 4, education: "bachelor's degree"}
core:
  - {skill: sql, level: 3, weight: 1.0, required: true}
  - {any_of: [tableau, power-bi, looker], level: 3, weight: 0.8, required: true, name: BI tool}
  - {any_of: [python, r], level: 2, weight: 0.7, need: 2, name: analysis languages}
foundation_weight: 0.2
foundation:
  - {skill: critical-thinking, level: 3}
  - {skill: mathematics, level: 5}
"""


def test_choice_groups_foundation_and_requirements(sample_home: Path, examples: ModuleType, tmp_path: Path) -> None:
    role_file = tmp_path / "report-analyst.yaml"
    role_file.write_text(ROLE_V2)
    options = examples.report_example_options()
    with Wallet.open(home=sample_home) as wallet:
        report = build_report(wallet, replace(options, role=str(role_file)))
    with Wallet.open(home=sample_home) as wallet:
        credentials = credentials_with_skills(wallet)
    vocabulary = vocabulary_for(sample_home)
    held, left_out = held_skills(credentials, home=sample_home, now=examples.AS_OF)
    expected = analyze_gap(held, load_role(str(role_file), None, vocabulary), vocabulary, left_out)
    root, _ = parse(render(report))
    gap = root.find("section", id="gap")
    core = gap.find("ol", cls="skills").find_all("li")
    assert [r.attrs["data-kind"] for r in core] == ["skill", "choice", "choice"]
    assert [int(r.attrs["data-held"]) for r in core] == [i.held_level for i in expected.items]
    bi = core[1]
    assert bi.find("span", cls="name").all_text().startswith("BI tool · required")
    members = bi.find("small", cls="members").all_text()
    assert members.startswith("any one of: ") and "Power BI" in members and "Looker" in members
    assert "any 2 of: " in core[2].find("small", cls="members").all_text()
    foundation = gap.find_all("ol", cls="skills")[1].find_all("li")
    assert [(r.attrs["data-skill"], r.attrs["data-status"]) for r in foundation] == [
        (i.key, i.status) for i in expected.foundation
    ]
    assert "20% of coverage" in gap.all_text()
    assert "job zone 4 (considerable preparation needed); bachelor's degree" in gap.all_text()
    coverage = gap.find("div", cls="score").find("svg")
    assert float(coverage.attrs["data-second"]) == pytest.approx(expected.coverage, abs=1e-4)
    assert float(coverage.attrs["data-first"]) == pytest.approx(expected.verified_coverage, abs=1e-4)
    data = report.to_jsonable()["gap"]
    assert sum(r["share"] for r in data["rows"] + data["foundation"]) == pytest.approx(1.0, abs=1e-3)
    assert [m["skill"] for m in data["rows"][1]["members"]] == [m.skill for m in expected.items[1].members]


def test_declared_skills_and_unverified_evidence_are_marked(
    sample_home: Path, examples: ModuleType, tmp_path: Path
) -> None:
    """A declared skill shows as the learner's own word; --verified-only drops it and counts valid ones alone."""
    import shutil

    home = tmp_path / "wallet"
    shutil.copytree(sample_home, home)
    with Wallet.open(home=home) as wallet:
        wallet.declare_skill("power-bi", 3, "dashboards at work")
        report = build_report(wallet, examples.report_example_options())
        strict = build_report(wallet, replace(examples.report_example_options(), verified_only=True))
    root, _ = parse(render(report))
    bi_tool = "any-of:tableau+power-bi+looker"  # the data analyst's BI tool: one of Tableau, Power BI, Looker
    power_bi = root.find("li", data_skill=bi_tool)
    assert power_bi.attrs["data-tier"] == "declared" and int(power_bi.attrs["data-held"]) == 3
    assert power_bi.find("span", cls="tier").all_text() == "declared"
    assert "declared by you (level 3)" in root.find("dl", cls="evidence").all_text()
    assert "Power BI (level 3)" in root.find("section", data_status="declared").all_text()
    strict_root, _ = parse(render(strict))
    assert int(strict_root.find("li", data_skill=bi_tool).attrs["data-held"]) < 3
    assert not strict_root.find_all("section", data_status="declared")


def test_issuers_on_the_trust_list_are_marked(
    sample_home: Path, examples: ModuleType, sample_report: Report, tmp_path: Path
) -> None:
    """The example's trust list marks its issuers' cards, the others say they are not on it, the counts say
    how many; with no trust list no card is marked either way."""
    import shutil

    from credwallet.trust import remove_trusted

    root, _ = parse(render(sample_report))
    cards = root.find_all("li", cls="card")
    marked = {c.attrs["data-id"] for c in cards if c.find_all("span", cls="trusted")}
    expected = {c.id for c in sample_report.cards if c.trusted_issuer}
    assert marked == expected and len(marked) >= 6
    trusted_issuers = {c.issuer for c in sample_report.cards if c.trusted_issuer}
    assert trusted_issuers == {"Northbridge Institute of Technology", "Riverton State University"}
    unmarked = [c for c in cards if c.attrs["data-id"] not in marked]
    note = "its issuer is not on your trust list"
    assert unmarked and all(c.find("details").find("span", cls="untrusted").all_text() == note for c in unmarked)
    assert f"From issuers on your trust list: {len(marked)}" in root.find("ul", cls="counts").all_text()
    assert sample_report.to_jsonable()["trust_list"] is True
    home = tmp_path / "wallet"
    shutil.copytree(sample_home, home)
    with Wallet.open(home=home) as wallet:
        for issuer_id in examples.TRUSTED_ISSUERS:
            assert remove_trusted(wallet, issuer_id)
    report = build_report_for(home, examples)
    root, _ = parse(render(report))
    assert not root.find_all("span", cls="trusted") and not root.find_all("span", cls="untrusted")
    assert report.to_jsonable()["trust_list"] is False and all(c.trusted_issuer is None for c in report.cards)


def build_report_for(home: Path, examples: ModuleType) -> Report:
    with Wallet.open(home=home) as wallet:
        return build_report(wallet, replace(examples.report_example_options(), pathway=False))

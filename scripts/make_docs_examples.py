"""Regenerate docs/examples/: the sample wallet's résumé section in every export format, and its report.

The sample data is imported into a throw-away wallet, verified offline as of a fixed date, and exported
with that date, so the output is the same on every machine. The report (`report.html`) is made the way the
README's tour does it (hosted badges verified from sample_data/issuer-documents), and its screenshots and
PDF are taken with headless Chromium when one is installed; `report-screenshots.json` records which page
they show. `--check` exits 1 if the committed files are stale.
Run with the project's virtual environment: python scripts/make_docs_examples.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from credwallet.report import ReportOptions

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "examples"
SAMPLE = REPO / "sample_data"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ROLE = "data-analyst"
REPORT_HOURS_PER_WEEK = 8.0
# The sample learner's trust list for the report example: their college and their university.
TRUSTED_ISSUERS = (
    "https://northbridge.example/issuer.json",
    "did:key:z6MkrbZH7bJoUAjXuDN1tFJjsF1mooA4RZYVw1AvsxNvs2cb",  # Riverton State University
)
# What headless Chromium makes from report.html: (file, CSS width or paper, kind).
SCREENSHOTS = (
    ("report-desktop.png", 1280, "png"),
    ("report-phone.png", 390, "png"),
    ("report-a4.pdf", "A4", "pdf"),
)
SCREENSHOT_RECORD = "report-screenshots.json"


def build_examples() -> dict[str, str]:
    """File name -> content for every format, plus a role-filtered Markdown version."""
    from credwallet.export import EXTENSIONS, FORMATS, ResumeOptions, build_entries, render
    from credwallet.importer import import_paths
    from credwallet.profile_file import read_profile_file
    from credwallet.skills.service import resume_relevance, skill_labels
    from credwallet.store.wallet import Wallet
    from credwallet.verification import verify_wallet

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        with Wallet.open(home=home) as wallet:
            for identity in read_profile_file(SAMPLE / "profile.yaml").identities:
                wallet.add_identity(identity)
            import_paths(wallet, [str(SAMPLE / "ob2"), str(SAMPLE / "ob3")])
            verify_wallet(wallet, now=AS_OF)
            credentials = wallet.credentials()
            relevance, title = resume_relevance(credentials, ROLE, home=home)
            all_skills, _ = resume_relevance(credentials, None, home=home)
            labels = skill_labels(home=home)
    files: dict[str, str] = {}
    for format_name in FORMATS:
        options = ResumeOptions(now=AS_OF, with_skills=True, skill_labels=labels)
        entries = build_entries(credentials, options, all_skills)
        files[f"resume{EXTENSIONS[format_name]}"] = render(entries, format_name, options)
    role_options = ResumeOptions(now=AS_OF, role=title, limit=5, with_skills=True, skill_labels=labels)
    files[f"resume-{ROLE}.md"] = render(build_entries(credentials, role_options, relevance), "markdown", role_options)
    files["report.html"] = build_report_example()
    return files


def report_example_wallet(home: Path) -> None:
    """The README tour's wallet: profile, every sample credential, two issuers on the trust list, hosted badges
    verified from the folder of issuer documents, all as of AS_OF."""
    from credwallet.importer import import_paths
    from credwallet.online import make_fetcher
    from credwallet.profile_file import read_profile_file
    from credwallet.store.wallet import Wallet
    from credwallet.trust import add_trusted
    from credwallet.verification import verify_wallet

    with Wallet.open(home=home) as wallet:
        profile = read_profile_file(SAMPLE / "profile.yaml")
        wallet.set_name(profile.name)
        for identity in profile.identities:
            wallet.add_identity(identity)
        import_paths(wallet, [str(SAMPLE / "ob2"), str(SAMPLE / "ob3")])
        for issuer_id in TRUSTED_ISSUERS:  # `credwallet trust add`: issuers the learner recognises
            add_trusted(wallet, issuer_id)
        fetcher = make_fetcher(wallet=wallet, documents_dir=SAMPLE / "issuer-documents")
        verify_wallet(wallet, fetcher=fetcher, now=AS_OF)


def report_example_options() -> ReportOptions:
    from credwallet.report import ReportOptions

    return ReportOptions(role=ROLE, now=AS_OF, hours_per_week=REPORT_HOURS_PER_WEEK)


def build_report_example() -> str:
    """docs/examples/report.html: `credwallet report --role data-analyst --hours-per-week 8` as of AS_OF."""
    from credwallet.report import build_report
    from credwallet.report import render as render_report
    from credwallet.store.wallet import Wallet

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "wallet"
        report_example_wallet(home)
        with Wallet.open(home=home) as wallet:
            return render_report(build_report(wallet, report_example_options()))


def screenshot_record(html: str) -> str:
    """The record kept next to the screenshots: which page (by hash) they were taken from."""
    import hashlib

    record = {
        "html": "report.html",
        "html_sha256": hashlib.sha256(html.encode("utf-8")).hexdigest(),
        "files": [name for name, _, _ in SCREENSHOTS],
    }
    return json.dumps(record, indent=2) + "\n"


def take_screenshots(html_path: Path) -> dict[str, bytes]:
    """Desktop and phone screenshots and an A4 print of the page, from headless Chromium."""
    sys.path.insert(0, str(REPO / "scripts"))
    from headless_chromium import Browser

    shots: dict[str, bytes] = {}
    with Browser.launch() as browser:
        page = browser.open(html_path)
        for name, size, kind in SCREENSHOTS:
            if kind == "png":
                assert isinstance(size, int)
                shots[name] = page.screenshot(size, mobile=size < 600)
            else:
                shots[name] = page.pdf(str(size))
        problems = page.problems()
    if problems:
        raise SystemExit("the page had problems in Chromium: " + "; ".join(problems))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Only check that docs/examples/ is up to date.")
    parser.add_argument("--no-screenshots", action="store_true", help="Do not retake the report's screenshots.")
    args = parser.parse_args(argv)
    files = build_examples()
    files[SCREENSHOT_RECORD] = screenshot_record(files["report.html"])
    if args.check:
        stale = [name for name, text in files.items() if not (OUT / name).is_file() or (OUT / name).read_text() != text]
        for name in stale:
            print(f"stale: docs/examples/{name}", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    record = OUT / SCREENSHOT_RECORD
    # The screenshots are large: retaken only when the page changed (or one is missing).
    current = record.is_file() and record.read_text(encoding="utf-8") == files[SCREENSHOT_RECORD]
    current = current and all((OUT / name).is_file() for name, _, _ in SCREENSHOTS)
    if args.no_screenshots:
        del files[SCREENSHOT_RECORD]
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/examples/{name}")
    if not args.no_screenshots and not current:
        for name, data in take_screenshots(OUT / "report.html").items():
            (OUT / name).write_bytes(data)
            print(f"wrote docs/examples/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

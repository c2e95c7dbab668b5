"""Regenerate docs/examples/: the sample wallet's résumé section in every export format.

The sample data is imported into a throw-away wallet, verified offline as of a fixed date, and exported
with that date, so the output is the same on every machine. `--check` exits 1 if the committed files are stale.
Run with the project's virtual environment: python scripts/make_docs_examples.py [--check]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "examples"
SAMPLE = REPO / "sample_data"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ROLE = "data-analyst"


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
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Only check that docs/examples/ is up to date.")
    args = parser.parse_args(argv)
    files = build_examples()
    if args.check:
        stale = [name for name, text in files.items() if not (OUT / name).is_file() or (OUT / name).read_text() != text]
        for name in stale:
            print(f"stale: docs/examples/{name}", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/examples/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

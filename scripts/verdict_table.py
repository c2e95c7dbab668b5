"""The verdict credwallet reaches on every file of the shared external fixtures, as a learner would get it.

Each file goes into its own empty wallet through the CLI (`import FILE --json`, then `verify --all --json`,
offline, as of the day it runs), and the script records whether it was imported and the verdict on each
credential with the reason for any verdict that is not `valid`. Rerun it after a change and compare:

    python scripts/verdict_table.py --save scripts/verdicts/after.json
    python scripts/verdict_table.py --compare scripts/verdicts/before-cf46aa5.json   # markdown table

The baseline in scripts/verdicts/ was measured on main at cf46aa5, before issue 13 changed anything.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
_CANDIDATES = (REPO.parent / "shared" / "fixtures" / "external", REPO.parents[1] / "shared" / "fixtures" / "external")
DEFAULT_EXTERNAL = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
# Folders of the fixtures that hold no credentials (contexts, schemas, the JSON Resume schema).
NOT_CREDENTIALS = ("contexts/", "schemas/", "jsonresume/")
# Test-vector intermediates and key files: not credentials a learner would hold.
NOT_CREDENTIAL_SUFFIXES = (".txt", ".pem", ".md")  # SOURCES.md too


def fixture_files(root: Path) -> list[str]:
    """Every candidate credential file under `root`, relative, sorted."""
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        skip = relative.startswith(NOT_CREDENTIALS) or relative.endswith(NOT_CREDENTIAL_SUFFIXES)
        if path.is_file() and not skip:
            found.append(relative)
    return found


def _reason(checks: list[dict[str, Any]], status: str) -> str:
    """The check lines that explain a verdict other than `valid` (warnings never do)."""
    if status == "valid":
        return ""
    wanted = {"invalid": ("failed", "error"), "revoked": ("failed",), "expired": ("failed",)}.get(
        status, ("skipped", "error", "failed")
    )
    name_for = {"revoked": "status", "expired": "dates"}
    lines = [
        f"{c['name']}: {c['detail']}"
        for c in checks
        if c.get("status") in wanted and not c.get("warning") and c["name"] == name_for.get(status, c["name"])
    ]
    return " | ".join(dict.fromkeys(lines)) or "(no check says why)"


def verdicts_for(root: Path, relative: str, *, extra_args: list[str]) -> dict[str, Any]:
    """Import one file into a fresh wallet and verify it through the CLI, as a user would."""
    from typer.testing import CliRunner

    from credwallet.cli.main import app

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as home:
        env = {"CREDWALLET_HOME": home, "NO_COLOR": "1"}
        imported = runner.invoke(app, ["import", str(root / relative), "--json"], env=env)
        row: dict[str, Any] = {"file": relative}
        try:
            report = json.loads(imported.stdout)
        except ValueError:
            row["import"] = f"crash: {(imported.stderr or imported.stdout).strip()[:200]}"
            return row
        if report.get("errors"):
            row["import"] = "error: " + report["errors"][0]["error"]
            return row
        if report.get("skipped"):
            row["import"] = "skipped: " + report["skipped"][0]["reason"]
            return row
        row["import"] = f"imported {len(report.get('imported', []))}"
        verified = runner.invoke(app, ["verify", "--all", "--json", *extra_args], env=env)
        try:
            results = json.loads(verified.stdout)
        except ValueError:
            row["verdicts"] = [{"name": "?", "status": "crash", "reason": (verified.stderr or "")[:200]}]
            return row
        row["verdicts"] = [
            {"name": r.get("name"), "status": r["status"], "reason": _reason(r["checks"], r["status"])} for r in results
        ]
        return row


def measure(root: Path, extra_args: list[str]) -> list[dict[str, Any]]:
    os.environ.setdefault("NO_COLOR", "1")
    return [verdicts_for(root, relative, extra_args=extra_args) for relative in fixture_files(root)]


def _cell(row: dict[str, Any] | None) -> tuple[str, str]:
    """(verdict, reason) for a table cell; a CLR lists each of its credentials' verdicts."""
    if row is None:
        return "-", ""
    if "verdicts" not in row:
        word = row["import"].split(":", 1)[0]
        return {"error": "import error", "skipped": "not imported", "crash": "crash"}.get(word, word), row["import"]
    statuses = [v["status"] for v in row["verdicts"]]
    verdict = statuses[0] if len(set(statuses)) == 1 else ", ".join(statuses)
    if len(statuses) > 1:
        verdict = f"{verdict} (x{len(statuses)})" if len(set(statuses)) == 1 else verdict
    reasons = [v["reason"] for v in row["verdicts"] if v["reason"]]
    return verdict, " / ".join(dict.fromkeys(reasons))


def _short(text: str, limit: int) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown(after: list[dict[str, Any]], before: list[dict[str, Any]] | None, limit: int) -> str:
    previous = {row["file"]: row for row in before or []}
    lines = ["| file | before | after | reason (after, when not valid) |", "|---|---|---|---|"]
    if before is None:
        lines = ["| file | verdict | reason (when not valid) |", "|---|---|---|"]
    for row in after:
        verdict, reason = _cell(row)
        if before is None:
            lines.append(f"| {row['file']} | {verdict} | {_short(reason, limit)} |")
        else:
            old, _ = _cell(previous.get(row["file"]))
            lines.append(f"| {row['file']} | {old} | {verdict} | {_short(reason, limit)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--external", type=Path, default=DEFAULT_EXTERNAL, help="The fixtures folder.")
    parser.add_argument("--save", type=Path, help="Write the measured rows as JSON here.")
    parser.add_argument("--compare", type=Path, help="A saved JSON baseline: print before and after side by side.")
    parser.add_argument("--load", type=Path, help="Use saved rows instead of measuring again.")
    parser.add_argument("--reason-chars", type=int, default=160, help="Cut reasons to this many characters.")
    parser.add_argument("verify_args", nargs="*", help="Extra `verify` arguments (after --), e.g. --strict.")
    args = parser.parse_args(argv)
    if not args.external.is_dir():
        print(f"no fixtures at {args.external}", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    rows = json.loads(args.load.read_text()) if args.load else measure(args.external, args.verify_args)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        seconds = (datetime.now(UTC) - started).total_seconds()
        print(f"wrote {args.save} ({len(rows)} files, {seconds:.0f} s)", file=sys.stderr)
    before = json.loads(args.compare.read_text()) if args.compare else None
    sys.stdout.write(markdown(rows, before, args.reason_chars))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

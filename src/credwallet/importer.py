"""Import files and folders into the wallet: one transaction per file, a report per file, never a crash.

A folder import keeps going past bad files and says what happened to each; the summary counts imported,
duplicate and failed files, matching the `import --json` contract of DESIGN.md §7.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from credwallet.errors import CredwalletError, InputError, NotACredentialError
from credwallet.formats.detect import BADGE_SUFFIXES, parse_bytes, read_capped
from credwallet.limits import MAX_BADGE_BYTES, MAX_FILES_PER_IMPORT
from credwallet.store.wallet import Wallet

STDIN_NAME = "-"
# Commit a bulk import every this many files: an interruption keeps what was finished, and the per-commit
# cost stays negligible next to parsing.
COMMIT_EVERY_FILES = 500

ProgressCallback = Callable[[int, int, str], None]


@dataclass(slots=True)
class FileResult:
    """What happened to one input file."""

    path: str
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None  # a companion document (issuer, badge class, key) met in a folder walk
    names: dict[str, str] = field(default_factory=dict)  # wallet id -> credential name


@dataclass(slots=True)
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def imported(self) -> list[str]:
        return [wallet_id for result in self.files for wallet_id in result.imported]

    @property
    def duplicates(self) -> list[str]:
        return [wallet_id for result in self.files for wallet_id in result.duplicates]

    @property
    def errors(self) -> list[FileResult]:
        return [result for result in self.files if result.error is not None]

    @property
    def skipped(self) -> list[FileResult]:
        return [result for result in self.files if result.skipped is not None]

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "errors": [{"path": r.path, "error": r.error} for r in self.errors],
            "skipped": [{"path": r.path, "reason": r.skipped} for r in self.skipped],
        }


def expand_inputs(inputs: list[str]) -> Iterator[tuple[str, bool]]:
    """(input, found by walking a folder): files named directly, and badge-looking files in folders."""
    for item in inputs:
        if item == STDIN_NAME or item.lower().startswith(("http://", "https://")):
            yield item, False
            continue
        path = Path(item)
        if not path.is_dir():
            yield item, False
            continue
        for root, dirs, files in os.walk(path):  # does not follow symlinked folders: no loops
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).suffix.lower() in BADGE_SUFFIXES:
                    yield str(Path(root) / name), True


def read_stdin(stream: IO[bytes]) -> bytes:
    data = stream.read(MAX_BADGE_BYTES + 1)
    if len(data) > MAX_BADGE_BYTES:
        raise InputError(f"standard input is over the {MAX_BADGE_BYTES:,}-byte limit for a badge")
    return data


def import_one(
    wallet: Wallet, name: str, *, stdin: IO[bytes] | None = None, from_folder: bool = False
) -> FileResult:
    """Parse and store one input; every expected failure becomes `error`, and the wallet is unchanged."""
    result = FileResult(path=name)
    try:
        data: bytes | None = None
        if name == STDIN_NAME:
            if stdin is None:
                raise InputError("standard input is not available")
            data = read_stdin(stdin)
            source = "<stdin>"
        elif name.lower().startswith(("http://", "https://")):
            source = name  # fetched below through net.py, with the badge class and issuer it names
        else:
            data = read_capped(name)
            source = name
        if data is None:
            from credwallet.online.url_import import fetch_credentials

            credentials = fetch_credentials(name)
        else:
            credentials = parse_bytes(data, source=source)
        outcome = wallet.add(credentials)
        result.imported = outcome.imported
        result.duplicates = outcome.duplicates
        result.names = {wallet_id: c.name for wallet_id, c in zip(outcome.ids, credentials, strict=True)}
    except NotACredentialError as exc:
        if from_folder:
            result.skipped = exc.message
        else:
            result.error = exc.message
    except CredwalletError as exc:
        result.error = exc.message
    return result


def import_paths(
    wallet: Wallet,
    inputs: list[str],
    *,
    stdin: IO[bytes] | None = None,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import every input (files, folders walked recursively, `-` for stdin) and report per file."""
    names = list(expand_inputs(inputs))
    if len(names) > MAX_FILES_PER_IMPORT:
        raise InputError(
            f"{len(names):,} files to import: over the limit of {MAX_FILES_PER_IMPORT:,} per run"
        )
    report = ImportReport()
    with wallet.batch():
        for index, (name, from_folder) in enumerate(names, start=1):
            report.files.append(import_one(wallet, name, stdin=stdin, from_folder=from_folder))
            if index % COMMIT_EVERY_FILES == 0:
                wallet.checkpoint_batch()
            if on_progress is not None:
                on_progress(index, len(names), name)
    return report

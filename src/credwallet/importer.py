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
from credwallet.model import Credential
from credwallet.store.rows import PreparedCredential, prepare
from credwallet.store.wallet import Wallet

STDIN_NAME = "-"
# Commit a bulk import every this many files: an interruption keeps what was finished (Ctrl-C commits what
# is done anyway), and each commit's WAL checkpoint stays rare next to parsing.
COMMIT_EVERY_FILES = 5000
# Below this many files, starting worker processes costs more than parsing on one core.
PARALLEL_IMPORT_THRESHOLD = 200

ProgressCallback = Callable[[int, int, str], None]


def is_url(name: str) -> bool:
    """An input to fetch (online import) rather than a file to read."""
    return name.lower().startswith(("http://", "https://"))


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
        if item == STDIN_NAME or is_url(item):
            yield item, False
            continue
        path = Path(item)
        if not path.is_dir():
            yield item, False
            continue
        for root, dirs, files in os.walk(path):  # does not follow symlinked folders: no loops
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in BADGE_SUFFIXES:
                    yield os.path.join(root, name), True


def read_stdin(stream: IO[bytes]) -> bytes:
    data = stream.read(MAX_BADGE_BYTES + 1)
    if len(data) > MAX_BADGE_BYTES:
        raise InputError(f"standard input is over the {MAX_BADGE_BYTES:,}-byte limit for a badge")
    return data


def _credentials_of(name: str, stdin: IO[bytes] | None) -> list[Credential]:
    if name == STDIN_NAME:
        if stdin is None:
            raise InputError("standard input is not available")
        return parse_bytes(read_stdin(stdin), source="<stdin>")
    if is_url(name):
        from credwallet.online.url_import import fetch_credentials

        return fetch_credentials(name)  # through net.py, with the badge class and issuer it names
    return parse_bytes(read_capped(name), source=name)


def prepare_file(
    name: str, *, stdin: IO[bytes] | None = None, from_folder: bool = False
) -> tuple[list[PreparedCredential], FileResult]:
    """Read and parse one input into database rows (no wallet needed: this runs in worker processes)."""
    result = FileResult(path=name)
    try:
        return [prepare(credential) for credential in _credentials_of(name, stdin)], result
    except NotACredentialError as exc:
        if from_folder:
            result.skipped = exc.message
        else:
            result.error = exc.message
    except CredwalletError as exc:
        result.error = exc.message
    return [], result


def _store(wallet: Wallet, prepared: list[PreparedCredential], result: FileResult) -> FileResult:
    if prepared:
        outcome = wallet.add_prepared(prepared)
        result.imported = outcome.imported
        result.duplicates = outcome.duplicates
        result.names = {wallet_id: p.name for wallet_id, p in zip(outcome.ids, prepared, strict=True)}
    return result


def import_one(wallet: Wallet, name: str, *, stdin: IO[bytes] | None = None, from_folder: bool = False) -> FileResult:
    """Parse and store one input; every expected failure becomes `error`, and the wallet is unchanged."""
    prepared, result = prepare_file(name, stdin=stdin, from_folder=from_folder)
    return _store(wallet, prepared, result)


def _prepared_in_parallel(
    names: list[tuple[str, bool]], workers: int
) -> Iterator[tuple[list[PreparedCredential], FileResult]]:
    """Parse files on every core, in order; the caller stores them one by one (one transaction per file)."""
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(16, min(256, len(names) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_dispatch, names, chunksize=chunk)


def _dispatch(item: tuple[str, bool]) -> tuple[list[PreparedCredential], FileResult]:
    name, walked = item
    return prepare_file(name, from_folder=walked)


def import_paths(
    wallet: Wallet,
    inputs: list[str],
    *,
    stdin: IO[bytes] | None = None,
    on_progress: ProgressCallback | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import every input (files, folders walked recursively, `-` for stdin) and report per file.

    Large imports of plain files parse on every core (`workers`, default: all) while this process stores
    each file's rows in its own savepoint; stdin and URLs are always handled here, in order.
    """
    names = list(expand_inputs(inputs))
    if len(names) > MAX_FILES_PER_IMPORT:
        raise InputError(f"{len(names):,} files to import: over the limit of {MAX_FILES_PER_IMPORT:,} per run")
    cpus = os.cpu_count() or 1
    pool_size = min(workers if workers is not None else cpus, cpus)
    plain_files = all(name != STDIN_NAME and not is_url(name) for name, _ in names)
    report = ImportReport()
    if pool_size > 1 and plain_files and len(names) >= PARALLEL_IMPORT_THRESHOLD:
        prepared_files: Iterator[tuple[list[PreparedCredential], FileResult]] = _prepared_in_parallel(names, pool_size)
    else:
        prepared_files = (prepare_file(name, stdin=stdin, from_folder=walked) for name, walked in names)
    with wallet.batch():
        for index, (prepared, result) in enumerate(prepared_files, start=1):
            report.files.append(_store(wallet, prepared, result))
            if index % COMMIT_EVERY_FILES == 0:
                wallet.checkpoint_batch()
            if on_progress is not None:
                on_progress(index, len(names), result.path)
    return report

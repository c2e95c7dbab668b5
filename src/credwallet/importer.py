"""Import files and folders into the wallet: one transaction per file, a report per file, never a crash.

A folder import keeps going past bad files and says what happened to each; the summary counts imported,
duplicate and failed files, matching the `import --json` contract of DESIGN.md §7. Import only stores:
verification runs afterwards (the CLI does it once everything is committed), so a slow proof never holds up
or loses an import. A bulk import commits at least every second, so a hard kill keeps all but its last moments.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from credwallet import linkedin
from credwallet.errors import CredwalletError, InputError, NotACredentialError, StoreError
from credwallet.formats.detect import BADGE_SUFFIXES, display_name, parse_bytes, read_capped
from credwallet.limits import MAX_BADGE_BYTES, MAX_FILES_PER_IMPORT
from credwallet.model import Credential
from credwallet.store.rows import PreparedCredential, prepare
from credwallet.store.wallet import Wallet
from credwallet.wording import plural

STDIN_NAME = "-"
# A bulk import commits every COMMIT_EVERY_FILES files (a kill -9 or an out-of-memory kill then loses at
# most that many), and at least every COMMIT_EVERY_SECONDS with a checkpoint that syncs it to the disk, so a
# power cut loses at most the last second. A commit costs about a millisecond, a checkpoint a few: both stay
# rare next to parsing, so the import speed target holds.
COMMIT_EVERY_SECONDS = 1.0
COMMIT_EVERY_FILES = 500
# Below this many files, starting worker processes costs more than parsing on one core.
PARALLEL_IMPORT_THRESHOLD = 200

ProgressCallback = Callable[[int, int, str], None]
# A skill listed on LinkedIn is the learner's word with no level: declared as basic (2), the weakest
# evidence, never above what a credential shows.
LINKEDIN_SKILL_LEVEL = 2
CommitCallback = Callable[[int], None]  # called with how many input files are committed so far


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
    skills: list[str] = field(default_factory=list)  # skill names a LinkedIn export lists (declared on store)
    declared: list[str] = field(default_factory=list)  # skill ids declared from them
    notes: list[str] = field(default_factory=list)  # rows of the file that were left out, and why


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
            **self._linkedin_keys(),
        }

    def _linkedin_keys(self) -> dict[str, Any]:
        """`declared_skills` and `notes`, present when a LinkedIn export was among the inputs."""
        if not any(r.skills or r.notes for r in self.files):
            return {}
        return {
            "declared_skills": [skill for r in self.files for skill in r.declared],
            "notes": [note for r in self.files for note in r.notes],
        }


def expand_inputs(inputs: list[str]) -> Iterator[tuple[str, bool]]:
    """(input, found by walking a folder): files named directly, and every visible file in folders."""
    for item in inputs:
        if item == STDIN_NAME or is_url(item):
            yield item, False
            continue
        path = Path(item)
        if not path.is_dir():
            yield item, False
            continue
        yield from _visible_files(item)


def _visible_files(folder: str) -> Iterator[tuple[str, bool]]:
    """Visible regular files under `folder`, in name order, depth first (as `os.walk` would list them).

    Files that are not credential types are yielded too: `prepare_file` reports them as skipped, never
    reads them. Symlinked folders are not followed (no loops); a named pipe, socket or device is passed over, since
    opening one could wait forever for a writer (a pipe named on the command line is read: the user meant it).
    """
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:  # a folder that vanished or cannot be read: as os.walk, go on with the rest
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif _is_regular_file(entry):
                yield entry.path, True
        pending.extend(reversed(folders))


def _is_regular_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows a symlink: a link to a badge counts, a link to /dev/zero does not
    except OSError:
        return False


def read_stdin(stream: IO[bytes]) -> bytes:
    data = stream.read(MAX_BADGE_BYTES + 1)
    if len(data) > MAX_BADGE_BYTES:
        raise InputError(f"standard input is over the {MAX_BADGE_BYTES:,}-byte limit for a badge")
    return data


def _credentials_of(name: str, shown: str, stdin: IO[bytes] | None, allow_http: bool = False) -> list[Credential]:
    if name == STDIN_NAME:
        if stdin is None:
            raise InputError("standard input is not available")
        return parse_bytes(read_stdin(stdin), source="<stdin>")
    if is_url(name):
        from credwallet.online.url_import import fetch_credentials

        if allow_http:
            from credwallet.net import NetworkFetcher

            return fetch_credentials(name, NetworkFetcher(allow_http=True))
        return fetch_credentials(name)  # through net.py, with the badge class and issuer it names
    return parse_bytes(read_capped(name, shown=shown), source=shown)


def prepare_file(
    name: str, *, stdin: IO[bytes] | None = None, from_folder: bool = False, allow_http: bool = False
) -> tuple[list[PreparedCredential], FileResult]:
    """Read and parse one input into database rows (no wallet needed: this runs in worker processes).

    Every failure is this file's one-line error, unexpected ones included, so a folder import goes on.
    """
    shown = display_name(name)
    result = FileResult(path=shown)
    suffix = os.path.splitext(name)[1].lower()
    if from_folder and suffix not in BADGE_SUFFIXES and not linkedin.walks_into(os.path.basename(name)):
        result.skipped = f"not a credential file type ({suffix or 'no extension'})"
        return [], result
    try:
        if name != STDIN_NAME and not is_url(name) and linkedin.is_linkedin_input(name):
            return _prepare_linkedin(name, result), result
        return [prepare(credential) for credential in _credentials_of(name, shown, stdin, allow_http)], result
    except NotACredentialError as exc:
        if from_folder:
            result.skipped = exc.message
        else:
            result.error = exc.message
    except CredwalletError as exc:
        result.error = exc.message
    except Exception as exc:  # a credwallet bug met on this file: its error, and the import goes on
        result.error = _unexpected(shown, exc)
    return [], result


def _unexpected(shown: str, exc: BaseException) -> str:
    detail = display_name(f"{type(exc).__name__}: {exc}")[:300]
    return f"{shown}: could not be imported: internal error ({detail}); please report this credwallet bug"


def _prepare_linkedin(name: str, result: FileResult) -> list[PreparedCredential]:
    """A LinkedIn export's certifications as self-reported rows; its skills are declared when stored."""
    from credwallet.selfreport import self_reported_credential

    export = linkedin.read_export(name)
    prepared = []
    for report in export.certifications:
        try:
            prepared.append(prepare(self_reported_credential(report)))
        except CredwalletError as exc:
            result.notes.append(f"{result.path}: {report.title[:80]}: {exc.message}; left out")
    result.notes.extend(f"{result.path}: {problem}" for problem in export.problems)
    result.skills = export.skills
    return prepared


def _declare_listed_skills(wallet: Wallet, result: FileResult) -> None:
    """Skills a LinkedIn profile lists, declared at level 2 (LinkedIn records no level); a skill the learner
    already declared keeps their own level and note."""
    from credwallet.skills.service import vocabulary_for

    vocabulary = vocabulary_for(wallet.home)
    already = {d.skill for d in wallet.declared_skills()}
    unknown = []
    for name in result.skills:
        skill = vocabulary.lookup(name)
        if skill is None:
            unknown.append(name)
            continue
        if skill.id in already:
            continue
        wallet.declare_skill(skill.id, LINKEDIN_SKILL_LEVEL, "listed on LinkedIn (data export)")
        already.add(skill.id)
        result.declared.append(skill.id)
    if unknown:
        shown = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        unknown_count = plural(len(unknown), "skill")
        result.notes.append(f"{result.path}: {unknown_count} not in the vocabulary, not declared: {shown}")


def _store(wallet: Wallet, prepared: list[PreparedCredential], result: FileResult) -> FileResult:
    """Add one file's rows; a storage failure (full disk, read-only) stops the import with a StoreError, any
    other failure is this file's error and leaves nothing of it in the wallet."""
    if result.skills and result.error is None:
        _declare_listed_skills(wallet, result)
    if not prepared:
        return result
    try:
        outcome = wallet.add_prepared(prepared)
    except StoreError:  # the wallet cannot take any file: the import stops here
        raise
    except Exception as exc:  # e.g. a value SQLite cannot hold: this file fails, the next one is tried
        if isinstance(exc, sqlite3.Error):
            result.error = f"{result.path}: could not be stored ({exc})"
        else:
            result.error = _unexpected(result.path, exc)
        return result
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
) -> Generator[tuple[list[PreparedCredential], FileResult]]:
    """Parse files on every core, in order; the caller stores them one by one (one transaction per file).

    A worker that dies (killed, out of memory) takes no file with it: the files not yet delivered are read
    in this process instead, one by one.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(16, min(256, len(names) // (workers * 8)))
    pool = ProcessPoolExecutor(max_workers=workers)
    delivered = 0
    try:
        for prepared in pool.map(_dispatch, names, chunksize=chunk):
            yield prepared
            delivered += 1
    except BrokenProcessPool:
        for name, walked in names[delivered:]:
            yield prepare_file(name, from_folder=walked)
    finally:  # an import stopped early (full disk, Ctrl-C) does not wait for the files nobody will store
        pool.shutdown(wait=True, cancel_futures=True)


def _dispatch(item: tuple[str, bool]) -> tuple[list[PreparedCredential], FileResult]:
    name, walked = item
    return prepare_file(name, from_folder=walked)


def import_paths(
    wallet: Wallet,
    inputs: list[str],
    *,
    stdin: IO[bytes] | None = None,
    on_progress: ProgressCallback | None = None,
    on_commit: CommitCallback | None = None,
    workers: int | None = None,
    allow_http: bool = False,
) -> ImportReport:
    """Import every input (files, folders walked recursively, `-` for stdin) and report per file.

    Large imports of plain files parse on every core (`workers`, default: all) while this process stores
    each file's rows in its own savepoint; stdin and URLs are always handled here, in order. Commits come
    at least every COMMIT_EVERY_SECONDS; `on_commit` hears how many files each one made durable.
    """
    wallet.require_writable()
    names = list(expand_inputs(inputs))
    if len(names) > MAX_FILES_PER_IMPORT:
        raise InputError(f"{len(names):,} files to import: over the limit of {MAX_FILES_PER_IMPORT:,} per run")
    cpus = os.cpu_count() or 1
    pool_size = min(workers if workers is not None else cpus, cpus)
    plain_files = all(name != STDIN_NAME and not is_url(name) for name, _ in names)
    report = ImportReport()
    if pool_size > 1 and plain_files and len(names) >= PARALLEL_IMPORT_THRESHOLD:
        prepared_files: Generator[tuple[list[PreparedCredential], FileResult]] = _prepared_in_parallel(names, pool_size)
    else:
        prepared_files = (
            prepare_file(name, stdin=stdin, from_folder=walked, allow_http=allow_http) for name, walked in names
        )
    committed = 0

    def saved_through(index: int) -> Callable[[], None]:
        def saved() -> None:
            nonlocal committed
            committed = index

        return saved

    try:
        with closing(prepared_files), wallet.batch():
            last_durable = time.monotonic()
            for index, (prepared, result) in enumerate(prepared_files, start=1):
                report.files.append(_store(wallet, prepared, result))
                now = time.monotonic()
                durable = now - last_durable >= COMMIT_EVERY_SECONDS
                if durable or index - committed >= COMMIT_EVERY_FILES:
                    # The count moves as soon as the commit is done, before the checkpoint (which a full disk
                    # can also fail): the error then names every file that was saved.
                    wallet.commit_batch(durable=durable, on_committed=saved_through(index))
                    last_durable = now if durable else last_durable
                    if on_commit is not None:
                        on_commit(committed)
                if on_progress is not None:
                    on_progress(index, len(names), result.path)
    except StoreError as exc:
        verb = "was" if committed == 1 else "were"
        kept = f"the {plural(committed, 'file')} before {verb} saved" if committed else "nothing was saved"
        raise StoreError(
            f"{exc.message} ({kept}; import again to add the rest: files already in the wallet show as duplicates)",
            hint=exc.hint,
            code=exc.code,
        ) from None
    if on_commit is not None and committed < len(report.files):
        on_commit(len(report.files))
    return report

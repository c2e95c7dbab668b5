"""One fuzz target per parser entry point: bytes in, and nothing but a CredwalletError (or the format's own
refusal) may come out.

Each target goes as far as an import would: parse, build the wallet row, render `show --json`, store the row
(in a scratch wallet, rolled back); the JWS and JSON-LD targets also verify offline. A verification check
broken by an unexpected exception is a bug too (`BrokenCheck`), although the verifier reports it as `error`.
The first byte of a structured target's input picks how the rest is wrapped (see `containers`).
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from fuzz import containers, corpus
from fuzz.mutate import mutate_json_bytes

NOW = datetime(2026, 6, 1, tzinfo=UTC)
# Exception types that, inside a verification check, can only mean a bug (a refusal has its own wording).
BUG_TYPES = frozenset(
    {
        "TypeError", "AttributeError", "KeyError", "IndexError", "RecursionError", "UnicodeEncodeError",
        "UnicodeDecodeError", "OverflowError", "ZeroDivisionError", "NameError", "UnboundLocalError",
        "AssertionError", "MemoryError",
    }
)  # fmt: skip


class BrokenCheck(Exception):
    """A verification check that ended in an unexpected exception (reported by the verifier as `error`)."""


Mutator = Callable[[bytes, random.Random, list[Any]], "bytes | None"]


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], None]
    seeds: Callable[[], list[bytes]]
    description: str
    mutate: Mutator  # a structure-aware mutant of an input, or None when only byte-level mutation fits


def _whole_json(data: bytes, rng: random.Random, donors: list[Any]) -> bytes | None:
    return mutate_json_bytes(data, rng, donors)


def _after_mode(raw_mode: int, modes: int) -> Mutator:
    """Inputs whose first byte picks a wrapping and whose rest is JSON, except in the raw mode."""

    def mutate(data: bytes, rng: random.Random, donors: list[Any]) -> bytes | None:
        if not data or data[0] % modes == raw_mode:
            return None
        mode = data[0] if rng.random() < 0.9 else rng.choice([m for m in range(modes) if m != raw_mode])
        body = mutate_json_bytes(data[1:], rng, donors)
        return None if body is None else bytes([mode]) + body

    return mutate


def _token_parts(data: bytes, rng: random.Random, donors: list[Any]) -> bytes | None:
    if not data or data[0] % 2 == 0:
        return None
    header, _, payload = data[1:].partition(b"\n")
    if rng.random() < 0.3:
        header = mutate_json_bytes(header, rng, []) or header
    else:
        payload = mutate_json_bytes(payload, rng, donors) or payload
    return b"\x01" + header + b"\n" + payload


@cache
def _scratch_wallet() -> Any:
    from credwallet.store.wallet import Wallet

    home = Path(tempfile.mkdtemp(prefix="credwallet-fuzz-"))
    return Wallet.open(home=home)


def _expected() -> tuple[type[BaseException], ...]:
    from credwallet.errors import CredwalletError
    from credwallet.verify.canon import CanonicalizationError

    return (CredwalletError, CanonicalizationError)


def _as_imported(credentials: list[Any]) -> None:
    """What `import` and `show --json` do with parsed credentials, with the row rolled back afterwards."""
    from credwallet.model import to_jsonable
    from credwallet.store.rows import prepare

    prepared = [prepare(credential) for credential in credentials]
    for credential in credentials:
        json.dumps(to_jsonable(credential), allow_nan=False).encode("utf-8")
    wallet = _scratch_wallet()
    db: sqlite3.Connection = wallet.connection()
    db.execute("BEGIN")
    try:
        wallet.add_prepared(prepared)
    finally:
        db.execute("ROLLBACK")


def _verified(credentials: list[Any]) -> None:
    from credwallet.verify.verifier import verify_credential

    for credential in credentials:
        report = verify_credential(credential, identities=["learner@example.org"], now=NOW)
        for check in report.checks:
            kind = check.detail.split(":", 1)[0]
            if check.status.value == "error" and kind in BUG_TYPES:
                raise BrokenCheck(f"{check.name}: {check.detail}")


def _parsed(data: bytes, *, verify: bool = False) -> None:
    from credwallet.formats.detect import parse_bytes

    try:
        credentials = parse_bytes(data, source="fuzz")
        _as_imported(credentials)
    except _expected():
        return
    if verify:
        _verified(credentials)


def run_json(data: bytes) -> None:
    _parsed(data)


def run_png(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] % 5, data[1:]
    _parsed(rest if mode == 4 else containers.baked_png(mode, rest))


def run_svg(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] % 5, data[1:]
    _parsed(rest if mode == 4 else containers.baked_svg(mode, rest))


def run_jws(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] % 2, data[1:]
    if mode == 1:
        header, _, payload = rest.partition(b"\n")
        rest = containers.compact_jws(header, payload)
    _parsed(rest, verify=True)


def run_jsonld(data: bytes) -> None:
    """RDF canonicalization of the document as given, then the Data Integrity verification of it."""
    from credwallet.safejson import loads_strict
    from credwallet.verify.canon import canonicalize

    try:
        document = loads_strict(data, source="fuzz")
        if isinstance(document, dict):
            canonicalize(document)
    except _expected():
        pass
    _parsed(data, verify=True)


def run_clr(data: bytes) -> None:
    _parsed(data)


@cache
def _restore_wallet() -> Any:
    from credwallet.store.wallet import Wallet

    return Wallet.open(home=Path(tempfile.mkdtemp(prefix="credwallet-fuzz-backup-")))


def _reset(wallet: Any) -> None:
    """Empty the restore wallet again (cheaper than a new wallet per input)."""
    import shutil

    db: sqlite3.Connection = wallet.connection()
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    db.execute("BEGIN")
    for table in tables:
        if table != "schema_migrations":
            db.execute(f"DELETE FROM {table}")
    db.execute("COMMIT")
    for child in wallet.home.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        elif not child.name.startswith("wallet.db"):
            child.unlink()


def run_backup(data: bytes) -> None:
    """Decode a backup and restore it into a wallet (restoring also writes the wallet folder's user files)."""
    from credwallet.store.backup import decode_backup, restore

    if not data:
        return
    mode, rest = data[0] % 2, data[1:]
    raw = rest if mode == 0 else containers.gzipped(rest)
    wallet = _restore_wallet()
    try:
        restore(wallet, decode_backup(raw, None, source="fuzz"))
    except _expected():
        return
    finally:
        _reset(wallet)


def _png_seeds() -> list[bytes]:
    return [b"\x04" + data for data in corpus.png_files()] + [b"\x00" + data for data in corpus.json_documents()[:20]]


def _svg_seeds() -> list[bytes]:
    return [b"\x04" + data for data in corpus.svg_files()] + [
        bytes([mode]) + data for mode in (0, 2) for data in corpus.json_documents()[:10]
    ]


def _jws_seeds() -> list[bytes]:
    seeds = []
    for token in corpus.tokens():
        seeds.append(b"\x00" + token)
        parts = containers.split_token(token)
        if parts is not None:
            seeds.append(b"\x01" + parts[0] + b"\n" + parts[1])
    return seeds


def _backup_seeds() -> list[bytes]:
    from credwallet.store.backup import decode_backup

    seeds = []
    for backup in corpus.backups():
        seeds.append(b"\x00" + backup)
        seeds.append(b"\x01" + json.dumps(decode_backup(backup, None, source="seed")).encode())
    return seeds


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("json", run_json, corpus.json_documents, "JSON: OB 2.0, OB 3.0 / VC, presentations", _whole_json),
        Target("png", run_png, _png_seeds, "baked PNG: chunk walker, inflation, baked text", _after_mode(4, 5)),
        Target("svg", run_svg, _svg_seeds, "baked SVG: XML, encodings, CDATA, verify", _after_mode(4, 5)),
        Target("jws", run_jws, _jws_seeds, "compact JWS / JWT (OB 2.0 signed, VC-JWT), verified", _token_parts),
        Target("jsonld", run_jsonld, corpus.linked_data_documents, "JSON-LD, RDFC-1.0, Data Integrity", _whole_json),
        Target("clr", run_clr, corpus.clr_documents, "CLR 2.0 and the credentials it holds", _whole_json),
        Target("backup", run_backup, _backup_seeds, "wallet backups: decode and restore", _after_mode(0, 2)),
    )
}

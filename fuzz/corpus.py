"""The seed corpus: real badge files from sample_data/ and the shared external fixtures, sorted by target.

Seeds are read from the files where they live (nothing is copied into the repository); a missing fixture
folder only means fewer seeds. `CREDWALLET_FUZZ_SEEDS` names extra folders (separated by the path separator).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO / "sample_data"
# The shared fixtures sit next to the repository in the team's layout (../shared from /work/main); a worktree
# one level deeper finds them two levels up.
EXTERNAL_CANDIDATES = tuple(folder / "shared" / "fixtures" / "external" for folder in (REPO.parent, REPO.parents[1]))
MAX_SEED_BYTES = 96 * 1024  # bigger files slow every execution down and add no parser paths


def seed_folders() -> list[Path]:
    folders = [SAMPLE_DATA]
    folders += [path for path in EXTERNAL_CANDIDATES if path.is_dir()][:1]
    extra = os.environ.get("CREDWALLET_FUZZ_SEEDS", "")
    folders += [Path(item) for item in extra.split(os.pathsep) if item]
    return [folder for folder in folders if folder.is_dir()]


def _files() -> Iterator[Path]:
    for folder in seed_folders():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.parts):
                yield path


@cache
def seed_files() -> tuple[tuple[str, bytes], ...]:
    """(name, bytes) of every readable seed file under the size cap."""
    found = []
    for path in _files():
        if path.stat().st_size <= MAX_SEED_BYTES:
            found.append((str(path), path.read_bytes()))
    return tuple(found)


def _json_object(data: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _types(document: dict[str, object]) -> set[str]:
    raw = document.get("type", document.get("@type"))
    items = raw if isinstance(raw, list) else [raw]
    return {item for item in items if isinstance(item, str)}


def json_documents() -> list[bytes]:
    return [data for name, data in seed_files() if name.endswith((".json", ".jsonld")) and _json_object(data)]


def png_files() -> list[bytes]:
    return [data for _, data in seed_files() if data.startswith(b"\x89PNG\r\n\x1a\n")]


def svg_files() -> list[bytes]:
    return [data for name, data in seed_files() if name.endswith(".svg")]


def tokens() -> list[bytes]:
    """Compact JWS / JWT files, and tokens found inside JSON seeds (CLR inner credentials, endorsements)."""
    found = []
    for _, data in seed_files():
        text = data.strip()
        if text.startswith(b"ey") and text.count(b".") == 2 and b"\n" not in text:
            found.append(text)
    for data in json_documents():
        found += [token.encode() for token in _tokens_in(json.loads(data))]
    return found


def _tokens_in(node: object) -> Iterator[str]:
    if isinstance(node, str):
        if node.startswith("ey") and node.count(".") == 2 and len(node) < 200_000:
            yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _tokens_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from _tokens_in(value)


def linked_data_documents() -> list[bytes]:
    """JSON-LD credentials (a VC context): what canonicalization and Data Integrity proofs work on."""
    found = []
    for data in json_documents():
        document = _json_object(data)
        contexts = document.get("@context") if document else None
        first = contexts[0] if isinstance(contexts, list) and contexts else contexts
        if isinstance(first, str) and "credentials" in first:
            found.append(data)
    return found


def clr_documents() -> list[bytes]:
    return [data for data in json_documents() if "ClrCredential" in _types(_json_object(data) or {})]


def backups() -> list[bytes]:
    """Backups made by the product itself from the sample wallet (plain, as `export backup` writes them), so
    the seeds follow the backup format as it changes."""
    import tempfile

    from credwallet.importer import import_paths
    from credwallet.store.backup import backup_document, encode_backup, integrity_digest
    from credwallet.store.wallet import Wallet

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        with Wallet.open(home=home) as wallet:
            import_paths(wallet, [str(SAMPLE_DATA / "ob2"), str(SAMPLE_DATA / "ob3")], workers=1)
            wallet.add_identity("learner@example.org")
            (home / "roles").mkdir(exist_ok=True)
            (home / "roles" / "seed.yaml").write_text("id: seed\n", encoding="utf-8")
            document = backup_document(wallet)
    # Fixed times, so the seeds (and the smoke test's derandomized examples) are the same on every run.
    document["created"] = "2026-01-01T00:00:00+00:00"
    for row in document["credentials"]:
        row.update(imported_at="2026-01-01T00:00:00Z", verified_at=None, verification=None)
    small = dict(document, credentials=document["credentials"][:2])
    for each in (document, small):  # the digest of the content as changed here (a backup carries its own)
        each["integrity"] = integrity_digest(each)
    return [encode_backup(document, None), encode_backup(small, None)]

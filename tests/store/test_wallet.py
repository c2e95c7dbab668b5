"""The wallet database: privacy from creation, dedup, one transaction per file, migrations."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from tests.badgekit import assertion_bytes, itxt, png

from credwallet.errors import InputError, NotFoundError, StoreError
from credwallet.formats.detect import parse_bytes
from credwallet.importer import import_paths
from credwallet.model import Container, Status
from credwallet.store.connection import connect
from credwallet.store.migrations import MIGRATIONS
from credwallet.store.wallet import Wallet


def _open(home: Path) -> Wallet:
    return Wallet.open(home=home)


def test_private_permissions_under_umask_022(wallet_home: Path) -> None:
    previous = os.umask(0o022)
    try:
        with _open(wallet_home) as wallet:
            wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(wallet_home.stat().st_mode) == 0o700
    for path in wallet_home.iterdir():
        if path.name.startswith("wallet.db"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_wal_mode_and_pragmas(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        db = wallet._db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_same_credential_twice_is_stored_once(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        first = wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
        # The same credential baked into a PNG: other bytes, same normalized content.
        again = wallet.add(parse_bytes(png(itxt(assertion_bytes())), source="a.png"))
        assert first.imported and again.duplicates == first.imported and not again.imported
        assert wallet.count() == 1


def test_same_id_with_changed_content_is_a_duplicate(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        first = wallet.add(parse_bytes(assertion_bytes(), source="a.json"))
        changed = wallet.add(parse_bytes(assertion_bytes(issuedOn="2025-04-01T00:00:00Z"), source="b.json"))
        assert changed.duplicates == first.imported


def test_original_bytes_kept_exactly(wallet_home: Path) -> None:
    data = png(itxt(assertion_bytes(), compressed=True))
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(data, source="a.png")).imported
        stored = wallet.get(wallet_id)
    assert stored.original_bytes == data
    assert stored.container is Container.PNG


def test_a_failure_mid_file_leaves_no_row(wallet_home: Path) -> None:
    good = parse_bytes(assertion_bytes(), source="a.json")[0]
    broken = parse_bytes(assertion_bytes(id="https://badges.example.org/assertions/2"), source="b.json")[0]
    broken.name = None  # type: ignore[assignment]  # violates NOT NULL on the second insert
    with _open(wallet_home) as wallet:
        with pytest.raises(sqlite3.IntegrityError):
            wallet.add([good, broken])
        assert wallet.count() == 0


def test_bulk_import_keeps_good_files_and_reports_bad(tmp_path: Path, wallet_home: Path) -> None:
    (tmp_path / "good.json").write_bytes(assertion_bytes())
    (tmp_path / "bad.json").write_bytes(b'{"broken": ')
    (tmp_path / "notes.md").write_text("not a badge, not even considered")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "baked.png").write_bytes(png(itxt(assertion_bytes(id="https://badges.example.org/a/3"))))
    with _open(wallet_home) as wallet:
        report = import_paths(wallet, [str(tmp_path)])
        assert len(report.imported) == 2 and len(report.errors) == 1
        assert report.errors[0].path.endswith("bad.json")
        assert report.to_jsonable()["errors"][0]["error"].startswith(str(tmp_path / "bad.json"))
        assert wallet.count() == 2


def test_interrupted_bulk_import_keeps_finished_files(tmp_path: Path, wallet_home: Path) -> None:
    (tmp_path / "a.json").write_bytes(assertion_bytes())
    (tmp_path / "b.json").write_bytes(assertion_bytes(id="https://badges.example.org/assertions/2"))
    calls = 0

    def stop(done: int, total: int, name: str) -> None:
        nonlocal calls
        calls += 1
        raise KeyboardInterrupt

    with _open(wallet_home) as wallet:
        with pytest.raises(KeyboardInterrupt):
            import_paths(wallet, [str(tmp_path)], on_progress=stop)
        assert wallet.count() == 1 and calls == 1


def test_notes_and_tags_survive_reimport(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(assertion_bytes(), source="a.json")).imported
        wallet.add_tag(wallet_id[:5], "job-search")
        wallet.set_note(wallet_id, "capstone project")
        wallet.add(parse_bytes(assertion_bytes(), source="again.json"))
        stored = wallet.get(wallet_id)
    assert stored.user_tags == ["job-search"] and stored.notes == "capstone project"


def test_resolve_id_prefix_rules(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(assertion_bytes(), source="a.json")).imported
        assert wallet.resolve_id(wallet_id[:4].upper()) == wallet_id
        with pytest.raises(InputError, match="too short"):
            wallet.resolve_id("ab")
        with pytest.raises(NotFoundError):
            wallet.resolve_id("ffffffff0")


def test_remove_and_verification_saved(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(assertion_bytes(), source="a.json")).imported
        wallet.save_verification(wallet_id, Status.VALID, {"status": "valid", "checks": []})
        assert wallet.summaries()[0].status == "valid"
        assert wallet.get(wallet_id).verification == {"status": "valid", "checks": []}
        assert wallet.remove(wallet_id) == [wallet_id]
        assert wallet.count() == 0


def test_profile_identities(wallet_home: Path) -> None:
    with _open(wallet_home) as wallet:
        wallet.set_name("Alex Morgan")
        assert wallet.add_identity("alex@example.org")
        assert not wallet.add_identity("alex@example.org")
        wallet.add_identity("did:key:z6Mkabc")
        with pytest.raises(InputError):
            wallet.add_identity("not an address")
        profile = wallet.profile()
        assert profile.name == "Alex Morgan"
        assert profile.identities_of_type("did") == ["did:key:z6Mkabc"]
        wallet.remove_identity("alex@example.org")
        with pytest.raises(NotFoundError):
            wallet.remove_identity("alex@example.org")


def test_migration_from_first_schema_keeps_data(wallet_home: Path) -> None:
    path = wallet_home / "old.db"
    db = connect(path, migrate_upto=MIGRATIONS[0][0])
    assert [r[0] for r in db.execute("SELECT name FROM schema_migrations")] == ["m001_initial"]
    db.execute(
        "INSERT INTO credentials (id, format, container, name, normalized, original, content_hash, imported_at)"
        " VALUES ('abcd1234', 'ob2', 'json', 'Old badge', ?, x'7b7d', 'h1', '2025-01-01T00:00:00Z')",
        (json.dumps({"format": "ob2", "name": "Old badge", "issuer": {"name": "Old School"}}),),
    )
    db.close()
    with Wallet.open(path, home=wallet_home) as wallet:
        assert wallet.schema_version() == [name for name, _ in MIGRATIONS]
        old = wallet.get("abcd1234")
        assert old.name == "Old badge" and old.schema_errors == [] and old.original_bytes == b"{}"


def test_not_a_database(wallet_home: Path) -> None:
    wallet_home.mkdir(parents=True)
    junk = wallet_home / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a credwallet database"):
        Wallet.open(junk, home=wallet_home)


def test_folder_walk_skips_companion_documents_but_named_files_fail(tmp_path: Path, wallet_home: Path) -> None:
    issuer = {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "https://x", "name": "X"}
    (tmp_path / "issuer.json").write_text(json.dumps(issuer))
    (tmp_path / "badge.json").write_bytes(assertion_bytes())
    with _open(wallet_home) as wallet:
        walked = import_paths(wallet, [str(tmp_path)])
        assert len(walked.imported) == 1 and not walked.errors
        assert "issuer profile" in (walked.skipped[0].skipped or "")
        named = import_paths(wallet, [str(tmp_path / "issuer.json")])
        assert named.errors and not named.skipped


def test_parallel_import_matches_sequential(tmp_path: Path, wallet_home: Path) -> None:
    from credwallet.importer import PARALLEL_IMPORT_THRESHOLD

    count = PARALLEL_IMPORT_THRESHOLD + 20
    for index in range(count):
        (tmp_path / f"{index:04d}.json").write_bytes(assertion_bytes(id=f"https://badges.example.org/a/{index}"))
    (tmp_path / "0100.json").write_bytes(b'{"broken": ')  # one bad file among them
    (tmp_path / "0101.json").write_bytes(assertion_bytes(id="https://badges.example.org/a/0"))  # a duplicate
    with Wallet.open(home=wallet_home / "seq") as sequential:
        expected = import_paths(sequential, [str(tmp_path)], workers=1)
    with Wallet.open(home=wallet_home / "par") as parallel:
        seen: list[int] = []
        got = import_paths(
            parallel, [str(tmp_path)], workers=2, on_progress=lambda done, total, name: seen.append(done)
        )
        assert parallel.count() == count - 2
    assert got.to_jsonable() == expected.to_jsonable()
    assert seen == list(range(1, count + 1))
    assert len(got.errors) == 1 and len(got.duplicates) == 1


def test_jws_token_is_stored_once_and_restored(wallet_home: Path) -> None:
    import base64

    def b64(document: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()

    token = f"{b64({'alg': 'RS256'})}.{b64(json.loads(assertion_bytes()))}.c2ln"
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(token.encode(), source="a.jws")).imported
        normalized = wallet._db.execute("SELECT normalized FROM credentials WHERE id = ?", (wallet_id,)).fetchone()[0]
        assert token not in normalized  # kept once, as the original bytes
        assert wallet.get(wallet_id).token == token


def test_json_document_is_stored_once_and_read_back(wallet_home: Path) -> None:
    data = b"\xef\xbb\xbf" + assertion_bytes()  # a byte-order mark, as some editors write
    with _open(wallet_home) as wallet:
        [wallet_id] = wallet.add(parse_bytes(data, source="a.json")).imported
        normalized = wallet._db.execute("SELECT normalized FROM credentials WHERE id = ?", (wallet_id,)).fetchone()[0]
        assert '"document"' not in normalized
        [listed] = wallet.credentials()
        assert listed.document == json.loads(assertion_bytes()) and listed.original_bytes == b""
        assert wallet.get(wallet_id).original_bytes == data


def test_documents_read_back_from_originals_equal_what_was_parsed(wallet_home: Path) -> None:
    """JSON and token files store their document once; reading it back must give exactly what was parsed."""
    from tests.conftest import EXTERNAL, SAMPLE_DATA

    files = sorted(p for p in SAMPLE_DATA.rglob("*") if p.suffix in (".json", ".jwt", ".jws", ".png", ".svg"))
    if EXTERNAL.is_dir():
        files += sorted(p for p in EXTERNAL.rglob("*") if p.suffix in (".json", ".jwt", ".jws"))
    checked = 0
    with _open(wallet_home) as wallet:
        for path in files:
            try:
                parsed = parse_bytes(path.read_bytes(), source=str(path))
            except InputError:
                continue
            outcome = wallet.add(parsed)
            for wallet_id, credential in zip(outcome.ids, parsed, strict=True):
                if wallet_id not in outcome.imported:
                    continue
                stored = wallet.get(wallet_id)
                assert stored.document == credential.document, path
                assert stored.token == credential.token, path
                checked += 1
        listed = {c.wallet_id: c for c in wallet.credentials()}
        for wallet_id, credential in listed.items():
            assert credential.document == wallet.get(wallet_id).document
    assert checked > 20


def test_loaded_credentials_keep_the_stored_order_and_decode_documents_when_read(wallet_home: Path) -> None:
    """Newest first, then by name, undated last: the order SQLite's ORDER BY gives, now sorted in Python."""
    from credwallet.model import Credential, CredentialFormat, Issuer, parse_iso_datetime

    dates = ["2024-05-01T00:00:00Z", None, "2025-01-01T00:00:00Z", "2024-05-01T00:00:00Z", None]
    names = ["b", "a", "c", "a", "Z"]
    with Wallet.open(home=wallet_home) as wallet:
        for index, (date, name) in enumerate(zip(dates, names, strict=True)):
            document = {"id": f"urn:x:{index}", "name": name}
            wallet.add(
                [
                    Credential(
                        format=CredentialFormat.OB2,
                        name=name,
                        issuer=Issuer(name="Issuer"),
                        credential_id=f"urn:x:{index}",
                        issued_on=parse_iso_datetime(date) if date else None,
                        document=document,
                        original_bytes=json.dumps(document).encode(),
                    )
                ]
            )
        loaded = wallet.credentials()
        expected = [
            row[0] for row in wallet.connection().execute("SELECT id FROM credentials ORDER BY issued_on DESC, name")
        ]
        assert [c.wallet_id for c in loaded] == expected
        assert [c.name for c in loaded] == ["c", "a", "b", "Z", "a"]
        assert loaded[0].document == {"id": "urn:x:2", "name": "c"}  # decoded on first read
        assert loaded[0].verification is None

"""Stored verdicts are never trusted across a backup (issue 12 item 3).

A plain backup is readable and writable by anyone who holds the file: its rows (original bytes, status,
saved reports and their cache keys) are claims. Restored credentials are verified again from their own bytes;
the verification cache is keyed with a secret of the wallet that computed it, which no backup carries; a plain
backup carries a checksum that finds accidental damage; and one damaged row never stops `list`, `skills`,
`gap` or `verify --all` for the rest of the wallet.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SAMPLE_DATA
from typer.testing import CliRunner, Result

from credwallet.cli.main import app
from credwallet.errors import InputError
from credwallet.formats.detect import parse_bytes
from credwallet.model import Status
from credwallet.store.backup import backup_document, decode_backup, encode_backup
from credwallet.store.wallet import Wallet
from credwallet.verification import cache_key, verify_wallet

NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
SIGNED = SAMPLE_DATA / "ob3" / "certified-associate-data-analyst.json"


def _cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _signed_path() -> Path:
    return SIGNED


def _wallet_with_verified_credential(home: Path) -> tuple[str, bytes]:
    """A wallet holding one genuinely signed, verified credential (its verdict saved with a cache key)."""
    path = _signed_path()
    with Wallet.open(home=home) as wallet:
        wallet.add_identity("alex.morgan@example.org")
        [wallet_id] = wallet.add(parse_bytes(path.read_bytes(), source=path.name)).ids
        [result] = verify_wallet(wallet, [wallet_id], now=NOW)
        assert result.report.status is Status.VALID, [(c.name, c.detail) for c in result.report.checks]
        assert result.cache_key is not None
        return wallet_id, encode_backup(backup_document(wallet), None)


def _doctored(backup: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The backup as an attacker who edits the plain file would leave it: changed, with its checksum redone."""
    document = json.loads(gzip.decompress(backup))
    change(document)
    document.pop("integrity", None)
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    document["integrity"] = "sha256:" + hashlib.sha256(canonical).hexdigest()
    return gzip.compress(json.dumps(document).encode("utf-8"))


def _tamper_row(document: dict[str, Any]) -> None:
    """Extend the credential's validity in its original bytes, and claim the saved verdict still holds:
    status valid and the saved report's cache key recomputed for the new bytes (with a guessed secret)."""
    [row] = document["credentials"]
    original = json.loads(base64.b64decode(row["original"]))
    original["validUntil"] = "2099-12-31T23:59:59Z"
    original["credentialSubject"]["achievement"]["name"] = "Doctorate in Data Science"
    forged = json.dumps(original).encode("utf-8")
    row["original"] = base64.b64encode(forged).decode("ascii")
    row["name"] = "Doctorate in Data Science"
    row["status"] = "valid"
    saved = json.loads(row["verification"])
    [credential] = parse_bytes(forged, source="forged.json")
    saved["cache"]["key"] = cache_key(credential, ["alex.morgan@example.org"], secret=b"\0" * 32)
    row["verification"] = json.dumps(saved)


def test_a_doctored_plain_backup_never_restores_a_tampered_credential_as_valid(tmp_path: Path) -> None:
    _, backup = _wallet_with_verified_credential(tmp_path / "source")
    forged = tmp_path / "forged.bak"
    forged.write_bytes(_doctored(backup, _tamper_row))
    target = str(tmp_path / "target" / "wallet.db")
    restored = _cli("--wallet", target, "--create", "import", "--backup", str(forged), "--json")
    assert restored.exit_code == 0, restored.output
    listed = json.loads(_cli("--wallet", target, "list", "--json").stdout)
    assert [item["status"] for item in listed] == ["invalid"], listed
    verified = _cli("--wallet", target, "verify", "--all", "--json")
    [report] = json.loads(verified.stdout)
    assert report["status"] == "invalid", report
    assert verified.exit_code == 1


def test_a_restored_verdict_is_computed_again_even_in_the_wallet_that_made_it(tmp_path: Path) -> None:
    """The same wallet (same secret) restoring its own doctored backup: the saved verdict is not taken either."""
    home = tmp_path / "wallet"
    wallet_id, backup = _wallet_with_verified_credential(home)
    with Wallet.open(home=home) as wallet:
        wallet.remove(wallet_id)
    forged = tmp_path / "forged.bak"
    forged.write_bytes(_doctored(backup, _tamper_row))
    assert _cli("--wallet", str(home / "wallet.db"), "import", "--backup", str(forged)).exit_code == 0
    with Wallet.open(home=home) as wallet:
        [summary] = wallet.summaries()
        assert summary.status == "invalid"


def test_a_genuine_backup_restores_as_valid_again(tmp_path: Path) -> None:
    _, backup = _wallet_with_verified_credential(tmp_path / "source")
    (tmp_path / "w.bak").write_bytes(backup)
    target = str(tmp_path / "target" / "wallet.db")
    assert _cli("--wallet", target, "--create", "import", "--backup", str(tmp_path / "w.bak")).exit_code == 0
    listed = json.loads(_cli("--wallet", target, "list", "--json").stdout)
    assert [item["status"] for item in listed] == ["valid"]


def test_the_cache_key_is_bound_to_the_wallet_secret(tmp_path: Path) -> None:
    path = _signed_path()
    [credential] = parse_bytes(path.read_bytes(), source=path.name)
    with Wallet.open(home=tmp_path / "a") as first, Wallet.open(home=tmp_path / "b") as second:
        secret_a, secret_b = first.verdict_secret(), second.verdict_secret()
    assert secret_a and secret_b and secret_a != secret_b and len(secret_a) == 32
    assert cache_key(credential, [], secret=secret_a) != cache_key(credential, [], secret=secret_b)
    assert cache_key(credential, [], secret=secret_a) == cache_key(credential, [], secret=secret_a)
    with Wallet.open(home=tmp_path / "a") as again:
        assert again.verdict_secret() == secret_a  # kept: the cache stays warm across runs


def test_no_backup_carries_the_wallet_secret(tmp_path: Path) -> None:
    home = tmp_path / "wallet"
    _, backup = _wallet_with_verified_credential(home)
    with Wallet.open(home=home) as wallet:
        secret = wallet.verdict_secret()
    assert secret is not None
    plain = gzip.decompress(backup)
    for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
        assert form not in plain


def test_a_plain_backup_carries_a_checksum_that_finds_damage(tmp_path: Path) -> None:
    _, backup = _wallet_with_verified_credential(tmp_path / "source")
    document = json.loads(gzip.decompress(backup))
    assert document["integrity"].startswith("sha256:")
    assert decode_backup(backup, None, source="w.bak")["credentials"]
    document["credentials"][0]["notes"] = "changed by a bad disk"
    damaged = gzip.compress(json.dumps(document).encode("utf-8"))
    with pytest.raises(InputError, match=r"w\.bak: damaged backup: its integrity check fails"):
        decode_backup(damaged, None, source="w.bak")
    document["integrity"] = "sha256:nothex"
    with pytest.raises(InputError, match="integrity check"):
        decode_backup(gzip.compress(json.dumps(document).encode("utf-8")), None, source="w.bak")


# ----------------------------------------------------------------------------------- damaged rows


def _damage(home: Path, column: str, value: Any, wallet_id: str) -> None:
    db = sqlite3.connect(home / "wallet.db")
    with db:
        db.execute(f"UPDATE credentials SET {column} = ? WHERE id = ?", (value, wallet_id))
    db.close()


DAMAGE = [
    ("normalized", "{not json"),
    ("normalized", "[1, 2]"),
    ("verification", "[not json"),
    ("verification", json.dumps({"status": "valid", "cache": {"key": "x", "checks": [{"name": 1}]}})),
    ("user_tags", "not json"),
    ("issued_on", "yesterday"),
    ("expires_on", "tomorrow"),
    ("status", "splendid"),
    ("format", "ob9"),
    ("original", b"\xff\xfe not json"),
    ("schema_errors", "{"),
]


@pytest.mark.parametrize(("column", "value"), DAMAGE, ids=[f"{c}={v!r}"[:40] for c, v in DAMAGE])
def test_one_damaged_row_never_breaks_the_whole_wallet(wallet_home: Path, column: str, value: Any) -> None:
    imported = _cli("import", str(SAMPLE_DATA / "ob3"), "--json")
    assert imported.exit_code == 0, imported.output
    with Wallet.open(home=wallet_home) as wallet:
        ids = sorted(s.id for s in wallet.summaries() if s.parent_id is None)
    assert len(ids) >= 5
    victim = ids[0]
    _damage(wallet_home, column, value, victim)
    for argv in (["list", "--json"], ["skills", "--json"], ["verify", "--all", "--json"], ["list"],
                 ["gap", "--role", "data-analyst", "--json"]):  # fmt: skip
        result = _cli(*argv)
        assert result.exit_code in (0, 1), (argv, result.output)
        assert "internal error" not in result.output, (argv, result.output)
        if argv[-1] == "--json":
            json.loads(result.stdout)
    listed = _cli("list", "--json")
    shown = {item["id"] for item in json.loads(listed.stdout)}
    assert set(ids) - {victim} <= shown
    assert victim in shown or f"warning: credential {victim} is damaged in the wallet" in listed.output
    verified = _cli("verify", "--all", "--json")
    checked = {item["id"] for item in json.loads(verified.stdout)}
    assert set(ids) - {victim} <= checked


def test_a_saved_verdict_is_reused_by_the_wallet_that_made_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The secret binds the cache without disabling it: the next run reuses the signature checks."""
    from credwallet.verify import verifier

    home = tmp_path / "wallet"
    wallet_id, _ = _wallet_with_verified_credential(home)
    real = verifier.verify_credential
    reused: list[bool] = []

    def spy(credential: Any, **options: Any) -> Any:
        reused.append(options.get("cached") is not None)
        return real(credential, **options)

    monkeypatch.setattr(verifier, "verify_credential", spy)
    with Wallet.open(home=home) as wallet:
        [again] = verify_wallet(wallet, [wallet_id], now=NOW)
        assert again.report.status is Status.VALID
        assert reused == [True]
        db = wallet.connection()
        db.execute("UPDATE wallet_secret SET secret = ?", (b"another wallet's secret, 32 byte",))
        db.commit()
        [third] = verify_wallet(wallet, [wallet_id], now=NOW)
    assert reused == [True, False]  # under another secret the saved verdict is not this wallet's: verified again
    assert third.report.status is Status.VALID


# ------------------------------------------------------------------------ fields rebuilt from the bytes


def _rename_row(document: dict[str, Any]) -> None:
    """Keep the genuine signed bytes but show another credential: name, issuer and normalized form."""
    [row] = document["credentials"]
    normalized = json.loads(row["normalized"])
    normalized["name"] = "Doctorate in Data Science"
    row["normalized"] = json.dumps(normalized)
    row["name"] = "Doctorate in Data Science"
    row["issuer_name"] = "Harvard University"
    row["expires_on"] = "2099-12-31T23:59:59Z"
    row["status"] = "valid"


def test_a_genuine_credential_renamed_in_a_backup_restores_as_what_it_is(tmp_path: Path) -> None:
    _, backup = _wallet_with_verified_credential(tmp_path / "source")
    [genuine] = parse_bytes(SIGNED.read_bytes(), source=SIGNED.name)
    forged = tmp_path / "renamed.bak"
    forged.write_bytes(_doctored(backup, _rename_row))
    target = str(tmp_path / "target" / "wallet.db")
    assert _cli("--wallet", target, "--create", "import", "--backup", str(forged)).exit_code == 0
    [item] = json.loads(_cli("--wallet", target, "list", "--json").stdout)
    assert item["name"] == genuine.name != "Doctorate in Data Science"
    assert item["issuer"] != "Harvard University" and item["status"] == "valid"
    shown = json.loads(_cli("--wallet", target, "show", item["id"], "--json").stdout)
    assert "Doctorate" not in json.dumps(shown) and "2099" not in json.dumps(shown)


def test_a_genuine_wallet_backup_is_rebuilt_to_the_same_rows(tmp_path: Path) -> None:
    """Every file-imported credential (OB 2.0 JSON, PNG, SVG, JWS; OB 3.0, VC-JWT, a CLR and its inner
    credentials) parses back to exactly the row the import made: the rebuild changes nothing genuine."""
    from credwallet.restoring import rebuilt_rows

    home = tmp_path / "source"
    with Wallet.open(home=home) as wallet:
        for folder in ("ob2", "ob3"):
            for path in sorted((SAMPLE_DATA / folder).iterdir()):
                if path.suffix in (".json", ".png", ".svg", ".jws", ".jwt"):
                    wallet.add(parse_bytes(path.read_bytes(), source=path.name))
        document = backup_document(wallet)
    rows = document["credentials"]
    assert len(rows) > 25 and any(row["parent_id"] for row in rows)
    assert sorted(rebuilt_rows(rows), key=lambda row: row["id"]) == sorted(rows, key=lambda row: row["id"])


def test_a_clr_restores_with_its_inner_credentials_and_their_notes(tmp_path: Path) -> None:
    clr = SAMPLE_DATA / "ob3" / "riverton-business-analytics-record.clr.json"
    with Wallet.open(home=tmp_path / "source") as wallet:
        wallet.add_identity("alex.morgan@example.org")
        ids = wallet.add(parse_bytes(clr.read_bytes(), source=clr.name)).ids
        wallet.set_note(ids[1], "my capstone")
        document = backup_document(wallet)
    for row in document["credentials"]:
        if row["parent_id"]:  # a doctored inner credential: its fields come back from the CLR's bytes
            row["name"] = "Forged inner credential"
    (tmp_path / "clr.bak").write_bytes(_doctored(encode_backup(document, None), lambda d: None))
    target = str(tmp_path / "target" / "wallet.db")
    assert _cli("--wallet", target, "--create", "import", "--backup", str(tmp_path / "clr.bak")).exit_code == 0
    with Wallet.open(Path(target), home=tmp_path / "target") as restored:
        rows = {c.wallet_id: c for c in restored.credentials()}
    assert set(rows) == set(ids)
    assert rows[ids[1]].notes == "my capstone"
    assert all(c.name != "Forged inner credential" for c in rows.values())
    assert all(rows[i].parent_id == ids[0] for i in ids[1:])


def test_damaged_stored_skill_claims_are_extracted_again(wallet_home: Path) -> None:
    assert _cli("import", str(SAMPLE_DATA / "ob3"), "--json").exit_code == 0
    before = _cli("skills", "--json")
    assert before.exit_code == 0, before.output
    db = sqlite3.connect(wallet_home / "wallet.db")
    with db:
        assert db.execute("UPDATE skill_claims SET claims = '1,2' WHERE rowid = 1").rowcount == 1
        db.execute("UPDATE skill_claims SET claims = '{not json' WHERE rowid = 2")
    db.close()
    after = _cli("skills", "--json")
    assert after.exit_code == 0 and "damaged" not in after.output, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_a_baked_badge_whose_bytes_were_spoiled_in_a_backup_verifies_as_nothing(tmp_path: Path) -> None:
    """A PNG badge keeps its issued credential in its normalized form; a backup that spoils the PNG's bytes
    (so they cannot be parsed again) and renames the row must not get the kept copy verified under the new name."""
    png = SAMPLE_DATA / "ob3" / "data-ethics-privacy.png"
    with Wallet.open(home=tmp_path / "source") as wallet:
        wallet.add_identity("alex.morgan@example.org")
        wallet.add(parse_bytes(png.read_bytes(), source=png.name))
        backup = encode_backup(backup_document(wallet), None)

    def spoil(document: dict[str, Any]) -> None:
        [row] = document["credentials"]
        row["original"] = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 64).decode("ascii")
        row["name"] = "Doctorate in Data Science"

    (tmp_path / "spoiled.bak").write_bytes(_doctored(backup, spoil))
    target = str(tmp_path / "target" / "wallet.db")
    assert _cli("--wallet", target, "--create", "import", "--backup", str(tmp_path / "spoiled.bak")).exit_code == 0
    [item] = json.loads(_cli("--wallet", target, "list", "--json").stdout)
    assert item["status"] in ("invalid", "unverified"), item

"""Who vouches for the issuer: a did:key issuer's name is self-asserted (the key check says so), and the
learner's own trust list (`credwallet trust add/list/remove`) marks credentials from issuers they recognise."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from credwallet.verify.signing import sign_data_integrity
from tests.cli.sample_wallet import json_out
from tests.verify.helpers import ISSUER_DID, ISSUER_KEY, ob3_document

Cli = Callable[..., Result]


def badge(tmp_path: Path) -> Path:
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(sign_data_integrity(ob3_document(), ISSUER_KEY)))
    return path


def verified(cli: Cli) -> dict[str, Any]:
    [item] = json_out(cli("verify", "--all", "--json"))
    return item  # type: ignore[no-any-return]


def check(item: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [c for c in item["checks"] if c["name"] == name]


def test_a_did_key_issuers_name_is_self_asserted(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(badge(tmp_path)))
    item = verified(cli)
    assert item["status"] == "valid"
    [key] = check(item, "key")
    assert "its name 'Example Data School' is self-asserted" in key["detail"]
    assert check(item, "issuer") == []  # no trust list yet: nothing to judge by


def test_trust_add_list_remove_and_verify_marks_the_issuer(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(badge(tmp_path)))
    [row] = json_out(cli("list", "--json"))
    added = json_out(cli("trust", "add", row["id"], "--json"))  # by a credential it issued
    assert added["issuer_id"] == ISSUER_DID and added["name"] == "Example Data School"
    assert [e["issuer_id"] for e in json_out(cli("trust", "list", "--json"))] == [ISSUER_DID]
    [line] = check(verified(cli), "issuer")
    assert line["status"] == "passed" and "on your trust list" in line["detail"]
    assert verified(cli)["status"] == "valid"
    other = "https://university.example/issuer"
    cli("trust", "add", other, "--name", "University")
    cli("trust", "remove", ISSUER_DID)
    [line] = check(verified(cli), "issuer")
    assert line["status"] == "skipped" and f"credwallet trust add {ISSUER_DID}" in line["detail"]
    assert verified(cli)["status"] == "valid"  # trust is the learner's word, never the verdict
    missing = cli("trust", "remove", ISSUER_DID)
    assert missing.exit_code == 1 and "not on your trust list" in missing.stderr


def test_trust_add_refuses_what_is_neither_an_issuer_nor_a_credential(cli: Cli) -> None:
    result = cli("trust", "add", "not an issuer")
    assert result.exit_code == 2 and "neither an issuer id" in result.stderr

"""CLR 2.0: the ClrCredential first, then each inner credential linked to it; associations kept."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from credwallet.errors import InputError
from credwallet.formats import clr
from credwallet.model import Container, CredentialFormat
from tests.formats.ob3.conftest import clr_document, credential, make_jwt

ARGS: dict[str, Any] = {"container": Container.JSON, "original_bytes": b"{clr}", "source": "transcript.json"}


def test_clr_then_inner_credentials() -> None:
    inner_jwt = make_jwt({"vc": credential(id="urn:uuid:jwt-inner")})
    found = clr.parse_clr(clr_document(credential(), inner_jwt), **ARGS)
    assert [c.format for c in found] == [CredentialFormat.CLR, CredentialFormat.OB3, CredentialFormat.OB3_JWT]
    record = found[0]
    assert record.name == "Transcript of Ada"
    assert record.container is Container.JSON and record.original_bytes == b"{clr}"
    assert record.extension["clr"]["inner_credentials"] == 2
    assert record.extension["clr"]["associations"] == [
        {"association_type": "isParentOf", "source_id": "urn:a", "target_id": "urn:b"}
    ]
    for inner in found[1:]:
        assert inner.container is Container.CLR
        assert inner.extension["clr_id"] == "https://school.example.org/clr/42"
        assert inner.name == "SQL Fundamentals"
    assert found[2].token == inner_jwt


def test_duplicate_inner_credentials_once() -> None:
    found = clr.parse_clr(clr_document(credential(), credential(), credential(id="urn:two")), **ARGS)
    assert [c.credential_id for c in found[1:]] == [credential()["id"], "urn:two"]
    assert found[0].extension["clr"]["inner_credentials"] == 3


def test_path_like_ids_are_only_strings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ids = ["../../x", "..\\..\\windows\\system32", "/etc/passwd", "file:///etc/passwd"]
    document = clr_document(*(credential(id=i) for i in ids), id="../../clr")
    found = clr.parse_clr(document, **ARGS)
    assert [c.credential_id for c in found] == ["../../clr", *ids]
    assert all(c.extension["clr_id"] == "../../clr" for c in found[1:])
    assert os.listdir(tmp_path) == []


def test_vc_1_1_clr_fixture_with_schema(external: Path) -> None:
    from credwallet.safejson import loads_strict

    data = (external / "clr/1edtech-validator/simple_v1.json").read_bytes()
    found = clr.parse_clr(loads_strict(data, source="simple_v1.json"), **{**ARGS, "original_bytes": data})
    assert found[0].format is CredentialFormat.CLR and found[0].original_bytes == data
    assert found[0].extension["vc_version"] == "1.1"
    assert len(found[0].extension["clr"]["associations"]) > 0
    assert len(found) == 7


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (credential(), "not a CLR"),
        (clr_document(clr_document(credential())), "a CLR inside a CLR"),
        (clr_document(**{"@context": ["https://example.org/ctx"]}), r"@context\[0\]"),
    ],
)
def test_rejections(document: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        clr.parse_clr(document, **ARGS)


def test_is_clr() -> None:
    assert clr.is_clr(clr_document())
    assert not clr.is_clr(credential())
    assert not clr.is_clr("ClrCredential")

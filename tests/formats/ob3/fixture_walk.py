"""Classify one external fixture file the way import will: imported (with its credentials) or rejected."""

from __future__ import annotations

from pathlib import Path

from credwallet.errors import InputError
from credwallet.formats import clr, ob3, vc_jwt
from credwallet.formats.jwt import decode_compact_jws, looks_like_compact_jws
from credwallet.model import Container, Credential
from credwallet.safejson import loads_strict

# Folders of ../shared/fixtures/external/ that hold OB 3.0, VC and CLR examples.
FOLDERS = ("ob3", "clr", "vc-di-eddsa", "hostile/ob3-1edtech-validator")
BAKED_SUFFIXES = (".png", ".svg")


def fixture_files(external: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (external / folder).rglob("*") if p.is_file())


def parse_fixture(path: Path, source: str) -> list[Credential]:
    """Mirror of the importer's routing for JSON and token files (baked images are the lead's)."""
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace").strip()
    if text.startswith(("{", "[")):
        document = loads_strict(data, source=source)
        if not ob3.looks_like_vc(document):
            raise InputError(f"{source}: not a credential (no VC context or type)")
        if clr.is_clr(document):
            return clr.parse_clr(document, container=Container.JSON, original_bytes=data, source=source)
        return ob3.parse_vc(document, container=Container.JSON, original_bytes=data, source=source)
    if looks_like_compact_jws(text):
        decoded = decode_compact_jws(text, source=source)
        return vc_jwt.parse_vc_jwt(decoded, container=Container.JWS, original_bytes=data, source=source)
    raise InputError(f"{source}: not a credential (neither JSON nor a compact JWS)")


def classify(path: Path, external: Path) -> str:
    """'imported N: fmt,fmt' or 'rejected: reason' (the reason without the file name)."""
    source = path.relative_to(external).as_posix()
    try:
        found = parse_fixture(path, source)
    except InputError as exc:
        return "rejected: " + exc.message.removeprefix(f"{source}: ")
    return f"imported {len(found)}: " + ",".join(c.format.value for c in found)

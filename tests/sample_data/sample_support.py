"""Paths and independent readers for the sample carriers (not the product's parsers: a second opinion)."""

from __future__ import annotations

import base64
import json
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
SAMPLE_DIR = REPO / "sample_data"
SHARED_DATA = REPO / ".." / "shared" / "data"

if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))


def strict_json(raw: bytes) -> Any:
    """Parse JSON the way the importer must: UTF-8 once, duplicate keys and NaN/Infinity rejected."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate keys in {keys}")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"non-finite number {name}")

    return json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates, parse_constant=no_constants)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "http://www.w3.org/2000/svg"
OPENBADGES_NS = "http://openbadges.org"


@dataclass
class PngChunk:
    type: bytes
    data: bytes
    crc_ok: bool


def png_chunks(raw: bytes) -> list[PngChunk]:
    """Every chunk of a PNG, with whether its CRC matches; raises on a truncated file."""
    if not raw.startswith(PNG_SIGNATURE):
        raise ValueError("no PNG signature")
    chunks = []
    offset = len(PNG_SIGNATURE)
    while offset < len(raw):
        (length,) = struct.unpack(">I", raw[offset : offset + 4])
        chunk_type = raw[offset + 4 : offset + 8]
        data = raw[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", raw[offset + 8 + length : offset + 12 + length])
        if len(data) != length:
            raise ValueError("truncated chunk")
        chunks.append(PngChunk(chunk_type, data, zlib.crc32(chunk_type + data) & 0xFFFFFFFF == crc))
        offset += 12 + length
    return chunks


def openbadges_chunks(chunks: list[PngChunk]) -> list[tuple[bool, str]]:
    """(compressed?, text) of each text chunk whose keyword is `openbadges` (iTXt, tEXt or zTXt)."""
    found = []
    for chunk in chunks:
        if chunk.type not in (b"iTXt", b"tEXt", b"zTXt"):
            continue
        keyword, _, rest = chunk.data.partition(b"\x00")
        if keyword != b"openbadges":
            continue
        if chunk.type == b"tEXt":
            found.append((False, rest.decode("latin-1")))
        elif chunk.type == b"zTXt":
            found.append((True, zlib.decompress(rest[1:]).decode("latin-1")))
        else:
            flag, method = rest[0], rest[1]
            assert method == 0
            _language, _, rest = rest[2:].partition(b"\x00")
            _translated, _, text = rest.partition(b"\x00")
            found.append((flag == 1, (zlib.decompress(text) if flag == 1 else text).decode("utf-8")))
    return found


def svg_assertion(raw: bytes) -> tuple[str | None, str, str]:
    """(verify attribute, CDATA text, first child's tag) of a baked SVG, parsed with defusedxml."""
    from defusedxml import ElementTree

    root = ElementTree.fromstring(raw)
    assert root.tag == f"{{{SVG_NS}}}svg"
    first = root[0]
    return first.get("verify"), first.text or "", first.tag


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def jws_parts(token: str) -> tuple[dict[str, Any], dict[str, Any], bytes, bytes]:
    """(header, payload, signing input, signature) of a compact JWS."""
    header, payload, signature = token.split(".")
    return (
        strict_json(b64url_decode(header)),
        strict_json(b64url_decode(payload)),
        f"{header}.{payload}".encode("ascii"),
        b64url_decode(signature),
    )


def assertion_of(path: str, raw: bytes) -> dict[str, Any]:
    """The assertion a sample file carries, whatever its carrier."""
    if path.endswith(".json"):
        document: dict[str, Any] = strict_json(raw)
    elif path.endswith(".png"):
        ((_compressed, text),) = openbadges_chunks(png_chunks(raw))
        document = strict_json(text.encode("utf-8"))
    elif path.endswith(".svg"):
        _verify, text, _tag = svg_assertion(raw)
        document = strict_json(text.encode("utf-8"))
    elif path.endswith(".jws"):
        _header, document, _input, _signature = jws_parts(raw.decode("ascii"))
    else:
        raise ValueError(f"unknown carrier: {path}")
    return document

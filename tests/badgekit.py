"""Small builders for test badges: an OB 2.0 assertion and PNG/SVG carriers, malformed on request."""

from __future__ import annotations

import copy
import hashlib
import json
import struct
import zlib
from typing import Any

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

ASSERTION: dict[str, Any] = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://badges.example.org/assertions/1001",
    "recipient": {
        "type": "email",
        "hashed": True,
        "salt": "pepper",
        "identity": "sha256$" + hashlib.sha256(b"learner@example.org" + b"pepper").hexdigest(),
    },
    "issuedOn": "2025-03-14T09:00:00Z",
    "expires": "2028-03-14T09:00:00Z",
    "verification": {"type": "hosted"},
    "badge": {
        "type": "BadgeClass",
        "id": "https://badges.example.org/classes/sql-101",
        "name": "SQL Fundamentals",
        "description": "Writes SELECT queries with joins and aggregates.",
        "image": "https://badges.example.org/images/sql.png",
        "criteria": {"narrative": "Pass the final SQL assessment with 80% or more."},
        "tags": ["sql", "databases"],
        "alignment": [
            {
                "targetName": "SQL",
                "targetUrl": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742",
                "targetFramework": "ESCO",
            }
        ],
        "issuer": {
            "type": "Issuer",
            "id": "https://badges.example.org/issuer.json",
            "name": "Example Data School",
            "url": "https://badges.example.org",
        },
    },
}


def assertion(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(ASSERTION)
    document.update(changes)
    return document


def assertion_bytes(**changes: Any) -> bytes:
    return json.dumps(assertion(**changes)).encode("utf-8")


def chunk(chunk_type: bytes, body: bytes, *, crc: int | None = None) -> bytes:
    value = zlib.crc32(chunk_type + body) if crc is None else crc
    return struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", value)


def png(*extra_chunks: bytes, end: bool = True) -> bytes:
    """A valid 1x1 PNG with `extra_chunks` inserted before IEND."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
    tail = chunk(b"IEND", b"") if end else b""
    return PNG_SIGNATURE + header + pixels + b"".join(extra_chunks) + tail


def itxt(text: str | bytes, *, keyword: bytes = b"openbadges", compressed: bool = False) -> bytes:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    body = zlib.compress(raw) if compressed else raw
    return chunk(b"iTXt", keyword + b"\x00" + bytes([int(compressed), 0]) + b"\x00\x00" + body)


def text_chunk(text: str, *, keyword: bytes = b"openbadges") -> bytes:
    return chunk(b"tEXt", keyword + b"\x00" + text.encode("latin-1"))


def svg(inner: str, *, namespace: str = "http://openbadges.org", prolog: str = "") -> bytes:
    return (
        f'{prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{namespace}" viewBox="0 0 10 10">'
        f'{inner}<circle cx="5" cy="5" r="4"/></svg>'
    ).encode()

"""Wrap fuzzed content in the carriers badges arrive in (PNG chunks with valid CRCs, SVG, compact JWS, gzip),
so mutations reach the parsers behind the container instead of dying at its checksum."""

from __future__ import annotations

import base64
import gzip
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IHDR = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
_IDAT = zlib.compress(b"\x00\x00\x00\x00\x00")


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def text_chunk(mode: int, payload: bytes) -> bytes:
    """Mode 0: iTXt `openbadges`; 1: compressed iTXt `openbadgecredential`; 2: tEXt; 3: zTXt."""
    if mode == 0:
        return png_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + payload)
    if mode == 1:
        return png_chunk(b"iTXt", b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(payload))
    if mode == 2:
        return png_chunk(b"tEXt", b"openbadges\x00" + payload)
    return png_chunk(b"zTXt", b"openbadges\x00\x00" + zlib.compress(payload))


def baked_png(mode: int, payload: bytes) -> bytes:
    """A minimal valid PNG carrying `payload` in one text chunk."""
    return b"".join(
        (
            PNG_SIGNATURE,
            png_chunk(b"IHDR", _IHDR),
            text_chunk(mode % 4, payload),
            png_chunk(b"IDAT", _IDAT),
            png_chunk(b"IEND", b""),
        )
    )


SVG_ENCODINGS = ("UTF-8", "utf-8", "ISO-8859-1", "windows-1252", "US-ASCII", "UTF-16", "UTF-7", "UTF-5", "UTF-32")


def baked_svg(mode: int, payload: bytes) -> bytes:
    """Mode 0: CDATA `openbadges:assertion`; 1: `verify` attribute; 2: OB 3.0 `openbadges:credential`; 3: a
    declared encoding chosen by the payload's first byte."""
    namespace = b"https://purl.imsglobal.org/ob/v3p0" if mode == 2 else b"http://openbadges.org"
    element = b"credential" if mode == 2 else b"assertion"
    prolog = b'<?xml version="1.0" encoding="UTF-8"?>'
    if mode == 3 and payload:
        prolog = b'<?xml version="1.0" encoding="%s"?>' % SVG_ENCODINGS[payload[0] % len(SVG_ENCODINGS)].encode()
        payload = payload[1:]
    if mode == 1:
        quoted = payload.replace(b"&", b"&amp;").replace(b'"', b"&quot;").replace(b"<", b"&lt;")
        inner = b'<openbadges:%s verify="%s"/>' % (element, quoted)
    else:
        inner = b"<openbadges:%s><![CDATA[%s]]></openbadges:%s>" % (element, payload, element)
    return (
        prolog
        + b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="%s" viewBox="0 0 10 10">' % namespace
        + inner
        + b'<circle cx="5" cy="5" r="4"/></svg>'
    )


def b64url(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def compact_jws(header: bytes, payload: bytes, signature: bytes = b"\x01" * 64) -> bytes:
    return b".".join((b64url(header), b64url(payload), b64url(signature)))


def split_token(token: bytes) -> tuple[bytes, bytes] | None:
    """(header JSON, payload JSON) of a compact JWS, for seeds in the structured form; None if not one."""
    parts = token.strip().split(b".")
    if len(parts) != 3:
        return None
    try:
        decoded = [base64.urlsafe_b64decode(part + b"=" * (-len(part) % 4)) for part in parts[:2]]
    except ValueError:
        return None
    return decoded[0], decoded[1]


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)

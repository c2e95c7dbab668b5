"""Badge images a report may embed: raster files only, checked and stripped of metadata.

The page loads nothing remote, so an image is embedded as a data: URI or not shown at all. Only PNG, JPEG,
GIF and WebP are accepted, sniffed from their bytes (the declared type is not trusted). Each is rewritten
keeping only what draws the picture: text chunks, EXIF, XMP and comments go, so a baked badge's assertion
(which may name the recipient's e-mail) or a photo's GPS position never reaches the page. SVG is never
embedded: a sanitizer is a larger attack surface than a missing picture is a loss, and the card falls back
to a drawn monogram.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

# One badge image in the page, after cleaning; real badge images are tens of kilobytes.
MAX_IMAGE_BYTES = 256 * 1024
# Width and height at most this: a tiny file declaring a huge canvas would make the browser allocate it.
MAX_IMAGE_SIDE = 4096
# A data: URI longer than this is not decoded at all (base64 of MAX_IMAGE_BYTES plus room for metadata).
MAX_DATA_URI_CHARS = 2 * 1024 * 1024

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# What draws a PNG (and its colour); text, time, EXIF, animation and private chunks are dropped.
_PNG_KEEP = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs"})
# JPEG markers with no length field.
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
# JPEG segments kept before the scan: tables, frame headers, restart interval, JFIF (APP0) and Adobe (APP14).
_JPEG_KEEP = frozenset({0xC4, 0xDB, 0xDD, 0xCC, 0xE0, 0xEE, *range(0xC0, 0xC4), *range(0xC5, 0xC8),
                        *range(0xC9, 0xCC), *range(0xCD, 0xD0)})  # fmt: skip
_JPEG_FRAMES = frozenset({*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)})
_WEBP_KEEP = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})


@dataclass(frozen=True, slots=True)
class CleanImage:
    """A raster image fit to embed: its MIME type, cleaned bytes and pixel size."""

    mime: str
    data: bytes
    width: int
    height: int

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def image_from_data_uri(uri: str) -> CleanImage | None:
    """The raster inside a base64 data: URI, cleaned; None for anything else (SVG, URLs, broken data)."""
    if len(uri) > MAX_DATA_URI_CHARS or uri[:5].lower() != "data:":
        return None
    header, comma, payload = uri.partition(",")
    if not comma or not header.lower().endswith(";base64"):
        return None
    try:
        raw = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return clean_raster(raw)


def clean_raster(raw: bytes) -> CleanImage | None:
    """Sniff, check and strip a raster image; None when it is not one we can vouch for."""
    try:
        if raw.startswith(PNG_SIGNATURE):
            cleaned = _clean_png(raw)
        elif raw.startswith(b"\xff\xd8\xff"):
            cleaned = _clean_jpeg(raw)
        elif raw[:6] in (b"GIF87a", b"GIF89a"):
            cleaned = _clean_gif(raw)
        elif raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
            cleaned = _clean_webp(raw)
        else:
            return None
    except (IndexError, struct.error, ValueError):
        return None
    if cleaned is None:
        return None
    mime, data, width, height = cleaned
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE) or len(data) > MAX_IMAGE_BYTES:
        return None
    return CleanImage(mime, data, width, height)


_Cleaned = tuple[str, bytes, int, int] | None


def _clean_png(raw: bytes) -> _Cleaned:
    position = len(PNG_SIGNATURE)
    kept = [PNG_SIGNATURE]
    width = height = 0
    seen_data = False
    while position + 12 <= len(raw):
        (length,) = struct.unpack(">I", raw[position : position + 4])
        kind = raw[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(raw):
            return None
        if position == len(PNG_SIGNATURE):
            if kind != b"IHDR" or length != 13:
                return None
            width, height = struct.unpack(">II", raw[position + 8 : position + 16])
        if kind in _PNG_KEEP:
            kept.append(raw[position:end])
            seen_data = seen_data or kind == b"IDAT"
        position = end
        if kind == b"IEND":
            return ("image/png", b"".join(kept), width, height) if seen_data else None
    return None


def _clean_jpeg(raw: bytes) -> _Cleaned:
    position = 2
    kept = [b"\xff\xd8"]
    width = height = 0
    while position + 4 <= len(raw):
        if raw[position] != 0xFF:
            return None
        marker = raw[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _JPEG_STANDALONE:
            kept.append(raw[position : position + 2])
            position += 2
            continue
        (length,) = struct.unpack(">H", raw[position + 2 : position + 4])
        end = position + 2 + length
        if length < 2 or end > len(raw):
            return None
        if marker == 0xDA:  # start of scan: the rest is image data up to the end-of-image marker
            finish = raw.find(b"\xff\xd9", end)
            if finish < 0 or not width:
                return None
            kept.append(raw[position : finish + 2])
            return "image/jpeg", b"".join(kept), width, height
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", raw[position + 5 : position + 9])
        if marker in _JPEG_KEEP or (marker == 0xE2 and raw[position + 4 : position + 16] == b"ICC_PROFILE\x00"):
            kept.append(raw[position:end])
        position = end
    return None


def _skip_sub_blocks(raw: bytes, position: int) -> int:
    while True:
        size = raw[position]
        position += 1 + size
        if size == 0:
            return position


def _clean_gif(raw: bytes) -> _Cleaned:
    width, height, flags = struct.unpack("<HHB", raw[6:11])
    position = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    kept = [raw[:position]]
    frames = 0
    while position < len(raw):
        introducer = raw[position]
        if introducer == 0x3B:  # trailer
            kept.append(b"\x3b")
            return ("image/gif", b"".join(kept), width, height) if frames else None
        if introducer == 0x2C:  # image descriptor, optional local colour table, LZW code size, data
            local = raw[position + 9]
            start = position
            position += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            position = _skip_sub_blocks(raw, position)
            kept.append(raw[start:position])
            frames += 1
        elif introducer == 0x21:
            label = raw[position + 1]
            start = position
            position = _skip_sub_blocks(raw, position + 2)
            netscape_loop = label == 0xFF and raw[start + 3 : start + 14] == b"NETSCAPE2.0"
            if label == 0xF9 or netscape_loop:  # graphic control; the loop count
                kept.append(raw[start:position])
        else:
            return None
    return None


def _clean_webp(raw: bytes) -> _Cleaned:
    position = 12
    chunks: list[bytes] = []
    width = height = 0
    while position + 8 <= len(raw):
        kind = raw[position : position + 4]
        (size,) = struct.unpack("<I", raw[position + 4 : position + 8])
        end = position + 8 + size + (size & 1)
        if position + 8 + size > len(raw):
            return None
        body = raw[position + 8 : position + 8 + size]
        if kind == b"VP8X":
            body = bytes([body[0] & ~0x0C]) + body[1:]  # no EXIF or XMP follows
            width = 1 + int.from_bytes(body[4:7], "little")
            height = 1 + int.from_bytes(body[7:10], "little")
        elif kind == b"VP8L" and not width:
            bits = int.from_bytes(body[1:5], "little")
            width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
        elif kind == b"VP8 " and not width:
            if body[3:6] != b"\x9d\x01\x2a":
                return None
            width = int.from_bytes(body[6:8], "little") & 0x3FFF
            height = int.from_bytes(body[8:10], "little") & 0x3FFF
        if kind in _WEBP_KEEP:
            chunks.append(kind + struct.pack("<I", size) + body + (b"\x00" if size & 1 else b""))
        position = end
    if not chunks:
        return None
    payload = b"WEBP" + b"".join(chunks)
    return "image/webp", b"RIFF" + struct.pack("<I", len(payload)) + payload, width, height

"""Deterministic PNG writing for the sample badges: a pure-Python deflate, chunk helpers, a badge drawing.

zlib's output differs between zlib, zlib-ng and future versions, so a byte-for-byte regeneration test
would break on some machines; this small fixed-Huffman encoder gives the same bytes everywhere and any
inflater reads it. Demo and benchmark data only: nothing here is part of the installed product.
"""

from __future__ import annotations

import struct
import zlib
from functools import cache

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# RFC 1951 §3.2.5: base values and extra bits of the length codes 257..285 and distance codes 0..29.
_LENGTH_BASES = (3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                 131, 163, 195, 227, 258)  # fmt: skip
_LENGTH_EXTRA = (0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0)
_DIST_BASES = (1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577)  # fmt: skip
_DIST_EXTRA = (
    0,
    0,
    0,
    0,
    1,
    1,
    2,
    2,
    3,
    3,
    4,
    4,
    5,
    5,
    6,
    6,
    7,
    7,
    8,
    8,
    9,
    9,
    10,
    10,
    11,
    11,
    12,
    12,
    13,
    13,
)
_WINDOW = 32768
_MAX_MATCH = 258
_CANDIDATES = 8  # positions remembered per 3-byte prefix: enough for badge art and JSON text


def _reverse_bits(code: int, width: int) -> int:
    result = 0
    for _ in range(width):
        result = (result << 1) | (code & 1)
        code >>= 1
    return result


@cache
def _fixed_tables() -> tuple[list[tuple[int, int]], list[tuple[int, int, int, int]], list[int]]:
    """Bit-reversed fixed Huffman codes (RFC 1951 §3.2.6), and length lookups, computed once."""
    literal_codes: list[tuple[int, int]] = []
    for symbol in range(288):
        if symbol < 144:
            code, width = 0x30 + symbol, 8
        elif symbol < 256:
            code, width = 0x190 + symbol - 144, 9
        elif symbol < 280:
            code, width = symbol - 256, 7
        else:
            code, width = 0xC0 + symbol - 280, 8
        literal_codes.append((_reverse_bits(code, width), width))
    length_codes: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)] * 3
    for length in range(3, _MAX_MATCH + 1):
        index = max(i for i, base in enumerate(_LENGTH_BASES) if base <= length)
        code, width = literal_codes[257 + index]
        length_codes.append((code, width, length - _LENGTH_BASES[index], _LENGTH_EXTRA[index]))
    distance_codes = [_reverse_bits(code, 5) for code in range(30)]
    return literal_codes, length_codes, distance_codes


def _distance_index(distance: int) -> int:
    low, high = 0, len(_DIST_BASES) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if _DIST_BASES[middle] <= distance:
            low = middle
        else:
            high = middle - 1
    return low


def deflate_fixed(data: bytes) -> bytes:
    """Raw deflate (one fixed-Huffman block, greedy LZ77): identical bytes on every platform."""
    literal_codes, length_codes, distance_codes = _fixed_tables()
    out = bytearray()
    accumulator = 0
    bit_count = 0

    def emit(value: int, width: int) -> None:
        nonlocal accumulator, bit_count
        accumulator |= value << bit_count
        bit_count += width
        while bit_count >= 8:
            out.append(accumulator & 0xFF)
            accumulator >>= 8
            bit_count -= 8

    emit(1, 1)  # BFINAL
    emit(1, 2)  # BTYPE = 01, fixed Huffman
    recent: dict[bytes, list[int]] = {}
    size = len(data)
    position = 0
    while position < size:
        best_length = 0
        best_distance = 0
        if position + 3 <= size:
            key = data[position : position + 3]
            limit = min(_MAX_MATCH, size - position)
            for candidate in reversed(recent.get(key, ())):
                distance = position - candidate
                if distance > _WINDOW:
                    break
                length = 3
                while length < limit and data[candidate + length] == data[position + length]:
                    length += 1
                if length > best_length:
                    best_length, best_distance = length, distance
                    if length == limit:
                        break
        step = best_length if best_length >= 3 else 1
        for offset in range(step):
            start = position + offset
            if start + 3 <= size:
                chain = recent.setdefault(data[start : start + 3], [])
                chain.append(start)
                if len(chain) > _CANDIDATES:
                    del chain[0]
        if best_length >= 3:
            code, width, extra_value, extra_width = length_codes[best_length]
            emit(code, width)
            if extra_width:
                emit(extra_value, extra_width)
            index = _distance_index(best_distance)
            emit(distance_codes[index], 5)
            if _DIST_EXTRA[index]:
                emit(best_distance - _DIST_BASES[index], _DIST_EXTRA[index])
        else:
            code, width = literal_codes[data[position]]
            emit(code, width)
        position += step
    code, width = literal_codes[256]  # end of block
    emit(code, width)
    if bit_count:
        out.append(accumulator & 0xFF)
    return bytes(out)


def zlib_fixed(data: bytes) -> bytes:
    """A zlib stream (RFC 1950) around `deflate_fixed`, as PNG IDAT and compressed iTXt require."""
    return b"\x78\x01" + deflate_fixed(data) + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)


def png_chunk(chunk_type: bytes, payload: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC-32 over type and data."""
    crc = zlib.crc32(chunk_type + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + chunk_type + payload + struct.pack(">I", crc)


def itxt_payload(keyword: str, text: str, compressed: bool) -> bytes:
    """An iTXt chunk body (PNG spec §11.3.4.5): keyword, flags, empty language and translated keyword."""
    encoded = text.encode("utf-8")
    body = zlib_fixed(encoded) if compressed else encoded
    flag = b"\x01" if compressed else b"\x00"
    return keyword.encode("latin-1") + b"\x00" + flag + b"\x00" + b"\x00" + b"\x00" + body


def bake_png(png: bytes, keyword: str, text: str, compressed: bool = False) -> bytes:
    """Insert an iTXt chunk just before IEND, the place the Open Badges baking spec uses."""
    iend = png_chunk(b"IEND", b"")
    if not png.startswith(PNG_SIGNATURE) or not png.endswith(iend):
        raise ValueError("not a PNG ending with a plain IEND chunk")
    return png[: -len(iend)] + png_chunk(b"iTXt", itxt_payload(keyword, text, compressed)) + iend


def encode_rgba_png(width: int, height: int, rows: list[bytes]) -> bytes:
    """A truecolour-with-alpha PNG (colour type 6, 8 bits) from raw RGBA rows, filter type 0."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        PNG_SIGNATURE
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib_fixed(raw))
        + png_chunk(b"IEND", b"")
    )


def _mix(base: tuple[int, int, int], other: tuple[int, int, int], share: int, total: int) -> tuple[int, ...]:
    return tuple((b * (total - share) + o * share) // total for b, o in zip(base, other, strict=True))


@cache
def draw_badge_png(
    colour: tuple[int, int, int], size: int = 128, bars: tuple[int, int, int] = (2, 4, 3)
) -> bytes:
    """A round badge: a dark ring, a coloured disc and three white bars (a small bar chart), anti-aliased.

    Integer arithmetic only (4x4 supersampling), so the same arguments give the same bytes anywhere.
    """
    dark = _mix(colour, (0, 0, 0), 2, 5)
    white = (255, 255, 255)
    samples = 4
    scale = size * samples
    centre = scale // 2
    outer = (scale // 2 - samples) ** 2
    inner = (scale * 42 // 100) ** 2
    bar_width = scale // 9
    bar_gap = scale // 18
    bar_left = centre - (3 * bar_width + 2 * bar_gap) // 2
    bar_base = centre + scale // 5
    bar_unit = scale // 12

    def sample_colour(x: int, y: int) -> tuple[int, ...] | None:
        distance = (x - centre) ** 2 + (y - centre) ** 2
        if distance > outer:
            return None
        if distance > inner:
            return dark
        for index, height in enumerate(bars):
            left = bar_left + index * (bar_width + bar_gap)
            if left <= x < left + bar_width and bar_base - height * bar_unit <= y < bar_base:
                return white
        return colour

    rows: list[bytes] = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            totals = [0, 0, 0]
            covered = 0
            for sy in range(samples):
                for sx in range(samples):
                    found = sample_colour(px * samples + sx, py * samples + sy)
                    if found is not None:
                        covered += 1
                        for channel in range(3):
                            totals[channel] += found[channel]
            if covered:
                row += bytes(totals[channel] // covered for channel in range(3))
                row.append(covered * 255 // (samples * samples))
            else:
                row += b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    return encode_rgba_png(size, size, rows)

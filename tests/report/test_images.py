"""Badge images: only rasters we can parse are embedded, and only the parts that draw the picture."""

from __future__ import annotations

import base64
import struct

import pytest

from credwallet.report.images import MAX_IMAGE_SIDE, clean_raster, image_from_data_uri
from tests.report.test_safety import png_chunk, tiny_png

SECRET = b"alex.morgan@example.org GPS 51.5N"


def jpeg_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def synthetic_jpeg(*extra: bytes, width: int = 3, height: int = 2) -> bytes:
    """A JPEG's segment structure (the scan bytes are not a real picture: the cleaner never decodes them)."""
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8"
        + jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + b"".join(extra)
        + jpeg_segment(0xDB, b"\x00" + bytes(64))
        + jpeg_segment(0xC0, frame)
        + jpeg_segment(0xC4, b"\x00" + bytes(16) + b"\x00")
        + jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x12\x34\xff\x00\x56"
        + b"\xff\xd9"
    )


GIF_1X1 = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
    b"!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00"
    b";"
)


def webp(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"WEBP" + b"".join(
        kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) & 1) for kind, data in chunks
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


def vp8l(width: int, height: int) -> bytes:
    return b"\x2f" + ((width - 1) | ((height - 1) << 14)).to_bytes(4, "little") + b"\x00\x00"


def vp8x(width: int, height: int, flags: int) -> bytes:
    return bytes([flags, 0, 0, 0]) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")


def test_png_keeps_the_picture_and_drops_text_time_and_exif() -> None:
    dirty = tiny_png(
        png_chunk(b"tEXt", b"Comment\x00" + SECRET),
        png_chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + SECRET),
        png_chunk(b"zTXt", b"k\x00\x00" + SECRET),
        png_chunk(b"eXIf", SECRET),
        png_chunk(b"tIME", b"\x07\xea\x01\x01\x00\x00\x00"),
        png_chunk(b"gAMA", b"\x00\x00\xb1\x8f"),
    )
    image = clean_raster(dirty)
    assert image is not None and (image.mime, image.width, image.height) == ("image/png", 2, 2)
    assert SECRET not in image.data and b"tIME" not in image.data
    assert b"gAMA" in image.data  # colour information stays
    assert image.data == tiny_png(png_chunk(b"gAMA", b"\x00\x00\xb1\x8f"))


@pytest.mark.parametrize(
    "broken",
    [
        tiny_png(width=MAX_IMAGE_SIDE + 1),  # a canvas the browser should not be asked to allocate
        tiny_png()[:-12],  # no IEND
        tiny_png()[:40],  # truncated inside a chunk
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", bytes(13)) + png_chunk(b"IEND", b""),  # no image data
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"tEXt", b"a\x00b") + tiny_png()[8:],  # IHDR not first
    ],
)
def test_png_that_is_broken_or_oversized_is_refused(broken: bytes) -> None:
    assert clean_raster(broken) is None


def test_jpeg_drops_exif_xmp_and_comments_and_reads_its_size() -> None:
    dirty = synthetic_jpeg(
        jpeg_segment(0xE1, b"Exif\x00\x00" + SECRET),
        jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + SECRET),
        jpeg_segment(0xFE, SECRET),
        jpeg_segment(0xED, b"Photoshop 3.0\x00" + SECRET),
    )
    image = clean_raster(dirty + b"trailing data after the image " + SECRET)
    assert image is not None and (image.mime, image.width, image.height) == ("image/jpeg", 3, 2)
    assert image.data == synthetic_jpeg()
    assert SECRET not in image.data


def test_gif_drops_comments_and_application_blocks_but_keeps_frames() -> None:
    comment = b"!\xfe" + bytes([len(SECRET)]) + SECRET + b"\x00"
    xmp = b"!\xff\x0bXMP DataXMP" + bytes([len(SECRET)]) + SECRET + b"\x00"
    dirty = GIF_1X1[:19] + comment + xmp + GIF_1X1[19:]  # after the header and its colour table
    image = clean_raster(dirty)
    assert image is not None and (image.mime, image.width, image.height) == ("image/gif", 1, 1)
    assert image.data == GIF_1X1


def test_webp_drops_exif_and_xmp_chunks_and_their_flags() -> None:
    dirty = webp((b"VP8X", vp8x(4, 3, 0x0C)), (b"VP8L", vp8l(4, 3)), (b"EXIF", SECRET), (b"XMP ", SECRET))
    image = clean_raster(dirty)
    assert image is not None and (image.mime, image.width, image.height) == ("image/webp", 4, 3)
    assert image.data == webp((b"VP8X", vp8x(4, 3, 0x00)), (b"VP8L", vp8l(4, 3)))
    plain = clean_raster(webp((b"VP8L", vp8l(5, 7))))
    assert plain is not None and (plain.width, plain.height) == (5, 7)


def test_data_uris_are_sniffed_not_trusted() -> None:
    png = tiny_png()
    declared_jpeg = "data:image/jpeg;base64," + base64.b64encode(png).decode()
    image = image_from_data_uri(declared_jpeg)
    assert image is not None and image.mime == "image/png"
    assert image.data_uri() == "data:image/png;base64," + base64.b64encode(png).decode()
    assert image_from_data_uri("data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode()) is None
    assert image_from_data_uri("data:image/png," + png.decode("latin-1")) is None  # not base64
    assert image_from_data_uri("data:image/png;base64,@@@@") is None
    assert image_from_data_uri("https://example.org/badge.png") is None
    assert clean_raster(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    assert clean_raster(b"") is None

"""Unbaking: the credential text inside a PNG (iTXt/tEXt/zTXt chunk) or an SVG (`openbadges:` element).

The PNG walker reads chunk headers only (pixels are never decoded), checks every CRC and declared length,
and inflates compressed text with a byte cap; the SVG goes through defusedxml with entities and external
references refused. Both insist on exactly one credential, so a file cannot carry two that disagree.
"""

from __future__ import annotations

import codecs
import re
import struct
import zlib
from dataclasses import dataclass

from credwallet.errors import InputError
from credwallet.limits import MAX_PNG_CHUNKS, MAX_PNG_TEXT_BYTES

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# OB 2.0 bakes under `openbadges`; OB 3.0 under `openbadgecredential`.
PNG_KEYWORDS = {b"openbadges": "ob2", b"openbadgecredential": "ob3"}
SVG_NAMESPACES = ("http://openbadges.org", "https://purl.imsglobal.org/ob/v3p0")
SVG_ELEMENTS = ("assertion", "credential")

# Character sets an SVG may declare: expat's own (UTF-8, UTF-16, ISO-8859-1, US-ASCII) and the one-byte sets
# Python decodes for it. Anything else (UTF-5, UTF-7, UTF-32, rot13, punycode...) is refused by name before
# parsing: expat hands unknown names to Python's codec registry, which fails in a different way for each.
_SVG_CHARSETS = ("utf-8", "utf-16", "ascii", "latin-1", "iso8859-", "cp125", "mac-", "koi8-")
_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"'>]*)["']""")

NOT_BAKED_HINT = "this image is not a baked badge; ask the issuer for the baked image or the assertion"


@dataclass(frozen=True, slots=True)
class BakedPayload:
    """What an image carries: JSON text, a compact JWS, or a URL; `verify_url` from an SVG attribute."""

    text: str
    keyword: str
    verify_url: str | None = None


def _inflate_capped(data: bytes, *, source: str) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_PNG_TEXT_BYTES + 1)
    except zlib.error:
        raise InputError(f"{source}: the badge data baked into the image is damaged (it does not decompress)") from None
    if len(out) > MAX_PNG_TEXT_BYTES or inflater.unconsumed_tail:
        raise InputError(
            f"{source}: compressed badge text inflates past {MAX_PNG_TEXT_BYTES:,} bytes (decompression bomb?)"
        )
    return out


def _text_from_itxt(body: bytes, *, source: str) -> tuple[bytes, str]:
    keyword, sep, rest = body.partition(b"\x00")
    if not sep or len(rest) < 2:
        raise InputError(f"{source}: the badge data baked into the image is damaged")
    compressed, method = rest[0], rest[1]
    rest = rest[2:]
    _language, sep1, rest = rest.partition(b"\x00")
    _translated, sep2, text = rest.partition(b"\x00")
    if not (sep1 and sep2):
        raise InputError(f"{source}: the badge data baked into the image is damaged")
    if compressed:
        if method != 0:
            raise InputError(f"{source}: the badge data baked into the image uses an unknown compression")
        text = _inflate_capped(text, source=source)
    try:
        return keyword, text.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{source}: baked badge text is not valid UTF-8") from None


def _text_from_latin1(body: bytes, *, compressed: bool, source: str) -> tuple[bytes, str]:
    keyword, sep, text = body.partition(b"\x00")
    if not sep:
        raise InputError(f"{source}: the badge data baked into the image is damaged")
    if compressed:
        if not text or text[0] != 0:
            raise InputError(f"{source}: the badge data baked into the image uses an unknown compression")
        text = _inflate_capped(text[1:], source=source)
    return keyword, text.decode("latin-1")


def unbake_png(data: bytes, *, source: str) -> BakedPayload:
    """The one credential baked into a PNG, or InputError saying why there is none."""
    if not data.startswith(PNG_SIGNATURE):
        raise InputError(f"{source}: not a PNG file")
    offset = len(PNG_SIGNATURE)
    found: BakedPayload | None = None
    chunks = 0
    saw_end = False
    while offset < len(data):
        if len(data) - offset < 12:
            raise InputError(f"{source}: the PNG image is cut short (at byte {offset:,})")
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        chunk_type = data[offset + 4 : offset + 8]
        if length > len(data) - offset - 12:
            raise InputError(f"{source}: the PNG image is cut short (a part runs {length:,} bytes past its end)")
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        if zlib.crc32(chunk_type + body) != crc:
            raise InputError(f"{source}: the PNG image is damaged (a part fails its checksum)")
        chunks += 1
        if chunks > MAX_PNG_CHUNKS:
            raise InputError(f"{source}: the PNG image has more than {MAX_PNG_CHUNKS:,} parts: not a badge image")
        offset += 12 + length
        if chunk_type in (b"iTXt", b"tEXt", b"zTXt"):
            keyword_end = body.find(b"\x00")
            keyword = body[:keyword_end] if keyword_end >= 0 else body
            if keyword in PNG_KEYWORDS:
                if found is not None:
                    raise InputError(
                        f"{source}: PNG carries more than one baked credential; refusing to guess"
                    )
                if chunk_type == b"iTXt":
                    _, text = _text_from_itxt(body, source=source)
                else:
                    _, text = _text_from_latin1(body, compressed=chunk_type == b"zTXt", source=source)
                found = BakedPayload(text=text.strip(), keyword=keyword.decode("ascii"))
        elif chunk_type == b"IEND":
            saw_end = True
            break
    if not saw_end:
        raise InputError(f"{source}: the PNG image is cut short (its end marker is missing)")
    if found is None:
        raise InputError(f"{source}: {NOT_BAKED_HINT}")
    return found


def _check_declared_encoding(data: bytes, *, source: str) -> None:
    """Refuse, with its name, a character encoding that is not a plain text encoding expat can read."""
    match = _XML_ENCODING.match(data[:4096])
    if match is None:
        return
    declared = match.group(1).decode("ascii", "replace")
    try:
        canonical = codecs.lookup(declared).name
    except (LookupError, ValueError):  # unknown, or not even a name (a NUL inside)
        canonical = ""
    if not canonical.startswith(_SVG_CHARSETS):
        raise InputError(
            f"{source}: the SVG declares the character encoding {declared[:60]!r}, which is not one an SVG badge "
            "can use (UTF-8, UTF-16 or a one-byte ISO-8859 / Windows set)"
        )


def unbake_svg(data: bytes, *, source: str) -> BakedPayload:
    """The one `openbadges:assertion` / `openbadges:credential` of an SVG: CDATA text or a `verify` URL/JWT."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    _check_declared_encoding(data, source=source)
    try:
        # A DOCTYPE line (every Illustrator export has one) is tolerated but never loaded; any entity
        # declaration or external reference is refused.
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(
            f"{source}: SVG refused: it declares entities or external references, which a badge never needs"
        ) from None
    except ParseError as exc:
        raise InputError(f"{source}: not well-formed XML ({exc})") from None
    except (LookupError, ValueError, UnicodeError) as exc:
        # expat hands a declared encoding it does not know to Python's codecs, which fail in their own ways
        # (a declaration too long for the check above, a multi-byte set): the same refusal, by its reason.
        raise InputError(f"{source}: the SVG's character encoding cannot be read ({str(exc)[:80]})") from None
    if not root.tag.endswith("svg"):
        raise InputError(f"{source}: XML file is not an SVG image")
    matches = [
        (element, local)
        for namespace in SVG_NAMESPACES
        for local in SVG_ELEMENTS
        for element in root.iter(f"{{{namespace}}}{local}")
    ]
    if not matches:
        raise InputError(f"{source}: {NOT_BAKED_HINT}")
    if len(matches) > 1:
        raise InputError(f"{source}: SVG carries more than one baked credential; refusing to guess")
    element, local = matches[0]
    text = (element.text or "").strip()
    verify = element.get("verify")
    if not text and not verify:
        raise InputError(f"{source}: the SVG's openbadges:{local} element is empty")
    keyword = "openbadgecredential" if local == "credential" else "openbadges"
    return BakedPayload(text=text or (verify or "").strip(), keyword=keyword, verify_url=verify)

"""Bytes in, credentials out: sniff what a file is, unbake it if it is an image, and hand it to its parser.

Detection goes by content, never by file name, and every dead end names what the input looked like.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from credwallet.errors import InputError, NotACredentialError
from credwallet.formats import baked, ob2
from credwallet.formats.jwt import decode_compact_jws, looks_like_compact_jws
from credwallet.limits import MAX_BADGE_BYTES
from credwallet.model import Container, Credential
from credwallet.safejson import loads_strict

# Extensions a folder walk considers; anything else in a folder (notes, YAML, scripts) is passed over.
BADGE_SUFFIXES = frozenset({".json", ".jsonld", ".png", ".svg", ".jws", ".jwt", ".1ob", ".txt", ".vc"})


def display_name(name: str) -> str:
    """A file name as text that can be printed and stored: bytes that are not UTF-8 (which the OS hands over as
    lone surrogates, "\udcff") become visible escapes ("\\xff") instead of crashing every later encode."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def read_capped(path: Path | str, *, limit: int = MAX_BADGE_BYTES, shown: str | None = None) -> bytes:
    """Read a file after checking its size, so a huge file is refused before it is loaded.

    The size is taken from the open descriptor (no window between checking and reading), with plain os
    calls: a folder import reads thousands of files and pathlib's overhead shows. `shown`: the name for
    messages, when the caller has made it already (`display_name`).
    """
    name = os.fspath(path)
    shown = shown if shown is not None else display_name(name)
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a folder") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror})") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{shown}: is a folder")
        if info.st_size > limit:
            raise InputError(f"{shown}: file is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror})") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(f"{shown}: file is over the {limit:,}-byte limit")
    return data


def _describe(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return (
            "a PDF document (a printable certificate, not a digital badge; ask the issuer for the badge file)"
        )
    if head.startswith((b"<!doctype html", b"<html")):
        return "a web page, not a badge: download the badge image or its JSON"
    if head.startswith((b"\xff\xd8\xff", b"gif8", b"riff")):
        return "an image type that cannot carry a badge (only PNG and SVG can be baked)"
    if head.startswith(b"pk\x03\x04"):
        return "a ZIP archive; unpack it and import the folder"
    if b"\x00" in data[:512]:
        return "binary data of an unknown kind"
    return "text that is neither JSON, a compact JWS, nor an SVG"


def parse_bytes(data: bytes, *, source: str) -> list[Credential]:
    """Every credential a file holds (a CLR or presentation holds several); InputError if none."""
    if len(data) > MAX_BADGE_BYTES:
        raise InputError(f"{source}: input is over the {MAX_BADGE_BYTES:,}-byte limit for a badge")
    if not data.strip():
        raise InputError(f"{source}: file is empty")
    if data.startswith(baked.PNG_SIGNATURE):
        payload = baked.unbake_png(data, source=source)
        return _parse_payload(payload.text, source=source, container=Container.PNG, original=data)
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg", b"<!doctype svg")):
        svg_payload = baked.unbake_svg(data, source=source)
        return _parse_payload(svg_payload.text, source=source, container=Container.SVG, original=data)
    if stripped.startswith((b"{", b"[")):
        return _parse_json(
            loads_strict(data, source=source), source=source, container=Container.JSON, original=data
        )
    try:
        text = data.decode("ascii").strip()  # a compact JWS is pure ASCII
    except UnicodeDecodeError:
        text = ""
    if text and looks_like_compact_jws(text):
        return _parse_token(text, source=source, container=Container.JWS, original=data)
    raise InputError(f"{source}: not a badge: looks like {_describe(data)}")


def _parse_payload(text: str, *, source: str, container: Container, original: bytes) -> list[Credential]:
    if text.startswith(("{", "[")):
        return _parse_json(
            loads_strict(text, source=source), source=source, container=container, original=original
        )
    if looks_like_compact_jws(text):
        return _parse_token(text, source=source, container=container, original=original)
    if text.lower().startswith(("http://", "https://")):
        raise InputError(
            f"{source}: the image holds only a link to a hosted badge ({text[:200]}); "
            "import that URL with network access, or ask the issuer for the assertion file"
        )
    raise InputError(f"{source}: the baked text is neither JSON, a compact JWS, nor a URL")


def _parse_token(token: str, *, source: str, container: Container, original: bytes) -> list[Credential]:
    decoded = decode_compact_jws(token, source=source)
    payload = decoded.payload
    if not isinstance(payload, dict):
        raise InputError(f"{source}: the JWS payload is not a JSON object")
    if ob2.looks_like_ob2(payload):
        return [
            ob2.parse_assertion(
                payload, source=source, container=container, original_bytes=original, token=token
            )
        ]
    from credwallet.formats import ob3, vc_jwt

    if "vc" in payload or ob3.looks_like_vc(payload):
        return vc_jwt.parse_vc_jwt(decoded, container=container, original_bytes=original, source=source)
    raise InputError(
        f"{source}: a signed token, but its payload is neither a badge assertion nor a credential"
    )


def _parse_json(document: Any, *, source: str, container: Container, original: bytes) -> list[Credential]:
    if not isinstance(document, dict):
        raise InputError(
            f"{source}: JSON is not a badge (expected an object, found {type(document).__name__})"
        )
    if ob2.looks_like_ob2(document):
        return [ob2.parse_assertion(document, source=source, container=container, original_bytes=original)]
    from credwallet.formats import clr, ob3

    if ob3.looks_like_vc(document):
        if clr.is_clr(document):
            return clr.parse_clr(document, container=container, original_bytes=original, source=source)
        return ob3.parse_vc(document, container=container, original_bytes=original, source=source)
    known = _describe_known_document(document)
    if known:
        raise NotACredentialError(f"{source}: JSON is not a badge: {known}")
    raise InputError(f"{source}: JSON is not a badge: {_describe_json(document)}")


def _types_of(document: dict[str, Any]) -> set[str]:
    types = document.get("type", document.get("@type"))
    return (
        {types}
        if isinstance(types, str)
        else {t for t in types if isinstance(t, str)}
        if isinstance(types, list)
        else set()
    )


def _describe_known_document(document: dict[str, Any]) -> str | None:
    """What a companion document of a badge is (badge class, issuer, key, list), or None."""
    kinds = _types_of(document)
    if "BadgeClass" in kinds or "Achievement" in kinds:
        return "it describes a badge (a BadgeClass/Achievement), not one issued to you; import the assertion"
    if kinds & {"Issuer", "Profile"}:
        return "it is an issuer profile, not a badge"
    if "RevocationList" in kinds:
        return "it is a revocation list, not a badge"
    if "CryptographicKey" in kinds:
        return "it is a public key, not a badge"
    return None


def _describe_json(document: dict[str, Any]) -> str:
    kinds = _types_of(document)
    if kinds and ob2.is_ob_document(document):
        shown = ", ".join(sorted(str(k) for k in kinds))
        return f"an Open Badges document of type {shown}, not an Assertion"
    if kinds:
        return f"unrecognized type {', '.join(sorted(str(k) for k in kinds))}"
    return "no Open Badges or Verifiable Credential type or context found"

"""Writing exports to disk: never clobber without `force`, never leave a half-written file, and never let a
name taken from credential data step outside the folder the user chose."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from credwallet.errors import InputError

# File names on common file systems are capped at 255 bytes; leave room for a suffix and a counter.
MAX_FILENAME_BYTES = 120
# Device names Windows reserves in any folder and with any extension (con.txt is still the console).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_SEPARATORS = re.compile(r"[-\s_.]+")


def write_text_safely(path: Path | str, text: str, force: bool = False) -> Path:
    """Write `text` (UTF-8) to `path` whole or not at all (see `write_bytes_safely`)."""
    return write_bytes_safely(path, text.encode("utf-8"), force=force)


def write_bytes_safely(path: Path | str, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` whole or not at all; an existing file is replaced only with `force`.

    The text goes to a temporary file in the same folder first and is moved into place with `os.replace`
    (or a no-clobber hard link), so a crash or a concurrent writer never leaves a truncated file.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name to write to")
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {target}: folder {folder} does not exist")
    if not force and (target.exists() or target.is_symlink()):
        raise InputError(f"{target} already exists; pass --force to overwrite it")
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write to folder {folder}: {error.strerror or error}") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            _keep_mode(target, temp)
            os.replace(temp, target)
        else:
            _place_without_clobbering(temp, target)
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return target


def _place_without_clobbering(temp: Path, target: Path) -> None:
    """Link the finished file into place, failing if something appeared at `target` meanwhile."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise InputError(f"{target} already exists; pass --force to overwrite it") from None
    except OSError:
        # File systems without hard links (some network and FAT volumes): check, then rename.
        if target.exists() or target.is_symlink():
            raise InputError(f"{target} already exists; pass --force to overwrite it") from None
        os.replace(temp, target)


def _keep_mode(target: Path, temp: Path) -> None:
    """An overwritten file keeps its permissions rather than taking the temporary file's 0600."""
    with contextlib.suppress(OSError):
        if target.is_file() and not target.is_symlink():
            os.chmod(temp, target.stat().st_mode & 0o777)


def safe_filename(text: str, default: str = "credential", max_bytes: int = MAX_FILENAME_BYTES) -> str:
    """A file name slug from untrusted text: letters, digits and single '-' only, never a path, a hidden
    file, a Windows device name or longer than `max_bytes` of UTF-8 (names like '../../x', '/etc/passwd',
    'con', NUL or U+202E come out harmless)."""
    normalized = unicodedata.normalize("NFKC", text)
    kept = "".join(ch if ch.isalnum() else " " for ch in normalized if unicodedata.category(ch)[0] != "C")
    slug = _SEPARATORS.sub("-", kept.casefold()).strip("-")
    slug = _truncate_utf8(slug, max_bytes).rstrip("-")
    if not slug:
        slug = default
    if slug in WINDOWS_RESERVED:
        slug = f"{slug}-file"
    return slug


def entry_filename(name: str, wallet_id: str | None, extension: str) -> str:
    """The file name for one credential in a `--split` export: its slugged name plus its wallet id, which
    keeps two credentials with the same name apart."""
    stem = safe_filename(name)
    if wallet_id:
        stem = f"{stem}-{safe_filename(wallet_id, default='id', max_bytes=40)}"
    return stem + extension


def _truncate_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def path_inside(folder: Path | str, name: str) -> Path:
    """`folder / name`, refused unless it is a direct child of `folder` (no separators, no '..', no
    absolute path, no symlinked escape)."""
    base = Path(folder).resolve()
    if not name or name in (".", "..") or "\x00" in name or "/" in name or "\\" in name:
        raise InputError(f"refusing file name {name!r}: it must be a plain name inside {base}")
    candidate = (base / name).resolve()
    if candidate.parent != base:
        raise InputError(f"refusing file name {name!r}: it would be written outside {base}")
    return base / name

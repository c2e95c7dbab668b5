"""The learner's profile as a small YAML file (`name`, `identities`), for `profile load`."""

from __future__ import annotations

from pathlib import Path

from credwallet.errors import InputError
from credwallet.model import Profile

MAX_PROFILE_BYTES = 64 * 1024


def read_profile_file(path: Path) -> Profile:
    """Parse and check a profile file; every problem is one InputError line naming the file."""
    import yaml

    try:
        if path.stat().st_size > MAX_PROFILE_BYTES:
            raise InputError(f"{path}: profile file is larger than {MAX_PROFILE_BYTES:,} bytes")
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(document, dict):
        raise InputError(f"{path}: expected a mapping with `name` and `identities`")
    unknown = sorted(set(document) - {"name", "identities"})
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(unknown)} (expected name, identities)")
    name = document.get("name")
    identities = document.get("identities") or []
    if name is not None and not isinstance(name, str):
        raise InputError(f"{path}: `name` must be text")
    if not isinstance(identities, list) or not all(isinstance(i, str) for i in identities):
        raise InputError(f"{path}: `identities` must be a list of emails, URLs or DIDs")
    return Profile(name=name, identities=identities)

"""did:web identifiers and the https address of their DID document (W3C did:web method, §3.2 Read).

`did:web:example.com` -> `https://example.com/.well-known/did.json`,
`did:web:example.com:user:alice` -> `https://example.com/user/alice/did.json`,
`did:web:example.com%3A3000` -> `https://example.com:3000/.well-known/did.json`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, unquote

_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$")


class DidWebError(ValueError):
    """A did:web identifier that names no usable address."""


def is_did_web(value: object) -> bool:
    return isinstance(value, str) and value.startswith("did:web:")


def did_of(did_url: str) -> str:
    """The DID of a DID URL (`did:web:x#key-1` -> `did:web:x`); query and fragment dropped."""
    return did_url.partition("#")[0].partition("?")[0]


@lru_cache(maxsize=1024)
def did_web_url(did: str) -> str:
    """The https URL of the DID document of `did` (a DID URL's fragment is ignored)."""
    if not is_did_web(did):
        raise DidWebError(f"{did!r} is not a did:web identifier")
    specific = did_of(did)[len("did:web:") :]
    segments = specific.split(":")
    host = unquote(segments[0]).lower()
    if not _HOST.match(host):
        raise DidWebError(f"{did}: {host!r} is not a host name")
    path_parts = []
    for segment in segments[1:]:
        part = unquote(segment)
        if not part or part in (".", "..") or any(c in part for c in "/\\?#\x00"):
            raise DidWebError(f"{did}: path segment {segment!r} is not allowed")
        path_parts.append(quote(part, safe="-._~!$&'()*+,;=@"))
    path = "/".join(path_parts) + "/did.json" if path_parts else ".well-known/did.json"
    return f"https://{host}/{path}"

"""Which catalog offerings the learner already holds: a wallet credential recognized as the offering.

A credential is the offering when (strongest first) one of its ids or URLs is the offering's URL or one
the catalog records for it (`held_as.ids`, a trailing `/` making it a prefix), when one of its alignments
points there, or when its title is the offering's title (or a recorded alternative) and its issuer is the
provider (or a recorded issuer). Titles are compared without case, punctuation, bracketed exam codes or a
trailing "certificate" / "certification" / "specialization", so Credly's "Google Data Analytics
Certificate" and Coursera's "Google Data Analytics" are both the catalog's "Google Data Analytics
Professional Certificate"; a title alone, from another issuer, never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from credwallet.model import Credential
    from credwallet.planner.catalog import Catalog, Offering

BY_ID = "id"
BY_ALIGNMENT = "alignment"
BY_TITLE = "title and provider"

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^0-9a-z+#]+")
_GENERIC_TAIL = (
    "professional certificate",
    "career certificate",
    "certificate",
    "certification",
    "specialization",
    "badge",
)
_PROVIDER_SPLIT = re.compile(r"\(|\)|/|,|\||;| and | & ")


@dataclass(frozen=True, slots=True)
class HeldOffering:
    """An offering the wallet shows the learner holds, and the credential that shows it."""

    offering: str
    credential: str | None  # wallet id
    credential_name: str
    how: str  # id | alignment | title and provider

    def to_jsonable(self) -> dict[str, str | None]:
        return {
            "offering": self.offering,
            "credential": self.credential,
            "credential_name": self.credential_name,
            "how": self.how,
        }


def normal_title(text: str) -> str:
    """A title reduced to the words that name the achievement."""
    cleaned = _BRACKETS.sub(" ", text.casefold().replace("&", " and "))
    cleaned = " ".join(_NOT_WORD.sub(" ", cleaned).split())
    for tail in _GENERIC_TAIL:
        if cleaned.endswith(" " + tail):
            cleaned = cleaned[: -len(tail) - 1]
            break
    return cleaned


def _normal_name(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace("&", " and ")).split())


def provider_names(offering: Offering) -> set[str]:
    """The organisations an offering's provider line names ("Google (Coursera)": google, coursera)."""
    names = {_normal_name(part) for part in _PROVIDER_SPLIT.split(offering.provider)}
    if offering.held_as is not None:
        names.update(_normal_name(issuer) for issuer in offering.held_as.issuers)
    return {name for name in names if name}


def _issuer_matches(issuer: str, names: set[str]) -> bool:
    issuer = _normal_name(issuer)
    if not issuer:
        return False
    return any(issuer == name or issuer.startswith(name + " ") or name.startswith(issuer + " ") for name in names)


def _credential_urls(credential: Credential) -> list[str]:
    urls = [credential.credential_id, credential.achievement_id, credential.verify_url]
    if credential.criteria is not None:
        urls.append(credential.criteria.url)
    return [u.strip().rstrip("/") for u in urls if isinstance(u, str) and u.strip()]


def _ids_of(offering: Offering) -> list[str]:
    ids = [offering.url] if offering.url else []
    if offering.held_as is not None:
        ids.extend(offering.held_as.ids)
    return [i.strip() for i in ids if i.strip()]


def _url_matches(value: str, recorded: str) -> bool:
    if recorded.endswith("/"):
        return value.startswith(recorded) and len(value) > len(recorded)
    return value.casefold() == recorded.rstrip("/").casefold()


def _origin(url: str) -> str:
    """`https://host` of a URL (the text before the first "/" after the scheme's "//")."""
    start = url.find("//")
    end = url.find("/", start + 2 if start >= 0 else 0)
    return url if end < 0 else url[:end]


class _Index:
    """Offerings keyed for matching, built once per catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.exact: dict[str, str] = {}
        # Prefixes by origin ("https://host"): a URL can only start with a prefix of its own origin, so each
        # lookup scans a handful, not the catalog (1,000 credentials x every prefix was most of `report`).
        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        self.titles: dict[str, list[Offering]] = {}
        self.names: dict[str, set[str]] = {}
        for offering in catalog:
            for recorded in _ids_of(offering):
                if recorded.endswith("/"):
                    self.prefixes.setdefault(_origin(recorded), []).append((recorded, offering.id))
                else:
                    self.exact.setdefault(recorded.rstrip("/").casefold(), offering.id)
            titles = [offering.title, *(offering.held_as.titles if offering.held_as else ())]
            for title in titles:
                key = normal_title(title)
                if key:
                    self.titles.setdefault(key, []).append(offering)

    def by_url(self, value: str) -> str | None:
        found = self.exact.get(value.casefold())
        if found is not None:
            return found
        candidates = self.prefixes.get(_origin(value), ())
        return next((oid for prefix, oid in candidates if _url_matches(value, prefix)), None)

    def provider_names(self, offering: Offering) -> set[str]:
        names = self.names.get(offering.id)
        if names is None:
            names = self.names[offering.id] = provider_names(offering)
        return names


def match_credential(credential: Credential, index: _Index) -> tuple[str, str] | None:
    """(offering id, how) when the credential is a catalog offering."""
    for url in _credential_urls(credential):
        found = index.by_url(url)
        if found is not None:
            return found, BY_ID
    for alignment in credential.alignments:
        if alignment.target_url:
            found = index.by_url(alignment.target_url.strip().rstrip("/"))
            if found is not None:
                return found, BY_ALIGNMENT
    issuer = credential.issuer.name or ""
    for offering in index.titles.get(normal_title(credential.name or ""), ()):
        if _issuer_matches(issuer, index.provider_names(offering)):
            return offering.id, BY_TITLE
    return None


def held_offerings(credentials: Iterable[Credential], catalog: Catalog) -> dict[str, HeldOffering]:
    """Catalog offerings the credentials show the learner holds (the first credential found for each)."""
    credentials = list(credentials)
    if not credentials:
        return {}
    index = _Index(catalog)
    held: dict[str, HeldOffering] = {}
    for credential in credentials:
        found = match_credential(credential, index)
        if found is not None and found[0] not in held:
            offering_id, how = found
            held[offering_id] = HeldOffering(offering_id, credential.wallet_id, credential.name, how)
    return held


def with_completed_stacks(done: Iterable[str], catalog: Catalog) -> set[str]:
    """`done` plus what it implies through `stacks_into`: a target whose member offerings are all done (the
    eight Google courses are the certificate), and every member of a target that is done (whoever holds the
    certificate has taken its eight courses, so none of them is planned either)."""
    result = set(done)
    members: Mapping[str, list[str]] = catalog.stack_members()
    changed = True
    while changed:
        changed = False
        for target, parts in members.items():
            if target not in result and target in catalog and all(p in result for p in parts):
                result.add(target)
                changed = True
            if target in result:
                implied = [p for p in parts if p not in result and p in catalog]
                if implied:
                    result.update(implied)
                    changed = True
    return result

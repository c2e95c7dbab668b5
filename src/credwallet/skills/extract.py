"""A credential's skills, and the wallet's skills, with where each claim came from.

Order of trust: (1) alignment target codes/URLs matched to external codes (ESCO, O*NET), (2) alignment
names, (3) the issuer's tags/keywords, (4) the achievement's own text (name, description, criteria).
Every claim keeps its source and a confidence; text mentions rank below alignments. A claim for a narrower
skill is also evidence for its broader skills one level lower per step (pandas -> python), never the
reverse. Extraction is cached per credential content hash, so a wallet is scanned once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from credwallet.skills.levels import alignment_level, credential_level
from credwallet.skills.matcher import find_mentions, match_whole
from credwallet.skills.model import BROADER_CONFIDENCE, BROADER_MAX_HOPS, SOURCES, HeldSkill, SkillClaim

if TYPE_CHECKING:
    from credwallet.model import Alignment, Credential, DeclaredSkill
    from credwallet.skills.skill import Skill
    from credwallet.skills.vocabulary import Vocabulary

# Confidence by source. Alignments are the issuer's explicit statement; a tag is the issuer's keyword;
# text is our reading of prose. A short/common alias that needed context loses a little more.
CONFIDENCE = {
    "alignment-code": 1.0,
    "alignment-name-exact": 0.95,
    "alignment-name-exact-other-framework": 0.9,
    "alignment-name-partial": 0.8,
    "tag-exact": 0.9,
    "tag-partial": 0.8,
    "text-name": 0.75,
    "text-body": 0.6,
}
CONTEXT_PENALTY = 0.1

_SKILL_FRAMEWORKS = re.compile(r"esco|o\*?net|onet|lightcast|emsi|sfia|nice|digcomp|skills?", re.I)
_OCCUPATION = re.compile(r"/occupation/|(?<!\d)\d{2}-\d{4}\.\d{2}(?!\d)|/isco/")
_COMMODITY = re.compile(r"4\d{7}")
# URLs in prose name hosts and files ("...badges/data.json"), not skills.
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)

# Bumped whenever extraction or the level rules change, so claims a wallet stored are extracted again.
EXTRACTION_VERSION = 3

_CACHE: dict[tuple[str, str], tuple[SkillClaim, ...]] = {}
_CACHE_LIMIT = 50_000


def extract_skills(credential: Credential, vocabulary: Vocabulary) -> list[SkillClaim]:
    """One claim per skill for this credential (its best), strongest source first."""
    key = (credential.content_hash, vocabulary.fingerprint) if credential.content_hash else None
    if key is not None:
        cached = _CACHE.get(key)
        if cached is not None:
            if cached and cached[0].credential != credential.wallet_id:
                return [c._replace(credential=credential.wallet_id) for c in cached]
            return list(cached)
    claims = _extract(credential, vocabulary)
    if key is not None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[key] = tuple(claims)
    return claims


def prime_cache(credential: Credential, vocabulary: Vocabulary, claims: Iterable[SkillClaim]) -> None:
    """Seed the cache with claims a store persisted for this content hash and `vocabulary.fingerprint`."""
    if credential.content_hash:
        _CACHE[(credential.content_hash, vocabulary.fingerprint)] = tuple(claims)


def forget_claims(content_hash: str) -> None:
    """Drop cached claims for a credential whose displayed fields changed (a hosted badge filled from its
    fetched badge class): the next read extracts them again, as the store's own copy was dropped too."""
    for key in [key for key in _CACHE if key[0] == content_hash]:
        del _CACHE[key]


def credential_skill_ids(credential: Credential, vocabulary: Vocabulary) -> list[str]:
    """The skills a credential evidences directly (`list --json` "skills"), strongest first."""
    return [claim.skill for claim in extract_skills(credential, vocabulary) if claim.via is None]


def clear_cache() -> None:
    """Forget cached extractions (tests, benchmarks, or after the vocabulary file changed)."""
    from credwallet.skills import matcher

    _CACHE.clear()
    matcher._MENTION_CACHE.clear()


class _Collector:
    """Keeps the best claim per skill: highest level, then highest confidence, then strongest source."""

    def __init__(self, credential_id: str | None) -> None:
        self.credential_id = credential_id
        self.claims: dict[str, SkillClaim] = {}

    def add(
        self,
        skill: str,
        level: int,
        source: str,
        confidence: float,
        detail: str | tuple[str, ...],
        via: str | None = None,
    ) -> None:
        """Keep the claim if it beats the current one; `detail` is a format tuple, built only then."""
        confidence = round(confidence, 3)
        current = self.claims.get(skill)
        if current is None or (level, confidence, -_SOURCE_RANK[source]) > (
            current.level,
            current.confidence,
            -_SOURCE_RANK[current.source],
        ):
            text = detail if isinstance(detail, str) else detail[0].format(*detail[1:])
            self.claims[skill] = SkillClaim(skill, level, source, confidence, self.credential_id, text, via)


_SOURCE_RANK = {source: index for index, source in enumerate(SOURCES)}


def _extract(credential: Credential, vocabulary: Vocabulary) -> list[SkillClaim]:
    level, _ = credential_level(credential)
    collector = _Collector(credential.wallet_id)
    for alignment in credential.alignments:
        _from_alignment(alignment, level, vocabulary, collector)
    for tag in credential.tags:
        if not isinstance(tag, str) or not tag.strip():
            continue
        skill_id = match_whole(tag, vocabulary)
        if skill_id is not None:
            collector.add(skill_id, level, "tag", CONFIDENCE["tag-exact"], ("tag '{}'", tag))
            continue
        for mention in find_mentions(tag.replace("-", " ").replace("_", " "), vocabulary, title=True):
            confidence = CONFIDENCE["tag-partial"] - (CONTEXT_PENALTY if mention.needed_context else 0)
            collector.add(mention.skill_id, level, "tag", confidence, ("'{}' in tag '{}'", mention.text, tag))
    for field_name, raw_text, title in _text_fields(credential):
        text = _URL.sub(" ", raw_text) if ("://" in raw_text or "www." in raw_text) else raw_text
        base = CONFIDENCE["text-name"] if title else CONFIDENCE["text-body"]
        for mention in find_mentions(text, vocabulary, title=title):
            confidence = base - (CONTEXT_PENALTY if mention.needed_context else 0)
            collector.add(
                mention.skill_id, level, "text", confidence, ("'{}' in {}", mention.text, field_name)
            )
    _add_broader(collector, vocabulary)
    return sorted(collector.claims.values(), key=lambda c: (SOURCES.index(c.source), -c.confidence, c.skill))


def _from_alignment(alignment: Alignment, level: int, vocabulary: Vocabulary, collector: _Collector) -> None:
    """Codes/URLs first; otherwise the target name, as a whole or by the aliases it contains."""
    level = alignment_level(alignment) or level
    codes = [c for c in (alignment.target_code, alignment.target_url) if c and not _OCCUPATION.search(c)]
    commodity: tuple[str, Skill] | None = None
    for code in codes:
        skill = vocabulary.by_code(code)
        if skill is None:
            continue
        if _COMMODITY.fullmatch(code.strip()):
            commodity = (code.strip(), skill)  # a technology category: the name may be more precise
            continue
        collector.add(skill.id, level, "alignment-code", CONFIDENCE["alignment-code"], ("alignment {}", code))
        return
    name = alignment.target_name or ""
    skill_id = match_whole(name, vocabulary) if name.strip() else None
    if commodity is not None:
        code, category = commodity
        named = vocabulary.get(skill_id) if skill_id else None
        if named is not None and code in named.onet_commodities:
            # An O*NET Technology Skills entry: the example's name with its commodity code.
            detail = f"alignment {code} '{name}'"
            collector.add(named.id, level, "alignment-code", CONFIDENCE["alignment-code"], detail)
            return
        if named is None:
            detail = f"alignment {code} (category)"
            collector.add(category.id, level, "alignment-code", CONFIDENCE["alignment-name-partial"], detail)
    occupation = (alignment.target_type or "").lower() == "occupation" or any(
        _OCCUPATION.search(c) for c in (alignment.target_code, alignment.target_url) if c
    )
    if not name.strip() or (occupation and skill_id is None):
        return  # an occupation is what the badge prepares for, not a skill it evidences
    if skill_id is not None:
        framework = alignment.target_framework or ""
        known = not framework or _SKILL_FRAMEWORKS.search(framework)
        confidence = CONFIDENCE["alignment-name-exact" if known else "alignment-name-exact-other-framework"]
        collector.add(skill_id, level, "alignment-name", confidence, ("alignment '{}'", name))
        return
    for mention in find_mentions(name, vocabulary, title=True):
        confidence = CONFIDENCE["alignment-name-partial"] - (CONTEXT_PENALTY if mention.needed_context else 0)
        collector.add(
            mention.skill_id,
            level,
            "alignment-name",
            confidence,
            ("'{}' in alignment '{}'", mention.text, name),
        )


def _text_fields(credential: Credential) -> list[tuple[str, str, bool]]:
    """The achievement's own words: name (a title), description, criteria, field of study."""
    fields: list[tuple[str, str, bool]] = [("name", credential.name or "", True)]
    if credential.description:
        fields.append(("description", credential.description, False))
    if credential.criteria is not None and credential.criteria.narrative:
        fields.append(("criteria", credential.criteria.narrative, False))
    subject = credential.document.get("credentialSubject") if isinstance(credential.document, dict) else None
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if isinstance(achievement, dict):
        for key in ("fieldOfStudy", "specialization"):
            value = achievement.get(key)
            if isinstance(value, str) and value.strip():
                fields.append((key, value, True))
    return fields


def _add_broader(collector: _Collector, vocabulary: Vocabulary) -> None:
    """Narrower evidence counts towards broader skills one level lower per step, never the reverse."""
    for claim in list(collector.claims.values()):
        for broad, hops in vocabulary.ancestors(claim.skill, max_hops=BROADER_MAX_HOPS):
            level = claim.level - hops
            if level < 1:
                continue
            detail = ("via {} ({})", vocabulary.label(claim.skill), claim.detail)
            confidence = claim.confidence * BROADER_CONFIDENCE**hops
            collector.add(broad, level, claim.source, confidence, detail, via=claim.skill)


def wallet_skills(
    credentials: Iterable[Credential],
    vocabulary: Vocabulary,
    *,
    min_confidence: float = 0.0,
    declared: Iterable[DeclaredSkill] = (),
    only: frozenset[str] | None = None,
) -> list[HeldSkill]:
    """Every skill the given credentials (and declarations) evidence, best level first, with all evidence
    marked by tier; levels accumulate by the rule in skills/holding.py."""
    from credwallet.skills.holding import credential_tier, held_from, independence_key

    def claims() -> Iterable[tuple[SkillClaim, str, str]]:
        for credential in credentials:
            tier = credential_tier(credential)
            independent = independence_key(credential)
            for claim in extract_skills(credential, vocabulary):
                yield claim, tier, independent

    return held_from(claims(), vocabulary, declared, min_confidence=min_confidence, only=only)


def held_levels(held: Iterable[HeldSkill]) -> dict[str, HeldSkill]:
    """Index held skills by id (what gap analysis reads)."""
    return {item.skill: item for item in held}

"""From evidence to held levels: which evidence counts, how strong it is, and how levels accumulate.

Evidence, strongest first (DESIGN.md §6): a credential verified as **valid**; an **unverified** one (not yet
checked, not failed); a **self-reported** credential (`credwallet add`, a LinkedIn export); a **declared**
skill (`credwallet skills declare`). Invalid, revoked and expired credentials never count. Every piece keeps
its tier, so gap and plan can mark it and `--verified-only` can keep valid credentials alone.

The level rule (`accumulated_level`), in words:

1. Each claim gives a level (skills/levels.py: the credential's own level, or the alignment's).
2. The held level starts at the highest single claim.
3. Independent credentials add up: count the independent credentials (copies of one achievement count once)
   that claim the skill directly (not through a narrower skill) at a level no more than one below that
   highest claim. Every two such credentials beyond the first raise the held level by one:
   `held = top + (n - 1) // 2`, so three credentials give +1 and five give +2. Accumulation never goes
   above 4 (advanced): expert (5) needs one credential that says so.
4. Self-reported credentials count and accumulate like others, but what they add is capped at level 3
   (intermediate): nothing can be checked. A declared skill counts at its declared level, capped at 3, and
   never adds to accumulation.
5. Low-confidence text matches (confidence below 0.7: a skill read from a description's prose) count, but
   the "firm" level leaves them out; gap uses the firm level for required skills, so such a match alone
   never makes a required skill met.

Example: four Python credentials at levels 2, 2, 3 and 2 (one with machine-learning work) hold Python at
4: the top claim is 3 and all four are within one level of it, so 3 + (4 - 1) // 2 = 4.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from credwallet.model import CredentialFormat, Status
from credwallet.skills.model import (
    BROADER_CONFIDENCE,
    BROADER_MAX_HOPS,
    SOURCES,
    TIER_DECLARED,
    TIER_SELF_REPORTED,
    TIER_UNVERIFIED,
    TIER_VALID,
    TIERS,
    EvidenceRef,
    HeldSkill,
    SkillClaim,
)

if TYPE_CHECKING:
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.skills.vocabulary import Vocabulary

# Below this confidence a claim is a weak reading of prose (text-body matches score 0.6, 0.5 with context).
LOW_CONFIDENCE = 0.7
ACCUMULATED_LEVEL_CAP = 4
SELF_REPORTED_LEVEL_CAP = 3
DECLARED_LEVEL_CAP = 3
DECLARED_SOURCE = "declared"

_SELF_REPORTED_INDEX = TIERS.index(TIER_SELF_REPORTED)
_DECLARED_INDEX = TIERS.index(TIER_DECLARED)


def credential_tier(credential: Credential) -> str:
    """The evidence tier of a credential that counts (not invalid, revoked or expired)."""
    if credential.format is CredentialFormat.SELF_REPORTED:
        return TIER_SELF_REPORTED
    return TIER_VALID if credential.status is Status.VALID else TIER_UNVERIFIED


def independence_key(credential: Credential) -> str:
    """Copies of one achievement (the same title from the same issuer) share a key."""
    issuer = credential.issuer.id or credential.issuer.name or ""
    return f"{issuer}|{' '.join((credential.name or '').lower().split())}"


def accumulated_level(evidence: Sequence[EvidenceRef]) -> int:
    """The held level from several pieces of evidence (rule 2-3 in the module docstring)."""
    top = 0
    for item in evidence:
        if item.level > top:
            top = item.level
    if top == 0 or top >= ACCUMULATED_LEVEL_CAP:
        return top
    floor = top - 1
    support = {
        item.independent or item.id
        for item in evidence
        if item.via is None and item.level >= floor and item.tier != TIER_DECLARED
    }
    bonus = (len(support) - 1) // 2
    return min(ACCUMULATED_LEVEL_CAP, top + bonus) if bonus > 0 else top


def tier_levels(evidence: Sequence[EvidenceRef]) -> tuple[tuple[int, int], ...]:
    """(level, firm level) counting tiers TIERS[:i + 1], for each i (rules 4-5)."""
    by_tier: list[list[EvidenceRef]] = [[] for _ in TIERS]
    for item in evidence:
        by_tier[TIERS.index(item.tier)].append(item)
    result: list[tuple[int, int]] = []
    counted: list[EvidenceRef] = []
    previous = (0, 0)
    for index, items in enumerate(by_tier):
        if index == _DECLARED_INDEX:
            declared = min(DECLARED_LEVEL_CAP, max((e.level for e in items), default=0))
            pair = (max(previous[0], declared), max(previous[1], declared))
        else:
            counted.extend(items)
            firm = [e for e in counted if e.confidence >= LOW_CONFIDENCE]
            pair = (accumulated_level(counted), accumulated_level(firm))
            if index == _SELF_REPORTED_INDEX and items:
                pair = (
                    max(previous[0], min(SELF_REPORTED_LEVEL_CAP, pair[0])),
                    max(previous[1], min(SELF_REPORTED_LEVEL_CAP, pair[1])),
                )
        result.append(pair)
        previous = pair
    return tuple(result)


def declared_evidence(
    declared: Iterable[DeclaredSkill], vocabulary: Vocabulary
) -> list[tuple[str, EvidenceRef]]:
    """(skill, evidence) for each declared skill and, one level lower per step, its broader skills."""
    found: list[tuple[str, EvidenceRef]] = []
    for item in declared:
        note = f"declared level {item.level}" + (f": {item.note}" if item.note else "")
        found.append((item.skill, EvidenceRef(None, DECLARED_SOURCE, 1.0, item.level, note, None, TIER_DECLARED)))
        for broad, hops in vocabulary.ancestors(item.skill, max_hops=BROADER_MAX_HOPS):
            if item.level - hops >= 1:
                evidence = EvidenceRef(
                    None,
                    DECLARED_SOURCE,
                    round(BROADER_CONFIDENCE**hops, 3),
                    item.level - hops,
                    f"via {vocabulary.label(item.skill)} ({note})",
                    item.skill,
                    TIER_DECLARED,
                )
                found.append((broad, evidence))
    return found


_SOURCE_ORDER = {source: index for index, source in enumerate((*SOURCES, DECLARED_SOURCE))}
_TIER_ORDER = {tier: index for index, tier in enumerate(TIERS)}


def held_from(
    claims: Iterable[tuple[SkillClaim, str, str]],
    vocabulary: Vocabulary,
    declared: Iterable[DeclaredSkill] = (),
    *,
    min_confidence: float = 0.0,
    only: frozenset[str] | None = None,
) -> list[HeldSkill]:
    """Held skills from (claim, tier, independence key) triples and declarations, best level first.

    Linear in the number of claims: evidence is grouped by skill in one pass, then each skill's levels are
    computed from its own evidence. `only` keeps these skills alone (a gap needs its role's skills).
    """
    grouped: dict[str, list[EvidenceRef]] = {}
    for claim, tier, independent in claims:
        if claim.confidence < min_confidence or (only is not None and claim.skill not in only):
            continue
        reference = EvidenceRef(
            claim.credential, claim.source, claim.confidence, claim.level, claim.detail, claim.via, tier, independent
        )
        grouped.setdefault(claim.skill, []).append(reference)
    for skill, declaration in declared_evidence(declared, vocabulary):
        if only is None or skill in only:
            grouped.setdefault(skill, []).append(declaration)
    held: list[HeldSkill] = []
    for skill, evidence in grouped.items():
        evidence.sort(
            key=lambda e: (_TIER_ORDER[e.tier], -e.level, -e.confidence, _SOURCE_ORDER[e.source], e.id or "")
        )
        levels = tier_levels(evidence)
        held.append(HeldSkill(skill, vocabulary.label(skill), levels[-1][0], evidence, levels))
    held.sort(key=lambda h: (-h.level, h.label.lower()))
    return held


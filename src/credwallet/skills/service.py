"""Wallet-level skills: the glue between stored credentials, the vocabulary, roles and gap analysis.

The CLI and the exporters call these; each loads the vocabulary once (cached) from the wallet folder.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from credwallet.paths import user_roles_dir

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from credwallet.gap import GapResult, LeftOut, RoleMatch
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.roles import Role
    from credwallet.skills.model import HeldSkill, SkillClaim
    from credwallet.skills.vocabulary import Vocabulary
    from credwallet.store.wallet import Wallet


def vocabulary_for(home: Path) -> Vocabulary:
    from credwallet.skills.vocabulary import load_vocabulary

    return load_vocabulary(home)


# How stored claims are written: one JSON array per claim (SkillClaim.to_stored), about half the bytes of
# objects and decoded twice as fast; part of the key, so claims stored in another form are extracted again.
CLAIMS_FORM = "rows"


def claims_key(vocabulary: Vocabulary) -> str:
    """The key stored skill claims are kept under: the vocabulary, the extraction rules' version and the
    stored form."""
    from credwallet.skills.extract import EXTRACTION_VERSION

    return f"{vocabulary.fingerprint}:extraction-{EXTRACTION_VERSION}:{CLAIMS_FORM}"


def stored_claims(claims: Sequence[SkillClaim]) -> str:
    """Claims as the store keeps them (see CLAIMS_FORM)."""
    import json

    return json.dumps([claim.to_stored() for claim in claims], separators=(",", ":"), ensure_ascii=False)


def evidence_credentials(wallet: Wallet) -> list[Credential]:
    """The wallet's credentials as gap, `roles match` and `skills` read them: the fields that decide whether
    and how a credential counts (status, format, expiry, issuer, achievement), with its skill claims primed
    from the store. Nothing is decoded for a credential whose claims are stored; one whose claims are not
    (a new vocabulary, a first run) is read whole once, extracted, and its claims stored."""
    from credwallet.gcpause import cyclic_gc_paused

    vocabulary = vocabulary_for(wallet.home)
    with cyclic_gc_paused():
        found, fresh = _evidence_from_rows(wallet, vocabulary)
    if fresh:
        wallet.save_skill_claims(fresh)
    return found


def _evidence_from_rows(wallet: Wallet, vocabulary: Vocabulary) -> tuple[list[Credential], list[tuple[str, str, str]]]:
    """(credentials, claims rows to store) for `evidence_credentials`."""

    from credwallet.model import Credential, CredentialFormat, Issuer, Status, parse_iso_datetime
    from credwallet.skills.extract import extract_skills, prime_cache
    from credwallet.skills.model import SkillClaim

    from_stored = SkillClaim.from_stored
    key = claims_key(vocabulary)
    rows = wallet.evidence_rows(key)
    stored = _stored_claim_lists([row[8] for row in rows if row[8] is not None])
    position = 0
    found: list[Credential] = []
    fresh: list[tuple[str, str, str]] = []
    for wallet_id, name, issuer_name, issuer_id, fmt, status, expires, content_hash, raw in rows:
        items = None
        if raw is not None:
            items = stored[position]
            position += 1
        try:
            if not isinstance(items, list):  # no claims stored for this vocabulary (or damaged ones): extract
                credential = wallet.get(wallet_id, with_original=False)
                extracted = extract_skills(credential, vocabulary)
                fresh.append((content_hash, key, stored_claims(extracted)))
                found.append(credential)
                continue
            credential = Credential(
                format=CredentialFormat(fmt),
                name=name,
                issuer=Issuer(id=issuer_id, name=issuer_name),
                expires_on=parse_iso_datetime(expires) if expires else None,
                wallet_id=wallet_id,
                content_hash=content_hash,
                status=Status(status),
            )
            claims = [from_stored(item, wallet_id) for item in items]
        except Exception as error:  # a damaged row: left out and said once, the rest of the wallet counts
            wallet.report_damaged(str(wallet_id), error)
            continue
        prime_cache(credential, vocabulary, claims)
        found.append(credential)
    return found, fresh


def credentials_with_skills(wallet: Wallet, *, excluding: Collection[str] = ()) -> list[Credential]:
    """The wallet's credentials (but those whose status is in `excluding`), with their skill claims taken from
    the store when this vocabulary has seen them before (and stored now when not), so repeated commands do not
    extract again."""

    from credwallet.skills.extract import extract_skills, prime_cache

    credentials = wallet.credentials(excluding=excluding)
    vocabulary = vocabulary_for(wallet.home)
    key = claims_key(vocabulary)
    stored = wallet.skill_claims(key)
    fresh: list[tuple[str, str, str]] = []
    for credential in credentials:
        if credential.content_hash is None:
            continue
        raw = stored.get(credential.content_hash)
        claims = _stored_claims(raw, credential.wallet_id) if raw is not None else None
        if claims is not None:
            prime_cache(credential, vocabulary, claims)
        else:
            fresh.append((credential.content_hash, key, stored_claims(extract_skills(credential, vocabulary))))
    if fresh:
        wallet.save_skill_claims(fresh)
    return credentials


def _stored_claim_lists(texts: list[str]) -> list[Any]:
    """Each stored claim list, parsed: all in one JSON parse (a thousand small parses cost several times more);
    when a damaged one breaks that (or shifts the count), each alone, a damaged one as None."""
    import json

    try:
        parsed = json.loads("[" + ",".join(texts) + "]")
    except ValueError:
        parsed = None
    if isinstance(parsed, list) and len(parsed) == len(texts):
        return parsed
    lists: list[Any] = []
    for text in texts:
        try:
            lists.append(json.loads(text))
        except ValueError:
            lists.append(None)
    return lists


def _stored_claims(raw: str, wallet_id: str | None) -> list[SkillClaim] | None:
    """Stored skill claims, or None when the stored row is damaged (they are extracted again)."""
    import json

    from credwallet.skills.model import SkillClaim

    try:
        return [SkillClaim.from_stored(item, wallet_id) for item in json.loads(raw)]
    except Exception:
        return None


def skills_by_credential(credentials: list[Credential], *, home: Path) -> dict[str, list[str]]:
    """Skill ids each credential evidences directly (`list --json`)."""
    from credwallet.skills.extract import credential_skill_ids

    vocabulary = vocabulary_for(home)
    return {str(c.wallet_id): credential_skill_ids(c, vocabulary) for c in credentials}


def skill_labels(*, home: Path) -> dict[str, str]:
    vocabulary = vocabulary_for(home)
    return {skill_id: vocabulary.label(skill_id) for skill_id in vocabulary.skills}


def held_skills(
    credentials: list[Credential],
    *,
    home: Path,
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
    now: datetime | None = None,
    only: frozenset[str] | None = None,
) -> tuple[list[HeldSkill], list[LeftOut]]:
    """Skills from the credentials that count and the learner's declarations, and the credentials left out.

    By default valid, unverified and self-reported credentials and declared skills count, each marked by its
    tier; `verified_only` keeps credentials verified as valid alone (no declarations either).
    """
    from credwallet.gap import counting_credentials
    from credwallet.gcpause import cyclic_gc_paused
    from credwallet.skills.extract import wallet_skills

    counted, left_out = counting_credentials(credentials, now or datetime.now(UTC), verified_only=verified_only)
    vocabulary = vocabulary_for(home)
    with cyclic_gc_paused():
        held = wallet_skills(counted, vocabulary, declared=() if verified_only else declared, only=only)
    return held, left_out


def role_gap(
    credentials: list[Credential],
    role_ref: str,
    *,
    home: Path,
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
    now: datetime | None = None,
) -> tuple[Role, GapResult]:
    """The gap between the wallet and one role (an id, an O*NET code or a YAML file)."""
    from credwallet.gap import analyze_gap
    from credwallet.roles import load_role

    vocabulary = vocabulary_for(home)
    role = load_role(role_ref, user_roles_dir(home), vocabulary)
    held, left_out = held_skills(
        credentials, home=home, verified_only=verified_only, declared=declared, now=now,
        only=frozenset(role.skill_ids()),
    )
    return role, analyze_gap(held, role, vocabulary, left_out, verified_only=verified_only)


def rank_roles(
    credentials: list[Credential],
    *,
    home: Path,
    verified_only: bool = False,
    declared: Sequence[DeclaredSkill] = (),
    now: datetime | None = None,
) -> list[RoleMatch]:
    """Curated built-in roles and the learner's own, ranked by progress (`roles match`)."""
    from credwallet.gap import match_roles
    from credwallet.roles import list_roles

    vocabulary = vocabulary_for(home)
    roles = list_roles(user_roles_dir(home), vocabulary)
    named = frozenset(skill for role in roles for skill in role.skill_ids())
    held, _ = held_skills(
        credentials, home=home, verified_only=verified_only, declared=declared, now=now, only=named
    )
    return match_roles(held, roles, vocabulary)


def resume_relevance(
    credentials: list[Credential], role_ref: str | None, *, home: Path
) -> tuple[dict[str, tuple[float, list[str]]], str | None]:
    """Per credential: how relevant it is to the role, and which of the role's skills it evidences (most
    important first); all credentials' skills when no role is given. Returns the map and the role's title.

    The score counts the role's required skills the credential evidences, each by how surely it shows it
    (the claim's confidence: 1 for an alignment, less for a word in the text), plus its weighted share of
    the role (0-1): a credential aligned to a required skill (SQL for a data analyst) ranks above one that
    shows only optional skills, or mentions a required one in passing.
    """
    from credwallet.roles import load_role
    from credwallet.skills.extract import extract_skills

    vocabulary = vocabulary_for(home)
    role = load_role(role_ref, user_roles_dir(home), vocabulary) if role_ref else None
    weights = role.skill_weights() if role else {}
    required = {member for item in role.core if item.required for member in item.members} if role else set()
    total = sum(weights.values()) or 1.0
    relevance: dict[str, tuple[float, list[str]]] = {}
    for credential in credentials:
        sureness: dict[str, float] = {}
        for claim in extract_skills(credential, vocabulary):
            if role is None or claim.skill in weights:
                sureness[claim.skill] = max(sureness.get(claim.skill, 0.0), claim.confidence)
        skill_ids = list(sureness)
        if role:
            skill_ids.sort(key=lambda s: (s not in required, -weights[s] * sureness[s]))
            score = sum(sureness[s] for s in skill_ids if s in required)
            score += sum(weights[s] * sureness[s] for s in skill_ids) / total
        else:
            score = float(len(skill_ids))
        relevance[str(credential.wallet_id)] = (score, skill_ids)
    return relevance, role.title if role else None

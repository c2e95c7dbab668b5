"""From the wallet to the report's data model: cards, the gap for one role, its pathway, the closest roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.errors import CredwalletError
from credwallet.export.entries import clean_text
from credwallet.report import model, sources
from credwallet.report.cards import ImageStore, OriginalBytes, group_cards, make_card

if TYPE_CHECKING:
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.store.wallet import Wallet


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the user asked for. `now` fixes every date-dependent answer (expiry, plan start) for tests."""

    role: str | None = None  # None: the closest role from `roles match`
    verified_only: bool = False  # count only credentials verified as valid (no declarations either)
    reveal: bool = False
    now: datetime | None = None
    hours_per_week: float = 5.0
    start: date | None = None
    catalogs: tuple[Path, ...] = ()
    pathway: bool = True


def build_report(wallet: Wallet, options: ReportOptions) -> model.Report:
    """The report for everything in the wallet."""
    from credwallet.skills.service import credentials_with_skills

    def original(wallet_id: str) -> bytes:
        return wallet.get(wallet_id, with_original=True).original_bytes

    return report_from_credentials(
        credentials_with_skills(wallet),
        home=wallet.home,
        learner=wallet.profile().name,
        options=options,
        original=original,
        declared=wallet.declared_skills(),
    )


def report_from_credentials(
    credentials: Sequence[Credential],
    *,
    home: Path,
    learner: str | None,
    options: ReportOptions,
    original: OriginalBytes | None = None,
    declared: Sequence[DeclaredSkill] = (),
) -> model.Report:
    """The report for these credentials (the wallet's, or any list a caller assembled)."""
    now = options.now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    state = sources.standing(
        credentials, home=home, now=now, verified_only=options.verified_only, declared=declared
    )
    skills = sources.skill_labels_for(credentials, state.vocabulary)
    names = {str(c.wallet_id): c.name for c in credentials}
    images = ImageStore()
    cards = [
        make_card(
            credential,
            now=now,
            reveal=options.reveal,
            images=images,
            skills=skills.get(str(credential.wallet_id), ()),
            part_of=names.get(credential.parent_id) if credential.parent_id else None,
            original=original,
        )
        for credential in credentials
    ]
    card_names = {card.id: card.name for card in cards}
    notes: list[str] = []
    matches = sources.rank(state) if credentials else []
    role = None
    chosen_by = "option"
    if options.role is not None:
        role = sources.load_role(options.role, state)
    elif matches and matches[0].progress > 0:
        role = sources.load_role(matches[0].role, state)
        chosen_by = "closest match"
    elif credentials:
        notes.append("No role is close yet; pass --role to see the gap for the job you want.")
    gap = pathway = None
    if role is not None:
        result = sources.analyze(role, state)
        gap = sources.gap_view(role, result, state, card_names, chosen_by=chosen_by)
        if options.pathway and (result.partial or result.missing):
            request = sources.PathwayRequest(options.hours_per_week, options.start, options.catalogs)
            try:
                plan = sources.plan(role, result, state, request, now.date())
            except CredwalletError as error:
                notes.append(f"The pathway could not be planned: {clean_text(error.message)}")
            else:
                pathway = sources.pathway_view(plan, state)
    title = f"{clean_text(learner)}: credentials and pathway" if learner else "Credentials and pathway"
    return model.Report(
        title=title,
        learner=clean_text(learner) if learner else None,
        generated_at=now,
        groups=group_cards(cards),
        gap=gap,
        pathway=pathway,
        matches=sources.match_views(matches, role.id if role else None),
        images=images.uris,
        notes=tuple(notes),
        declared=tuple(
            (clean_text(state.vocabulary.label(d.skill)), d.level) for d in ([] if options.verified_only else declared)
        ),
        verified_only=options.verified_only,
    )

"""From the wallet to the report's data model: cards, the gap for one role, its pathway, the closest roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from credwallet.errors import CredwalletError, InputError
from credwallet.export.entries import clean_text
from credwallet.report import model, sources
from credwallet.report.cards import ImageStore, OriginalBytes, group_cards, make_card

if TYPE_CHECKING:
    from credwallet.gap import RoleMatch as EngineMatch
    from credwallet.model import Credential, DeclaredSkill
    from credwallet.store.plans import SavedPlan
    from credwallet.store.wallet import Wallet


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the user asked for. `now` fixes every date-dependent answer (expiry, plan start) for tests."""

    role: str | None = None  # None: the saved plan's role, else the closest role from `roles match`
    plan: str | None = None  # a saved plan's name (`plan --save NAME`): shown with the steps already done
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

    saved = None
    if options.plan is not None:
        from credwallet.store.plans import SavedPlans

        saved = SavedPlans(wallet.connection()).get(options.plan)
    from credwallet.trust import trusted_issuers

    trusted = frozenset(entry.issuer_id for entry in trusted_issuers(wallet))

    return report_from_credentials(
        credentials_with_skills(wallet),
        home=wallet.home,
        learner=wallet.profile().name,
        options=options,
        original=original,
        declared=wallet.declared_skills(),
        saved=saved,
        trusted=trusted or None,
    )


def _on_list(trusted: frozenset[str]) -> Callable[[Credential], bool]:
    def check(credential: Credential) -> bool:
        return credential.issuer.id is not None and credential.issuer.id in trusted

    return check


def _role_ref(
    options: ReportOptions, saved: SavedPlan | None, matches: Sequence[EngineMatch]
) -> tuple[str | None, str]:
    """Which role the gap and pathway are for, and why: the one asked for, the saved plan's, or the closest."""
    if options.role is not None:
        return options.role, "option"
    if saved is not None:
        return str(saved.request.get("role_ref") or saved.role), "saved plan"
    if matches and matches[0].progress > 0:
        return matches[0].role, "closest match"
    return None, "option"


def report_from_credentials(
    credentials: Sequence[Credential],
    *,
    home: Path,
    learner: str | None,
    options: ReportOptions,
    original: OriginalBytes | None = None,
    declared: Sequence[DeclaredSkill] = (),
    saved: SavedPlan | None = None,
    trusted: frozenset[str] | None = None,
) -> model.Report:
    """The report for these credentials (the wallet's, or any list a caller assembled); with `saved`, the
    pathway is that saved plan with its steps done so far; `trusted` is the learner's trust list (issuer ids),
    None when they keep none (then no card is marked either way)."""
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
            trusted=None if trusted is None else _on_list(trusted),
        )
        for credential in credentials
    ]
    card_names = {card.id: card.name for card in cards}
    notes: list[str] = []
    matches = sources.rank(state) if credentials else []
    role_ref, chosen_by = _role_ref(options, saved, matches)
    if role_ref is None and credentials:
        notes.append("No role is close yet; pass --role to see the gap for the job you want.")
    gap = pathway = None
    role = sources.load_role(role_ref, state) if role_ref is not None else None
    if role is not None:
        if saved is not None and role.id != saved.role:
            raise InputError(f"--plan {saved.name} is a plan for {saved.role}, not {role.id}: drop --role")
        result = sources.analyze(role, state)
        gap = sources.gap_view(role, result, state, card_names, chosen_by=chosen_by)
        if saved is not None:
            from credwallet.skills.planning import saved_plan_progress

            same_evidence = bool(saved.request.get("verified_only")) == state.verified_only
            progress = saved_plan_progress(
                list(credentials),
                saved,
                home=home,
                declared=declared,
                today=now.date(),
                now=now,
                holding=state.holding() if same_evidence else None,
            )
            pathway = sources.pathway_view(saved.plan, state, saved=saved, progress=progress)
        elif options.pathway and role_ref is not None:
            request = sources.PathwayRequest(options.hours_per_week, options.start, options.catalogs)
            try:
                document = sources.plan_document(credentials, role_ref, state, request, declared=declared, now=now)
            except CredwalletError as error:
                notes.append(f"The pathway could not be planned: {clean_text(error.message)}")
            else:
                pathway = sources.pathway_view(document, state)
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
        trust_list=trusted is not None,
    )

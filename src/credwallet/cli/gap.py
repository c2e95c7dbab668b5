"""`credwallet gap`: how far the wallet stands from a job role: have, missing, what matters most."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table
from credwallet.wording import plural

if TYPE_CHECKING:
    from credwallet.gap import GapItem, GapResult, LeftOut
    from credwallet.roles import Requirements, Role

STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}
TIER_SHORT = {"valid": "valid", "unverified": "unverified", "self-reported": "self-rep.", "declared": "declared"}
EVIDENCE_SHOWN = 2


def gap_command(
    role: Annotated[
        str,
        typer.Option("--role", help="A role id or slug, an O*NET-SOC code (15-2051.01) or a role YAML file."),
    ],
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid.")
    ] = False,
    include_unverified: Annotated[
        bool, typer.Option("--include-unverified", hidden=True, help="Unverified credentials now count by default.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """What you have, what is missing and what matters most for a role, with coverage and progress."""
    from credwallet.skills.service import evidence_credentials, role_gap

    with open_wallet() as wallet:
        role_profile, result = role_gap(
            evidence_credentials(wallet),
            role,
            home=wallet.home,
            verified_only=verified_only,
            declared=wallet.declared_skills(),
        )
    if as_json:
        console.print_json(result.to_jsonable())
        return
    render_gap(role_profile, result)


def render_gap(role: Role, result: GapResult) -> None:
    """The human view: headline, requirements, core items, what matters most, foundation, left out."""
    out = console.out()
    codes = ", ".join(role.onet_codes)
    origin = "curated" if role.curated else role.origin
    out.print(
        f"[bold]{console.clean(role.title)}[/bold] ({role.id})"
        + (f", O*NET {codes}" if codes else "")
        + f", {origin}"
    )
    width = 24
    filled = round(result.coverage * width)
    partly = max(round(result.progress * width) - filled, 0)
    bar = (
        f"[green]{'█' * filled}[/green][yellow]{'▒' * partly}[/yellow]"
        f"[dim]{'░' * (width - filled - partly)}[/dim]"
    )
    out.print(f"coverage {result.coverage:4.0%} {bar} progress {result.progress:.0%} (partial levels credited)")
    out.print(console.clean(evidence_headline(result)))
    requirements = requirements_line(role.requirements)
    if requirements:
        out.print(console.clean(requirements))
    out.print()
    if not role.core:
        out.print(console.clean(role.notes or "this role has no items to compare"))
        return
    _print_items(result.items)
    out.print("* required; an item of several skills is met by any one of them (or as many as it says)")
    matters = result.matters_most(3)
    if matters:
        out.print(
            "matters most: "
            + console.clean("; ".join(f"{item.label} (level {item.required_level})" for item in matters))
        )
    elif result.items:
        out.print("every core item is met")
    if result.foundation:
        out.print()
        out.print(
            f"[bold]Foundation[/bold] (background skills and knowledge: {result.foundation_weight:.0%} of "
            "coverage, not planned unless asked)"
        )
        _print_items(result.foundation)
    if result.left_out:
        out.print(console.clean(left_out_line(result.left_out)))


def _print_items(items: list[GapItem]) -> None:
    rows, styles = [], []
    for item in items:
        rows.append(
            [
                item.status,
                console.clean_plain(item.label) + (" *" if item.required else ""),
                str(item.required_level),
                str(item.held_level or "—"),
                TIER_SHORT.get(item.tier or "", "—") + (" (text)" if item.weak and item.held_level else ""),
                _evidence_cell(item.evidence),
            ]
        )
        styles.append({0: STATUS_STYLE.get(item.status, "")})
    if rows:
        print_table(
            (
                Column("status"),
                Column("skill", fit="wrap", min_width=20),
                Column("need"),
                Column("have"),
                Column("from", drop=1),
                Column("evidence", fit="wrap", min_width=14),
            ),
            rows,
            styles=styles,
        )


def _evidence_cell(evidence: tuple[str, ...]) -> str:
    if not evidence:
        return "—"
    shown = ", ".join(evidence[:EVIDENCE_SHOWN])
    return shown + (f" +{len(evidence) - EVIDENCE_SHOWN}" if len(evidence) > EVIDENCE_SHOWN else "")


def evidence_headline(result: GapResult) -> str:
    """How much of the coverage rests on each kind of evidence (verified first)."""
    if result.coverage <= 0:
        return "nothing met yet" + (" (counting only verified credentials)" if result.verified_only else "")
    if result.verified_only:
        return "counting only credentials verified as valid"
    names = {"unverified": "unverified credentials", "self-reported": "self-reported credentials",
             "declared": "skills you declared"}
    others = [
        f"{share:.0%} on {name}"
        for tier, name in names.items()
        if (share := result.coverage_by_tier.get(tier, 0.0)) > 0.0005
    ]
    if not others:
        return "all of it rests on credentials verified as valid"
    return f"{result.verified_coverage:.0%} rests on credentials verified as valid; " + "; ".join(others)


def requirements_line(requirements: Requirements | None) -> str:
    """`requires: job zone 4 (considerable preparation); bachelor's degree; 2-4 years' experience`."""
    if requirements is None or requirements.is_empty():
        return ""
    parts = []
    if requirements.job_zone:
        parts.append(f"job zone {requirements.job_zone} ({requirements.job_zone_name})")
    for value in (requirements.education, requirements.experience, requirements.training, requirements.note):
        if value:
            parts.append(value)
    return "the job asks: " + "; ".join(parts)


def left_out_line(left_out: list[LeftOut]) -> str:
    reasons: dict[str, int] = {}
    for left in left_out:
        reasons[left.reason] = reasons.get(left.reason, 0) + 1
    detail = "; ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    return f"{plural(len(left_out), 'credential')} left out ({detail})"

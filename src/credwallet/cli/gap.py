"""`credwallet gap`: how far the wallet stands from a job role."""

from __future__ import annotations

from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}


def gap_command(
    role: Annotated[
        str, typer.Option("--role", help="A role id (see `credwallet roles`) or a role YAML file.")
    ],
    include_unverified: Annotated[
        bool, typer.Option(help="Also count credentials that are not verified as valid.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Met, partial and missing skills for a role, with the credentials behind each and the coverage."""
    from credwallet.skills.service import role_gap

    with open_wallet() as wallet:
        role_profile, result = role_gap(
            credentials_of(wallet), role, home=wallet.home, include_unverified=include_unverified
        )
    if as_json:
        document = result.to_jsonable()
        document["title"] = role_profile.title
        document["left_out"] = [item.to_jsonable() for item in result.left_out]
        console.print_json(document)
        return
    out = console.out()
    width = 30
    filled = round(result.coverage * width)
    partly = max(round(result.progress * width) - filled, 0)
    out.print(f"[bold]{console.clean(role_profile.title)}[/bold] ({role_profile.id})")
    bar = f"[green]{'█' * filled}[/green][yellow]{'▒' * partly}[/yellow][dim]{'░' * (width - filled - partly)}[/dim]"
    out.print(f"coverage {result.coverage:6.1%}  {bar}  progress {result.progress:.1%} (partial levels credited)")
    rows, styles = [], []
    for item in result.items:
        rows.append(
            [
                item.status,
                console.clean_plain(item.label) + (" *" if item.required else ""),
                str(item.required_level),
                str(item.held_level or "—"),
                f"{item.weight:.2f}",
                ", ".join(item.evidence) or "—",
            ]
        )
        styles.append({0: STATUS_STYLE.get(item.status, "")})
    if rows:
        console.print_columns(
            ["", "skill", "need", "have", "weight", "evidence"], rows, flexible=(1, 5), styles=styles
        )
    out.print("* required")
    if result.left_out:
        reasons: dict[str, int] = {}
        for left in result.left_out:
            reasons[left.reason] = reasons.get(left.reason, 0) + 1
        detail = "; ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        out.print(f"{len(result.left_out)} credentials left out ({console.clean(detail)})")

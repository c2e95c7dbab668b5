"""`credwallet skills`: what the wallet evidences, at which level, and from which credentials."""

from __future__ import annotations

from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

LEVEL_NAMES = {1: "aware", 2: "basic", 3: "intermediate", 4: "advanced", 5: "expert"}


def skills_command(
    wallet_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Only this credential's skills.")
    ] = None,
    include_unverified: Annotated[
        bool, typer.Option(help="Also count credentials not verified as valid (all wallet view only).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the skills the wallet evidences (or one credential's), with where each claim came from."""
    from credwallet.skills.service import held_skills, vocabulary_for

    with open_wallet() as wallet:
        if wallet_id is not None:
            from credwallet.skills.extract import extract_skills

            credential = wallet.get(wallet_id, with_original=False)
            vocabulary = vocabulary_for(wallet.home)
            claims = extract_skills(credential, vocabulary)
            if as_json:
                console.print_json([{**c.to_jsonable(), "label": vocabulary.label(c.skill)} for c in claims])
                return
            out = console.out()
            out.print(f"[bold]{console.clean(credential.name)}[/bold] ({credential.wallet_id})")
            if not claims:
                out.print("no skills recognized in this credential")
            for claim in claims:
                via = f" (via {claim.via})" if claim.via else ""
                out.print(
                    f"  {console.clean(vocabulary.label(claim.skill)):32} level {claim.level}  "
                    f"{claim.source:15} {claim.confidence:.2f}  {console.clean(claim.detail)}{via}"
                )
            return
        held, left_out = held_skills(
            credentials_of(wallet), home=wallet.home, include_unverified=include_unverified
        )
    if as_json:
        console.print_json([item.to_jsonable() for item in held])
        return
    out = console.out()
    if not held:
        out.print("No skills evidenced yet.")
    rows = [
        [
            console.clean_plain(item.label),
            f"{item.level} {LEVEL_NAMES.get(item.level, '')}",
            ", ".join(sorted({e.source for e in item.evidence})),
            ", ".join(dict.fromkeys(e.id for e in item.evidence if e.id)),
        ]
        for item in held
    ]
    if rows:
        console.print_columns(["skill", "level", "from", "credentials"], rows, flexible=(0, 3))
    if left_out:
        reasons: dict[str, int] = {}
        for item in left_out:
            reasons[item.reason] = reasons.get(item.reason, 0) + 1
        detail = "; ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        out.print(
            f"{len(left_out)} credentials not counted ({console.clean(detail)}); "
            "--include-unverified counts unverified ones"
        )

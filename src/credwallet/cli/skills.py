"""`credwallet skills`: what the wallet evidences, at which level and from where; declared skills."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.cli.table import Column, print_table
from credwallet.wording import plural

LEVEL_NAMES = {1: "aware", 2: "basic", 3: "intermediate", 4: "advanced", 5: "expert"}


class _SkillsGroup(TyperGroup):
    """`credwallet skills ID` (a wallet id, not a subcommand) runs `skills show ID`, as it always has."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=_SkillsGroup,
    help="The skills your wallet evidences, and skills you declare yourself.",
    epilog="Example: credwallet skills   |   credwallet skills 3fa2c1d0   |   "
    'credwallet skills declare sql --level 3 --note "weekly reporting at Acme"',
    invoke_without_command=True,
)


@app.callback()
def skills_command(
    ctx: typer.Context,
    verified_only: Annotated[
        bool, typer.Option("--verified-only", help="Count only credentials verified as valid.")
    ] = False,
    include_unverified: Annotated[
        bool, typer.Option("--include-unverified", hidden=True, help="Unverified credentials now count by default.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the skills the wallet evidences with their level and where each claim came from (with no
    subcommand); `skills ID` shows one credential's."""
    if ctx.invoked_subcommand is not None:
        return
    from credwallet.skills.service import evidence_credentials, held_skills

    with open_wallet() as wallet:
        held, left_out = held_skills(
            evidence_credentials(wallet),
            home=wallet.home,
            verified_only=verified_only,
            declared=wallet.declared_skills(),
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
            ", ".join(dict.fromkeys(e.tier for e in item.evidence)),
            evidence_cell(list(dict.fromkeys(e.id or "declared" for e in item.evidence)), terminal=out.is_terminal),
        ]
        for item in held
    ]
    if rows:
        print_table(
            (
                Column("skill", fit="wrap", min_width=20),
                Column("level"),
                Column("from", fit="wrap", drop=1, min_width=18),
                Column("evidence", fit="wrap", min_width=18),
            ),
            rows,
        )
    if left_out:
        reasons: dict[str, int] = {}
        for item in left_out:
            reasons[item.reason] = reasons.get(item.reason, 0) + 1
        detail = "; ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        out.print(f"{plural(len(left_out), 'credential')} not counted ({console.clean(detail)})")


# On a terminal a skill names its strongest evidence and counts the rest (a skill held through hundreds of
# credentials is one row, not hundreds of lines); piped and with --json, every id.
EVIDENCE_SHOWN = 2  # as many as `gap` names


def evidence_cell(ids: list[str], *, terminal: bool) -> str:
    if not terminal or len(ids) <= EVIDENCE_SHOWN:
        return ", ".join(ids)
    return ", ".join(ids[:EVIDENCE_SHOWN]) + f" +{len(ids) - EVIDENCE_SHOWN} more"


@app.command("show", hidden=True, epilog="Example: credwallet skills show 3fa2c1d0")
def show(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="A wallet id (or a unique prefix).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """One credential's skills, with the level, source and confidence of each claim."""
    from credwallet.skills.extract import extract_skills
    from credwallet.skills.service import vocabulary_for

    with open_wallet() as wallet:
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


@app.command("declare", epilog='Example: credwallet skills declare sql --level 3 --note "3 years of weekly reporting"')
def declare(
    skill: Annotated[str, typer.Argument(help="A skill: a vocabulary id, label or alias (sql, 'Power BI').")],
    level: Annotated[
        int, typer.Option("--level", min=1, max=5, help="1 aware, 2 basic, 3 intermediate, 4 advanced, 5 expert.")
    ],
    note: Annotated[str | None, typer.Option("--note", help="What it rests on (experience, projects).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the declared skill as JSON.")] = False,
) -> None:
    """Declare a skill you have without a credential for it: shown as "declared", counted by gap and plan
    as the weakest evidence (up to level 3)."""
    from credwallet.skills.holding import DECLARED_LEVEL_CAP
    from credwallet.skills.service import vocabulary_for

    with open_wallet() as wallet:
        vocabulary = vocabulary_for(wallet.home)
        resolved = vocabulary.resolve(skill)
        declared = wallet.declare_skill(resolved.id, level, note)
    if as_json:
        console.print_json(_declared_json(declared, vocabulary.label(declared.skill)))
        return
    out = console.out()
    out.print(f"declared {console.clean(resolved.label)} ({resolved.id}) at level {level} {LEVEL_NAMES[level]}")
    if level > DECLARED_LEVEL_CAP:
        out.print(
            f"gap and plan count a declared skill up to level {DECLARED_LEVEL_CAP}; "
            "a credential shows a higher level"
        )


@app.command("undeclare", epilog="Example: credwallet skills undeclare sql")
def undeclare(
    skill: Annotated[str, typer.Argument(help="A declared skill (id, name or alias).")],
) -> None:
    """Forget a skill you declared (nothing to do when it was not declared)."""
    from credwallet.skills.service import vocabulary_for

    with open_wallet() as wallet:
        vocabulary = vocabulary_for(wallet.home)
        known = vocabulary.lookup(skill)
        removed = wallet.undeclare_skill(known.id if known is not None else skill)
    name = console.clean(known.label if known else skill)
    console.out().print(f"no longer declared: {name}" if removed else f"{name} was not declared; nothing to do")


@app.command("declared", epilog="Example: credwallet skills declared --json")
def declared_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """The skills you declared, with level and note."""
    from credwallet.skills.service import vocabulary_for

    with open_wallet() as wallet:
        vocabulary = vocabulary_for(wallet.home)
        declared = wallet.declared_skills()
    if as_json:
        console.print_json([_declared_json(d, vocabulary.label(d.skill)) for d in declared])
        return
    if not declared:
        console.out().print('No declared skills. Add one with: credwallet skills declare SKILL --level N')
        return
    rows = [
        [console.clean_plain(vocabulary.label(d.skill)), d.skill, str(d.level), console.clean_plain(d.note or "")]
        for d in declared
    ]
    print_table(
        (Column("skill", fit="wrap"), Column("id", drop=1), Column("level"), Column("note", fit="wrap")), rows
    )


def _declared_json(declared: Any, label: str) -> dict[str, Any]:
    return {
        "skill": declared.skill,
        "label": label,
        "level": declared.level,
        "note": declared.note,
        "declared_at": declared.declared_at.isoformat().replace("+00:00", "Z") if declared.declared_at else None,
        "tier": "declared",
    }

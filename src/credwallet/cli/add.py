"""`credwallet add`: record a credential that only exists as a certificate page or PDF (self-reported)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet

if TYPE_CHECKING:
    from credwallet.store.wallet import Wallet


def add_command(
    title: Annotated[str, typer.Option("--title", help="The credential's title, as printed on it.")],
    issuer: Annotated[str, typer.Option("--issuer", help="Who issued it (Coursera, Google, edX, ...).")],
    issued: Annotated[str, typer.Option("--issued", help="Issue date, YYYY-MM-DD or YYYY-MM.")],
    url: Annotated[str | None, typer.Option("--url", help="Where the certificate can be seen (https://...).")] = None,
    skill: Annotated[list[str] | None, typer.Option("--skill", help="A skill it shows, e.g. sql (repeatable).")] = None,
    expires: Annotated[str | None, typer.Option("--expires", help="Expiry date, YYYY-MM-DD or YYYY-MM.")] = None,
    number: Annotated[
        str | None, typer.Option("--number", help="The certificate or license number printed on it.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Record a certificate you hold that has no digital credential: stored as self-reported, never valid."""
    from credwallet.selfreport import SelfReport, parse_day, self_reported_credential

    report = SelfReport(
        title=title,
        issuer=issuer,
        issued=parse_day(issued, "--issued"),
        url=url,
        credential_id=number,
        expires=parse_day(expires, "--expires") if expires else None,
        skills=tuple(skill or ()),
    )
    credential = self_reported_credential(report)
    with open_wallet() as wallet:
        outcome = wallet.add([credential])
        wallet_id = outcome.ids[0]
        offering = _recognized(wallet, wallet_id)
    if as_json:
        console.print_json(
            {
                "imported": outcome.imported,
                "duplicates": outcome.duplicates,
                "status": "unverified",
                "offering": offering,
            }
        )
        return
    if outcome.duplicates:
        console.say(f"= {wallet_id}  {console.clean(credential.name)}: already in the wallet")
    else:
        console.say(f"[green]+[/green] {wallet_id}  self-reported  {console.clean(credential.name)}")
    if offering:
        console.say(f"recognized as catalog offering {offering}: plans count it as done")


def _recognized(wallet: Wallet, wallet_id: str) -> str | None:
    """The catalog offering this record is, if any (so the learner knows plans will not propose it)."""
    from credwallet.planner import held_offerings
    from credwallet.skills.planning import load_catalogs

    catalog = load_catalogs(wallet.home, [], catalog_only=False)
    held = held_offerings([wallet.get(wallet_id, with_original=False)], catalog)
    return next(iter(held), None)

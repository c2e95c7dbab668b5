"""`list`, `show`, `remove`, `tag`, `note`: looking at and annotating what the wallet holds."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

if TYPE_CHECKING:
    from credwallet.model import Credential


def list_command(
    issuer: Annotated[str | None, typer.Option(help="Only credentials whose issuer name or id contains this.")] = None,
    search: Annotated[str | None, typer.Option(help="Only credentials mentioning this text anywhere.")] = None,
    sort: Annotated[str, typer.Option(help="issued | name | issuer | expires | imported")] = "issued",
    clr: Annotated[str | None, typer.Option("--clr", help="Only the credentials inside this CLR.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every matching credential as JSON.")] = False,
) -> None:
    """List the credentials in the wallet."""
    with open_wallet() as wallet:
        parent = wallet.resolve_id(clr) if clr else None
        rows = wallet.summaries(issuer=issuer, search=search, sort=sort, parent_id=parent)
        skills = _skills_by_id(wallet) if as_json else {}
    if as_json:
        console.print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "issuer": r.issuer,
                    "issued_on": r.issued_on,
                    "expires_on": r.expires_on,
                    "format": r.format,
                    "status": r.status,
                    "skills": skills.get(r.id, []),
                }
                for r in rows
            ]
        )
        return
    out = console.out()
    if not rows:
        if issuer or search or clr:
            out.print("No credentials match.")
        else:
            out.print("No credentials yet. Import some with: credwallet import FILE|FOLDER")
        return
    rows = _children_under_parents(rows)
    plain = console.clean_plain
    console.print_columns(
        ["id", "name", "issuer", "issued", "expires", "format", "status"],
        [
            [
                r.id,
                ("↳ " if r.parent_id else "") + plain(r.name),
                plain(r.issuer or "—"),
                console.short_date(r.issued_on),
                console.short_date(r.expires_on),
                r.format,
                r.status,
            ]
            for r in rows
        ],
        flexible=(1, 2),
        styles=[{6: console.STATUS_STYLE.get(r.status, "")} for r in rows],
    )
    out.print(f"{len(rows)} credential{'s' if len(rows) != 1 else ''}")


def _children_under_parents(rows: list[Any]) -> list[Any]:
    """For reading: each CLR's credentials right after it (in their own order); the rest as sorted."""
    listed = {r.id for r in rows}
    children: dict[str, list[Any]] = {}
    for row in rows:
        if row.parent_id in listed:
            children.setdefault(row.parent_id, []).append(row)
    return [item for row in rows if row.parent_id not in listed for item in (row, *children.get(row.id, []))]


def _skills_by_id(wallet: Any) -> dict[str, list[str]]:
    """Skill ids per credential for `list --json`."""
    from credwallet.skills.service import skills_by_credential

    return skills_by_credential(credentials_of(wallet), home=wallet.home)


def show_command(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the normalized credential as JSON.")] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Print the original bytes exactly as imported.")] = False,
    reveal: Annotated[bool, typer.Option("--reveal", help="Show the recipient identity unredacted.")] = False,
) -> None:
    """Show everything known about one credential."""
    with open_wallet() as wallet:
        credential = wallet.get(wallet_id)
        children = wallet.summaries(parent_id=credential.wallet_id)
    if raw:
        sys.stdout.buffer.write(credential.original_bytes)
        sys.stdout.buffer.flush()
        return
    if as_json:
        console.print_json(credential_json(credential, reveal=reveal, children=[c.id for c in children]))
        return
    _render_credential(credential, reveal=reveal, children=children)


def credential_json(credential: Credential, *, reveal: bool, children: list[str]) -> dict[str, Any]:
    """The `show --json` document: the normalized credential plus its latest verification."""
    from credwallet.model import to_jsonable

    document = to_jsonable(credential)
    document["id"] = document.pop("wallet_id")
    document["verification"] = credential.verification
    document["contains"] = children
    if not reveal:
        if credential.recipient is not None:
            document["recipient"] = {
                "type": credential.recipient.type,
                "hashed": credential.recipient.hashed,
                "identity": credential.recipient.redacted(),
            }
        document.pop("document", None)  # the issued document repeats the recipient verbatim
        document.pop("token", None)
    return document


def _render_credential(credential: Credential, *, reveal: bool, children: list[Any]) -> None:
    from rich.table import Table

    out = console.out()
    clean = console.clean
    status = credential.status.value
    style = console.STATUS_STYLE.get(status, "")
    out.print(f"[bold]{clean(credential.name)}[/bold]  [{style}]{status}[/{style}]")
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column(overflow="fold")

    def row(label: str, value: object) -> None:
        if value not in (None, "", []):
            fields.add_row(label, clean(value))

    row("wallet id", credential.wallet_id)
    row("format", f"{credential.format.value} ({credential.container.value})")
    row("credential id", credential.credential_id)
    issuer = credential.issuer
    row("issuer", " · ".join(str(p) for p in (issuer.name, issuer.id, issuer.url, issuer.email) if p))
    row("issued", credential.issued_on.isoformat() if credential.issued_on else None)
    row("expires", credential.expires_on.isoformat() if credential.expires_on else None)
    row("achievement type", credential.achievement_type)
    row("achievement", credential.achievement_id)
    if credential.recipient is not None:
        recipient = credential.recipient
        shown = recipient.identity if reveal else recipient.redacted()
        salt = f", salt {recipient.salt}" if reveal and recipient.salt else ""
        row("recipient", f"{recipient.type}: {shown}{salt}")
    row("description", credential.description)
    if credential.criteria:
        row("criteria", " — ".join(p for p in (credential.criteria.narrative, credential.criteria.url) if p))
    row("tags", ", ".join(credential.tags))
    row("credit hours", credential.credit_hours)
    row("verify url", credential.verify_url)
    image = credential.image
    if image and image.startswith("data:"):
        image = f"{image.split(';', 1)[0]} (embedded, {len(image):,} characters)"
    row("image", image)
    row("verified at", credential.verified_at.isoformat() if credential.verified_at else None)
    row("your tags", ", ".join(credential.user_tags))
    row("your notes", credential.notes)
    row("imported", credential.imported_at.isoformat() if credential.imported_at else None)
    row("source", credential.source)
    row("part of", credential.parent_id)
    out.print(fields)
    if credential.alignments:
        table = Table(title="alignments", title_justify="left", box=None, header_style="bold")
        for column in ("name", "framework", "code", "url"):
            table.add_column(column, overflow="fold")
        for a in credential.alignments:
            table.add_row(clean(a.target_name), clean(a.target_framework), clean(a.target_code), clean(a.target_url))
        out.print(table)
    for label, items in (
        (
            "evidence",
            [" — ".join(p for p in (e.name, e.narrative or e.description, e.id) if p) for e in credential.evidence],
        ),
        (
            "results",
            [" ".join(p for p in (r.type, r.value, r.achieved_level, r.description) if p) for r in credential.results],
        ),
        (
            "endorsements",
            [f"{e.issuer_name or e.issuer_id} ({e.target}): {e.comment or ''}" for e in credential.endorsements],
        ),
        ("structure problems", credential.schema_errors),
        ("contains", [f"{c.id}  {c.name}" for c in children]),
    ):
        if items:
            out.print(f"[bold]{label}[/bold]")
            for item in items:
                out.print(f"  • {clean(item)}")
    if credential.verification:
        out.print("[bold]latest verification[/bold]")
        for check in credential.verification.get("checks", []):
            out.print(f"  {clean(check.get('status'))}: {clean(check.get('name'))} — {clean(check.get('detail'))}")


def remove_command(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a credential from the wallet (its bytes are overwritten on disk)."""
    from credwallet.errors import InputError

    with open_wallet() as wallet:
        credential = wallet.get(wallet_id, with_original=False)
        if not yes:
            if not sys.stdin.isatty():
                raise InputError("refusing to remove without confirmation: pass --yes")
            if not typer.confirm(f"Remove {credential.wallet_id} {credential.name!r}?", default=False):
                raise typer.Exit(1)
        removed = wallet.remove(credential.wallet_id or wallet_id)
    console.out().print(f"removed {', '.join(removed)}")


def tag_command(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    tag: Annotated[str, typer.Argument(help="Your own tag for this credential.")],
    remove: Annotated[bool, typer.Option("--remove", help="Remove the tag instead of adding it.")] = False,
) -> None:
    """Add (or remove) one of your own tags on a credential; kept across re-imports."""
    with open_wallet() as wallet:
        tags = wallet.remove_tag(wallet_id, tag) if remove else wallet.add_tag(wallet_id, tag)
    console.out().print(f"tags: {console.clean(', '.join(tags)) or '(none)'}")


def note_command(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    text: Annotated[str | None, typer.Argument(help="The note; omit with --clear.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Delete the note.")] = False,
) -> None:
    """Attach your own note to a credential (replaces the previous note)."""
    from credwallet.errors import InputError

    if text is None and not clear:
        raise InputError("give the note text, or --clear to delete the note")
    with open_wallet() as wallet:
        resolved = wallet.set_note(wallet_id, None if clear else text)
    console.out().print(f"note {'cleared' if clear else 'saved'} on {resolved}")

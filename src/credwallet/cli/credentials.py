"""`list`, `show`, `remove`, `tag`, `note`: looking at and annotating what the wallet holds."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet
from credwallet.cli.table import Column, print_bullets, print_fields, print_table
from credwallet.wording import plural

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
    if not rows:
        if issuer or search or clr:
            console.note("No credentials match.")
        else:
            console.note("No credentials yet. Import some with: credwallet import FILE|FOLDER")
        return
    rows = _children_under_parents(rows)
    plain = console.clean_plain
    terminal = console.out().is_terminal
    print_table(
        LIST_COLUMNS,
        [
            [
                r.id,
                ("↳ " if r.parent_id and terminal else "") + plain(r.name),
                plain(r.issuer or "—"),
                console.short_date(r.issued_on),
                console.short_date(r.expires_on),
                r.format,
                r.status,
            ]
            for r in rows
        ],
        styles=[{6: console.STATUS_STYLE.get(r.status, "")} for r in rows],
        footer=plural(len(rows), "credential"),
    )


LIST_COLUMNS = (
    Column("id"),
    Column("name", fit="wrap", min_width=28),
    Column("issuer", fit="cut", drop=1),
    Column("issued"),
    Column("expires", drop=2),
    Column("format", drop=3),
    Column("status"),
)


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
    raw: Annotated[
        bool, typer.Option("--raw", help="Print the original file exactly as imported (images only to a pipe or -o).")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="With --raw: write the original file here.", dir_okay=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="With -o: overwrite the file if it exists.")] = False,
    reveal: Annotated[bool, typer.Option("--reveal", help="Show the recipient identity unredacted.")] = False,
) -> None:
    """Show everything known about one credential."""
    from credwallet.errors import InputError

    if output is not None and not raw:
        raise InputError("-o/--output writes the original file: add --raw")
    with open_wallet() as wallet:
        credential = wallet.get(wallet_id)
        children = wallet.summaries(parent_id=credential.wallet_id)
    if raw:
        _write_raw(credential, output, force=force)
        return
    if as_json:
        console.print_json(credential_json(credential, reveal=reveal, children=[c.id for c in children]))
        return
    _render_credential(credential, reveal=reveal, children=children)


def _write_raw(credential: Credential, output: Path | None, *, force: bool) -> None:
    """The original bytes to a file, a pipe, or (text only) the terminal: binary never reaches a terminal."""
    from credwallet.errors import InputError
    from credwallet.export import write_bytes_safely

    data = credential.original_bytes
    if output is not None:
        written = write_bytes_safely(output, data, force=force)
        console.err().print(f"wrote {plural(len(data), 'byte')} to {console.clean(str(written))}")
        return
    if sys.stdout.isatty() and _is_binary(data):
        kind = credential.container.value
        raise InputError(
            f"{credential.wallet_id}: the original is a binary file ({kind}); not writing it to the terminal",
            hint="write it with -o FILE, or redirect it: --raw > FILE",
        )
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _is_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


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
    out = console.out()
    plain = console.clean_plain
    status = credential.status.value
    style = console.STATUS_STYLE.get(status, "")
    console.say(f"[bold]{console.clean(credential.name)}[/bold]  [{style}]{status}[/{style}]")
    issuer = credential.issuer
    recipient = credential.recipient
    image = credential.image
    if image and image.startswith("data:"):
        image = f"{image.split(';', 1)[0]} (embedded, {len(image):,} characters)"
    criteria = credential.criteria
    fields = [
        ("wallet id", credential.wallet_id),
        ("format", f"{credential.format.value} ({credential.container.value})"),
        ("credential id", credential.credential_id),
        ("issuer", " · ".join(str(p) for p in (issuer.name, issuer.id, issuer.url, issuer.email) if p)),
        ("issued", credential.issued_on.isoformat() if credential.issued_on else None),
        ("expires", credential.expires_on.isoformat() if credential.expires_on else None),
        ("achievement type", credential.achievement_type),
        ("achievement", credential.achievement_id),
        ("recipient", _recipient_text(recipient, reveal=reveal) if recipient is not None else None),
        ("description", credential.description),
        ("criteria", " — ".join(p for p in (criteria.narrative, criteria.url) if p) if criteria else None),
        ("tags", ", ".join(credential.tags)),
        ("credit hours", f"{credential.credit_hours:g}" if credential.credit_hours is not None else None),
        ("verify url", credential.verify_url),
        ("image", image),
        ("verified at", _moment(credential.verified_at)),
        ("your tags", ", ".join(credential.user_tags)),
        ("your notes", credential.notes),
        ("imported", _moment(credential.imported_at)),
        ("source", credential.source),
        ("part of", credential.parent_id),
    ]
    print_fields([(label, plain(value)) for label, value in fields if value not in (None, "")])
    if credential.alignments:
        out.print("[bold]alignments[/bold]")
        print_table(
            ALIGNMENT_COLUMNS,
            [
                [
                    plain(a.target_name) or "—",
                    plain(a.target_framework) or "—",
                    plain(a.target_code) or "—",
                    plain(a.target_url) or "—",
                ]
                for a in credential.alignments
            ],
        )
    sections = (
        (
            "evidence",
            [" — ".join(p for p in (e.name, e.narrative or e.description, e.id) if p) for e in credential.evidence],
        ),
        (
            "results",
            [
                " ".join(str(p) for p in (r.type, r.value, r.achieved_level, r.description) if p)
                for r in credential.results
            ],
        ),
        (
            "endorsements",
            [
                f"{e.issuer_name or e.issuer_id} ({e.target}): {e.comment or ''}".rstrip(": ")
                for e in credential.endorsements
            ],
        ),
        ("structure problems", credential.schema_errors),
        ("contains", [f"{c.id}  {c.name}" for c in children]),
    )
    for title, items in sections:
        print_bullets(title, [plain(item) for item in items])
    if credential.verification:
        out.print("[bold]latest verification[/bold]")
        checks = credential.verification.get("checks", [])
        print_table(
            CHECK_COLUMNS,
            [[plain(c.get("status")), plain(c.get("name")), plain(c.get("detail")) or "—"] for c in checks],
        )


def _moment(when: datetime | None) -> str | None:
    """When credwallet did something (verified, imported), to the minute in UTC: the credential's own dates
    are shown exactly as the issuer wrote them, these are ours."""
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if when is not None else None


ALIGNMENT_COLUMNS = (
    Column("name", fit="wrap"),
    Column("framework", fit="cut", drop=2),
    Column("code", fit="cut"),
    Column("url", fit="wrap", drop=1),
)


CHECK_COLUMNS = (Column("result"), Column("check"), Column("detail", fit="wrap"))


def _recipient_text(recipient: Any, *, reveal: bool) -> str:
    shown = recipient.identity if reveal else recipient.redacted()
    salt = f", salt {recipient.salt}" if reveal and recipient.salt else ""
    return f"{recipient.type}: {shown}{salt}"


def remove_command(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a credential from the wallet; a CLR goes with every credential inside it (the bytes are
    overwritten on disk)."""
    from credwallet.errors import InputError

    with open_wallet() as wallet:
        credential = wallet.get(wallet_id, with_original=False)
        resolved = credential.wallet_id or wallet_id
        inside = wallet.summaries(parent_id=resolved)
        going = [(resolved, credential.name), *((c.id, c.name) for c in inside)]
        if not yes:
            if not sys.stdin.isatty():
                raise InputError("refusing to remove without confirmation: pass --yes")
            out = console.out()
            kind = "CLR" if inside else "credential"
            out.print(f"This removes {plural(len(going), 'credential')}:", markup=False)
            for index, (gone_id, name) in enumerate(going):
                role = f"the {kind}" if index == 0 else "inside it"
                out.print(f"  {gone_id}  {console.clean_plain(name)} ({role})", markup=False)
            if not typer.confirm(f"Remove {'them' if len(going) > 1 else 'it'}?", default=False):
                console.err().print("nothing removed", markup=False)
                return
        removed = wallet.remove(resolved)
    console.out().print(f"removed {plural(len(removed), 'credential')}: {', '.join(removed)}", markup=False)


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

"""`credwallet export`: résumé sections, LinkedIn links and whole-wallet backups."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from credwallet.cli import console
from credwallet.cli.state import credentials_of, open_wallet

app = typer.Typer(
    help="Export what the wallet holds: a résumé section, a LinkedIn link, or a backup.",
    epilog="Example: credwallet export resume --format markdown -o certs.md",
)


@app.command("resume", epilog="Example: credwallet export resume --format markdown --role data-analyst -o certs.md")
def resume(
    format: Annotated[
        str, typer.Option("--format", "-f", help="markdown | text | json-resume | html | latex")
    ] = "markdown",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    role: Annotated[str | None, typer.Option(help="Only credentials relevant to this role (id or YAML file).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many credentials.", min=1)] = None,
    include_unverified: Annotated[bool, typer.Option(help="Also list credentials not verified as valid.")] = False,
    include_expired: Annotated[bool, typer.Option(help="Also list expired credentials, with their dates.")] = False,
    group_by: Annotated[str | None, typer.Option(help="issuer | skill | year")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only credentials issued on or after this date (YYYY-MM-DD).")
    ] = None,
    sort: Annotated[str | None, typer.Option(help="date | relevance (default: relevance with --role)")] = None,
    with_skills: Annotated[bool, typer.Option(help="Show the skills each credential evidences.")] = False,
    latex_style: Annotated[str, typer.Option(help="awesome-cv | moderncv")] = "awesome-cv",
    reveal: Annotated[bool, typer.Option(help="Keep recipient emails (redacted by default).")] = False,
    split: Annotated[
        Path | None,
        typer.Option(
            help="Write one file per credential into this folder (names slugged from the credential).", file_okay=False
        ),
    ] = None,
) -> None:
    """The Certifications section of a résumé, with verification links."""
    from credwallet.errors import InputError
    from credwallet.export import ResumeOptions, build_entries, render, write_text_safely
    from credwallet.skills.service import resume_relevance, skill_labels

    try:
        since_date = date.fromisoformat(since) if since else None
    except ValueError:
        raise InputError(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
    with open_wallet() as wallet:
        credentials = credentials_of(wallet)
        relevance, role_title = None, None
        if role or with_skills or group_by == "skill":
            relevance, role_title = resume_relevance(credentials, role, home=wallet.home)
        labels = skill_labels(home=wallet.home) if (with_skills or group_by == "skill") else {}
    options = ResumeOptions(
        include_unverified=include_unverified,
        include_expired=include_expired,
        since=since_date,
        sort=sort,  # type: ignore[arg-type]  # checked by the renderer's option check
        group_by=group_by,  # type: ignore[arg-type]
        limit=limit,
        with_skills=with_skills,
        reveal=reveal,
        role=role_title,
        latex_style=latex_style,  # type: ignore[arg-type]
        skill_labels=labels,
    )
    entries = build_entries(credentials, options, relevance)
    if split is not None:
        files = write_split(entries, format, options, split, force=force)
        console.err().print(f"wrote {len(files)} files in {console.clean(str(split))}")
        return
    text = render(entries, format, options)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    written = write_text_safely(output, text, force=force)
    console.err().print(f"wrote {console.clean(str(written))}")


def write_split(entries: list[Any], format: str, options: Any, folder: Path, *, force: bool) -> list[Path]:
    """One file per credential; every name derived from credential data is slugged and kept inside `folder`."""
    from credwallet.errors import InputError
    from credwallet.export import EXTENSIONS, canonical_format, entry_filename, path_inside, render, write_text_safely

    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    extension = EXTENSIONS[canonical_format(format)]
    written = []
    for entry in entries:
        target = path_inside(folder, entry_filename(entry.name, entry.wallet_id, extension))
        written.append(write_text_safely(target, render([entry], format, options), force=force))
    return written


@app.command("linkedin", epilog="Example: credwallet export linkedin 3fa2c1d0")
def linkedin(
    wallet_id: Annotated[str, typer.Argument(metavar="ID", help="Wallet id (or a unique prefix of it).")],
    force: Annotated[bool, typer.Option("--force", help="Allow a credential not verified as valid.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print {id, url} as JSON.")] = False,
) -> None:
    """The LinkedIn "Add to profile" certification link for one credential."""
    from credwallet.export import entry_from_credential, linkedin_url

    with open_wallet() as wallet:
        credential = wallet.get(wallet_id, with_original=False)
    url = linkedin_url(entry_from_credential(credential), force=force)
    if as_json:
        console.print_json({"id": credential.wallet_id, "url": url})
    else:
        sys.stdout.write(url + "\n")


@app.command("backup", epilog="Example: credwallet export backup ~/wallet-2026.cwbak --encrypt")
def backup(
    path: Annotated[Path, typer.Argument(help="The backup file to write.", dir_okay=False)],
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Protect the backup with a passphrase.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
) -> None:
    """The whole wallet (credentials, notes, tags, profile, your roles and catalogs) in one file."""
    from credwallet.export import write_bytes_safely
    from credwallet.store.backup import backup_document, encode_backup

    passphrase = _passphrase(confirm=True) if encrypt else None
    with open_wallet() as wallet:
        document = backup_document(wallet)
    written = write_bytes_safely(path, encode_backup(document, passphrase), force=force)
    console.err().print(f"backed up {len(document['credentials'])} credentials to {console.clean(str(written))}")


def _passphrase(*, confirm: bool) -> str:
    """From CREDWALLET_PASSPHRASE (scripts, tests) or asked on the terminal without echo."""
    import os

    from credwallet.errors import InputError

    given = os.environ.get("CREDWALLET_PASSPHRASE")
    if given:
        return given
    if not sys.stdin.isatty():
        raise InputError("a passphrase is needed: run on a terminal or set CREDWALLET_PASSPHRASE")
    value: str = typer.prompt("Passphrase", hide_input=True, confirmation_prompt=confirm)
    return value


def restore_backup(path: Path, *, as_json: bool) -> None:
    """`import --backup FILE`: merge a backup into the wallet (duplicates reported, nothing overwritten)."""
    from credwallet.formats.detect import read_capped
    from credwallet.store.backup import MAX_BACKUP_BYTES, decode_backup, is_encrypted, restore

    data = read_capped(path, limit=MAX_BACKUP_BYTES)
    passphrase = _passphrase(confirm=False) if is_encrypted(data) else None
    document = decode_backup(data, passphrase, source=str(path))
    with open_wallet() as wallet:
        report = restore(wallet, document)
    if as_json:
        console.print_json(report.to_jsonable())
        return
    console.out().print(
        f"restored {len(report.restored)}, duplicates {len(report.duplicates)}, user files {len(report.files)}"
    )

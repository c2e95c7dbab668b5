"""`credwallet backup` and `credwallet restore`: the whole wallet in one file, and back.

`export backup FILE` and `import --backup FILE` are the older spellings and run the same code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from credwallet.cli import console
from credwallet.cli.state import open_wallet
from credwallet.wording import plural


def backup_command(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The backup file to write.", dir_okay=False)],
    encrypt: Annotated[
        bool, typer.Option("--encrypt", help="Protect the backup with a passphrase (CREDWALLET_PASSPHRASE or asked).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
) -> None:
    """Save the whole wallet (credentials, notes, tags, profile, your roles and catalogs) in one file."""
    from credwallet.export import write_bytes_safely
    from credwallet.store.backup import backup_document, encode_backup

    passphrase = read_passphrase(confirm=True) if encrypt else None
    with open_wallet() as wallet:
        document = backup_document(wallet)
    written = write_bytes_safely(path, encode_backup(document, passphrase), force=force)
    count = plural(len(document["credentials"]), "credential")
    console.err().print(f"backed up {count} to {console.clean(str(written))}", markup=False)


def restore_command(
    paths: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="Backup files made by `credwallet backup`.", dir_okay=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print what was restored as JSON.")] = False,
) -> None:
    """Merge one or more backups into the wallet: new credentials are added, nothing is overwritten. The
    passphrase of an encrypted backup comes from CREDWALLET_PASSPHRASE, or is asked on the terminal."""
    restore_paths(paths, as_json=as_json)


def read_passphrase(*, confirm: bool) -> str:
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


def restore_paths(paths: list[Path], *, as_json: bool) -> None:
    """Every backup is read and decrypted before the wallet is touched, so a wrong passphrase on the second
    file restores nothing; then each is merged in turn (duplicates reported, nothing overwritten)."""
    from credwallet.formats.detect import read_capped
    from credwallet.restoring import restore_and_verify
    from credwallet.store.backup import MAX_BACKUP_BYTES, RestoreReport, decode_backup, is_encrypted

    documents = []
    passphrase: str | None = None
    for path in paths:
        data = read_capped(path, limit=MAX_BACKUP_BYTES)
        if is_encrypted(data) and passphrase is None:
            passphrase = read_passphrase(confirm=False)
        documents.append(decode_backup(data, passphrase if is_encrypted(data) else None, source=str(path)))
    total = RestoreReport()
    with open_wallet() as wallet:
        for document in documents:
            report = restore_and_verify(wallet, document)  # rebuilt from each credential's bytes, verified again
            total.restored += [i for i in report.restored if i not in total.restored]
            total.duplicates += [i for i in report.duplicates if i not in total.duplicates and i not in total.restored]
            total.files += [f for f in report.files if f not in total.files]
    if as_json:
        console.print_json(total.to_jsonable())
        return
    console.out().print(
        f"restored {plural(len(total.restored), 'credential')} from {plural(len(paths), 'backup')}; "
        f"{plural(len(total.duplicates), 'duplicate')} already in the wallet; "
        f"{plural(len(total.files), 'user file')} (roles, catalogs)",
        markup=False,
    )

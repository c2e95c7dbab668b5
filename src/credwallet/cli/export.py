"""`credwallet export`: résumé sections, LinkedIn links and whole-wallet backups."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from credwallet.cli import backup, console, options
from credwallet.cli.state import credentials_of, open_wallet
from credwallet.wording import plural

app = typer.Typer(
    help="Export what the wallet holds: a résumé section, a LinkedIn link, or a backup.",
    epilog="Example: credwallet export resume --format markdown -o certs.md",
)


@app.command(
    "resume",
    epilog="Example: credwallet export resume --format markdown --role data-analyst -o certs.md",
)
def resume(
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="markdown, text, json-resume, html or latex.")
    ] = "markdown",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    role: Annotated[
        str | None,
        typer.Option(
            metavar="ROLE", help="Only credentials relevant to this role (id or YAML file), most relevant first."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many credentials.", min=1)] = None,
    include_unverified: Annotated[
        bool, typer.Option("--include-unverified", help="Also list credentials not verified as valid.")
    ] = False,
    include_expired: Annotated[
        bool, typer.Option("--include-expired", help="Also list expired credentials, with their dates.")
    ] = False,
    include_courses: Annotated[
        bool,
        typer.Option(
            "--include-courses", help="Also list courses on their own (by default only under their certificate)."
        ),
    ] = False,
    group_by: Annotated[str | None, typer.Option(metavar="KEY", help="issuer, skill or year.")] = None,
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Only credentials issued on or after this date (YYYY-MM-DD).")
    ] = None,
    sort: Annotated[
        str | None, typer.Option(metavar="ORDER", help="date or relevance (default: relevance with --role).")
    ] = None,
    with_skills: Annotated[
        bool, typer.Option("--with-skills", help="Show the skills each credential evidences.")
    ] = False,
    latex_style: Annotated[str, typer.Option(metavar="STYLE", help="awesome-cv or moderncv.")] = "awesome-cv",
    reveal: Annotated[bool, typer.Option("--reveal", help="Keep recipient emails (redacted by default).")] = False,
    publish: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Write each credential without a hosted verification page as a signed file into DIR, "
            "to put on your website; the résumé links to it (see --publish-url).",
            file_okay=False,
        ),
    ] = None,
    publish_url: Annotated[
        str | None,
        typer.Option(
            metavar="URL", help="The https address where DIR will be online (default: DIR as a relative link)."
        ),
    ] = None,
    split: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Write one file per credential into this folder (names slugged from the credential).",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """The Certifications section of a résumé: certifications and certificates a recruiter reads, each
    with a link that verifies it; courses listed under the certificate or transcript they belong to."""
    from credwallet.export import FORMATS, ResumeOptions, canonical_format, render, write_text_safely
    from credwallet.export.entries import GROUP_KEYS, LATEX_STYLES, SORT_KEYS, select_entries, statuses_never_shown
    from credwallet.skills.service import resume_relevance, skill_labels

    format_name = canonical_format(options.choice("--format", format, [*FORMATS, "md", "txt", "json", "tex"]))
    group = options.optional_choice("--group-by", group_by, GROUP_KEYS)
    order = options.optional_choice("--sort", sort, SORT_KEYS)
    style = options.choice("--latex-style", latex_style, LATEX_STYLES)
    since_date = options.iso_date("--since", since)
    base = _publish_base(publish, publish_url)
    needs_skills = bool(role or with_skills or group == "skill")
    never_shown = statuses_never_shown(
        ResumeOptions(include_unverified=include_unverified, include_expired=include_expired)
    )
    with open_wallet() as wallet:
        # What the résumé never shows is counted, not read; skill claims (and the vocabulary) only when the
        # résumé shows skills or ranks by a role.
        unread: dict[str, int] = {}
        for status, count in wallet.counts_by("status").items():
            if status in never_shown:
                unread[never_shown[status]] = unread.get(never_shown[status], 0) + count
        excluding = list(never_shown)
        credentials = (
            credentials_of(wallet, excluding=excluding) if needs_skills else wallet.credentials(excluding=excluding)
        )
        relevance, role_title = None, None
        if needs_skills:
            relevance, role_title = resume_relevance(credentials, role, home=wallet.home)
        labels = skill_labels(home=wallet.home) if (with_skills or group == "skill") else {}
        resume_options = ResumeOptions(
            include_unverified=include_unverified,
            include_expired=include_expired,
            include_courses=include_courses,
            since=since_date,
            sort=order,  # type: ignore[arg-type]  # one of SORT_KEYS, checked above
            group_by=group,  # type: ignore[arg-type]
            limit=limit,
            with_skills=with_skills,
            reveal=reveal,
            role=role_title,
            latex_style=style,  # type: ignore[arg-type]
            skill_labels=labels,
            publish_base=base,
        )
        selection = select_entries(credentials, resume_options, relevance, already_left_out=unread)
        if publish is not None:
            published = _publish(wallet, selection.entries, publish, force=force)
            console.err().print(f"wrote {plural(published, 'verification file')} in {publish}", markup=False)
    entries = selection.entries
    if split is not None:
        files = write_split(entries, format_name, resume_options, split, force=force)
        console.err().print(f"wrote {plural(len(files), 'file')} in {split}", markup=False)
    elif output is None:
        text = render(entries, format_name, resume_options)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        written = write_text_safely(output, render(entries, format_name, resume_options), force=force)
        console.err().print(f"wrote {written}", markup=False)
    _note_selection(selection, publish is not None)  # after the output: a failed write is one error line


def _publish_base(folder: Path | None, url: str | None) -> str | None:
    """The link prefix for published verification files: an https URL, or the folder as a relative link."""
    from credwallet.errors import InputError
    from credwallet.export.entries import safe_https_url

    if url is None:
        return None if folder is None else folder.as_posix()
    if folder is None:
        raise InputError("--publish-url needs --publish DIR: the folder the verification files are written to")
    if safe_https_url(url) is None:
        raise InputError(f"--publish-url {url!r}: give the https:// address where the folder will be online")
    return url


def _publish(wallet: Any, entries: list[Any], folder: Path, *, force: bool) -> int:
    """Write the verification file of every entry that links to one; returns how many were written."""
    from credwallet.errors import InputError
    from credwallet.export import path_inside, write_bytes_safely
    from credwallet.export.publish import verification_file

    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for entry in entries:
        if entry.publish_file is None or entry.wallet_id is None:
            continue
        data = verification_file(wallet.get(entry.wallet_id))
        if data is not None:
            write_bytes_safely(path_inside(folder, entry.publish_file), data, force=force)
            written += 1
    return written


def _note_selection(selection: Any, publishing: bool) -> None:
    """On stderr, for the learner (never in the résumé): what was left out and why, and how to link the rest."""
    notes = []
    if selection.folded:
        notes.append(f"{plural(selection.folded, 'course')} listed under their certificate or transcript")
    left = selection.left_out_text()
    if left:
        notes.append(left)
    unlinked = sum(1 for entry in selection.entries if not entry.verification_url)
    if unlinked and not publishing:
        notes.append(
            f"{plural(unlinked, 'entry')} without a public verification link: "
            "--publish DIR --publish-url URL writes their signed files for your website and links them"
        )
    for note in notes:
        console.err().print(note, markup=False)


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


app.command("backup", epilog="Example: credwallet export backup ~/wallet-2026.cwbak --encrypt")(
    backup.backup_command
)  # the older spelling of `credwallet backup`

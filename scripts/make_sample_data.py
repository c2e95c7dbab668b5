"""Regenerate the Open Badges 2.0 demo wallet in sample_data/ (byte for byte: tests/sample_data checks it).

    python scripts/make_sample_data.py            # rewrite ob2/, broken/, issuer-documents/, README, profile
    python scripts/make_sample_data.py --check    # exit 1 if any generated file is missing or differs

Only the files listed by `build_sample_files` are written; sample_data/ob3/, roles/ and catalog.yaml belong to
other generators and are never touched. Signing keys are the committed demo keys in scripts/sample_keys/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from badge_builders import (
    BadgeSpec,
    IssuerSpec,
    RecipientSpec,
    assertion,
    badge_class,
    carrier_suffix,
    compact_json,
    credential_bytes,
    cryptographic_key,
    issuer_profile,
    json_bytes,
    load_or_create_key,
)
from badge_png import draw_badge_png
from sample_catalog import BADGES, ISSUERS, LEARNER_EMAIL, LEARNER_NAME, LEARNER_URL, NORTHBRIDGE

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
KEYS_DIR = SCRIPTS_DIR / "sample_keys"
SAMPLE_DIR = REPO_ROOT / "sample_data"

# Folders whose every file this script generates (a stale file in them is an error in --check).
GENERATED_FOLDERS = ("ob2", "broken", "issuer-documents")

CARRIER_TEXT = {
    "json": "assertion JSON, badge class and issuer embedded",
    "png": "baked PNG, iTXt `openbadges` (uncompressed)",
    "png-compressed": "baked PNG, iTXt `openbadges` (zlib-compressed, flag 1)",
    "svg": "baked SVG, `<openbadges:assertion verify=...>` with CDATA JSON",
    "jws": "signed assertion, compact JWS (RS256)",
}

# Not one of Alex's badges: its JSON is cut in half to show the parse error.
_BROKEN_SPEC = BadgeSpec(
    slug="r-programming-intro",
    issuer=NORTHBRIDGE,
    name="Introduction to R Programming",
    description="Uses R and the tidyverse to import, transform and plot data.",
    criteria="Completed five graded exercises.",
    issued_on="2025-06-06T12:00:00Z",
    recipient=RecipientSpec(LEARNER_EMAIL, "email", hashed=True, salt="nit-broken01"),
    image="https://northbridge.example/badges/r-programming-intro.png",
)


def signing_key(issuer: IssuerSpec, keys_dir: Path) -> bytes:
    return load_or_create_key(keys_dir / f"{issuer.host}.pem")


def badge_path(spec: BadgeSpec) -> str:
    return f"ob2/{spec.slug}{carrier_suffix(spec.carrier)}"


def _recipient_text(spec: BadgeSpec) -> str:
    recipient = spec.recipient
    if not recipient.hashed:
        return f"plaintext {recipient.type}"
    salt = f"salt `{recipient.salt}`" if recipient.salt else "no salt"
    return f"hashed {recipient.type} ({salt})"


def _badge_notes(spec: BadgeSpec) -> str:
    carrier = CARRIER_TEXT[spec.carrier]
    if spec.hosted_class:
        carrier = "assertion JSON, badge class and issuer given as URLs (see issuer-documents/)"
    notes = [carrier, _recipient_text(spec)]
    if spec.expires:
        notes.append(f"expires {spec.expires[:10]}")
    if spec.evidence:
        notes.append(f"{len(spec.evidence)} evidence item(s)")
    return "; ".join(notes)


def readme_text(issuer_files: list[str]) -> str:
    """sample_data/README.md, generated so it always lists exactly the files that exist."""
    lines = [
        "# Sample data: Alex Morgan's credential wallet",
        "",
        "Demo credentials for credwallet, all fictional: the issuers live on reserved `.example` hosts",
        "(RFC 2606), so no id resolves. Alex Morgan is moving into data analysis. Regenerate with",
        "`python scripts/make_sample_data.py` (deterministic; `tests/sample_data/` checks every byte).",
        "The RSA keys that signed the `.jws` files are in `scripts/sample_keys/`: **demo only, public, never",
        "trust them for anything**.",
        "",
        f"- `profile.yaml`: the learner, {LEARNER_NAME}, with identities `{LEARNER_EMAIL}` and "
        f"`{LEARNER_URL}`;",
        "  every badge below is issued to one of them (hashed as `sha256$` + sha256(identity + salt)).",
        "- Alignments use real ESCO v1.2.0 skill URIs, O*NET 29.3 element ids and O*NET technology commodity",
        "  codes (see `../shared/data/SOURCES.md` for the data and its licences).",
        "",
        "## ob2/: Open Badges 2.0, one file per credential",
        "",
        "| file | issuer | issued | what it demonstrates |",
        "|---|---|---|---|",
    ]
    for spec in BADGES:
        lines.append(
            f"| `{badge_path(spec)}` | {spec.issuer.name} | {spec.issued_on[:10]} | {_badge_notes(spec)} |"
        )
    lines += [
        "",
        "## broken/: two files that must fail, to show the error messages",
        "",
        "- `broken/truncated-assertion.json`: an assertion JSON cut in the middle (a parse error).",
        "- `broken/not-a-badge.png`: a valid PNG with no `openbadges` chunk "
        '("this image is not a baked badge").',
        "",
        "## issuer-documents/: what the issuers would publish online",
        "",
        "Laid out as `HOST/PATH` for `credwallet verify --documents sample_data/issuer-documents` (each",
        "`https://HOST/PATH` is answered from that file): issuer profiles, signing keys, a hosted badge class,",
        "and the hosted assertions. Each `HOST/assertions/ID` (no file extension, so `credwallet import` skips",
        "it) is a copy of an `ob2/` badge as its issuer serves it at the assertion id: with these documents,",
        "hosted verification of every badge except the two signed `.jws` ones can run with no network.",
        "",
    ]
    lines += [f"- `issuer-documents/{name}`" + _served_note(name) for name in issuer_files]
    lines += [
        "",
        "## Not generated here",
        "",
        "- `ob3/`: Open Badges 3.0, VC-JWT and CLR 2.0 samples signed by did:key issuers",
        "  (`scripts/make_sample_ob3.py`; see `ob3/README.md`).",
        "- `roles/junior-data-analyst.yaml` and `catalog.yaml`: a user role and a local bootcamp's catalog,",
        "  written by hand, for `credwallet gap` and `credwallet plan`.",
        "",
    ]
    return "\n".join(lines)


def _served_note(document_path: str) -> str:
    """README note naming which badge a hosted assertion stand-in belongs to."""
    for spec in BADGES:
        if spec.assertion_id.removeprefix("https://") == document_path:
            return f": hosted assertion of `{badge_path(spec)}`"
    return ""


def profile_text() -> str:
    return (
        "# The demo learner. Badges are issued to these identities (most as sha256 hashes with a salt).\n"
        f"name: {LEARNER_NAME}\n"
        "identities:\n"
        f"  - {LEARNER_EMAIL}\n"
        f"  - {LEARNER_URL}\n"
    )


def issuer_documents(keys_dir: Path) -> dict[str, bytes]:
    """Issuer profiles, signing keys and the hosted badge class, at `HOST/PATH` of their ids."""
    documents: dict[str, bytes] = {}
    for issuer in ISSUERS:
        documents[f"{issuer.host}/issuer.json"] = json_bytes(issuer_profile(issuer, with_context=True))
        if issuer.signs:
            key = cryptographic_key(issuer, signing_key(issuer, keys_dir))
            documents[f"{issuer.host}/keys/1.json"] = json_bytes(key)
    for spec in BADGES:
        if spec.hosted_class:
            path = spec.badge_class_id.removeprefix("https://")
            documents[path] = json_bytes(badge_class(spec, with_context=True))
        if spec.carrier != "jws":  # hosted verification fetches the assertion from its own id
            documents[spec.assertion_id.removeprefix("https://")] = hosted_assertion_bytes(spec)
    return documents


def hosted_assertion_bytes(spec: BadgeSpec) -> bytes:
    """The hosted assertion as its issuer serves it at its id: the same bytes the learner holds (the JSON
    file, or the JSON baked into the image). The path has no extension, so a folder import skips it."""
    if spec.carrier == "json":
        return credential_bytes(spec)
    return compact_json(assertion(spec)).encode("utf-8")


def build_sample_files(keys_dir: Path = KEYS_DIR) -> dict[str, bytes]:
    """Every generated file, as {path relative to sample_data/: exact bytes}."""
    files: dict[str, bytes] = {}
    for spec in BADGES:
        key = signing_key(spec.issuer, keys_dir) if spec.carrier == "jws" else None
        files[badge_path(spec)] = credential_bytes(spec, key)
    truncated = json_bytes(assertion(_BROKEN_SPEC))
    files["broken/truncated-assertion.json"] = truncated[: len(truncated) // 2]
    files["broken/not-a-badge.png"] = draw_badge_png((120, 120, 120), 128, (1, 1, 1))
    documents = issuer_documents(keys_dir)
    files.update({f"issuer-documents/{path}": content for path, content in documents.items()})
    files["profile.yaml"] = profile_text().encode("utf-8")
    files["README.md"] = readme_text(sorted(documents)).encode("utf-8")
    return files


def stale_files(out_dir: Path, expected: dict[str, bytes]) -> list[str]:
    """Files in the generated folders that the script no longer produces."""
    found = []
    for folder in GENERATED_FOLDERS:
        for path in sorted((out_dir / folder).rglob("*")):
            relative = path.relative_to(out_dir).as_posix()
            if path.is_file() and relative not in expected:
                found.append(relative)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR, help="sample_data folder to write")
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on drift")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    if args.check:
        missing_keys = [i.host for i in ISSUERS if i.signs and not (KEYS_DIR / f"{i.host}.pem").exists()]
        if missing_keys:
            print(f"missing demo keys for {', '.join(missing_keys)} in {KEYS_DIR}", file=sys.stderr)
            return 1
    files = build_sample_files()
    drift = [
        p
        for p, content in files.items()
        if not (out_dir / p).is_file() or (out_dir / p).read_bytes() != content
    ]
    stale = stale_files(out_dir, files)
    if args.check:
        for path in drift:
            print(f"differs or missing: {path}", file=sys.stderr)
        for path in stale:
            print(f"not generated (stale): {path}", file=sys.stderr)
        return 1 if drift or stale else 0
    for path, content in files.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for path in stale:
        (out_dir / path).unlink()
    print(f"wrote {len(files)} files to {out_dir} ({len(drift)} changed, {len(stale)} stale removed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

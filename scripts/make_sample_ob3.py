"""Regenerate sample_data/ob3/: Open Badges 3.0, VC-JWT and CLR 2.0 credentials for Alex Morgan, signed by
did:key issuers (byte for byte: tests/sample_data/test_sample_ob3.py checks it).

    python scripts/make_sample_ob3.py            # rewrite sample_data/ob3/
    python scripts/make_sample_ob3.py --check    # exit 1 if any generated file is missing or differs

The issuers' Ed25519 keys come from the demo seeds in scripts/sample_keys/ob3-did-key-seeds.json (public,
never trust them). Only sample_data/ob3/ is written; make_sample_data.py owns the rest of sample_data/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ob3_builders import (
    CLR_CONTEXT,
    ED25519_2020_CONTEXT,
    OB3_CONTEXT,
    VC_V1,
    VC_V2,
    Signer,
    alignment,
    baked_png,
    baked_svg,
    credential_urn,
    identity_object,
    image_data_uri,
    json_text,
    load_or_create_seeds,
)
from sample_catalog import LEARNER_EMAIL
from sample_ob3_catalog import (
    CLR_ASSOCIATIONS,
    CLR_INNER,
    CLR_ISSUED,
    CLR_NAME,
    CLR_SALT,
    CLR_SLUG,
    DID_ISSUERS,
    ENDORSEMENT_COMMENT,
    ENDORSEMENT_ISSUED,
    OB3_CREDENTIALS,
    RIVERTON,
    Ob3Spec,
)

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
SEEDS_FILE = SCRIPTS_DIR / "sample_keys" / "ob3-did-key-seeds.json"
SAMPLE_DIR = REPO_ROOT / "sample_data"
OUT_FOLDER = "ob3"

SUFFIX = {"rdfc": ".json", "jcs": ".json", "vc11-ed25519-2020": ".json", "jwt-vc-claim": ".jwt",
          "jwt-jose": ".jwt", "png": ".png", "svg-jwt": ".svg"}  # fmt: skip
SUITE = {"rdfc": "eddsa-rdfc-2022", "jcs": "eddsa-jcs-2022", "vc11-ed25519-2020": "Ed25519Signature2020",
         "png": "eddsa-rdfc-2022", "clr-inner": "eddsa-rdfc-2022"}  # fmt: skip
CARRIER_TEXT = {
    "rdfc": "OpenBadgeCredential JSON-LD, VC 2.0, `eddsa-rdfc-2022` DataIntegrityProof",
    "jcs": "OpenBadgeCredential JSON-LD, VC 2.0, `eddsa-jcs-2022` DataIntegrityProof",
    "vc11-ed25519-2020": "OpenBadgeCredential JSON-LD, VC 1.1 (`issuanceDate`, `expirationDate`), "
    "`Ed25519Signature2020` proof",
    "jwt-vc-claim": "VC-JWT 1.1 style: compact JWS (EdDSA, `typ` JWT, `kid` = did:key method), VC 1.1 "
    "credential in the `vc` claim with `iss`/`jti`/`nbf`",
    "jwt-jose": "VC-JOSE-COSE style: compact JWS (EdDSA, `typ` vc+jwt, `kid` = did:key method), the VC 2.0 "
    "credential is the payload",
    "png": "baked PNG, iTXt `openbadgecredential` with the JSON-LD (VC 2.0, `eddsa-rdfc-2022`)",
    "svg-jwt": "baked SVG, `<openbadges:credential verify=JWT>` (namespace `https://purl.imsglobal.org/ob/v3p0`),"
    " a VC-JWT with the `vc` claim",
}


def signers(seeds_file: Path = SEEDS_FILE) -> dict[str, Signer]:
    seeds = load_or_create_seeds(seeds_file, [issuer.host for issuer in DID_ISSUERS])
    return {issuer.host: Signer(issuer, seeds[issuer.host]) for issuer in DID_ISSUERS}


def _achievement(spec: Ob3Spec, signer: Signer, keys: dict[str, Signer]) -> dict[str, Any]:
    baked = spec.carrier in ("png", "svg-jwt")
    image_id = (
        f"https://{spec.issuer.host}/badges/{spec.slug}.png" if baked else image_data_uri(spec.issuer.colour, spec.bars)
    )
    achievement: dict[str, Any] = {
        "id": spec.achievement_id,
        "type": ["Achievement"],
        "achievementType": spec.achievement_type,
        "name": spec.name,
        "description": spec.description,
        "criteria": {"id": f"{spec.achievement_id}/criteria", "narrative": spec.criteria},
        "image": {"id": image_id, "type": "Image", "caption": f"{spec.name} badge"},
        "creator": signer.profile(full=False),
        "alignment": [alignment(a) for a in spec.alignments],
        "tag": list(spec.tags),
    }
    achievement.update(spec.achievement_extra)
    if spec.endorsed_by is not None:
        achievement["endorsement"] = [endorsement(spec, keys[spec.endorsed_by.host])]
    return achievement


def endorsement(spec: Ob3Spec, endorser: Signer) -> dict[str, Any]:
    """An EndorsementCredential of the achievement, signed by a third party's own did:key."""
    credential = {
        "@context": [VC_V2, OB3_CONTEXT],
        "id": credential_urn(endorser.issuer.host, f"endorsement-{spec.slug}"),
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"{endorser.issuer.name} endorses {spec.name}",
        "issuer": endorser.profile(),
        "validFrom": ENDORSEMENT_ISSUED,
        "credentialSubject": {
            "id": spec.achievement_id,
            "type": ["EndorsementSubject"],
            "endorsementComment": ENDORSEMENT_COMMENT,
        },
    }
    return endorser.sign(credential, "eddsa-rdfc-2022", ENDORSEMENT_ISSUED)


def credential(spec: Ob3Spec, keys: dict[str, Signer], kind: str = "OpenBadgeCredential") -> dict[str, Any]:
    """The unsigned credential for `spec`: VC 2.0 (`validFrom`) or VC 1.1 (`issuanceDate`)."""
    signer = keys[spec.issuer.host]
    contexts = [VC_V1 if spec.vc1 else VC_V2, OB3_CONTEXT]
    if spec.carrier == "vc11-ed25519-2020":
        contexts.append(ED25519_2020_CONTEXT)
    document: dict[str, Any] = {
        "@context": contexts,
        "id": credential_urn(spec.issuer.host, spec.slug),
        "type": ["VerifiableCredential", kind],
        "name": spec.name,
        "issuer": signer.profile(),
    }
    document["issuanceDate" if spec.vc1 else "validFrom"] = spec.issued
    if spec.expires:
        document["expirationDate" if spec.vc1 else "validUntil"] = spec.expires
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [identity_object(LEARNER_EMAIL, spec.salt)],
        "achievement": _achievement(spec, signer, keys),
    }
    subject.update(spec.subject_extra)
    document["credentialSubject"] = subject
    if spec.evidence:
        document["evidence"] = [dict(item) for item in spec.evidence]
    return document


def credential_file(spec: Ob3Spec, keys: dict[str, Signer]) -> bytes:
    """The file Alex holds for `spec`, secured and carried as its `carrier` says."""
    signer = keys[spec.issuer.host]
    unsigned = credential(spec, keys)
    if spec.carrier in ("jwt-vc-claim", "jwt-jose"):
        return (signer.jwt(unsigned, vc_claim=spec.carrier == "jwt-vc-claim") + "\n").encode("ascii")
    if spec.carrier == "svg-jwt":
        token = signer.jwt(unsigned, vc_claim=True)
        return baked_svg(spec.name, spec.issuer.colour, spec.bars, token=token)
    signed = signer.sign(unsigned, SUITE[spec.carrier], spec.issued)
    if spec.carrier == "png":
        from badge_builders import compact_json

        return baked_png(spec.issuer.colour, spec.bars, compact_json(signed))
    return json_text(signed)


def clr_document(keys: dict[str, Signer]) -> dict[str, Any]:
    """The signed ClrCredential: the university's record holding three signed AchievementCredentials."""
    university = keys[RIVERTON.host]
    inner = [
        university.sign(credential(spec, keys, kind="AchievementCredential"), SUITE["clr-inner"], spec.issued)
        for spec in CLR_INNER
    ]
    achievements = [document["credentialSubject"]["achievement"] for document in inner]
    ids = {spec.slug: spec.achievement_id for spec in CLR_INNER}
    unsigned = {
        "@context": [VC_V2, CLR_CONTEXT, OB3_CONTEXT],
        "id": credential_urn(RIVERTON.host, CLR_SLUG),
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": CLR_NAME,
        "description": "Courses and the certificate Alex Morgan completed at Riverton State University, "
        "with grades and credit hours.",
        "issuer": university.profile(),
        "validFrom": CLR_ISSUED,
        "partial": False,
        "credentialSubject": {
            "type": ["ClrSubject"],
            "identifier": [identity_object(LEARNER_EMAIL, CLR_SALT)],
            "achievement": achievements,
            "verifiableCredential": inner,
            "association": [
                {"type": "Association", "associationType": kind, "sourceId": ids[source], "targetId": ids[target]}
                for kind, source, target in CLR_ASSOCIATIONS
            ],
        },
    }
    return university.sign(unsigned, "eddsa-rdfc-2022", CLR_ISSUED)


def ob3_path(spec: Ob3Spec) -> str:
    return f"{OUT_FOLDER}/{spec.slug}{SUFFIX[spec.carrier]}"


CLR_PATH = f"{OUT_FOLDER}/riverton-{CLR_SLUG}.clr.json"


def build_ob3_files(seeds_file: Path = SEEDS_FILE) -> dict[str, bytes]:
    """Every generated file, as {path relative to sample_data/: exact bytes}."""
    keys = signers(seeds_file)
    files = {ob3_path(spec): credential_file(spec, keys) for spec in OB3_CREDENTIALS}
    files[CLR_PATH] = json_text(clr_document(keys))
    files[f"{OUT_FOLDER}/README.md"] = readme_text(keys).encode("utf-8")
    return files


EXPECTED_FORMAT = {"rdfc": "ob3", "jcs": "ob3", "vc11-ed25519-2020": "ob3", "jwt-vc-claim": "ob3-jwt",
                   "jwt-jose": "ob3-jwt", "png": "ob3", "svg-jwt": "ob3-jwt"}  # fmt: skip


def _notes(spec: Ob3Spec) -> str:
    notes = [CARRIER_TEXT[spec.carrier], f"achievementType `{spec.achievement_type}`"]
    extra = spec.achievement_extra
    if "creditsAvailable" in extra:
        notes.append(f"`creditsAvailable` {extra['creditsAvailable']:g}")
    if "result" in spec.subject_extra:
        notes.append("`resultDescription` rubric and a `result` with an achieved rubric level")
    if "licenseNumber" in spec.subject_extra:
        notes.append(f"`licenseNumber` {spec.subject_extra['licenseNumber']}")
    if spec.expires:
        notes.append(f"expires {spec.expires[:10]}")
    if spec.evidence:
        notes.append(f"{len(spec.evidence)} evidence item")
    if spec.endorsed_by:
        notes.append(f"achievement endorsed by {spec.endorsed_by.name} (a signed EndorsementCredential)")
    return "; ".join(notes)


def readme_text(keys: dict[str, Signer]) -> str:
    """sample_data/ob3/README.md, generated so it always lists exactly the files that exist."""
    lines = [
        "# sample_data/ob3: Open Badges 3.0, VC-JWT and CLR 2.0 credentials for Alex Morgan",
        "",
        "Generated by `python scripts/make_sample_ob3.py` (deterministic; `tests/sample_data/test_sample_ob3.py`",
        "checks every byte). Same learner and story as `../README.md`: every credential names Alex by an OB 3.0",
        "`IdentityObject` (`identityType` emailAddress, `identityHash` = `sha256$` +",
        f"sha256(`{LEARNER_EMAIL}` + salt), a fixed salt per credential). Alignments use real ESCO v1.2.0",
        "skill URIs and O*NET 29.3 element ids and technology commodity codes.",
        "",
        "Every issuer id **is** its did:key, and each credential is signed with that key, so the key is bound to",
        "the issuer and `credwallet verify` checks everything offline. The Ed25519 keys come from the demo seeds",
        "in `scripts/sample_keys/ob3-did-key-seeds.json`: **public, demo only, never trust them for anything**.",
        "",
        "Expected verdict for every credential below, offline, with `alex.morgan@example.org` in the profile",
        "(`sample_data/profile.yaml`): **valid** (structure, proof, key, dates, status, recipient all pass).",
        'Without that identity in the profile the recipient check is a warning ("recipient not confirmed").',
        "",
        "## Issuers (did:key)",
        "",
        "| issuer | did:key | role in the demo |",
        "|---|---|---|",
    ]
    roles = {
        "brightpath-academy.example": "online data-skills courses",
        "data-analysts-association.example": "professional certification and continuing education",
        "riverton-university.example": "university: signs the CLR and its three inner credentials",
        "analytics-employers.example": "endorser: signs the EndorsementCredential inside the R course badge",
    }
    for signer in keys.values():
        lines.append(f"| {signer.issuer.name} | `{signer.did}` | {roles[signer.issuer.host]} |")
    lines += [
        "",
        "## Files",
        "",
        "| file | issuer | issued | imports as | what it demonstrates | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for spec in OB3_CREDENTIALS:
        lines.append(
            f"| `{ob3_path(spec).removeprefix(OUT_FOLDER + '/')}` | {spec.issuer.name} | {spec.issued[:10]} | "
            f"`{EXPECTED_FORMAT[spec.carrier]}` | {_notes(spec)} | valid |"
        )
    lines.append(
        f"| `{CLR_PATH.removeprefix(OUT_FOLDER + '/')}` | {RIVERTON.name} | {CLR_ISSUED[:10]} | `clr` + 3 x `ob3` | "
        "ClrCredential (VC 2.0 + CLR 2.0.1 + OB 3.0.3 contexts), `eddsa-rdfc-2022`; holds the three signed "
        "AchievementCredentials below and three `association`s | valid (4 credentials) |"
    )
    lines += [
        "",
        f"## Inside `{CLR_PATH.removeprefix(OUT_FOLDER + '/')}`",
        "",
        "Importing the record gives four wallet entries: the CLR itself and each inner credential, linked to it.",
        "Each inner AchievementCredential carries its own `eddsa-rdfc-2022` proof by the university's did:key.",
        "",
    ]
    for spec in CLR_INNER:
        lines.append(
            f"- {spec.name} ({spec.issued[:10]}, achievementType `{spec.achievement_type}`, "
            f"{spec.achievement_extra['creditsAvailable']:g} credit hours): valid"
        )
    names = {spec.slug: spec.name.split(":")[0] for spec in CLR_INNER}
    lines += ["", "Associations:", ""]
    lines += [f"- {names[source]} `{kind}` {names[target]}" for kind, source, target in CLR_ASSOCIATIONS]
    lines += [
        "",
        "## Try it",
        "",
        "```",
        "credwallet profile add-identity alex.morgan@example.org",
        "credwallet import sample_data/ob3/",
        "credwallet verify --all",
        "credwallet show ID          # the CLR lists its inner credentials; the R badge shows its endorsement",
        "```",
        "",
        "The certification expires on 2029-05-31; verified after that day it is `expired`, not `valid`.",
        "",
    ]
    return "\n".join(lines)


def stale_files(out_dir: Path, expected: dict[str, bytes]) -> list[str]:
    """Files in sample_data/ob3/ that the script no longer produces."""
    return [
        path.relative_to(out_dir).as_posix()
        for path in sorted((out_dir / OUT_FOLDER).rglob("*"))
        if path.is_file() and path.relative_to(out_dir).as_posix() not in expected
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR, help="sample_data folder to write")
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on drift")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    if args.check and not SEEDS_FILE.exists():
        print(f"missing demo seeds {SEEDS_FILE}", file=sys.stderr)
        return 1
    files = build_ob3_files()
    drift = [p for p, content in files.items() if not (out_dir / p).is_file() or (out_dir / p).read_bytes() != content]
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
    print(f"wrote {len(files)} files to {out_dir / OUT_FOLDER} ({len(drift)} changed, {len(stale)} stale removed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

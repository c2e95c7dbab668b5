"""Import speed of OB 3.0: 2,000 JSON-LD credentials and 2,000 VC-JWTs into an empty wallet.

Baseline, in the same run: 2,000 OB 2.0 JSON assertions imported the same way. Target (DESIGN.md §8):
OB 3.0 import per credential within 2x of OB 2.0 (import does not canonicalize; verification is separate).
Each case runs `--repeats` times, interleaved, into a fresh empty wallet; medians are reported.
Usage: python bench/import_ob3.py [--count N] [--repeats R]
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SKILL_WORDS, interleaved_medians, write_assertions

from credwallet.importer import import_paths
from credwallet.store.wallet import Wallet

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def generated_ob3(index: int) -> dict[str, Any]:
    """A realistic, distinct OB 3.0 credential (about 2 KB) with a Data Integrity proof (not checked here)."""
    skill = SKILL_WORDS[index % len(SKILL_WORDS)]
    issuer = f"did:key:z6MkBench{index % 7:04d}"
    return {
        "@context": [VC_V2, OB_CONTEXT],
        "id": f"urn:uuid:7f1c0000-0000-4000-8000-{index:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{skill} Practitioner for learner {index}",
        "issuer": {"id": issuer, "type": ["Profile"], "name": f"Bench Academy {index % 7}",
                   "url": "https://bench.example.org"},
        "validFrom": f"20{20 + index % 6}-0{1 + index % 9}-1{index % 10}T10:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://bench.example.org/achievements/{index % 50}",
                "type": ["Achievement"],
                "name": f"{skill} Practitioner Level {index % 5 + 1} #{index}",
                "description": f"Demonstrated {skill} skills on realistic projects, assessed by peers.",
                "criteria": {"narrative": f"Complete the {skill} capstone and pass the proctored exam."},
                "achievementType": "Certificate",
                "image": {"id": f"https://bench.example.org/images/{index % 50}.png", "type": "Image"},
                "tag": [skill.lower(), "data", "career"],
                "alignment": [
                    {"type": ["Alignment"], "targetName": skill, "targetFramework": "Bench Framework",
                     "targetUrl": f"https://bench.example.org/framework/{skill.lower()}"}
                ],
            },
        },
        "proof": [
            {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "created": "2025-01-01T00:00:00Z",
                "verificationMethod": f"{issuer}#{issuer.removeprefix('did:key:')}",
                "proofPurpose": "assertionMethod",
                "proofValue": "z" + "5" * 86,
            }
        ],
    }  # fmt: skip


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def generated_vc_jwt(index: int) -> str:
    """A VC-JWT 1.1 token (vc claim); the signature is 64 placeholder bytes (import never checks it)."""
    document = generated_ob3(1_000_000 + index)
    del document["proof"]
    claims = {
        "vc": document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": 1_700_000_000 + index,
        "sub": "did:example:learner",
    }
    header = {"alg": "EdDSA", "typ": "JWT", "kid": document["issuer"]["id"] + "#key-1"}
    parts = (json.dumps(header).encode(), json.dumps(claims).encode(), bytes(64))
    return ".".join(_b64url(part) for part in parts)


def write_folder(folder: Path, count: int, kind: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        if kind == "ob3":
            (folder / f"ob3-{index:05d}.json").write_text(json.dumps(generated_ob3(index), indent=2))
        else:
            (folder / f"vc-{index:05d}.jwt").write_text(generated_vc_jwt(index))


def import_seconds(root: Path, folder: Path, expected: int) -> float:
    home = Path(tempfile.mkdtemp(dir=root))
    with Wallet.open(home=home) as wallet:  # creating the empty wallet is not timed
        started = time.perf_counter()
        report = import_paths(wallet, [str(folder)])
        elapsed = time.perf_counter() - started
    assert not report.errors, report.errors[:3]
    assert len(report.imported) == expected, (len(report.imported), expected)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_assertions(root / "ob2", args.count)
        write_folder(root / "ob3", args.count, "ob3")
        write_folder(root / "jwt", args.count, "jwt")
        # Warm-up outside the timed runs: first-use costs (schema compilation) are paid once per process.
        import_seconds(root, root / "ob3", args.count)
        medians = interleaved_medians(
            {
                kind: (lambda kind=kind: import_seconds(root, root / kind, args.count))
                for kind in ("ob2", "ob3", "jwt")
            },
            args.repeats,
        )
    per = {kind: seconds / args.count * 1000 for kind, seconds in medians.items()}
    print(
        f"{args.count:,} credentials per kind, median of {args.repeats} interleaved runs into empty wallets"
    )
    print(f"OB 2.0 JSON (baseline): {per['ob2']:.3f} ms/credential")
    for kind, label in (("ob3", "OB 3.0 JSON-LD"), ("jwt", "OB 3.0 VC-JWT")):
        print(
            f"{label:<22}: {per[kind]:.3f} ms/credential; ratio {per[kind] / per['ob2']:.2f}x (target ≤ 2x)"
        )


if __name__ == "__main__":
    main()

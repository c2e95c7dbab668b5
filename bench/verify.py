"""Offline verification speed, per credential, against bare pyld canonicalization measured in the same run.

Cases (medians over interleaved rounds, after a warm-up that fills the context caches):
  - eddsa-rdfc-2022 on a typical ~5 KB OB 3.0 credential, and on the 1EdTech complete example;
  - eddsa-jcs-2022 and VC-JWT EdDSA on the typical credential.
Floor: `pyld.jsonld.normalize(document, URDNA2015)` of the same signed document with the same offline loader.
Targets (DESIGN.md §8): eddsa-rdfc-2022 <= 1.5x the floor; VC-JWT <= 0.5 ms.
Usage: python bench/verify.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from credwallet.jsonld import document_loader
from credwallet.model import Credential, CredentialFormat, Issuer, Status
from credwallet.verify import verify_credential
from credwallet.verify.signing import did_key, ed25519_key_from_seed, sign_data_integrity, sign_vc_jwt

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "external"
NOW = datetime(2025, 6, 1, tzinfo=UTC)
KEY = ed25519_key_from_seed(b"bench issuer")
ISSUER = did_key(KEY)
SKILLS = ["SQL", "Python", "Tableau", "Statistics", "Data cleaning", "Dashboards", "Excel", "Storytelling"]


def typical_credential() -> dict[str, Any]:
    """An OpenBadgeCredential the size real issuers send (~5 KB): alignments, results, evidence, profile."""
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:9a4e1c1e-7d0b-4f55-8a2e-3c0f1a9d2b77",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Data Analysis with SQL and Python",
        "issuer": {
            "id": ISSUER,
            "type": ["Profile"],
            "name": "Northwind Institute of Data",
            "url": "https://northwind.example",
            "email": "badges@northwind.example",
            "description": "A non-profit school teaching practical data skills to working adults.",
        },
        "validFrom": "2025-02-01T10:00:00Z",
        "validUntil": "2028-02-01T10:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner-7",
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": "s4lt",
                    "identityHash": "sha256$3b2a5f0b6c8e1d9f7a4c2e6b8d0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f",
                }
            ],
            "achievement": {
                "id": "https://northwind.example/achievements/data-analysis",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": "Data Analysis with SQL and Python",
                "description": "Cleans, joins and analyses business data with SQL and pandas, and presents "
                "findings in dashboards that managers can act on. Assessed on three capstone projects.",
                "criteria": {
                    "narrative": "Complete the 12-week programme, pass the proctored SQL exam with 80% or "
                    "more, and deliver three capstone analyses reviewed by practitioners."
                },
                "image": {"id": "https://northwind.example/badges/data-analysis.png", "type": "Image"},
                "creditsAvailable": 6,
                "fieldOfStudy": "Data analytics",
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": skill,
                        "targetFramework": "ESCO",
                        "targetUrl": f"http://data.europa.eu/esco/skill/{index:08x}-aaaa-4bbb-8ccc-0123456789ab",
                        "targetDescription": f"Applies {skill} to real business questions.",
                        "targetType": "ceasn:Competency",
                    }
                    for index, skill in enumerate(SKILLS)
                ],
                "resultDescription": [
                    {
                        "id": "urn:uuid:7e1c2d3e-1111-4c5d-8e9f-0a1b2c3d4e5f",
                        "type": ["ResultDescription"],
                        "name": "Final exam",
                        "resultType": "Percent",
                    }
                ],
            },
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": "urn:uuid:7e1c2d3e-1111-4c5d-8e9f-0a1b2c3d4e5f",
                    "value": "91",
                }
            ],
        },
        "evidence": [
            {
                "id": f"https://northwind.example/evidence/{n}",
                "type": ["Evidence"],
                "name": f"Capstone {n}",
                "narrative": f"Capstone {n}: an analysis of a retail dataset with SQL and pandas.",
            }
            for n in (1, 2, 3)
        ],
    }


def ed25519_alone(token: str) -> Callable[[], Any]:
    """The cryptographic floor of any EdDSA verification on this machine (cryptography / OpenSSL)."""
    from credwallet.verify.keys import b64url_decode

    signing_input, _, signature = token.rpartition(".")
    public_key, message, raw_signature = KEY.public_key(), signing_input.encode(), b64url_decode(signature)
    return lambda: public_key.verify(raw_signature, message)


def median_ms(run: Callable[[], Any], rounds: int, inner: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(inner):
            run()
        samples.append((time.perf_counter() - started) * 1000 / inner)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    from pyld import jsonld

    loader = document_loader()

    def floor(document: dict[str, Any]) -> Callable[[], Any]:
        options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}
        return lambda: jsonld.normalize(document, options)

    def verifier(document: dict[str, Any], token: str | None = None) -> Callable[[], Any]:
        fmt = CredentialFormat.OB3_JWT if token else CredentialFormat.OB3
        issuer = document["issuer"]["id"] if isinstance(document["issuer"], dict) else document["issuer"]
        credential = Credential(
            format=fmt, name="bench", issuer=Issuer(id=issuer), document=document, token=token
        )
        report = verify_credential(credential, identities=["learner@example.org"], now=NOW)
        assert any(c.status.value == "passed" for c in report.check("proof")), report.to_jsonable()
        assert report.status in (Status.VALID, Status.UNVERIFIED), report.to_jsonable()
        return lambda: verify_credential(credential, identities=["learner@example.org"], now=NOW)

    typical = typical_credential()
    rdfc = sign_data_integrity(typical, KEY)
    jcs = sign_data_integrity(typical, KEY, cryptosuite="eddsa-jcs-2022")
    token = sign_vc_jwt(typical, KEY)
    print(f"typical credential: {len(json.dumps(rdfc))} bytes signed; issuer {ISSUER[:24]}…")

    rows: list[tuple[str, Callable[[], Any], Callable[[], Any] | None, int]] = [
        ("eddsa-rdfc-2022, typical OB 3.0", verifier(rdfc), floor(rdfc), 4),
        ("eddsa-jcs-2022, typical OB 3.0", verifier(jcs), None, 50),
        ("VC-JWT EdDSA, typical OB 3.0", verifier(typical, token), None, 200),
        ("(Ed25519 signature check alone)", ed25519_alone(token), None, 500),
    ]
    complete_path = EXTERNAL / "ob3" / "1edtech-validator" / "complete.json"
    if complete_path.is_file():
        complete = json.loads(complete_path.read_text(encoding="utf-8"))
        rows.insert(1, ("eddsa-rdfc-2022, 1EdTech complete", verifier(complete), floor(complete), 1))
        print(f"1EdTech complete example: {len(json.dumps(complete))} bytes ({complete_path.name})")
    else:
        print(f"(1EdTech complete example skipped: {EXTERNAL} not present)")

    for _, run, base, _ in rows:  # warm-up: contexts loaded, processed and cached once per process
        run()
        if base:
            base()
    print(f"\n{'case':36} {'verify ms':>10} {'floor ms':>10} {'ratio':>7}  target")
    for name, run, base, inner in rows:
        # Interleave the verifier and its floor so machine noise hits both alike.
        verify_samples, floor_samples = [], []
        for _ in range(args.rounds):
            verify_samples.append(median_ms(run, 1, inner))
            if base:
                floor_samples.append(median_ms(base, 1, inner))
        verify_ms = statistics.median(verify_samples)
        if base:
            floor_ms = statistics.median(floor_samples)
            print(f"{name:36} {verify_ms:10.3f} {floor_ms:10.3f} {verify_ms / floor_ms:6.2f}x  <= 1.5x")
        else:
            target = "<= 0.5 ms" if "JWT" in name else ""
            print(f"{name:36} {verify_ms:10.3f} {'-':>10} {'-':>7}  {target}")


if __name__ == "__main__":
    main()

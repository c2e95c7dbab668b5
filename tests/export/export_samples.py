"""Hand-built credentials covering every case a résumé export must handle, and the paths tests share.

A plain module (not conftest) so test modules and the golden-file updater can import it by name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from credwallet.model import Alignment, Credential, CredentialFormat, Issuer, Recipient, Status

REPO = Path(__file__).resolve().parents[2]
EXTERNAL = (REPO / ".." / "shared" / "fixtures" / "external").resolve()
GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2025, 6, 1, tzinfo=UTC)
EMAIL = "jane.doe@example.com"
HOSTILE_NAME = "<script>alert(1)</script> C# & R: 100% {fun}_stuff~^\\ *bold* [x](y)"
HOSTILE_ISSUER = "[link=https://evil]"

SKILL_LABELS = {
    "sql": "SQL",
    "data-visualization": "Data visualization",
    "python": "Python",
    "machine-learning": "Machine learning",
    "cloud-computing": "Cloud computing",
    "spreadsheets": "Spreadsheets",
}

# What the skills/gap engine would say about each credential for the "Data Analyst" role.
RELEVANCE: dict[str, tuple[float, list[str]]] = {
    "c1sql": (0.6, ["sql", "data-visualization"]),
    "c2py": (0.2, ["python"]),
    "c3cloud": (0.1, ["cloud-computing"]),
    "c4sheet": (0.25, ["spreadsheets"]),
    "c5odd": (0.0, []),
    "c6ml": (0.3, ["python", "machine-learning"]),
    "c7rev": (0.9, ["sql"]),
}


def day(year: int, month: int, dom: int) -> datetime:
    return datetime(year, month, dom, 12, 0, tzinfo=UTC)


def sample_credentials() -> list[Credential]:
    """Seven credentials: hashed and plaintext recipients, expired, unverified, hostile text, no id,
    https ids, images, alignments, and a revoked one that must never appear."""
    return [
        Credential(
            format=CredentialFormat.OB2,
            name="Data Analysis with SQL",
            issuer=Issuer(
                id="https://example.edu/issuer", name="Example University", url="https://example.edu"
            ),
            credential_id="https://badges.example.edu/assertions/123",
            issued_on=day(2024, 3, 15),
            expires_on=day(2027, 3, 15),
            recipient=Recipient(identity="sha256$" + "ab" * 32, type="email", hashed=True, salt="pepper"),
            alignments=[Alignment(target_name="SQL"), Alignment(target_name="Data Visualization")],
            image="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAH8WrPQAAAABJRU5ErkJggg==",
            wallet_id="c1sql",
            status=Status.VALID,
        ),
        Credential(
            format=CredentialFormat.OB2,
            name="Python Foundations",
            issuer=Issuer(name="Code & Data Academy"),
            credential_id=f"urn:example:{EMAIL}:python",
            verify_url="https://verify.example.org/check?email=jane.doe%40example.com",
            issued_on=day(2023, 9, 1),
            recipient=Recipient(identity=EMAIL, type="email", hashed=False),
            alignments=[Alignment(target_name="Python")],
            wallet_id="c2py",
            status=Status.VALID,
        ),
        Credential(
            format=CredentialFormat.OB3,
            name="Cloud Practitioner",
            issuer=Issuer(id="https://cloud.example.com/issuer", name="Example Cloud"),
            credential_id="https://cloud.example.com/badges/abc?x=1&y=2_z#frag~1",
            issued_on=day(2020, 5, 10),
            expires_on=day(2023, 5, 10),
            wallet_id="c3cloud",
            status=Status.VALID,
        ),
        Credential(
            format=CredentialFormat.OB2,
            name="Spreadsheet Skills",
            issuer=Issuer(name="Office Skills Org", url="http://insecure.example.org"),
            issued_on=day(2022, 1, 20),
            verify_url="https://office.example.org/verify/42",
            wallet_id="c4sheet",
            status=Status.UNVERIFIED,
        ),
        Credential(
            format=CredentialFormat.OB2,
            name=HOSTILE_NAME,
            issuer=Issuer(name=HOSTILE_ISSUER, url="javascript:alert(1)"),
            issued_on=day(2021, 11, 30),
            image="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            wallet_id="c5odd",
            status=Status.VALID,
        ),
        Credential(
            format=CredentialFormat.OB3_JWT,
            name="Machine Learning Specialization",
            issuer=Issuer(id="did:web:learn.example.net", name="Learn Example"),
            credential_id="https://learn.example.net/credentials/ml-2024",
            issued_on=day(2024, 11, 2),
            expires_on=day(2026, 11, 2),
            alignments=[Alignment(target_name="Machine Learning"), Alignment(target_name="Python")],
            image="https://learn.example.net/badges/ml.png",
            wallet_id="c6ml",
            status=Status.VALID,
        ),
        Credential(
            format=CredentialFormat.OB2,
            name="Revoked Badge",
            issuer=Issuer(name="Example University"),
            credential_id="https://badges.example.edu/assertions/999",
            issued_on=day(2024, 6, 1),
            wallet_id="c7rev",
            status=Status.REVOKED,
        ),
    ]

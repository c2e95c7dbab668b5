"""Document gathering: what each credential needs, iterative discovery, one request per URL, the records."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from credwallet.errors import NetworkError
from credwallet.model import Credential, CredentialFormat
from credwallet.net import FetchRequest, FetchResult
from credwallet.online.fetchers import DirectoryFetcher
from credwallet.online.gather import credential_needs, gather_documents
from credwallet.verify.signing import sign_vc_jwt
from tests.online.builders import (
    ISSUER_KEY,
    as_credential,
    did_document,
    hosted_assertion,
    ob3,
    status_entry,
    status_list,
    write_json,
)


class CountingFetcher:
    """Wraps a fetcher and remembers every URL asked, to prove each is asked once."""

    def __init__(self, inner: DirectoryFetcher) -> None:
        self.inner = inner
        self.asked: list[str] = []

    def fetch(self, request: FetchRequest) -> FetchResult:
        self.asked.append(request.url)
        return self.inner.fetch(request)

    def fetch_many(
        self, requests: Sequence[FetchRequest], *, max_parallel: int = 8
    ) -> list[FetchResult | NetworkError]:
        self.asked += [r.url for r in requests]
        return self.inner.fetch_many(requests, max_parallel=max_parallel)


def test_what_each_kind_of_credential_needs() -> None:
    hosted = as_credential(hosted_assertion("https://issuer.example"), CredentialFormat.OB2)
    assert [(n.key, n.role) for n in credential_needs(hosted)] == [
        ("https://issuer.example/assertions/1.json", "assertion"),
        ("https://issuer.example/badges/sql.json", "badge"),
    ]
    vc = ob3(
        "did:web:issuer.example:org:7",
        credentialStatus=[
            status_entry("https://issuer.example/status/1", 4),
            {"id": "https://issuer.example/revocations#x", "type": "1EdTechRevocationList"},
        ],
        proof={"type": "DataIntegrityProof", "verificationMethod": "https://keys.example/k.json#key-1"},
    )
    needs = credential_needs(as_credential(vc))
    assert [(n.key, n.url, n.role) for n in needs] == [
        ("did:web:issuer.example:org:7", "https://issuer.example/org/7/did.json", "did"),
        ("https://keys.example/k.json", "https://keys.example/k.json", "key"),
        ("https://issuer.example/status/1", "https://issuer.example/status/1", "status_list"),
        ("https://issuer.example/revocations", "https://issuer.example/revocations", "revocation_list"),
    ]
    assert needs[2].kind == "status_list"
    token = sign_vc_jwt(ob3("https://issuer.example/profile"), ISSUER_KEY, kid="https://issuer.example/keys#1")
    jwt = Credential(CredentialFormat.OB3_JWT, "x", as_credential(ob3()).issuer, token=token)
    assert {n.key for n in credential_needs(jwt)} == {"https://issuer.example/profile", "https://issuer.example/keys"}
    assert credential_needs(as_credential(ob3())) == []  # did:key: nothing to fetch


def test_discovery_follows_badge_issuer_key_and_list(tmp_path: Path) -> None:
    base = "https://issuer.example"
    write_json(tmp_path, "issuer.example/assertions/1.json", hosted_assertion(base))
    write_json(tmp_path, "issuer.example/badges/sql.json", {"id": f"{base}/badges/sql.json", "issuer": f"{base}/i"})
    profile = {"id": f"{base}/i", "publicKey": [f"{base}/k1", f"{base}/k2"], "revocationList": f"{base}/rl"}
    write_json(tmp_path, "issuer.example/i", profile)
    write_json(tmp_path, "issuer.example/k1", {"id": f"{base}/k1"})
    write_json(tmp_path, "issuer.example/rl", {"id": f"{base}/rl", "revokedAssertions": []})
    credential = as_credential(hosted_assertion(base), CredentialFormat.OB2)
    gathered = gather_documents([credential], DirectoryFetcher(tmp_path))
    assert set(gathered.documents) == {f"{base}/{p}" for p in ("assertions/1.json", "badges/sql.json", "i", "k1", "rl")}
    outcomes = {r.key.rsplit("/", 1)[1]: r.outcome for r in gathered.records.values()}
    assert outcomes == {"1.json": "fetched", "sql.json": "fetched", "i": "fetched", "k1": "fetched", "k2": "failed",
                        "rl": "fetched"}  # fmt: skip
    assert len(gathered.links[0]) == 6


def test_one_request_per_distinct_url_for_many_credentials(tmp_path: Path) -> None:
    lists = [f"https://issuer.example/status/{n}" for n in range(3)]
    for url in lists:
        write_json(tmp_path, url.removeprefix("https://"), status_list(url, set()))
    did = "did:web:issuer.example"
    write_json(tmp_path, "issuer.example/.well-known/did.json", did_document(did))
    credentials = [
        as_credential(ob3(did if n % 2 else "https://issuer.example/profile", number=n,
                          credentialStatus=status_entry(lists[n % 3], n)))
        for n in range(60)
    ]  # fmt: skip
    counting = CountingFetcher(DirectoryFetcher(tmp_path))
    gathered = gather_documents(credentials, counting, max_parallel=4)
    assert sorted(counting.asked) == sorted(set(counting.asked))
    assert len(counting.asked) == 5 == gathered.requests  # 3 lists, the DID document, the https profile
    assert gathered.records["https://issuer.example/profile"].outcome == "failed"
    assert {r.key for r in gathered.records_for(1) if r.outcome == "failed"} == set()
    assert [c.detail for c in gathered.checks_for(0) if c.status.value == "skipped"] == [
        "could not fetch the issuer: https://issuer.example/profile: HTTP 404 (no file "
        f"{tmp_path / 'issuer.example' / 'profile'})"
    ]


def test_status_lists_bring_their_own_issuers(tmp_path: Path) -> None:
    did = "did:web:lists.example"
    url = "https://lists.example/1"
    listing = status_list(url, set())
    listing["issuer"] = did
    write_json(tmp_path, "lists.example/1", listing)
    write_json(tmp_path, "lists.example/.well-known/did.json", did_document(did))
    credential = as_credential(ob3(credentialStatus=status_entry(url, 1)))
    gathered = gather_documents([credential], DirectoryFetcher(tmp_path))
    assert did in gathered.documents and gathered.records[did].role == "did"
    assert did in gathered.links[0]


def test_documents_kept_at_import_answer_when_the_fetch_fails(tmp_path: Path) -> None:
    base = "https://issuer.example"
    credential = as_credential(hosted_assertion(base), CredentialFormat.OB2)
    kept = {"id": f"{base}/badges/sql.json", "name": "SQL", "issuer": f"{base}/i"}
    credential.extension["fetched"] = {"badge_class": {"url": f"{base}/badges/sql.json", "document": kept}}
    gathered = gather_documents([credential], DirectoryFetcher(tmp_path))
    assert gathered.documents[f"{base}/badges/sql.json"] == kept
    assert gathered.records[f"{base}/badges/sql.json"].outcome == "kept"
    assert gathered.records[f"{base}/i"].outcome == "failed"  # discovery went on from the kept copy


def test_broken_credentials_and_documents_never_raise(tmp_path: Path) -> None:
    write_json(tmp_path, "issuer.example/list", [1, 2, 3])
    (tmp_path / "issuer.example" / "bad").write_text("{not json")
    weird = [
        Credential(CredentialFormat.OB3, "x", as_credential(ob3()).issuer, document={"issuer": 7, "proof": "z"}),
        Credential(CredentialFormat.OB3_JWT, "x", as_credential(ob3()).issuer, token="not.a.token"),
        as_credential(ob3(credentialStatus=[status_entry("https://issuer.example/list", 1), "x", {"type": 5}])),
        as_credential(ob3("https://issuer.example/bad")),
        as_credential(ob3("did:web:bad%2Fhost")),
    ]
    gathered = gather_documents(weird, DirectoryFetcher(tmp_path))
    assert gathered.records["https://issuer.example/list"].detail.endswith("not a JSON object")
    assert "invalid JSON" in gathered.records["https://issuer.example/bad"].detail

"""Every OB 3.0, VC and CLR example in ../shared/fixtures/external/ is imported or rejected as pinned here.

Import keeps every well-formed credential whatever contexts it uses (issue 13): one whose context is not
bundled is imported and `verify` calls it unverified offline, naming the context; files that are not
credentials (key pairs, proof configurations, canonical N-Quads, hashes, a status list) are refused with
a reason; credentials that only fail verification (tampered, expired, no proof) import and are judged by `verify`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.ob3.conftest import EXTERNAL
from tests.formats.ob3.fixture_walk import BAKED_SUFFIXES, classify, fixture_files

NOT_JSON = "rejected: not a credential (neither JSON nor a compact JWS)"
NO_VC = "rejected: not a credential (no VC context or type)"
PROOF_CONFIG = "rejected: not a credential (DataIntegrityProof; no credentialSubject)"

EXPECTED: dict[str, str] = {
    # clr/
    "clr/1edtech-spec/ldp-test-vector-signed-clr.json": "imported 2: clr,ob3",
    "clr/1edtech-validator/complex.json": "imported 7: clr,ob3,ob3,ob3,ob3,ob3,ob3",
    "clr/1edtech-validator/simple-noproof.json": "imported 2: clr,ob3",  # draft CLR context: unverified offline
    "clr/1edtech-validator/simple.json": "imported 2: clr,ob3",
    "clr/1edtech-validator/simple.jwt": "imported 2: clr,ob3-jwt",  # draft contexts noted, not fatal (JWT)
    "clr/1edtech-validator/simple_old_safesigned.json": "imported 2: clr,ob3",  # draft CLR context: unverified offline
    "clr/1edtech-validator/simple_v1.json": "imported 7: clr,ob3,ob3,ob3,ob3,ob3,ob3",
    # hostile/ob3-1edtech-validator: proof / date / schema findings are verify's; only the context is fatal
    "hostile/ob3-1edtech-validator/endorsement-err-schema-status-refresh.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-context.json": "rejected: @context[0] must be",
    "hostile/ob3-1edtech-validator/simple-err-credential-subject-type.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-expired.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-issued.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-issuer.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-proof-method-no-scheme.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-proof-method-unknown-did-method.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-proof-method-unknown-scheme.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-proof-method.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-proof-value.json": "imported 1: ob3",
    "hostile/ob3-1edtech-validator/simple-err-type.json": "imported 1: ob3",
    # ob3/
    "ob3/1edtech-spec/examples/achievement-alignment-case.json": "imported 1: ob3",
    "ob3/1edtech-spec/examples/basic-openbadgecredential.json": "imported 1: ob3",
    "ob3/1edtech-spec/examples/complete-openbadgecredential.json": "imported 1: ob3",
    "ob3/1edtech-spec/examples/endorsementcredential.json": "imported 1: ob3",
    "ob3/1edtech-spec/examples/skill-assertion-case.json": "imported 1: ob3",
    "ob3/1edtech-spec/ldp-test-vector-keypair.json": NO_VC,
    "ob3/1edtech-spec/ldp-test-vector-signed-ob.json": "imported 1: ob3",
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked-blank-nodes.json": "imported 1: ob3",
    "ob3/1edtech-validator/bit-string-list/credential-status-revoked.json": "imported 1: ob3",
    "ob3/1edtech-validator/bit-string-list/testlist": "rejected: a status list credential",
    "ob3/1edtech-validator/complete.json": "imported 1: ob3",
    "ob3/1edtech-validator/complete_v1.json": "imported 1: ob3",
    "ob3/1edtech-validator/credential-status-revoked.json": "imported 1: ob3",
    "ob3/1edtech-validator/endorsement-valid.json": "imported 1: ob3",
    "ob3/1edtech-validator/sd/derivedcredential.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-context-alias.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-context-version.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-did-key-method.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-did-web-method.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-eddsa-2022.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-multiple-proofs.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple-noproof.json": "imported 1: ob3",  # verify: no proof, unverifiable
    "ob3/1edtech-validator/simple.1ob": "imported 1: ob3",
    "ob3/1edtech-validator/simple.json": "imported 1: ob3",
    "ob3/1edtech-validator/simple.jwt": "imported 1: ob3-jwt",  # verify: cannot resolve key
    "ob3/1edtech-validator/simple_v1.json": "imported 1: ob3",
    "ob3/1edtech-validator/velocity.jwt": "imported 1: ob3-jwt",  # velocity context noted; verify judges
    # vc-di-eddsa/
    "vc-di-eddsa/Ed25519Signature2020/proofConfigEdSig.json": (
        "rejected: not a credential (Ed25519Signature2020; no credentialSubject)"
    ),
    "vc-di-eddsa/Ed25519Signature2020/signedEdSig.json": "imported 1: ob3",
    "vc-di-eddsa/eddsa-jcs-2022/canonDocJCS.txt": "imported 1: ob3",  # the JCS form is the credential's JSON
    "vc-di-eddsa/eddsa-jcs-2022/proofCanonJCS.txt": PROOF_CONFIG,
    "vc-di-eddsa/eddsa-jcs-2022/proofConfigJCS.json": PROOF_CONFIG,
    "vc-di-eddsa/eddsa-jcs-2022/signedJCS.json": "imported 1: ob3",
    "vc-di-eddsa/eddsa-rdfc-2022/employ/proofConfigDataInt.json": PROOF_CONFIG,
    "vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json": "imported 1: ob3",  # citizenship context bundled
    "vc-di-eddsa/eddsa-rdfc-2022/proofConfigDataInt.json": PROOF_CONFIG,
    "vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json": "imported 1: ob3",
    "vc-di-eddsa/employmentAuth.json": "imported 1: ob3",  # citizenship context bundled
    "vc-di-eddsa/keyPair.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/multiKeyPairs.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofChainConfig1.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofChainConfig2.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofChainConfigSigned1.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofChainConfigSigned2.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofChainTempDoc1.json": "imported 1: ob3",
    "vc-di-eddsa/proof-set-chain/proofChainTempDoc2.json": "imported 1: ob3",  # verify: previousProof missing
    "vc-di-eddsa/proof-set-chain/proofSetConfig1.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofSetConfig2.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofSetConfigSigned1.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/proofSetConfigSigned2.json": NO_VC,
    "vc-di-eddsa/proof-set-chain/signedProofChain1.json": "imported 1: ob3",
    "vc-di-eddsa/proof-set-chain/signedProofChain2.json": "imported 1: ob3",
    "vc-di-eddsa/proof-set-chain/signedProofSet1.json": "imported 1: ob3",
    "vc-di-eddsa/proof-set-chain/signedProofSet2.json": "imported 1: ob3",
    "vc-di-eddsa/proof-set-chain/unsigned.json": "imported 1: ob3",
    "vc-di-eddsa/unsigned.json": "imported 1: ob3",
}


def _relative_files() -> list[str]:
    if not EXTERNAL.is_dir():
        return []
    return [p.relative_to(EXTERNAL).as_posix() for p in fixture_files(EXTERNAL)]


def expected_for(relative: str) -> str:
    """Pinned verdict; the canonical N-Quads, hashes and signatures (.txt) default to 'not JSON'."""
    if relative in EXPECTED:
        return EXPECTED[relative]
    assert relative.endswith(".txt"), f"new fixture file without a pinned verdict: {relative}"
    return NOT_JSON


@pytest.mark.parametrize("relative", _relative_files() or ["(fixtures absent)"])
def test_fixture_is_classified_as_pinned(relative: str, external: Path) -> None:
    path = external / relative
    if path.suffix in BAKED_SUFFIXES:
        pytest.skip("baked image: unbaked by formats/baked.py (the lead's tests cover it)")
    verdict = classify(path, external)
    expected = expected_for(relative)
    if expected.startswith("rejected"):
        assert verdict.startswith(expected), verdict
    else:
        assert verdict == expected


def test_every_pinned_fixture_still_exists(external: Path) -> None:
    missing = [relative for relative in EXPECTED if not (external / relative).is_file()]
    assert missing == []

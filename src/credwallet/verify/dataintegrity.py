"""Embedded Data Integrity proofs: `eddsa-rdfc-2022` (and its draft name `eddsa-2022`), `eddsa-jcs-2022`,
and the legacy `Ed25519Signature2020`; proof sets (each proof reported) and proof chains (`previousProof`).

Follows the W3C vc-di-eddsa verification algorithm: hash the canonical proof configuration and the canonical
unsecured document, and check the Ed25519 signature over both hashes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from credwallet.model import Status, parse_iso_datetime
from credwallet.verify.canon import CanonicalizationError, canonicalize
from credwallet.verify.keys import Documents, ResolvedMethod, resolve_method
from credwallet.verify.multibase import MultibaseError, multibase_decode
from credwallet.verify.report import Check, errored, failed, passed, skipped

RDFC_SUITES = frozenset({"eddsa-rdfc-2022", "eddsa-2022"})  # eddsa-2022: the draft name, same algorithm
JCS_SUITES = frozenset({"eddsa-jcs-2022"})
LEGACY_TYPE = "Ed25519Signature2020"
CLOCK_SKEW = timedelta(minutes=5)
# More proofs than this on one credential is not a real proof set; refuse the work.
MAX_PROOFS = 16


@dataclass(slots=True)
class ProofOutcome:
    """One proof's `proof` check, plus the method it named (for the `key` check); None when not attempted."""

    check: Check
    method: ResolvedMethod | None


def proof_list(document: Mapping[str, Any]) -> list[Any]:
    proof = document.get("proof")
    if proof is None:
        return []
    return proof if isinstance(proof, list) else [proof]


def suite_name(proof: Any) -> str:
    if not isinstance(proof, Mapping):
        return "malformed proof"
    if proof.get("type") == "DataIntegrityProof":
        return str(proof.get("cryptosuite") or "DataIntegrityProof without cryptosuite")
    return str(proof.get("type") or "untyped proof")


def is_supported(proof: Any) -> bool:
    if not isinstance(proof, Mapping):
        return False
    if proof.get("type") == LEGACY_TYPE:
        return True
    suite = proof.get("cryptosuite")
    supported = isinstance(suite, str) and suite in RDFC_SUITES | JCS_SUITES
    return proof.get("type") == "DataIntegrityProof" and supported


class _Failure(Exception):
    """A finding inside one proof's verification (becomes a failed check, never escapes)."""


class _Skip(Exception):
    """The proof cannot be checked offline (its key needs a fetch)."""


class _Canonicalizer:
    """Canonical forms computed once per verification: a proof set shares one unsecured document."""

    def __init__(self, document: Mapping[str, Any], documents: Documents | None = None) -> None:
        self.document = document
        self.documents = documents  # fetched or cached documents: the contexts among them may load
        self.cache: dict[tuple[str, str], bytes] = {}

    def unsecured_hash(self, jcs: bool, previous: list[Mapping[str, Any]]) -> bytes:
        key = ("jcs" if jcs else "rdfc", json.dumps(previous, sort_keys=True, default=str))
        if key not in self.cache:
            unsecured = {k: v for k, v in self.document.items() if k != "proof"}
            if previous:
                unsecured["proof"] = list(previous)
            self.cache[key] = hashlib.sha256(_canonical(unsecured, jcs, self.documents)).digest()
        return self.cache[key]


def _canonical(value: Mapping[str, Any], jcs: bool, documents: Documents | None = None) -> bytes:
    if jcs:
        import rfc8785

        return rfc8785.dumps(value)
    try:
        return canonicalize(dict(value), documents).encode("utf-8")
    except CanonicalizationError as error:
        if error.code in ("CONTEXT", "TIME"):  # a context not at hand, or out of time: unchecked, not forged
            raise _Skip(error.message) from error
        raise _Failure(str(error)) from error


def _previous_proofs(proof: Mapping[str, Any], all_proofs: list[Any]) -> list[Mapping[str, Any]]:
    wanted = proof.get("previousProof")
    if wanted is None:
        return []
    ids = wanted if isinstance(wanted, list) else [wanted]
    found = []
    for proof_id in ids:
        matches = [p for p in all_proofs if isinstance(p, Mapping) and p.get("id") == proof_id]
        if not matches:
            raise _Failure(f"previousProof {proof_id!r} is not in the credential")
        found.append(matches[0])
    return found


def _check_times(proof: Mapping[str, Any], now: datetime) -> None:
    for field_name in ("created", "expires"):
        raw = proof.get(field_name)
        if raw is None:
            continue
        try:
            when = parse_iso_datetime(str(raw))
        except ValueError as error:
            raise _Failure(f"proof {field_name} {raw!r} is not a date") from error
        if field_name == "created" and when > now + CLOCK_SKEW:
            raise _Failure(f"proof created {raw}, in the future")
        if field_name == "expires" and when <= now - CLOCK_SKEW:
            raise _Failure(f"proof expired on {raw}")


def _verify_one(
    proof: Mapping[str, Any],
    all_proofs: list[Any],
    canon: _Canonicalizer,
    now: datetime,
    documents: Documents | None,
) -> tuple[str, ResolvedMethod]:
    suite = suite_name(proof)
    purpose = proof.get("proofPurpose")
    method = resolve_method(proof.get("verificationMethod"), documents)
    if purpose != "assertionMethod":
        raise _Failure(f"proofPurpose is {purpose!r}; a credential needs 'assertionMethod'")
    proof_value = proof.get("proofValue")
    if not isinstance(proof_value, str) or not proof_value.startswith("z"):
        raise _Failure("proofValue is missing or not base58btc multibase")
    try:
        signature = multibase_decode(proof_value)
    except MultibaseError as error:
        raise _Failure(f"proofValue: {error}") from error
    if len(signature) != 64:
        raise _Failure(f"proofValue is {len(signature)} bytes; an Ed25519 signature is 64")
    _check_times(proof, now)
    if method.problem:
        raise _Failure(method.problem)
    if method.key is None:
        raise _Skip(method.online or f"no key found for {method.method_id}")
    if method.key.kind != "Ed25519":
        raise _Failure(f"{suite} needs an Ed25519 key; {method.method_id} is {method.key.kind}")
    jcs = suite in JCS_SUITES
    previous = _previous_proofs(proof, all_proofs)
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    if "@context" in canon.document:
        proof_context = proof.get("@context")
        if proof_context is not None and not _starts_with(canon.document["@context"], proof_context):
            raise _Failure("the proof's @context does not match the credential's")
        config["@context"] = canon.document["@context"]
    data = hashlib.sha256(_canonical(config, jcs, canon.documents)).digest() + canon.unsecured_hash(jcs, previous)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(method.key.raw_ed25519()).verify(signature, data)
    except InvalidSignature as error:
        raise _Failure(
            "signature does not match the credential (tampered, or signed by another key)"
        ) from error
    return f"{suite} signature valid (key {method.key.label} from {method.source})", method


def _starts_with(document_context: Any, proof_context: Any) -> bool:
    doc = document_context if isinstance(document_context, list) else [document_context]
    prf = proof_context if isinstance(proof_context, list) else [proof_context]
    return doc[: len(prf)] == prf


def verify_proofs(
    document: Mapping[str, Any], *, now: datetime, documents: Documents | None
) -> list[ProofOutcome]:
    """One outcome per embedded proof, in document order; an empty list when the credential has no proof."""
    proofs = proof_list(document)
    if len(proofs) > MAX_PROOFS:
        return [
            ProofOutcome(failed("proof", f"{len(proofs)} proofs (at most {MAX_PROOFS} are checked)"), None)
        ]
    canon = _Canonicalizer(document, documents)
    outcomes = []
    for index, proof in enumerate(proofs):
        label = f"proof {index + 1} of {len(proofs)}: " if len(proofs) > 1 else ""
        suite = suite_name(proof)
        if not is_supported(proof):
            detail = f"{label}unsupported proof type {suite}; not checked"
            outcomes.append(ProofOutcome(skipped("proof", detail), None))
            continue
        method: ResolvedMethod | None = None
        try:
            detail, method = _verify_one(proof, proofs, canon, now, documents)
            outcomes.append(ProofOutcome(passed("proof", label + detail), method))
        except _Failure as finding:
            method = resolve_method(proof.get("verificationMethod"), documents)
            outcomes.append(ProofOutcome(failed("proof", f"{label}{finding} ({suite})"), method))
        except _Skip as reason:
            method = resolve_method(proof.get("verificationMethod"), documents)
            outcomes.append(ProofOutcome(skipped("proof", f"{label}{reason} ({suite})"), method))
        except Exception as error:  # a library broke: report it, never raise for a credential
            outcomes.append(ProofOutcome(errored("proof", error), None))
    return outcomes


def summarize(outcomes: list[ProofOutcome]) -> list[ProofOutcome]:
    """Unsupported proofs next to a valid one do not hold a credential back (they are shown, not counted)."""
    if any(o.check.status.value == "passed" for o in outcomes):
        for outcome in outcomes:
            if outcome.method is None and outcome.check.status.value == "skipped":
                outcome.check.effect = None
    else:
        for outcome in outcomes:
            if outcome.check.status.value == "skipped":
                outcome.check.effect = Status.UNVERIFIED
    return outcomes

"""JSON-LD work is bounded before the expensive step, and each credential's verification has a time budget.

Issue 12, finding 4: a credential with a large array of blank nodes stalled pyld's node map (quadratic) for
seconds to minutes before the blank-node budget was ever reached.
"""

from __future__ import annotations

from typing import Any

import pytest

from credwallet.limits import MAX_JSONLD_OBJECTS, MAX_JSONLD_VALUES
from credwallet.model import Status
from credwallet.verify import canon, fastrdf, verify_credential
from credwallet.verify.signing import sign_data_integrity
from tests.verify.helpers import ISSUER_KEY, NOW, credential, details, ob3_document, statuses


def with_evidence(count: int, *, undefined_term: bool = False) -> dict[str, Any]:
    document = ob3_document()
    document["evidence"] = [{"type": ["Evidence"], "name": f"Work sample {n}"} for n in range(count)]
    if undefined_term:
        document["credentialSubject"]["skillLevel"] = "advanced"  # no context defines it: pyld's road
    return document


def test_too_many_objects_are_refused_before_any_expansion(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: Any, **__: Any) -> Any:
        raise AssertionError("expansion started")

    monkeypatch.setattr(fastrdf, "dataset", never)
    monkeypatch.setattr(canon, "_canonicalize_with_pyld", never)
    with pytest.raises(canon.CanonicalizationError) as caught:
        canon.canonicalize(with_evidence(MAX_JSONLD_OBJECTS + 1))
    assert caught.value.code == "BUDGET" and "JSON objects" in caught.value.message


def test_too_many_values_are_refused_before_any_expansion() -> None:
    document = ob3_document()
    document["credentialSubject"]["achievement"]["tag"] = ["sql"] * (MAX_JSONLD_VALUES + 1)
    with pytest.raises(canon.CanonicalizationError) as caught:
        canon.canonicalize(document)
    assert caught.value.code == "BUDGET" and "JSON values" in caught.value.message


def test_a_large_array_of_blank_nodes_over_bundled_contexts_verifies() -> None:
    """Thousands of blank nodes under one property: the fast road walks them once (linear)."""
    signed = sign_data_integrity(with_evidence(3000), ISSUER_KEY)
    report = verify_credential(credential(signed), identities=[], now=NOW)
    assert report.status is Status.VALID, details(report)


def test_a_spent_time_budget_stops_canonicalization_on_either_road() -> None:
    for document in (with_evidence(50), with_evidence(50, undefined_term=True)):
        with canon.time_budget(0.0), pytest.raises(canon.CanonicalizationError) as caught:
            canon.canonicalize(document)
        assert caught.value.code == "TIME"


def test_an_inner_budget_never_extends_the_outer_one() -> None:
    with canon.time_budget(0.0), canon.time_budget(60.0), pytest.raises(canon.CanonicalizationError):
        canon.canonicalize(with_evidence(5))


def test_out_of_time_is_unverified_with_the_reason_never_invalid() -> None:
    signed = sign_data_integrity(with_evidence(200), ISSUER_KEY)
    with canon.time_budget(0.0):
        report = verify_credential(credential(signed), identities=[], now=NOW)
    assert report.status is Status.UNVERIFIED, details(report)
    assert statuses(report, "proof") == ["skipped"]
    assert "time budget" in report.check("proof")[0].detail


def test_the_budget_is_per_credential() -> None:
    """A budget spent on one credential does not follow the next one (each verification sets its own)."""
    signed = sign_data_integrity(ob3_document(), ISSUER_KEY)
    assert verify_credential(credential(signed), identities=[], now=NOW).status is Status.VALID
    with canon.time_budget(0.0):
        pass
    assert verify_credential(credential(signed), identities=[], now=NOW).status is Status.VALID

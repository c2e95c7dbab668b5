"""The structure check's cost is bounded: errors are enumerated lazily, so 600,000 violations cost what 1,000 do.

Work is measured by counting the validation errors jsonschema builds (deterministic), not by timing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from credwallet.formats import schema_check
from tests.formats.ob3.conftest import VC_V1, credential
from tests.formats.ob3.test_schema_check import _fixture_documents, _mutations

VIOLATIONS = 600_000  # the audit's case: 17 s and 157 MB when every error was built first


def _vc1(**changes: Any) -> dict[str, Any]:
    document = credential(**{"@context": [VC_V1, "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]})
    document["issuanceDate"] = document.pop("validFrom")
    document.update(changes)
    return document


def _with_alignment(items: list[Any]) -> dict[str, Any]:
    document = credential()
    document["credentialSubject"]["achievement"]["alignment"] = items
    return document


HOSTILE: dict[str, Callable[[], dict[str, Any]]] = {
    "alignment of numbers": lambda: _with_alignment([1] * VIOLATIONS),
    "alignment of empty objects": lambda: _with_alignment([{}] * VIOLATIONS),
    "type array of numbers (allOf + contains)": lambda: credential(type=[1] * VIOLATIONS),
    "proof array of numbers": lambda: credential(proof=[1] * VIOLATIONS),
    "VC 1.1 proof under oneOf": lambda: _vc1(proof=[1] * VIOLATIONS),
    "VC 1.1 type under oneOf": lambda: _vc1(type=[1] * VIOLATIONS),
}


@pytest.fixture
def built_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many ValidationError objects jsonschema builds while the test runs."""
    from jsonschema import exceptions

    count = [0]
    original = exceptions._Error.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        count[0] += 1
        original(self, *args, **kwargs)

    monkeypatch.setattr(exceptions._Error, "__init__", counting)
    yield count


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hundreds_of_thousands_of_violations_cost_a_bounded_amount(name: str, built_errors: list[int]) -> None:
    report = schema_check.structure_report(HOSTILE[name]())
    assert report.errors, "the document is not conforming, so errors are listed"
    assert len(report.errors) <= schema_check.MAX_ERRORS + 1
    # Before the change every violation was built (600,000+); now listing stops at the counting limit.
    assert built_errors[0] < 5 * schema_check.MAX_COUNTED_ERRORS


def test_hundreds_of_thousands_of_violations_take_little_memory() -> None:
    """Memory the check allocates beyond the document itself (tracemalloc, deterministic): a few MB, where
    building every error first took 157 MB."""
    import tracemalloc

    document = HOSTILE["alignment of numbers"]()
    schema_check.structure_report(_with_alignment([]))  # schemas loaded and compiled outside the measurement
    tracemalloc.start()
    try:
        schema_check.structure_report(document)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, f"{peak / 2**20:.1f} MB"


def test_listing_says_counting_stopped() -> None:
    errors = schema_check.check_structure(_with_alignment([1] * VIOLATIONS))
    assert len(errors) == schema_check.MAX_ERRORS + 1
    more = schema_check.MAX_COUNTED_ERRORS - schema_check.MAX_ERRORS
    assert errors[-1] == f"... and at least {more:,} more schema errors"
    assert errors[0] == "$.credentialSubject.achievement.alignment[0]: 1 is not of type 'object'"


def test_a_few_extra_errors_are_counted_exactly() -> None:
    errors = schema_check.check_structure(_with_alignment([1] * (schema_check.MAX_ERRORS + 7)))
    assert errors[-1] == "... and 7 more schema errors"


def test_contains_still_finds_a_late_match_and_reports_a_missing_one() -> None:
    late = credential(type=["x"] * 1000 + ["VerifiableCredential", "OpenBadgeCredential"])
    assert not any("does not contain" in e for e in schema_check.check_structure(late))
    missing = schema_check.check_structure(credential(type=["OpenBadgeCredential"]))
    assert any("does not contain items matching the given schema" in e for e in missing)


def _stock_validator(name: str) -> Any:
    from jsonschema import validators
    from referencing import Registry

    schema = schema_check._schema(name)
    cls = validators.validator_for(schema)
    return cls(schema, registry=Registry(), format_checker=cls.FORMAT_CHECKER)


def test_capped_keywords_never_change_a_verdict(external: Path) -> None:
    """anyOf/oneOf/contains with early stops decide exactly as stock jsonschema on real files and variants."""
    checked = 0
    for document in _fixture_documents(external):
        name = schema_check.schema_name_for(document)
        assert name is not None
        ours, stock = schema_check._validator(name), _stock_validator(name)
        extra = [dict(document, type=["VerifiableCredential"] * 3), dict(document, proof=[{}, 1])]
        for variant in [document, *_mutations(document), *extra]:
            assert ours.is_valid(variant) is stock.is_valid(variant)
            assert bool(list(ours.iter_errors(variant))) is bool(list(stock.iter_errors(variant)))
            checked += 1
    assert checked > 100


def test_errors_are_listed_in_the_order_of_the_document() -> None:
    errors = schema_check.check_structure(_with_alignment([1] * 12))
    indexes = [int(line.split("[")[1].split("]")[0]) for line in errors]
    assert indexes == list(range(12))  # alignment[2] before alignment[10], as a reader counts

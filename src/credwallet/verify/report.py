"""Verification results: one `Check` per thing looked at, and a `Report` whose status follows from them.

A finding is never an exception: an expired or forged credential is a Report (DESIGN.md §5, STYLE habit 14).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from credwallet.model import Status


class CheckKind(StrEnum):
    """Which question a check answers (DESIGN.md §5): is it what the issuer signed, or does it follow the rules."""

    AUTHENTICITY = "authenticity"  # proof, key, signed content, dates, status, recipient: decides the status
    CONFORMANCE = "conformance"  # 1EdTech schemas and data-model rules: warnings unless `verify --strict`


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"  # could not be checked here (offline, unsupported); `effect` says if that matters
    ERROR = "error"  # the check itself broke (an unexpected library error); never a verdict on its own


# Worst first: a credential with a forged proof is `invalid` even if it is also expired.
_SEVERITY = {
    Status.INVALID: 5,
    Status.REVOKED: 4,
    Status.SUSPENDED: 3,
    Status.EXPIRED: 2,
    Status.UNVERIFIED: 1,
    Status.VALID: 0,
}


@dataclass(slots=True)
class Check:
    """One line of a verification: `name` (structure, proof, key, dates, status, recipient), outcome, detail.

    `effect` is the credential status this check forces (None: it does not change the status, e.g. a
    warning); `warning` marks findings shown to the user that never make a credential invalid; `kind` says
    whether it is about authenticity (the status) or conformance (warnings only, failures under --strict).
    """

    name: str
    status: CheckStatus
    detail: str
    effect: Status | None = None
    warning: bool = False
    kind: CheckKind = CheckKind.AUTHENTICITY

    def to_jsonable(self) -> dict[str, Any]:
        """§7 check item; a warning (never changes the status) also carries `"warning": true`."""
        document: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind.value,
            "status": self.status.value,
            "detail": self.detail,
        }
        if self.warning:
            document["warning"] = True
        return document


def passed(name: str, detail: str) -> Check:
    return Check(name, CheckStatus.PASSED, detail)


def failed(name: str, detail: str, effect: Status = Status.INVALID) -> Check:
    return Check(name, CheckStatus.FAILED, detail, effect)


def skipped(name: str, detail: str, effect: Status | None = Status.UNVERIFIED) -> Check:
    return Check(name, CheckStatus.SKIPPED, detail, effect)


def errored(name: str, error: BaseException) -> Check:
    """A check that broke: reported in one line, and the credential counts as not verified."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return Check(name, CheckStatus.ERROR, f"{type(error).__name__}: {text}"[:300], Status.UNVERIFIED)


def warning(name: str, detail: str) -> Check:
    return Check(name, CheckStatus.FAILED, detail, None, warning=True)


def status_from_checks(checks: list[Check]) -> Status:
    """The worst effect among the checks; `valid` only when nothing pulled it down."""
    worst = Status.VALID
    for check in checks:
        if check.effect is not None and _SEVERITY[check.effect] > _SEVERITY[worst]:
            worst = check.effect
    return worst


@dataclass(slots=True)
class Report:
    """The verdict on one credential: its status and every check that led to it, in order."""

    status: Status
    checks: list[Check] = field(default_factory=list)

    @classmethod
    def from_checks(cls, checks: list[Check]) -> Report:
        return cls(status=status_from_checks(checks), checks=checks)

    def to_jsonable(self) -> dict[str, Any]:
        """DESIGN.md §7: `{"status", "checks": [{"name", "kind", "status", "detail"}]}`."""
        return {"status": self.status.value, "checks": [check.to_jsonable() for check in self.checks]}

    def check(self, name: str) -> list[Check]:
        """The checks called `name` (a credential with a proof set has several `proof` checks)."""
        return [c for c in self.checks if c.name == name]

"""One error hierarchy: every failure a user can cause becomes a CredwalletError with a stable code.

The CLI funnel turns these into one line on stderr and an exit status; nothing below the CLI prints.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit statuses, listed in `credwallet --help` and the README."""

    OK = 0
    PROBLEM = 1  # the command ran but found a problem (a failed verification, an import with errors)
    USAGE = 2  # bad arguments or unusable input


class CredwalletError(Exception):
    """Base of every expected failure; `code` is stable and machine-readable."""

    code = "ERROR"
    exit_code = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(CredwalletError):
    """A file, URL or argument that cannot be used as given (corrupt, hostile, not a badge)."""

    code = "INVALID_INPUT"


class NotACredentialError(InputError):
    """A well-formed document that is something else (an issuer profile, a badge class, a key).

    Named files get an error; a folder walk skips these quietly, since badge downloads often sit next to
    the issuer documents they came with.
    """

    code = "NOT_A_CREDENTIAL"


class NotFoundError(CredwalletError):
    """A wallet id, role, offering or file that does not exist."""

    code = "NOT_FOUND"


class StoreError(CredwalletError):
    """The wallet database cannot be opened, migrated or written."""

    code = "WALLET"


class VerificationError(CredwalletError):
    """Verification could not run at all (not a finding: findings are reports)."""

    code = "VERIFY"


class NetworkError(CredwalletError):
    """An online fetch was refused or failed (private address, too large, timeout)."""

    code = "NETWORK"

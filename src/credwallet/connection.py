"""What the network policy (`credwallet.net`) hands the socket layer (`credwallet.online.transport`): a checked
target and the per-phase timeouts. Its own module so that neither of the two imports the other for them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Target:
    """A URL that passed the policy: where to connect, already resolved and checked."""

    url: str
    host: str  # as sent in Host / SNI (IDNA-encoded, lower case)
    port: int
    addresses: tuple[tuple[str, int], ...]


@dataclass(slots=True, frozen=True)
class Timeouts:
    """Per-phase timeouts (seconds); the total deadline bounds the whole request on top of these."""

    connect: float = 5.0
    read: float = 5.0
    write: float = 5.0
    pool: float = 5.0

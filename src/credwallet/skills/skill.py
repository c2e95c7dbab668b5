"""One canonical skill of the vocabulary: its own module, so the vocabulary and the user-file reader (which
builds skills) both use it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skill:
    """One canonical skill; `kind` is tool (a product or language), knowledge or skill."""

    id: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    explicit_aliases: tuple[str, ...] = ()
    case_aliases: tuple[str, ...] = ()
    context_words: frozenset[str] = frozenset()
    broader: tuple[str, ...] = ()
    esco: tuple[str, ...] = ()
    onet_elements: tuple[str, ...] = ()
    onet_commodities: tuple[str, ...] = ()
    onet_examples: tuple[str, ...] = ()
    description: str | None = None
    origin: tuple[str, ...] = ()
    user_defined: bool = False
    # Phrase rules for prose: (trigger words, object words): a trigger followed within a few words of the same
    # sentence by an object names the skill ("cleans and combines data" -> data cleaning).
    phrases: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()

    def all_aliases(self) -> tuple[str, ...]:
        return self.aliases + self.context_aliases + self.explicit_aliases + self.case_aliases

    def external_codes(self) -> list[str]:
        """Codes as one flat list for display: ESCO URIs, `onet:2.A.2.a`, `unspsc:43232110`."""
        return [
            *self.esco,
            *(f"onet:{code}" for code in self.onet_elements),
            *(f"unspsc:{code}" for code in self.onet_commodities),
        ]

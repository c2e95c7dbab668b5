"""Who may enrol in an offering or sit its exam: experience, degree and prior certifications.

The catalog states each offering's requirements (`eligibility`); the learner states their facts for a run
(`--experience AREA=HOURS`, `--degree LEVEL`), or their wallet shows them: a credential whose achievement
type is a degree (BachelorDegree, MasterDegree, ...) is their degree unless they say otherwise. Prior
certifications are not checked here: the planner treats them as prerequisites it can plan or that a held
credential already meets. What the wallet cannot know is never assumed in the learner's favour, except a
secondary-school diploma (every offering in the catalog that asks for one is open to adult learners, and
asking everyone to say so would help nobody).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from credwallet.errors import InputError

if TYPE_CHECKING:
    from credwallet.model import Credential
    from credwallet.planner.catalog import Offering

# Degree levels, lowest first; a higher degree meets a lower requirement.
DEGREES = ("secondary", "associate", "bachelor", "master", "doctorate")
DEGREE_NAMES = {
    "secondary": "a secondary-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}
ASSUMED_DEGREE = "secondary"
# Open Badges 3.0 / CLR 2.0 achievement types that are a degree of a known level (a bare "Degree" says no level).
DEGREE_TYPES = {
    "secondaryschooldiploma": "secondary",
    "generaleducationdevelopment": "secondary",
    "associatedegree": "associate",
    "bachelordegree": "bachelor",
    "masterdegree": "master",
    "doctoraldegree": "doctorate",
    "professionaldoctorate": "doctorate",
    "researchdoctorate": "doctorate",
}
# Kinds anyone may enrol in when the catalog records no requirement (courses and certificate programs).
OPEN_KINDS = frozenset({"course", "professional-certificate"})


@dataclass(frozen=True, slots=True)
class Eligibility:
    """An offering's entry requirements, as its provider publishes them."""

    experience_hours: float = 0.0
    experience_in: str | None = None  # the kind of work that counts, a kebab-case id (business-analysis)
    experience_hours_with_degree: float | None = None  # the requirement for holders of a bachelor's or more
    degree: str | None = None  # one of DEGREES
    certifications: tuple[tuple[str, ...], ...] = ()  # each: offering ids, any one of which is enough
    note: str | None = None  # the requirement in the provider's words
    source: str | None = None  # where the provider publishes it

    @property
    def open(self) -> bool:
        """No requirement at all."""
        return not (self.experience_hours or self.degree or self.certifications)

    def to_jsonable(self) -> dict[str, object]:
        return {
            "experience_hours": _number(self.experience_hours),
            "experience_in": self.experience_in,
            "experience_hours_with_degree": (
                None if self.experience_hours_with_degree is None else _number(self.experience_hours_with_degree)
            ),
            "degree": self.degree,
            "certifications": [list(group) if len(group) > 1 else group[0] for group in self.certifications],
            "note": self.note,
            "source": self.source,
        }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True, slots=True)
class LearnerFacts:
    """What the learner says about themselves for eligibility: hours of work per area, highest degree."""

    experience: tuple[tuple[str, float], ...] = ()
    degree: str | None = None
    degree_from: str | None = None  # the wallet credential that shows the degree, when it was not stated

    def hours_in(self, area: str) -> float:
        return sum(hours for name, hours in self.experience if name == area)

    def to_jsonable(self) -> dict[str, object]:
        document: dict[str, object] = {
            "experience": {name: _number(hours) for name, hours in self.experience},
            "degree": self.degree,
        }
        if self.degree_from:
            document["degree_from"] = self.degree_from
        return document


def degree_shown(credentials: Iterable[Credential]) -> tuple[str, Credential] | None:
    """The highest degree a credential's achievement type states (BachelorDegree, MasterDegree, ...), and that
    credential: the learner's own evidence, so they need not say --degree."""
    best: tuple[str, Credential] | None = None
    for credential in credentials:
        kind = (credential.achievement_type or "").rsplit(":", 1)[-1].replace(" ", "").casefold()
        degree = DEGREE_TYPES.get(kind)
        if degree is not None and (best is None or _rank(degree) > _rank(best[0])):
            best = (degree, credential)
    return best


def parse_experience(items: list[str]) -> tuple[tuple[str, float], ...]:
    """`--experience business-analysis=4000` values as (area, hours) pairs; one clear line when malformed."""
    parsed: dict[str, float] = {}
    for item in items:
        area, sep, hours_text = item.partition("=")
        area = area.strip().casefold().replace(" ", "-")
        try:
            hours = float(hours_text.replace(",", "").replace("_", ""))
        except ValueError:
            hours = -1.0
        if not sep or not area or not hours >= 0 or hours == float("inf"):
            raise InputError(f"--experience {item!r}: write AREA=HOURS, e.g. business-analysis=4000")
        parsed[area] = parsed.get(area, 0.0) + hours
    return tuple(sorted(parsed.items()))


def check_degree(value: str | None) -> str | None:
    if value is None:
        return None
    degree = value.strip().casefold()
    if degree not in DEGREES:
        raise InputError(f"--degree {value!r}: choose one of {', '.join(DEGREES)}")
    return degree


def _rank(degree: str | None) -> int:
    return DEGREES.index(degree) if degree in DEGREES else -1


def _area(area: str | None) -> str:
    return (area or "relevant").replace("-", " ")


def ineligibility(offering: Offering, facts: LearnerFacts) -> str | None:
    """Why the learner may not enrol in `offering` (experience or degree), or None when they may."""
    rules = offering.eligibility
    if rules is None:
        return None
    held_degree = facts.degree or ASSUMED_DEGREE
    if rules.degree and _rank(held_degree) < _rank(rules.degree):
        hint = f" (say --degree {rules.degree} if you hold one)" if facts.degree is None else ""
        return f"{offering.title} needs {DEGREE_NAMES.get(rules.degree, rules.degree)}{hint}"
    needed = rules.experience_hours
    if rules.experience_hours_with_degree is not None and _rank(facts.degree) >= _rank("bachelor"):
        needed = rules.experience_hours_with_degree
    if needed > 0:
        area = rules.experience_in or "relevant"
        have = facts.hours_in(area)
        if have < needed:
            stated = f"you stated {have:,.0f} h" if have else f"say --experience {area}=HOURS if you have it"
            return f"{offering.title} needs {needed:,.0f} h of {_area(area)} work ({stated})"
    return None


def eligibility_note(offering: Offering, facts: LearnerFacts, ignored: bool) -> str:
    """One line for a plan step: what entry requires and whether the learner meets it."""
    rules = offering.eligibility
    if rules is None:
        if offering.kind in OPEN_KINDS:
            return "open enrolment"
        return "entry requirements not recorded in the catalog: check with the provider"
    if rules.open:
        return rules.note or "open to anyone"
    reason = ineligibility(offering, facts)
    said = rules.note or _summary(rules)
    if reason is None:
        shown = f" (your {facts.degree_from} shows it)" if rules.degree and facts.degree_from else ""
        return f"eligible: {said}{shown}"
    return f"NOT checked (--ignore-eligibility): {said}" if ignored else f"not eligible: {reason}"


def _summary(rules: Eligibility) -> str:
    parts = []
    if rules.experience_hours:
        parts.append(f"{rules.experience_hours:,.0f} h of {_area(rules.experience_in)} work")
    if rules.degree:
        parts.append(DEGREE_NAMES.get(rules.degree, rules.degree))
    for group in rules.certifications:
        parts.append(" or ".join(group) + " first")
    return "needs " + ", ".join(parts)


def experience_areas(offerings: Mapping[str, Offering]) -> list[str]:
    """Every experience area the catalog's requirements name (for help texts and checks)."""
    return sorted(
        {o.eligibility.experience_in for o in offerings.values() if o.eligibility and o.eligibility.experience_in}
    )

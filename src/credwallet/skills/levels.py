"""Levels 1-5 (aware, basic, intermediate, advanced, expert) for what a credential evidences.

A credential's level comes from its own data when it has any (an alignment or result that names a level,
a level word in the achievement's name), else from a default by kind of achievement:

| achievement kind                                                   | default level |
|--------------------------------------------------------------------|---------------|
| attendance / participation / membership                            | 1 aware       |
| course, module, learning program, assignment, badge, unknown       | 2 basic       |
| certification, license, assessment, competency, associate/bachelor degree, diploma | 3 intermediate |
| master's degree                                                    | 4 advanced    |
| doctorate                                                          | 5 expert      |

Words in the name then adjust it: fundamentals / foundations / essentials / introduction / beginner -> 2,
intermediate / practitioner / associate / "professional certificate" (a multi-course program) -> 3,
advanced / professional level / expert -> 4, mastery -> 5.

Assessed academic work counts for what it is, not for its title words: a graduate-level achievement
(a graduate course, certificate or degree: "graduate", "postgraduate", "master's" in its name, criteria or
description) with a passing grade, or a graduate certificate or degree, gives 4, as much as a badge titled
"Advanced"; a graduate course with no grade, or any other course with a passing grade, gives at least 3
(its own title words can lower a non-graduate course: "Introduction to ..." with an A stays 2).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from credwallet.skills.model import LEVEL_NAMES

if TYPE_CHECKING:
    from credwallet.model import Alignment, Credential

DEFAULT_LEVEL = 2

TYPE_DEFAULTS: dict[str, int] = {
    "membership": 1,
    "communityservice": 1,
    "course": 2,
    "module": 2,
    "learningprogram": 2,
    "assignment": 2,
    "cocurricular": 2,
    "fieldwork": 2,
    "badge": 2,
    "achievement": 2,
    "award": 2,
    "microcredential": 2,
    "certificate": 2,
    "certification": 3,
    "license": 3,
    "assessment": 3,
    "competency": 3,
    "apprenticeshipcertificate": 3,
    "journeymancertificate": 3,
    "associatedegree": 3,
    "bachelordegree": 3,
    "diploma": 3,
    "degree": 3,
    "qualityassurancecredential": 3,
    "mastercertificate": 4,
    "masterdegree": 4,
    "doctoraldegree": 5,
    "professionaldoctorate": 5,
    "researchdoctorate": 5,
}

# Name words, checked in this order; the first that matches sets the level.
_NAME_CUES: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"\b(attendance|attended|participation|participant|orientation|taster)\b", re.I), 1),
    (re.compile(r"\bmastery\b", re.I), 5),
    # A multi-course "Professional Certificate" program (Google, IBM, Meta on Coursera) prepares for entry-level
    # roles: intermediate, not the "professional" (advanced) level of a professional certification.
    (re.compile(r"\bprofessional certificate\b", re.I), 3),
    (re.compile(r"\b(advanced|expert|professional level|professional certification)\b", re.I), 4),
    (re.compile(r"\b(intermediate|practitioner|associate)\b", re.I), 3),
    (
        re.compile(
            r"\b(fundamentals?|foundations?|foundational|essentials|introduction|intro|beginners?|basics|101"
            r"|getting started)\b",
            re.I,
        ),
        2,
    ),
]

_LEVEL_WORDS = {
    "aware": 1,
    "awareness": 1,
    "novice": 1,
    "beginner": 2,
    "basic": 2,
    "foundational": 2,
    "developing": 2,
    "intermediate": 3,
    "proficient": 3,
    "competent": 3,
    "advanced": 4,
    "expert": 5,
    "mastery": 5,
    "exemplary": 5,
}
_LEVEL_NUMBER = re.compile(r"\blevel[\s:_-]*([1-5])\b", re.I)
_OUT_OF = re.compile(r"\b([1-5])\s*(?:/|of|out of)\s*5\b", re.I)
_WORD = re.compile(r"[a-z]+")


def level_from_text(text: str | None) -> int | None:
    """A level named in text: 'Level 3', '4/5', 'Advanced', 'proficient'; None when there is none."""
    if not text:
        return None
    number = _LEVEL_NUMBER.search(text) or _OUT_OF.search(text)
    if number:
        return int(number.group(1))
    for word in _WORD.findall(text.lower()):
        if word in _LEVEL_WORDS:
            return _LEVEL_WORDS[word]
    return None


def alignment_level(alignment: Alignment) -> int | None:
    """A level the issuer put on the alignment itself (its type or description naming a level)."""
    for text in (alignment.target_type, alignment.target_description):
        if text and re.search(r"\blevel\b|proficien", text, re.I):
            level = level_from_text(text)
            if level is not None:
                return level
    return None


def _type_key(achievement_type: str | None) -> str | None:
    if not achievement_type:
        return None
    key = re.sub(r"[^a-z]", "", achievement_type.lower())
    return key.removeprefix("ext") or None


_GRADUATE = re.compile(r"\b(graduate|post-?graduate|master'?s|master of|mba|msc)\b", re.I)
_CREDENTIAL_WORDS = re.compile(r"\b(certificate|degree|diploma)\b", re.I)
_LETTER_GRADE = re.compile(r"^\s*([A-D])\s*[+-]?\s*$", re.I)
_PASS_WORDS = re.compile(r"\b(pass|passed|satisfactory|merit|distinction|honou?rs|completed)\b", re.I)
_PERCENT = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$")
_GRADE_TYPES = {"lettergrade", "grade", "gradepointaverage", "percent", "score"}


def passing_grade(credential: Credential) -> str | None:
    """The passing grade a credential's results record ("A-", "Pass", "87%"), or None."""
    for result in credential.results:
        value = (result.value or "").strip()
        kind = re.sub(r"[^a-z]", "", (result.type or "").lower()).removeprefix("ext")
        if not value:
            continue
        if _LETTER_GRADE.match(value) or _PASS_WORDS.search(value):
            return value
        number = _PERCENT.match(value)
        if number and kind in _GRADE_TYPES and 50 <= float(number.group(1)) <= 100:
            return value
    return None


def _graduate_level(credential: Credential) -> bool:
    key = _type_key(credential.achievement_type) or ""
    if key in ("mastercertificate", "masterdegree"):
        return True
    texts = [credential.name or "", credential.description or ""]
    if credential.criteria is not None and credential.criteria.narrative:
        texts.append(credential.criteria.narrative)
    return any(_GRADUATE.search(text) for text in texts)


def _academic_level(credential: Credential) -> tuple[int, str] | None:
    """Level 4 for graduate work that was graded or is a graduate credential; 3 for other graduate work."""
    if not _graduate_level(credential):
        return None
    grade = passing_grade(credential)
    if grade is not None:
        return 4, f"graduate-level, grade {grade}"
    key = _type_key(credential.achievement_type) or ""
    if key in ("certificate", "mastercertificate", "masterdegree", "degree", "diploma") or _CREDENTIAL_WORDS.search(
        credential.name or ""
    ):
        return 4, "graduate certificate or degree"
    return 3, "graduate-level"


def credential_level(credential: Credential) -> tuple[int, str]:
    """The level a credential evidences for its skills, and a short reason (for `skills ID`)."""
    for result in credential.results:
        for text in (result.achieved_level, result.value, result.description):
            level = level_from_text(text)
            if level is not None:
                return level, f"result '{text}'"
    explicit = _document_level(credential)
    if explicit is not None:
        return explicit, "achievement level"
    academic = _academic_level(credential)
    if academic is not None and academic[0] == 4:
        return academic
    name = credential.name or ""
    for pattern, level in _NAME_CUES:
        if pattern.search(name):
            if academic is not None and academic[0] > level:
                return academic
            return level, f"name says {LEVEL_NAMES[level]}"
    if academic is not None:
        return academic
    grade = passing_grade(credential)
    key = _type_key(credential.achievement_type)
    if grade is not None and TYPE_DEFAULTS.get(key or "", DEFAULT_LEVEL) < 3:
        return 3, f"graded course, grade {grade}"
    if key in TYPE_DEFAULTS:
        return TYPE_DEFAULTS[key], f"default for {credential.achievement_type}"
    if re.search(r"\b(certified|certification)\b", name, re.I):
        return 3, "default for certification"
    if re.search(r"\b(bachelor|degree|diploma)\b", name, re.I):
        return 3, "default for degree"
    return DEFAULT_LEVEL, "default for a badge or course"


def _document_level(credential: Credential) -> int | None:
    """An explicit level an issuer put in the achievement (non-standard but seen: `level`, `skillLevel`)."""
    subject = credential.document.get("credentialSubject") if isinstance(credential.document, dict) else None
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    for holder in (achievement, credential.extension):
        if not isinstance(holder, dict):
            continue
        for key in ("level", "skillLevel", "proficiencyLevel"):
            value = holder.get(key)
            if isinstance(value, int) and 1 <= value <= 5:
                return value
            if isinstance(value, str):
                level = level_from_text(value if not value.isdigit() else f"level {value}")
                if level is not None:
                    return level
    return None

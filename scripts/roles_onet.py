"""O*NET 29.3 (the whole database, ../shared/data/onet-full/) read into what role generation needs.

One occupation's profile (`Profile`) may combine several O*NET codes: a curated role built on two
occupations, or an "All Other" occupation O*NET publishes no data for, profiled from the other
occupations of its SOC group. Used by scripts/build_roles.py; reviewable on its own.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

ONET_VERSION = "29.3"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def scale_level(lv: float) -> int:
    """O*NET Level (0-7) to credwallet's 1-5 (round half up, at least 1)."""
    return max(1, min(5, math.floor(lv * 5 / 7 + 0.5)))


# Required Level of Education (RL) and Related Work Experience (RW) categories, in words a learner reads.
EDUCATION = {
    1: "less than a high school diploma",
    2: "a high school diploma or equivalent",
    3: "a post-secondary certificate",
    4: "some college courses",
    5: "an associate's degree",
    6: "a bachelor's degree",
    7: "a post-baccalaureate certificate",
    8: "a master's degree",
    9: "a post-master's certificate",
    10: "a first professional degree",
    11: "a doctoral degree",
    12: "post-doctoral training",
}
EXPERIENCE = {
    1: "no related work experience",
    2: "up to 1 month of related work experience",
    3: "1-3 months of related work experience",
    4: "3-6 months of related work experience",
    5: "6 months to 1 year of related work experience",
    6: "1-2 years of related work experience",
    7: "2-4 years of related work experience",
    8: "4-6 years of related work experience",
    9: "6-8 years of related work experience",
    10: "8-10 years of related work experience",
    11: "over 10 years of related work experience",
}


@dataclass(frozen=True)
class Technology:
    example: str
    commodity: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass
class Rating:
    element: str
    name: str
    importance: float
    level: float | None  # None when O*NET marks the level not relevant


@dataclass
class Profile:
    """What O*NET says about one occupation, or several combined (ratings averaged, technologies merged)."""

    codes: tuple[str, ...]
    ratings: dict[str, Rating]
    technologies: list[Technology]
    job_zone: int | None
    education: tuple[int, float] | None  # (RL category, percent of respondents)
    experience: tuple[int, float] | None  # (RW category, percent)
    data_from: tuple[str, ...] = ()  # the codes whose data it holds (differs from `codes` for "All Other")
    rated_from: tuple[str, ...] = ()  # the codes whose skill and knowledge ratings it holds
    zone_text: tuple[str, str] | None = None  # O*NET's job zone education and experience sentences


@dataclass
class OnetData:
    folder: Path
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    ratings: dict[str, dict[str, Rating]] = field(default_factory=dict)
    technologies: dict[str, list[Technology]] = field(default_factory=dict)
    job_zones: dict[str, int] = field(default_factory=dict)
    education: dict[str, dict[int, float]] = field(default_factory=dict)
    experience: dict[str, dict[int, float]] = field(default_factory=dict)
    alternate_titles: dict[str, list[str]] = field(default_factory=dict)
    reported_titles: dict[str, list[str]] = field(default_factory=dict)
    popularity: Counter[str] = field(default_factory=Counter)  # occupations listing an example hot/in demand
    job_zone_text: dict[int, tuple[str, str]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)  # Primary-Short related occupations, in order

    @classmethod
    def load(cls, folder: Path) -> OnetData:
        data = cls(folder)
        for row in read_tsv(folder / "Occupation Data.txt"):
            data.titles[row["O*NET-SOC Code"]] = row["Title"]
            data.descriptions[row["O*NET-SOC Code"]] = row["Description"]
        for file_name in ("Skills.txt", "Knowledge.txt"):
            for row in read_tsv(folder / file_name):
                code, element = row["O*NET-SOC Code"], row["Element ID"]
                rating = data.ratings.setdefault(code, {}).setdefault(
                    element, Rating(element, row["Element Name"], 0.0, None)
                )
                if row["Scale ID"] == "IM":
                    rating.importance = float(row["Data Value"])
                elif row["Scale ID"] == "LV" and row["Not Relevant"] != "Y":
                    rating.level = float(row["Data Value"])
        for row in read_tsv(folder / "Technology Skills.txt"):
            technology = Technology(
                row["Example"],
                row["Commodity Code"],
                row["Commodity Title"],
                row["Hot Technology"] == "Y",
                row["In Demand"] == "Y",
            )
            data.technologies.setdefault(row["O*NET-SOC Code"], []).append(technology)
            if technology.hot or technology.in_demand:
                data.popularity[technology.example] += 1
        for row in read_tsv(folder / "Related Occupations.txt"):
            if row["Relatedness Tier"] == "Primary-Short":
                data.related.setdefault(row["O*NET-SOC Code"], []).append(row["Related O*NET-SOC Code"])
        for row in read_tsv(folder / "Job Zone Reference.txt"):
            data.job_zone_text[int(row["Job Zone"])] = (row["Education"], _first_sentence(row["Experience"]))
        for row in read_tsv(folder / "Job Zones.txt"):
            data.job_zones[row["O*NET-SOC Code"]] = int(row["Job Zone"])
        for row in read_tsv(folder / "Education, Training, and Experience.txt"):
            target = {"RL": data.education, "RW": data.experience}.get(row["Scale ID"])
            if target is not None:
                target.setdefault(row["O*NET-SOC Code"], {})[int(row["Category"])] = float(row["Data Value"])
        for row in read_tsv(folder / "Alternate Titles.txt"):
            data.alternate_titles.setdefault(row["O*NET-SOC Code"], []).append(row["Alternate Title"])
        for row in read_tsv(folder / "Sample of Reported Titles.txt"):
            data.reported_titles.setdefault(row["O*NET-SOC Code"], []).append(row["Reported Job Title"])
        return data

    def has_data(self, code: str) -> bool:
        return code in self.ratings or code in self.technologies

    def stand_ins(self, code: str, table: dict[str, object] | None = None) -> tuple[str, ...]:
        """For an occupation O*NET publishes no data for ("All Other"), or no ratings: the occupations of
        its SOC broad group (same first five digits) that have it, else of its minor group (first four)."""
        for width in (6, 5, 4):
            prefix = code[:width]
            found = tuple(
                c
                for c in sorted(self.titles)
                if c.startswith(prefix) and c != code and (self.has_data(c) if table is None else c in table)
            )
            if found:
                return found
        return ()

    def profile(self, codes: tuple[str, ...]) -> Profile:
        """The combined profile of `codes` (the first one leads for requirements)."""
        data_from = tuple(c for c in codes if self.has_data(c))
        if not data_from:
            data_from = tuple(s for c in codes for s in self.stand_ins(c))
        ratings: dict[str, Rating] = {}
        rated_codes = [c for c in data_from if c in self.ratings]
        if not rated_codes:  # tools but no ratings (e.g. 13-1082.00): its closest related rated occupations
            rated_codes = [r for c in codes for r in self.related.get(c, []) if r in self.ratings][:2]
        if not rated_codes:
            rated_codes = [s for c in codes for s in self.stand_ins(c, self.ratings)]  # type: ignore[arg-type]
        rated = [self.ratings[c] for c in rated_codes]
        for element in sorted({e for r in rated for e in r}):
            values = [r[element] for r in rated if element in r]
            levels = [v.level for v in values if v.level is not None]
            ratings[element] = Rating(
                element,
                values[0].name,
                sum(v.importance for v in values) / len(values),
                sum(levels) / len(levels) if levels else None,
            )
        merged: dict[tuple[str, str], Technology] = {}
        for code in data_from:
            for technology in self.technologies.get(code, []):
                key = (technology.example, technology.commodity)
                current = merged.get(key)
                if current is None:
                    merged[key] = technology
                else:
                    merged[key] = Technology(
                        technology.example,
                        technology.commodity,
                        technology.commodity_title,
                        current.hot or technology.hot,
                        current.in_demand or technology.in_demand,
                    )
        lead = [c for c in codes if c in self.job_zones] or list(data_from)
        zones = [self.job_zones[c] for c in lead if c in self.job_zones]
        job_zone = zones[0] if lead and lead[0] in self.job_zones else (round(median(zones)) if zones else None)
        return Profile(
            codes=codes,
            ratings=ratings,
            technologies=list(merged.values()),
            job_zone=job_zone,
            education=self._mode(self.education, codes, data_from),
            experience=self._mode(self.experience, codes, data_from),
            data_from=data_from,
            rated_from=tuple(rated_codes),
            zone_text=self.job_zone_text.get(job_zone) if job_zone else None,
        )

    @staticmethod
    def _mode(
        table: dict[str, dict[int, float]], codes: tuple[str, ...], data_from: tuple[str, ...]
    ) -> tuple[int, float] | None:
        """The category most respondents name, from the first code that has the data."""
        for code in (*codes, *data_from):
            distribution = table.get(code)
            if distribution:
                category = max(sorted(distribution), key=lambda c: distribution[c])
                return category, distribution[category]
        return None


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def education_text(value: tuple[int, float] | None) -> str | None:
    if value is None:
        return None
    category, percent = value
    return f"{EDUCATION[category]} ({percent:.0f}% of workers say it is required)"


def experience_text(value: tuple[int, float] | None) -> str | None:
    if value is None:
        return None
    category, percent = value
    return f"{EXPERIENCE[category]} ({percent:.0f}% of workers)"


def commodity_groups(technologies: list[Technology]) -> dict[str, list[Technology]]:
    by_commodity: dict[str, list[Technology]] = defaultdict(list)
    for technology in technologies:
        by_commodity[technology.commodity].append(technology)
    return by_commodity

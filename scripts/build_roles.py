#!/usr/bin/env python3
"""Build credwallet's built-in roles from the O*NET 29.3 database (../shared/data/onet-full/).

Outputs (rerun with `python scripts/build_roles.py`; a test keeps the shipped files equal to the output):
  * src/credwallet/data/roles/occupations.json.gz: every O*NET occupation (1,016) as a role, compact;
  * src/credwallet/data/roles/occupation-titles.txt.gz: their titles, alternate titles and reported job
    titles, one per line, for `roles search` (read without building any role);
  * src/credwallet/data/roles/builtin.json and one YAML file per curated role (scripts/roles_curated.py).

Rules, the same for every occupation (curated roles use them too, then adjust as their spec says):
  * core tools: the occupation's Technology Skills flagged In Demand or Hot Technology, mapped to vocabulary
    skills. Tools that stand in for each other (same UNSPSC commodity and same broader skill in the
    vocabulary, e.g. Tableau and Power BI: business intelligence software, data visualization) form one
    "any one of" choice group. A group with In Demand members keeps those (level 3, weight 0.8); otherwise
    its Hot Technology members, the four most common across O*NET (level 2, weight 0.5; at most six such
    groups per role). Office basics (word processing, e-mail, office suites, browsers, video calls, document
    management) are left out; spreadsheets, presentations and operating systems only when In Demand.
  * core competencies: O*NET technical skills (2.B.3: programming, troubleshooting, repairing, quality
    control...) with importance >= 3.5, and subject knowledge (medicine and dentistry, law and government,
    economics and accounting, engineering...) with importance >= 4.0, three of each at most;
    weight = (importance - 1) / 4, level = O*NET level scaled to 1-5 (at most 4).
  * foundation: the other O*NET skills and knowledge areas with importance >= 3.0 (basic skills,
    social skills, generic knowledge such as computers and electronics or mathematics), the eight most
    important, weight = (importance - 1) / 4; they carry 10% of coverage together and are never planned by
    default. Six elements every occupation rates highly and no credential evidences (reading comprehension,
    active listening, English language, active learning, learning strategies, monitoring) are left out.
  * requirements: job zone; the required level of education and the related work experience most
    respondents name, with their share.
  * an "All Other" occupation O*NET publishes no data for is profiled from the occupations of its SOC group.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from roles_onet import (  # noqa: E402
    ONET_VERSION,
    OnetData,
    Profile,
    Technology,
    education_text,
    experience_text,
    scale_level,
)

from credwallet.skills.text import slugify  # noqa: E402
from credwallet.skills.vocabulary import Vocabulary, load_bundled_vocabulary  # noqa: E402

# The shared data sits next to the repository (/work/main -> /work/shared), or two levels up for a worktree.
DEFAULT_DATA = next(
    (p / "shared" / "data" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "data").is_dir()),
    REPO.parent / "shared" / "data",
)
OUTPUT = REPO / "src" / "credwallet" / "data" / "roles"
OCCUPATIONS_FILE = "occupations.json.gz"
TITLES_FILE = "occupation-titles.txt.gz"

ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a "
    "trademark of USDOL/ETA. credwallet has modified all or some of this information. USDOL/ETA has not "
    "approved, endorsed, or tested these modifications."
)

IN_DEMAND_LEVEL, IN_DEMAND_WEIGHT = 3, 0.8
HOT_LEVEL, HOT_WEIGHT = 2, 0.5
HOT_GROUPS_MAX = 6
HOT_MEMBERS_MAX = 4
TECHNICAL_MIN_IMPORTANCE, SUBJECT_MIN_IMPORTANCE = 3.5, 4.0
COMPETENCIES_MAX = 3
FOUNDATION_MIN_IMPORTANCE, FOUNDATION_MAX = 3.0, 8
CORE_LEVEL_MAX = 4

# Commodities every office job lists: never a core item.
ALWAYS_LEFT_OUT = {
    "43232104",  # word processing
    "43233501",  # electronic mail
    "43231513",  # office suite
    "43233502",  # video conferencing
    "43232202",  # document management (Acrobat, SharePoint)
    "43233203",  # internet browser
}
# Everyday commodities kept only when O*NET marks a member In Demand for the occupation.
ONLY_IN_DEMAND = {
    "43232110",  # spreadsheet
    "43232106",  # presentation
    "43233004",  # operating system
    "43233513",  # cloud-based data access and sharing (Slack, Dropbox)
}
# Basic-content elements every occupation rates highly and no credential evidences.
BASIC_CONTENT = {"2.A.1.a", "2.A.1.b", "2.C.7.a", "2.A.2.b", "2.A.2.c", "2.A.2.d"}
# Generic knowledge areas: foundation for every role (a data analyst does not need circuit boards).
GENERIC_KNOWLEDGE = {"2.C.1.a", "2.C.1.b", "2.C.1.e", "2.C.1.f", "2.C.3.a", "2.C.4.a", "2.C.6", "2.C.7.a"}


@dataclass
class ToolGroup:
    """Tools of one occupation that stand in for each other (one core item)."""

    family: str  # the vocabulary skill the tools share, or "unspsc:<commodity>"
    commodity: str
    commodity_title: str
    members: list[str]
    examples: list[str]
    in_demand: bool
    popularity: int

    @property
    def level(self) -> int:
        return IN_DEMAND_LEVEL if self.in_demand else HOT_LEVEL

    @property
    def weight(self) -> float:
        return IN_DEMAND_WEIGHT if self.in_demand else HOT_WEIGHT

    @property
    def name(self) -> str:
        """The group's family ("Data visualization") or its commodity title, as "... tool"."""
        title = self.commodity_title.removesuffix(" software")
        return title if title.lower().endswith(("tool", "system", "software")) else f"{title} tool"

    def note(self) -> str:
        flag = "in demand" if self.in_demand else "hot technology"
        return f"O*NET technology ({flag}; UNSPSC {self.commodity}): {', '.join(self.examples)}"


def example_index(vocabulary: Vocabulary) -> dict[str, str]:
    """O*NET technology example name -> the vocabulary skill that absorbed it."""
    index: dict[str, str] = {}
    for skill in vocabulary:
        for example in skill.onet_examples:
            index.setdefault(example, skill.id)
    return index


class Derivation:
    """The shared rules: tool groups, competencies, foundation and requirements of a profile."""

    def __init__(self, onet: OnetData, vocabulary: Vocabulary) -> None:
        self.onet = onet
        self.vocabulary = vocabulary
        self.examples = example_index(vocabulary)

    def skill_of(self, element: str) -> str:
        skill = self.vocabulary.by_code(element)
        if skill is None:
            raise SystemExit(f"O*NET element {element} is not in the vocabulary")
        return skill.id

    def tool_groups(self, technologies: list[Technology], *, every: bool = False) -> list[ToolGroup]:
        """Every tool group of an occupation, in priority order (`every`: office basics included too).

        Tools stand in for each other when they share their broader skill in the vocabulary (for O*NET tools
        that link is set from the UNSPSC commodity, scripts/vocabulary_curated.yaml `commodity_broader`),
        else when they share the commodity: Tableau and Power BI (data visualization), AWS and Azure (cloud
        computing, although O*NET files them under different commodities), Python and R (programming).
        """
        keyed: dict[str, list[tuple[Technology, str]]] = {}
        for technology in technologies:
            if not (technology.hot or technology.in_demand):
                continue
            skill_id = self.examples.get(technology.example)
            skill = self.vocabulary.get(skill_id) if skill_id else None
            if skill is None or skill.kind != "tool":
                continue
            if not every and technology.commodity in ALWAYS_LEFT_OUT:
                continue
            if not every and technology.commodity in ONLY_IN_DEMAND and not technology.in_demand:
                continue
            family = skill.broader[0] if skill.broader else f"unspsc:{technology.commodity}"
            keyed.setdefault(family, []).append((technology, skill.id))
        groups: list[ToolGroup] = []
        placed: set[str] = set()
        for family, entries in sorted(keyed.items(), key=lambda kv: self._group_rank(kv[1])):
            in_demand = any(t.in_demand for t, _ in entries)
            chosen = [(t, s) for t, s in entries if t.in_demand] if in_demand else list(entries)
            chosen.sort(key=lambda pair: (not pair[0].in_demand, -self.onet.popularity[pair[0].example], pair[1]))
            members: list[str] = []
            examples: list[str] = []
            for technology, skill_id in chosen:
                if skill_id in placed or skill_id in members:
                    continue
                members.append(skill_id)
                examples.append(technology.example)
            if not in_demand:
                members, examples = members[:HOT_MEMBERS_MAX], examples[:HOT_MEMBERS_MAX]
            if not members:
                continue
            placed.update(members)
            popularity = max(self.onet.popularity[e] for e in examples)
            lead = chosen[0][0]
            label = (
                self.vocabulary.label(family) if not family.startswith("unspsc:") else lead.commodity_title
            )
            commodities = sorted({t.commodity for t, s in chosen if s in members})
            groups.append(ToolGroup(family, ", ".join(commodities), label, members, examples, in_demand, popularity))
        return groups

    def _group_rank(self, entries: list[tuple[Technology, str]]) -> tuple[int, int, int, str]:
        in_demand = any(t.in_demand for t, _ in entries)
        popularity = max(self.onet.popularity[t.example] for t, _ in entries)
        return (0 if in_demand else 1, -len(entries), -popularity, entries[0][0].example)

    def tool_items(self, profile: Profile) -> list[dict[str, Any]]:
        groups = self.tool_groups(profile.technologies)
        in_demand = [g for g in groups if g.in_demand]
        hot = [g for g in groups if not g.in_demand][:HOT_GROUPS_MAX]
        return [group_item(g) for g in (*in_demand, *hot)]

    def competency_items(self, profile: Profile, taken: set[str]) -> list[dict[str, Any]]:
        technical = [
            r for r in profile.ratings.values()
            if r.element.startswith("2.B.3.") and r.importance >= TECHNICAL_MIN_IMPORTANCE
        ]
        subjects = [
            r for r in profile.ratings.values()
            if r.element.startswith("2.C.") and r.element not in GENERIC_KNOWLEDGE
            and r.importance >= SUBJECT_MIN_IMPORTANCE
        ]
        items = []
        for chosen in (technical, subjects):
            chosen.sort(key=lambda r: (-r.importance, r.element))
            for rating in chosen[:COMPETENCIES_MAX]:
                skill_id = self.skill_of(rating.element)
                if skill_id in taken:
                    continue
                taken.add(skill_id)
                items.append(element_item(rating, skill_id, core=True))
        return items

    def foundation_items(self, profile: Profile, taken: set[str], drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        candidates = [
            r for r in profile.ratings.values()
            if r.element not in BASIC_CONTENT and r.importance >= FOUNDATION_MIN_IMPORTANCE
        ]
        candidates.sort(key=lambda r: (-r.importance, r.element))
        items = []
        for rating in candidates:
            skill_id = self.skill_of(rating.element)
            if skill_id in taken or skill_id in drop:
                continue
            taken.add(skill_id)
            items.append(element_item(rating, skill_id, core=False))
            if len(items) == FOUNDATION_MAX:
                break
        return items

    def requirements(self, profile: Profile) -> dict[str, Any]:
        requirements: dict[str, Any] = {}
        if profile.job_zone:
            requirements["job_zone"] = profile.job_zone
        education = education_text(profile.education)
        experience = experience_text(profile.experience)
        if profile.zone_text is not None:  # O*NET's job zone wording when the occupation has no survey data
            education = education or profile.zone_text[0]
            experience = experience or profile.zone_text[1]
        if education:
            requirements["education"] = education
        if experience:
            requirements["experience"] = experience
        return requirements


def group_item(group: ToolGroup) -> dict[str, Any]:
    if len(group.members) == 1:
        return {"skill": group.members[0], "level": group.level, "weight": group.weight, "required": False,
                "note": group.note()}
    return {"any_of": group.members, "level": group.level, "weight": group.weight, "required": False,
            "need": 1, "name": group.name, "note": group.note()}


def element_item(rating: Any, skill_id: str, *, core: bool) -> dict[str, Any]:
    level = scale_level(rating.level) if rating.level is not None else 2
    item: dict[str, Any] = {"skill": skill_id, "level": min(level, CORE_LEVEL_MAX) if core else level,
                            "weight": round(max(0.05, (rating.importance - 1) / 4), 2)}
    if core:
        item["required"] = False
    level_text = f", level {rating.level:.2f}" if rating.level is not None else ""
    item["note"] = f"O*NET {rating.element} importance {rating.importance:.2f}{level_text}"
    return item


def generated_document(code: str, onet: OnetData, derivation: Derivation) -> dict[str, Any]:
    """Any O*NET occupation as a format 2 role document, by the rules in the module docstring."""
    profile = onet.profile((code,))
    core = derivation.tool_items(profile)
    taken = {m for item in core for m in item.get("any_of", [item.get("skill")])}
    core += derivation.competency_items(profile, taken)
    foundation = derivation.foundation_items(profile, taken)
    if not core:  # no tools and no distinctive competency: the most important rated elements lead
        core = [{**f, "required": False} for f in foundation[:3]]
        foundation = foundation[3:]
    if not core:
        rated = sorted(
            (r for r in profile.ratings.values() if r.element not in BASIC_CONTENT),
            key=lambda r: (-r.importance, r.element),
        )
        core = [element_item(r, derivation.skill_of(r.element), core=True) for r in rated[:3]]
    notes = "Generated from O*NET by credwallet's rules (scripts/build_roles.py); not checked by hand."
    if not core:
        notes = (
            "O*NET 29.3 publishes no skills, knowledge, tools or related occupations for this occupation (it "
            "gives military occupations a title and a description only), so this role has nothing to compare a "
            "wallet with. `credwallet roles search` finds the civilian occupations that use the same skills."
        )
    elif profile.data_from != (code,):
        notes += (
            " O*NET publishes no ratings or tools for this occupation: the profile combines "
            + ", ".join(f"{c} {onet.titles[c]}" for c in profile.data_from)
            + "."
        )
    elif profile.rated_from and profile.rated_from != (code,):
        notes += (
            " O*NET publishes no skill ratings for this occupation: the foundation comes from "
            + ", ".join(f"{c} {onet.titles[c]}" for c in profile.rated_from)
            + "."
        )
    document: dict[str, Any] = {
        "format": 2,
        "id": slugify(onet.titles[code]),
        "title": onet.titles[code],
        "description": onet.descriptions[code],
        "source": {"name": "O*NET", "codes": [code], "version": ONET_VERSION, "title": onet.titles[code]},
    }
    requirements = derivation.requirements(profile)
    if requirements:
        document["requirements"] = requirements
    document["core"] = core
    if foundation:
        document["foundation_weight"] = 0.1
        document["foundation"] = foundation
    document["notes"] = notes
    return document


# --- compact all-occupation file ---------------------------------------------------------------------


def compact_occupation(document: dict[str, Any], code: str, onet: OnetData) -> dict[str, Any]:
    """One occupation in the shipped file: short keys, items as lists (the package expands them)."""
    core = []
    for item in document["core"]:
        if "any_of" in item:
            core.append([item["any_of"], item["level"], item["weight"], int(item["required"]), item["need"],
                         item["name"], item.get("note", "")])
        else:
            core.append([item["skill"], item["level"], item["weight"], int(item["required"]), item.get("note", "")])
    entry: dict[str, Any] = {
        "c": code,
        "i": document["id"],
        "t": document["title"],
        "d": document["description"],
        "k": core,
        "f": [[f["skill"], f["level"], f["weight"], f.get("note", "")] for f in document.get("foundation", [])],
        "q": document.get("requirements", {}),
        "n": document["notes"],
    }
    return entry


def titles_text(onet: OnetData, occupations: list[dict[str, Any]]) -> str:
    """The search file: a JSON index line, then every occupation's titles, one per line, in index order.

    Index entries are [code, id, alternate title count, reported title count, curated role ids]; each
    occupation's lines are its O*NET title, its alternate titles, then its reported job titles.
    """
    index = []
    lines = []
    for entry in occupations:
        code, title = entry["c"], entry["t"]
        alternate = sorted(set(onet.alternate_titles.get(code, [])) - {title})
        reported = sorted(set(onet.reported_titles.get(code, [])) - {title} - set(alternate))
        index.append([code, entry["i"], len(alternate), len(reported), entry.get("u", [])])
        lines += [title, *alternate, *reported]
    if any("\n" in line for line in lines):
        raise SystemExit("a title contains a line break")
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n" + "\n".join(lines) + "\n"


def occupations_bundle(onet: OnetData, derivation: Derivation, curated: dict[str, list[str]]) -> dict[str, Any]:
    occupations = []
    seen: dict[str, str] = {}
    curated_ids = {role_id for ids in curated.values() for role_id in ids}
    for code in sorted(onet.titles):
        document = generated_document(code, onet, derivation)
        if document["id"] in seen or document["id"] in curated_ids:
            document["id"] = f"{document['id']}-{code.replace('.', '-')}"
        seen[document["id"]] = code
        if code in curated:
            document["notes"] += " Curated roles built on this occupation: " + ", ".join(curated[code]) + "."
        entry = compact_occupation(document, code, onet)
        if code in curated:
            entry["u"] = curated[code]  # the curated roles built on this occupation
        occupations.append(entry)
    return {
        "format": "credwallet-occupations",
        "version": 1,
        "generated_by": "scripts/build_roles.py",
        "source": {"name": "O*NET", "version": ONET_VERSION, "attribution": ATTRIBUTION},
        "occupations": occupations,
    }


def write_gzip(path: Path, text: str) -> None:
    """Deterministic gzip (no name, no time), so regenerating gives the same bytes with the same zlib."""
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def compact_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Outputs:
    curated_yaml: dict[str, str] = field(default_factory=dict)
    builtin: dict[str, Any] = field(default_factory=dict)
    occupations: dict[str, Any] = field(default_factory=dict)
    titles: str = ""


def build(data: Path) -> Outputs:
    from roles_curated import CURATED, curated_document

    from credwallet.roles import parse_role_document, role_yaml

    onet = OnetData.load(data / "onet-full")
    vocabulary = load_bundled_vocabulary()
    derivation = Derivation(onet, vocabulary)
    outputs = Outputs()
    entries = []
    for spec in CURATED:
        document = curated_document(spec, onet, derivation)
        role = parse_role_document(document, f"curated role {spec.id}", vocabulary, "built-in")
        normalized = role.to_document()
        entries.append({"id": role.id, "curated": True, "role": normalized})
        outputs.curated_yaml[role.id] = role_yaml(role, vocabulary, yaml_header(role.id))
    outputs.builtin = {
        "format": "credwallet-roles",
        "version": 2,
        "generated_by": "scripts/build_roles.py",
        "source": {"name": "O*NET", "version": ONET_VERSION, "attribution": ATTRIBUTION},
        "roles": entries,
    }
    built_on: dict[str, list[str]] = {}
    for spec in CURATED:
        for code in spec.codes:
            built_on.setdefault(code, []).append(spec.id)
    outputs.occupations = occupations_bundle(onet, derivation, built_on)
    outputs.titles = titles_text(onet, outputs.occupations["occupations"])
    return outputs


def yaml_header(role_id: str) -> list[str]:
    return [
        f"Built-in credwallet role, curated and generated by scripts/build_roles.py from the O*NET {ONET_VERSION}",
        f"database: do not edit by hand (copy it with `credwallet roles new --from {role_id}` instead).",
        "core: what employers ask for (checked against typical job postings, see notes); any_of: a choice",
        "group derived from O*NET's tool categories; foundation: O*NET basic skills and knowledge (10% of",
        "coverage, never planned by default); requirements: O*NET job zone, education and experience.",
        "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,",
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a",
        "trademark of USDOL/ETA. credwallet has modified all or some of this information. USDOL/ETA has not",
        "approved, endorsed, or tested these modifications.",
    ]


def write(outputs: Outputs, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.yaml"):
        stale.unlink()
    for role_id, text in outputs.curated_yaml.items():
        (folder / f"{role_id}.yaml").write_text(text, encoding="utf-8")
    (folder / "builtin.json").write_text(json.dumps(outputs.builtin, ensure_ascii=False, indent=1) + "\n", "utf-8")
    write_gzip(folder / OCCUPATIONS_FILE, compact_json(outputs.occupations))
    write_gzip(folder / TITLES_FILE, outputs.titles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    outputs = build(args.data)
    write(outputs, args.output)
    print(
        f"wrote {len(outputs.curated_yaml)} curated roles and {len(outputs.occupations['occupations'])} "
        f"O*NET occupations to {args.output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

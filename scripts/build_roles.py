#!/usr/bin/env python3
"""Build the built-in role profiles (src/credwallet/data/roles/) from the O*NET data in ../shared/data/.

Derivation, per role (reviewable here; rerun with `python scripts/build_roles.py`):
  * skills and knowledge: every O*NET Skills/Knowledge element of the rated occupation (the role's own
    code, or the rated proxy SOURCES.md names when O*NET ships no ratings for it) with Importance >= 3.0
    of 5, the MAX_ELEMENTS most important kept. weight = (importance - 1) / 4; level = Level (0-7)
    scaled to 1-5 (round(LV * 5 / 7), at least 1). Six "basic content" elements that every occupation
    rates highly and no credential evidences (reading comprehension, active listening, English language,
    active learning, learning strategies, monitoring) are left out: they would weigh on every gap alike.
  * tools: the occupation's Technology Skills marked In Demand (weight 0.8, level 3), then the Hot
    Technologies the role spec picks (weight 0.5, level 2), mapped to vocabulary ids through the O*NET
    example names the vocabulary absorbed.
  * curation: each spec adds a few skills O*NET has no element for (e.g. data-visualization for a data
    analyst), drops a few generic tools, and names the role's required skills. These are the only
    hand-made parts and are listed in ROLE_SPECS below.
Outputs one YAML file per role (what `roles show` and users read) and builtin.json (the same roles in one
file, so loading every role for `roles match` costs one JSON parse).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from credwallet.skills.vocabulary import load_bundled_vocabulary  # noqa: E402

# The shared data sits next to the repository (/work/main -> /work/shared), or two levels up for a worktree.
DEFAULT_DATA = next(
    (p / "shared" / "data" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "data").is_dir()),
    REPO.parent / "shared" / "data",
)
OUTPUT = REPO / "src" / "credwallet" / "data" / "roles"
ONET_VERSION = "29.3"
MAX_ELEMENTS = 10
MIN_IMPORTANCE = 3.0
BASIC_CONTENT = {"2.A.1.a", "2.A.1.b", "2.C.7.a", "2.A.2.b", "2.A.2.c", "2.A.2.d"}
IN_DEMAND_WEIGHT, IN_DEMAND_LEVEL = 0.8, 3
HOT_WEIGHT, HOT_LEVEL = 0.5, 2


@dataclass
class RoleSpec:
    id: str
    title: str
    code: str  # the occupation the role is (title, description, technologies)
    ratings: str | None = None  # rated proxy for skills/knowledge when `code` has no ratings
    hot: list[str] = field(default_factory=list)  # vocabulary ids of hot technologies to include
    extra: list[tuple[str, int, float]] = field(default_factory=list)  # (skill, level, weight)
    required: list[str] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)
    description: str | None = None


GENERIC_DROPS = [
    "microsoft-office",
    "operating-systems",
    "adobe-acrobat",
    "microsoft-word",
    "microsoft-outlook",
]

ROLE_SPECS = [
    RoleSpec(
        "data-analyst",
        "Data Analyst",
        "15-2051.01",
        hot=["tableau", "power-bi", "microsoft-sql-server", "spss"],
        extra=[
            ("data-visualization", 3, 0.9),
            ("data-cleaning", 3, 0.7),
            ("statistics", 3, 0.8),
            ("reporting", 3, 0.5),
        ],
        required=["sql", "excel", "data-visualization", "statistics"],
        drop=["sap", "oracle-cloud", "azure", "aws"],
        description="Collects, cleans and analyses data to answer business questions, and presents the "
        "results in reports and dashboards (O*NET: Business Intelligence Analysts).",
    ),
    RoleSpec(
        "data-scientist",
        "Data Scientist",
        "15-2051.00",
        ratings="15-2041.00",
        hot=["python", "r", "sql", "tensorflow", "pytorch", "scikit-learn", "spark", "tableau"],
        extra=[
            ("machine-learning", 3, 0.9),
            ("statistics", 4, 0.9),
            ("data-visualization", 3, 0.6),
            ("data-cleaning", 3, 0.6),
        ],
        required=["python", "machine-learning", "statistics"],
    ),
    RoleSpec(
        "software-developer",
        "Software Developer",
        "15-1252.00",
        ratings="15-1251.00",
        hot=["git", "javascript", "java", "python", "docker", "typescript"],
        extra=[
            ("software-development", 3, 0.9),
            ("software-testing", 2, 0.6),
            ("algorithms", 3, 0.6),
            ("version-control", 2, 0.5),
        ],
        required=["programming", "software-development"],
    ),
    RoleSpec(
        "web-developer",
        "Web Developer",
        "15-1254.00",
        hot=["react", "nodejs", "php", "git", "wordpress", "typescript"],
        extra=[("web-development", 3, 0.9), ("responsive-design", 2, 0.5), ("web-accessibility", 2, 0.4)],
        required=["html", "css", "javascript"],
    ),
    RoleSpec(
        "qa-tester",
        "Software QA Tester",
        "15-1253.00",
        hot=["selenium", "jira", "sql", "python", "git"],
        extra=[("software-testing", 3, 1.0), ("unit-testing", 2, 0.6)],
        required=["software-testing"],
    ),
    RoleSpec(
        "cloud-engineer",
        "Cloud Engineer",
        "15-1299.08",
        hot=["docker", "kubernetes", "terraform", "aws", "azure", "google-cloud"],
        extra=[
            ("cloud-computing", 3, 1.0),
            ("devops", 3, 0.7),
            ("ci-cd", 3, 0.6),
            ("networking", 3, 0.6),
            ("cloud-security", 2, 0.5),
        ],
        required=["cloud-computing", "linux"],
        drop=["magellan-firmware", "go"],
    ),
    RoleSpec(
        "network-administrator",
        "Network and Systems Administrator",
        "15-1244.00",
        hot=["cisco", "windows-server", "active-directory", "linux", "vmware"],
        extra=[
            ("networking", 3, 1.0),
            ("tcp-ip", 3, 0.8),
            ("system-administration", 3, 0.8),
            ("network-security", 2, 0.6),
        ],
        required=["networking", "system-administration"],
    ),
    RoleSpec(
        "database-administrator",
        "Database Administrator",
        "15-1242.00",
        hot=["oracle-database", "microsoft-sql-server", "mysql", "postgresql", "linux"],
        extra=[("databases", 3, 1.0), ("data-modeling", 3, 0.6)],
        required=["databases", "sql"],
    ),
    RoleSpec(
        "data-engineer",
        "Data Engineer",
        "15-1243.00",
        hot=["python", "spark", "kafka", "airflow", "hadoop", "aws"],
        extra=[
            ("data-engineering", 3, 1.0),
            ("etl", 3, 0.8),
            ("data-warehousing", 3, 0.7),
            ("data-modeling", 3, 0.6),
        ],
        required=["sql", "data-engineering"],
        description="Designs and builds the data platforms, pipelines and warehouses analysts and data "
        "scientists rely on (O*NET: Database Architects).",
    ),
    RoleSpec(
        "cybersecurity-analyst",
        "Cybersecurity Analyst",
        "15-1212.00",
        hot=["splunk", "wireshark", "nessus", "kali-linux"],
        extra=[
            ("cybersecurity", 3, 1.0),
            ("network-security", 3, 0.8),
            ("incident-response", 3, 0.7),
            ("vulnerability-management", 3, 0.6),
            ("risk-management", 2, 0.5),
        ],
        required=["cybersecurity", "network-security"],
    ),
    RoleSpec(
        "penetration-tester",
        "Penetration Tester",
        "15-1299.04",
        ratings="15-1212.00",
        hot=["kali-linux", "metasploit", "burp-suite", "nmap", "wireshark", "python"],
        extra=[
            ("penetration-testing", 4, 1.0),
            ("cybersecurity", 3, 0.8),
            ("owasp", 3, 0.6),
            ("networking", 3, 0.6),
        ],
        required=["penetration-testing"],
    ),
    RoleSpec(
        "it-support-specialist",
        "IT Support Specialist",
        "15-1232.00",
        hot=["windows", "active-directory", "servicenow", "macos"],
        extra=[
            ("it-support", 3, 1.0),
            ("troubleshooting", 3, 0.9),
            ("hardware", 2, 0.6),
            ("networking", 2, 0.5),
            ("it-service-management", 2, 0.4),
        ],
        required=["it-support", "troubleshooting"],
    ),
    RoleSpec(
        "project-manager",
        "Project Manager",
        "13-1082.00",
        ratings="15-1299.09",
        hot=["microsoft-project", "jira", "asana", "excel"],
        extra=[
            ("project-management", 3, 1.0),
            ("agile", 3, 0.7),
            ("risk-management", 3, 0.6),
            ("stakeholder-management", 3, 0.7),
            ("budgeting", 3, 0.5),
        ],
        required=["project-management"],
    ),
    RoleSpec(
        "it-project-manager",
        "IT Project Manager",
        "15-1299.09",
        hot=["microsoft-project", "confluence", "servicenow"],
        extra=[
            ("project-management", 4, 1.0),
            ("agile", 3, 0.8),
            ("scrum", 3, 0.6),
            ("stakeholder-management", 3, 0.6),
            ("risk-management", 3, 0.5),
        ],
        required=["project-management", "agile"],
        drop=["sap", "azure"],
    ),
    RoleSpec(
        "it-manager",
        "IT Manager",
        "11-3021.00",
        hot=["project-management-software", "servicenow"],
        extra=[
            ("it-service-management", 3, 0.7),
            ("leadership", 3, 0.8),
            ("people-management", 3, 0.8),
            ("budgeting", 3, 0.6),
            ("cybersecurity", 2, 0.5),
        ],
        required=["people-management"],
    ),
    RoleSpec(
        "digital-marketer",
        "Digital Marketer",
        "13-1161.01",
        hot=["social-media-marketing", "marketing-automation", "wordpress"],
        extra=[
            ("digital-marketing", 3, 1.0),
            ("seo", 3, 0.9),
            ("sem", 3, 0.7),
            ("content-marketing", 3, 0.6),
            ("web-analytics", 3, 0.8),
            ("email-marketing", 2, 0.4),
        ],
        required=["digital-marketing", "seo", "google-analytics"],
        drop=["python", "javascript", "html", "css"],
        description="Plans and runs online marketing: search (SEO and paid search), social media, content "
        "and email campaigns, measured with web analytics (O*NET: Search Marketing Strategists).",
    ),
    RoleSpec(
        "marketing-manager",
        "Marketing Manager",
        "11-2021.00",
        hot=["google-analytics", "salesforce", "marketing-automation"],
        extra=[
            ("digital-marketing", 3, 0.7),
            ("brand-management", 3, 0.7),
            ("market-research", 3, 0.6),
            ("budgeting", 3, 0.5),
            ("leadership", 3, 0.6),
        ],
        required=["sales-and-marketing"],
    ),
    RoleSpec(
        "market-research-analyst",
        "Market Research Analyst",
        "13-1161.00",
        hot=["spss", "tableau", "sql", "google-analytics"],
        extra=[
            ("market-research", 3, 1.0),
            ("statistics", 3, 0.7),
            ("data-analysis", 3, 0.8),
            ("data-visualization", 2, 0.5),
        ],
        required=["market-research", "data-analysis"],
    ),
    RoleSpec(
        "ux-designer",
        "UX Designer",
        "15-1255.00",
        ratings="27-1024.00",
        hot=["figma", "adobe-xd", "sketch", "invision", "html", "css"],
        extra=[
            ("ux-design", 3, 1.0),
            ("ux-research", 3, 0.9),
            ("wireframing", 3, 0.9),
            ("ui-design", 3, 0.8),
            ("information-architecture", 2, 0.5),
            ("web-accessibility", 2, 0.5),
        ],
        required=["ux-design", "ux-research", "wireframing"],
        drop=["adobe-after-effects", "microsoft-outlook", "adobe-indesign"],
        description="Researches users and designs the structure, flows and interfaces of digital "
        "products, from wireframes to tested prototypes (O*NET: Web and Digital Interface Designers; skill "
        "ratings from Graphic Designers, the closest rated occupation in the bundled data).",
    ),
    RoleSpec(
        "graphic-designer",
        "Graphic Designer",
        "27-1024.00",
        hot=["canva", "figma"],
        extra=[("graphic-design", 3, 1.0), ("brand-management", 2, 0.4)],
        required=["graphic-design", "design-knowledge"],
    ),
    RoleSpec(
        "business-analyst",
        "Business / Systems Analyst",
        "15-1211.00",
        hot=["sql", "excel", "visio", "jira", "tableau"],
        extra=[("business-analysis", 3, 1.0), ("stakeholder-management", 3, 0.6), ("data-analysis", 3, 0.6)],
        required=["business-analysis", "systems-analysis"],
    ),
    RoleSpec(
        "financial-analyst",
        "Financial Analyst",
        "13-2051.00",
        ratings="13-2011.00",
        hot=["excel", "sql", "tableau", "power-bi", "python"],
        extra=[("financial-analysis", 3, 1.0), ("accounting", 3, 0.7), ("forecasting", 3, 0.6)],
        required=["financial-analysis", "excel"],
    ),
    RoleSpec(
        "accountant",
        "Accountant",
        "13-2011.00",
        hot=["quickbooks", "excel", "sap"],
        extra=[("accounting", 4, 1.0), ("financial-analysis", 2, 0.5), ("accounting-software", 3, 0.6)],
        required=["accounting", "economics-and-accounting"],
    ),
    RoleSpec(
        "health-informatics-specialist",
        "Health Informatics Specialist",
        "15-1211.01",
        hot=["epic", "sql", "excel", "tableau"],
        extra=[("health-informatics", 3, 1.0), ("data-privacy", 3, 0.6), ("data-analysis", 3, 0.6)],
        required=["health-informatics"],
    ),
]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def scale_level(lv: float) -> int:
    """O*NET Level 0-7 to credwallet's 1-5 (round half up, at least 1)."""
    return max(1, min(5, math.floor(lv * 5 / 7 + 0.5)))


def build_role(spec: RoleSpec, data: Path, tables: dict[str, Any]) -> dict[str, Any]:
    vocabulary = load_bundled_vocabulary()
    occupation = tables["occupations"][spec.code]
    ratings_code = spec.ratings or spec.code
    ratings = tables["ratings"].get(ratings_code)
    if not ratings:
        raise SystemExit(f"{spec.id}: O*NET {ratings_code} has no skill ratings; name a rated proxy")
    skills: dict[str, dict[str, Any]] = {}

    def put(skill_id: str, level: int, weight: float, note: str) -> None:
        if skill_id not in vocabulary:
            raise SystemExit(f"{spec.id}: '{skill_id}' is not a vocabulary id")
        if skill_id in spec.drop or (skill_id in GENERIC_DROPS and skill_id not in spec.hot):
            return
        current = skills.get(skill_id)
        if current is None or (weight, level) > (current["weight"], current["level"]):
            skills[skill_id] = {"skill": skill_id, "level": level, "weight": round(weight, 2), "note": note}

    elements = [e for e in ratings.values() if e["im"] >= MIN_IMPORTANCE and e["id"] not in BASIC_CONTENT]
    elements.sort(key=lambda e: (-e["im"], e["id"]))
    for element in elements[:MAX_ELEMENTS]:
        skill = vocabulary.by_code(element["id"])
        if skill is None:
            raise SystemExit(f"{spec.id}: O*NET element {element['id']} is not in the vocabulary")
        put(
            skill.id,
            scale_level(element["lv"]),
            (element["im"] - 1) / 4,
            f"O*NET {element['id']} importance {element['im']:.2f}, level {element['lv']:.2f}",
        )
    technologies = tables["technologies"].get(spec.code, [])
    for example, _hot, in_demand in technologies:
        skill = vocabulary.by_alias(example)
        if skill is None:
            continue
        if in_demand:
            put(skill.id, IN_DEMAND_LEVEL, IN_DEMAND_WEIGHT, f"O*NET technology in demand: {example}")
    hot_ids = {}
    for example, hot, _ in technologies:
        skill = vocabulary.by_alias(example)
        if skill is not None and hot:
            hot_ids.setdefault(skill.id, example)
    for skill_id in spec.hot:
        if skill_id in hot_ids:
            put(skill_id, HOT_LEVEL, HOT_WEIGHT, f"O*NET hot technology: {hot_ids[skill_id]}")
        else:
            put(
                skill_id, HOT_LEVEL, HOT_WEIGHT, "credwallet curation (tool common in postings for this role)"
            )
    for skill_id, level, weight in spec.extra:
        put(skill_id, level, weight, "credwallet curation")
    for skill_id in spec.required:
        if skill_id not in skills:
            raise SystemExit(f"{spec.id}: required skill '{skill_id}' is not among the role's skills")
        skills[skill_id]["required"] = True
    ordered = sorted(skills.values(), key=lambda s: (not s.get("required", False), -s["weight"], s["skill"]))
    for item in ordered:
        item.setdefault("required", False)
    source: dict[str, Any] = {
        "name": "O*NET",
        "code": spec.code,
        "version": ONET_VERSION,
        "title": occupation["title"],
    }
    if spec.ratings:
        source["ratings_from"] = spec.ratings
    return {
        "id": spec.id,
        "title": spec.title,
        "description": spec.description or occupation["description"],
        "source": source,
        "skills": [
            {
                "skill": s["skill"],
                "level": s["level"],
                "weight": s["weight"],
                "required": s["required"],
                "note": s["note"],
            }
            for s in ordered
        ],
    }


def load_tables(data: Path) -> dict[str, Any]:
    onet = data / "onet"
    occupations = {
        row["O*NET-SOC Code"]: {"title": row["Title"], "description": row["Description"]}
        for row in read_tsv(onet / "Occupation Data.txt")
    }
    ratings: dict[str, dict[str, dict[str, Any]]] = {}
    for file_name in ("Skills.txt", "Knowledge.txt"):
        for row in read_tsv(onet / file_name):
            code, element = row["O*NET-SOC Code"], row["Element ID"]
            entry = ratings.setdefault(code, {}).setdefault(element, {"id": element, "im": 0.0, "lv": 0.0})
            if row["Scale ID"] == "IM":
                entry["im"] = float(row["Data Value"])
            elif row["Scale ID"] == "LV":
                entry["lv"] = float(row["Data Value"])
    technologies: dict[str, list[tuple[str, bool, bool]]] = {}
    for row in read_tsv(onet / "Technology Skills.txt"):
        technologies.setdefault(row["O*NET-SOC Code"], []).append(
            (row["Example"], row["Hot Technology"] == "Y", row["In Demand"] == "Y")
        )
    return {"occupations": occupations, "ratings": ratings, "technologies": technologies}


HEADER = """\
# Built-in credwallet role profile, generated by scripts/build_roles.py from the O*NET {version}
# database: do not edit by hand (copy it with `credwallet roles new --from {id}` instead).
# weight = (O*NET importance - 1) / 4; level = O*NET level (0-7) scaled to 1-5; tools from O*NET
# Technology Skills (in demand / hot technologies); "credwallet curation" marks hand-picked entries.
# This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,
# Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a
# trademark of USDOL/ETA. credwallet has modified all or some of this information. USDOL/ETA has not
# approved, endorsed, or tested these modifications.
"""


def to_yaml(role: dict[str, Any]) -> str:
    """Hand-formatted YAML: one flow mapping per skill line, as users write them (DESIGN §6.1)."""
    lines = [HEADER.format(version=ONET_VERSION, id=role["id"]).rstrip("\n")]
    lines.append(f"id: {role['id']}")
    lines.append(f"title: {json.dumps(role['title'])}")
    lines.append(f"description: {json.dumps(role['description'], ensure_ascii=False)}")
    source = ", ".join(f"{k}: {json.dumps(v)}" for k, v in role["source"].items())
    lines.append(f"source: {{{source}}}")
    lines.append("skills:")
    for skill in role["skills"]:
        lines.append(
            f"  - {{skill: {skill['skill']}, level: {skill['level']}, weight: {skill['weight']}, "
            f"required: {'true' if skill['required'] else 'false'}, note: {json.dumps(skill['note'])}}}"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    tables = load_tables(args.data)
    roles = [build_role(spec, args.data, tables) for spec in ROLE_SPECS]
    args.output.mkdir(parents=True, exist_ok=True)
    for stale in args.output.glob("*.yaml"):
        stale.unlink()
    for role in roles:
        (args.output / f"{role['id']}.yaml").write_text(to_yaml(role), encoding="utf-8")
    bundle = {
        "format": "credwallet-roles",
        "version": 1,
        "generated_by": "scripts/build_roles.py",
        "roles": [{"id": role["id"], "curated": False, "role": role} for role in roles],
    }
    (args.output / "builtin.json").write_text(
        json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(roles)} roles to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Build src/credwallet/data/skills/vocabulary.json (and its lookup indexes, vocabulary-index.json) from the
public data in ../shared/data/.

Inputs (reviewable, regenerated with one command: `python scripts/build_vocabulary.py`):
  * scripts/vocabulary_curated.yaml: canonical ids, aliases and broader links for common skills and tools;
  * O*NET 29.3 Skills / Knowledge elements (Content Model Reference) and, from every occupation
    (onet-full/), the Technology Skills examples that are hot technologies or in demand (with their UNSPSC
    commodity codes);
  * ESCO v1.2.0 digital, DigComp and transversal skill collections (preferred and alternative labels,
    broader relations).
Alias modes decide how free text may match (see src/credwallet/skills/vocabulary.py): `aliases` match
anywhere (word-bounded), `context_aliases` need a context word or a neighbouring tool, `explicit_aliases`
only match a whole alignment name or tag, `case_aliases` match only in the exact case given.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from credwallet.skills.text import normalize_key, slugify  # noqa: E402

# The shared data sits next to the repository (/work/main -> /work/shared), or two levels up for a worktree.
DEFAULT_DATA = next(
    (p / "shared" / "data" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "data").is_dir()),
    REPO.parent / "shared" / "data",
)
CURATED = REPO / "scripts" / "vocabulary_curated.yaml"
OUTPUT = REPO / "src" / "credwallet" / "data" / "skills" / "vocabulary.json"

# Single words that are ordinary English (or name other things) far more often than a technology: as
# aliases they only count in free text next to a context word or another tool.
COMMON_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "access alice ant apex arc atom beam bootstrap bower canvas chef chrome crystal dart delphi elm "
        "excel express flask flow glue go grunt gulp hive io jest julia kafka karma lean less lisp logo "
        "make mason merlin mocha nest node octave orange outlook pandas pascal pig pilot plan polymer "
        "prism project puppet r rails react redux ruby rust salt sass scheme scratch shell sketch slack "
        "source spark spring squid storm swift teams unity vault vim word zoom airflow"
    ).split()
)


GENERIC_VENDOR_PREFIXES = (
    "microsoft ",
    "oracle ",
    "apple ",
    "amazon ",
    "google ",
    "ibm ",
    "adobe ",
    "atlassian ",
    "apache ",
    "the mathworks ",
    "red hat ",
    "esri ",
    "intuit ",
    "sap ",
)

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
    "trademark of USDOL/ETA. credwallet has modified all or some of this information. USDOL/ETA has not "
    "approved, endorsed, or tested these modifications."
)
ESCO_ATTRIBUTION = (
    "This product contains data from ESCO (European Skills, Competences, Qualifications and Occupations) "
    "v1.2.0, © European Union, https://esco.ec.europa.eu, reused under the European Commission's reuse "
    "policy (Decision 2011/833/EU). The data have been subset and reformatted; the European Commission is "
    "not responsible for this use."
)

ELEMENT_ID = re.compile(r"^\d(\.[A-Za-z0-9]+)+$")
COMMODITY = re.compile(r"^\d{8}$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def risky_alt_label(alt: str) -> bool:
    """ESCO alternative labels that are one capitalised word ("Google" under "search engines", "Mocha"
    under JavaScript) name a neighbouring product, not the concept: too risky even as exact tags."""
    words = normalize_key(alt).split()
    return len(words) == 1 and alt[:1].isupper() and alt[1:].islower()


def split_multi(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in re.split(r"\s*\|\s*|\n", value) if part.strip()]


class Builder:
    """Accumulates skills and resolves alias conflicts (first owner of an alias keeps it)."""

    def __init__(self) -> None:
        self.skills: dict[str, dict[str, Any]] = {}
        self.alias_owner: dict[str, str] = {}
        self.dropped_aliases = 0

    def new_skill(self, skill_id: str, label: str, kind: str, origin: str) -> dict[str, Any]:
        skill: dict[str, Any] = {
            "id": skill_id,
            "label": label,
            "kind": kind,
            "aliases": [],
            "context_aliases": [],
            "explicit_aliases": [],
            "case_aliases": [],
            "context_words": [],
            "phrases": [],
            "broader": [],
            "codes": {"esco": [], "onet_element": [], "onet_commodity": [], "onet_example": []},
            "origin": [origin],
        }
        self.skills[skill_id] = skill
        return skill

    def add_alias(self, skill: dict[str, Any], alias: str, mode: str) -> None:
        """Record an alias under its mode unless another skill already owns the same key."""
        key = normalize_key(alias)
        if not key:
            return
        owner = self.alias_owner.get(key)
        if owner is not None and owner != skill["id"]:
            self.dropped_aliases += 1
            return
        if mode == "auto":
            mode = auto_mode(key)
        if owner == skill["id"]:
            # Already present: a stronger mode (text over context over explicit) wins.
            rank = {"aliases": 0, "case_aliases": 0, "context_aliases": 1, "explicit_aliases": 2}
            current = next(
                (m for m in rank if any(normalize_key(a) == key for a in skill[m])), "explicit_aliases"
            )
            if rank[mode] >= rank[current]:
                return
            skill[current] = [a for a in skill[current] if normalize_key(a) != key]
        self.alias_owner[key] = skill["id"]
        skill[mode].append(alias)

    def add_code(self, skill: dict[str, Any], system: str, code: str) -> None:
        if code and code not in skill["codes"][system]:
            skill["codes"][system].append(code)


def auto_mode(key: str) -> str:
    """Text-safe aliases match anywhere; short ones and common words need context."""
    if len(key) <= 2 or key in COMMON_WORDS:
        return "context_aliases"
    return "aliases"



def load_curated(builder: Builder, path: Path) -> dict[str, list[str]]:
    """Curated skills first: they own their aliases. Returns the O*NET/ESCO names each one absorbs."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    absorbs: dict[str, list[str]] = defaultdict(list)
    for entry in document["skills"]:
        skill = builder.new_skill(entry["id"], entry["label"], entry["kind"], "curated")
        explicit = {normalize_key(a) for a in entry.get("explicit") or []}
        case_forms = list(entry.get("case") or [])
        for form in case_forms:
            builder.add_alias(skill, form, "case_aliases")
        for alias in [entry["label"], entry["id"], *(entry.get("aliases") or [])]:
            key = normalize_key(alias)
            if key in explicit:
                builder.add_alias(skill, alias, "explicit_aliases")
            elif any(normalize_key(form) == key for form in case_forms):
                builder.add_alias(skill, alias, "context_aliases")
            else:
                builder.add_alias(skill, alias, "auto")
        for alias in entry.get("ctx") or []:
            builder.add_alias(skill, alias, "context_aliases")
        skill["context_words"] = sorted({normalize_key(w) for w in entry.get("words") or []})
        skill["phrases"] = [
            [" ".join(sorted(set(triggers.split()))), " ".join(sorted(set(objects.split())))]
            for triggers, objects in entry.get("phrases") or []
        ]
        skill["broader"] = list(entry.get("broader") or [])
        for name in entry.get("onet") or []:
            name = str(name)
            if ELEMENT_ID.match(name):
                builder.add_code(skill, "onet_element", name)
            elif COMMODITY.match(name):
                builder.add_code(skill, "onet_commodity", name)
            else:
                absorbs[f"onet:{name}"].append(skill["id"])
        for name in entry.get("esco") or []:
            absorbs[f"esco:{name}"].append(skill["id"])
    return absorbs


def load_onet_elements(builder: Builder, data: Path) -> None:
    """Every rated O*NET Skills/Knowledge element becomes (or is merged into) a vocabulary skill."""
    descriptions = {
        row["Element ID"]: row["Description"]
        for row in read_tsv(data / "onet" / "Content Model Reference.txt")
    }
    by_code = {c: s for s in builder.skills.values() for c in s["codes"]["onet_element"]}
    for file_name, kind in (("Skills.txt", "skill"), ("Knowledge.txt", "knowledge")):
        seen: set[str] = set()
        for row in read_tsv(data / "onet" / file_name):
            element_id, name = row["Element ID"], row["Element Name"]
            if element_id in seen:
                continue
            seen.add(element_id)
            skill = by_code.get(element_id)
            if skill is None:
                skill_id = slugify(name)
                skill = builder.skills.get(skill_id) or builder.new_skill(skill_id, name, kind, "onet")
                builder.add_code(skill, "onet_element", element_id)
                by_code[element_id] = skill
            if "onet" not in skill["origin"]:
                skill["origin"].append("onet")
            skill.setdefault("description", descriptions.get(element_id, ""))
            # Single-word element names ("Writing", "Science") are too common to match free text.
            mode = "explicit_aliases" if len(normalize_key(name).split()) == 1 else "auto"
            builder.add_alias(skill, name, mode)


def tool_aliases(example: str) -> list[str]:
    """Variants of an O*NET example name: without the vendor, without a trailing 'software' or acronym."""
    variants = [example]
    lowered = example.lower()
    for prefix in GENERIC_VENDOR_PREFIXES:
        if lowered.startswith(prefix) and len(example) > len(prefix) + 2:
            variants.append(example[len(prefix) :])
    for variant in list(variants):
        if variant.lower().endswith(" software"):
            variants.append(variant[: -len(" software")])
    generic = {"software", "server", "database", "cloud", "analytics", "studio", "enterprise", "suite"}
    return [v for v in dict.fromkeys(variants) if v.strip() and normalize_key(v) not in generic]


def load_onet_technology(
    builder: Builder,
    data: Path,
    absorbs: dict[str, list[str]],
    commodity_broader: dict[str, list[str]],
    ignore: set[str],
) -> None:
    """Hot / in-demand technologies become tool skills; curated ones gain their commodity codes."""
    # Every occupation's technologies (onet-full), so each O*NET role's in-demand and hot tools are skills.
    rows = read_tsv(data / "onet-full" / "Technology Skills.txt")
    commodities: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    for row in rows:
        commodities[row["Example"]].add(row["Commodity Code"])
        if row["Hot Technology"] == "Y" or row["In Demand"] == "Y":
            hot.add(row["Example"])
    for example in sorted(commodities):
        if example in ignore:
            continue
        owners = absorbs.get(f"onet:{example}")
        if owners:
            targets = [builder.skills[o] for o in owners]
        elif example in hot:
            key = normalize_key(example)
            owner = builder.alias_owner.get(key)
            if owner is not None:
                targets = [builder.skills[owner]]
            else:
                skill_id = slugify(example.removesuffix(" software"))
                if skill_id in builder.skills:
                    skill_id = slugify(example)
                skill = builder.new_skill(skill_id, example, "tool", "onet")
                broader = sorted({b for c in commodities[example] for b in commodity_broader.get(c, [])})
                skill["broader"] = broader
                targets = [skill]
        else:
            continue
        for skill in targets:
            if "onet" not in skill["origin"]:
                skill["origin"].append("onet")
            builder.add_code(skill, "onet_example", example)
            for code in sorted(commodities[example]):
                builder.add_code(skill, "onet_commodity", code)
            for alias in tool_aliases(example):
                # A vendor-less single word ("Project", "Access", "Dynamics") is too common for text.
                single = alias != example and len(normalize_key(alias).split()) == 1
                if single and not re.search(r"[A-Z0-9]", alias[1:]):
                    continue  # "Project", "Access", "Dynamics": ordinary words once the vendor is gone
                builder.add_alias(skill, alias, "explicit_aliases" if single else "auto")


def strip_qualifier(label: str) -> tuple[str, bool]:
    """'Ruby (computer programming)' -> ('Ruby', True): the qualifier says the bare word is ambiguous."""
    match = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", label)
    if match:
        return match.group(1).strip(), True
    return label.strip(), False


def load_esco(builder: Builder, data: Path, absorbs: dict[str, list[str]]) -> dict[str, str]:
    """ESCO digital, DigComp and transversal concepts, merged into curated skills or added (uri -> id)."""
    concepts: dict[str, dict[str, str]] = {}
    for file_name in (
        "digitalSkillsCollection_en.csv",
        "digCompSkillsCollection_en.csv",
        "transversalSkillsCollection_en.csv",
    ):
        for row in read_csv(data / "esco" / file_name):
            concepts.setdefault(row["conceptUri"], row)
    uri_to_id: dict[str, str] = {}
    by_label: dict[str, list[str]] = defaultdict(list)
    for key, owners in absorbs.items():
        if key.startswith("esco:"):
            by_label[key[5:]].extend(owners)
    for uri in sorted(concepts, key=lambda u: concepts[u]["preferredLabel"].lower()):
        row = concepts[uri]
        label = row["preferredLabel"].strip()
        base, qualified = strip_qualifier(label)
        owners = by_label.get(label)
        if owners:
            skill = builder.skills[owners[0]]
        else:
            owner = builder.alias_owner.get(normalize_key(base))
            if owner is not None and owner in builder.skills and "curated" in builder.skills[owner]["origin"]:
                skill = builder.skills[owner]
            else:
                skill = None
        alt_labels = [alt for alt in split_multi(row.get("altLabels")) if not risky_alt_label(alt)]
        if skill is not None:
            if "esco" not in skill["origin"]:
                skill["origin"].append("esco")
            builder.add_code(skill, "esco", uri)
            builder.add_alias(skill, label, "explicit_aliases")
            for alt in alt_labels:
                builder.add_alias(skill, alt, "explicit_aliases")
            uri_to_id[uri] = skill["id"]
            continue
        is_product = row.get("skillType") == "knowledge" and base[:1].isupper() and not base.startswith("ICT")
        kind = "tool" if is_product else ("knowledge" if row.get("skillType") == "knowledge" else "skill")
        skill_id = slugify(base)
        if not skill_id or skill_id in builder.skills:
            skill_id = slugify(label)
        suffix = 2
        while skill_id in builder.skills:
            skill_id = f"{slugify(label)}-{suffix}"
            suffix += 1
        skill = builder.new_skill(skill_id, base, kind, "esco")
        builder.add_code(skill, "esco", uri)
        if is_product:
            single = len(normalize_key(base).split()) == 1
            builder.add_alias(skill, base, "context_aliases" if single and qualified else "auto")
            if qualified:
                skill["context_words"] = sorted(
                    set(normalize_key(label).split()) - set(normalize_key(base).split())
                )
        else:
            builder.add_alias(skill, base, "explicit_aliases")
        if label != base:
            builder.add_alias(skill, label, "explicit_aliases")
        for alt in alt_labels:
            builder.add_alias(skill, alt, "explicit_aliases")
        uri_to_id[uri] = skill_id
    # Broader links between concepts that are both in the vocabulary.
    edges: list[tuple[str, str]] = []
    for row in read_csv(data / "esco" / "broaderRelationsSkillPillar_en.csv"):
        edges.append((row["conceptUri"], row["broaderUri"]))
    for uri, row in concepts.items():
        for broader_uri in split_multi(row.get("broaderConceptUri")):
            edges.append((uri, broader_uri))
    for narrow_uri, broad_uri in edges:
        narrow, broad = uri_to_id.get(narrow_uri), uri_to_id.get(broad_uri)
        if narrow and broad and narrow != broad:
            skill = builder.skills[narrow]
            if "curated" in skill["origin"]:
                continue  # curated skills keep their reviewed broader links
            if broad not in skill["broader"]:
                skill["broader"].append(broad)
    return uri_to_id


def infer_esco_broader(builder: Builder) -> int:
    """Link ESCO-only skills to the curated skill their label names ("create website wireframe" ->
    wireframing), so alignments to fine-grained ESCO concepts count towards the skills roles use."""
    curated_keys: list[tuple[str, str]] = []
    for skill in builder.skills.values():
        if "curated" not in skill["origin"]:
            continue
        for alias in [*skill["aliases"], *skill["case_aliases"]]:
            key = normalize_key(alias)
            if key and len(key) > 2:
                curated_keys.append((key, skill["id"]))
    curated_keys.sort(key=lambda pair: -len(pair[0]))
    linked = 0
    for skill in builder.skills.values():
        if skill["origin"] != ["esco"]:
            continue
        padded = f" {normalize_key(skill['label'])} "
        found: list[str] = []
        for key, owner in curated_keys:
            if f" {key} " in padded and owner not in found and owner != skill["id"]:
                found.append(owner)
                padded = padded.replace(f" {key} ", " | ")
            if len(found) == 2:
                break
        for owner in found:
            if owner not in skill["broader"]:
                skill["broader"].append(owner)
                linked += 1
    return linked


def break_cycles(skills: dict[str, dict[str, Any]]) -> int:
    """Drop broader links that point to unknown skills or close a cycle (the traversal must terminate)."""
    removed = 0
    for skill in skills.values():
        kept = [b for b in skill["broader"] if b in skills and b != skill["id"]]
        removed += len(skill["broader"]) - len(kept)
        skill["broader"] = kept

    def reaches(start: str, target: str) -> bool:
        stack, seen = [start], set()
        while stack:
            current = stack.pop()
            if current == target:
                return True
            if current in seen:
                continue
            seen.add(current)
            stack.extend(skills[current]["broader"])
        return False

    for skill_id in sorted(skills):
        skill = skills[skill_id]
        for broad in list(skill["broader"]):
            skill["broader"].remove(broad)
            if reaches(broad, skill_id):
                removed += 1
            else:
                skill["broader"].append(broad)
    return removed


def build(data: Path) -> dict[str, Any]:
    builder = Builder()
    absorbs = load_curated(builder, CURATED)
    curated_doc = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    declared_commodities = {
        entry["id"]: {str(c) for c in entry.get("onet") or [] if COMMODITY.match(str(c))}
        for entry in curated_doc["skills"]
    }
    commodity_broader = {str(k): list(v) for k, v in (curated_doc.get("commodity_broader") or {}).items()}
    load_onet_elements(builder, data)
    ignore = set(curated_doc.get("onet_ignore") or [])
    load_onet_technology(builder, data, absorbs, commodity_broader, ignore)
    load_esco(builder, data, absorbs)
    inferred = infer_esco_broader(builder)
    cycles = break_cycles(builder.skills)
    # A bare UNSPSC commodity code (an alignment to an O*NET technology category) resolves to the skill
    # curation names for it, else to the broader skill of that category.
    commodities: dict[str, str] = {}
    for skill in builder.skills.values():
        if "curated" in skill["origin"]:
            for code in skill["codes"]["onet_commodity"]:
                if code in declared_commodities.get(skill["id"], ()):
                    commodities.setdefault(code, skill["id"])
    for code, broader in commodity_broader.items():
        if broader and broader[0] in builder.skills:
            commodities.setdefault(code, broader[0])
    skills = []
    for skill_id in sorted(builder.skills):
        skill = builder.skills[skill_id]
        compact = {k: v for k, v in skill.items() if v not in ([], "", None)}
        compact["codes"] = {k: v for k, v in skill["codes"].items() if v}
        if not compact["codes"]:
            del compact["codes"]
        skills.append(compact)
    return {
        "format": "credwallet-skills-vocabulary",
        "version": 1,
        "generated_by": "scripts/build_vocabulary.py",
        "sources": [
            {"name": "O*NET 29.3 Database", "license": "CC BY 4.0", "attribution": ONET_ATTRIBUTION},
            {
                "name": "ESCO v1.2.0",
                "license": "EU reuse policy (Decision 2011/833/EU)",
                "attribution": ESCO_ATTRIBUTION,
            },
            {"name": "credwallet curated mapping", "file": "scripts/vocabulary_curated.yaml"},
        ],
        "stats": {
            "skills": len(skills),
            "aliases_dropped_as_conflicts": builder.dropped_aliases,
            "broader_links_dropped": cycles,
            "esco_broader_links_inferred": inferred,
        },
        "commodities": dict(sorted(commodities.items())),
        "skills": skills,
    }


def json_one_entry_a_line(indexes: dict[str, Any]) -> str:
    """Compact JSON with one index entry (or list item) a line, so diffs of the generated file stay readable."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def block(value: Any) -> str:
        if isinstance(value, dict):
            return "{\n" + ",\n".join(f"{dump(key)}:{dump(item)}" for key, item in value.items()) + "}"
        if isinstance(value, list):
            return "[\n" + ",\n".join(dump(item) for item in value) + "]"
        return dump(value)

    return "{" + ",\n".join(f"{dump(name)}:{block(value)}" for name, value in indexes.items()) + "}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    vocabulary = build(args.data)
    from credwallet.skills.vocabulary import INDEX_FILE, Vocabulary, _skill_from_json

    indexed = Vocabulary(
        {entry["id"]: _skill_from_json(entry) for entry in vocabulary["skills"]}, vocabulary["commodities"]
    )
    # The lookup indexes go in a file of their own (read only when extraction needs them); the vocabulary
    # records its digest, so one fingerprint covers both.
    index_text = json_one_entry_a_line(indexed.prebuilt_indexes())
    vocabulary["index_sha256"] = hashlib.sha256(index_text.encode("utf-8")).hexdigest()
    text = json.dumps(vocabulary, ensure_ascii=False, indent=None, separators=(",", ":"))
    # One skill per line keeps diffs of the generated file reviewable.
    text = text.replace(',{"id":', ',\n{"id":').replace('"skills":[{', '"skills":[\n{')
    args.output.write_text(text + "\n", encoding="utf-8")
    args.output.with_name(INDEX_FILE).write_text(index_text, encoding="utf-8")
    stats = vocabulary["stats"]
    print(
        f"wrote {args.output} ({stats['skills']} skills, "
        f"{stats['aliases_dropped_as_conflicts']} conflicting aliases dropped)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

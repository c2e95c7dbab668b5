"""The labelled skills set (tests/skills/labelled/): loading and scoring, shared by tests and the bench.

Scoring counts the skills extraction claims directly (claims inherited through the broader rule are a
consequence, not a reading). A fine-grained ESCO concept the vocabulary keeps as its own skill (e.g.
"create website wireframe") is scored as the curated skill it sits under (wireframing), since a human
labels with the canonical ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from credwallet.model import Alignment, Credential, CredentialFormat, Criteria, Issuer
from credwallet.skills.extract import extract_skills
from credwallet.skills.vocabulary import Vocabulary

LABELLED = Path(__file__).resolve().parent / "labelled"
REPO = Path(__file__).resolve().parents[2]
# Next to the repository (/work/main -> /work/shared), or two levels up from a worktree.
EXTERNAL = next(
    (p / "shared" / "fixtures" / "external" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared" / "fixtures" / "external",
)


@dataclass
class LabelledCredential:
    id: str
    credential: Credential
    skills: set[str]
    text_skills: set[str] | None = None


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def _written(entry: dict[str, Any]) -> Credential:
    alignments = [
        Alignment(
            target_name=a["name"],
            target_url=a.get("url"),
            target_code=a.get("code"),
            target_framework=a.get("framework"),
        )
        for a in entry.get("alignments") or []
    ]
    return Credential(
        format=CredentialFormat.OB2,
        name=entry["name"],
        issuer=Issuer(name="Example Issuer", id="https://issuer.example/"),
        description=entry.get("description"),
        criteria=Criteria(narrative=entry["criteria"]) if entry.get("criteria") else None,
        tags=list(entry.get("tags") or []),
        alignments=alignments,
        achievement_type=entry.get("achievement_type"),
        wallet_id=entry["id"],
    )


def load_labelled(include_files: bool = True) -> tuple[list[LabelledCredential], list[str]]:
    """Every labelled credential that can be loaded, and the ids skipped (file absent)."""
    from credwallet.formats.detect import parse_bytes

    items: list[LabelledCredential] = []
    skipped: list[str] = []
    written = yaml.safe_load((LABELLED / "written.yaml").read_text("utf-8"))
    for entry in written["credentials"]:
        text_skills = set(entry["text_skills"]) if "text_skills" in entry else None
        items.append(LabelledCredential(entry["id"], _written(entry), set(entry["skills"]), text_skills))
    if not include_files:
        return items, skipped
    references = yaml.safe_load((LABELLED / "references.yaml").read_text("utf-8"))
    for entry in references["credentials"]:
        path = REPO / entry["file"] if "file" in entry else EXTERNAL / entry["external"]
        if not path.is_file():
            skipped.append(entry["id"])
            continue
        try:
            credentials = parse_bytes(path.read_bytes(), source=str(path))
        except Exception:  # the importer is another module's job; an unreadable file is skipped here
            skipped.append(entry["id"])
            continue
        credential = credentials[entry.get("index", 0)]
        credential.wallet_id = entry["id"]
        text_skills = set(entry["text_skills"]) if "text_skills" in entry else None
        items.append(LabelledCredential(entry["id"], credential, set(entry["skills"]), text_skills))
    return items, skipped


def text_only(items: list[LabelledCredential]) -> list[LabelledCredential]:
    """The same credentials with tags and alignments removed: what extraction finds in prose alone.

    Labels stay as a reader of the text would give them; an entry's `text_skills` (when present) replaces
    them for skills that only its tags or alignments name.
    """
    variant = []
    for item in items:
        credential = replace(item.credential, tags=[], alignments=[], content_hash=None)
        labels = item.text_skills if item.text_skills is not None else item.skills
        variant.append(LabelledCredential(item.id, credential, set(labels)))
    return variant


def scored_skill(skill_id: str, vocabulary: Vocabulary, labels: set[str]) -> str:
    """The id a prediction is scored as: itself, or for an ESCO-only concept the labelled skill above it."""
    skill = vocabulary.get(skill_id)
    if skill_id in labels or skill is None or skill.origin != ("esco",):
        return skill_id
    for ancestor, _ in vocabulary.ancestors(skill_id, max_hops=2):
        if ancestor in labels:
            return ancestor
    return skill_id


def predicted(item: LabelledCredential, vocabulary: Vocabulary) -> set[str]:
    claims = extract_skills(item.credential, vocabulary)
    return {scored_skill(c.skill, vocabulary, item.skills) for c in claims if c.via is None}


def score(
    items: list[LabelledCredential], vocabulary: Vocabulary
) -> tuple[Score, list[tuple[str, set[str], set[str]]]]:
    """Micro-averaged score and, per credential, its false positives and false negatives."""
    total = Score()
    details = []
    for item in items:
        found = predicted(item, vocabulary)
        false_positives = found - item.skills
        false_negatives = item.skills - found
        total.true_positives += len(found & item.skills)
        total.false_positives += len(false_positives)
        total.false_negatives += len(false_negatives)
        details.append((item.id, false_positives, false_negatives))
    return total, details

"""Role file format 2 (DESIGN.md §6.1): core items, choice groups, foundation, requirements; format 1 still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.roles import ChoiceGroup, SkillItem, load_role, role_yaml, validate_role_file

FORMAT_2 = """\
format: 2
id: data-analyst-mine
title: Data Analyst
description: Collects, cleans and analyses data to answer business questions.
source: {name: O*NET, codes: ["15-2051.01", "15-2041.00"], version: "29.3"}
requirements: {job_zone: 4, education: "bachelor's degree", experience: "1-2 years"}
core:
  - {skill: sql, level: 3, weight: 1.0, required: true}
  - {skill: data visualization, level: 3, weight: 0.9, required: true}
  - {any_of: [tableau, Power BI, looker], level: 3, weight: 0.8, required: true, name: BI tool}
  - {any_of: [python, r], level: 2, weight: 0.7, need: 1, name: analysis language}
foundation_weight: 0.15
foundation:
  - {skill: critical-thinking, level: 3}
  - {skill: mathematics, level: 3, weight: 0.5}
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_format_2_loads_every_part(tmp_path: Path) -> None:
    role = validate_role_file(write(tmp_path / "r.yaml", FORMAT_2))
    assert role.file_format == 2
    assert role.onet_codes == ("15-2051.01", "15-2041.00")
    assert role.requirements is not None and role.requirements.job_zone == 4
    assert role.requirements.job_zone_name == "considerable preparation needed"
    sql, visualization, bi, language = role.core
    assert isinstance(sql, SkillItem) and sql.required
    assert isinstance(visualization, SkillItem) and visualization.skill == "data-visualization"
    assert isinstance(bi, ChoiceGroup) and bi.any_of == ("tableau", "power-bi", "looker") and bi.need == 1
    assert bi.key == "any-of:tableau+power-bi+looker" and bi.name == "BI tool"
    assert isinstance(language, ChoiceGroup) and not language.required
    assert [f.skill for f in role.foundation] == ["critical-thinking", "mathematics"]
    assert role.foundation_weight == 0.15 and role.foundation[1].weight == 0.5
    weights = role.skill_weights()
    assert weights["sql"] > weights["critical-thinking"] > 0


def test_format_2_round_trips_through_yaml_and_json(tmp_path: Path) -> None:
    role = validate_role_file(write(tmp_path / "r.yaml", FORMAT_2))
    again = validate_role_file(write(tmp_path / "again.yaml", role_yaml(role)))
    assert again.to_document() == role.to_document()
    shown = role.to_jsonable()
    assert shown["format"] == 2 and shown["core"][2]["any_of"] == ["tableau", "power-bi", "looker"]
    assert shown["foundation"][0] == {"skill": "critical-thinking", "level": 3, "weight": 1.0}
    assert shown["requirements"]["experience"] == "1-2 years"
    assert shown["onet_codes"] == ["15-2051.01", "15-2041.00"] and shown["curated"] is False


@pytest.mark.parametrize(
    ("core", "message"),
    [
        ("  - {any_of: [python, r], level: 2, need: 3}\n", "core[0].need: 3 is more than the 2 members"),
        ("  - {skill: sql, level: 2, need: 2}\n", "core[0].need: only a choice group (any_of) takes it"),
        (
            "  - {skill: sql, level: 2}\n  - {any_of: [SQL, r], level: 2}\n",
            "core[1].any_of[0]: 'SQL' repeats core[0].skill",
        ),
        ("  - {any_of: [python, basket weaving], level: 2}\n", "core[0].any_of[1]: unknown skill 'basket weaving'"),
        ("  - {any_of: [python], level: 2}\n", "core[0].any_of: needs at least 2 items"),
        ("  - {skill: sql, any_of: [python, r], level: 2}\n", "core[0]: give skill or any_of, not both"),
    ],
)
def test_format_2_errors_name_the_item(tmp_path: Path, core: str, message: str) -> None:
    path = write(tmp_path / "bad.yaml", f"format: 2\nid: x\ntitle: X\ncore:\n{core}")
    with pytest.raises(InputError) as caught:
        validate_role_file(path)
    assert f"{path}: {message}" in str(caught.value)


def test_foundation_cannot_repeat_a_core_skill_or_weigh_too_much(tmp_path: Path) -> None:
    text = "format: 2\nid: x\ntitle: X\ncore:\n  - {skill: sql, level: 2}\nfoundation:\n  - {skill: SQL, level: 2}\n"
    with pytest.raises(InputError, match=r"foundation\[0\].skill: 'SQL' is already in the core"):
        validate_role_file(write(tmp_path / "a.yaml", text))
    heavy = "format: 2\nid: x\ntitle: X\ncore:\n  - {skill: sql, level: 2}\nfoundation_weight: 0.5\n"
    with pytest.raises(InputError, match=r"foundation_weight: 0\.5 is too large: at most 0\.25"):
        validate_role_file(write(tmp_path / "b.yaml", heavy))


def test_format_1_files_still_load(tmp_path: Path) -> None:
    role = validate_role_file(
        write(tmp_path / "old.yaml", "id: old\ntitle: Old\nsource: {name: O*NET, code: 15-1252.00}\n"
              "skills:\n  - {skill: java, level: 3, required: true}\n  - {skill: git, level: 2, weight: 0.5}\n")
    )
    assert role.file_format == 1 and role.foundation == () and role.requirements is None
    assert [item.key for item in role.core] == ["java", "git"]
    assert role.onet_codes == ("15-1252.00",)
    format_1_keys_in_format_2 = "format: 2\nid: x\ntitle: X\nskills:\n  - {skill: sql, level: 2}\n"
    with pytest.raises(InputError, match="missing core"):
        validate_role_file(write(tmp_path / "mixed.yaml", format_1_keys_in_format_2))


def test_a_role_by_its_onet_code(tmp_path: Path) -> None:
    role = load_role("15-2051.01", tmp_path)
    assert role.id == "business-intelligence-analysts" and role.file_format == 2 and not role.curated

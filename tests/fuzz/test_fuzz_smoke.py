"""CI smoke of the fuzzing harness (a few seconds): every seed and a few dozen generated inputs per parser
entry point, none of which may raise anything but the product's own refusal. The long campaign is
`python -m fuzz.campaign` (fuzz/README.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz.campaign import summary_table
from fuzz.run_atheris import Recorder
from fuzz.strategies import inputs
from fuzz.targets import TARGETS
from hypothesis import HealthCheck, given, settings

REPO = Path(__file__).resolve().parents[2]
# Canonicalizing and verifying a JSON-LD credential costs tens of milliseconds: fewer of those.
SEEDS = {"jsonld": 6, "backup": 4}
EXAMPLES = {"jsonld": 6, "backup": 8}


def test_every_entry_point_has_a_target_with_seeds() -> None:
    assert set(TARGETS) == {"json", "png", "svg", "jws", "jsonld", "clr", "backup"}
    for name, target in TARGETS.items():
        assert target.seeds(), f"{name} has no seeds"


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_seeds_run_clean(name: str) -> None:
    target = TARGETS[name]
    for seed in target.seeds()[: SEEDS.get(name, 40)]:
        target.run(seed)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_generated_inputs_run_clean(name: str) -> None:
    target = TARGETS[name]

    @settings(
        max_examples=EXAMPLES.get(name, 25),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(inputs(name))
    def run(data: bytes) -> None:
        target.run(data)

    run()


def test_the_recorder_keeps_one_example_per_crash_class(tmp_path: Path) -> None:
    recorder = Recorder("json", tmp_path / "stats.json", tmp_path / "artifacts", slow_seconds=2.0, rss_mb=200)
    for data in (b"a", b"b"):
        try:
            {}["missing"]
        except KeyError as exc:
            recorder.crash(exc, data)
    recorder.measured(b"slow", 3.0, 250.0)
    recorder.write()
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["crash_classes"] == 1 and stats["crash_inputs"] == 2
    assert stats["slow_inputs"] == 1 and stats["executions"] == 1 and stats["inputs_over_memory"] == 1
    [crash] = stats["crashes"].values()
    assert (tmp_path / "artifacts" / crash["input"]).read_bytes() == b"a"
    table = summary_table([stats], slow_seconds=2.0, rss_mb=200)
    assert "| json | 1 | 1 | 2 | 1 | 3.0 | 250.0 | 1 |" in table and "KeyError" in table


def test_atheris_runs_a_target(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is the optional fuzz extra; the campaign installs it")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed").write_bytes(TARGETS["json"].seeds()[0])
    stats = tmp_path / "stats.json"
    command = [
        sys.executable, "-m", "fuzz.run_atheris", "json", "--stats", str(stats), "--artifacts",
        str(tmp_path / "artifacts"), "--", "-runs=60", "-max_len=4096", str(corpus),
    ]  # fmt: skip
    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert json.loads(stats.read_text())["crash_classes"] == 0


def test_replay_measures_each_kept_input(tmp_path: Path) -> None:
    from fuzz.replay import replay_target

    corpus = tmp_path / "corpus" / "svg"
    corpus.mkdir(parents=True)
    for index, seed in enumerate(TARGETS["svg"].seeds()[:3]):
        (corpus / f"seed-{index}").write_bytes(seed)
    result = replay_target("svg", tmp_path, slow_seconds=2.0, memory_mb=200.0)
    assert result["inputs"] == 3 and result["crashes"] == []
    assert result["slow_inputs"] == 0 and result["inputs_over_memory"] == 0
    assert 0 <= result["largest_input_memory_mb"] < 200


def test_a_killed_run_still_counts_when_the_campaign_continues(tmp_path: Path) -> None:
    from fuzz.campaign import run_target

    (tmp_path / "stats").mkdir()
    (tmp_path / "stats" / "json.total.json").write_text(json.dumps({"target": "json", "executions": 500}))
    # A run killed before the campaign added it up leaves only its own statistics file.
    (tmp_path / "stats" / "json.json").write_text(json.dumps({"target": "json", "executions": 700, "crashes": {}}))
    result = run_target("json", 1_000, tmp_path, slow_seconds=2.0, rss_mb=200)
    assert result["executions"] == 1_200  # already past 1,000: nothing runs, nothing counted twice
    assert not (tmp_path / "stats" / "json.json").exists()
    assert json.loads((tmp_path / "stats" / "json.total.json").read_text())["executions"] == 1_200
    assert run_target("json", 1_000, tmp_path, slow_seconds=2.0, rss_mb=200)["executions"] == 1_200

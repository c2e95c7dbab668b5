"""The benchmark generators and the deterministic deflate they share with the sample script."""

from __future__ import annotations

import importlib.util
import sys
import zlib
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sample_data.sample_support import REPO, assertion_of, openbadges_chunks, png_chunks, strict_json


def _bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_bench_badges", REPO / "bench" / "make_bench_badges.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000) | st.text(max_size=800).map(lambda t: (t * 3).encode("utf-8")))
def test_fixed_deflate_round_trips_through_zlib(data: bytes) -> None:
    import badge_png

    assert zlib.decompress(badge_png.zlib_fixed(data)) == data


def test_json_files_are_distinct_and_reproducible(tmp_path: Path) -> None:
    bench = _bench_module()
    first = bench.write_ob2_json_files(tmp_path / "a", 40, seed=3)
    again = bench.write_ob2_json_files(tmp_path / "b", 40, seed=3)
    other = bench.write_ob2_json_files(tmp_path / "c", 40, seed=4)
    assert len(first) == 40
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    documents = [strict_json(p.read_bytes()) for p in first]
    ids = {d["id"] for d in documents} | {strict_json(p.read_bytes())["id"] for p in other}
    assert len(ids) == 80
    assert len({d["badge"]["name"] for d in documents}) == 40
    assert all(d["type"] == "Assertion" and isinstance(d["badge"], dict) for d in documents)


def test_baked_pngs_are_valid_and_distinct(tmp_path: Path) -> None:
    bench = _bench_module()
    paths = bench.write_baked_pngs(tmp_path, 12, seed=5)
    ids = set()
    for index, path in enumerate(paths):
        raw = path.read_bytes()
        chunks = png_chunks(raw)
        assert all(chunk.crc_ok for chunk in chunks)
        ((compressed, _text),) = openbadges_chunks(chunks)
        assert compressed == (index % 10 == 9)
        ids.add(assertion_of(path.name, raw)["id"])
    assert len(ids) == 12

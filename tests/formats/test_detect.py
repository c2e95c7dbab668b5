"""Size caps apply before a byte is parsed: a huge or endless input is refused at once."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest

from credwallet.errors import InputError
from credwallet.formats.detect import read_capped
from credwallet.limits import MAX_BADGE_BYTES


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 4 GiB on paper, nothing on disk
        handle.truncate(4 * 1024**3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"over the .*-byte limit"):
        read_capped(huge)
    assert time.perf_counter() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


def test_endless_stream_is_cut_at_the_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer: more than the cap, then it is killed or the pipe breaks
        try:
            with fifo.open("wb") as handle:
                chunk = b" " * 65536
                for _ in range(MAX_BADGE_BYTES // 65536 + 10):
                    handle.write(chunk)
        finally:
            os._exit(0)
    try:
        with pytest.raises(InputError, match="over the"):
            read_capped(fifo)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_capped(tmp_path / "nope")
    with pytest.raises(InputError, match="is a folder"):
        read_capped(tmp_path)

"""Strict JSON: the tricks that make two parsers disagree are refused, with the file named."""

from __future__ import annotations

import time

import pytest

from credwallet.errors import InputError
from credwallet.safejson import loads_strict


def test_plain_json() -> None:
    assert loads_strict(b'\xef\xbb\xbf{"a": [1, 2.5, "\\u00e9"]}', source="f") == {"a": [1, 2.5, "é"]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a": NaN}', "NaN is not allowed"),
        (b'{"a": Infinity}', "Infinity is not allowed"),
        (b'{"a": 1, "a": 2}', "duplicate key 'a'"),
        (b'{"a": "\xff"}', "not valid UTF-8"),
        (b"[" * 100 + b"]" * 100, "nested too deeply"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": 1', "line 1 column 8"),
    ],
)
def test_refused(data: bytes, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match=message) as caught:
        loads_strict(data, source="evil.json")
    assert str(caught.value).startswith("evil.json: ")
    assert time.perf_counter() - started < 1.0


def test_size_cap_before_parsing() -> None:
    with pytest.raises(InputError, match="over the 10-byte limit"):
        loads_strict(b'{"aaaaaaaaaaaaa": 1}', source="big.json", max_bytes=10)

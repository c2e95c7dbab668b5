"""EdDSA compact tokens are checked with `cryptography` directly; every answer must be the one joserfc gives."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credwallet.verify import jose
from credwallet.verify.publickey import from_ed25519
from credwallet.verify.signing import ed25519_key_from_seed, sign_jws

KEY = ed25519_key_from_seed(b"direct check")
OTHER = ed25519_key_from_seed(b"someone else")
PUBLIC = from_ed25519(KEY.public_key().public_bytes_raw())
TOKEN = sign_jws({"name": "Data Analysis", "n": 1}, KEY, header={"typ": "JWT", "kid": "did:key:z#k"})


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, str | None]:
    """(direct answer, joserfc's answer) for `text`, or the TokenError both share."""
    token = jose.parse_token(text)
    direct = jose.signature_valid(token, PUBLIC)
    with monkeypatch.context() as patched:
        patched.setattr(jose, "_plain_compact", lambda text: False)
        through_joserfc = jose.signature_valid(token, PUBLIC)
    return direct, through_joserfc


def edits() -> list[str]:
    header, payload, signature = TOKEN.split(".")
    raw = base64.urlsafe_b64decode(signature + "==")
    edited_payload = sign_jws({"name": "Data Analysis", "n": 2}, KEY, header={"typ": "JWT"}).split(".")[1]
    flipped = base64.urlsafe_b64encode(bytes([raw[0] ^ 1]) + raw[1:]).rstrip(b"=").decode()
    return [
        TOKEN,
        f"{header}.{payload}.{flipped}",
        f"{header}.{edited_payload}.{signature}",
        f"{header}.{payload}.{signature[:-4]}",
        f"{header}.{payload}.{signature}AAAA",
        f"{header}.{payload}.",
        sign_jws({"name": "Data Analysis", "n": 1}, OTHER, header={"typ": "JWT"}),
        sign_jws({"name": "x"}, KEY, header={"kid": "a" * 9000}),  # a header over joserfc's limit
    ]


@pytest.mark.parametrize("index", range(len(edits())))
def test_direct_check_agrees_with_joserfc(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    direct, through_joserfc = both_ways(edits()[index], monkeypatch)
    assert (direct is None) == (through_joserfc is None), (direct, through_joserfc)
    assert (direct is None) == (index == 0)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=len(TOKEN) - 1), st.sampled_from("Aa0_-=+/.é "))
def test_any_one_character_changed_is_refused_by_both(position: int, character: str) -> None:
    text = TOKEN[:position] + character + TOKEN[position + 1 :]
    try:
        token = jose.parse_token(text)
    except jose.TokenError:
        return  # refused before any signature check, whichever way it would be checked
    direct = jose.signature_valid(token, PUBLIC)
    saved = jose._plain_compact
    jose._plain_compact = lambda text: False  # type: ignore[assignment]
    try:
        through_joserfc = jose.signature_valid(token, PUBLIC)
    finally:
        jose._plain_compact = saved
    assert (direct is None) == (through_joserfc is None), (text, direct, through_joserfc)
    if text != TOKEN and position < TOKEN.rindex("."):  # the signed text changed
        assert direct is not None, text

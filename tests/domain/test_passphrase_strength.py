"""The strength hint under the passphrase box: length matters most, and typing more never
makes the hint worse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.services.practices import MIN_PASSPHRASE, passphrase_strength


def score(p: str) -> int:
    return passphrase_strength(p)[0]


def test_scores_rise_with_length_and_words() -> None:
    ladder = [
        "horse",  # too short
        "horsebat",  # 8 letters, one kind
        "Horse!bat9",  # short but varied
        "correct horse battery",  # 21 chars, three words
        "correct horse battery staple",  # four words
    ]
    assert [score(p) for p in ladder] == [0, 1, 2, 3, 4]


def test_too_short_hint_names_the_minimum() -> None:
    value, hint = passphrase_strength("a" * (MIN_PASSPHRASE - 1))
    assert value == 0
    assert str(MIN_PASSPHRASE) in hint
    assert score("a" * MIN_PASSPHRASE) > 0


@pytest.mark.parametrize("p", ["", "x", "correct horse battery staple"])
def test_every_score_comes_with_a_hint(p: str) -> None:
    value, hint = passphrase_strength(p)
    assert 0 <= value <= 4
    assert hint.strip()


@given(st.text(max_size=40), st.text(min_size=1, max_size=20))
def test_typing_more_never_lowers_the_score(start: str, more: str) -> None:
    assert score(start + more) >= score(start)

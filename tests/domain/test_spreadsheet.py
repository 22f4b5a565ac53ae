"""safe_cell: what a spreadsheet would run as a formula becomes text; nothing else changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.spreadsheet import FORMULA_STARTS, safe_cell, safe_row


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_start_a_formula_gets_an_apostrophe(start: str) -> None:
    assert safe_cell(start + "SUM(A1:A9)") == "'" + start + "SUM(A1:A9)"


def test_numbers_none_and_plain_text_are_left_as_they_are() -> None:
    assert safe_row([7, -3, 2.5, None, "Zoë", "it's fine", " =not first"]) == [
        7,
        -3,
        2.5,
        "",
        "Zoë",
        "it's fine",
        " =not first",
    ]


@given(st.text())
def test_no_text_comes_out_starting_a_formula_and_none_is_lost(text: str) -> None:
    cell = safe_cell(text)
    assert isinstance(cell, str)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (text, "'" + text)

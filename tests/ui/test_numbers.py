"""Counts are written the way the user's language writes numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from clarity_desktop.ui.common.numbers import filled


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_a_spanish_count_has_spanish_thousands(locale: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    assert filled("%d entradas, %s", 12345, "abc") == "12.345 entradas, abc"


def test_an_english_count_has_english_thousands_and_text_stays_as_given(locale: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert filled("Wrote %d entries to %s (100%%).", 1234567, "a%d.csv") == (
        "Wrote 1,234,567 entries to a%d.csv (100%)."
    )

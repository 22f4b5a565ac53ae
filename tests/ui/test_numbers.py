"""Counts are written the way the user's language writes numbers."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from clarity_desktop.ui.common import numbers
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


def counts_filled_by_percent(source: str) -> list[int]:
    """Lines where a translated string with a %d slot is filled with Python's %."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)):
            continue
        call = node.left
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        texts = [a.value for a in call.args if isinstance(a, ast.Constant)]
        if name in ("tr", "translate") and any("%d" in str(t) for t in texts):
            found.append(node.lineno)
    return found


def test_the_scan_finds_a_count_filled_with_percent() -> None:
    planted = 'a = self.tr("%d cases") % n\nb = filled(self.tr("%d cases"), n)\n'
    assert counts_filled_by_percent(planted) == [1]


def test_every_translated_count_goes_through_the_locale() -> None:
    ui = Path(numbers.__file__).resolve().parents[1]
    found = [
        f"{path.relative_to(ui)}:{line}"
        for path in sorted(ui.rglob("*.py"))
        for line in counts_filled_by_percent(path.read_text(encoding="utf-8"))
    ]
    assert found == []

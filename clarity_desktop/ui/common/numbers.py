"""Counts in the user's language: "12.345 entradas", "12,345 entries".

Python's % writes 12345 whatever the language; translated strings keep their %d slots
(so the catalogue does not change) and are filled here instead, each %d through QLocale.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

SLOT = re.compile(r"%[sd%]")


def filled(template: str, *values: object) -> str:
    """*template* with its %s and %d slots filled in order, each %d as a whole number
    written the way the user's locale writes it (thousands separators included)."""
    given = iter(values)

    def one(slot: re.Match[str]) -> str:
        if slot.group() == "%%":
            return "%"
        value = next(given)
        if slot.group() == "%d":
            return QLocale().toString(int(value))  # type: ignore[call-overload]
        return str(value)

    return SLOT.sub(one, template)

"""The domain's words for what moved (domain/movement.py), on screen.

The dashboard and the overview show the same words as the reports: they come from the
domain, one source, and pass through Qt's translation here so a catalogue can render
them in another language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.movement import Movement

CONTEXT = "Movement"
ARROWS = {
    Trend.FALLING: "↘",
    Trend.RISING: "↗",
    Trend.STEADY: "→",
    Trend.MIXED: "↕",
    Trend.NOT_ENOUGH: "",
}


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def word(moved: Movement) -> str:
    """ "easing", "mixed", ...: the trend in the domain's words."""
    return translated(moved.word)


def change(moved: Movement) -> str:
    """ "6 of 10, up from 1 last time": the latest reading against the one before."""
    return translated(moved.change)


def chip(moved: Movement) -> str:
    """The latest change, then the trend word: what a header chip says."""
    if moved.latest is None:
        return change(moved)
    return f"{change(moved)} · {word(moved)}"

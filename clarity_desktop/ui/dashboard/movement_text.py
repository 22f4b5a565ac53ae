"""The domain's words for what moved (domain/movement.py), on screen.

The dashboard and the overview show the same words as the reports: the domain decides
what moved (one source), and the words are marked here (context "Movement") so a
catalogue can say them in another language; a change such as "6 of 10, up from 1 last
time" is put together here from its parts, never looked up whole.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.movement import Measure, Movement

CONTEXT = "Movement"
ARROWS = {
    Trend.FALLING: "↘",
    Trend.RISING: "↗",
    Trend.STEADY: "→",
    Trend.MIXED: "↕",
    Trend.NOT_ENOUGH: "",
}


# domain/movement.py's WORDS, marked for the catalogue.
WORDS = (
    QT_TRANSLATE_NOOP("Movement", "easing"),
    QT_TRANSLATE_NOOP("Movement", "rising"),
    QT_TRANSLATE_NOOP("Movement", "steady"),
    QT_TRANSLATE_NOOP("Movement", "mixed"),
    QT_TRANSLATE_NOOP("Movement", "too few readings for a trend"),
    QT_TRANSLATE_NOOP("Movement", "drawing closer"),
    QT_TRANSLATE_NOOP("Movement", "moving apart"),
    QT_TRANSLATE_NOOP("Movement", "growing"),
    QT_TRANSLATE_NOOP("Movement", "lessening"),
)


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def value_text(moved: Movement, value: int) -> str:
    """ "6 of 10"; a distance as "2 points apart" (of 6)."""
    if moved.measure is Measure.DISTANCE:
        if value == 1:
            return QCoreApplication.translate("Movement", "1 point apart")
        return QCoreApplication.translate("Movement", "%1 points apart").replace("%1", str(value))
    of = QCoreApplication.translate("Movement", "%1 of %2")
    return of.replace("%1", str(value)).replace("%2", str(moved.measure.top))


def word(moved: Movement) -> str:
    """ "easing", "mixed", ...: the trend in the domain's words."""
    return translated(moved.word)


def change(moved: Movement) -> str:
    """ "6 of 10, up from 1 last time": the latest reading against the one before."""
    latest, previous = moved.latest, moved.previous
    if latest is None:
        return QCoreApplication.translate("Movement", "not recorded yet")
    now = value_text(moved, latest.value)
    if previous is None:
        text = QCoreApplication.translate("Movement", "%1 (the first reading)")
    elif latest.value == previous.value:
        text = QCoreApplication.translate("Movement", "%1, the same as last time")
    elif latest.value > previous.value:
        text = QCoreApplication.translate("Movement", "%1, up from %2 last time")
    else:
        text = QCoreApplication.translate("Movement", "%1, down from %2 last time")
    before = "" if previous is None else str(previous.value)
    return text.replace("%2", before).replace("%1", now)


def chip(moved: Movement) -> str:
    """The latest change, then the trend word: what a header chip says."""
    if moved.latest is None:
        return change(moved)
    return f"{change(moved)} · {word(moved)}"

"""Session mode's widgets and their layout (session_mode.py gives them their
behaviour): the large timer, the note pad, the list of markers, the quote row, and the
window's three bands: heading and timer, pad and marking side, states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services.dto import PartnerView


def timer_label() -> QLabel:
    label = QLabel()
    label.setAccessibleName(QCoreApplication.translate("SessionModeWindow", "Time in session"))
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2.2)
    font.setWeight(QFont.Weight.Light)
    font.setStyleHint(QFont.StyleHint.Monospace)
    label.setFont(font)
    return label


def note_pad(text: str) -> QPlainTextEdit:
    pad = QPlainTextEdit()
    pad.setObjectName("sessionPad")
    pad.setPlaceholderText(
        QCoreApplication.translate(
            "SessionModeWindow", "Note pad: what you want to remember. Saved as you write."
        )
    )
    pad.setAccessibleName(QCoreApplication.translate("SessionModeWindow", "Note pad"))
    font = pad.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    pad.setFont(font)
    pad.setPlainText(text)
    pad.setStyleSheet(
        "QPlainTextEdit#sessionPad { border: 1px solid palette(mid); padding: 8px; }"
        "QPlainTextEdit#sessionPad:focus { border: 2px solid palette(highlight); }"
    )
    return pad


def marker_list() -> QListWidget:
    markers = QListWidget()
    markers.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to marking
    markers.setAccessibleName(
        QCoreApplication.translate("SessionModeWindow", "Markers, newest first")
    )
    markers.setObjectName("markerList")
    markers.setStyleSheet("QListWidget#markerList { border: none; }")
    markers.setWordWrap(True)
    markers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return markers


def quote_row(partners: tuple[PartnerView, ...]) -> tuple[QWidget, QLineEdit, QComboBox]:
    """The row for a quote and who said it, hidden until asked for."""
    quote = QLineEdit()
    quote.setPlaceholderText(
        QCoreApplication.translate("SessionModeWindow", "The words worth keeping; Enter keeps them")
    )
    quote.setAccessibleName(QCoreApplication.translate("SessionModeWindow", "Quote"))
    quote.setMaxLength(500)
    speaker = QComboBox()
    speaker.setAccessibleName(QCoreApplication.translate("SessionModeWindow", "Said by"))
    speaker.addItem(QCoreApplication.translate("SessionModeWindow", "Said by —"), None)
    for p in partners:
        speaker.addItem(p.name, p.id)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(quote, 1)
    layout.addWidget(speaker)
    row.hide()
    return row, quote, speaker


def lay_out(
    window: QDialog,
    *,
    top: tuple[QLabel, QLabel, QLabel, QWidget],
    side: tuple[QWidget, QWidget, QWidget],
    pad: QPlainTextEdit,
    bottom: tuple[QLabel, QLabel, QLabel],
) -> None:
    heading, timer, planned, end_button = top
    row = QHBoxLayout()
    row.addWidget(heading, 1)
    row.addWidget(timer)
    row.addWidget(planned)
    row.addSpacing(24)
    row.addWidget(end_button)
    keys, quote, markers = side
    right = QVBoxLayout()
    right.addWidget(keys)
    right.addWidget(quote)
    right.addWidget(markers, 1)
    marking = QFrame()
    marking.setLayout(right)
    marking.setMaximumWidth(420)
    middle = QHBoxLayout()
    middle.addWidget(pad, 3)
    middle.addWidget(marking, 1)
    state, last, save_state = bottom
    states = QHBoxLayout()
    states.addWidget(state)
    states.addWidget(last, 1)
    states.addWidget(save_state)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(24, 16, 24, 12)
    layout.addLayout(row)
    layout.addLayout(middle, 1)
    layout.addLayout(states)

"""Small widgets of the document dialog's choices panel (document_choices.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.ui.common import appearance


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()  # smaller, in the normal text colour: light grey is hard to read
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


def day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def safety_box() -> tuple[QFrame, QLabel, QCheckBox]:
    """The warning shown for a handout in a case with a safety flag, with its tick."""
    frame = QFrame()
    frame.setObjectName("safetyWarning")
    appearance.styled(
        frame,
        lambda t: (
            f"QFrame#safetyWarning {{ background: {t.alert_back};"
            f" border: 1px solid {t.alert_border}; border-radius: 4px; }}"
            f" QFrame#safetyWarning QLabel {{ color: {t.alert_text}; }}"
        ),
    )
    warning = QLabel()
    warning.setWordWrap(True)
    tick = QCheckBox(
        QCoreApplication.translate("ChoicesPanel", "I have &considered safety for this handout")
    )
    inner = QVBoxLayout(frame)
    inner.addWidget(warning)
    inner.addWidget(tick)
    return frame, warning, tick


def message_edit() -> QPlainTextEdit:
    """The therapist's own words for a handout."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(QCoreApplication.translate("ChoicesPanel", "Your message to them"))
    edit.setPlaceholderText(
        QCoreApplication.translate("ChoicesPanel", "A few words of your own, or homework")
    )
    edit.setMinimumHeight(70)
    edit.setMaximumHeight(100)
    return edit


def scrolled(panel: QWidget) -> QScrollArea:
    """The choices panel in a scroll area that Tab passes through."""
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices in it
    scroll.setMinimumWidth(360)
    return scroll

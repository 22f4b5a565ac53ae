"""Small pieces the practice's first windows share: a title and an error line."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from clarity_desktop.ui.common import appearance


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("errorLabel")
    appearance.styled(
        label, lambda t: f"QLabel#errorLabel {{ color: {t.alert}; font-weight: 600; }}"
    )
    label.setAccessibleName("Error message")
    label.hide()
    return label

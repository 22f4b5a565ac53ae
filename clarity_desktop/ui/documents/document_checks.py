"""What the document dialog checks before saving or printing: the PDF's password, and
the therapist's yes to a handout in a case with a safety flag."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clarity_desktop.ui.common.numbers import filled

MIN_PASSWORD = 8


def password_problem(password: str, repeat: str) -> str | None:
    """What is wrong with the password typed for a PDF, or None."""
    if len(password) < MIN_PASSWORD:
        return filled(
            QCoreApplication.translate(
                "DocumentDialog", "A password for the PDF has at least %d characters."
            ),
            MIN_PASSWORD,
        )
    if password != repeat:
        return QCoreApplication.translate(
            "DocumentDialog", "The two passwords differ; please type them again."
        )
    return None


def safety_confirmed(parent: QWidget, joint: bool, joint_question: str, question: str) -> bool:
    """Ask before a (joint) handout leaves a case with a safety flag; Cancel is the default."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("DocumentDialog", "Joint handout in a case with a safety flag")
        if joint
        else QCoreApplication.translate("DocumentDialog", "Handout in a case with a safety flag"),
        joint_question if joint else question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes

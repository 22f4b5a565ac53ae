"""What the document dialog checks before saving or printing: the PDF's password, and
the therapist's yes to a handout in a case with a safety flag, with the words it asks
and the preview's message before the safety tick (context "DocumentDialog")."""

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


def tick_first(joint: bool) -> str:
    """Shown in place of the preview of a handout in a flagged case until it is ticked."""
    if joint:
        return QCoreApplication.translate(
            "DocumentDialog",
            "This case has a safety flag. Tick “I have considered safety for this "
            "handout” to see the joint handout, or choose one partner's handout.",
        )
    return QCoreApplication.translate(
        "DocumentDialog",
        "This case has a safety flag. Tick “I have considered safety for this "
        "handout” to see it, with practices for one person in place of joint "
        "exercises.",
    )


def save_questions() -> tuple[str, str]:
    """(for a joint handout, for one partner's) before saving in a flagged case."""
    return (
        QCoreApplication.translate(
            "DocumentDialog",
            "This case has a safety flag. Save a handout addressed to both partners anyway?",
        ),
        QCoreApplication.translate(
            "DocumentDialog",
            "This case has a safety flag. Save this handout, with practices for one "
            "person in place of joint exercises?",
        ),
    )


def print_questions() -> tuple[str, str]:
    """(for a joint handout, for one partner's) before printing in a flagged case."""
    return (
        QCoreApplication.translate(
            "DocumentDialog",
            "This case has a safety flag. Print a handout addressed to both partners anyway?",
        ),
        QCoreApplication.translate(
            "DocumentDialog",
            "This case has a safety flag. Print this handout, with practices for one "
            "person in place of joint exercises?",
        ),
    )

"""The "while we are unsure" agreement, shown quietly on the case dashboard: what the
partners agreed to do while one or both are undecided, and when to look at it again. The
review date turns amber on the day it comes (domain/plans.py review_due), as a reminder,
never an alarm: the agreement stands until the therapist and the couple revisit it."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from clarity_desktop.domain.plans import review_due
from clarity_desktop.ui.common import dates

AMBER = QColor(176, 106, 0)  # readable on light and dark window colours


class AgreementBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("While we are unsure"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.review = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for w in (self.title, self.text, self.review):
            layout.addWidget(w)
        self.due = False
        self.hide()

    def set_agreement(self, text: str, review_on: date | None, today: date) -> None:
        """Show the agreement of the plan in force; hidden when there is none."""
        self.setVisible(bool(text))
        self.text.setText(text)
        self.due = review_due(review_on, today)
        if review_on is None:
            self.review.setText("")
        elif self.due:
            self.review.setText(self.tr("Review due: %1").replace("%1", dates.day(review_on)))
        else:
            self.review.setText(self.tr("Review on %1").replace("%1", dates.day(review_on)))
        palette = self.review.palette()
        colour = AMBER if self.due else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.review.setPalette(palette)
        font = self.review.font()
        font.setBold(self.due)
        self.review.setFont(font)

    def clear(self) -> None:
        self.set_agreement("", None, date.today())

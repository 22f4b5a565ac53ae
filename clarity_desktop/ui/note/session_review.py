"""The end of session mode: what the markers suggest, for the therapist to confirm or
change before anything reaches the note.

The Dynamics readings are shown in the same boxes as beside the note, filled with the
suggestion (the note's own values where the markers say nothing), and the "Moments"
summary as text to edit. Save writes both into the note in one go; Back returns to the
session; Leave closes session mode and leaves the note as it was (the markers stay in
the record either way).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.services import session_mode
from clarity_desktop.services.dto import NoteView, PartnerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.dashboard.dynamics_panel import CoupleReadingBox, PartnerReadingBox


class ReviewDialog(QDialog):
    SAVED = 1
    BACK = 0
    LEFT = 2

    def __init__(
        self,
        practice: OpenPractice,
        note: NoteView,
        names: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.note = note
        self.saved_note: NoteView | None = None
        self.setWindowTitle(self.tr("End of session: review"))
        self.review = session_mode.review(practice.uow(), note.id, names)
        suggestion = self.review.suggestion

        intro = QLabel(
            self.tr(
                "The moments you marked suggest these readings. Check or change each one; "
                "nothing goes into the note until you save."
            )
        )
        intro.setWordWrap(True)
        reasons = QLabel(
            "<br>".join(escape(r) for r in suggestion.reasons)
            or escape(self.tr("No marker speaks to the readings; they are as the note has them."))
        )
        reasons.setWordWrap(True)
        reasons.setStyleSheet("color: palette(placeholder-text);")
        self.partner_boxes: dict[int, PartnerReadingBox] = {}
        readings = QVBoxLayout()
        for pid, name in names.items():
            box = PartnerReadingBox(_partner(pid, name))
            box.set_step(note.partner_steps.get(pid))
            box.set_reading(suggestion.partner_readings.get(pid))
            readings.addWidget(box)
            self.partner_boxes[pid] = box
        self.couple_box: CoupleReadingBox | None = None
        if self.review.joint:
            self.couple_box = CoupleReadingBox()
            self.couple_box.set_reading(suggestion.couple)
            readings.addWidget(self.couple_box)
        readings.addStretch(1)
        host = QWidget()
        host.setLayout(readings)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        self.moments = QPlainTextEdit(self.review.moments)
        self.moments.setAccessibleName(self.tr("Moments, for the note"))
        self.moments.setPlaceholderText(self.tr("No moments were marked."))
        moments_title = QLabel(self.tr("&Moments, added to the note"))
        moments_title.setBuddy(self.moments)
        moments_title.setStyleSheet("font-weight: 600;")
        right = QVBoxLayout()
        right.addWidget(moments_title)
        right.addWidget(self.moments, 1)

        self.save = QPushButton(self.tr("&Save to the note"))
        self.save.setDefault(True)
        self.back = QPushButton(self.tr("&Back to the session"))
        self.leave = QPushButton(self.tr("&Leave the note as it is"))
        self.leave.setToolTip(self.tr("Close session mode; the markers stay in the record."))
        for b in (self.back, self.leave):
            b.setAutoDefault(False)
        self.save.clicked.connect(self.save_to_note)
        self.back.clicked.connect(lambda: self.done(self.BACK))
        self.leave.clicked.connect(lambda: self.done(self.LEFT))

        columns = QHBoxLayout()
        columns.addWidget(scroll, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.leave)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(reasons)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(1100, 640)

    def partner_readings(self) -> dict[int, PartnerReading]:
        return {pid: box.reading() for pid, box in self.partner_boxes.items()}

    def couple_reading(self) -> CoupleReading | None:
        return self.couple_box.reading() if self.couple_box is not None else None

    def save_to_note(self) -> None:
        try:
            self.saved_note = session_mode.apply_review(
                self.practice.uow(),
                self.note.id,
                self.partner_readings(),
                self.couple_reading(),
                self.moments.toPlainText(),
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not saved"), explain(exc))
            return
        self.done(self.SAVED)

    def reject(self) -> None:
        """Esc goes back to the session: ending it is a deliberate choice."""
        self.done(self.BACK)


def _partner(pid: int, name: str) -> PartnerView:
    return PartnerView(pid, 0, name, "", None, "", "", None)

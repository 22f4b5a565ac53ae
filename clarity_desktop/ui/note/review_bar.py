"""The note's review by a supervisor, in the note editor: where it stands (submitted,
returned with the supervisor's comment, approved, waiting for a co-signature) and the one
or two things the person reading it may do: submit it (the clinician), return it with
comments or approve it, co-sign it (their supervisor). services/supervision.py decides
what each person may do; this only shows it and asks.

Hidden where there is nothing to say: a solo practice, a clinician nobody reviews, a note
never submitted by someone they do not supervise.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.supervision import ReviewState, SupervisionMode
from clarity_desktop.services import supervision
from clarity_desktop.services.dto import NoteView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.supervision import ReviewStatus
from clarity_desktop.ui.common import appearance, dates
from clarity_desktop.ui.common.errors import explain


class ReviewBar(QFrame):
    review_changed = Signal(int)  # note id: submitted, returned or approved
    cosigned = Signal(object)  # the NoteView, co-signed

    def __init__(self, save_first: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_first = save_first  # the editor's save: what is submitted is what was typed
        self._practice: OpenPractice | None = None
        self._note: NoteView | None = None
        self.status: ReviewStatus | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Supervision"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        t = appearance.tones()
        self.problem.setStyleSheet(f"color: {t.alert_text};")
        self.problem.hide()
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(
            self.tr("Comments for the clinician (needed to return the note)")
        )
        self.comment.setAccessibleName(self.tr("Comments for the clinician"))
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.return_button = QPushButton(self.tr("Return with comments"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.cosign_button = QPushButton(self.tr("Co-sign…"))
        self.submit_button.setAccessibleName(self.tr("Submit the note to your supervisor"))
        self.cosign_button.setAccessibleName(self.tr("Co-sign the note"))
        self.submit_button.clicked.connect(self.submit)
        self.return_button.clicked.connect(self.return_note)
        self.approve_button.clicked.connect(self.approve)
        self.cosign_button.clicked.connect(self.cosign)
        buttons = QHBoxLayout()
        for b in (self.submit_button, self.return_button, self.approve_button, self.cosign_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.addWidget(self.text)
        column.addWidget(self.problem)
        column.addWidget(self.comment)
        column.addLayout(buttons)
        self.hide()

    @property
    def holds_draft(self) -> bool:
        """Is the draft with the supervisor (or approved as it stands), so read-only?"""
        s = self.status
        return (
            s is not None
            and s.state is not None
            and s.state.holds_draft
            and s.mode is not None
            and s.mode.reviews
            and self._note is not None
            and not self._note.signed
        )

    def show_note(self, practice: OpenPractice, note: NoteView) -> None:
        self._practice, self._note = practice, note
        self.problem.hide()
        try:
            self.status = supervision.review_status(practice.uow(), note.id)
        except Exception:  # the note still opens; only its review is missing from view
            self.status = None
            self.hide()
            return
        s = self.status
        self.text.setText(self._describe(s, note))
        self.submit_button.setVisible(s.can_submit)
        self.return_button.setVisible(s.can_review)
        self.approve_button.setVisible(s.can_review)
        self.comment.setVisible(s.can_review)
        self.comment.clear()
        self.cosign_button.setVisible(s.can_cosign)
        acts = s.can_submit or s.can_review or s.can_cosign
        self.setVisible(acts or bool(self.text.text()))

    def _describe(self, s: ReviewStatus, note: NoteView) -> str:
        last = s.last
        if note.signed:
            if s.can_cosign:
                return self.tr("Signed by %s; waiting for your co-signature.") % note.signed_by
            if s.mode is SupervisionMode.COSIGN and s.state not in (None, ReviewState.COSIGNED):
                return self.tr("Waiting for the co-signature of %s.") % s.supervisor
            return ""
        if last is None:
            if not s.can_submit:
                return ""
            if s.mode is SupervisionMode.APPROVE:
                return self.tr("%s approves your notes before you sign them.") % s.supervisor
            return self.tr("%s reviews and co-signs your notes.") % s.supervisor
        when = dates.utc_day_time(last.at)
        if s.state is ReviewState.SUBMITTED:
            if s.can_review:
                return self.tr("%s submitted this note for your review on %s.") % (last.by, when)
            return self.tr(
                "Submitted to %s for review on %s. The note is read-only until it is returned."
            ) % (s.supervisor or last.by, when)
        if s.state is ReviewState.RETURNED:
            return self.tr("Returned by %s on %s with comments:\n%s") % (
                last.by,
                when,
                last.comment,
            )
        if s.state is ReviewState.APPROVED:
            if s.can_submit or (s.mode is not None and not s.can_review):
                return self.tr("Approved by %s on %s. You can sign it now.") % (last.by, when)
            return self.tr("Approved by %s on %s.") % (last.by, when)
        return ""

    # ----- acting ---------------------------------------------------------------------

    def _act(self, do: Callable[[], object]) -> bool:
        if self._practice is None or self._note is None:
            return False
        try:
            do()
        except Exception as exc:
            self.problem.setText(explain(exc))
            self.problem.show()
            return False
        return True

    def submit(self) -> None:
        if self._note is None or self._practice is None or not self._save_first():
            return
        practice, note_id = self._practice, self._note.id
        if self._act(lambda: supervision.submit(practice.uow(), note_id)):
            self.review_changed.emit(note_id)

    def return_note(self) -> None:
        if self._note is None or self._practice is None:
            return
        practice, note_id, text = self._practice, self._note.id, self.comment.toPlainText()
        if self._act(lambda: supervision.return_note(practice.uow(), note_id, text)):
            self.review_changed.emit(note_id)

    def approve(self) -> None:
        if self._note is None or self._practice is None:
            return
        practice, note_id, text = self._practice, self._note.id, self.comment.toPlainText()
        if self._act(lambda: supervision.approve(practice.uow(), note_id, text)):
            self.review_changed.emit(note_id)

    def confirm_cosign(self) -> bool:
        """Ask once before a co-signature, which cannot be taken back."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Co-sign this note?"),
            self.tr(
                "Your co-signature is sealed with your own key and cannot be taken back."
                "\n\nCo-sign as %s?"
            )
            % (self._practice.clinician.signature if self._practice else ""),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        sign = box.addButton(self.tr("Co-sign note"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is sign

    def cosign(self) -> None:
        if self._note is None or self._practice is None or not self.confirm_cosign():
            return
        practice, note_id = self._practice, self._note.id
        done: list[NoteView] = []
        if self._act(lambda: done.append(supervision.cosign(practice.uow(), note_id))):
            self.cosigned.emit(done[0])

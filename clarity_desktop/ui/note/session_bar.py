"""Under a case's session list: what became of the chosen session, and the buttons that
move it along its life (start, change, cancel, no-show, discard), each enabled only where
it applies. The window carries the actions out (ui/case/session_actions.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services.dto import SessionView
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.today_models import clock, full_day

ACTIONS = ("start", "change", "cancel", "no_show", "discard")


def _when(s: SessionView) -> str:
    return f"{full_day(s.starts_at.date())} {clock(s.starts_at)}"


class SessionBar(QWidget):
    action_requested = Signal(str, int)  # one of ACTIONS, the session id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: SessionView | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Chosen session"))
        texts = {
            "start": (self.tr("Start"), self.tr("Start this session: its note opens")),
            "change": (self.tr("Change…"), self.tr("Change the date, time or attendance")),
            "cancel": (self.tr("Cancel…"), self.tr("Cancel this session, with a reason")),
            "no_show": (self.tr("No-show…"), self.tr("Record that nobody came")),
            "discard": (self.tr("Discard…"), self.tr("Remove a session made by mistake")),
        }
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for action in ACTIONS:
            text, tip = texts[action]
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=action: self._clicked(a))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(row)
        self.show_session(None)

    def _clicked(self, action: str) -> None:
        if self.session is not None:
            self.action_requested.emit(action, self.session.id)

    def show_session(self, s: SessionView | None, case_active: bool = True) -> None:
        self.session = s
        self.setVisible(s is not None)
        if s is None:
            return
        self.state.setText(self.describe(s))
        booked = s.status is SessionStatus.SCHEDULED
        draft = s.status is SessionStatus.HELD and s.is_draft
        allowed = {
            "start": booked and case_active,
            "change": (booked and case_active) or draft,
            "cancel": booked or draft,
            "no_show": booked or draft,
            "discard": booked or draft,
        }
        for action, button in self.buttons.items():
            button.setEnabled(allowed[action])

    def describe(self, s: SessionView) -> str:
        when = _when(s)
        if s.status is SessionStatus.SCHEDULED:
            return filled(
                self.tr("Scheduled for %s, %d min. Start it to write its note."),
                when,
                s.duration_minutes,
            )
        if s.status is SessionStatus.HELD:
            if s.note_signed:
                return self.tr("Held on %s. The note is signed and locked.") % when
            return (
                self.tr(
                    "Held on %s. The note is a draft: the session's details can still be corrected."
                )
                % when
            )
        words = {
            SessionStatus.CANCELLED: self.tr("Cancelled"),
            SessionStatus.LATE_CANCELLED: self.tr("Cancelled late"),
            SessionStatus.NO_SHOW: self.tr("No-show"),
        }[s.status]
        text = self.tr("%s: the session of %s.") % (words, when)
        if s.status_reason:
            text += " " + self.tr("Reason: %s") % s.status_reason
        return text

"""The line above a note that says why it cannot be edited just now, and what can be
done: someone else has it open for editing (an edit lease, services/leases.py), or a
save was refused because it changed elsewhere (the comparison, note_conflict.py).

It always says it in words, and keeps the note readable underneath: the note opens
read-only for everyone but the one editing it, and a refused save keeps its text.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from clarity_desktop.services.leases import LeaseHolder
from clarity_desktop.ui.common import appearance, dates


def since_text(since: datetime) -> str:
    """14:05 today; "4 Mar 2026, 14:05" on another day."""
    local = dates.local(since)
    return dates.clock(local) if local.date() == datetime.now().date() else dates.day_time(local)


class NoteBanner(QFrame):
    """Hidden unless the note is paused; one message and the buttons that go with it."""

    compare_requested = Signal()
    take_over_requested = Signal()
    check_again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBanner")
        appearance.styled(
            self,
            lambda t: (
                f"QFrame#noteBanner {{ background: {t.caution_back}; border-radius: 4px; }}"
                f" QFrame#noteBanner > QLabel {{ color: {t.caution_text}; }}"
            ),
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Why the note is paused"))
        self.compare_button = QPushButton(self.tr("Comp&are…"))
        self.compare_button.setToolTip(self.tr("Theirs and yours side by side, to choose"))
        self.take_over_button = QPushButton(self.tr("Take over editin&g…"))
        self.take_over_button.setToolTip(
            self.tr("Close the note in their program and edit it here (audited)")
        )
        self.check_button = QPushButton(self.tr("Chec&k again"))
        self.check_button.setToolTip(self.tr("Open the note for editing if it is free now"))
        self.compare_button.clicked.connect(self.compare_requested)
        self.take_over_button.clicked.connect(self.take_over_requested)
        self.check_button.clicked.connect(self.check_again_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.message, 1)
        for b in (self.compare_button, self.take_over_button, self.check_button):
            row.addWidget(b)
        self.hide()

    def _show(self, text: str, *buttons: QPushButton) -> None:
        self.message.setText(text)
        for b in (self.compare_button, self.take_over_button, self.check_button):
            b.setVisible(b in buttons)
        self.show()

    def show_conflict(self) -> None:
        self._show(
            self.tr(
                "Not saved: this note changed elsewhere. Your text is kept here; "
                "compare the two versions to choose."
            ),
            self.compare_button,
        )

    def show_holder(self, holder: LeaseHolder, *, me: bool, taken: bool = False) -> None:
        """The note is open for editing elsewhere (*taken*: since they took it over)."""
        since = since_text(holder.since)
        if me:
            text = self.tr("Being edited by you in another window since %s.") % since
        elif taken:
            text = self.tr(
                "Being edited by %s since %s: they took it over. What you had written "
                "before was saved."
            ) % (holder.name, since)
        else:
            text = self.tr("Being edited by %s since %s.") % (holder.name, since)
        text += " " + self.tr("You can read the note here; it opens for editing once it is free.")
        buttons = [self.check_button]
        if holder.may_take_over:
            buttons.append(self.take_over_button)
        self._show(text, *buttons)

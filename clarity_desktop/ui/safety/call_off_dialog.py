"""Calling a session off: cancelled, cancelled late, or a no-show, with the reason that
stays in the record. Builds input only; the caller passes it to services.sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.schedule import MAX_REASON, SessionStatus, clean_reason
from clarity_desktop.ui.common.form_parts import WarningBanner
from clarity_desktop.ui.common.numbers import filled

OUTCOMES = (SessionStatus.CANCELLED, SessionStatus.LATE_CANCELLED, SessionStatus.NO_SHOW)


class CallOffDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, what: str, outcome: SessionStatus = SessionStatus.CANCELLED
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session not taking place"))
        heading = QLabel(what, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.choices: dict[SessionStatus, QRadioButton] = {
            SessionStatus.CANCELLED: QRadioButton(self.tr("Cancelled in good time"), self),
            SessionStatus.LATE_CANCELLED: QRadioButton(
                self.tr("Cancelled late (inside the notice you ask for)"), self
            ),
            SessionStatus.NO_SHOW: QRadioButton(self.tr("No-show: nobody came"), self),
        }
        group = QButtonGroup(self)
        for button in self.choices.values():
            group.addButton(button)
        self.choices[outcome].setChecked(True)
        reason_label = QLabel(self.tr("&Reason (kept in the record)"), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("For example: they called in the morning, ill."))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        reason_label.setBuddy(self.reason)
        self.error_banner = WarningBanner(self)
        self.buttons = QDialogButtonBox(self)
        self.record = self.buttons.addButton(
            self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Go back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.record.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for button in self.choices.values():
            layout.addWidget(button)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.reason.setFocus()

    def outcome(self) -> SessionStatus:
        return next(s for s, b in self.choices.items() if b.isChecked())

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        try:
            clean_reason(self.reason.toPlainText())
        except ValidationError:
            self.error_banner.show_message(
                filled(self.tr("The reason is too long (at most %d characters)."), MAX_REASON)
            )
            self.reason.setFocus()
            return
        super().accept()

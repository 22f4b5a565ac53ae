"""The dialog for recording a session of a case.

Like the case dialog it only builds input: a SessionInput checked by validate_session and
the note template to start from; the caller passes both to services.sessions.

The start defaults to the beginning of the current hour: sessions mostly start on the
hour and are usually recorded while or just after they run, so that guess is right more
often than "now" (minutes past) or the next quarter hour (in the future).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import (
    MAX_SESSION_MINUTES,
    CaseKind,
    Modality,
    SessionInput,
    validate_session,
)
from clarity_desktop.domain.templates import Template
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.ui.case_dialog import (
    DATE_FORMAT,
    WarningBanner,
    grow_to_fit,
    mnemonic_safe,
)

DEFAULT_MINUTES = 50


def start_of_hour(now: datetime) -> datetime:
    """Local wall-clock time, as sessions are stored, cut back to the full hour."""
    if now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    return now.replace(minute=0, second=0, microsecond=0)


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def to_datetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class SessionDialog(QDialog):
    """When, how long, how, who attended, and which note template to start from."""

    def __init__(
        self, parent: QWidget | None, case: CaseDetail, now: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self._case = case
        self._result: SessionInput | None = None
        self._template: Template | None = None
        self.setWindowTitle(self.tr("New session: {case}").format(case=case.display_name))

        heading = QLabel(case.display_name, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        # A safety flag changes what a joint session should look like; keep it in view.
        self.safety_notice = WarningBanner(self)
        if case.safety_flag:
            note = case.safety_note.strip()
            self.safety_notice.show_message(
                self.tr("Safety flag: {note}").format(note=note)
                if note
                else self.tr("This case carries a safety flag.")
            )

        self.starts_at = QDateTimeEdit(self)
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat(DATE_FORMAT + " HH:mm")
        self.starts_at.setDateTime(to_qdatetime(start_of_hour(now or datetime.now())))

        self.duration = QSpinBox(self)
        self.duration.setRange(1, MAX_SESSION_MINUTES)
        self.duration.setValue(DEFAULT_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))

        self.in_person_button = QRadioButton(self.tr("In &person"), self)
        self.telehealth_button = QRadioButton(self.tr("Tele&health"), self)
        self.in_person_button.setChecked(True)
        modality_group = QButtonGroup(self)
        modality_group.addButton(self.in_person_button)
        modality_group.addButton(self.telehealth_button)
        modality_row = QHBoxLayout()
        modality_row.setContentsMargins(0, 0, 0, 0)
        modality_row.addWidget(self.in_person_button)
        modality_row.addWidget(self.telehealth_button)
        modality_row.addStretch(1)

        # Who attended: both partners, or one of them alone. Not asked for an individual
        # case, whose one client always attends.
        self.attendance = QWidget(self)
        attendance_column = QVBoxLayout(self.attendance)
        attendance_column.setContentsMargins(0, 0, 0, 0)
        self._attendance_group = QButtonGroup(self)
        self.both_button = QRadioButton(self.tr("&Both partners (joint session)"), self.attendance)
        self.both_button.setChecked(True)
        self._attendance_group.addButton(self.both_button)
        attendance_column.addWidget(self.both_button)
        self.partner_buttons: dict[int, QRadioButton] = {}
        self._is_couple = case.kind is CaseKind.COUPLE
        if self._is_couple:
            for partner in sorted(case.partners, key=lambda p: p.position):
                button = QRadioButton(
                    self.tr("{name} alone (individual session)").format(
                        name=mnemonic_safe(partner.name)
                    ),
                    self.attendance,
                )
                self._attendance_group.addButton(button)
                attendance_column.addWidget(button)
                self.partner_buttons[partner.id] = button
        self.privacy_hint = QLabel(
            self.tr("Notes from individual sessions are private by default."), self.attendance
        )
        self.privacy_hint.setIndent(self.fontMetrics().averageCharWidth() * 3)
        self.privacy_hint.hide()
        attendance_column.addWidget(self.privacy_hint)
        self._attendance_group.buttonToggled.connect(self._attendance_changed)

        self.template_combo = QComboBox(self)
        titles = {
            Template.FIVE_STEPS: self.tr("Five steps"),
            Template.DAP: self.tr("DAP"),
            Template.SOAP: self.tr("SOAP"),
        }
        for template in (Template.FIVE_STEPS, Template.DAP, Template.SOAP):
            self.template_combo.addItem(titles[template], template)
        self.template_combo.setCurrentIndex(0)

        form = QFormLayout()
        form.addRow(self._label(self.tr("Date and &time"), self.starts_at), self.starts_at)
        form.addRow(self._label(self.tr("&Duration"), self.duration), self.duration)
        form.addRow(QLabel(self.tr("Setting"), self), modality_row)
        self._attendance_caption = QLabel(self.tr("Who attended"), self)
        form.addRow(self._attendance_caption, self.attendance)
        form.addRow(
            self._label(self.tr("Note te&mplate"), self.template_combo), self.template_combo
        )
        form.setRowVisible(self.attendance, self._is_couple)
        for widget, name in (
            (self.starts_at, self.tr("Session date and time")),
            (self.duration, self.tr("Duration in minutes")),
            (self.template_combo, self.tr("Note template")),
        ):
            widget.setAccessibleName(name)
        self.in_person_button.setAccessibleDescription(self.tr("Setting of the session"))
        self.telehealth_button.setAccessibleDescription(self.tr("Setting of the session"))
        self.attendance.setAccessibleName(self.tr("Who attended"))

        self.error_banner = WarningBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.safety_notice)
        layout.addLayout(form)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.buttons)

        self._fields: dict[str, QWidget] = {
            "starts_at": self.starts_at,
            "duration_minutes": self.duration,
            "attending": self.both_button,
        }
        chain: list[QWidget] = [
            self.starts_at,
            self.duration,
            self.in_person_button,
            self.telehealth_button,
            self.both_button,
            *self.partner_buttons.values(),
            self.template_combo,
            self.buttons,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.starts_at.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _attendance_changed(self) -> None:
        self.privacy_hint.setVisible(self._attending_partner_id() is not None)
        if self.isVisible():
            grow_to_fit(self)

    def _attending_partner_id(self) -> int | None:
        if not self._is_couple:
            return None
        for partner_id, button in self.partner_buttons.items():
            if button.isChecked():
                return partner_id
        return None

    def _build(self) -> SessionInput:
        modality = Modality.TELEHEALTH if self.telehealth_button.isChecked() else Modality.IN_PERSON
        return SessionInput(
            starts_at=to_datetime(self.starts_at.dateTime()),
            duration_minutes=self.duration.value(),
            modality=modality,
            attending_partner_id=self._attending_partner_id(),
        )

    def accept(self) -> None:
        try:
            result = validate_session(self._build())
        except ValidationError as error:
            self.error_banner.show_message(str(error))
            widget = self._fields.get(error.field or "")
            if widget is not None and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_banner.clear()
        self._result = result
        self._template = self.template_combo.currentData()
        super().accept()

    def session_input(self) -> SessionInput:
        """The checked input, once the dialog was accepted."""
        if self._result is None:
            raise RuntimeError("session_input() is only available after the dialog was accepted")
        return self._result

    def template(self) -> Template:
        """The note template to start from, once the dialog was accepted."""
        if self._template is None:
            raise RuntimeError("template() is only available after the dialog was accepted")
        return self._template

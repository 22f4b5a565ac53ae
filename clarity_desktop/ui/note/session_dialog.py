"""The dialog for recording a session of a case, scheduling sessions ahead (one, or a
weekly or fortnightly series), rescheduling one, or correcting a draft's details.

Like the case dialog it only builds input: a SessionInput checked by validate_session,
the note template to start from (when recording) and the repeat (when scheduling); the
caller passes them to services.sessions.

The start defaults to the beginning of the current hour: sessions mostly start on the
hour and are usually recorded while or just after they run, so that guess is right more
often than "now" (minutes past) or the next quarter hour (in the future).
"""

from __future__ import annotations

from datetime import datetime, timedelta

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
from clarity_desktop.domain.schedule import MAX_REPEATS, Repeat
from clarity_desktop.domain.templates import Template
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.form_parts import (
    WarningBanner,
    grow_to_fit,
    mnemonic_safe,
)
from clarity_desktop.ui.common.messages import error_text

DEFAULT_MINUTES = 50
DEFAULT_SERIES = 6
MODES = ("record", "schedule", "reschedule", "correct")


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
        self,
        parent: QWidget | None,
        case: CaseDetail,
        now: datetime | None = None,
        *,
        mode: str = "record",
        existing: SessionView | None = None,
    ) -> None:
        super().__init__(parent)
        assert mode in MODES
        self._case = case
        self.mode = mode
        self._result: SessionInput | None = None
        self._template: Template | None = None
        window_titles = {
            "record": self.tr("New session: {case}"),
            "schedule": self.tr("Schedule sessions: {case}"),
            "reschedule": self.tr("Reschedule session: {case}"),
            "correct": self.tr("Correct session details: {case}"),
        }
        self.setWindowTitle(window_titles[mode].format(case=case.display_name))
        ahead = mode in ("schedule", "reschedule")

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
        self.starts_at.setDisplayFormat(dates.date_time_format())
        start = start_of_hour(now or datetime.now())
        if mode == "schedule":
            start += timedelta(hours=1)  # the next full hour: a booking is ahead
        if existing is not None:
            start = existing.starts_at
        self.starts_at.setDateTime(to_qdatetime(start))

        self.duration = QSpinBox(self)
        self.duration.setRange(1, MAX_SESSION_MINUTES)
        self.duration.setValue(existing.duration_minutes if existing else DEFAULT_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))

        self.in_person_button = QRadioButton(self.tr("In &person"), self)
        self.telehealth_button = QRadioButton(self.tr("Tele&health"), self)
        self.in_person_button.setChecked(True)
        if existing is not None and existing.modality is Modality.TELEHEALTH:
            self.telehealth_button.setChecked(True)
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
        if existing is not None and existing.attending_partner_id in self.partner_buttons:
            self.partner_buttons[existing.attending_partner_id].setChecked(True)

        # Scheduling only: once, or a series a week or a fortnight apart.
        self.repeat_combo = QComboBox(self)
        self.repeat_combo.addItem(self.tr("Once"), None)
        self.repeat_combo.addItem(self.tr("Every week"), Repeat.WEEKLY)
        self.repeat_combo.addItem(self.tr("Every two weeks"), Repeat.FORTNIGHTLY)
        self.count = QSpinBox(self)
        self.count.setRange(2, MAX_REPEATS)
        self.count.setValue(DEFAULT_SERIES)
        self.count.setSuffix(self.tr(" sessions in all"))
        self.count.setEnabled(False)
        self.repeat_combo.currentIndexChanged.connect(
            lambda _i: self.count.setEnabled(self.repeat_combo.currentData() is not None)
        )
        repeat_row = QHBoxLayout()
        repeat_row.setContentsMargins(0, 0, 0, 0)
        repeat_row.addWidget(self.repeat_combo)
        repeat_row.addWidget(self.count)
        repeat_row.addStretch(1)
        self.repeat_combo.setAccessibleName(self.tr("Repeat"))
        self.count.setAccessibleName(self.tr("Number of sessions in the series"))

        form = QFormLayout()
        form.addRow(self._label(self.tr("Date and &time"), self.starts_at), self.starts_at)
        form.addRow(self._label(self.tr("&Duration"), self.duration), self.duration)
        form.addRow(QLabel(self.tr("Setting"), self), modality_row)
        self._attendance_caption = QLabel(
            self.tr("Who will attend") if ahead else self.tr("Who attended"), self
        )
        form.addRow(self._attendance_caption, self.attendance)
        form.addRow(
            self._label(self.tr("Note te&mplate"), self.template_combo), self.template_combo
        )
        form.addRow(self._label(self.tr("&Repeat"), self.repeat_combo), repeat_row)
        form.setRowVisible(self.attendance, self._is_couple)
        form.setRowVisible(self.template_combo, mode == "record")
        form.setRowVisible(repeat_row, mode == "schedule")
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
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok_words = {
            "schedule": self.tr("Schedule"),
            "reschedule": self.tr("Reschedule"),
            "correct": self.tr("Save"),
        }
        if mode in ok_words:
            ok.setText(ok_words[mode])
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
            self.repeat_combo,
            self.count,
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
            self.error_banner.show_message(error_text(error))
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

    def repeat(self) -> Repeat | None:
        """Scheduling: weekly, fortnightly, or None for one session."""
        value = self.repeat_combo.currentData()
        return value if isinstance(value, Repeat) else None

    def series_count(self) -> int:
        return self.count.value() if self.repeat() is not None else 1

    def template(self) -> Template:
        """The note template to start from, once the dialog was accepted."""
        if self._template is None:
            raise RuntimeError("template() is only available after the dialog was accepted")
        return self._template

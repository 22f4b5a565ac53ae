"""Item models for the Today view: one small read-only table per list (sessions, unsigned
drafts, handouts given last session, quiet cases). Each row's id (a session's, a case's)
is under ID_ROLE. Nothing is told by colour alone: a draft's age is in words too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import Modality
from clarity_desktop.domain.schedule import DraftAge, SessionStatus
from clarity_desktop.services.today import DaySession, DraftItem, HandoutReminder, QuietCase
from clarity_desktop.ui.common import appearance, dates, labels
from clarity_desktop.ui.common.languages import language_name
from clarity_desktop.ui.common.models import ID_ROLE, Index, ListTableModel, _warning_icon
from clarity_desktop.ui.common.numbers import filled

CASE_ROLE = Qt.ItemDataRole.UserRole + 2  # the case id of a session or draft row


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def day_words(d: date, today: date) -> str:
    """ "Today", "Tomorrow", or the short weekday and date in the user's language."""
    if d == today:
        return QCoreApplication.translate("TodayView", "Today")
    if (d - today).days == 1:
        return QCoreApplication.translate("TodayView", "Tomorrow")
    return QLocale().toString(_qdate(d), "ddd d MMM")


def full_day(d: date) -> str:
    """The weekday and the whole date, with the month's name in the user's language."""
    return dates.weekday(d)


def long_day(d: date) -> str:
    """The day's heading, spelled out as the language writes it (dates.long_day)."""
    return dates.long_day(d)


def clock(t: datetime) -> str:
    return dates.clock(t)


@dataclass(frozen=True)
class SessionRow:
    session: DaySession
    overdue: bool  # booked before today, neither started nor called off


class DaySessionModel(ListTableModel[SessionRow]):
    """Sessions of the day and the days after (bookings left without an outcome first)."""

    WHEN, CASE, WHO, STATUS, ACTIONS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("When"),
            self.tr("Case"),
            self.tr("Who"),
            self.tr("Status"),
            self.tr("Actions"),
        ]
        self.today = date.today()

    def set_rows(
        self, overdue: tuple[DaySession, ...], sessions: tuple[DaySession, ...], today: date
    ) -> None:
        self.today = today
        self._replace(
            [SessionRow(s, True) for s in overdue] + [SessionRow(s, False) for s in sessions]
        )

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def status_text(self, r: SessionRow) -> str:
        s = r.session
        if r.overdue:
            return self.tr("Time passed: not started")
        if s.status is SessionStatus.HELD:
            return self.tr("Note signed") if s.note_signed else self.tr("Note draft")
        words = {
            SessionStatus.SCHEDULED: self.tr("Scheduled"),
            SessionStatus.CANCELLED: self.tr("Cancelled"),
            SessionStatus.LATE_CANCELLED: self.tr("Late cancellation"),
            SessionStatus.NO_SHOW: self.tr("No-show"),
        }[s.status]
        reason = " ".join(s.status_reason.split())
        if len(reason) > 40:
            reason = reason[:39].rstrip() + "…"  # the whole reason is in the tooltip
        return f"{words}: {reason}" if reason else words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        s, col = r.session, index.column()
        if role == ID_ROLE:
            return s.session_id
        if role == CASE_ROLE:
            return s.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                day = day_words(s.starts_at.date(), self.today)
                return f"{day} {clock(s.starts_at)}–{clock(s.ends_at)}"
            if col == self.CASE:
                return s.case_name
            if col == self.WHO:
                if s.attending_label == "Both partners":
                    return self.tr("Both partners")
                return s.attending_label
            if col == self.STATUS:
                return self.status_text(r)
            return ""
        if role == Qt.ItemDataRole.DecorationRole and col == self.CASE and s.safety_flag:
            return _warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.CASE and s.safety_flag:
                return self.tr("Safety flag set: open the case to read the note.")
            if col == self.STATUS and s.status_reason:
                return s.status_reason
            if col == self.WHEN:
                mode = (
                    self.tr("Telehealth")
                    if s.modality is Modality.TELEHEALTH
                    else self.tr("In person")
                )
                return filled(
                    self.tr("%s · %d min · %s"),
                    full_day(s.starts_at.date()),
                    s.duration_minutes,
                    mode,
                )
        if role == Qt.ItemDataRole.ForegroundRole and s.status.called_off:
            return QBrush(QColor(appearance.tones().alert if r.overdue else "#777777"))
        if role == Qt.ItemDataRole.FontRole and (r.overdue or s.status.called_off):
            font = QFont()
            font.setItalic(s.status.called_off)
            font.setBold(r.overdue)
            return font
        return None


class DraftModel(ListTableModel[DraftItem]):
    """Every unsigned note, oldest first, with its age in words (and a colour)."""

    SESSION, CASE, AGE, ACTIONS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Session"),
            self.tr("Case"),
            self.tr("Waiting"),
            self.tr("Actions"),
        ]

    def set_rows(self, rows: tuple[DraftItem, ...]) -> None:
        self._replace(list(rows))

    def row_at(self, row: int) -> DraftItem:
        return self._rows[row]

    def age_text(self, d: DraftItem) -> str:
        if d.age_days == 0:
            days = self.tr("Under a day")
        elif d.age_days == 1:
            days = self.tr("1 day")
        else:
            days = filled(self.tr("%d days"), d.age_days)
        if d.age is DraftAge.OVER_THREE_DAYS:
            return self.tr("%s: over three days, please sign soon") % days
        if d.age is DraftAge.OVER_A_DAY:
            return self.tr("%s: over a day") % days
        return days

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return d.session_id
        if role == CASE_ROLE:
            return d.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SESSION:
                return f"{full_day(d.starts_at.date())} {clock(d.starts_at)}"
            if col == self.CASE:
                return d.case_name
            if col == self.AGE:
                return self.age_text(d)
            return ""
        if col == self.AGE and d.age is not DraftAge.FRESH:
            t = appearance.tones()
            red = d.age is DraftAge.OVER_THREE_DAYS
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(t.alert_back if red else t.caution_back))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(t.alert_text if red else t.caution_text))
        return None


class HandoutModel(ListTableModel[HandoutReminder]):
    CASE, FOR, STEP, GIVEN, NEXT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Case"),
            self.tr("Given to"),
            self.tr("Handout"),
            self.tr("Given"),
            self.tr("Next session"),
        ]
        self.today = date.today()

    def set_rows(self, rows: tuple[HandoutReminder, ...], today: date) -> None:
        self.today = today
        self._replace(list(rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return h.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CASE:
                return h.case_name
            if col == self.FOR:
                return h.partner_name or self.tr("Both partners")
            if col == self.STEP:
                text = self.tr("Step %s") % labels.step_label(h.step)
                if h.language is not Language.EN:
                    text += self.tr(" (in %s)") % language_name(h.language)
                return text + (self.tr(" (safety-aware)") if h.safety_aware else "")
            if col == self.GIVEN:
                return full_day(h.last_session.date())
            if col == self.NEXT:
                return f"{day_words(h.next_session.date(), self.today)} {clock(h.next_session)}"
        return None


class QuietModel(ListTableModel[QuietCase]):
    CASE, LAST, NEXT = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Case"), self.tr("Last session"), self.tr("Next booked")]
        self.today = date.today()

    def set_rows(self, rows: tuple[QuietCase, ...], today: date) -> None:
        self.today = today
        self._replace(list(rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        q, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return q.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CASE:
                return q.case_name
            if col == self.LAST:
                if q.last_session is None:
                    return filled(self.tr("None yet (opened %d days ago)"), q.days_quiet)
                return filled(
                    self.tr("%s (%d days ago)"), full_day(q.last_session.date()), q.days_quiet
                )
            if col == self.NEXT:
                if q.next_session is None:
                    return self.tr("Nothing booked")
                return f"{day_words(q.next_session.date(), self.today)} {clock(q.next_session)}"
        return None

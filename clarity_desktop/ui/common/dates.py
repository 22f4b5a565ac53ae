"""One way to write a date on screen, through QLocale.

Day, month name, four-digit year ("4 Mar 2026"): never ambiguous between day-first and
month-first habits, which matters on a clinical record, and never a two-digit year. The
month names and the clock (24-hour or AM/PM) come from QLocale, so they follow the
language the program runs in; Python's strftime would always write English month names
(the C locale), and every strftime call under PySide6 also goes through shiboken's import
hook. Every date the program shows goes through here: the case list, the sessions, the
note's header, signature and addenda, the audit trail, backups and restore, the date
fields of the dialogs (DATE_FORMAT). A page's heading spells the day out in full
(long_day): English keeps the same day-first order ("Sunday 6 December 2026"); another
language takes QLocale's own long format, whose small words ("domingo, 6 de diciembre de
2026") a fixed pattern cannot give.

Stored times are either local wall-clock times (sessions) or UTC (signatures, addenda,
audit rows, backups); the functions taking UTC say so and show local time.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from clarity_desktop.domain.clock import as_utc

DATE_FORMAT = "d MMM yyyy"
WEEKDAY_FORMAT = "ddd " + DATE_FORMAT
LONG_FORMAT = "dddd d MMMM yyyy"  # English; other languages use their locale's long format


def time_format() -> str:
    """The locale's short clock format ("HH:mm", "h:mm AP")."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


def date_time_format() -> str:
    """For date-and-time fields (QDateTimeEdit.setDisplayFormat)."""
    return f"{DATE_FORMAT} {time_format()}"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day(value: date) -> str:
    """4 Mar 2026"""
    return QLocale().toString(_qdate(value), DATE_FORMAT)


def clock(value: datetime) -> str:
    """14:05 (or 2:05 PM)"""
    return QLocale().toString(QTime(value.hour, value.minute), time_format())


def day_time(value: datetime) -> str:
    """4 Mar 2026, 14:05"""
    return f"{day(value)}, {clock(value)}"


def weekday_time(value: datetime) -> str:
    """Wed 4 Mar 2026, 14:05: a session's start, where the weekday helps."""
    return f"{QLocale().toString(_qdate(value), WEEKDAY_FORMAT)}, {clock(value)}"


def weekday(value: date) -> str:
    """Wed 4 Mar 2026"""
    return QLocale().toString(_qdate(value), WEEKDAY_FORMAT)


def long_day(value: date) -> str:
    """Sunday 6 December 2026; domingo, 6 de diciembre de 2026."""
    locale = QLocale()
    pattern = (
        LONG_FORMAT
        if locale.language() == QLocale.Language.English
        else locale.dateFormat(QLocale.FormatType.LongFormat)
    )
    return locale.toString(_qdate(value), pattern)


def local(utc: datetime) -> datetime:
    """A UTC time from the database as naive local wall-clock time, for display."""
    return as_utc(utc).astimezone().replace(tzinfo=None)


def utc_day_time(utc: datetime) -> str:
    """A stored UTC time, shown as local date and time: 4 Mar 2026, 14:05."""
    return day_time(local(utc))


def utc_day_time_seconds(utc: datetime) -> str:
    """As utc_day_time, with seconds (the audit trail, where order within a minute counts)."""
    moment = local(utc)
    with_seconds = time_format().replace("mm", "mm:ss", 1)
    stamp = QLocale().toString(QTime(moment.hour, moment.minute, moment.second), with_seconds)
    return f"{day(moment)}, {stamp}"

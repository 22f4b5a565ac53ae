"""A session's life cycle and the therapist's day: statuses, repeats, overlaps, and how
old an unsigned draft is.

Times here are local wall-clock times, as sessions are stored (``starts_at`` is the time
as entered), so "today" and "tomorrow at 10:00" mean what the therapist means.

Why appointment times stay wall-clock times (naive), when every point in time the
program records (a signature, an audit row, a backup, created_at) is aware UTC
(store.types.UtcDateTime, domain.clock): an appointment is a promise of a time on the
practice's clock, "Tuesdays at 10:00", not an instant. Kept naive, it stays 10:00 across
a change to or from summer time, a change in the zone rules, and a laptop opened in
another zone; a weekly series is the same hour every week by plain date arithmetic
(series_starts). An aware time would fix the offset at booking, so every session after
the next clock change would show an hour off unless a zone name were stored per session
and its rules applied on every read; and the machine's zone is not part of the record,
so a practice moved to another machine would shift every appointment.

The rules that follow: compare ``starts_at`` and what derives from it (a session's end,
"today", a draft's age) only with naive local times (``datetime.now()``, never a UTC
clock); make an aware time from it only at an edge that needs one, with the machine's
zone at that moment; never store an aware time in it (store.types.WallClockDateTime
refuses one). Python itself refuses to compare a naive time with an aware one, which
catches a mix-up at the first test that touches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from clarity_desktop.domain.errors import ErrorCode, ValidationError


class SessionStatus(Enum):
    SCHEDULED = "scheduled"  # booked ahead; no note until it is started
    HELD = "held"  # it took place: it has its note
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"

    @property
    def title(self) -> str:
        return _STATUS_TITLES[self]

    @property
    def called_off(self) -> bool:
        """Cancelled, late-cancelled or a no-show: it did not take place."""
        return self in (
            SessionStatus.CANCELLED,
            SessionStatus.LATE_CANCELLED,
            SessionStatus.NO_SHOW,
        )


_STATUS_TITLES = {
    SessionStatus.SCHEDULED: "Scheduled",
    SessionStatus.HELD: "Held",
    SessionStatus.CANCELLED: "Cancelled",
    SessionStatus.LATE_CANCELLED: "Late cancellation",
    SessionStatus.NO_SHOW: "No-show",
}


class Repeat(Enum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"

    @property
    def days(self) -> int:
        return 7 if self is Repeat.WEEKLY else 14


MAX_REPEATS = 52  # a year of weekly sessions at most, in one go
MAX_REASON = 500


def series_starts(first: datetime, repeat: Repeat | None, count: int) -> list[datetime]:
    """The start of every session of a series: *count* sessions, *repeat* apart, at the
    same wall-clock time (a change to or from summer time keeps the hour the client
    knows). Without *repeat*, one session."""
    if repeat is None:
        if count != 1:
            raise ValidationError(ErrorCode.CHOOSE_WEEKLY_FORTNIGHTLY_SCHEDULE_SERIES, "repeat")
        return [first]
    if not 1 <= count <= MAX_REPEATS:
        raise ValidationError(
            ErrorCode.SERIES_HAS_BETWEEN_1_SESSIONS, "count", max_repeats=MAX_REPEATS
        )
    return [first + timedelta(days=repeat.days * i) for i in range(count)]


def overlaps(a_start: datetime, a_minutes: int, b_start: datetime, b_minutes: int) -> bool:
    """Do two sessions share any minute? Back to back (one ends as the next starts) is fine."""
    a_end = a_start + timedelta(minutes=a_minutes)
    b_end = b_start + timedelta(minutes=b_minutes)
    return a_start < b_end and b_start < a_end


def clean_reason(value: str | None) -> str:
    text = (value or "").strip()
    if len(text) > MAX_REASON:
        raise ValidationError(
            ErrorCode.REASON_TOO_LONG_MOST_CHARACTERS, "reason", max_reason=MAX_REASON
        )
    return text


class DraftAge(Enum):
    """How long an unsigned note has waited since its session: notes are best written
    the same day; past a day it deserves a look, past three days it is late."""

    FRESH = "fresh"
    OVER_A_DAY = "over_a_day"
    OVER_THREE_DAYS = "over_three_days"


AMBER_HOURS = 24
RED_HOURS = 72


def draft_age(session_start: datetime, now: datetime) -> DraftAge:
    hours = (now - session_start).total_seconds() / 3600
    if hours > RED_HOURS:
        return DraftAge.OVER_THREE_DAYS
    if hours > AMBER_HOURS:
        return DraftAge.OVER_A_DAY
    return DraftAge.FRESH


def age_in_days(session_start: datetime, now: datetime) -> int:
    """Whole days since the session began (0 within its first 24 hours, never negative),
    so the count agrees with the 24- and 72-hour marks."""
    return max(0, int((now - session_start).total_seconds() // 86400))


@dataclass(frozen=True)
class DayWindow:
    """The days a Today view covers: *first* and the *days* - 1 days after it."""

    first: date
    days: int = 7

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, datetime.min.time())

    @property
    def end(self) -> datetime:
        return self.start + timedelta(days=self.days)

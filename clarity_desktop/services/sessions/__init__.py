"""Sessions and their life cycle.

A session is either recorded as it happens (create_session: it is held, and gets its
note, a draft, at once) or scheduled ahead (schedule_sessions: no note until it is
started). A scheduled session is started (its note is made), rescheduled, cancelled
(late or not) or marked a no-show; cancellations and no-shows stay in the record with
their reason. A draft's date, time, duration, modality and attendance can be corrected,
and an empty draft or a scheduled session made by mistake can be discarded. A signed
note's session never changes. Each action is one unit of work with its audit row.

    record.py  create_session (record_session: with what the window shows next),
               start_session, correct_session, discard_session, get_session
    plan.py    schedule_sessions, reschedule_session, cancel_session, mark_no_show,
               find_clashes
"""

from clarity_desktop.services.sessions.plan import (
    cancel_session,
    find_clashes,
    mark_no_show,
    reschedule_session,
    schedule_sessions,
)
from clarity_desktop.services.sessions.record import (
    correct_session,
    create_session,
    discard_session,
    get_session,
    record_session,
    start_session,
)

__all__ = [
    "cancel_session",
    "correct_session",
    "create_session",
    "discard_session",
    "find_clashes",
    "get_session",
    "mark_no_show",
    "record_session",
    "reschedule_session",
    "schedule_sessions",
    "start_session",
]

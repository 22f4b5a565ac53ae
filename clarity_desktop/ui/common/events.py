"""One app-wide announcement of what happened, so each view refreshes only its part.

Commands emit these after the service call succeeded; views listen (the main window wires
them) and refresh what the event touches: a new session updates its case, never the whole
case list. Every signal here has a listener (tests/ui/test_events.py checks)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    case_added = Signal(int)  # case id: a new case
    case_changed = Signal(int)  # case id: edited, closed or reopened
    session_added = Signal(int, int)  # case id, session id: a session recorded now
    sessions_changed = Signal(int)  # case id: sessions booked, started, moved, called off
    note_saved = Signal(int)  # note id
    note_signed = Signal(int)  # note id
    addendum_added = Signal(int)  # note id
    answers_changed = Signal(int)  # case id: measure answers recorded or removed
    cases_imported = Signal(list)  # the new case ids
    case_granted = Signal(object)  # an emergency Grant: its case joins the list for a while
    practice_replaced = Signal(object)  # after a restore: the reopened OpenPractice

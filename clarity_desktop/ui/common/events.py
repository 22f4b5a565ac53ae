"""One app-wide announcement of what changed, so each view refreshes only its part."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    case_changed = Signal(int)  # a case was created or edited, closed or reopened
    session_created = Signal(int, int)  # case id, session id
    note_saved = Signal(int)  # note id
    note_signed = Signal(int)  # note id
    addendum_added = Signal(int)  # note id

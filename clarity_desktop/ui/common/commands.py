"""What the menus, buttons and keys of the main window act on: the opened practice, the
app-wide events, the case that is open, and the few things a command asks of the views.

The command modules (case/case_actions.py, case/session_actions.py,
case/record_actions.py, documents/brief_actions.py, practice/backup_actions.py,
main/day_guard.py) take a Commands, never the main window: they call one service, then
announce what happened on ``events``; the views listen and refresh their part. What a
command needs of the screen (leave the note, show a session, a status message) goes
through the small Workspace protocol the main window implements, so no command reaches
into the window's widgets and nothing here imports the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from clarity_desktop.services.dto import CaseDetail, NoteView, PartnerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.events import AppEvents
from clarity_desktop.ui.common.settings import Settings


class NoteEditing(Protocol):
    """The open note, as commands see it (the note editor)."""

    @property
    def note(self) -> NoteView | None: ...

    def clear(self) -> None: ...

    def save_now(self) -> bool: ...

    def show_note(self, note: NoteView, partners: tuple[PartnerView, ...]) -> None: ...

    def section_edits(self) -> Sequence[QPlainTextEdit]: ...

    def focus_first_field(self) -> None: ...


class Workspace(Protocol):
    """What a command may ask of the window showing the practice."""

    def current_case(self) -> CaseDetail | None: ...

    def current_session_id(self) -> int | None: ...

    def refresh_case(self) -> None:
        """Read the open case again (its sessions moved on), keeping the chosen session."""
        ...

    def show_note_tab(self) -> None: ...

    def leave_note(self) -> bool:
        """Save the open note before going elsewhere; False (and said why) if it failed."""
        ...

    def show_session(self, session_id: int) -> None:
        """Choose the session in the open case and show its note tab."""
        ...

    def select_session(self, session_id: int) -> None:
        """Choose the session in the open case's list (the tab stays)."""
        ...

    def open_session(self, session_id: int) -> None: ...

    def open_note(self, case_id: int, session_id: int, words: list[str] | None = None) -> None: ...

    def show_case(self, case_id: int) -> None:
        """Show the case from the overview or Today: selected in the list, its dashboard."""
        ...

    def show_today(self) -> None: ...

    def show_message(self, text: str, timeout_ms: int) -> None: ...

    def resume(self, practice: OpenPractice) -> None: ...


class Commands:
    """The state every command shares. The main window creates one and keeps ``case``
    current; the command modules are functions of it."""

    def __init__(
        self,
        practice: OpenPractice,
        events: AppEvents,
        settings: Settings,
        widget: QWidget,
        workspace: Workspace,
        note: NoteEditing,
    ) -> None:
        self.practice = practice
        self.events = events
        self.settings = settings
        self.widget = widget  # the parent of the dialogs commands open
        self.workspace = workspace
        self.note = note
        self.asked_about_drafts: set[int] = set()  # see main/day_guard.py

    @property
    def case(self) -> CaseDetail | None:
        """The open case."""
        return self.workspace.current_case()

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("Commands", text)

    def leave_note(self) -> bool:
        return self.workspace.leave_note()

    def open_note_of(self, case_id: int) -> NoteView | None:
        """The note open in the editor, if it belongs to *case_id*."""
        note = self.note.note
        return note if note is not None and note.case_id == case_id else None

"""The session brief and session mode, from the main window's menus (the session's
life cycle itself, schedule, start, cancel, is in session_actions.py).

Case ▸ Session brief (Ctrl+Shift+B) opens the brief for the session chosen in the case, or
the next one booked; F5 in the brief (or Note ▸ Session mode, F5, for the open note)
starts session mode. The brief and session mode pull in reportlab and the marker
views, so they are imported when first asked for, never while the main window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import notes
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.common.errors import explain

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands

BRIEF_KEY = "Ctrl+Shift+B"
SESSION_MODE_KEY = "F5"


def open_brief(cmd: Commands) -> None:
    from clarity_desktop.services.brief import next_session
    from clarity_desktop.ui.documents.brief_view import BriefDialog

    case = cmd.case
    if case is None:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Session brief"),
            QCoreApplication.translate("Commands", "Open a case first."),
        )
        return
    cmd.note.save_now()
    chosen = cmd.workspace.current_session_id()
    if chosen is None:
        upcoming = next_session(case)
        chosen = upcoming.id if upcoming is not None else None
    dialog = BriefDialog(cmd.practice, case, chosen, cmd.widget)
    wanted: list[int] = []

    def start(session_id: int) -> None:
        wanted.append(session_id)
        dialog.accept()

    dialog.session_mode_requested.connect(start)
    dialog.exec()
    dialog.deleteLater()
    if wanted:
        start_session_mode(cmd, wanted[0])


def session_mode_for_open_note(cmd: Commands) -> None:
    note = cmd.note.note
    if note is None:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Session mode"),
            QCoreApplication.translate(
                "Commands", "Open the session's note first, or start from its brief (Ctrl+Shift+B)."
            ),
        )
        return
    start_session_mode(cmd, note.session_id)


def start_session_mode(cmd: Commands, session_id: int) -> None:
    """Session mode over the whole window for *session_id*; the note reopens after."""
    from clarity_desktop.ui.note.session_mode import SessionModeWindow

    case = cmd.case
    if case is None:
        return
    session = next((s for s in case.sessions if s.id == session_id), None)
    if session is None:
        return
    if session.status is SessionStatus.SCHEDULED:
        session_actions.start(cmd, session_id)  # asks if not today; makes the note
        case = cmd.case
        session = next((s for s in case.sessions if s.id == session_id), None) if case else None
        if case is None or session is None or session.status is not SessionStatus.HELD:
            return
    if not cmd.leave_note():
        return
    try:
        note = notes.note_for_session(cmd.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Session mode"), explain(exc)
        )
        return
    if note.signed:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Session mode"),
            QCoreApplication.translate(
                "Commands", "This session's note is signed; session mode is for a note still open."
            ),
        )
        return
    cmd.note.clear()  # the pad and the review write this note; the editor reloads it after
    mode = SessionModeWindow(
        cmd.practice, note, case.partners, session.duration_minutes, parent=cmd.widget
    )
    mode.setWindowState(mode.windowState() | Qt.WindowState.WindowMaximized)
    mode.exec()
    mode.deleteLater()
    if not cmd.widget.isVisible():
        return  # locked meanwhile: the note reopens with the window
    cmd.workspace.refresh_case()
    cmd.workspace.show_session(session_id)
    cmd.workspace.open_session(session_id)

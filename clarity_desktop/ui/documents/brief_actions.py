"""The session brief and session mode, from the main window's menus (the session's
life cycle itself, schedule, start, cancel, is in session_actions.py).

Case ▸ Session brief (Ctrl+Shift+B) opens the brief for the session chosen in the case, or
the next one booked; F5 in the brief (or Note ▸ Session mode, F5, for the open note)
starts session mode. The brief and session mode pull in reportlab and the marker
views, so they are imported when first asked for, never while the main window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import notes
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.practice.unlock import explain

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow

BRIEF_KEY = "Ctrl+Shift+B"
SESSION_MODE_KEY = "F5"


def add_actions(window: MainWindow, case_menu: QMenu, note_menu: QMenu) -> None:
    window.brief_action = window._action(
        window.tr("Session &brief…"), BRIEF_KEY, lambda: open_brief(window)
    )
    # Beside "New session…", where a therapist looks before a session.
    actions = case_menu.actions()
    anchor = window.new_session_action
    after = actions[actions.index(anchor) + 1] if anchor in actions[:-1] else None
    if after is not None:
        case_menu.insertAction(after, window.brief_action)
    else:
        case_menu.addAction(window.brief_action)
    window.session_mode_action = window._action(
        window.tr("Session &mode"), SESSION_MODE_KEY, lambda: session_mode_for_open_note(window)
    )
    note_menu.addAction(window.session_mode_action)


def open_brief(window: MainWindow) -> None:
    from clarity_desktop.services.brief import next_session
    from clarity_desktop.ui.documents.brief_view import BriefDialog

    case = window.case_panel.case
    if case is None:
        QMessageBox.information(window, window.tr("Session brief"), window.tr("Open a case first."))
        return
    window.editor.save_now()
    chosen = window.case_panel.current_session_id()
    if chosen is None:
        upcoming = next_session(case)
        chosen = upcoming.id if upcoming is not None else None
    dialog = BriefDialog(window.practice, case, chosen, window)
    wanted: list[int] = []

    def start(session_id: int) -> None:
        wanted.append(session_id)
        dialog.accept()

    dialog.session_mode_requested.connect(start)
    dialog.exec()
    dialog.deleteLater()
    if wanted:
        start_session_mode(window, wanted[0])


def session_mode_for_open_note(window: MainWindow) -> None:
    note = window.editor.note
    if note is None:
        QMessageBox.information(
            window,
            window.tr("Session mode"),
            window.tr("Open the session's note first, or start from its brief (Ctrl+Shift+B)."),
        )
        return
    start_session_mode(window, note.session_id)


def start_session_mode(window: MainWindow, session_id: int) -> None:
    """Session mode over the whole window for *session_id*; the note reopens after."""
    from clarity_desktop.ui.note.session_mode import SessionModeWindow

    case = window.case_panel.case
    if case is None:
        return
    session = next((s for s in case.sessions if s.id == session_id), None)
    if session is None:
        return
    if session.status is SessionStatus.SCHEDULED:
        session_actions.start(window, session_id)  # asks if not today; makes the note
        case = window.case_panel.case
        session = next((s for s in case.sessions if s.id == session_id), None) if case else None
        if case is None or session is None or session.status is not SessionStatus.HELD:
            return
    if not window._leave_note():
        return
    try:
        note = notes.note_for_session(window.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Session mode"), explain(exc))
        return
    if note.signed:
        QMessageBox.information(
            window,
            window.tr("Session mode"),
            window.tr("This session's note is signed; session mode is for a note still open."),
        )
        return
    window.editor.clear()  # the pad and the review write this note; the editor reloads it after
    mode = SessionModeWindow(
        window.practice, note, case.partners, session.duration_minutes, parent=window
    )
    mode.setWindowState(mode.windowState() | Qt.WindowState.WindowMaximized)
    mode.exec()
    mode.deleteLater()
    if not window.isVisible():
        return  # locked meanwhile: the note reopens with the window
    window.refresh_case()
    window.tabs.setCurrentWidget(window.editor)
    window.case_panel.select_session(session_id)
    window.open_session(session_id)

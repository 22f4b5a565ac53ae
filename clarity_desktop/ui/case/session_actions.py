"""A session's life from the main window: schedule, start, change (reschedule or correct),
cancel or no-show, discard. Each asks what it needs, calls one service, and announces the
change so the case list, the open case and Today refresh.

install() wires the case panel's and the Today view's requests to these commands.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.records import CaseStatus, unusual_date_warning
from clarity_desktop.domain.schedule import SessionStatus, series_starts
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import SessionClash, SessionView
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.practice.today_models import clock, full_day
from clarity_desktop.ui.practice.unlock import explain
from clarity_desktop.ui.safety.call_off_dialog import CallOffDialog

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow


def install(window: MainWindow) -> None:
    window.case_panel.schedule_requested.connect(lambda: schedule(window))
    window.case_panel.session_action_requested.connect(
        lambda action, session_id: run(window, action, session_id)
    )
    window.today.start_requested.connect(lambda session_id: start(window, session_id))
    window.today.note_requested.connect(
        lambda case_id, session_id: open_note(window, case_id, session_id)
    )
    window.today.case_requested.connect(window._open_case_from_overview)


def run(window: MainWindow, action: str, session_id: int) -> None:
    if action == "start":
        start(window, session_id)
    elif action == "change":
        change(window, session_id)
    elif action == "cancel":
        call_off(window, session_id, SessionStatus.CANCELLED)
    elif action == "no_show":
        call_off(window, session_id, SessionStatus.NO_SHOW)
    elif action == "discard":
        discard(window, session_id)


def _session(window: MainWindow, session_id: int) -> SessionView | None:
    try:
        return sessions.get_session(window.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Session not found"), explain(exc))
        return None


def _when(s: SessionView) -> str:
    return f"{full_day(s.starts_at.date())} {clock(s.starts_at)}"


def confirm_clashes(window: MainWindow, clashes: list[SessionClash], doing: str) -> bool:
    """A second session at an overlapping time: say with whom, and let the clinician go on."""
    if not clashes:
        return True
    listed = "\n".join(
        f"• {c.case_name}, {full_day(c.starts_at.date())} {clock(c.starts_at)} "
        f"({c.duration_minutes} min)"
        for c in clashes[:6]
    )
    more = len(clashes) - 6
    if more > 0:
        listed += "\n" + window.tr("and %d more") % more
    answer = QMessageBox.question(
        window,
        window.tr("Another session at that time"),
        window.tr("This overlaps another session of the practice:\n%s\n\n%s anyway?")
        % (listed, doing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _confirm_date(window: MainWindow, when: date) -> bool:
    warning = unusual_date_warning(when, date.today(), "session date")
    if warning is None:
        return True
    answer = QMessageBox.question(
        window,
        window.tr("Please check the date"),
        window.tr("%s Is that right?") % window.tr(warning),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def schedule(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    dialog = SessionDialog(window, case, mode="schedule")
    while dialog.exec():
        data, repeat, count = dialog.session_input(), dialog.repeat(), dialog.series_count()
        if not _confirm_date(window, data.starts_at.date()):
            continue
        try:
            starts = series_starts(data.starts_at, repeat, count)
            clashes = sessions.find_clashes(
                window.practice.uow(), [(s, data.duration_minutes) for s in starts]
            )
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Not scheduled"), explain(exc))
            continue
        if not confirm_clashes(window, clashes, window.tr("Schedule")):
            continue
        try:
            planned = sessions.schedule_sessions(
                window.practice.uow(), case.id, data, repeat, count
            )
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Not scheduled"), explain(exc))
            continue
        window.events.case_changed.emit(case.id)
        window.case_panel.select_session(planned.sessions[0].id)
        window.statusBar().showMessage(
            window.tr("1 session scheduled.")
            if len(planned.sessions) == 1
            else window.tr("%d sessions scheduled.") % len(planned.sessions),
            5000,
        )
        return


def start(window: MainWindow, session_id: int) -> None:
    """Start a booked session: its note is made and opened, ready for the first word."""
    s = _session(window, session_id)
    if s is None:
        return
    if s.starts_at.date() != date.today():
        answer = QMessageBox.question(
            window,
            window.tr("Start this session now?"),
            window.tr("This session is booked for %s, not today. Start it now anyway?") % _when(s),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    if not window._leave_note():
        return
    try:
        sessions.start_session(window.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Session not started"), explain(exc))
        return
    window.events.case_changed.emit(s.case_id)
    open_note(window, s.case_id, session_id)


def open_note(window: MainWindow, case_id: int, session_id: int) -> None:
    """Show the note with the cursor in its first field, so typing lands in it."""
    window.open_note(case_id, session_id)
    note = window.editor.note
    if note is None or note.session_id != session_id:
        return
    window.tabs.setCurrentWidget(window.editor)
    edits = window.editor.section_edits()
    if edits and not note.signed:
        edits[0].setFocus()


def change(window: MainWindow, session_id: int) -> None:
    s = _session(window, session_id)
    case = window.case_panel.case
    if s is None or case is None or case.id != s.case_id:
        return
    scheduled = s.status is SessionStatus.SCHEDULED
    if not scheduled and not s.is_draft:
        QMessageBox.information(
            window,
            window.tr("Session not changed"),
            window.tr("Only a booked session, or one whose note is still a draft, can be changed."),
        )
        return
    dialog = SessionDialog(window, case, mode="reschedule" if scheduled else "correct", existing=s)
    while dialog.exec():
        data = dialog.session_input()
        if not _confirm_date(window, data.starts_at.date()):
            continue
        try:
            clashes = sessions.find_clashes(
                window.practice.uow(), [(data.starts_at, data.duration_minutes)], s.id
            )
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Session not changed"), explain(exc))
            continue
        if not confirm_clashes(window, clashes, window.tr("Save")):
            continue
        try:
            if scheduled:
                sessions.reschedule_session(window.practice.uow(), s.id, data)
            else:
                window.editor.save_now()
                sessions.correct_session(window.practice.uow(), s.id, data)
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Session not changed"), explain(exc))
            continue
        window.events.case_changed.emit(s.case_id)
        window.case_panel.select_session(s.id)
        if not scheduled and s.note_id is not None:
            _show_note_again(window, s.note_id)  # its header shows the corrected details
        return


def _show_note_again(window: MainWindow, note_id: int) -> None:
    case = window.case_panel.case
    if window.editor.note is None or window.editor.note.id != note_id or case is None:
        return
    try:
        fresh = notes.open_note(window.practice.uow(), note_id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Note not opened"), explain(exc))
        return
    window.editor.show_note(fresh, case.partners)


def call_off(window: MainWindow, session_id: int, outcome: SessionStatus) -> None:
    s = _session(window, session_id)
    if s is None:
        return
    case = window.case_panel.case
    name = case.display_name if case is not None and case.id == s.case_id else ""
    what = window.tr("%s, %s (%d min)") % (name, _when(s), s.duration_minutes)
    dialog = CallOffDialog(window, what, outcome)
    if not dialog.exec():
        return
    chosen = dialog.outcome()
    try:
        if s.note_id is not None:
            window.editor.save_now()
        if chosen is SessionStatus.NO_SHOW:
            sessions.mark_no_show(window.practice.uow(), s.id, dialog.reason_text())
        else:
            sessions.cancel_session(
                window.practice.uow(),
                s.id,
                dialog.reason_text(),
                late=chosen is SessionStatus.LATE_CANCELLED,
            )
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Session not changed"), explain(exc))
        return
    if window.editor.note is not None and window.editor.note.session_id == s.id:
        window.editor.clear()  # its empty draft is gone
    window.events.case_changed.emit(s.case_id)
    window.case_panel.select_session(s.id)


def discard(window: MainWindow, session_id: int) -> None:
    s = _session(window, session_id)
    if s is None:
        return
    what = window.tr("this booking") if s.note_id is None else window.tr("this empty draft")
    answer = QMessageBox.question(
        window,
        window.tr("Discard this session?"),
        window.tr(
            "Discard %s of %s? Use this for a session made by mistake; the audit trail "
            "keeps that it existed. A session that was called off should be cancelled instead."
        )
        % (what, _when(s)),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Discard:
        return
    open_here = window.editor.note is not None and window.editor.note.session_id == s.id
    if open_here:
        window.editor.save_now()
    try:
        sessions.discard_session(window.practice.uow(), s.id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Session not discarded"), explain(exc))
        return
    if open_here:
        window.editor.clear()
    window.events.case_changed.emit(s.case_id)

"""A session's life from the main window: schedule, start, change (reschedule or correct),
cancel or no-show, discard. Each asks what it needs, calls one service, and announces the
change so the case list, the open case and Today refresh.

The main window wires the case panel's and the Today view's requests to these commands.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.errors import Phrase
from clarity_desktop.domain.records import CaseStatus, unusual_date_warning
from clarity_desktop.domain.schedule import SessionStatus, series_starts
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import SessionClash, SessionView
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.practice.today_models import clock, full_day
from clarity_desktop.ui.safety.call_off_dialog import CallOffDialog

if TYPE_CHECKING:
    from clarity_desktop.ui.case.case_panel import CasePanel
    from clarity_desktop.ui.common.commands import Commands
    from clarity_desktop.ui.practice.today_view import TodayView


def connect_requests(
    cmd: Commands, case_panel: CasePanel, today: TodayView, show_case: Callable[[int], None]
) -> None:
    """The case panel's and Today's requests, to these commands."""
    case_panel.schedule_requested.connect(lambda: schedule(cmd))
    case_panel.session_action_requested.connect(
        lambda action, session_id: run(cmd, action, session_id)
    )
    today.start_requested.connect(lambda session_id: start(cmd, session_id))
    today.note_requested.connect(lambda case_id, session_id: open_note(cmd, case_id, session_id))
    today.case_requested.connect(show_case)


def run(cmd: Commands, action: str, session_id: int) -> None:
    if action == "start":
        start(cmd, session_id)
    elif action == "change":
        change(cmd, session_id)
    elif action == "cancel":
        call_off(cmd, session_id, SessionStatus.CANCELLED)
    elif action == "no_show":
        call_off(cmd, session_id, SessionStatus.NO_SHOW)
    elif action == "discard":
        discard(cmd, session_id)


def _session(cmd: Commands, session_id: int) -> SessionView | None:
    try:
        return sessions.get_session(cmd.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Session not found"), explain(exc)
        )
        return None


def _when(s: SessionView) -> str:
    return f"{full_day(s.starts_at.date())} {clock(s.starts_at)}"


def confirm_clashes(cmd: Commands, clashes: list[SessionClash], doing: str) -> bool:
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
        listed += "\n" + filled(QCoreApplication.translate("Commands", "and %d more"), more)
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Another session at that time"),
        QCoreApplication.translate(
            "Commands", "This overlaps another session of the practice:\n%s\n\n%s anyway?"
        )
        % (listed, doing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _confirm_date(cmd: Commands, when: date) -> bool:
    warning = unusual_date_warning(when, date.today(), Phrase.SESSION_DATE)
    if warning is None:
        return True
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Please check the date"),
        QCoreApplication.translate("Commands", "%s Is that right?") % error_text(warning),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def schedule(cmd: Commands) -> None:
    case = cmd.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    dialog = SessionDialog(cmd.widget, case, mode="schedule")
    while dialog.exec():
        data, repeat, count = dialog.session_input(), dialog.repeat(), dialog.series_count()
        if not _confirm_date(cmd, data.starts_at.date()):
            continue
        try:
            starts = series_starts(data.starts_at, repeat, count)
            clashes = sessions.find_clashes(
                cmd.practice.uow(), [(s, data.duration_minutes) for s in starts]
            )
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget, QCoreApplication.translate("Commands", "Not scheduled"), explain(exc)
            )
            continue
        if not confirm_clashes(cmd, clashes, QCoreApplication.translate("Commands", "Schedule")):
            continue
        try:
            planned = sessions.schedule_sessions(cmd.practice.uow(), case.id, data, repeat, count)
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget, QCoreApplication.translate("Commands", "Not scheduled"), explain(exc)
            )
            continue
        cmd.events.sessions_changed.emit(case.id)
        cmd.workspace.select_session(planned.sessions[0].id)
        cmd.workspace.show_message(
            QCoreApplication.translate("Commands", "1 session scheduled.")
            if len(planned.sessions) == 1
            else filled(
                QCoreApplication.translate("Commands", "%d sessions scheduled."),
                len(planned.sessions),
            ),
            5000,
        )
        return


def start(cmd: Commands, session_id: int) -> None:
    """Start a booked session: its note is made and opened, ready for the first word."""
    s = _session(cmd, session_id)
    if s is None:
        return
    if s.starts_at.date() != date.today():
        answer = QMessageBox.question(
            cmd.widget,
            QCoreApplication.translate("Commands", "Start this session now?"),
            QCoreApplication.translate(
                "Commands", "This session is booked for %s, not today. Start it now anyway?"
            )
            % _when(s),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    if not cmd.leave_note():
        return
    try:
        sessions.start_session(cmd.practice.uow(), session_id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Session not started"), explain(exc)
        )
        return
    cmd.events.sessions_changed.emit(s.case_id)
    open_note(cmd, s.case_id, session_id)


def open_note(cmd: Commands, case_id: int, session_id: int) -> None:
    """Show the note with the cursor in its first field, so typing lands in it."""
    cmd.workspace.open_note(case_id, session_id)
    note = cmd.note.note
    if note is None or note.session_id != session_id:
        return
    cmd.workspace.show_note_tab()
    edits = cmd.note.section_edits()
    if edits and not note.signed:
        edits[0].setFocus()


def change(cmd: Commands, session_id: int) -> None:
    s = _session(cmd, session_id)
    case = cmd.case
    if s is None or case is None or case.id != s.case_id:
        return
    scheduled = s.status is SessionStatus.SCHEDULED
    if not scheduled and not s.is_draft:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Session not changed"),
            QCoreApplication.translate(
                "Commands",
                "Only a booked session, or one whose note is still a draft, can be changed.",
            ),
        )
        return
    dialog = SessionDialog(
        cmd.widget, case, mode="reschedule" if scheduled else "correct", existing=s
    )
    while dialog.exec():
        data = dialog.session_input()
        if not _confirm_date(cmd, data.starts_at.date()):
            continue
        try:
            clashes = sessions.find_clashes(
                cmd.practice.uow(), [(data.starts_at, data.duration_minutes)], s.id
            )
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget,
                QCoreApplication.translate("Commands", "Session not changed"),
                explain(exc),
            )
            continue
        if not confirm_clashes(cmd, clashes, QCoreApplication.translate("Commands", "Save")):
            continue
        try:
            if scheduled:
                sessions.reschedule_session(cmd.practice.uow(), s.id, data)
            else:
                cmd.note.save_now()
                sessions.correct_session(cmd.practice.uow(), s.id, data)
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget,
                QCoreApplication.translate("Commands", "Session not changed"),
                explain(exc),
            )
            continue
        cmd.events.sessions_changed.emit(s.case_id)
        cmd.workspace.select_session(s.id)
        if not scheduled and s.note_id is not None:
            _show_note_again(cmd, s.note_id)  # its header shows the corrected details
        return


def _show_note_again(cmd: Commands, note_id: int) -> None:
    case = cmd.case
    if cmd.note.note is None or cmd.note.note.id != note_id or case is None:
        return
    try:
        fresh = notes.open_note(cmd.practice.uow(), note_id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Note not opened"), explain(exc)
        )
        return
    cmd.note.show_note(fresh, case.partners)


def call_off(cmd: Commands, session_id: int, outcome: SessionStatus) -> None:
    s = _session(cmd, session_id)
    if s is None:
        return
    case = cmd.case
    name = case.display_name if case is not None and case.id == s.case_id else ""
    what = filled(
        QCoreApplication.translate("Commands", "%s, %s (%d min)"),
        name,
        _when(s),
        s.duration_minutes,
    )
    dialog = CallOffDialog(cmd.widget, what, outcome)
    if not dialog.exec():
        return
    chosen = dialog.outcome()
    try:
        if s.note_id is not None:
            cmd.note.save_now()
        if chosen is SessionStatus.NO_SHOW:
            sessions.mark_no_show(cmd.practice.uow(), s.id, dialog.reason_text())
        else:
            sessions.cancel_session(
                cmd.practice.uow(),
                s.id,
                dialog.reason_text(),
                late=chosen is SessionStatus.LATE_CANCELLED,
            )
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Session not changed"), explain(exc)
        )
        return
    if cmd.note.note is not None and cmd.note.note.session_id == s.id:
        cmd.note.clear()  # its empty draft is gone
    cmd.events.sessions_changed.emit(s.case_id)
    cmd.workspace.select_session(s.id)


def discard(cmd: Commands, session_id: int) -> None:
    s = _session(cmd, session_id)
    if s is None:
        return
    what = (
        QCoreApplication.translate("Commands", "this booking")
        if s.note_id is None
        else QCoreApplication.translate("Commands", "this empty draft")
    )
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Discard this session?"),
        QCoreApplication.translate(
            "Commands",
            "Discard %s of %s? Use this for a session made by mistake; the audit trail "
            "keeps that it existed. A session that was called off should be cancelled instead.",
        )
        % (what, _when(s)),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Discard:
        return
    open_here = cmd.note.note is not None and cmd.note.note.session_id == s.id
    if open_here:
        cmd.note.save_now()
    try:
        sessions.discard_session(cmd.practice.uow(), s.id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget,
            QCoreApplication.translate("Commands", "Session not discarded"),
            explain(exc),
        )
        return
    if open_here:
        cmd.note.clear()
    cmd.events.sessions_changed.emit(s.case_id)

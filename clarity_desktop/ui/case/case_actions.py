"""Creating, editing, closing and reopening cases, and recording sessions, from the
main window. Each opens its dialog, calls one service, and announces the change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.records import CaseStatus, unusual_date_warning
from clarity_desktop.services import cases, sessions
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.practice.unlock import explain

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow


def new_case(window: MainWindow) -> None:
    dialog = CaseDialog(window, today=date.today())
    while dialog.exec():
        data = dialog.case_input()
        if not _confirm_new_clients(window, [p.name for p in data.partners]):
            continue
        if data.opened_on is not None and not _confirm_date(window, data.opened_on, "opening date"):
            continue
        try:
            detail = cases.create_case(window.practice.uow(), data)
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Case not created"), explain(exc))
            continue
        if not window._leave_note():
            return
        window.editor.clear()
        window.case_panel.clear()
        window.events.case_changed.emit(detail.id)
        return


def edit_case(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None:
        return
    dialog = CaseDialog(window, existing=case, today=date.today())
    while dialog.exec():
        try:
            cases.update_case(window.practice.uow(), case.id, dialog.case_input())
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Case not saved"), explain(exc))
            continue
        window.events.case_changed.emit(case.id)
        return


def close_case(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    answer = QMessageBox.question(
        window,
        window.tr("Close this case?"),
        window.tr(
            "Close %s as of today? Its records stay in the practice and can still be read; "
            "a closed case can be reopened."
        )
        % case.display_name,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        cases.close_case(window.practice.uow(), case.id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Case not closed"), explain(exc))
        return
    window.events.case_changed.emit(case.id)


def reopen_case(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None or case.status is not CaseStatus.CLOSED:
        return
    try:
        cases.reopen_case(window.practice.uow(), case.id)
    except Exception as exc:
        QMessageBox.warning(window, window.tr("Case not reopened"), explain(exc))
        return
    window.events.case_changed.emit(case.id)


# ----- sessions and notes ---------------------------------------------------------


def new_session(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    dialog = SessionDialog(window, case)
    while dialog.exec():
        data = dialog.session_input()
        if not _confirm_date(window, data.starts_at.date(), "session date"):
            continue
        try:
            clashes = sessions.find_clashes(
                window.practice.uow(), [(data.starts_at, data.duration_minutes)]
            )
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Session not recorded"), explain(exc))
            continue
        if not session_actions.confirm_clashes(window, clashes, window.tr("Record it")):
            continue
        try:
            created = sessions.create_session(
                window.practice.uow(), case.id, data, dialog.template()
            )
        except Exception as exc:
            QMessageBox.warning(window, window.tr("Session not recorded"), explain(exc))
            continue
        if not window._leave_note():
            return
        window.reload_cases(keep=case.id)
        detail = cases.get_case(window.practice.uow(), case.id, record_view=False)
        window._show_case(detail)
        window.case_panel.select_session(created.id)
        window.events.session_created.emit(case.id, created.id)
        window.tabs.setCurrentWidget(window.editor)  # typing must land in the note
        window.editor.focus_first_field()
        return


def _confirm_new_clients(window: MainWindow, names: list[str]) -> bool:
    """Ask, once, when a new case's client looks like someone already in the practice."""
    found = cases.similar_clients(window.practice.uow(), names)
    if not found:
        return True
    listed = "\n".join(f"• {c.name} (in {c.case_name})" for c in found[:5])
    answer = QMessageBox.question(
        window,
        window.tr("This client may already be here"),
        window.tr(
            "A client with this name is already in the practice:\n%s\n\nCreate a new case anyway?"
        )
        % listed,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _confirm_date(window: MainWindow, when: date, what: str) -> bool:
    warning = unusual_date_warning(when, date.today(), what)
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

"""Creating, editing, closing and reopening cases, and recording sessions, from the
main window. Each opens its dialog, calls one service, and announces the change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from clarity_desktop.services import cases, sessions
from clarity_desktop.ui.case_dialog import CaseDialog
from clarity_desktop.ui.session_dialog import SessionDialog
from clarity_desktop.ui.unlock import explain

if TYPE_CHECKING:
    from clarity_desktop.ui.main_window import MainWindow


def new_case(window: MainWindow) -> None:
    dialog = CaseDialog(window, today=date.today())
    while dialog.exec():
        try:
            detail = cases.create_case(window.practice.uow(), dialog.case_input())
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
    if case is None or case.status != "active":
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
    if case is None or case.status != "closed":
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
    if case is None or case.status != "active":
        return
    dialog = SessionDialog(window, case)
    while dialog.exec():
        try:
            created = sessions.create_session(
                window.practice.uow(), case.id, dialog.session_input(), dialog.template()
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
        if window.editor.section_edits():
            window.editor.section_edits()[0].setFocus()
        return

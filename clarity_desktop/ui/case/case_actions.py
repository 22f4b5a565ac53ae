"""Creating, editing, closing and reopening cases, and recording sessions, from the
main window. Each opens its dialog, calls one service, and announces what happened
on the app's events (ui/common/events.py)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.errors import Phrase
from clarity_desktop.domain.records import CaseStatus, unusual_date_warning
from clarity_desktop.services import cases, sessions
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.note.session_dialog import SessionDialog

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands


def new_case(cmd: Commands) -> None:
    dialog = CaseDialog(cmd.widget, today=date.today())
    while dialog.exec():
        data = dialog.case_input()
        if not _confirm_new_clients(cmd, [p.name for p in data.partners]):
            continue
        if data.opened_on is not None and not _confirm_date(
            cmd, data.opened_on, Phrase.OPENING_DATE
        ):
            continue
        try:
            detail = cases.create_case(cmd.practice.uow(), data)
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget, QCoreApplication.translate("Commands", "Case not created"), explain(exc)
            )
            continue
        if not cmd.leave_note():
            return
        cmd.note.clear()
        cmd.events.case_added.emit(detail.id)
        return


def edit_case(cmd: Commands) -> None:
    case = cmd.case
    if case is None:
        return
    dialog = CaseDialog(cmd.widget, existing=case, today=date.today())
    while dialog.exec():
        try:
            cases.update_case(cmd.practice.uow(), case.id, dialog.case_input())
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget, QCoreApplication.translate("Commands", "Case not saved"), explain(exc)
            )
            continue
        cmd.events.case_changed.emit(case.id)
        return


def close_case(cmd: Commands) -> None:
    case = cmd.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Close this case?"),
        QCoreApplication.translate(
            "Commands",
            "Close %s as of today? Its records stay in the practice and can still be read; "
            "a closed case can be reopened.",
        )
        % case.display_name,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        cases.close_case(cmd.practice.uow(), case.id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Case not closed"), explain(exc)
        )
        return
    cmd.events.case_changed.emit(case.id)


def reopen_case(cmd: Commands) -> None:
    case = cmd.case
    if case is None or case.status is not CaseStatus.CLOSED:
        return
    try:
        cases.reopen_case(cmd.practice.uow(), case.id)
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Case not reopened"), explain(exc)
        )
        return
    cmd.events.case_changed.emit(case.id)


# ----- sessions and notes ---------------------------------------------------------


def new_session(cmd: Commands) -> None:
    case = cmd.case
    if case is None or case.status is not CaseStatus.ACTIVE:
        return
    dialog = SessionDialog(cmd.widget, case)
    while dialog.exec():
        data = dialog.session_input()
        if not _confirm_date(cmd, data.starts_at.date(), Phrase.SESSION_DATE):
            continue
        try:
            clashes = sessions.find_clashes(
                cmd.practice.uow(), [(data.starts_at, data.duration_minutes)]
            )
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget,
                QCoreApplication.translate("Commands", "Session not recorded"),
                explain(exc),
            )
            continue
        if not session_actions.confirm_clashes(
            cmd, clashes, QCoreApplication.translate("Commands", "Record it")
        ):
            continue
        try:
            created = sessions.create_session(cmd.practice.uow(), case.id, data, dialog.template())
        except Exception as exc:
            QMessageBox.warning(
                cmd.widget,
                QCoreApplication.translate("Commands", "Session not recorded"),
                explain(exc),
            )
            continue
        if not cmd.leave_note():
            return
        cmd.events.session_added.emit(case.id, created.id)
        cmd.workspace.show_session(created.id)  # opens its note; typing must land in it
        cmd.note.focus_first_field()
        return


def _confirm_new_clients(cmd: Commands, names: list[str]) -> bool:
    """Ask, once, when a new case's client looks like someone already in the practice."""
    found = cases.similar_clients(cmd.practice.uow(), names)
    if not found:
        return True
    listed = "\n".join(f"• {c.name} (in {c.case_name})" for c in found[:5])
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "This client may already be here"),
        QCoreApplication.translate(
            "Commands",
            "A client with this name is already in the practice:\n%s\n\nCreate a new case anyway?",
        )
        % listed,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _confirm_date(cmd: Commands, when: date, what: Phrase) -> bool:
    warning = unusual_date_warning(when, date.today(), what)
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

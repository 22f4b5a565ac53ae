"""The main window: case list, the open case, and the note editor side by side."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMessageBox,
)

from clarity_desktop import APP_NAME
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services import cases, notes, server_practice
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.emergency import Grant
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.case.case_list import CaseListPanel, summary_of
from clarity_desktop.ui.case.case_panel import CasePanel
from clarity_desktop.ui.case.emergency_actions import EmergencyWatch
from clarity_desktop.ui.common.commands import Commands
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.events import AppEvents
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main import day_guard, window_frame
from clarity_desktop.ui.main.main_menus import MainMenus
from clarity_desktop.ui.main.search_dialog import SearchDialog
from clarity_desktop.ui.main.view_tabs import ViewTabs
from clarity_desktop.ui.note.note_editor import NoteEditor
from clarity_desktop.ui.practice import backup_actions


class MainWindow(MainMenus):
    """Shows the practice: the case list, the open case, the note and the other views.
    Its menus are in main_menus.py; what they do is in the command modules, on
    ``self.commands``; the views refresh on ``self.events`` (ui/common/events.py)."""

    lock_requested = Signal()
    practice_replaced = Signal(object)  # after a restore: the reopened practice

    def __init__(self, practice: OpenPractice, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.events = AppEvents(self)
        self._suppress_selection = False
        self._leaving_confirmed = False
        self.server = server_practice.signed_in(practice)  # None for the solo practice
        title = APP_NAME + (self.tr(" — DEMO practice") if practice.is_demo else "")
        self.setWindowTitle(window_frame.server_title(self.server) or title)

        self.case_list = CaseListPanel()
        self.case_panel = CasePanel()
        self.editor = NoteEditor(practice)
        self.commands = Commands(practice, self.events, self.settings, self, self, self.editor)
        self.tabs = ViewTabs(
            lambda: self.practice, self.current_case, self.editor, self.current_session_id
        )
        self.today = self.tabs.today
        self.dashboard = self.tabs.dashboard
        self.overview = self.tabs.overview
        self.measures = self.tabs.measures
        self.measures.answers_changed.connect(self.events.answers_changed)
        self.overview.case_requested.connect(self.show_case)
        self.dashboard.session_requested.connect(self._open_session_from_chart)
        self.tabs.plan.session_requested.connect(self._open_session_from_chart)
        self.left, self.splitter = window_frame.split(self.case_list, self.case_panel, self.tabs)
        self.setCentralWidget(self.splitter)
        self.search_dialog: SearchDialog | None = None
        self.emergency = EmergencyWatch(self)  # cases open to this clinician for a while
        self.emergency.load(practice, self.server is not None)
        self.emergency.ended.connect(self._emergency_ended)

        window_frame.add_status_labels(self, practice, self.server)

        self._build_menus()
        window_frame.set_icons(
            [
                (self.search_action, "search"),
                (self.lock_action, "lock"),
                (self.new_case_action, "new-case"),
                (self.new_session_action, "new-session"),
                (self.documents_action, "print"),
                (self.note_tab_action, "note"),
                (self.dashboard_tab_action, "dashboard"),
                (self.overview_tab_action, "overview"),
                (self.sign_action, "sign"),
            ]
        )
        self.case_list.case_selected.connect(self.open_case)
        self.case_list.case_activated.connect(self._enter_case)
        self.case_list.new_case_requested.connect(self.new_case)
        self.case_list.import_requested.connect(self.import_action.trigger)
        self.splitter.splitterMoved.connect(lambda _p, _i: self.case_list_folded())
        self.case_panel.session_selected.connect(self._session_chosen)
        self.case_panel.new_session_requested.connect(self.new_session)
        self.case_panel.edit_requested.connect(self.edit_case)
        self.editor.tags_changed.connect(lambda _n: self.refresh_case())
        self.editor.note_signed.connect(self.events.note_signed)
        self.editor.addendum_added.connect(self.events.addendum_added)
        self.editor.note_saved.connect(self.events.note_saved)
        self._listen()
        session_actions.connect_requests(self.commands, self.case_panel, self.today, self.show_case)

        self._restore_layout()
        self.reload_cases()
        self.show_today()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)  # look hourly; backs up at most daily
        self._backup_timer.timeout.connect(lambda: backup_actions.auto_backup_if_due(self.commands))
        if self.server is None:  # a practice server is backed up on the server
            self._backup_timer.start()

    @property
    def practice(self) -> OpenPractice:
        return self.commands.practice

    def _listen(self) -> None:
        """Each view refreshes what an event touches, and no more."""
        ev = self.events
        ev.case_added.connect(self._case_added)
        ev.case_changed.connect(self._case_changed)
        ev.session_added.connect(self._session_added)
        ev.sessions_changed.connect(self._sessions_changed)
        ev.note_saved.connect(self.tabs.records_changed)
        ev.note_signed.connect(lambda _id: self.refresh_case())
        ev.addendum_added.connect(self._addendum_added)
        ev.answers_changed.connect(self.tabs.measures_changed)
        ev.note_signed.connect(self.tabs.measures_changed)
        ev.cases_imported.connect(self._cases_imported)
        ev.practice_replaced.connect(self._practice_replaced)
        ev.case_granted.connect(self._case_granted)
        for signal in (ev.case_added, ev.case_changed, ev.note_saved, ev.note_signed):
            signal.connect(self.tabs.today_changed)
        ev.session_added.connect(self.tabs.today_changed)
        ev.sessions_changed.connect(self.tabs.today_changed)

    # ----- menus ----------------------------------------------------------------------

    def _update_actions(self) -> None:
        case = self.case_panel.case
        self.edit_case_action.setEnabled(case is not None)
        self.documents_action.setEnabled(case is not None)
        self.new_session_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
        self.schedule_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
        self.check_in_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
        self.paper_form_action.setEnabled(case is not None)
        self.close_case_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
        self.reopen_case_action.setEnabled(case is not None and case.status is CaseStatus.CLOSED)

    # ----- cases ----------------------------------------------------------------------

    def reload_cases(self, keep: int | None = None) -> None:
        self.case_list.set_cases(cases.list_cases(self.practice.uow()), keep=keep)
        self._update_empty_states()

    def _update_empty_states(self) -> None:
        """One empty state speaks at a time: on an empty practice only the case list
        (with New case and Import clients); with no case open only the case panel; with
        a case open and no note chosen only the note pane, if there is a session."""
        any_case = self.case_list.model.rowCount() > 0
        case = self.case_panel.case
        self.case_panel.empty.setText(self.tr("Choose a case from the list.") if any_case else "")
        self.today.set_no_cases(not any_case)
        self.editor.empty.setVisible(
            self.editor.note is None and case is not None and bool(case.sessions)
        )

    def _enter_case(self, case_id: int) -> None:
        """Enter on a case in the list: into the case, its newest note open, the cursor
        in its sessions (arrows move to older ones)."""
        self.open_case(case_id)
        if self.case_panel.case is not None and self.case_panel.case.id == case_id:
            self.case_panel.enter_sessions()

    def leave_note(self) -> bool:
        """Save the note being left. False (and a message) if it could not be saved."""
        if self.editor.save_now():
            return True
        day_guard.say_note_stays(self, self.editor.save_state.toolTip())
        return False

    def open_case(self, case_id: int) -> None:
        if self._suppress_selection:
            return
        if self.case_panel.case is not None and self.case_panel.case.id == case_id:
            return
        if not self.leave_note():
            return
        try:
            detail = cases.open_case(self.practice.uow(), case_id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Case not opened"), explain(exc))
            return
        self.editor.clear()
        self._show_case(detail)

    def _show_case(self, detail: CaseDetail, select_session: int | None = None) -> None:
        self._suppress_selection = True
        try:
            self.case_panel.show_case(detail, select_session)
        finally:
            self._suppress_selection = False
        self.case_panel.show_emergency(self.emergency.until(detail.id))
        self._update_actions()
        self._update_empty_states()
        self.tabs.case_shown()

    def show_today(self) -> None:
        """The home view, read afresh (and its viewing audited)."""
        self.tabs.show_today()

    def show_case(self, case_id: int) -> None:
        """From the overview or Today: the case selected in the list, its dashboard."""
        self.case_list.select_case(case_id)
        self.tabs.setCurrentWidget(self.dashboard)

    def _open_session_from_chart(self, session_id: int) -> None:
        self.tabs.setCurrentWidget(self.editor)
        self.case_panel.select_session(session_id)
        self.open_session(session_id)

    def refresh_case(self) -> None:
        case = self.case_panel.case
        if case is None:
            return
        detail = cases.read_case(self.practice.uow(), case.id)
        self._show_case(detail, self.case_panel.current_session_id())

    def _case_added(self, case_id: int) -> None:
        self.case_panel.clear()
        self._case_changed(case_id)

    def _session_added(self, case_id: int, _session_id: int) -> None:
        self._sessions_changed(case_id)

    def _sessions_changed(self, case_id: int) -> None:
        """Only that case's row and the open case are read again, not the whole list."""
        self.tabs.cases_changed()
        detail = cases.read_case(self.practice.uow(), case_id)
        self.case_list.update_case(summary_of(detail))
        if self.case_panel.case is not None and self.case_panel.case.id == case_id:
            self._show_case(detail, self.case_panel.current_session_id())

    def _addendum_added(self, _note_id: int) -> None:
        """Addenda are searchable: an open search shows the new one's words."""
        if self.search_dialog is not None and self.search_dialog.isVisible():
            self.search_dialog.run_search()

    def _cases_imported(self, _ids: list[int]) -> None:
        self.tabs.cases_changed()
        self.tabs.today_changed()
        self.reload_cases()

    def _case_granted(self, grant: Grant) -> None:
        """Opened in an emergency: the case joins the list and opens (audited as viewed,
        like any case opened), with its banner saying until when."""
        self.emergency.add(grant)
        self.tabs.cases_changed()
        self.reload_cases()
        self.show_case(grant.case_id)

    def _emergency_ended(self, case_id: int) -> None:
        """The grant ran out: the server no longer shows the case; the window follows,
        unless the open note could not be saved (it stays, with its message)."""
        self.tabs.cases_changed()
        if self.case_panel.case is not None and self.case_panel.case.id == case_id:
            name = self.case_panel.case.display_name
            if not self.leave_note():
                return
            self.editor.clear()
            self.case_panel.clear()
            self._update_actions()
            self.show_message(self.tr("Your emergency access to %s has ended.") % name, 15000)
        self.reload_cases()

    def _practice_replaced(self, practice: OpenPractice) -> None:
        self.case_panel.clear()
        self.resume(practice)
        self.practice_replaced.emit(practice)

    def _case_changed(self, case_id: int) -> None:
        self.tabs.cases_changed()
        self.reload_cases(keep=case_id)
        detail = cases.read_case(self.practice.uow(), case_id)
        self._show_case(detail, self.case_panel.current_session_id())

    def open_session(self, session_id: int) -> None:
        if self._suppress_selection:
            return
        current = self.editor.note
        if current is not None and current.session_id == session_id:
            return
        if not self.leave_note():
            if current is not None:
                self._suppress_selection = True
                self.case_panel.select_session(current.session_id)
                self._suppress_selection = False
            return
        case = self.case_panel.case
        chosen = next((s for s in case.sessions if s.id == session_id), None) if case else None
        if chosen is not None and chosen.note_id is None:
            self.editor.clear()  # booked or called off: no note (the session bar says why)
            return
        try:
            note = notes.note_for_session(self.practice.uow(), session_id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Note not opened"), explain(exc))
            return
        self.editor.show_note(note, case.partners if case else ())

    def _session_chosen(self, session_id: int) -> None:
        if self._suppress_selection:
            return
        self.tabs.setCurrentWidget(self.editor)
        self.open_session(session_id)

    def open_note(self, case_id: int, session_id: int, words: list[str] | None = None) -> None:
        """Open a case and one of its notes (from search), with the found *words* marked
        and in view. The case list keeps its filter: the case is selected there only if
        the list shows it."""
        if not self.leave_note():
            return
        if self.case_panel.case is None or self.case_panel.case.id != case_id:
            self._suppress_selection = True
            try:
                self.case_list.select_case(case_id, reveal=False)
            finally:
                self._suppress_selection = False
            self.editor.clear()
            self._show_case(cases.open_case(self.practice.uow(), case_id))
        self.tabs.setCurrentWidget(self.editor)
        self.case_panel.select_session(session_id)
        self.open_session(session_id)
        if words and self.editor.note is not None and self.editor.note.session_id == session_id:
            self.editor.show_hit(words)

    def show_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.practice, self)
            self.search_dialog.note_requested.connect(self.open_note)
        self.search_dialog.present(self.case_panel.case)

    # ----- layout, lock and close -----------------------------------------------------

    def _restore_layout(self) -> None:
        window_frame.restore_layout(self, self.splitter, self.settings)
        self.case_list_folded()

    def _save_layout(self) -> None:
        window_frame.save_layout(self, self.splitter, self.settings)

    def lock_by_hand(self) -> None:
        """Ctrl+L: lock, after asking once about today's unsigned notes."""
        if day_guard.confirm_leaving(self.commands, "lock"):
            self.lock()

    def quit_by_hand(self) -> None:
        """Ctrl+Q: quit, after asking once about today's unsigned notes."""
        if day_guard.confirm_leaving(self.commands, "quit"):
            self._leaving_confirmed = True
            self.close()

    def lock(self) -> None:
        """Hide every trace of client data and hand back to the unlock window. The open
        note is saved first; if that fails its text stays in memory (never on screen)
        and saving resumes after unlocking."""
        self.editor.save_now()
        window_frame.reject_dialogs(but=self)
        if self.search_dialog is not None:
            self.search_dialog.hide()
        self._save_layout()
        self.hide()
        self.lock_requested.emit()

    def resume(self, practice: OpenPractice) -> None:
        """Back after unlocking: a fresh engine (the old key was dropped), same place."""
        self.commands.practice = practice
        self.editor.set_practice(practice)
        self.tabs.set_practice(practice)
        self.emergency.load(practice, self.server is not None)
        if self.search_dialog is not None:
            self.search_dialog.deleteLater()
            self.search_dialog = None
        keep = self.case_panel.case.id if self.case_panel.case else None
        self.reload_cases(keep=keep)
        self.refresh_case()
        self.show()
        self.editor.save_now()  # retry a save that failed before locking
        self.show_today()  # the case and note stay open behind it (Ctrl+1)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks like Ctrl+Q does; a close by the program
        # (quitting the application, tests) does not.
        confirmed, self._leaving_confirmed = self._leaving_confirmed, False
        if (
            event.spontaneous()
            and not confirmed
            and self.isVisible()
            and not day_guard.confirm_leaving(self.commands, "quit")
        ):
            event.ignore()
            return
        if not self.editor.save_now() and not day_guard.close_losing_changes(self):
            event.ignore()
            return
        self._save_layout()
        if self.search_dialog is not None:
            self.search_dialog.close()
        # A locked (hidden) window has no open practice to back up; a server backs up itself.
        if self.isVisible() and self.server is None:
            backup_actions.auto_backup_on_close(self.commands)
        event.accept()

    # ----- what commands ask of the window (common/commands.py, Workspace) -------------

    def current_case(self) -> CaseDetail | None:
        return self.case_panel.case

    def current_session_id(self) -> int | None:
        return self.case_panel.current_session_id()

    def select_session(self, session_id: int) -> None:
        self.case_panel.select_session(session_id)

    def show_note_tab(self) -> None:
        self.tabs.setCurrentWidget(self.editor)

    def show_session(self, session_id: int) -> None:
        self.show_note_tab()
        self.case_panel.select_session(session_id)

    def show_message(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

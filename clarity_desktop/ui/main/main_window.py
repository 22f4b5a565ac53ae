"""The main window: case list, the open case, and the note editor side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from clarity_desktop import APP_NAME
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services import cases, dynamics, notes
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case import case_actions, session_actions
from clarity_desktop.ui.case.case_list import CaseListPanel
from clarity_desktop.ui.case.case_panel import CasePanel
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.events import AppEvents
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from clarity_desktop.ui.dashboard.overview import OverviewPanel
from clarity_desktop.ui.main import day_guard, main_menus
from clarity_desktop.ui.main.search_dialog import SearchDialog
from clarity_desktop.ui.note.note_editor import NoteEditor
from clarity_desktop.ui.practice import backup_actions
from clarity_desktop.ui.practice.today_view import TodayView
from clarity_desktop.ui.practice.unlock import explain


class MainWindow(QMainWindow):
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)
    practice_replaced = Signal(object)  # after a restore: the reopened practice

    # Set by main_menus._build_menus.
    search_action: QAction
    lock_action: QAction
    new_case_action: QAction
    edit_case_action: QAction
    close_case_action: QAction
    reopen_case_action: QAction
    new_session_action: QAction
    filter_action: QAction
    note_tab_action: QAction
    dashboard_tab_action: QAction
    overview_tab_action: QAction
    today_tab_action: QAction
    schedule_action: QAction
    sign_action: QAction
    documents_action: QAction
    brief_action: QAction  # set by brief_actions.add_actions
    session_mode_action: QAction
    import_action: QAction
    case_list_action: QAction

    # Menus and case commands live in their own modules to keep this file readable.
    _action = main_menus._action
    _build_menus = main_menus._build_menus
    _set_idle_minutes = main_menus._set_idle_minutes
    _focused_text = main_menus._focused_text
    _undo = main_menus._undo
    _redo = main_menus._redo
    _focus_filter = main_menus._focus_filter
    _focus_addendum = main_menus._focus_addendum
    _about = main_menus._about
    new_case = case_actions.new_case
    edit_case = case_actions.edit_case
    close_case = case_actions.close_case
    reopen_case = case_actions.reopen_case
    new_session = case_actions.new_session

    def __init__(self, practice: OpenPractice, settings: Settings | None = None) -> None:
        super().__init__()
        self.practice = practice
        self.settings = settings or Settings()
        self.events = AppEvents(self)
        self._suppress_selection = False
        self.asked_about_drafts: set[int] = set()  # see ui/main/day_guard.py
        self._leaving_confirmed = False
        title = APP_NAME + (self.tr(" — DEMO practice") if practice.is_demo else "")
        self.setWindowTitle(title)

        self.case_list = CaseListPanel()
        self.case_panel = CasePanel()
        self.editor = NoteEditor(practice)
        # Left: the case list above the open case. Right: the session note (with the
        # Dynamics panel beside it) and the case dashboard, as tabs.
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.case_list)
        self.left.addWidget(self.case_panel)
        self.left.setStretchFactor(0, 2)
        self.left.setStretchFactor(1, 3)
        self.left.setChildrenCollapsible(False)
        self.left.setSizes([320, 520])
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(self.tr("Views"))
        # Today (the home view) first, then the note, the dashboard and the overview.
        # Alt letters: N, E, P belong to the menu bar (main_menus.py).
        self.today = TodayView(practice)
        self.tabs.addTab(self.today, appearance.icon("overview"), self.tr("Toda&y"))
        self._today_stale = False
        self.tabs.addTab(self.editor, appearance.icon("note"), self.tr("Session no&te"))
        self.dashboard = CaseDashboard()
        self.tabs.addTab(self.dashboard, appearance.icon("dashboard"), self.tr("Case &dashboard"))
        self._dashboard_stale = True
        self.overview = OverviewPanel(practice)
        self.tabs.addTab(self.overview, appearance.icon("overview"), self.tr("Practice &overview"))
        self._overview_stale = False  # it loads itself when first shown
        self.overview.case_requested.connect(self._open_case_from_overview)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tabs_if_shown())
        self.dashboard.session_requested.connect(self._open_session_from_chart)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setCollapsible(0, True)  # the case list folds away (View ▸ Case list)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.search_dialog: SearchDialog | None = None

        status = self.statusBar()
        status.addPermanentWidget(QLabel(self.tr("Signing as %s") % practice.clinician.signature))
        if practice.is_demo:
            badge = QLabel(self.tr("DEMO"))
            badge.setAccessibleName(self.tr("Demo practice, with invented clients"))
            appearance.styled(
                badge,
                lambda t: (
                    f"background:{t.badge_back}; color:{t.badge_text};"
                    " font-weight:700; padding:1px 8px;"
                ),
            )
            status.addPermanentWidget(badge)

        self._build_menus()
        for action, name in (
            (self.search_action, "search"),
            (self.lock_action, "lock"),
            (self.new_case_action, "new-case"),
            (self.new_session_action, "new-session"),
            (self.documents_action, "print"),
            (self.note_tab_action, "note"),
            (self.dashboard_tab_action, "dashboard"),
            (self.overview_tab_action, "overview"),
            (self.sign_action, "sign"),
        ):
            action.setIcon(appearance.icon(name))
        self.case_list.case_selected.connect(self.open_case)
        self.case_list.case_activated.connect(self._enter_case)
        self.case_list.new_case_requested.connect(self.new_case)
        self.case_list.import_requested.connect(self.import_action.trigger)
        self.splitter.splitterMoved.connect(lambda _p, _i: main_menus.case_list_folded(self))
        self.case_panel.session_selected.connect(self._session_chosen)
        self.case_panel.new_session_requested.connect(self.new_session)
        self.case_panel.edit_requested.connect(self.edit_case)
        self.editor.tags_changed.connect(lambda _n: self.refresh_case())
        self.editor.note_signed.connect(self._note_signed)
        self.editor.addendum_added.connect(self.events.addendum_added)
        self.editor.note_saved.connect(self.events.note_saved)
        self.editor.note_saved.connect(self._mark_dashboard_stale)
        self.events.case_changed.connect(self._case_changed)
        for signal in (
            self.events.case_changed,
            self.events.session_created,
            self.events.note_saved,
            self.events.note_signed,
        ):
            signal.connect(self._mark_today_stale)
        session_actions.install(self)

        self._restore_layout()
        self.reload_cases()
        self.show_today()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)  # look hourly; backs up at most daily
        self._backup_timer.timeout.connect(lambda: backup_actions.auto_backup_if_due(self))
        self._backup_timer.start()

    # ----- menus ----------------------------------------------------------------------

    def _update_actions(self) -> None:
        case = self.case_panel.case
        self.edit_case_action.setEnabled(case is not None)
        self.documents_action.setEnabled(case is not None)
        self.new_session_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
        self.schedule_action.setEnabled(case is not None and case.status is CaseStatus.ACTIVE)
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
        panel = self.case_panel
        if panel.case is None or panel.case.id != case_id:
            return
        if panel.current_session_id() is None and panel.model.rowCount():
            panel.table.selectRow(0)  # the newest, first in the list
        panel.table.setFocus()

    def _leave_note(self) -> bool:
        """Save the note being left. False (and a message) if it could not be saved."""
        if self.editor.save_now():
            return True
        QMessageBox.warning(
            self,
            self.tr("Note not saved"),
            self.tr("The note you are leaving could not be saved, so it stays open. %s")
            % self.editor.save_state.toolTip(),
        )
        return False

    def open_case(self, case_id: int) -> None:
        if self._suppress_selection:
            return
        if self.case_panel.case is not None and self.case_panel.case.id == case_id:
            return
        if not self._leave_note():
            return
        try:
            detail = cases.get_case(self.practice.uow(), case_id)
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
        self._update_actions()
        self._update_empty_states()
        self._dashboard_stale = True
        self._refresh_dashboard_if_shown()

    def show_today(self) -> None:
        """The home view, read afresh (and its viewing audited)."""
        self.tabs.setCurrentWidget(self.today)
        self._today_stale = False
        self.today.refresh(record_view=True)

    def _mark_today_stale(self, *_ids: int) -> None:
        self._today_stale = True
        if self.tabs.currentWidget() is self.today:
            self._refresh_tabs_if_shown()

    def _refresh_tabs_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.today and self._today_stale:
            self._today_stale = False
            self.today.refresh()
        self._refresh_dashboard_if_shown()
        if self.tabs.currentWidget() is self.overview and self._overview_stale:
            self._overview_stale = False
            self.overview.refresh()

    def _open_case_from_overview(self, case_id: int) -> None:
        self.case_list.select_case(case_id)
        self.tabs.setCurrentWidget(self.dashboard)

    def _refresh_dashboard_if_shown(self) -> None:
        """Charts are built only when the dashboard is on screen, and only once per change."""
        if self.tabs.currentWidget() is not self.dashboard or not self._dashboard_stale:
            return
        case = self.case_panel.case
        if case is None:
            self.dashboard.clear()
        else:
            try:
                self.dashboard.set_timeline(dynamics.case_timeline(self.practice.uow(), case.id))
            except Exception as exc:
                QMessageBox.warning(self, self.tr("Dashboard not shown"), explain(exc))
                return
        self._dashboard_stale = False

    def _open_session_from_chart(self, session_id: int) -> None:
        self.tabs.setCurrentWidget(self.editor)
        self.case_panel.select_session(session_id)
        self.open_session(session_id)

    def refresh_case(self) -> None:
        case = self.case_panel.case
        if case is None:
            return
        detail = cases.get_case(self.practice.uow(), case.id, record_view=False)
        self._show_case(detail, self.case_panel.current_session_id())

    def _case_changed(self, case_id: int) -> None:
        self._overview_stale = True
        self.reload_cases(keep=case_id)
        detail = cases.get_case(self.practice.uow(), case_id, record_view=False)
        self._show_case(detail, self.case_panel.current_session_id())

    def open_session(self, session_id: int) -> None:
        if self._suppress_selection:
            return
        current = self.editor.note
        if current is not None and current.session_id == session_id:
            return
        if not self._leave_note():
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
        if not self._leave_note():
            return
        if self.case_panel.case is None or self.case_panel.case.id != case_id:
            self._suppress_selection = True
            try:
                self.case_list.select_case(case_id, reveal=False)
            finally:
                self._suppress_selection = False
            self.editor.clear()
            self._show_case(cases.get_case(self.practice.uow(), case_id))
        self.tabs.setCurrentWidget(self.editor)
        self.case_panel.select_session(session_id)
        self.open_session(session_id)
        if words and self.editor.note is not None and self.editor.note.session_id == session_id:
            self.editor.show_hit(words)

    def _mark_dashboard_stale(self, _note_id: int) -> None:
        self._dashboard_stale = True
        self._overview_stale = True

    def _note_signed(self, note_id: int) -> None:
        self.events.note_signed.emit(note_id)
        self.refresh_case()

    def show_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.practice, self)
            self.search_dialog.note_requested.connect(self.open_note)
        case = self.case_panel.case
        self.search_dialog.set_open_case(
            case.id if case else None, case.display_name if case else ""
        )
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()

    # ----- layout, lock and close -----------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([430, 1010])
        main_menus.case_list_folded(self)

    def _save_layout(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()

    def lock_by_hand(self) -> None:
        """Ctrl+L: lock, after asking once about today's unsigned notes."""
        if day_guard.confirm_leaving(self, "lock"):
            self.lock()

    def quit_by_hand(self) -> None:
        """Ctrl+Q: quit, after asking once about today's unsigned notes."""
        if day_guard.confirm_leaving(self, "quit"):
            self._leaving_confirmed = True
            self.close()

    def lock(self) -> None:
        """Hide every trace of client data and hand back to the unlock window. The open
        note is saved first; if that fails its text stays in memory (never on screen)
        and saving resumes after unlocking."""
        self.editor.save_now()
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and isinstance(w, QDialog):
                w.reject()
        if self.search_dialog is not None:
            self.search_dialog.hide()
        self._save_layout()
        self.hide()
        self.lock_requested.emit()

    def resume(self, practice: OpenPractice) -> None:
        """Back after unlocking: a fresh engine (the old key was dropped), same place."""
        self.practice = practice
        self.editor.set_practice(practice)
        self.overview.set_practice(practice)
        self.today.set_practice(practice)
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
            and not day_guard.confirm_leaving(self, "quit")
        ):
            event.ignore()
            return
        if not self.editor.save_now():
            answer = QMessageBox.warning(
                self,
                self.tr("Note not saved"),
                self.tr(
                    "The open note could not be saved. Close anyway and lose the last changes?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self._save_layout()
        if self.search_dialog is not None:
            self.search_dialog.close()
        if self.isVisible():  # a locked (hidden) window has no open practice to back up
            backup_actions.auto_backup_on_close(self)
        event.accept()

"""The main window's menus and the small commands behind them (undo, focus moves).

Alt letters: the menu bar takes P, C, V, E, N and H; the window's tabs and buttons take
letters none of those use (note_editor, case_panel), and within each menu every item has
its own letter (tests/ui/test_mnemonics.py checks both, and that Help ▸ Keyboard
shortcuts lists every shortcut, read from the actions themselves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
)

from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.ui.case import case_actions, emergency_actions, record_actions, session_actions
from clarity_desktop.ui.case.case_list import CaseListPanel
from clarity_desktop.ui.case.case_panel import CasePanel
from clarity_desktop.ui.common import appearance, language
from clarity_desktop.ui.common.commands import Commands
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from clarity_desktop.ui.dashboard.overview import OverviewPanel
from clarity_desktop.ui.documents import brief_actions
from clarity_desktop.ui.main import window_frame
from clarity_desktop.ui.main.idle import CHOICES_MINUTES, numbered
from clarity_desktop.ui.main.view_tabs import ViewTabs
from clarity_desktop.ui.note.note_editor import NoteEditor
from clarity_desktop.ui.practice import backup_actions
from clarity_desktop.ui.practice.audit_dialog import AuditDialog
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog

if TYPE_CHECKING:
    from clarity_desktop.services.server_practice import ServerSignIn


class MainMenus(QMainWindow):
    """The main window's menus and the small commands behind them; MainWindow is one.
    What the menus act on is declared here and made by MainWindow.__init__."""

    idle_minutes_changed = Signal(int)

    commands: Commands
    settings: Settings
    server: ServerSignIn | None  # the practice server signed in to; None when solo
    case_list: CaseListPanel
    case_panel: CasePanel
    editor: NoteEditor
    tabs: ViewTabs
    dashboard: CaseDashboard
    overview: OverviewPanel
    left: QSplitter
    splitter: QSplitter

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
    brief_action: QAction
    session_mode_action: QAction
    import_action: QAction
    case_list_action: QAction
    check_in_action: QAction
    paper_form_action: QAction
    measures_tab_action: QAction
    emergency_action: QAction | None  # Case ▸ Open a case in an emergency (server clinicians)
    grant_log_action: QAction | None  # Practice ▸ Emergency access log (server overseers)

    # Made by MainWindow.
    def show_search(self) -> None:
        raise NotImplementedError

    def show_today(self) -> None:
        raise NotImplementedError

    def lock_by_hand(self) -> None:
        raise NotImplementedError

    def quit_by_hand(self) -> None:
        raise NotImplementedError

    def _update_actions(self) -> None:
        raise NotImplementedError

    # The case commands (case/case_actions.py), on the window's Commands.
    def new_case(self) -> None:
        case_actions.new_case(self.commands)

    def edit_case(self) -> None:
        case_actions.edit_case(self.commands)

    def close_case(self) -> None:
        case_actions.close_case(self.commands)

    def reopen_case(self) -> None:
        case_actions.reopen_case(self.commands)

    def new_session(self) -> None:
        case_actions.new_session(self.commands)

    def _add_brief_actions(self, case_menu: QMenu, note_menu: QMenu) -> None:
        """Case ▸ Session brief and Note ▸ Session mode (documents/brief_actions.py)."""
        self.brief_action = self._action(
            self.tr("Session &brief…"),
            brief_actions.BRIEF_KEY,
            lambda: brief_actions.open_brief(self.commands),
        )
        # Beside "New session…", where a therapist looks before a session.
        actions = case_menu.actions()
        anchor = self.new_session_action
        after = actions[actions.index(anchor) + 1] if anchor in actions[:-1] else None
        if after is not None:
            case_menu.insertAction(after, self.brief_action)
        else:
            case_menu.addAction(self.brief_action)
        self.session_mode_action = self._action(
            self.tr("Session &mode"),
            brief_actions.SESSION_MODE_KEY,
            lambda: brief_actions.session_mode_for_open_note(self.commands),
        )
        note_menu.addAction(self.session_mode_action)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        practice = bar.addMenu(self.tr("&Practice"))
        self.search_action = self._action(
            self.tr("&Search notes…"), QKeySequence.StandardKey.Find, self.show_search
        )
        practice.addAction(self.search_action)
        practice.addSeparator()
        self.import_action = self._action(
            self.tr("&Import clients…"), None, lambda: record_actions.import_clients(self.commands)
        )
        practice.addAction(self.import_action)
        practice.addSeparator()
        on_server = self.server is not None
        back_up = self._action(
            self.tr("&Back up now…"),
            None,
            (lambda: backup_actions.explain_server_backups(self.commands))
            if on_server
            else (lambda: backup_actions.back_up_now(self.commands)),
        )
        back_up.setIcon(appearance.icon("backup"))
        practice.addAction(back_up)
        if not on_server:  # the server's administrator restores on the server
            practice.addAction(
                self._action(
                    self.tr("&Restore from a backup…"),
                    None,
                    lambda: backup_actions.restore_from_backup(self.commands),
                )
            )
            practice.addAction(
                self._action(
                    self.tr("&Undo the last restore…"),
                    None,
                    lambda: backup_actions.undo_last_restore(self.commands),
                )
            )
        practice.addAction(self._action(self.tr("&Audit trail…"), None, lambda: self._show_audit()))
        self.grant_log_action = None
        if emergency_actions.may_read_grant_log(self.commands.practice, on_server):
            self.grant_log_action = self._action(
                self.tr("Emergency access lo&g…"), None, lambda: self._show_grant_log()
            )
            practice.addAction(self.grant_log_action)
        practice.addAction(
            self._action(
                self.tr("Change &password…") if on_server else self.tr("Change &passphrase…"),
                None,
                lambda: self._change_passphrase(),
            )
        )
        practice.addSeparator()
        self.lock_action = self._action(self.tr("&Lock now"), "Ctrl+L", self.lock_by_hand)
        practice.addAction(self.lock_action)
        lock_after = practice.addMenu(self.tr("Lock a&fter inactivity"))
        group = QActionGroup(self)
        current = self.settings.idle_lock_minutes
        for minutes in CHOICES_MINUTES:
            action = QAction(self.tr("%s minutes") % numbered(minutes), self)
            action.setCheckable(True)
            action.setChecked(minutes == current)
            action.triggered.connect(lambda _c=False, m=minutes: self._set_idle_minutes(m))
            group.addAction(action)
            lock_after.addAction(action)
        practice.addAction(
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.quit_by_hand)
        )

        case = bar.addMenu(self.tr("&Case"))
        self.new_case_action = self._action(
            self.tr("&New case…"), QKeySequence.StandardKey.New, self.new_case
        )
        self.edit_case_action = self._action(self.tr("&Edit case…"), "Ctrl+E", self.edit_case)
        self.close_case_action = self._action(self.tr("&Close case…"), None, self.close_case)
        self.reopen_case_action = self._action(self.tr("&Reopen case"), None, self.reopen_case)
        self.new_session_action = self._action(
            self.tr("New &session…"), "Ctrl+Shift+N", self.new_session
        )
        self.schedule_action = self._action(
            self.tr("Sched&ule sessions…"), None, lambda: session_actions.schedule(self.commands)
        )
        for a in (
            self.new_case_action,
            self.edit_case_action,
            self.new_session_action,
            self.schedule_action,
        ):
            case.addAction(a)
        self.check_in_action = self._action(
            self.tr("Start check-&in…"), "Ctrl+Shift+I", lambda: self._measures("check_in")
        )
        self.paper_form_action = self._action(
            self.tr("En&ter a paper form…"), "Ctrl+Shift+F", lambda: self._measures("paper")
        )
        case.addAction(self.check_in_action)
        case.addAction(self.paper_form_action)
        case.addSeparator()
        case.addAction(self.close_case_action)
        case.addAction(self.reopen_case_action)
        self.filter_action = self._action(self.tr("&Filter cases"), "Ctrl+K", self._focus_filter)
        case.addAction(self.filter_action)
        self.emergency_action = None
        if emergency_actions.may_open_in_emergency(self.commands.practice, on_server):
            self.emergency_action = self._action(
                self.tr("&Open a case in an emergency…"),
                None,
                lambda: emergency_actions.open_in_emergency(self.commands),
            )
            case.addAction(self.emergency_action)
        case.addSeparator()
        self.documents_action = self._action(
            self.tr("&Documents and handouts…"),
            "Ctrl+P",
            lambda: record_actions.open_documents(self.commands),
        )
        case.addAction(self.documents_action)
        case.addAction(
            self._action(
                self.tr("Client &handout…"),
                None,
                lambda: record_actions.open_documents(self.commands, DocumentKind.HANDOUT),
            )
        )
        case.addAction(
            self._action(
                self.tr("Case su&mmary…"),
                None,
                lambda: record_actions.open_documents(self.commands, DocumentKind.SUMMARY),
            )
        )
        case.addAction(
            self._action(
                self.tr("&Progress report…"),
                None,
                lambda: record_actions.open_documents(self.commands, DocumentKind.PROGRESS),
            )
        )
        case.addAction(
            self._action(
                self.tr("E&xport case records…"),
                None,
                lambda: record_actions.export_case(self.commands),
            )
        )

        view = bar.addMenu(self.tr("&View"))
        self.today_tab_action = self._action(self.tr("Toda&y"), "Ctrl+0", self.show_today)
        view.addAction(self.today_tab_action)
        self.note_tab_action = self._action(
            self.tr("Session &note"), "Ctrl+1", lambda: self._show_note()
        )
        self.dashboard_tab_action = self._action(
            self.tr("Case &dashboard"),
            "Ctrl+2",
            lambda: self.tabs.setCurrentWidget(self.dashboard),
        )
        self.overview_tab_action = self._action(
            self.tr("Practice &overview"),
            "Ctrl+3",
            lambda: self.tabs.setCurrentWidget(self.overview),
        )
        self.measures_tab_action = self._action(
            self.tr("&Measures"), "Ctrl+4", lambda: self.tabs.setCurrentWidget(self.tabs.measures)
        )
        view.addAction(self.note_tab_action)
        view.addAction(self.dashboard_tab_action)
        view.addAction(self.overview_tab_action)
        view.addAction(self.measures_tab_action)
        view.addSeparator()
        self.case_list_action = self._action(
            self.tr("Case &list"), "Ctrl+B", lambda on: self._show_case_list(on)
        )
        self.case_list_action.setCheckable(True)
        self.case_list_action.setChecked(True)
        view.addAction(self.case_list_action)
        appearance.add_text_size_menu(view, self, self.settings)
        language.add_language_menu(view, self, self.settings)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo, self._undo))
        edit.addAction(self._action(self.tr("&Redo"), QKeySequence.StandardKey.Redo, self._redo))

        note = bar.addMenu(self.tr("&Note"))
        self.sign_action = QAction(self.tr("&Sign and lock…"), self)
        self.sign_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sign_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # editor owns it
        self.sign_action.triggered.connect(self.editor.sign)
        note.addAction(self.sign_action)
        note.addAction(self._action(self.tr("&Add addendum"), None, self._focus_addendum))
        note.addAction(
            self._action(
                self.tr("&Print or save this note…"),
                None,
                lambda: record_actions.open_documents(self.commands, DocumentKind.NOTE),
            )
        )

        self._add_brief_actions(case, note)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), "F1", lambda: self._show_shortcuts())
        )
        help_menu.addAction(self._action(self.tr("&About"), None, self._about))
        self._update_actions()

    def _set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.idle_minutes_changed.emit(minutes)

    def _focused_text(self) -> QPlainTextEdit | None:
        w = QApplication.focusWidget()
        return w if isinstance(w, QPlainTextEdit) else None

    def _undo(self) -> None:
        w = self._focused_text()
        if w is not None:
            w.undo()

    def _redo(self) -> None:
        w = self._focused_text()
        if w is not None:
            w.redo()

    def _focus_filter(self) -> None:
        self._show_case_list(True)
        self.case_list.filter.setFocus()
        self.case_list.filter.selectAll()

    def _focus_addendum(self) -> None:
        self.tabs.setCurrentWidget(self.editor)
        self.editor.show_addendum_box()

    def _show_note(self) -> None:
        """Ctrl+1: the note, with the cursor in its first field, wherever focus was."""
        self.tabs.setCurrentWidget(self.editor)
        if self.editor.note is not None:
            self.editor.focus_first_field()
        elif self.case_panel.case is not None and self.case_panel.model.rowCount():
            self.case_panel.table.setFocus()

    def _measures(self, what: str) -> None:
        """Case ▸ Start check-in / Enter a paper form: on the Measures tab, so the new
        answers show as soon as they are kept."""
        self.tabs.setCurrentWidget(self.tabs.measures)
        if what == "check_in":
            self.tabs.measures.start_check_in()
        else:
            self.tabs.measures.enter_paper_form()

    def _show_case_list(self, on: bool) -> None:
        """View ▸ Case list (Ctrl+B): fold the left pane away to give the note the width, and
        bring it back. Dragging the divider to the edge does the same."""
        sizes = self.splitter.sizes()
        if on and (sizes[0] == 0 or self.left.isHidden()):
            self.left.show()
            left = max(self.left.sizeHint().width(), self.left.minimumSizeHint().width())
            self.splitter.setSizes([left, max(1, sum(sizes) - left)])
        elif not on and sizes[0] > 0:
            self.splitter.setSizes([0, sum(sizes)])
        self.case_list_folded()

    def case_list_folded(self) -> None:
        """A folded case list is hidden too, so Tab never lands in it unseen."""
        folded = self.splitter.sizes()[0] == 0
        self.left.setHidden(folded)
        self.case_list_action.setChecked(not folded)

    def _show_shortcuts(self) -> None:
        from clarity_desktop.ui.main.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def _about(self) -> None:
        window_frame.show_about(self)

    def _show_audit(self) -> None:
        case = self.case_panel.case
        AuditDialog(self.commands.practice, self, case.id if case else None).exec()

    def _show_grant_log(self) -> None:
        from clarity_desktop.ui.practice.emergency_log import EmergencyLogDialog

        dialog = EmergencyLogDialog(self.commands.practice, self)
        dialog.exec()
        dialog.deleteLater()

    def _change_passphrase(self) -> None:
        on_server = self.server is not None
        if PassphraseDialog(self.commands.practice, self, server=on_server).exec():
            self.statusBar().showMessage(
                self.tr("Password changed.") if on_server else self.tr("Passphrase changed."), 5000
            )

"""The main window's menus and the small commands behind them (undo, focus moves).

Alt letters: the menu bar takes P, C, V, E, N and H; the window's tabs and buttons take
letters none of those use (note_editor, case_panel), and within each menu every item has
its own letter (tests/ui/test_mnemonics.py checks both, and that Help ▸ Keyboard
shortcuts lists every shortcut, read from the actions themselves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.ui.case import record_actions, session_actions
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.documents import brief_actions
from clarity_desktop.ui.main.idle import CHOICES_MINUTES
from clarity_desktop.ui.practice import backup_actions
from clarity_desktop.ui.practice.audit_dialog import AuditDialog
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: object,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    practice = bar.addMenu(window.tr("&Practice"))
    window.search_action = window._action(
        window.tr("&Search notes…"), QKeySequence.StandardKey.Find, window.show_search
    )
    practice.addAction(window.search_action)
    practice.addSeparator()
    window.import_action = window._action(
        window.tr("&Import clients…"), None, lambda: record_actions.import_clients(window)
    )
    practice.addAction(window.import_action)
    practice.addSeparator()
    back_up = window._action(
        window.tr("&Back up now…"), None, lambda: backup_actions.back_up_now(window)
    )
    back_up.setIcon(appearance.icon("backup"))
    practice.addAction(back_up)
    practice.addAction(
        window._action(
            window.tr("&Restore from a backup…"),
            None,
            lambda: backup_actions.restore_from_backup(window),
        )
    )
    practice.addAction(
        window._action(
            window.tr("&Undo the last restore…"),
            None,
            lambda: backup_actions.undo_last_restore(window),
        )
    )
    practice.addAction(
        window._action(window.tr("&Audit trail…"), None, lambda: _show_audit(window))
    )
    practice.addAction(
        window._action(window.tr("Change &passphrase…"), None, lambda: _change_passphrase(window))
    )
    practice.addSeparator()
    window.lock_action = window._action(window.tr("&Lock now"), "Ctrl+L", window.lock_by_hand)
    practice.addAction(window.lock_action)
    lock_after = practice.addMenu(window.tr("Lock a&fter inactivity"))
    group = QActionGroup(window)
    current = window.settings.idle_lock_minutes
    for minutes in CHOICES_MINUTES:
        action = QAction(window.tr("%s minutes") % _numbered(minutes), window)
        action.setCheckable(True)
        action.setChecked(minutes == current)
        action.triggered.connect(lambda _c=False, m=minutes: window._set_idle_minutes(m))
        group.addAction(action)
        lock_after.addAction(action)
    practice.addAction(
        window._action(window.tr("&Quit"), QKeySequence.StandardKey.Quit, window.quit_by_hand)
    )

    case = bar.addMenu(window.tr("&Case"))
    window.new_case_action = window._action(
        window.tr("&New case…"), QKeySequence.StandardKey.New, window.new_case
    )
    window.edit_case_action = window._action(window.tr("&Edit case…"), "Ctrl+E", window.edit_case)
    window.close_case_action = window._action(window.tr("&Close case…"), None, window.close_case)
    window.reopen_case_action = window._action(window.tr("&Reopen case"), None, window.reopen_case)
    window.new_session_action = window._action(
        window.tr("New &session…"), "Ctrl+Shift+N", window.new_session
    )
    window.schedule_action = window._action(
        window.tr("Sched&ule sessions…"), None, lambda: session_actions.schedule(window)
    )
    for a in (
        window.new_case_action,
        window.edit_case_action,
        window.new_session_action,
        window.schedule_action,
    ):
        case.addAction(a)
    case.addSeparator()
    case.addAction(window.close_case_action)
    case.addAction(window.reopen_case_action)
    window.filter_action = window._action(
        window.tr("&Filter cases"), "Ctrl+K", window._focus_filter
    )
    case.addAction(window.filter_action)
    case.addSeparator()
    window.documents_action = window._action(
        window.tr("&Documents and handouts…"),
        "Ctrl+P",
        lambda: record_actions.open_documents(window),
    )
    case.addAction(window.documents_action)
    case.addAction(
        window._action(
            window.tr("Client &handout…"),
            None,
            lambda: record_actions.open_documents(window, "handout"),
        )
    )
    case.addAction(
        window._action(
            window.tr("Case su&mmary…"),
            None,
            lambda: record_actions.open_documents(window, "summary"),
        )
    )
    case.addAction(
        window._action(
            window.tr("&Progress report…"),
            None,
            lambda: record_actions.open_documents(window, "progress"),
        )
    )
    case.addAction(
        window._action(
            window.tr("E&xport case records…"), None, lambda: record_actions.export_case(window)
        )
    )

    view = bar.addMenu(window.tr("&View"))
    window.today_tab_action = window._action(window.tr("Toda&y"), "Ctrl+0", window.show_today)
    view.addAction(window.today_tab_action)
    window.note_tab_action = window._action(
        window.tr("Session &note"), "Ctrl+1", lambda: _show_note(window)
    )
    window.dashboard_tab_action = window._action(
        window.tr("Case &dashboard"),
        "Ctrl+2",
        lambda: window.tabs.setCurrentWidget(window.dashboard),
    )
    window.overview_tab_action = window._action(
        window.tr("Practice &overview"),
        "Ctrl+3",
        lambda: window.tabs.setCurrentWidget(window.overview),
    )
    view.addAction(window.note_tab_action)
    view.addAction(window.dashboard_tab_action)
    view.addAction(window.overview_tab_action)
    view.addSeparator()
    window.case_list_action = window._action(
        window.tr("Case &list"), "Ctrl+B", lambda on: _show_case_list(window, on)
    )
    window.case_list_action.setCheckable(True)
    window.case_list_action.setChecked(True)
    view.addAction(window.case_list_action)
    appearance.add_text_size_menu(view, window, window.settings)

    edit = bar.addMenu(window.tr("&Edit"))
    edit.addAction(window._action(window.tr("&Undo"), QKeySequence.StandardKey.Undo, window._undo))
    edit.addAction(window._action(window.tr("&Redo"), QKeySequence.StandardKey.Redo, window._redo))

    note = bar.addMenu(window.tr("&Note"))
    window.sign_action = QAction(window.tr("&Sign and lock…"), window)
    window.sign_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    window.sign_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # editor owns it
    window.sign_action.triggered.connect(window.editor.sign)
    note.addAction(window.sign_action)
    note.addAction(window._action(window.tr("&Add addendum"), None, window._focus_addendum))
    note.addAction(
        window._action(
            window.tr("&Print or save this note…"),
            None,
            lambda: record_actions.open_documents(window, "note"),
        )
    )

    brief_actions.add_actions(window, case, note)

    help_menu = bar.addMenu(window.tr("&Help"))
    help_menu.addAction(
        window._action(window.tr("&Keyboard shortcuts"), "F1", lambda: _show_shortcuts(window))
    )
    help_menu.addAction(window._action(window.tr("&About"), None, window._about))
    window._update_actions()


def _numbered(number: int) -> str:
    """An Alt letter for a number in a short list: its first digit, or for 10 its last
    (2, 5, 10, 15, 30, 60 become 2, 5, 0, 1, 3, 6)."""
    text = str(number)
    return f"{text[:-1]}&{text[-1]}" if number == 10 else f"&{text}"


def _set_idle_minutes(window: MainWindow, minutes: int) -> None:
    window.settings.idle_lock_minutes = minutes
    window.idle_minutes_changed.emit(minutes)


def _focused_text(window: MainWindow) -> QPlainTextEdit | None:
    w = QApplication.focusWidget()
    return w if isinstance(w, QPlainTextEdit) else None


def _undo(window: MainWindow) -> None:
    w = window._focused_text()
    if w is not None:
        w.undo()


def _redo(window: MainWindow) -> None:
    w = window._focused_text()
    if w is not None:
        w.redo()


def _focus_filter(window: MainWindow) -> None:
    _show_case_list(window, True)
    window.case_list.filter.setFocus()
    window.case_list.filter.selectAll()


def _focus_addendum(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.editor)
    window.editor.show_addendum_box()


def _show_note(window: MainWindow) -> None:
    """Ctrl+1: the note, with the cursor in its first field, wherever focus was."""
    window.tabs.setCurrentWidget(window.editor)
    if window.editor.note is not None:
        window.editor.focus_first_field()
    elif window.case_panel.case is not None and window.case_panel.model.rowCount():
        window.case_panel.table.setFocus()


def _show_case_list(window: MainWindow, on: bool) -> None:
    """View ▸ Case list (Ctrl+B): fold the left pane away to give the note the width, and
    bring it back. Dragging the divider to the edge does the same."""
    sizes = window.splitter.sizes()
    if on and (sizes[0] == 0 or window.left.isHidden()):
        window.left.show()
        left = max(window.left.sizeHint().width(), window.left.minimumSizeHint().width())
        window.splitter.setSizes([left, max(1, sum(sizes) - left)])
    elif not on and sizes[0] > 0:
        window.splitter.setSizes([0, sum(sizes)])
    case_list_folded(window)


def case_list_folded(window: MainWindow) -> None:
    """A folded case list is hidden too, so Tab never lands in it unseen."""
    folded = window.splitter.sizes()[0] == 0
    window.left.setHidden(folded)
    window.case_list_action.setChecked(not folded)


def _show_shortcuts(window: MainWindow) -> None:
    from clarity_desktop.ui.main.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.exec()
    dialog.deleteLater()


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        window.tr("About %s") % APP_NAME,
        window.tr("%s %s\nRecords, session notes and five-step tracking for couples therapists.")
        % (APP_NAME, __version__),
    )


def _show_audit(window: MainWindow) -> None:
    case = window.case_panel.case
    AuditDialog(window.practice, window, case.id if case else None).exec()


def _change_passphrase(window: MainWindow) -> None:
    if PassphraseDialog(window.practice, window).exec():
        window.statusBar().showMessage(window.tr("Passphrase changed."), 5000)

"""Alt letters and shortcuts: no two things in one place answer to the same Alt letter
(today Alt+N, Alt+E and Alt+D each did two things), no two actions share a shortcut, and
Help ▸ Keyboard shortcuts lists every one, read from the program itself."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import cases, notes, sessions, staff
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.settings import ServerChoice, Settings
from clarity_desktop.ui.documents.brief_view import BriefDialog
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.main.search_dialog import SearchDialog
from clarity_desktop.ui.main.shortcuts_dialog import ShortcutsDialog, mnemonic
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.note.session_mode import SessionModeWindow
from clarity_desktop.ui.practice.audit_dialog import AuditDialog
from clarity_desktop.ui.practice.create_practice import CreatePracticeWindow
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from clarity_desktop.ui.practice.server_connect import ServerConnectDialog
from clarity_desktop.ui.practice.staff_dialogs import AddPersonDialog, AssignCaseDialog
from clarity_desktop.ui.practice.staff_window import StaffWindow
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.pg_practice import ADMIN, PgPractices
from tests.ui.conftest import ModalAnswerer, click_button


def letter(text: str) -> str:
    return mnemonic(text).upper()


def clashes(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Letters claimed by more than one (letter, what) pair."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for key, what in pairs:
        if key:
            by_letter[key].append(what)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def window_letters(window: QWidget) -> list[tuple[str, str]]:
    """Every Alt letter live in *window* now: its menu bar, tab bars, and the buttons and
    labelled fields it shows (hidden ones do not answer to their letter)."""
    found: list[tuple[str, str]] = []
    bar = getattr(window, "menuBar", None)
    if bar is not None:
        found += [(letter(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QTabBar):
            found += [
                (letter(widget.tabText(i)), f"tab {widget.tabText(i)}")
                for i in range(widget.count())
            ]
        elif isinstance(widget, QAbstractButton):
            found.append((letter(widget.text()), f"button {widget.text()}"))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((letter(widget.text()), f"label {widget.text()}"))
    return found


def menus(window: QMainWindow) -> list[tuple[str, QMenu]]:
    out: list[tuple[str, QMenu]] = []

    def walk(title: str, menu: QMenu) -> None:
        out.append((title, menu))
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(f"{title} ▸ {action.text()}", sub)

    for action in window.menuBar().actions():
        top = action.menu()
        assert isinstance(top, QMenu)
        walk(action.text(), top)
    return out


@pytest.fixture
def main(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> MainWindow:
    """The couple case open on a joint draft."""
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.case_list.select_case(couple_case.id)
    window.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: window.editor.note is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def menu_items_checked(window: QMainWindow) -> int:
    """Every menu item of *window* has an Alt letter of its own within its menu; how
    many items there are."""
    assert clashes((letter(a.text()), a.text()) for a in window.menuBar().actions()) == {}
    seen = 0
    for title, menu in menus(window):
        items = [a for a in menu.actions() if not a.isSeparator()]
        missing = [a.text() for a in items if not letter(a.text())]
        assert missing == [], f"{title}: items without an Alt letter: {missing}"
        found = clashes((letter(a.text()), a.text()) for a in items)
        assert found == {}, f"{title}: one letter for several items: {found}"
        seen += len(items)
    return seen


def test_every_menu_gives_each_item_its_own_letter(main: MainWindow) -> None:
    assert menu_items_checked(main) > 30


def test_the_window_letters_never_clash_with_a_draft_or_a_signed_note_open(
    main: MainWindow, practice: OpenPractice
) -> None:
    assert clashes(window_letters(main)) == {}
    letters = dict(window_letters(main))
    # The three that clashed before, now each with one owner.
    assert letters["N"] == "menu &Note" and letters["E"] == "menu &Edit"
    assert letters["D"] == "tab Case &dashboard"

    editor = main.editor
    assert editor.note is not None
    editor.section_edits()[0].setPlainText("They named the loop together.")
    assert editor.save_now()
    case = main.case_panel.case
    assert case is not None
    editor.show_note(notes.sign_note(practice.uow(), editor.note.id), case.partners)
    assert editor.addendum_button.isVisibleTo(main)
    assert clashes(window_letters(main)) == {}

    # And an empty practice, where the case list offers its two buttons.
    main.case_panel.clear()
    main.editor.clear()
    assert clashes(window_letters(main)) == {}


def test_the_dialogs_do_not_clash_either(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    note = notes.note_for_session(practice.uow(), session.id)
    shown: list[QWidget] = [
        BriefDialog(practice, cases.open_case(practice.uow(), couple_case.id), session.id),
        SessionModeWindow(practice, note, couple_case.partners, 50),
        CaseDialog(None, existing=couple_case),
        CaseDialog(None),
        SessionDialog(None, couple_case),
        SearchDialog(practice),
        AuditDialog(practice),
        RecoveryKeyDialog("ABCD-EFGH", None, practice_folder=practice.folder),
        UnlockWindow(practice.folder),
        CreatePracticeWindow(practice.folder.parent / "other"),
    ]
    for widget in shown:
        qtbot.addWidget(widget)
        widget.show()
        if isinstance(widget, SearchDialog):
            widget.set_open_case(couple_case.id, couple_case.display_name)
        assert clashes(window_letters(widget)) == {}, type(widget).__name__


def test_the_administrator_s_staff_window_and_its_dialogs_do_not_clash(
    qtbot: QtBot, pg_practices: PgPractices, tmp_path: Path, settings: Settings
) -> None:
    """The window an administrator signs in to a practice server with, the dialogs it
    opens, and the connect form (with servers remembered)."""
    dbname = pg_practices.new_database(tmp_path)
    ada = pg_practices.unlock(dbname, ADMIN, tmp_path / "ada")
    try:
        window = StaffWindow(ada, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.staff.table.model().rowCount() > 0)
        assert menu_items_checked(window) > 8
        assert clashes(window_letters(window)) == {}
        settings.last_server = ServerChoice("h", 5432, dbname, ADMIN.login, tmp_path / "ca")
        people = staff.staff_list(ada)
        shown: list[QWidget] = [
            AddPersonDialog(ada),
            AssignCaseDialog(ada, [], people),
            PassphraseDialog(ada, server=True),
            ServerConnectDialog(settings.last_server, settings=settings),
        ]
        for widget in shown:
            qtbot.addWidget(widget)
            widget.show()
            assert clashes(window_letters(widget)) == {}, type(widget).__name__
    finally:
        ada.close()


def all_key_texts(main: MainWindow) -> set[str]:
    keys: set[str] = set()
    for action in main.findChildren(QAction):
        for sequence in action.shortcuts():
            keys.add(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    for shortcut in main.findChildren(QShortcut):
        for sequence in shortcut.keys():  # noqa: SIM118
            keys.add(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    return {k for k in keys if k}


def test_help_keyboard_shortcuts_lists_every_shortcut_read_from_the_actions(
    qtbot: QtBot, modal: ModalAnswerer, main: MainWindow
) -> None:
    # An action added now shows too: the list is read from the window, not kept by hand.
    extra = QAction("Look up a thing", main)
    extra.setShortcut(QKeySequence("Ctrl+Shift+J"))
    main.addAction(extra)
    defined = all_key_texts(main)
    assert {"Ctrl+F", "Ctrl+1", "Ctrl+Shift+S", "Ctrl+B", "Ctrl+Return", "Ctrl+Shift+J"} <= defined

    seen: list[list[str]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        seen.append(dialog.texts())
        tree = dialog.tree
        shown = [
            tree.topLevelItem(i).child(j).text(0)
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())
        ]
        seen.append(shown)
        dialog.reject()

    modal.answer(ShortcutsDialog, read)
    help_menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Help")
    assert isinstance(help_menu, QMenu)
    entry = next(a for a in help_menu.actions() if "Keyboard" in a.text())
    entry.trigger()
    assert seen, "Help ▸ Keyboard shortcuts did not open"
    lines, keys_shown = seen
    missing = sorted(k for k in defined if k not in keys_shown)
    assert missing == [], f"shortcuts not listed: {missing}"
    assert any(line.endswith("Look up a thing") for line in lines)
    assert any(line.startswith("Ctrl+Shift+S") and "Sign" in line for line in lines)
    # The Alt letters are there too, from the menus, tabs and buttons themselves.
    assert "Alt+N" in keys_shown and "Alt+D" in keys_shown and "Alt+W" in keys_shown


def test_no_two_actions_share_a_shortcut(main: MainWindow) -> None:
    """Qt makes an ambiguous shortcut do nothing at all: each key does one thing."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in main.findChildren(QAction):
        if action.parent() is not main:
            continue
        for sequence in action.shortcuts():
            owners[sequence.toString()].append(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_signing_asks_with_a_button_that_says_sign_note(
    qtbot: QtBot, modal: ModalAnswerer, main: MainWindow
) -> None:
    editor = main.editor
    editor.section_edits()[0].setPlainText("Distance since the move.")
    seen: list[list[str]] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        click_button(box, "Sign note")

    modal.answer(QMessageBox, answer)
    with qtbot.waitSignal(editor.note_signed, timeout=5000):
        qtbot.keyClick(
            editor.section_edits()[0],
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert "Sign note" in seen[0] and "&Yes" not in seen[0] and "Yes" not in seen[0]


def test_ctrl_enter_files_an_addendum_after_asking(
    qtbot: QtBot, modal: ModalAnswerer, main: MainWindow, practice: OpenPractice
) -> None:
    editor = main.editor
    assert editor.note is not None
    editor.section_edits()[0].setPlainText("Distance since the move.")
    assert editor.save_now()
    case = main.case_panel.case
    assert case is not None
    editor.show_note(notes.sign_note(practice.uow(), editor.note.id), case.partners)
    box = editor.addendum_edit
    box.setFocus()
    qtbot.keyClicks(box, "Correction: the move was in May.")

    # Asked first; "Cancel" keeps the text and adds nothing.
    modal.answer(QMessageBox, lambda m: click_button(m, "Cancel"))
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notes.open_note(practice.uow(), editor.note.id).addenda == ()
    assert box.toPlainText() == "Correction: the move was in May."

    questions: list[str] = []

    def add(m: QWidget) -> None:
        assert isinstance(m, QMessageBox)
        questions.append(m.text())
        click_button(m, "Add addendum")

    modal.answer(QMessageBox, add)
    main.activateWindow()  # offscreen, a closed message box does not hand activation back
    qtbot.waitUntil(main.isActiveWindow)
    box.setFocus()
    with qtbot.waitSignal(editor.addendum_added, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "cannot be changed" in questions[0]
    added = notes.open_note(practice.uow(), editor.note.id).addenda
    assert [a.body for a in added] == ["Correction: the move was in May."]


def test_note_add_addendum_scrolls_to_the_box_and_puts_the_cursor_there(
    qtbot: QtBot, main: MainWindow, practice: OpenPractice
) -> None:
    editor = main.editor
    assert editor.note is not None
    for edit in editor.section_edits():
        edit.setPlainText("\n".join(f"Line {i} of a long section." for i in range(25)))
    assert editor.save_now()
    case = main.case_panel.case
    assert case is not None
    editor.show_note(notes.sign_note(practice.uow(), editor.note.id), case.partners)
    main.resize(1280, 720)
    qtbot.wait(50)
    scroll = editor.note_scroll
    scroll.verticalScrollBar().setValue(0)
    assert not visible_in(scroll, editor.addendum_edit), "the box starts out of view"
    note_menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Note")
    assert isinstance(note_menu, QMenu)
    next(a for a in note_menu.actions() if "addendum" in a.text()).trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.addendum_edit)
    assert visible_in(scroll, editor.addendum_edit)
    assert visible_in(scroll, editor.addendum_button)


def visible_in(scroll: object, widget: QWidget) -> bool:
    from PySide6.QtWidgets import QScrollArea

    assert isinstance(scroll, QScrollArea)
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = widget.mapTo(viewport, widget.rect().bottomLeft())
    return top_left.y() >= 0 and bottom.y() <= viewport.height()

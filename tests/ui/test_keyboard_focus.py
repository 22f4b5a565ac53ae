"""Where the keyboard lands: typing right after a new session, or after Ctrl+1, goes into
the note's first field, whatever had focus before (the session list, the case filter)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.session_dialog import SessionDialog
from tests.ui.conftest import ModalAnswerer

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def press(qtbot: QtBot, main: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    """A key combination as the user presses it: to whatever has focus in the window."""
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    target = QApplication.focusWidget() or main
    qtbot.keyClick(target, key, mods)


def type_here(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a user does without looking."""
    widget = QApplication.focusWidget()
    assert isinstance(widget, QWidget), "nothing has the keyboard focus"
    qtbot.keyClicks(widget, text)


def test_typing_after_a_new_session_lands_in_the_first_note_field(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    sessions.create_session(practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9)))
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    # The therapist was arrowing through the session list when the couple arrived.
    main.case_panel.table.setFocus()
    qtbot.keyClick(main.case_panel.table, Qt.Key.Key_Down)
    modal.answer(SessionDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    press(qtbot, main, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: main.editor.note is not None and len(main.case_panel.model._rows) == 2)
    main.activateWindow()  # offscreen, a closed dialog does not hand activation back
    qtbot.waitUntil(main.isActiveWindow)
    type_here(qtbot, "They arrived late")
    first = main.editor.section_edits()[0]
    assert first.toPlainText() == "They arrived late"
    qtbot.waitUntil(lambda: not main.editor.dirty, timeout=5000)
    saved = notes.open_note(practice.uow(), main.editor.note.id)  # type: ignore[union-attr]
    assert saved.sections[first.key] == "They arrived late"


def test_ctrl_1_puts_the_cursor_in_the_note_from_anywhere(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    created = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(created.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    for away in (main.case_panel.table, main.case_list.filter, main.case_list.table):
        away.setFocus()
        press(qtbot, main, Qt.Key.Key_2, CTRL)  # the dashboard first, then back
        press(qtbot, main, Qt.Key.Key_1, CTRL)
        assert main.tabs.currentWidget() is main.editor
        assert QApplication.focusWidget() is main.editor.section_edits()[0]
    type_here(qtbot, "Opened with the weekend.")
    assert main.editor.section_edits()[0].toPlainText() == "Opened with the weekend."


def test_new_session_from_the_button_while_the_dashboard_shows(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    main.tabs.setCurrentWidget(main.dashboard)
    main.case_list.table.setFocus()
    modal.answer(SessionDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    qtbot.mouseClick(main.case_panel.new_session, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    assert main.tabs.currentWidget() is main.editor
    type_here(qtbot, "First words")
    assert main.editor.section_edits()[0].toPlainText() == "First words"

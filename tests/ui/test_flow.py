"""From an empty folder to a signed note with an addendum, found again by search:
the whole first-day path, driven through the real windows by keyboard and mouse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.services import cases, notes, practices, search
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.practice.create_practice import CreatePracticeWindow
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.ui.conftest import ModalAnswerer, click_button

PASS = "a quiet harbour at dawn"


def shortcut(
    qtbot: QtBot,
    window: QWidget,
    key: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key combination in *window*, as a user would once it is in front.
    (Offscreen, a closed dialog does not hand activation back by itself.)"""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, mods)


def create_practice_through_window(
    qtbot: QtBot, modal: ModalAnswerer, folder: Path, settings: Settings
) -> tuple[AppController, MainWindow, str]:
    controller = AppController(folder, settings=settings)
    controller.start()
    window = controller.window
    assert isinstance(window, CreatePracticeWindow)
    qtbot.keyClicks(window.name, "Dana Reyes")
    qtbot.keyClicks(window.credentials, "LMFT")
    qtbot.keyClicks(window.passphrase, PASS)
    qtbot.keyClicks(window.repeat, PASS)
    shown_key: list[str] = []

    def store_key(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryKeyDialog)
        shown_key.append(dialog.key_label.text())
        assert not dialog.ok.isEnabled()  # cannot continue before saying it is stored
        qtbot.mouseClick(
            dialog.stored, Qt.MouseButton.LeftButton, pos=dialog.stored.rect().center()
        )
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    modal.answer(RecoveryKeyDialog, store_key)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as blocker:
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    main = blocker.args[0]
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    return controller, main, shown_key[0]


def test_first_day_create_case_session_note_sign_addendum_search(
    qtbot: QtBot, modal: ModalAnswerer, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "practice"
    controller, main, recovery = create_practice_through_window(qtbot, modal, folder, settings)
    assert main.case_list.empty.isVisible() or main.case_list.model.rowCount() == 0

    # A new couple case, typed into the dialog.
    def fill_case(dialog: QWidget) -> None:
        assert isinstance(dialog, CaseDialog)
        qtbot.keyClicks(dialog.partner1.name, "  Eleni ")
        # QTest types ASCII only; other scripts arrive as an input method would deliver them.
        dialog.partner2.name.setFocus()
        dialog.partner2.name.insert("Дмитрий")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal.answer(CaseDialog, fill_case)
    shortcut(qtbot, main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.case_panel.case is not None)
    case = main.case_panel.case
    assert case is not None and case.display_name == "Eleni & Дмитрий"
    assert main.case_list.model.rowCount() == 1

    # A joint session with the defaults.
    modal.answer(SessionDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    shortcut(
        qtbot,
        main,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: main.editor.note is not None)
    editor = main.editor

    # Write the note: a section, a step tag, each partner's step.
    first = editor.section_edits()[0]
    first.setFocus()
    qtbot.keyClicks(first, "They described the evening walk as a turning point.")
    qtbot.mouseClick(editor.step_buttons[list(editor.step_buttons)[2]], Qt.MouseButton.LeftButton)
    partner_ids = list(editor.partner_steps)
    editor.partner_steps[partner_ids[0]].setFocus()
    for _ in range(3):
        qtbot.keyClick(editor.partner_steps[partner_ids[0]], Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    assert editor.save_state.text().startswith("Saved")

    saved = notes.open_note(main.practice.uow(), editor.note.id)  # type: ignore[union-attr]
    assert "evening walk" in saved.sections["focus"]
    assert [int(s) for s in saved.steps] == [3]
    assert int(saved.partner_steps[partner_ids[0]]) == 3
    # The case panel shows where that partner now stands.
    assert "3 · Lean In" in main.case_panel.partners.text()

    # Sign: the confirmation says the note will be locked.
    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert "locked" in box.text()
        click_button(box, "Sign note")  # the button says what it does

    modal.answer(QMessageBox, confirm)
    with qtbot.waitSignal(editor.note_signed, timeout=5000):
        qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    assert editor.note is not None and editor.note.signed
    assert "Signed electronically by Dana Reyes, LMFT" in editor.signature.text()
    assert all(e.isReadOnly() for e in editor.section_edits())
    assert not editor.step_buttons[list(editor.step_buttons)[0]].isEnabled()
    assert main.case_panel.model.index(0, 4).data() == "Signed"

    # An addendum under the signed note.
    qtbot.keyClicks(editor.addendum_edit, "Correction: the walk was on Sunday, not Saturday.")
    with qtbot.waitSignal(editor.addendum_added, timeout=5000):
        qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    assert editor.addendum_edit.toPlainText() == ""
    signed = notes.open_note(main.practice.uow(), editor.note.id)
    assert [a.body for a in signed.addenda] == ["Correction: the walk was on Sunday, not Saturday."]

    # Find it again with Ctrl+F, from another place in the program.
    main.editor.clear()
    shortcut(qtbot, main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = main.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "sunday")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    assert "addendum" in dialog.model.index(0, 0).data()
    assert "<b" in dialog.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 10)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.editor.note is not None and main.editor.note.id == signed.id

    # The recovery key shown once really unlocks the practice.
    assert practices.unlock_practice(folder, recovery, recovery=True) is not None


def test_lock_returns_to_unlock_screen_and_wrong_passphrase_is_explained(
    qtbot: QtBot, modal: ModalAnswerer, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "practice"
    controller, main, _ = create_practice_through_window(qtbot, modal, folder, settings)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        shortcut(qtbot, main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert not main.isVisible()
    assert "Dana" not in unlock.windowTitle()

    qtbot.keyClicks(unlock.passphrase, "not the passphrase")
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlock.error.isVisible(), timeout=5000)
    assert "does not unlock" in unlock.error.text()

    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASS)
    with qtbot.waitSignal(controller.main_window_shown, timeout=5000) as blocker:
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    again = blocker.args[0]
    qtbot.addWidget(again)
    assert again.practice.clinician.signature == "Dana Reyes, LMFT"


def test_draft_text_is_saved_when_focus_leaves_and_survives_reopening(
    qtbot: QtBot, modal: ModalAnswerer, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "practice"
    controller, main, _ = create_practice_through_window(qtbot, modal, folder, settings)
    from datetime import datetime

    from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
    from clarity_desktop.services import sessions

    case = cases.create_case(
        main.practice.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Ngozi"),))
    )
    session = sessions.create_session(
        main.practice.uow(), case.id, SessionInput(datetime(2026, 11, 2, 9))
    )
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.reload_cases()
    main.case_list.select_case(case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    edit = main.editor.section_edits()[1]
    edit.setFocus()
    qtbot.keyClicks(edit, "Said aloud for the first time that she feels unsure.")
    assert main.editor.dirty
    main.case_list.filter.setFocus()  # focus leaves the editor: saved at once
    QApplication.processEvents()
    assert not main.editor.dirty
    hits = search.search_notes(main.practice.uow(), "unsure")
    assert [h.session_id for h in hits] == [session.id]

    # Undo in the editor, through the Edit menu's shortcut.
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " Extra")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Extra" not in edit.toPlainText()
    qtbot.keyClick(
        edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert edit.toPlainText().endswith("unsure. Extra")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # What undo leaves is what gets saved.
    qtbot.waitUntil(lambda: not main.editor.dirty, timeout=5000)
    assert search.search_notes(main.practice.uow(), "extra") == []


def test_dialog_buttons_exist_for_keyboard_users(qtbot: QtBot) -> None:
    # The recovery key dialog cannot be dismissed with Esc before the key is stored.
    dialog = RecoveryKeyDialog("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.stored.setChecked(True)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

"""What the program put on the clipboard does not outlive the lock, and the recovery key
does not stay there for more than 30 seconds (KeePassXC's habit).

Qt's offscreen platform keeps its clipboard inside the process, so here everything on it
was put there by the program; that what another program copied survives a lock is
checked on a real X11 clipboard by test_clipboard_x11.py.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, practices, sessions
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE

NOTE = "Ama said she has felt unseen since the baby came; Kofi went quiet."
KEY = "K7QM-2XHD-9TRW-4PLA-66JC-EN3B"


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: object) -> None:
    QGuiApplication.clipboard().clear()


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def unlocked(qtbot: QtBot, tmp_path: Path) -> tuple[AppController, MainWindow]:
    folder = tmp_path / "practice"
    opened, _ = practices.create_practice(folder, PASSPHRASE, PASSPHRASE, "Dana Reyes", "LMFT")
    case = cases.create_case(
        opened.uow(), CaseInput(CaseKind.COUPLE, "", (PartnerInput("Ama"), PartnerInput("Kofi")))
    )
    sessions.create_session(opened.uow(), case.id, SessionInput(datetime(2026, 11, 9, 10)))
    opened.close()
    ini = str(tmp_path / "settings.ini")
    controller = AppController(
        folder, settings=Settings(QSettings(ini, QSettings.Format.IniFormat))
    )
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as shown:
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    main = shown.args[0]
    qtbot.addWidget(main)
    main.case_list.select_case(case.id)
    main.case_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    return controller, main


def test_note_text_copied_with_ctrl_c_is_gone_once_the_practice_locks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, main = unlocked(qtbot, tmp_path)
    edit = main.editor.section_edits()[0]
    edit.setFocus()
    qtbot.keyClicks(edit, NOTE)
    edit.selectAll()
    qtbot.keySequence(edit, QKeySequence(QKeySequence.StandardKey.Copy))
    assert clipboard_text() == NOTE  # the therapist copied it, to paste somewhere
    with qtbot.waitSignal(controller.locked, timeout=10000):
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == ""


def copy_button(dialog: RecoveryKeyDialog) -> QPushButton:
    (button,) = [
        b
        for b in dialog.findChildren(QPushButton)
        if b.accessibleName() == "Copy the recovery key to the clipboard"
    ]
    return button


def test_the_recovery_key_leaves_the_clipboard_after_30_seconds(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clarity_desktop.ui.common.clipboard import clipboard_guard

    guard = clipboard_guard()
    clock = FakeClock()
    monkeypatch.setattr(guard, "clock", clock)
    dialog = RecoveryKeyDialog(KEY)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(copy_button(dialog), Qt.MouseButton.LeftButton)
    assert clipboard_text() == KEY
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"  # no history
    assert guard.secret_timer.isActive()
    assert guard.secret_timer.interval() == 30_000

    clock.now += 29.5
    guard.secret_timer.timeout.emit()  # the timer fires early: not yet 30 s by the clock
    assert clipboard_text() == KEY
    assert guard.secret_timer.isActive()
    clock.now += 0.5
    guard.secret_timer.timeout.emit()
    assert clipboard_text() == ""


def test_the_30_second_clearing_spares_what_was_copied_after_the_key(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clarity_desktop.ui.common.clipboard import clipboard_guard

    guard = clipboard_guard()
    clock = FakeClock()
    monkeypatch.setattr(guard, "clock", clock)
    dialog = RecoveryKeyDialog(KEY)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(copy_button(dialog), Qt.MouseButton.LeftButton)
    QGuiApplication.clipboard().setText("Dana Reyes, LMFT")
    clock.now += 31
    guard.secret_timer.timeout.emit()
    assert clipboard_text() == "Dana Reyes, LMFT"


def test_locking_clears_the_recovery_key_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    controller, main = unlocked(qtbot, tmp_path)
    dialog = RecoveryKeyDialog(KEY, main)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(copy_button(dialog), Qt.MouseButton.LeftButton)
    assert clipboard_text() == KEY
    with qtbot.waitSignal(controller.locked, timeout=10000):
        controller.lock_now()
    assert clipboard_text() == ""

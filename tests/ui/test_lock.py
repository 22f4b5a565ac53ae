"""Locking: after a quiet spell (with a controllable clock) and on Ctrl+L. Locked means
no client data visible anywhere; unlocking returns to the same place with drafts intact.
Repeated wrong passphrases are slowed down and logged at the next unlock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, practices, sessions
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def visible_text() -> str:
    """Everything a person could read on screen right now."""
    parts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        parts.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, QLabel | QLineEdit):
                parts.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                parts.append(w.toPlainText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m = w.model()
                for r in range(m.rowCount()):
                    for c in range(m.columnCount()):
                        parts.append(str(m.index(r, c).data() or ""))
    return "\n".join(parts)


def unlocked(
    qtbot: QtBot, tmp_path: Path, settings: Settings, clock: FakeClock
) -> tuple[AppController, MainWindow, int]:
    folder = tmp_path / "practice"
    opened, _ = practices.create_practice(folder, PASSPHRASE, PASSPHRASE, "Dana Reyes", "LMFT")
    case = cases.create_case(
        opened.uow(),
        CaseInput(CaseKind.COUPLE, "", (PartnerInput("Marisol"), PartnerInput("Teodor"))),
    )
    sessions.create_session(opened.uow(), case.id, SessionInput(datetime(2026, 11, 9, 10)))
    opened.close()
    controller = AppController(folder, settings=settings, clock=clock)
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as blocker:
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    main = blocker.args[0]
    qtbot.addWidget(main)
    main.case_list.select_case(case.id)
    main.case_panel.table.selectRow(0)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    return controller, main, case.id


def test_idle_lock_hides_every_client_detail_and_unlock_returns_with_the_draft(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    clock = FakeClock()
    controller, main, case_id = unlocked(qtbot, tmp_path, settings, clock)
    edit = main.editor.section_edits()[0]
    edit.setFocus()
    qtbot.keyClicks(edit, "Teodor described the drive home")
    assert "Marisol" in visible_text()

    clock.now += 9 * 60
    controller.idle.check()
    assert main.isVisible()  # nine quiet minutes: not yet
    # A dialog left open with client details in it.
    dialog = CaseDialog(main, existing=main.case_panel.case)
    dialog.show()
    clock.now += 2 * 60
    with qtbot.waitSignal(controller.locked, timeout=5000):
        controller.idle.check()
    assert not main.isVisible() and not dialog.isVisible()
    shown = visible_text()
    for secret in ("Marisol", "Teodor", "drive home"):
        assert secret not in shown
    assert controller.practice is None  # the engine, and with it the key, is gone

    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000):
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    assert main.isVisible()
    assert main.case_panel.case is not None and main.case_panel.case.id == case_id
    assert main.editor.section_edits()[0].toPlainText() == "Teodor described the drive home"
    assert not main.editor.dirty  # it was saved before locking


def test_activity_keeps_the_practice_open(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    clock = FakeClock()
    controller, main, _ = unlocked(qtbot, tmp_path, settings, clock)
    for _ in range(4):
        clock.now += 4 * 60
        qtbot.keyClick(main.case_list.filter, Qt.Key.Key_A)
        controller.idle.check()
    assert main.isVisible()


def test_wrong_passphrases_are_slowed_and_logged_at_the_next_unlock(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    clock = FakeClock()
    controller, main, _ = unlocked(qtbot, tmp_path, settings, clock)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        main.lock()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    for attempt in range(2):
        unlock.passphrase.setText(f"wrong {attempt}")
        with qtbot.waitSignal(unlock.attempt_failed, timeout=5000):
            unlock.try_unlock()
    # After the second miss the window makes the user wait before trying again.
    assert not unlock.unlock_button.isEnabled()
    assert "wait" in unlock.status.text()
    qtbot.waitUntil(unlock.unlock_button.isEnabled, timeout=5000)
    unlock.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000):
        unlock.try_unlock()
    assert controller.practice is not None
    with controller.practice.uow() as uow:
        failed = (
            uow.session.execute(select(AuditEvent).where(AuditEvent.action == "unlock_failed"))
            .scalars()
            .all()
        )
    assert len(failed) == 2

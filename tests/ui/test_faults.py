"""Faults a therapist may meet, each with a clear message and nothing lost: a full
disk while typing, a read-only practice folder, damage found after opening. (A second
window on the same practice: tests/faults/test_second_window.py.)"""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, practices, search, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store.errors import PracticeReadOnly
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note import autosave, note_editor
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE


def test_a_full_disk_keeps_the_text_says_so_and_saves_when_there_is_room(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 10, 9))
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(s.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    real = notes.save_draft
    disk_full = [True]

    def failing(*args: object, **kwargs: object) -> object:
        if disk_full[0]:
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(note_editor.notes, "save_draft", failing)
    monkeypatch.setattr(autosave, "RETRY_MS", 100)
    edit = main.editor.section_edits()[0]
    qtbot.keyClicks(edit, "Written while the disk filled up")
    assert not main.editor.save_now()
    assert "no room left on the disk" in main.editor.save_state.text()
    assert edit.toPlainText() == "Written while the disk filled up"
    disk_full[0] = False  # room again
    qtbot.waitUntil(lambda: not main.editor.dirty, timeout=5000)
    assert main.editor.save_state.text().startswith("Saved")
    assert [h.session_id for h in search.search_notes(practice.uow(), "filled")] == [s.id]


def _unlock(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    assert isinstance(window, UnlockWindow)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)


def test_a_read_only_practice_folder_is_explained(practice: OpenPractice, tmp_path: Path) -> None:
    folder = practice.folder
    practice.close()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr is not available here")
    try:
        with pytest.raises(PracticeReadOnly, match="cannot be written to"):
            practices.unlock_practice(folder, PASSPHRASE)
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    practices.unlock_practice(folder, PASSPHRASE).close()


def test_damage_found_after_opening_is_explained_with_a_way_back(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from clarity_desktop.domain.errors import ErrorCode, Wording

    folder = practice.folder
    practice.close()
    damaged = Wording(ErrorCode.INTEGRITY_DAMAGED_PAGES, folder=folder, count=17)
    monkeypatch.setattr(practices, "integrity_problems", lambda opened: [damaged])
    shown: list[str] = []
    details: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append(box.text()) or details.append(box.detailedText()) or 0,
    )
    controller = AppController(folder, settings=settings)
    controller.start()
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as blocker:
        _unlock(qtbot, controller)
    qtbot.addWidget(blocker.args[0])
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "damage" in shown[0] and "backup" in shown[0]
    assert "has damaged pages (17 found)." in details[0]

"""The safety net as a therapist meets it: audit viewer, passphrase change, backup now,
restore, the backup made at close, a damaged practice offered its newest backup, and a
recovery-key unlock asking for a new passphrase."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import backups, cases, practices
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.audit_dialog import AuditDialog
from clarity_desktop.ui.practice.backup_actions import (
    back_up_now,
    restore_from_backup,
    undo_last_restore,
)
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.restore_dialog import RestoreDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE
from tests.ui.conftest import ModalAnswerer

NEW = "tide pools at low water"


def main_window(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    return main


def test_audit_viewer_filters_verifies_and_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
) -> None:
    cases.open_case(practice.uow(), couple_case.id)
    dialog = AuditDialog(practice)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    total = dialog.model.rowCount()
    dialog.case.setCurrentIndex(dialog.case.findData(couple_case.id))
    assert 0 < dialog.model.rowCount() < total
    assert {dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())} == {
        couple_case.display_name
    }
    dialog.verify()
    assert "intact" in dialog.status.text()


def test_change_passphrase_dialog_keeps_the_dialog_open_on_a_mistake(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    dialog = PassphraseDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not the passphrase")
    qtbot.keyClicks(dialog.new, NEW)
    qtbot.keyClicks(dialog.repeat, NEW)
    dialog.accept()
    assert dialog.isVisible() and "does not unlock" in dialog.error.text()
    dialog.current.setText(PASSPHRASE)
    dialog.accept()
    assert not dialog.isVisible()
    folder = practice.folder
    practices.unlock_practice(folder, NEW).close()


def test_back_up_now_writes_a_verified_copy_to_the_chosen_folder(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = main_window(qtbot, practice, settings)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    shown: list[str] = []
    modal.answer(QMessageBox, lambda box: (shown.append(box.text()), box.accept()))  # type: ignore[attr-defined, func-returns-value]
    back_up_now(main.commands)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "verified" in shown[0]
    [copy] = backups.list_backups(stick)
    assert copy.case_count == 1


def test_restore_from_the_menu_replaces_the_records_and_keeps_the_window(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        rows = [dialog.list.item(i).toolTip() for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(rows.index(str(info.folder)))  # the one made below
        dialog.accept()

    cases.create_case(practice.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Kept"),)))
    info = backups.backup_now(practice)
    cases.create_case(practice.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Later"),)))
    main = main_window(qtbot, practice, settings)
    main.reload_cases()
    assert main.case_list.model.rowCount() == 2
    modal.answer(RestoreDialog, choose)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    answers = iter([QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    replaced: list[object] = []
    main.practice_replaced.connect(replaced.append)
    restore_from_backup(main.commands)
    assert replaced and main.practice is replaced[0]
    assert [
        main.case_list.model.case_at(r).display_name for r in range(main.case_list.model.rowCount())
    ] == ["Kept"]
    # Practice > Undo the last restore brings "Later" back.
    answers = iter([QMessageBox.StandardButton.Yes])
    undo_last_restore(main.commands)
    assert sorted(
        main.case_list.model.case_at(r).display_name for r in range(main.case_list.model.rowCount())
    ) == ["Kept", "Later"]


def test_closing_the_program_makes_a_verified_automatic_backup(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    main = main_window(qtbot, practice, settings)
    main.close()
    autos = [
        b for b in backups.list_backups(backups.backups_root(practice.folder)) if b.kind == "auto"
    ]
    assert len(autos) == 1 and autos[0].case_count == 1


@pytest.mark.parametrize("damage", ["bit-flipped page 1", "truncated"])
def test_a_damaged_practice_is_offered_its_newest_backup(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, damage: str
) -> None:
    backups.backup_now(practice, kind=BackupKind.AUTO)
    folder = practice.folder
    practice.close()
    db = folder / "practice.clarity"
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    else:
        for i in range(100, 4096, 7):
            data[i] ^= 0x5A  # flip bits across page 1
    db.write_bytes(bytes(data))
    damaged_bytes = bytes(data)
    window = UnlockWindow(folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(window.restore_button.isVisible, timeout=10000)
    assert "damaged" in window.error.text()
    with qtbot.waitSignal(window.unlocked, timeout=15000) as blocker:
        qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    opened = blocker.args[0]
    try:
        assert [c.display_name for c in cases.list_cases(opened.uow())] == [
            couple_case.display_name
        ]
    finally:
        opened.close()
    # The damaged file was kept, byte for byte, beside the backups.
    kept = [p for p in (folder / "backups").rglob("practice.clarity") if "before-restore" in str(p)]
    assert kept and kept[0].read_bytes() == damaged_bytes


def test_unlocking_with_the_recovery_key_asks_for_a_new_passphrase(
    qtbot: QtBot, practice: OpenPractice, recovery_key: str, settings: Settings
) -> None:
    folder = practice.folder
    practice.close()
    controller = AppController(folder, settings=settings)
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    unlock.use_recovery.setChecked(True)
    qtbot.keyClicks(unlock.passphrase, recovery_key.lower())
    with qtbot.waitSignal(controller.main_window_shown, timeout=10000) as blocker:
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    main: QWidget = blocker.args[0]
    qtbot.addWidget(main)
    dialogs = [w for w in main.findChildren(PassphraseDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.accept()
    assert not dialog.isVisible()
    assert controller.practice is not None
    main.close()  # makes its backup at close, with the practice still open
    controller.practice.close()
    practices.unlock_practice(folder, NEW).close()


def test_audit_viewer_names_the_practice_keys_in_words(qtbot: QtBot) -> None:
    """Rows about the client directory's key and the emergency key (a practice server)
    name them, not the table behind them."""
    from clarity_desktop.services.audit import AuditRow
    from clarity_desktop.ui.practice.audit_dialog import AuditTableModel

    model = AuditTableModel()
    at = datetime(2026, 12, 7, 9, 0)
    rows = [
        AuditRow(1, at, "Sam Okafor", "key_rotated", "emergency", None, None, "", ""),
        AuditRow(2, at, "Ada Lind", "key_shared", "directory", None, None, "", ""),
    ]
    model.set_rows(rows)
    assert [model.record(r) for r in rows] == [
        "the practice's emergency key",
        "the client directory",
    ]

"""Documents and case export reached from the main window's menus."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from tests.ui.conftest import ModalAnswerer


def test_documents_open_from_the_case_menu_with_the_open_case(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    assert not main.documents_action.isEnabled()
    main.case_list.select_case(couple_case.id)
    assert main.documents_action.isEnabled()
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        seen.append(dialog.windowTitle())
        dialog.close()

    from clarity_desktop.ui.documents.document_dialog import DocumentDialog

    modal.answer(DocumentDialog, look)
    main.documents_action.trigger()
    assert seen


def test_export_case_from_the_menu_writes_the_zip(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.case_list.select_case(couple_case.id)
    target = tmp_path / "records.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    from clarity_desktop.ui.case import record_actions
    from clarity_desktop.ui.documents.export_dialog import ExportDialog

    def export_then_close(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.exported.connect(lambda _s: (told.append(dialog.status.text()), dialog.accept()))
        dialog.export()

    modal.answer(ExportDialog, export_then_close)
    record_actions.export_case(main.commands)
    assert told and "not encrypted" in told[0]
    with zipfile.ZipFile(target) as z:
        assert "case.json" in z.namelist()

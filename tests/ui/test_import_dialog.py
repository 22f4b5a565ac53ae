"""The import dialog, driven like a therapist would: choose a CSV file, read the preview
and the rows that cannot be imported, settle the date order, tick to skip, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.csv_clients import PreviewRow
from clarity_desktop.domain.records import PartnerInput
from clarity_desktop.services import cases
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store.uow import UnitOfWork
from clarity_desktop.ui.documents.import_dialog import ImportDialog, ImportPreviewModel

TODAY = date(2025, 6, 1)
CLIENTS = (
    "First name;Surname;DOB;Email;Mobile\n"
    "Amira;Haddad;25/03/1985;amira@example.org;555 0100\n"
    "مريم;حداد 🌷;03/04/1990;;\n"
    " ; ;01/01/1990;x@example.org;\n"
    "Bo;Li;2999-01-01;;\n"
)


@pytest.fixture
def dialog(qtbot: QtBot, practice: OpenPractice) -> ImportDialog:
    d = ImportDialog(practice, today=TODAY)
    qtbot.addWidget(d)
    d.show()
    return d


def choose(qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    asked: list[Any] = []

    def fake_open(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(path), "CSV files (*.csv *.tsv *.txt)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert asked
    qtbot.waitUntil(lambda: dialog.summary_label.text().endswith("."), timeout=5000)


def cell(dialog: ImportDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def test_choosing_a_file_previews_rows_rejections_and_imports_with_skip(
    qtbot: QtBot,
    dialog: ImportDialog,
    practice: OpenPractice,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(CLIENTS, encoding="utf-8-sig")
    choose(qtbot, dialog, monkeypatch, path)

    assert dialog.path_edit.text() == str(path)
    assert dialog.model.rowCount() == 2
    assert [cell(dialog, 0, c) for c in range(6)] == [
        "2",
        "Amira Haddad",
        "",
        "25 March 1985",
        "amira@example.org",
        "555 0100",
    ]
    assert cell(dialog, 1, ImportPreviewModel.NAME) == "مريم حداد 🌷"
    assert cell(dialog, 1, ImportPreviewModel.BIRTH) == "3 April 1990"  # the file is day first
    assert "day first" in dialog.notes_label.text()
    assert dialog.date_box.isVisible() and dialog.day_first_button.isChecked()
    rejected = [dialog.rejected_list.item(i).text() for i in range(dialog.rejected_list.count())]
    assert rejected == [
        "Line 4: The name is empty.",
        "Line 5: The date of birth 2999-01-01 is in the future.",
    ]
    assert dialog.summary_label.text() == "2 clients will be added; 2 rows cannot be imported."
    assert not dialog.import_button.isEnabled()
    assert "cannot be imported" in dialog.hint_label.text()

    dialog.skip_rejected.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.clients_imported, timeout=5000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    ids = done.args[0]
    assert len(ids) == 2 and dialog.created_case_ids == ids
    assert not dialog.isVisible()
    listed = {c.display_name for c in cases.list_cases(practice.uow())}
    assert listed == {"Amira Haddad", "مريم حداد 🌷"}


def test_the_date_order_is_asked_when_the_file_cannot_tell(
    qtbot: QtBot,
    dialog: ImportDialog,
    practice: OpenPractice,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("Name,DOB\nAmira,03/04/1985\n", encoding="utf-8")
    choose(qtbot, dialog, monkeypatch, path)
    assert dialog.date_box.isVisible()
    assert not dialog.day_first_button.isChecked() and not dialog.month_first_button.isChecked()
    assert cell(dialog, 0, ImportPreviewModel.BIRTH) == ""
    assert "day first and month first" in cell(dialog, 0, ImportPreviewModel.WARNINGS)
    tip = dialog.model.index(0, ImportPreviewModel.WARNINGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "03/04/1985" in tip
    assert not dialog.import_button.isEnabled()
    assert "choose which order" in dialog.hint_label.text()

    qtbot.mouseClick(dialog.month_first_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(dialog, 0, ImportPreviewModel.BIRTH) == "4 March 1985")
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.day_first_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(dialog, 0, ImportPreviewModel.BIRTH) == "3 April 1985")
    with qtbot.waitSignal(dialog.clients_imported, timeout=5000):
        dialog.import_button.click()
    (summary,) = cases.list_cases(practice.uow())
    born = cases.read_case(practice.uow(), summary.id).partners[0].date_of_birth
    assert born == date(1985, 4, 3)


def test_a_file_that_cannot_be_read_is_explained_and_nothing_can_be_imported(
    qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("Invoice,Amount\n1,20\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    dialog.choose_button.click()
    qtbot.waitUntil(dialog.error_banner.isVisible, timeout=5000)
    assert "none of its names is one that is known" in dialog.error_banner.message()
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_cancelling_the_file_chooser_changes_nothing(
    qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    dialog.choose_button.click()
    assert dialog.path_edit.text() == "" and dialog.summary_label.text() == ""
    assert not dialog.import_button.isEnabled()


def test_a_failed_import_says_nothing_was_imported_and_keeps_the_dialog_open(
    qtbot: QtBot,
    dialog: ImportDialog,
    practice: OpenPractice,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("Name\nAmira\nBo\n", encoding="utf-8")
    choose(qtbot, dialog, monkeypatch, path)

    real = UnitOfWork.audit

    def disk_full(uow: UnitOfWork, action: str, *args: Any, **kwargs: Any) -> None:
        if action == "imported":  # after the rows went in, before the commit
            raise OSError(28, "No space left on device")
        real(uow, action, *args, **kwargs)

    monkeypatch.setattr(UnitOfWork, "audit", disk_full)
    dialog.import_button.click()
    qtbot.waitUntil(dialog.error_banner.isVisible, timeout=5000)
    assert dialog.error_banner.message().startswith("Nothing was imported:")
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert cases.list_cases(practice.uow()) == []


def test_the_preview_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ImportPreviewModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            PreviewRow(2, PartnerInput("Amira Haddad", "she/her", date(1985, 3, 25), "a@b.org")),
            PreviewRow(3, PartnerInput("مريم 🌷"), ("Same name as line 9; check.",)),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(1, ImportPreviewModel.WARNINGS), Qt.ItemDataRole.DecorationRole)
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Line"

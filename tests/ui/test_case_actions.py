"""Editing, closing and reopening a case from the main window; layout remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from tests.ui.conftest import ModalAnswerer


def open_main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def test_edit_case_sets_a_safety_flag_and_the_banner_shows(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    assert not main.case_panel.banner.isVisible()

    def flag(dialog: QWidget) -> None:
        assert isinstance(dialog, CaseDialog)
        assert dialog.partner1.name.text() == "Zoë"  # prefilled
        qtbot.mouseClick(
            dialog.safety_flag, Qt.MouseButton.LeftButton, pos=dialog.safety_flag.rect().center()
        )
        qtbot.keyClicks(dialog.safety_note, "Screened at intake; see individual notes.")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal.answer(CaseDialog, flag)
    qtbot.keyClick(main, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.case_panel.banner.isVisible())
    assert "Screened at intake" in main.case_panel.banner.text()
    assert cases.open_case(practice.uow(), couple_case.id).safety_flag
    assert main.case_list.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_close_case_asks_then_hides_it_from_active_and_reopen_brings_it_back(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    modal.answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    main.close_case_action.trigger()
    assert cases.open_case(practice.uow(), couple_case.id).status is CaseStatus.CLOSED
    assert not main.new_session_action.isEnabled()
    assert not main.case_panel.new_session.isEnabled()
    main.reopen_case_action.trigger()
    assert cases.open_case(practice.uow(), couple_case.id).status is CaseStatus.ACTIVE
    assert main.new_session_action.isEnabled()


def test_window_layout_is_remembered_between_runs(
    qtbot: QtBot, practice: OpenPractice, settings: Settings
) -> None:
    first = open_main(qtbot, practice, settings)
    first.resize(760, 560)  # within the offscreen screen
    first.splitter.setSizes([150, 220, 360])
    sizes = first.splitter.sizes()
    first.close()
    second = open_main(qtbot, practice, settings)
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes() == sizes


def test_a_likely_duplicate_client_is_asked_about_before_a_new_case(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = open_main(qtbot, practice, settings)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CaseDialog)
        dialog.individual_button.setChecked(True)
        qtbot.keyClicks(dialog.partner1.name, "zoe")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal.answer(CaseDialog, fill)
    main.new_case()
    assert asked and "Zoë" in asked[0] and couple_case.display_name in asked[0]
    assert len(cases.list_cases(practice.uow())) == 2

"""A session's life in the window, on a real practice: scheduled as a series from the
case, warned about an overlap, started with the cursor in the note, cancelled late with
a reason shown in the list, a draft's details corrected, an empty draft discarded, and
an empty note refused before any "Sign?" is asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import cases, sessions
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.models import SessionTableModel
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.safety.call_off_dialog import CallOffDialog
from tests.services.conftest import record_session
from tests.ui.conftest import ModalAnswerer

__all__ = ["record_session"]

TOMORROW = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


def open_case(qtbot: QtBot, practice: OpenPractice, settings: Settings, case_id: int) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.case_list.select_case(case_id)
    qtbot.waitUntil(lambda: main.case_panel.case is not None)
    return main


def statuses(main: MainWindow) -> list[str]:
    model = main.case_panel.model
    return [model.index(r, SessionTableModel.NOTE).data() for r in range(model.rowCount())]


def stored(practice: OpenPractice, case_id: int) -> list[SessionView]:
    detail = cases.read_case(practice.uow(), case_id)
    return sorted(detail.sessions, key=lambda s: s.starts_at)


def set_when(dialog: SessionDialog, when: datetime) -> None:
    dialog.starts_at.setDateTime(
        QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
    )


def test_a_fortnightly_series_is_scheduled_from_the_case(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
) -> None:
    main = open_case(qtbot, practice, settings, couple_case.id)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, SessionDialog) and dialog.mode == "schedule"
        assert not dialog.template_combo.isVisible()  # chosen when the note is made
        assert dialog.repeat_combo.isVisible() and not dialog.count.isEnabled()
        set_when(dialog, TOMORROW)
        dialog.repeat_combo.setCurrentIndex(2)  # every two weeks
        assert dialog.count.isEnabled()
        dialog.count.setValue(4)
        dialog.telehealth_button.setChecked(True)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal.answer(SessionDialog, fill)
    qtbot.mouseClick(main.case_panel.schedule, Qt.MouseButton.LeftButton)
    rows = stored(practice, couple_case.id)
    assert [s.starts_at for s in rows] == [TOMORROW + timedelta(days=14 * i) for i in range(4)]
    assert {(s.status, s.modality.value) for s in rows} == {(SessionStatus.SCHEDULED, "telehealth")}
    assert statuses(main) == ["Scheduled"] * 4


def test_an_overlap_is_asked_about_and_no_keeps_the_diary_as_it_was(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
) -> None:
    sessions.schedule_sessions(practice.uow(), individual_case.id, SessionInput(TOMORROW))
    main = open_case(qtbot, practice, settings, couple_case.id)
    asked: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, SessionDialog)
        set_when(dialog, TOMORROW + timedelta(minutes=20))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    def cancel_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, SessionDialog)
        dialog.reject()

    def decline(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        modal.answer(SessionDialog, cancel_dialog)  # the dialog comes back: close it then
        box.button(QMessageBox.StandardButton.No).click()

    modal.answer(SessionDialog, fill)
    modal.answer(QMessageBox, decline)
    qtbot.mouseClick(main.case_panel.schedule, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Søren Ødegård" in asked[0]
    assert stored(practice, couple_case.id) == []


def test_a_booked_session_has_no_note_until_start_then_typing_lands_in_it(
    qtbot: QtBot, practice: OpenPractice, settings: Settings, couple_case: CaseDetail
) -> None:
    today = datetime.now().replace(hour=23, minute=0, second=0, microsecond=0)
    sessions.schedule_sessions(practice.uow(), couple_case.id, SessionInput(today))
    main = open_case(qtbot, practice, settings, couple_case.id)
    main.case_panel.select_session(stored(practice, couple_case.id)[0].id)
    bar = main.case_panel.session_bar
    assert main.editor.note is None  # nothing to write in yet, and no error either
    assert bar.state.text().startswith("Scheduled for")
    assert bar.buttons["start"].isEnabled() and bar.buttons["discard"].isEnabled()
    qtbot.mouseClick(bar.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    first = main.editor.section_edits()[0]
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "Opening words")
    assert main.editor.save_now()
    assert statuses(main) == ["Draft"]
    assert not bar.buttons["start"].isEnabled() and bar.buttons["change"].isEnabled()


def test_a_late_cancellation_keeps_its_reason_in_the_session_list(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
) -> None:
    sessions.schedule_sessions(practice.uow(), couple_case.id, SessionInput(TOMORROW))
    main = open_case(qtbot, practice, settings, couple_case.id)
    main.case_panel.select_session(stored(practice, couple_case.id)[0].id)

    def late(dialog: QWidget) -> None:
        assert isinstance(dialog, CallOffDialog)
        dialog.choices[SessionStatus.LATE_CANCELLED].setChecked(True)
        qtbot.keyClicks(dialog.reason, "Called an hour before: car broke down")
        qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)

    modal.answer(CallOffDialog, late)
    qtbot.mouseClick(main.case_panel.session_bar.buttons["cancel"], Qt.MouseButton.LeftButton)
    [s] = stored(practice, couple_case.id)
    assert (s.status, s.status_reason) == (
        SessionStatus.LATE_CANCELLED,
        "Called an hour before: car broke down",
    )
    assert statuses(main) == ["Late cancellation: Called an hour before: car broke down"]
    bar = main.case_panel.session_bar
    assert "Reason: Called an hour before" in bar.state.text()
    assert not any(b.isEnabled() for b in bar.buttons.values())


def test_a_drafts_details_are_corrected_and_an_empty_draft_discarded(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    s = record_session(couple_case.id, TOMORROW - timedelta(days=2))
    main = open_case(qtbot, practice, settings, couple_case.id)
    main.case_panel.select_session(s.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, SessionDialog) and dialog.mode == "correct"
        assert dialog.duration.value() == 50  # prefilled from the session
        dialog.duration.setValue(75)
        zoe = couple_case.partners[0].id
        dialog.partner_buttons[zoe].setChecked(True)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal.answer(SessionDialog, correct)
    qtbot.mouseClick(main.case_panel.session_bar.buttons["change"], Qt.MouseButton.LeftButton)
    [fixed] = stored(practice, couple_case.id)
    assert (fixed.duration_minutes, fixed.attending_label, fixed.note_private) == (75, "Zoë", True)
    assert main.editor.note is not None and main.editor.note.attending_label == "Zoë"

    modal.answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Discard).click())  # type: ignore[attr-defined]
    qtbot.mouseClick(main.case_panel.session_bar.buttons["discard"], Qt.MouseButton.LeftButton)
    assert stored(practice, couple_case.id) == []
    assert main.editor.note is None and statuses(main) == []


def test_an_empty_note_is_refused_before_any_sign_question(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    s = record_session(couple_case.id, TOMORROW - timedelta(days=1))
    main = open_case(qtbot, practice, settings, couple_case.id)
    main.case_panel.select_session(s.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    shown: list[str] = []

    def note_it(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        ok = box.button(QMessageBox.StandardButton.Ok)
        (ok or box.button(QMessageBox.StandardButton.Cancel)).click()

    modal.answer(QMessageBox, note_it)
    main.editor.sign()
    assert shown == ["An empty note cannot be signed; write the note first."]
    assert not stored(practice, couple_case.id)[0].note_signed

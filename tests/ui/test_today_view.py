"""Today, the home view, on a real practice: shown when the window opens and on Ctrl+0;
Start opens the new note with the cursor in it; drafts say their age in words as well
as in colour; other parts can add row buttons; quitting or locking by hand with today's
notes unsigned asks once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.today import DaySession
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.today_models import DaySessionModel, DraftModel
from clarity_desktop.ui.practice.today_view import TodayView
from tests.services.conftest import note_draft, record_session
from tests.ui.conftest import ModalAnswerer

__all__ = ["record_session"]

NOW = datetime.now().replace(second=0, microsecond=0)


def open_main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def book(practice: OpenPractice, case_id: int, at: datetime) -> SessionView:
    return sessions.schedule_sessions(practice.uow(), case_id, SessionInput(at)).sessions[0]


@pytest.fixture
def busy_day(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> dict[str, SessionView]:
    """A booked session later today, tomorrow's, and drafts 2 hours, 30 hours and 5 days old."""
    return {
        "booked": book(practice, couple_case.id, NOW.replace(hour=23, minute=0)),
        "tomorrow": book(practice, individual_case.id, NOW + timedelta(days=1)),
        "fresh": record_session(couple_case.id, NOW - timedelta(hours=2)),
        "amber": record_session(couple_case.id, NOW - timedelta(hours=30)),
        "red": record_session(individual_case.id, NOW - timedelta(days=5)),
    }


def test_every_today_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, practice: OpenPractice, busy_day: dict[str, SessionView]
) -> None:
    view = TodayView(practice)
    qtbot.addWidget(view)
    view.refresh()
    for model in (view.sessions_model, view.drafts_model, view.handouts_model, view.quiet_model):
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert view.sessions_model.rowCount() >= 2 and view.drafts_model.rowCount() == 3


def test_the_window_opens_on_today_and_start_puts_the_cursor_in_the_new_note(
    qtbot: QtBot, practice: OpenPractice, settings: Settings, busy_day: dict[str, SessionView]
) -> None:
    main = open_main(qtbot, practice, settings)
    assert main.tabs.currentWidget() is main.today
    today = main.today
    rows = [today.sessions_model.row_at(r).session for r in range(today.sessions_model.rowCount())]
    booked = busy_day["booked"]
    row = next(i for i, s in enumerate(rows) if s.session_id == booked.id)
    assert today.sessions_model.index(row, DaySessionModel.STATUS).data() == "Scheduled"
    [start] = [b for b in today.action_buttons(row) if b.text() == "Start"]
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.tabs.currentWidget() is main.editor
    assert main.editor.note is not None and main.editor.note.session_id == booked.id
    first = main.editor.section_edits()[0]
    qtbot.waitUntil(first.hasFocus)
    # What is typed now lands in the note, not in some list that kept the focus.
    qtbot.keyClicks(QApplication.focusWidget(), "They arrived early and sat apart.")
    assert main.editor.save_now()
    saved = notes.open_note(practice.uow(), main.editor.note.id)
    assert saved.sections[first.key] == "They arrived early and sat apart."
    assert main.case_panel.case is not None and main.case_panel.case.id == booked.case_id
    # Back on Today (Ctrl+0) the session reads as a draft with an Open button.
    qtbot.keyClick(main, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert main.tabs.currentWidget() is today
    row = next(
        r
        for r in range(today.sessions_model.rowCount())
        if today.sessions_model.row_at(r).session.session_id == booked.id
    )
    assert today.sessions_model.index(row, DaySessionModel.STATUS).data() == "Note draft"
    assert [b.text() for b in today.action_buttons(row)] == ["Open note"]


def test_a_drafts_age_is_in_words_and_in_colour(
    qtbot: QtBot, practice: OpenPractice, busy_day: dict[str, SessionView]
) -> None:
    view = TodayView(practice)
    qtbot.addWidget(view)
    view.refresh()
    model = view.drafts_model
    ages = [model.index(r, DraftModel.AGE).data() for r in range(model.rowCount())]
    assert ages == ["5 days: over three days, please sign soon", "1 day: over a day", "Under a day"]
    tones = appearance.tones()
    backs = [model.index(r, DraftModel.AGE).data(Qt.ItemDataRole.BackgroundRole) for r in range(3)]
    assert isinstance(backs[0], QBrush) and backs[0].color().name() == tones.alert_back
    assert isinstance(backs[1], QBrush) and backs[1].color().name() == tones.caution_back
    assert backs[2] is None


def test_enter_on_a_draft_opens_its_note(
    qtbot: QtBot, practice: OpenPractice, settings: Settings, busy_day: dict[str, SessionView]
) -> None:
    main = open_main(qtbot, practice, settings)
    table = main.today.drafts
    table.setFocus()
    table.selectRow(0)  # the oldest: five days
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.editor.note is not None
    assert main.editor.note.session_id == busy_day["red"].id
    assert main.tabs.currentWidget() is main.editor


def test_other_parts_can_add_a_button_to_each_booked_session(
    qtbot: QtBot, practice: OpenPractice, busy_day: dict[str, SessionView]
) -> None:
    view = TodayView(practice)
    qtbot.addWidget(view)
    asked: list[int] = []
    view.add_session_action(
        "Brief",
        lambda s: s.status is SessionStatus.SCHEDULED,
        lambda s: asked.append(s.session_id),
        "Brief before this session",
    )
    view.refresh()
    booked_rows = [
        r
        for r in range(view.sessions_model.rowCount())
        if view.sessions_model.row_at(r).session.status is SessionStatus.SCHEDULED
    ]
    assert len(booked_rows) == 2
    for r in booked_rows:
        assert [b.text() for b in view.action_buttons(r)] == ["Start", "Brief"]
    [brief] = [b for b in view.action_buttons(booked_rows[0]) if b.text() == "Brief"]
    assert brief.accessibleName() == "Brief before this session"
    qtbot.mouseClick(brief, Qt.MouseButton.LeftButton)
    first: DaySession = view.sessions_model.row_at(booked_rows[0]).session
    assert asked == [first.session_id]


def test_an_empty_practice_says_one_thing_per_list(qtbot: QtBot, practice: OpenPractice) -> None:
    view = TodayView(practice)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    shown = [label.text() for label in view.empty.values() if label.isVisible()]
    assert shown == [
        "Nothing booked for the next seven days.",
        "Every note is signed.",
        "No handouts recorded at the last session of the cases you see soon.",
        "Every active case had a session in the last 30 days.",
    ]
    assert not any(table.isVisible() for table in view.empty)


def notes_question(modal: ModalAnswerer, seen: list[str], answer: str) -> None:
    def respond(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == answer]
        button.click()

    modal.answer(QMessageBox, respond)


def test_quitting_with_todays_notes_unsigned_asks_once(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    today = record_session(couple_case.id, NOW.replace(hour=0, minute=1))
    main = open_main(qtbot, practice, settings)
    main.tabs.setCurrentWidget(main.editor)
    seen: list[str] = []
    notes_question(modal, seen, "Show the notes")
    main.quit_by_hand()
    assert main.isVisible()  # stayed
    assert main.tabs.currentWidget() is main.today
    assert seen == ["1 note from today's sessions is not signed yet:\n• Zoë & Łukasz, " + "00:01"]
    main.quit_by_hand()  # asked already: no second question
    assert not main.isVisible()
    assert len(seen) == 1
    assert today.note_id is not None


def test_locking_by_hand_asks_but_locking_after_inactivity_never_does(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    record_session(couple_case.id, NOW.replace(hour=0, minute=1))
    main = open_main(qtbot, practice, settings)
    with qtbot.waitSignal(main.lock_requested, timeout=2000):
        main.lock()  # what the idle timer and the screen lock call: no question
    assert modal.answered == []
    main.show()
    seen: list[str] = []
    notes_question(modal, seen, "Lock now")
    with qtbot.waitSignal(main.lock_requested, timeout=5000):
        main.lock_by_hand()
    assert len(seen) == 1 and "not signed yet" in seen[0]


def test_no_question_when_todays_notes_are_signed(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    s = record_session(couple_case.id, NOW.replace(hour=0, minute=1))
    assert s.note_id is not None
    notes.save_draft(practice.uow(), s.note_id, note_draft({"focus": "Done."}))
    notes.sign_note(practice.uow(), s.note_id)
    main = open_main(qtbot, practice, settings)
    main.quit_by_hand()
    assert not main.isVisible() and modal.answered == []
    assert cases.open_case(practice.uow(), couple_case.id).sessions[0].note_signed


def test_a_new_session_from_today_puts_the_cursor_in_the_note(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    couple_case: CaseDetail,
) -> None:
    from clarity_desktop.ui.note.session_dialog import SessionDialog

    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    assert main.tabs.currentWidget() is main.today
    modal.answer(SessionDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    main.new_session_action.trigger()
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.tabs.currentWidget() is main.editor
    main.activateWindow()  # offscreen, a closed dialog does not hand activation back
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.waitUntil(main.editor.section_edits()[0].hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "First words")
    assert main.editor.save_now()
    assert main.editor.note is not None
    assert "First words" in notes.open_note(practice.uow(), main.editor.note.id).sections.values()

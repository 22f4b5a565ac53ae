"""Session mode on a real practice, driven by keys as a therapist would tap them without
looking: markers written at once, undone, kept apart from typing in the pad; the timer on
an injected clock; and the review that fills the note only once confirmed."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.dynamics import CoupleReading, Loop
from clarity_desktop.domain.markers import MOMENTS_KEY, PAD_KEY, MarkerKind
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import markers, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteView
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.note import session_mode as mode_module
from clarity_desktop.ui.note.session_mode import SessionModeWindow, clock_text
from clarity_desktop.ui.note.session_review import ReviewDialog
from tests.services.conftest import note_draft
from tests.ui.conftest import ModalAnswerer


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def fresh_start_times() -> None:
    mode_module._STARTED.clear()


def open_note(practice: OpenPractice, case: CaseDetail, attending: int | None = None) -> NoteView:
    view = sessions.create_session(
        practice.uow(),
        case.id,
        SessionInput(starts_at=datetime(2025, 3, 4, 10), attending_partner_id=attending),
    )
    return notes.note_for_session(practice.uow(), view.id)


def make_window(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, note: NoteView, clock: Clock
) -> SessionModeWindow:
    window = SessionModeWindow(practice, note, case.partners, 50, clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def kinds(practice: OpenPractice, note: NoteView) -> list[tuple[str, int | None, int | None]]:
    return [
        (m.kind.value, m.partner_id, m.other_partner_id)
        for m in markers.session_markers(practice.uow(), note.session_id)
    ]


def test_one_key_markers_are_stored_at_once_and_undone(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    assert window.keys.hasFocus()
    assert "1" in window.keys.legend[0].text()
    assert window.keys.legend[1].text() == "Zoë pursued · Łukasz withdrew"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_C, Qt.Key.Key_R):
        qtbot.keyClick(window.keys, key)
    assert kinds(practice, note) == [
        ("loop_episode", zoe, lukasz),
        ("loop_episode", lukasz, zoe),
        ("flooding", lukasz, None),
        ("co_regulation", None, None),
        ("repair_attempt", None, None),
    ]
    qtbot.keyClick(window.keys, Qt.Key.Key_L)  # the repair landed
    assert markers.session_markers(practice.uow(), note.session_id)[-1].landed is True
    assert window.list.count() == 5
    assert window.list.item(0).text().endswith("Repair attempt, landed.")
    qtbot.keyClick(window.keys, Qt.Key.Key_Backspace)
    assert window.list.count() == 4
    assert window.last.text() == "Undone: Repair attempt, landed."
    qtbot.keyClick(window.keys, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [k for k, *_ in kinds(practice, note)] == ["loop_episode", "loop_episode", "flooding"]


def test_a_quote_opens_a_small_line_and_keeps_who_said_it(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    qtbot.keyClick(window.keys, Qt.Key.Key_Q)
    assert window.quote_row.isVisible() and window.quote.hasFocus()
    qtbot.keyClicks(window.quote, "I just want to know you are still here")
    window.speaker.setCurrentIndex(1)
    qtbot.keyClick(window.quote, Qt.Key.Key_Return)
    assert not window.quote_row.isVisible() and window.keys.hasFocus()
    (quote,) = markers.session_markers(practice.uow(), note.session_id)
    assert (quote.kind, quote.partner_id, quote.text) == (
        MarkerKind.QUOTE,
        couple_case.partners[0].id,
        "I just want to know you are still here",
    )
    # Esc drops a quote half typed.
    qtbot.keyClick(window.keys, Qt.Key.Key_Q)
    qtbot.keyClicks(window.quote, "never mind")
    qtbot.keyClick(window.quote, Qt.Key.Key_Escape)
    assert len(markers.session_markers(practice.uow(), note.session_id)) == 1
    assert window.isVisible()  # Esc never closes session mode


def test_keys_type_in_the_pad_while_writing_and_mark_again_after_esc(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    qtbot.keyClick(window.keys, Qt.Key.Key_Return)
    assert window.pad.hasFocus() and window.writing
    assert window.state.text() == "Writing — Esc to mark moments"
    qtbot.keyClicks(window.pad, "1 2 C R the kitchen again")
    assert markers.session_markers(practice.uow(), note.session_id) == ()
    qtbot.waitUntil(
        lambda: (
            notes.open_note(practice.uow(), note.id).sections.get(PAD_KEY)
            == "1 2 C R the kitchen again"
        ),
        timeout=5000,
    )
    qtbot.keyClick(window.pad, Qt.Key.Key_Escape)
    assert window.keys.hasFocus() and not window.writing
    assert window.state.text() == "Marking — Enter to write in the pad"
    qtbot.keyClick(window.keys, Qt.Key.Key_1)
    assert len(markers.session_markers(practice.uow(), note.session_id)) == 1


def test_the_timer_runs_on_its_clock_and_says_when_the_session_runs_over(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    clock = Clock()
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, clock)
    assert window.timer_label.text() == "00:00"
    clock.now += 23 * 60 + 14
    window.tick()
    assert window.timer_label.text() == "23:14"
    assert window.timer_label.toolTip() == "Time since session mode opened"
    clock.now += 30 * 60
    window.tick()
    assert window.timer_label.text() == "53:14"
    assert window.timer_label.toolTip() == "Past the planned length"
    assert clock_text(3 * 3600 + 5) == "3:00:05"
    # Opened again for the same session, the timer goes on.
    window.finish()
    again = make_window(qtbot, practice, couple_case, note, clock)
    assert again.timer_label.text() == "53:14"


def test_an_individual_session_marks_flooding_of_the_one_in_the_room(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    lukasz = couple_case.partners[1]
    note = open_note(practice, couple_case, attending=lukasz.id)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    qtbot.keyClick(window.keys, Qt.Key.Key_1)  # no loop with one person in the room
    qtbot.keyClick(window.keys, Qt.Key.Key_C)
    qtbot.keyClick(window.keys, Qt.Key.Key_F)
    assert kinds(practice, note) == [("flooding", lukasz.id, None)]
    assert window.keys.legend[1].text() == "Łukasz flooded"


def test_ending_reviews_then_fills_the_note_only_when_saved(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, modal: ModalAnswerer
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_R, Qt.Key.Key_N):
        qtbot.keyClick(window.keys, key)
    seen: list[str] = []

    def go_back(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewDialog)
        seen.append(dialog.moments.toPlainText())
        assert dialog.partner_boxes[zoe].position.currentData() == 2
        assert dialog.partner_boxes[zoe].flooded.isChecked()
        assert dialog.couple_box is not None
        assert dialog.couple_box.intensity.value() == 3 + 2 + 2
        qtbot.mouseClick(dialog.back, Qt.MouseButton.LeftButton)

    modal.answer(ReviewDialog, go_back)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()  # back in the session
    assert "2 loop episodes (Zoë pursued 2)" in seen[0]
    assert MOMENTS_KEY not in notes.open_note(practice.uow(), note.id).sections

    def change_and_save(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewDialog)
        assert dialog.couple_box is not None
        dialog.couple_box.intensity.setValue(5)
        dialog.moments.appendPlainText("Both stayed to the end.")
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    modal.answer(ReviewDialog, change_and_save)
    with qtbot.waitSignal(window.ended, timeout=5000):
        qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    saved = notes.open_note(practice.uow(), note.id)
    assert saved.couple_reading == CoupleReading(
        loops=frozenset({Loop.PURSUE_WITHDRAW}),
        intensity=5,
        co_regulation=False,
        repair_attempts=1,
        repairs_landed=0,
    )
    assert saved.partner_readings[zoe].position == 2 and saved.partner_readings[zoe].flooded
    assert saved.partner_readings[lukasz].position == -2
    moments = saved.sections[MOMENTS_KEY]
    assert "Repair attempt, did not land." in moments
    assert moments.endswith("Both stayed to the end.")


def test_markers_of_a_signed_note_cannot_be_tapped(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    note = open_note(practice, couple_case)
    window = make_window(qtbot, practice, couple_case, note, Clock())
    notes.save_draft(practice.uow(), note.id, note_draft({"focus": "Held."}))
    notes.sign_note(practice.uow(), note.id)
    qtbot.keyClick(window.keys, Qt.Key.Key_1)
    assert markers.session_markers(practice.uow(), note.session_id) == ()
    assert window.last.text().startswith("Not marked: This session's note is signed")


def test_the_window_going_while_its_review_is_open_ends_quietly(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    """The practice locking (or the program quitting) can take the window away while the
    end-of-session review waits for an answer; ending must then stop, not touch the gone
    window (found as a RuntimeError on a busy CI machine)."""
    from PySide6.QtCore import QTimer

    note = open_note(practice, couple_case)
    window = SessionModeWindow(practice, note, couple_case.partners, 50, clock=Clock())
    window.show()
    errors: list[BaseException] = []
    QTimer.singleShot(100, window.deleteLater)  # fires inside the review's own event loop
    try:
        window.end_session()
    except RuntimeError as exc:  # the defect: the gone window's keys touched
        errors.append(exc)
    assert errors == []

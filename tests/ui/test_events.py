"""The app-wide events (ui/common/events.py): every one is heard, and each view refreshes
only what the event touched (a new session or a signature never reloads the case list)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QMetaMethod, Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case import session_actions
from clarity_desktop.ui.common.events import AppEvents
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.session_dialog import SessionDialog
from tests.ui.conftest import ModalAnswerer


@pytest.fixture
def main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def list_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts reads of the whole case list from the database."""
    calls: list[int] = []
    real: Callable[..., Any] = cases.list_cases

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cases, "list_cases", counted)
    return calls


def sessions_shown(main: MainWindow, case_id: int) -> str:
    row = main.case_list.model.row_of(case_id)
    assert row is not None
    return str(main.case_list.model.index(row, 2).data(Qt.ItemDataRole.DisplayRole))


def test_every_event_has_a_listener(main: MainWindow) -> None:
    meta = AppEvents.staticMetaObject
    signals = [
        meta.method(i)
        for i in range(meta.methodOffset(), meta.methodCount())
        if meta.method(i).methodType() == QMetaMethod.MethodType.Signal
    ]
    assert len(signals) >= 8
    unheard = [
        bytes(s.name().data()).decode() for s in signals if not main.events.isSignalConnected(s)
    ]
    assert unheard == []


def test_a_new_session_updates_its_case_without_reloading_the_list(
    qtbot: QtBot,
    modal: ModalAnswerer,
    main: MainWindow,
    couple_case: CaseDetail,
    list_reads: list[int],
) -> None:
    main.reload_cases()
    main.case_list.select_case(couple_case.id)
    qtbot.waitUntil(lambda: main.case_panel.case is not None)
    assert sessions_shown(main, couple_case.id) == "0"
    list_reads.clear()

    modal.answer(SessionDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return))
    main.new_session_action.trigger()
    qtbot.waitUntil(lambda: main.editor.note is not None)

    assert sessions_shown(main, couple_case.id) == "1"  # the list's row, updated
    assert main.case_panel.model.rowCount() == 1  # the open case shows it
    assert main.tabs.currentWidget() is main.editor
    assert list_reads == []  # and the whole list was not read again


def test_signing_a_note_takes_it_off_today_without_reloading_the_list(
    qtbot: QtBot,
    main: MainWindow,
    practice: OpenPractice,
    couple_case: CaseDetail,
    list_reads: list[int],
) -> None:
    now = datetime.now().replace(second=0, microsecond=0)
    session = sessions.create_session(practice.uow(), couple_case.id, SessionInput(starts_at=now))
    main.reload_cases()
    main.show_today()
    assert main.today.drafts_model.rowCount() == 1  # today's note, still to sign
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        NoteDraft(Template.FIVE_STEPS, {"focus": "Both attended."}, frozenset(), {}, False),
    )
    list_reads.clear()

    signed = notes.sign_note(practice.uow(), session.note_id)
    main.events.note_signed.emit(signed.id)

    qtbot.waitUntil(lambda: main.today.drafts_model.rowCount() == 0)
    assert list_reads == []


def test_imported_cases_reach_the_case_list(
    main: MainWindow, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    assert main.case_list.model.row_of(couple_case.id) is None  # made after the window
    main.events.cases_imported.emit([couple_case.id])
    assert main.case_list.model.row_of(couple_case.id) is not None


def test_starting_a_booked_session_counts_it_without_reloading_the_list(
    qtbot: QtBot,
    main: MainWindow,
    practice: OpenPractice,
    couple_case: CaseDetail,
    list_reads: list[int],
) -> None:
    later_today = datetime.now().replace(hour=23, minute=0, second=0, microsecond=0)
    planned = sessions.schedule_sessions(practice.uow(), couple_case.id, SessionInput(later_today))
    main.reload_cases()
    main.case_list.select_case(couple_case.id)
    qtbot.waitUntil(lambda: main.case_panel.case is not None)
    assert sessions_shown(main, couple_case.id) == "0"  # booked, not held
    list_reads.clear()

    session_actions.start(main.commands, planned.sessions[0].id)

    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert sessions_shown(main, couple_case.id) == "1"
    assert list_reads == []

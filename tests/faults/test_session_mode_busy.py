"""Taps while another program holds the practice's write lock (a backup, an import, a
command line) are kept and written, in order and at the times they were tapped, once
the lock is free; session mode says it is waiting meanwhile and never drops a tap."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import markers, notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.note.session_mode import SessionModeWindow


@pytest.fixture
def other_writer(practice: OpenPractice) -> Iterator[Any]:
    conn = connect_raw(db_path(practice.folder), practice.db_key)
    try:
        yield conn
    finally:
        conn.close()


def test_taps_while_another_program_writes_are_kept_and_written_after(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, other_writer: Any
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    view = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 3, 4, 10))
    )
    note = notes.note_for_session(practice.uow(), view.id)
    window = SessionModeWindow(practice, note, couple_case.partners, 50)
    qtbot.addWidget(window)
    window.show()

    other_writer.execute("BEGIN IMMEDIATE")
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Backspace, Qt.Key.Key_3):
        qtbot.keyClick(window.keys, key)
    assert "Waiting to save 2 markers" in window.last.text()
    other_writer.execute("ROLLBACK")

    qtbot.waitUntil(
        lambda: len(markers.session_markers(practice.uow(), view.id)) == 2, timeout=10000
    )
    stored = markers.session_markers(practice.uow(), view.id)
    assert [(m.kind.value, m.partner_id) for m in stored] == [
        ("loop_episode", zoe),
        ("flooding", zoe),
    ]
    assert stored[0].at <= stored[1].at
    assert stored[0].other_partner_id == lukasz
    qtbot.waitUntil(lambda: window.list.count() == 2)
    assert window.last.text().startswith("Marked: ")

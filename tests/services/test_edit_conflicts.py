"""Two people, one note: a save made from a copy read before someone else's save is
refused with theirs to compare (EditConflict), and nothing of it is written. On both
stores; the race inside one save (read, then someone commits, then our write) is a server
matter (on SQLite the writer's lock covers read and write alike)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from clarity_desktop.domain.errors import EditConflict, ErrorCode
from clarity_desktop.services import notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice


@pytest.fixture
def note_id(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> int:
    s = record_session(couple_case.id)
    assert s.note_id is not None
    return s.note_id


def test_a_save_over_someone_elses_later_save_is_refused_with_theirs(
    practice: OpenPractice, note_id: int, draft: Callable[..., NoteDraft]
) -> None:
    mine = notes.open_note(practice.uow(), note_id)
    theirs = notes.save_draft(
        practice.uow(), note_id, draft({"focus": "Their words."}), base_version=mine.row_version
    )
    assert theirs.row_version == mine.row_version + 1
    with pytest.raises(EditConflict) as refused:
        notes.save_draft(
            practice.uow(), note_id, draft({"focus": "My words."}), base_version=mine.row_version
        )
    assert refused.value.code is ErrorCode.NOTE_CHANGED_ELSEWHERE
    assert refused.value.theirs.sections == {"focus": "Their words."}  # type: ignore[attr-defined]
    assert notes.open_note(practice.uow(), note_id).sections == {"focus": "Their words."}


def test_saving_again_from_ones_own_last_save_goes_on(
    practice: OpenPractice, note_id: int, draft: Callable[..., NoteDraft]
) -> None:
    view = notes.open_note(practice.uow(), note_id)
    for words in ("One.", "One. Two.", "One. Two. Three."):
        view = notes.save_draft(
            practice.uow(), note_id, draft({"focus": words}), base_version=view.row_version
        )
    assert notes.open_note(practice.uow(), note_id).sections == {"focus": "One. Two. Three."}


def test_a_save_racing_another_inside_its_own_transaction_is_refused(
    practice: OpenPractice, note_id: int, draft: Callable[..., NoteDraft]
) -> None:
    """Fault: someone commits between our read of the note and our write of it."""
    if practice.backend.name != "postgresql":
        pytest.skip("SQLite's writer holds the lock from read to write: no gap to race in")
    start = notes.open_note(practice.uow(), note_id).row_version
    uow = practice.uow()
    raced: list[bool] = []

    def someone_else_saves_first(session: Session, *_: object) -> None:
        if not raced:
            raced.append(True)
            notes.save_draft(practice.uow(), note_id, draft({"focus": "Theirs, first."}))

    with pytest.raises(EditConflict):
        event.listen(uow_session_class(), "before_flush", someone_else_saves_first)
        try:
            notes.save_draft(uow, note_id, draft({"focus": "Mine, second."}), base_version=start)
        finally:
            event.remove(uow_session_class(), "before_flush", someone_else_saves_first)
    after = notes.open_note(practice.uow(), note_id)
    assert after.sections == {"focus": "Theirs, first."}
    assert after.row_version == start + 1


def uow_session_class() -> type[Session]:
    return Session

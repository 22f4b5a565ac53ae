"""A signed note is locked in the database itself: raw SQL, a script or a bug in some
other code path cannot change it, its tags, its session, its addenda or the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import exc, text

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft, NoteView
from clarity_desktop.store.practice import OpenPractice


def _note(practice: OpenPractice, case: CaseDetail, when: datetime, sign: bool) -> NoteView:
    s = sessions.create_session(practice.uow(), case.id, SessionInput(starts_at=when))
    assert s.note_id is not None
    p1, p2 = (p.id for p in case.partners)
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=Template.FIVE_STEPS,
            sections={"focus": "Zoë wants to slow down; Łukasz feels rushed."},
            steps=frozenset({Step.LEAN_IN}),
            partner_steps={p1: Step.LEAN_IN, p2: Step.NAME_WHATS_HAPPENING},
            private=False,
        ),
    )
    if sign:
        notes.sign_note(practice.uow(), s.note_id)
        notes.add_addendum(practice.uow(), s.note_id, "Correction: session ran 55 minutes.")
    return notes.open_note(practice.uow(), s.note_id)


@pytest.fixture
def signed(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> NoteView:
    return _note(practice, couple_case, datetime(2025, 3, 4, 10, 0), sign=True)


def _rows(practice: OpenPractice, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with practice.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def take_snapshot(practice: OpenPractice, signed: NoteView) -> Callable[[], Snapshot]:
    """Everything about the signed note, and the whole audit log."""

    def take() -> Snapshot:
        n = signed.id
        return {
            "note": _rows(practice, "SELECT * FROM notes WHERE id = :n", n=n),
            "steps": _rows(practice, "SELECT * FROM note_steps WHERE note_id = :n", n=n),
            "partner_steps": _rows(
                practice, "SELECT * FROM note_partner_steps WHERE note_id = :n ORDER BY 2", n=n
            ),
            "session": _rows(practice, "SELECT * FROM sessions WHERE id = :s", s=signed.session_id),
            "addenda": _rows(practice, "SELECT * FROM addenda WHERE note_id = :n", n=n),
            "audit": _rows(practice, "SELECT * FROM audit_events ORDER BY id"),
        }

    return take


ATTEMPTS = {
    "update note text": "UPDATE notes SET sections = '{}' WHERE id = :n",
    "unsign note": "UPDATE notes SET signed_at = NULL, signed_by = NULL WHERE id = :n",
    "delete note": "DELETE FROM notes WHERE id = :n",
    "add step": "INSERT INTO note_steps (note_id, step) VALUES (:n, 5)",
    "change step": "UPDATE note_steps SET step = 1 WHERE note_id = :n",
    "remove step": "DELETE FROM note_steps WHERE note_id = :n",
    # a partner not yet recorded on the note (the individual case's client)
    "add partner step": "INSERT INTO note_partner_steps (note_id, partner_id, step) "
    "SELECT :n, id, 1 FROM partners WHERE id NOT IN "
    "(SELECT partner_id FROM note_partner_steps WHERE note_id = :n)",
    "change partner step": "UPDATE note_partner_steps SET step = 5 WHERE note_id = :n",
    "remove partner step": "DELETE FROM note_partner_steps WHERE note_id = :n",
    "move session": "UPDATE sessions SET starts_at = '2020-01-01 00:00:00.000000' "
    "WHERE id = (SELECT session_id FROM notes WHERE id = :n)",
    "delete session": "DELETE FROM sessions WHERE id = (SELECT session_id FROM notes WHERE id = :n)",
    "edit addendum": "UPDATE addenda SET body = 'rewritten' WHERE note_id = :n",
    "delete addendum": "DELETE FROM addenda WHERE note_id = :n",
    "edit audit": "UPDATE audit_events SET actor = 'someone else'",
    "delete audit": "DELETE FROM audit_events",
}


@pytest.mark.parametrize("sql", ATTEMPTS.values(), ids=ATTEMPTS.keys())
def test_raw_sql_cannot_change_a_signed_note(
    practice: OpenPractice,
    signed: NoteView,
    take_snapshot: Callable[[], Snapshot],
    sql: str,
) -> None:
    before = take_snapshot()
    assert before["note"] and before["steps"] and before["addenda"] and before["audit"]
    assert len(before["partner_steps"]) == 2
    with pytest.raises(exc.IntegrityError) as info, practice.engine.begin() as conn:
        conn.execute(text(sql), {"n": signed.id})
    message = str(info.value.orig)
    assert any(
        m in message
        for m in ("signed note is locked", "addendum cannot", "audit log is append-only")
    ), message
    assert take_snapshot() == before
    # and the services still read the note as it was signed
    assert notes.open_note(practice.uow(), signed.id).sections == signed.sections


def test_the_same_update_succeeds_while_the_note_is_a_draft(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    draft = _note(practice, couple_case, datetime(2025, 3, 11, 10, 0), sign=False)
    with practice.engine.begin() as conn:
        conn.execute(text(ATTEMPTS["update note text"]), {"n": draft.id})
        conn.execute(text(ATTEMPTS["change step"]), {"n": draft.id})
        conn.execute(text(ATTEMPTS["move session"]), {"n": draft.id})
    reread = notes.open_note(practice.uow(), draft.id)
    assert reread.sections == {}
    assert reread.steps == (Step.NOTICE_THE_SHIFT,)
    assert reread.session_starts_at == datetime(2020, 1, 1)


def test_an_addendum_cannot_be_slipped_onto_a_draft(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    draft = _note(practice, couple_case, datetime(2025, 3, 11, 10, 0), sign=False)
    with (
        pytest.raises(exc.IntegrityError, match="addenda belong to signed notes"),
        practice.engine.begin() as conn,
    ):
        conn.execute(
            text(
                "INSERT INTO addenda (note_id, created_at, author, body) "
                "VALUES (:n, '2025-01-01 00:00:00', 'x', 'y')"
            ),
            {"n": draft.id},
        )
    assert notes.open_note(practice.uow(), draft.id).addenda == ()

"""Answer sets of a session whose note is signed are part of the signed record: raw SQL
from the program's connection or from a bare script holding the key cannot change,
unlink, remove, replace or add to them (the triggers of revision 0009)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import measures, notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.services.conftest import note_draft

CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}
COLS = (
    "(id, case_id, partner_id, session_id, instrument, instrument_version, answered_on, "
    "source, answers, created_at, updated_at)"
)


def values(row_id: int | str, case: int, partner: int, session: int | str) -> str:
    return (
        f"({row_id}, {case}, {partner}, {session}, 'session_check_in', 1, '2024-03-01', "
        "'screen', '{\"heard\": 0}', '2024-03-01 10:00:00', '2024-03-01 10:00:00')"
    )


def snapshot(conn: Any) -> list[tuple[Any, ...]]:
    return list(conn.execute("SELECT * FROM measure_responses ORDER BY id"))


def bare_connection(practice: OpenPractice) -> Any:
    conn = sqlcipher.connect(str(db_path(practice.folder)), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{practice.db_key.hex()}'\"")
    conn.execute("PRAGMA recursive_triggers = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@pytest.mark.parametrize("via", ["program", "script"])
def test_no_sql_verb_changes_the_answers_of_a_signed_session(
    practice: OpenPractice, couple_case: CaseDetail, via: str
) -> None:
    a, b = (p.id for p in couple_case.partners)
    check_in = measures.find(measures.catalogue(None), "session_check_in")
    signed, draft = (
        sessions.create_session(
            practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2024, 3, day, 10))
        )
        for day in (1, 8)
    )
    mine = measures.record_answers(
        practice.uow(), check_in, couple_case.id, a, CALM, session_id=signed.id
    ).id
    loose = measures.record_answers(
        practice.uow(), check_in, couple_case.id, b, CALM, session_id=draft.id
    ).id
    assert signed.note_id is not None
    notes.save_draft(practice.uow(), signed.note_id, note_draft({"focus": "Held."}))
    notes.sign_note(practice.uow(), signed.note_id)
    c, s, d = couple_case.id, signed.id, draft.id
    attacks = [
        f"UPDATE measure_responses SET answers = '{{}}' WHERE id = {mine}",
        f"UPDATE measure_responses SET session_id = NULL WHERE id = {mine}",
        f"UPDATE measure_responses SET session_id = {d} WHERE id = {mine}",
        f"UPDATE measure_responses SET session_id = {s} WHERE id = {loose}",
        f"DELETE FROM measure_responses WHERE id = {mine}",
        f"INSERT OR REPLACE INTO measure_responses {COLS} VALUES {values(mine, c, a, s)}",
        f"REPLACE INTO measure_responses {COLS} VALUES {values(mine, c, a, d)}",
        f"INSERT INTO measure_responses {COLS} VALUES {values('NULL', c, b, s)}",
        f"UPDATE OR REPLACE measure_responses SET id = {mine} WHERE id = {loose}",
    ]

    def connect() -> Any:
        if via == "program":
            return connect_raw(db_path(practice.folder), practice.db_key)
        return bare_connection(practice)

    changed = []
    for sql in attacks:
        conn = connect()
        try:
            before = snapshot(conn)
            with contextlib.suppress(sqlcipher.DatabaseError):  # refused: what we want
                conn.execute(sql)
                with contextlib.suppress(sqlcipher.DatabaseError):
                    conn.commit()
            if snapshot(conn) != before:
                changed.append(sql)
        finally:
            conn.close()
    assert changed == [], f"the answers of a signed session were changed by: {changed}"


def test_answers_changed_behind_every_lock_break_the_notes_seal(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    """Someone holding the key drops the triggers and rewrites a signed session's answers:
    `check` must name the note whose signature vouched for them."""
    from clarity_desktop.services import integrity

    a, b = (p.id for p in couple_case.partners)
    check_in = measures.find(measures.catalogue(None), "session_check_in")
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2024, 3, 1, 10))
    )
    for partner in (a, b):
        measures.record_answers(
            practice.uow(), check_in, couple_case.id, partner, CALM, session_id=session.id
        )
    assert session.note_id is not None
    notes.save_draft(practice.uow(), session.note_id, note_draft({"focus": "Held."}))
    notes.sign_note(practice.uow(), session.note_id)
    assert integrity.verify_seals(practice) == []
    for attack in (
        "UPDATE measure_responses SET answers = '{\"heard\": 0}' WHERE partner_id = :a",
        "DELETE FROM measure_responses WHERE partner_id = :a",
    ):
        conn = connect_raw(db_path(practice.folder), practice.db_key)
        try:
            for name in ("no_update", "no_delete"):
                conn.execute(f"DROP TRIGGER IF EXISTS trg_measure_responses_signed_{name}")
            conn.execute(attack, {"a": a})
            conn.commit()
        finally:
            conn.close()
        problems = integrity.verify_seals(practice)
        assert len(problems) == 1, (attack, problems)
        assert "changed after it was signed" in str(problems[0])

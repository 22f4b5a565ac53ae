"""Item 2 of the trust issue: no verb of SQL changes a signed record.

Every write verb (UPDATE, DELETE, INSERT OR REPLACE, REPLACE, UPSERT, UPDATE OR REPLACE and
a plain INSERT of a new row) is tried against every locked table, through the program's own
connection and through a bare connection with the key and recursive triggers off, as a
script with the key would open it. Afterwards every locked table must read exactly as before.
Before the fix, REPLACE rewrote a signed note and an addendum without firing a trigger.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.faults.conftest import SignedRecord, add_marker, make_signed_record

LOCKED_TABLES = (
    "notes",
    "sessions",
    "addenda",
    "audit_events",
    "note_steps",
    "note_partner_steps",
    "partner_readings",
    "couple_readings",
    "session_markers",
)
T = "'2024-01-01 00:00:00.000000'"


def snapshot(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in LOCKED_TABLES
    }


def attacks(
    r: SignedRecord, draft_session: int, draft_note: int, markers: tuple[int, int]
) -> list[str]:
    n, s, a = r.note_id, r.session_id, r.addendum_id
    m, dm = markers  # a marker of the signed session, and one of the draft
    p1, p2 = r.partner_ids
    d, ds = draft_note, draft_session
    note_cols = "(id, session_id, template, sections, private, created_at, updated_at, signed_at, signed_by)"
    note_vals = f"({n}, {s}, 'five_steps', '{{\"focus\": \"forged\"}}', 0, {T}, {T}, {T}, 'x')"
    sess_cols = (
        "(id, case_id, starts_at, duration_minutes, modality, attending_partner_id, created_at)"
    )
    sess_vals = f"({s}, {r.case_id}, {T}, 1, 'in_person', NULL, {T})"
    add_cols = "(id, note_id, created_at, author, body)"
    add_vals = f"({a}, {n}, {T}, 'x', 'forged')"
    audit_cols = "(id, at, actor, action, entity, entity_id, case_id, detail, prev_hash, row_hash)"
    audit_vals = f"(1, {T}, 'x', 'forged', 'practice', NULL, NULL, '', '', '')"
    out = [
        # notes
        f'UPDATE notes SET sections = \'{{"focus": "forged"}}\' WHERE id = {n}',
        f"UPDATE notes SET signed_at = NULL WHERE id = {n}",
        f"DELETE FROM notes WHERE id = {n}",
        f"INSERT OR REPLACE INTO notes {note_cols} VALUES {note_vals}",
        f"REPLACE INTO notes {note_cols} VALUES {note_vals}",
        f"INSERT INTO notes {note_cols} VALUES {note_vals} "
        "ON CONFLICT(id) DO UPDATE SET sections = excluded.sections",
        f"INSERT OR REPLACE INTO notes {note_cols} VALUES "
        f"(9999, {s}, 'five_steps', '{{}}', 0, {T}, {T}, NULL, NULL)",
        f"UPDATE OR REPLACE notes SET session_id = {s} WHERE id = {d}",
        f"UPDATE OR REPLACE notes SET id = {n} WHERE id = {d}",
        # sessions
        f"UPDATE sessions SET duration_minutes = 1 WHERE id = {s}",
        f"DELETE FROM sessions WHERE id = {s}",
        f"INSERT OR REPLACE INTO sessions {sess_cols} VALUES {sess_vals}",
        f"REPLACE INTO sessions {sess_cols} VALUES {sess_vals}",
        f"INSERT INTO sessions {sess_cols} VALUES {sess_vals} "
        "ON CONFLICT(id) DO UPDATE SET duration_minutes = 1",
        f"UPDATE OR REPLACE sessions SET id = {s} WHERE id = {ds}",
        # addenda
        f"UPDATE addenda SET body = 'forged' WHERE id = {a}",
        f"DELETE FROM addenda WHERE id = {a}",
        f"INSERT OR REPLACE INTO addenda {add_cols} VALUES {add_vals}",
        f"REPLACE INTO addenda {add_cols} VALUES {add_vals}",
        f"INSERT INTO addenda {add_cols} VALUES {add_vals} "
        "ON CONFLICT(id) DO UPDATE SET body = excluded.body",
        f"INSERT INTO addenda {add_cols} VALUES (777, {d}, {T}, 'x', 'on a draft')",
        # the audit log
        "UPDATE audit_events SET detail = 'forged' WHERE id = 1",
        "DELETE FROM audit_events WHERE id = 1",
        f"INSERT OR REPLACE INTO audit_events {audit_cols} VALUES {audit_vals}",
        f"REPLACE INTO audit_events {audit_cols} VALUES {audit_vals}",
        f"INSERT INTO audit_events {audit_cols} VALUES {audit_vals} "
        "ON CONFLICT(id) DO UPDATE SET detail = 'forged'",
        # what is locked with the note
        f"UPDATE note_steps SET step = 5 WHERE note_id = {n}",
        f"DELETE FROM note_steps WHERE note_id = {n}",
        f"INSERT INTO note_steps (note_id, step) VALUES ({n}, 5)",
        f"INSERT OR REPLACE INTO note_steps (note_id, step) VALUES ({n}, 2)",
        f"UPDATE OR REPLACE note_steps SET note_id = {n} WHERE note_id = {d}",
        f"UPDATE note_partner_steps SET step = 5 WHERE note_id = {n}",
        f"DELETE FROM note_partner_steps WHERE note_id = {n}",
        f"REPLACE INTO note_partner_steps (note_id, partner_id, step) VALUES ({n}, {p1}, 1)",
        f"INSERT INTO note_partner_steps (note_id, partner_id, step) VALUES ({n}, {p1}, 1) "
        "ON CONFLICT DO UPDATE SET step = 1",
        f"UPDATE OR REPLACE note_partner_steps SET note_id = {n} WHERE note_id = {d}",
        f"UPDATE partner_readings SET clarity = 0 WHERE note_id = {n}",
        f"DELETE FROM partner_readings WHERE note_id = {n}",
        "INSERT OR REPLACE INTO partner_readings (note_id, partner_id, position, stance, "
        f"clarity, flooded, flooding_note, direction) VALUES ({n}, {p2}, 3, 0, 0, 1, '', "
        "'letting_go')",
        "INSERT INTO partner_readings (note_id, partner_id, position, stance, clarity, "
        f"flooded, flooding_note, direction) VALUES ({n}, {p2}, 3, 0, 0, 1, '', NULL) "
        "ON CONFLICT DO UPDATE SET direction = 'letting_go'",
        f"UPDATE OR REPLACE partner_readings SET note_id = {n} WHERE note_id = {d}",
        f"UPDATE couple_readings SET intensity = 10 WHERE note_id = {n}",
        f"DELETE FROM couple_readings WHERE note_id = {n}",
        "REPLACE INTO couple_readings (note_id, loops, loop_other, intensity, trigger, "
        f"co_regulation, co_regulation_note) VALUES ({n}, '[]', '', 10, '', 0, '')",
        f"UPDATE OR REPLACE couple_readings SET note_id = {n} WHERE note_id = {d}",
    ]
    mark_cols = "(id, session_id, at, kind, partner_id, other_partner_id, landed, text, created_at)"
    out += [
        # a signed session keeps its status
        f"UPDATE sessions SET status = 'cancelled', status_reason = 'forged' WHERE id = {s}",
        f"UPDATE sessions SET status = 'scheduled' WHERE id = {s}",
        # the markers tapped during it
        f"UPDATE session_markers SET text = 'forged' WHERE id = {m}",
        f"UPDATE session_markers SET session_id = {ds} WHERE id = {m}",
        f"UPDATE session_markers SET session_id = {s} WHERE id = {dm}",
        f"DELETE FROM session_markers WHERE session_id = {s}",
        f"INSERT INTO session_markers {mark_cols} VALUES "
        f"(888, {s}, {T}, 'flooding', {p1}, NULL, NULL, '', {T})",
        f"INSERT OR REPLACE INTO session_markers {mark_cols} VALUES "
        f"({m}, {ds}, {T}, 'quote', NULL, NULL, NULL, 'forged', {T})",
        f"REPLACE INTO session_markers {mark_cols} VALUES "
        f"({m}, {s}, {T}, 'quote', NULL, NULL, NULL, 'forged', {T})",
        f"INSERT INTO session_markers {mark_cols} VALUES "
        f"({m}, {s}, {T}, 'quote', NULL, NULL, NULL, 'forged', {T}) "
        "ON CONFLICT(id) DO UPDATE SET text = excluded.text",
        f"UPDATE OR REPLACE session_markers SET id = {m} WHERE id = {dm}",
    ]
    out += [f"UPDATE OR REPLACE addenda SET id = {a} WHERE id = {a + 1}"]
    return out


@pytest.fixture
def record(
    practice: OpenPractice, couple_case: CaseDetail
) -> tuple[SignedRecord, int, int, tuple[int, int]]:
    r = make_signed_record(practice, couple_case)
    notes.add_addendum(practice.uow(), r.note_id, "A second addendum.")
    # A draft beside it with the same tags and readings, to collide with the signed rows.
    view = notes.open_note(practice.uow(), r.note_id)
    s = sessions.create_session(
        practice.uow(), r.case_id, SessionInput(starts_at=datetime(2024, 3, 8, 10, 0))
    )
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=view.template,
            sections={"focus": "draft"},
            steps=frozenset(view.steps),
            partner_steps=dict(view.partner_steps),
            private=False,
            partner_readings=dict(view.partner_readings),
            couple_reading=view.couple_reading,
        ),
    )
    with practice.engine.connect() as conn:
        signed_marker = conn.exec_driver_sql(
            "SELECT min(id) FROM session_markers WHERE session_id = ?", (r.session_id,)
        ).scalar_one()
    draft_marker = add_marker(practice, s.id, "quote", text="a draft's quote")
    return r, s.id, s.note_id, (int(signed_marker), draft_marker)


def bare_connection(practice: OpenPractice) -> Any:
    """What a script holding the key would open: no pragmas of ours."""
    conn = sqlcipher.connect(str(db_path(practice.folder)), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{practice.db_key.hex()}'\"")
    conn.execute("PRAGMA recursive_triggers = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@pytest.mark.parametrize("via", ["program", "script"])
def test_no_sql_verb_changes_a_signed_record(
    practice: OpenPractice, record: tuple[SignedRecord, int, int, tuple[int, int]], via: str
) -> None:
    r, draft_session, draft_note, markers = record
    conn = (
        connect_raw(db_path(practice.folder), practice.db_key)
        if via == "program"
        else bare_connection(practice)
    )
    try:
        before = snapshot(conn)
        changed = []
        for sql in attacks(r, draft_session, draft_note, markers):
            with contextlib.suppress(sqlcipher.DatabaseError):  # refused: what we want
                conn.execute(sql)
            if snapshot(conn) != before:
                changed.append(sql)
                conn.close()
                conn = (
                    connect_raw(db_path(practice.folder), practice.db_key)
                    if via == "program"
                    else bare_connection(practice)
                )
                break
        assert changed == [], f"a signed record was changed by: {changed}"
    finally:
        conn.close()


def test_the_program_turns_recursive_triggers_on(practice: OpenPractice) -> None:
    conn = connect_raw(db_path(practice.folder), practice.db_key)
    try:
        assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    finally:
        conn.close()
    with practice.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA recursive_triggers").scalar() == 1

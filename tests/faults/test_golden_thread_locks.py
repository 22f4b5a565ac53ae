"""The golden thread's records hold against raw SQL like signed notes do (revision 0009).

A signed treatment plan version (its row, concerns, goals and the goals' objectives), a signed
note's goal links and a partner's answers linked to a signed session are tried with every
write verb, through the program's connection and through a bare one with the key and
recursive triggers off. Afterwards they must read exactly as before; and the same verbs on a
draft plan, a draft note's links and unlinked answers still work (the lock is not a wall).
Failed on the main before revision 0009 (the tables and their locks did not exist).
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.faults.test_locked_rows_sql import bare_connection
from tests.services.conftest import note_draft

TABLES = (
    "treatment_plans",
    "plan_concerns",
    "plan_goals",
    "plan_objectives",
    "note_goals",
    "measure_responses",
)
T = "'2024-01-01 00:00:00.000000'"
KEY = "11111111-1111-4111-8111-111111111111"


def rows(conn: Any, where: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: sorted(conn.execute(f"SELECT * FROM {t} WHERE {where[t]}").fetchall(), key=repr)
        for t in TABLES
    }


def build(practice: OpenPractice, case: CaseDetail) -> dict[str, int]:
    """Plan version 1 signed (a concern, a goal, an objective), version 2 a draft; a signed
    note linked to the goal, with each partner's answers linked to its session; a draft note
    linked too, and answers linked to no session."""
    p1, p2 = (p.id for p in case.partners)
    signed = sessions.create_session(
        practice.uow(), case.id, SessionInput(starts_at=datetime(2024, 3, 1, 10, 0))
    )
    notes.save_draft(
        practice.uow(), signed.note_id, note_draft({"focus": "They named the distance."})
    )
    later = sessions.create_session(
        practice.uow(), case.id, SessionInput(starts_at=datetime(2024, 3, 8, 10, 0))
    )
    with practice.engine.begin() as conn:
        x = conn.exec_driver_sql
        for plan_id, version in ((1, 1), (2, 2)):
            x(
                "INSERT INTO treatment_plans (id, case_id, version, interventions, agreement, "
                "created_at, updated_at) VALUES (?, ?, ?, '[]', 'No big steps for six weeks.', "
                f"{T}, {T})",
                (plan_id, case.id, version),
            )
            x(
                "INSERT INTO plan_concerns (id, plan_id, partner_id, position, text) "
                "VALUES (?, ?, ?, 0, 'Feels unheard.')",
                (plan_id, plan_id, p1),
            )
            x(
                "INSERT INTO plan_goals (id, plan_id, goal_key, partner_id, position, text) "
                "VALUES (?, ?, ?, NULL, 0, 'Talk about the future without a fight.')",
                (plan_id, plan_id, KEY),
            )
            x(
                "INSERT INTO plan_objectives (id, goal_id, position, text, target_on) "
                "VALUES (?, ?, 0, 'One calm talk a week.', '2024-05-01')",
                (plan_id, plan_id),
            )
        x(f"UPDATE treatment_plans SET signed_at = {T}, signed_by = 'R' WHERE id = 1")
        for note_id in (signed.note_id, later.note_id):
            x(
                "INSERT INTO note_goals (note_id, goal_key, progress, comment) "
                "VALUES (?, ?, 'moving', 'A calmer start.')",
                (note_id, KEY),
            )
        answers = []
        for partner, session in ((p1, signed.id), (p2, signed.id), (p1, None)):
            answers.append(
                x(
                    "INSERT INTO measure_responses (case_id, partner_id, session_id, instrument, "
                    "instrument_version, answered_on, source, answers, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'session_check_in', 1, '2024-03-01', 'screen', "
                    f"'{{\"heard\": 3}}', {T}, {T}) RETURNING id",
                    (case.id, partner, session),
                ).scalar_one()
            )
    notes.sign_note(practice.uow(), signed.note_id)
    return {
        "case": case.id,
        "p1": p1,
        "signed_note": signed.note_id,
        "signed_session": signed.id,
        "draft_note": later.note_id,
        "answers": answers[0],
        "loose_answers": answers[2],
    }


def attacks(r: dict[str, int]) -> list[str]:
    c, n, a, s = r["case"], r["signed_note"], r["answers"], r["signed_session"]
    plan_cols = "(id, case_id, version, interventions, agreement, created_at, updated_at)"
    return [
        "UPDATE treatment_plans SET agreement = 'forged' WHERE id = 1",
        "UPDATE treatment_plans SET signed_at = NULL WHERE id = 1",
        "DELETE FROM treatment_plans WHERE id = 1",
        f"INSERT OR REPLACE INTO treatment_plans {plan_cols} VALUES (1, {c}, 1, '[]', 'x', {T}, {T})",
        f"REPLACE INTO treatment_plans {plan_cols} VALUES (9, {c}, 1, '[]', 'x', {T}, {T})",
        f"INSERT INTO treatment_plans {plan_cols} VALUES (1, {c}, 1, '[]', 'x', {T}, {T}) "
        "ON CONFLICT(id) DO UPDATE SET agreement = excluded.agreement",
        "UPDATE OR REPLACE treatment_plans SET version = 1 WHERE id = 2",
        "UPDATE OR REPLACE treatment_plans SET id = 1 WHERE id = 2",
        "UPDATE plan_concerns SET text = 'forged' WHERE id = 1",
        "DELETE FROM plan_concerns WHERE id = 1",
        "INSERT INTO plan_concerns (plan_id, partner_id, position, text) VALUES (1, NULL, 5, 'x')",
        "REPLACE INTO plan_concerns (id, plan_id, partner_id, position, text) "
        "VALUES (1, 2, NULL, 0, 'x')",
        "UPDATE plan_concerns SET plan_id = 2 WHERE id = 1",
        "UPDATE plan_goals SET text = 'Decide by June.' WHERE id = 1",
        "DELETE FROM plan_goals WHERE id = 1",
        f"INSERT OR REPLACE INTO plan_goals (plan_id, goal_key, partner_id, position, text) "
        f"VALUES (1, '{KEY}', NULL, 0, 'forged')",
        "REPLACE INTO plan_goals (id, plan_id, goal_key, partner_id, position, text) "
        "VALUES (1, 2, 'k', NULL, 0, 'x')",
        "UPDATE OR REPLACE plan_goals SET id = 1 WHERE id = 2",
        "UPDATE plan_objectives SET target_on = '2030-01-01' WHERE id = 1",
        "DELETE FROM plan_objectives WHERE id = 1",
        "INSERT INTO plan_objectives (goal_id, position, text) VALUES (1, 9, 'x')",
        "REPLACE INTO plan_objectives (id, goal_id, position, text) VALUES (1, 2, 0, 'x')",
        "UPDATE plan_objectives SET goal_id = 2 WHERE id = 1",
        "UPDATE OR REPLACE plan_objectives SET id = 1 WHERE id = 2",
        f"UPDATE note_goals SET progress = 'harder' WHERE note_id = {n}",
        f"DELETE FROM note_goals WHERE note_id = {n}",
        f"INSERT OR REPLACE INTO note_goals VALUES ({n}, '{KEY}', 'steady', 'forged')",
        f"INSERT INTO note_goals VALUES ({n}, 'another', 'steady', 'x')",
        f"UPDATE OR REPLACE note_goals SET note_id = {n} WHERE note_id = {r['draft_note']}",
        f"UPDATE measure_responses SET answers = '{{\"heard\": 0}}' WHERE id = {a}",
        f"UPDATE measure_responses SET session_id = NULL WHERE id = {a}",
        f"DELETE FROM measure_responses WHERE id = {a}",
        f"REPLACE INTO measure_responses (id, case_id, partner_id, session_id, instrument, "
        f"instrument_version, answered_on, source, answers, created_at, updated_at) VALUES "
        f"({a}, {c}, {r['p1']}, NULL, 'x', 1, '2024-03-01', 'paper', '{{}}', {T}, {T})",
        f"UPDATE OR REPLACE measure_responses SET id = {a} WHERE id = {r['loose_answers']}",
        f"INSERT INTO measure_responses (case_id, partner_id, session_id, instrument, "
        f"instrument_version, answered_on, source, answers, created_at, updated_at) VALUES "
        f"({c}, {r['p1']}, {s}, 'x', 1, '2024-03-01', 'paper', '{{}}', {T}, {T})",
    ]


def locked(r: dict[str, int]) -> dict[str, str]:
    return {
        "treatment_plans": "id = 1",
        "plan_concerns": "plan_id = 1",
        "plan_goals": "plan_id = 1",
        "plan_objectives": "goal_id = 1",
        "note_goals": f"note_id = {r['signed_note']}",
        "measure_responses": f"session_id = {r['signed_session']}",
    }


@pytest.mark.parametrize("via", ["program", "script"])
def test_no_sql_verb_changes_a_signed_plan_goal_link_or_answer_set(
    practice: OpenPractice, couple_case: CaseDetail, via: str
) -> None:
    r = build(practice, couple_case)

    def connect() -> Any:
        if via == "program":
            return connect_raw(db_path(practice.folder), practice.db_key)
        return bare_connection(practice)

    changed = []
    for sql in attacks(r):
        conn = connect()
        try:
            before = rows(conn, locked(r))
            with contextlib.suppress(sqlcipher.DatabaseError):  # refused: what we want
                conn.execute(sql)
                conn.commit()
            if rows(conn, locked(r)) != before:
                changed.append(sql)
        finally:
            conn.close()
        if changed:
            break
    assert changed == [], f"a signed record was changed by: {changed}"


def test_drafts_and_unlinked_answers_stay_editable(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    r = build(practice, couple_case)
    conn = connect_raw(db_path(practice.folder), practice.db_key)
    try:
        for sql in (
            "UPDATE treatment_plans SET agreement = 'Two more weeks of both.' WHERE id = 2",
            "UPDATE plan_goals SET text = 'Fewer late-night fights.' WHERE id = 2",
            "UPDATE plan_objectives SET target_on = '2024-06-01' WHERE id = 2",
            "DELETE FROM plan_concerns WHERE id = 2",
            f"UPDATE note_goals SET progress = 'steady' WHERE note_id = {r['draft_note']}",
            f"UPDATE measure_responses SET answers = '{{\"heard\": 4}}' "
            f"WHERE id = {r['loose_answers']}",
        ):
            conn.execute(sql)
            assert conn.execute("SELECT changes()").fetchone()[0] == 1, sql
        conn.commit()
        # Signing the draft version then locks it too.
        conn.execute(f"UPDATE treatment_plans SET signed_at = {T} WHERE id = 2")
        conn.commit()
        with pytest.raises(sqlcipher.DatabaseError, match="signed plan is locked"):
            conn.execute("UPDATE plan_goals SET text = 'x' WHERE id = 2")
    finally:
        conn.close()

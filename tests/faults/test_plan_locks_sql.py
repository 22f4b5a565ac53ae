"""A signed treatment plan, and the goals a signed note worked on, are refused to raw SQL.

Through the program's own connection and through a bare one with the key (as a script
would open it), every write verb is tried against a signed version's row, its concerns, its
goals and their objectives, and against a signed note's goal links. Afterwards each table
must read as before; and a draft version beside it must still take the same writes (the
locks are the signature's, not the table's).
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent, ProgressMark
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, plan_goals, plans, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.faults.test_locked_rows_sql import bare_connection

TABLES = ("treatment_plans", "plan_concerns", "plan_goals", "plan_objectives", "note_goals")
T = "'2024-01-01 00:00:00.000000'"
LATER = date.today() + timedelta(days=30)


def snapshot(conn: Any, plan_id: int, note_id: int) -> dict[str, list[tuple[Any, ...]]]:
    goals = f"(SELECT id FROM plan_goals WHERE plan_id = {plan_id})"
    wheres = {
        "treatment_plans": f"id = {plan_id}",
        "plan_concerns": f"plan_id = {plan_id}",
        "plan_goals": f"plan_id = {plan_id}",
        "plan_objectives": f"goal_id IN {goals}",
        "note_goals": f"note_id = {note_id}",
    }
    return {
        t: sorted(conn.execute(f"SELECT * FROM {t} WHERE {w}").fetchall(), key=repr)
        for t, w in wheres.items()
    }


def ids(conn: Any, plan_id: int) -> tuple[int, int, int]:
    concern = conn.execute(f"SELECT min(id) FROM plan_concerns WHERE plan_id = {plan_id}")
    goal = conn.execute(f"SELECT min(id) FROM plan_goals WHERE plan_id = {plan_id}")
    g = int(goal.fetchone()[0])
    objective = conn.execute(f"SELECT min(id) FROM plan_objectives WHERE goal_id = {g}")
    return int(concern.fetchone()[0]), g, int(objective.fetchone()[0])


def attacks(plan_id: int, case_id: int, c: int, g: int, o: int, note_id: int) -> list[str]:
    plan_cols = "(id, case_id, version, interventions, agreement, created_at, updated_at)"
    return [
        f"UPDATE treatment_plans SET agreement = 'forged' WHERE id = {plan_id}",
        f"UPDATE treatment_plans SET signed_at = NULL WHERE id = {plan_id}",
        f"UPDATE treatment_plans SET review_on = '2030-01-01' WHERE id = {plan_id}",
        f"DELETE FROM treatment_plans WHERE id = {plan_id}",
        f"INSERT OR REPLACE INTO treatment_plans {plan_cols} VALUES "
        f"({plan_id}, {case_id}, 1, '[]', 'forged', {T}, {T})",
        f"REPLACE INTO treatment_plans {plan_cols} VALUES "
        f"({plan_id}, {case_id}, 1, '[]', 'forged', {T}, {T})",
        f"UPDATE plan_concerns SET text = 'forged' WHERE id = {c}",
        f"DELETE FROM plan_concerns WHERE id = {c}",
        "INSERT INTO plan_concerns (plan_id, partner_id, position, text) "
        f"VALUES ({plan_id}, NULL, 9, 'forged')",
        "INSERT OR REPLACE INTO plan_concerns (id, plan_id, partner_id, position, text) "
        f"VALUES ({c}, {plan_id}, NULL, 0, 'forged')",
        f"UPDATE plan_goals SET text = 'Decide by June' WHERE id = {g}",
        f"UPDATE plan_goals SET goal_key = 'forged' WHERE id = {g}",
        f"DELETE FROM plan_goals WHERE id = {g}",
        "INSERT INTO plan_goals (plan_id, goal_key, partner_id, position, text) "
        f"VALUES ({plan_id}, 'new-key', NULL, 9, 'forged')",
        "REPLACE INTO plan_goals (id, plan_id, goal_key, partner_id, position, text) "
        f"VALUES ({g}, {plan_id}, 'g-couple', NULL, 0, 'forged')",
        f"UPDATE plan_objectives SET target_on = '2030-01-01' WHERE id = {o}",
        f"UPDATE plan_objectives SET text = 'forged' WHERE id = {o}",
        f"DELETE FROM plan_objectives WHERE id = {o}",
        f"INSERT INTO plan_objectives (goal_id, position, text) VALUES ({g}, 9, 'forged')",
        "INSERT OR REPLACE INTO plan_objectives (id, goal_id, position, text) "
        f"VALUES ({o}, {g}, 0, 'forged')",
        f"UPDATE note_goals SET progress = 'moving' WHERE note_id = {note_id}",
        f"UPDATE note_goals SET comment = 'forged' WHERE note_id = {note_id}",
        f"DELETE FROM note_goals WHERE note_id = {note_id}",
        "INSERT INTO note_goals (note_id, goal_key, progress, comment) "
        f"VALUES ({note_id}, 'g-other', 'moving', '')",
        "INSERT OR REPLACE INTO note_goals (note_id, goal_key, progress, comment) "
        f"VALUES ({note_id}, 'g-couple', 'moving', 'forged')",
    ]


@pytest.fixture
def signed(practice: OpenPractice, couple_case: CaseDetail) -> tuple[int, int, int]:
    """(signed plan id, draft plan id, signed note id linked to two goals)."""
    content = PlanContent(
        concerns=(Concern(None, "The move"),),
        goals=(
            Goal(None, "Stay curious while unsure", (Objective("Ask first", LATER),), "g-couple"),
            Goal(None, "Pause when flooded", key="g-other"),
        ),
        review_on=LATER,
    )
    draft = plans.start_version(practice.uow(), couple_case.id).draft
    assert draft is not None
    plans.save_draft(practice.uow(), draft.id, content)
    plans.sign_plan(practice.uow(), draft.id)
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2024, 3, 1, 10, 0))
    )
    assert s.note_id is not None
    plan_goals.set_note_goals(practice.uow(), s.note_id, {"g-couple": (ProgressMark.HARDER, "")})
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            notes.open_note(practice.uow(), s.note_id).template,
            {"focus": "x"},
            frozenset(),
            {},
            False,
        ),
    )
    notes.sign_note(practice.uow(), s.note_id)
    second = plans.start_version(practice.uow(), couple_case.id).draft
    assert second is not None
    return draft.id, second.id, s.note_id


@pytest.mark.parametrize("via", ["program", "script"])
def test_no_sql_verb_changes_a_signed_plan_or_a_signed_notes_goals(
    practice: OpenPractice, couple_case: CaseDetail, signed: tuple[int, int, int], via: str
) -> None:
    plan_id, _draft_id, note_id = signed

    def connect() -> Any:
        if via == "program":
            return connect_raw(db_path(practice.folder), practice.db_key)
        return bare_connection(practice)

    conn = connect()
    try:
        before = snapshot(conn, plan_id, note_id)
        assert before["note_goals"] and before["plan_objectives"]
        c, g, o = ids(conn, plan_id)
        changed = []
        for sql in attacks(plan_id, couple_case.id, c, g, o, note_id):
            with contextlib.suppress(sqlcipher.DatabaseError):  # refused: what we want
                conn.execute(sql)
                with contextlib.suppress(sqlcipher.DatabaseError):
                    conn.commit()
            if snapshot(conn, plan_id, note_id) != before:
                changed.append(sql)
                break
        assert changed == [], f"a signed record was changed by: {changed}"
    finally:
        conn.close()


def test_a_draft_version_beside_it_still_takes_writes(
    practice: OpenPractice, signed: tuple[int, int, int]
) -> None:
    _plan_id, draft_id, _note_id = signed
    conn = connect_raw(db_path(practice.folder), practice.db_key)
    try:
        _c, g, o = ids(conn, draft_id)
        conn.execute(f"UPDATE plan_goals SET text = 'Reworded' WHERE id = {g}")
        conn.execute(f"DELETE FROM plan_objectives WHERE id = {o}")
        conn.commit()
        text = conn.execute(f"SELECT text FROM plan_goals WHERE id = {g}").fetchone()[0]
    finally:
        conn.close()
    assert text == "Reworded"

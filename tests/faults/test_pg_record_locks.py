"""Every record lock on the practice server holds against raw SQL from a staff login.

A signed note (steps, partner steps, readings, markers, goal links, answers, an addendum)
and a signed treatment plan (concerns, goals, objectives) are attacked with UPDATE, DELETE,
INSERT, INSERT ... ON CONFLICT DO UPDATE and moves of a draft's row onto them, through
Dana's own psycopg connection: the login that wrote them, who may see and write her case.
Every attack must be refused with the lock's own message, and the locked rows must read
exactly as before. A staff login cannot switch a lock off; when the server's superuser
does, the practice's integrity check names the lock. Failed on main: only the notes,
addenda and audit log were locked there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent, ProgressMark
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import markers, measures, notes, plan_goals, plans, practices
from clarity_desktop.services import sessions as session_service
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.postgres import address, locks
from clarity_desktop.store.practice import OpenPractice

pytestmark = pytest.mark.parametrize("store_kind", ["postgres"], indirect=True)

LOCKED, PLAN = locks.LOCKED, locks.PLAN_LOCKED
T = "'2024-01-01 00:00:00'"
CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}


@dataclass(frozen=True)
class Record:
    case: int
    p1: int
    p2: int
    note: int  # signed
    session: int
    addendum: int
    marker: int
    answers: int
    draft_note: int
    draft_session: int
    draft_marker: int
    loose_answers: int  # linked to no session
    plan: int  # version 1, signed
    concern: int
    goal: int
    objective: int
    draft_plan: int  # version 2
    draft_concern: int
    draft_goal: int
    draft_objective: int


def _note(practice: OpenPractice, case: CaseDetail, day: int, p1: int, p2: int) -> Any:
    s = session_service.create_session(
        practice.uow(), case.id, SessionInput(starts_at=datetime(2024, 3, day, 10, 0))
    )
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=Template.FIVE_STEPS,
            sections={"focus": "They named the distance between them."},
            steps=frozenset({Step.NAME_WHATS_HAPPENING}),
            partner_steps={p1: Step.NAME_WHATS_HAPPENING, p2: Step.FIND_YOUR_DIRECTION},
            private=False,
            partner_readings={p1: PartnerReading(position=2, stance=6, clarity=4)},
            couple_reading=CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=5),
        ),
    )
    plan_goals.set_note_goals(practice.uow(), s.note_id, {"g-couple": (ProgressMark.MOVING, "")})
    return s


def attacks(r: Record) -> list[tuple[str, str]]:
    """(what a staff login tries, the message that refuses it)."""
    n, s, d = r.note, r.session, r.draft_note
    note_cols = "(id, session_id, template, sections, private, created_at, updated_at)"
    session_cols = "(id, case_id, starts_at, duration_minutes, modality, created_at)"
    plan_cols = "(id, case_id, version, interventions, agreement, created_at, updated_at)"
    answer_cols = (
        "(case_id, partner_id, session_id, instrument, instrument_version, answered_on, "
        "source, answers, created_at, updated_at)"
    )
    answer_vals = f"({r.case}, {r.p1}, {s}, 'x', 1, '2024-03-01', 'paper', '{{}}', {T}, {T})"
    return [
        (f'UPDATE notes SET sections = \'{{"focus": "forged"}}\' WHERE id = {n}', LOCKED),
        (f"UPDATE notes SET signed_at = NULL WHERE id = {n}", LOCKED),
        (f"DELETE FROM notes WHERE id = {n}", LOCKED),
        (
            f"INSERT INTO notes {note_cols} VALUES ({n}, {s}, 'five_steps', '{{}}', false, {T}, "
            f"{T}) ON CONFLICT (id) DO UPDATE SET sections = excluded.sections",
            LOCKED,
        ),
        (f"UPDATE notes SET session_id = {s} WHERE id = {d}", "a note stays with its session"),
        (f"UPDATE sessions SET duration_minutes = 1 WHERE id = {s}", LOCKED),
        (f"UPDATE sessions SET id = 9999 WHERE id = {s}", LOCKED),
        (f"DELETE FROM sessions WHERE id = {s}", LOCKED),
        (
            f"INSERT INTO sessions {session_cols} VALUES ({s}, {r.case}, {T}, 1, 'in_person', "
            f"{T}) ON CONFLICT (id) DO UPDATE SET duration_minutes = 1",
            LOCKED,
        ),
        (f"UPDATE note_steps SET step = 5 WHERE note_id = {n}", LOCKED),
        (f"DELETE FROM note_steps WHERE note_id = {n}", LOCKED),
        (f"INSERT INTO note_steps (note_id, step) VALUES ({n}, 4)", LOCKED),
        (f"UPDATE note_steps SET note_id = {n}, step = 3 WHERE note_id = {d}", LOCKED),
        (f"UPDATE note_partner_steps SET step = 1 WHERE note_id = {n}", LOCKED),
        (f"DELETE FROM note_partner_steps WHERE note_id = {n}", LOCKED),
        (
            f"INSERT INTO note_partner_steps VALUES ({n}, {r.p1}, 1) "
            "ON CONFLICT (note_id, partner_id) DO UPDATE SET step = 1",
            LOCKED,
        ),
        (f"UPDATE partner_readings SET position = -3 WHERE note_id = {n}", LOCKED),
        (f"DELETE FROM partner_readings WHERE note_id = {n}", LOCKED),
        (
            "INSERT INTO partner_readings (note_id, partner_id, flooded, flooding_note) "
            f"VALUES ({n}, {r.p2}, true, '')",
            LOCKED,
        ),
        (
            f"UPDATE partner_readings SET note_id = {n}, partner_id = {r.p2} WHERE note_id = {d}",
            LOCKED,
        ),
        (f"UPDATE couple_readings SET intensity = 0 WHERE note_id = {n}", LOCKED),
        (f"DELETE FROM couple_readings WHERE note_id = {n}", LOCKED),
        (
            f"INSERT INTO couple_readings (note_id, loops, loop_other, trigger, "
            f"co_regulation_note) VALUES ({n}, '[]', '', '', '') "
            "ON CONFLICT (note_id) DO UPDATE SET intensity = 0",
            LOCKED,
        ),
        (f"UPDATE note_goals SET progress = 'harder' WHERE note_id = {n}", LOCKED),
        (f"DELETE FROM note_goals WHERE note_id = {n}", LOCKED),
        (f"INSERT INTO note_goals VALUES ({n}, 'g-other', 'steady', '')", LOCKED),
        (f"UPDATE note_goals SET note_id = {n}, goal_key = 'g-moved' WHERE note_id = {d}", LOCKED),
        (f"UPDATE session_markers SET text = 'other words' WHERE id = {r.marker}", LOCKED),
        (f"DELETE FROM session_markers WHERE id = {r.marker}", LOCKED),
        (
            "INSERT INTO session_markers (session_id, at, kind, text, created_at) "
            f"VALUES ({s}, {T}, 'co_regulation', '', {T})",
            LOCKED,
        ),
        (f"UPDATE session_markers SET session_id = {s} WHERE id = {r.draft_marker}", LOCKED),
        (f"UPDATE measure_responses SET answers = '{{}}' WHERE id = {r.answers}", LOCKED),
        (f"UPDATE measure_responses SET session_id = NULL WHERE id = {r.answers}", LOCKED),
        (f"DELETE FROM measure_responses WHERE id = {r.answers}", LOCKED),
        (f"INSERT INTO measure_responses {answer_cols} VALUES {answer_vals}", LOCKED),
        (
            f"UPDATE measure_responses SET session_id = {s} WHERE id = {r.loose_answers}",
            LOCKED,
        ),
        (f"UPDATE addenda SET body = 'forged' WHERE id = {r.addendum}", "cannot be changed"),
        (f"DELETE FROM addenda WHERE id = {r.addendum}", "an addendum cannot be deleted"),
        (
            "INSERT INTO addenda (note_id, created_at, author, body) "
            f"VALUES ({d}, {T}, 'x', 'early')",
            "addenda belong to signed notes",
        ),
        (
            "INSERT INTO addenda (id, note_id, created_at, author, body) "
            f"VALUES ({r.addendum}, {n}, {T}, 'x', 'c1.x') "
            "ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            "an addendum cannot be changed",
        ),
        (f"UPDATE treatment_plans SET agreement = 'forged' WHERE id = {r.plan}", PLAN),
        (f"UPDATE treatment_plans SET signed_at = NULL WHERE id = {r.plan}", PLAN),
        (f"DELETE FROM treatment_plans WHERE id = {r.plan}", PLAN),
        (
            f"INSERT INTO treatment_plans {plan_cols} VALUES ({r.plan}, {r.case}, 1, '[]', "
            f"'x', {T}, {T}) ON CONFLICT (id) DO UPDATE SET agreement = excluded.agreement",
            PLAN,
        ),
        (
            f"UPDATE treatment_plans SET version = 7 WHERE id = {r.draft_plan}",
            "a plan version stays with its case",
        ),
        (f"UPDATE plan_concerns SET text = 'forged' WHERE id = {r.concern}", PLAN),
        (f"DELETE FROM plan_concerns WHERE id = {r.concern}", PLAN),
        (
            "INSERT INTO plan_concerns (plan_id, partner_id, position, text) "
            f"VALUES ({r.plan}, NULL, 5, 'x')",
            PLAN,
        ),
        (f"UPDATE plan_concerns SET plan_id = {r.plan} WHERE id = {r.draft_concern}", PLAN),
        (f"UPDATE plan_goals SET text = 'Decide by June' WHERE id = {r.goal}", PLAN),
        (f"DELETE FROM plan_goals WHERE id = {r.goal}", PLAN),
        (
            "INSERT INTO plan_goals (plan_id, goal_key, partner_id, position, text) "
            f"VALUES ({r.plan}, 'g-new', NULL, 9, 'x')",
            PLAN,
        ),
        (f"UPDATE plan_goals SET plan_id = {r.plan} WHERE id = {r.draft_goal}", PLAN),
        (f"UPDATE plan_objectives SET target_on = '2030-01-01' WHERE id = {r.objective}", PLAN),
        (f"DELETE FROM plan_objectives WHERE id = {r.objective}", PLAN),
        (
            f"INSERT INTO plan_objectives (goal_id, position, text) VALUES ({r.goal}, 9, 'x')",
            PLAN,
        ),
        (f"UPDATE plan_objectives SET goal_id = {r.goal} WHERE id = {r.draft_objective}", PLAN),
    ]


@dataclass(frozen=True)
class Server:
    """The test run's server and the practice's database on it."""

    cluster: Any
    dbname: str

    def connect(self, login: str, password: str) -> psycopg.Connection[Any]:
        """A raw connection as *login*, one transaction per statement."""
        return psycopg.connect(
            self.cluster.conninfo(login, password, self.dbname),
            autocommit=True,
            options="-c search_path=clarity",
        )

    def superuser(self) -> psycopg.Connection[Any]:
        return self.connect(self.cluster.superuser, self.cluster.superuser_password)

    def snapshot(self) -> dict[str, list[str]]:
        """Every row of every locked table, as the superuser sees them."""
        with self.superuser() as conn:
            return {
                t: sorted(repr(tuple(row)) for row in conn.execute(f"SELECT * FROM {t}"))
                for t in locks.LOCKED_TABLES
            }


@pytest.fixture
def server(practice: OpenPractice, pg_cluster: Any) -> Server:
    return Server(pg_cluster, address.read(practice.folder).dbname)


def build(practice: OpenPractice, case: CaseDetail, server: Server) -> Record:
    """Plan version 1 signed and version 2 a draft; a signed note with everything a note
    holds and an addendum; a draft note with the same; answers linked to no session."""
    p1, p2 = (p.id for p in case.partners)
    objective = Objective("One need a week", date.today() + timedelta(days=30))
    goals = (
        Goal(None, "Stay curious about each other", key="g-couple"),
        Goal(p2, "Say what he needs", (objective,), key="g-lukasz"),
    )
    draft = plans.start_version(practice.uow(), case.id).draft
    assert draft is not None
    content = PlanContent(
        (Concern(p1, "Feels alone"),), goals, review_on=date.today() + timedelta(days=60)
    )
    plans.save_draft(practice.uow(), draft.id, content)
    v1 = plans.sign_plan(practice.uow(), draft.id)
    v2 = plans.start_version(practice.uow(), case.id).draft
    assert v2 is not None
    signed, later = _note(practice, case, 1, p1, p2), _note(practice, case, 8, p1, p2)
    tapped = [
        markers.add_marker(practice.uow(), s.id, MarkerKind.QUOTE, partner_id=p1, text="Here")
        for s in (signed, later)
    ]
    check_in = measures.find(measures.catalogue(practice.folder), "session_check_in")
    answers = [
        measures.record_answers(practice.uow(), check_in, case.id, p1, CALM, session_id=s)
        for s in (signed.id, None)
    ]
    notes.sign_note(practice.uow(), signed.note_id)
    addendum = notes.add_addendum(practice.uow(), signed.note_id, "Late entry: it ran long.")
    with server.superuser() as conn:
        found = conn.execute(
            "SELECT c.plan_id, min(c.id), min(g.id), min(o.id) FROM plan_concerns c "
            "JOIN plan_goals g ON g.plan_id = c.plan_id "
            "JOIN plan_objectives o ON o.goal_id = g.id GROUP BY c.plan_id"
        )
        rows = {int(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in found}
    return Record(
        case.id, p1, p2, signed.note_id, signed.id, addendum.id, tapped[0].id, answers[0].id,
        later.note_id, later.id, tapped[1].id, answers[1].id,
        v1.id, *rows[v1.id], v2.id, *rows[v2.id],
    )  # fmt: skip


def test_no_write_by_a_staff_login_changes_a_locked_record(
    practice: OpenPractice, couple_case: CaseDetail, server: Server
) -> None:
    from tests.pg_practice import DANA

    r = build(practice, couple_case, server)
    before = server.snapshot()
    wrong: list[tuple[str, str]] = []
    with server.connect(DANA.login, DANA.password) as conn:
        for sql, message in attacks(r):
            try:
                conn.execute(sql)
            except psycopg.IntegrityError as exc:
                if message not in str(exc):
                    wrong.append((sql, str(exc)))
            else:
                wrong.append((sql, "not refused"))
    assert wrong == []
    assert server.snapshot() == before


def test_a_draft_s_rows_still_change_and_a_signed_note_still_takes_an_addendum(
    practice: OpenPractice, couple_case: CaseDetail, server: Server
) -> None:
    from tests.pg_practice import DANA

    r = build(practice, couple_case, server)
    d = r.draft_note
    allowed = [
        # Values shaped like ciphertext: plain text is refused by its own rule.
        f"UPDATE notes SET sections = to_json('c1.rewritten'::text) WHERE id = {d}",
        f"UPDATE note_steps SET step = 3 WHERE note_id = {d}",
        f"UPDATE partner_readings SET position = 1 WHERE note_id = {d}",
        f"UPDATE note_goals SET progress = 'steady' WHERE note_id = {d}",
        f"UPDATE session_markers SET text = 'c1.Other' WHERE id = {r.draft_marker}",
        f"UPDATE measure_responses SET answers = to_json('c1.'::text) WHERE id = {r.loose_answers}",
        f"UPDATE plan_goals SET text = 'c1.Talk' WHERE id = {r.draft_goal}",
        f"DELETE FROM plan_objectives WHERE id = {r.draft_objective}",
        f"UPDATE treatment_plans SET agreement = 'c1.Slow' WHERE id = {r.draft_plan}",
        f"INSERT INTO addenda (note_id, created_at, author, body) VALUES ({r.note}, {T}, 'D', 'c1.')",
    ]
    with server.connect(DANA.login, DANA.password) as conn:
        assert [conn.execute(sql).rowcount for sql in allowed] == [1] * len(allowed)


def test_not_even_the_superuser_empties_a_locked_table_or_rewrites_the_audit(
    practice: OpenPractice, couple_case: CaseDetail, server: Server
) -> None:
    from tests.pg_practice import DANA

    r = build(practice, couple_case, server)
    before = server.snapshot()
    with server.superuser() as conn:
        for table in locks.LOCKED_TABLES:
            with pytest.raises(psycopg.IntegrityError):
                conn.execute(f"TRUNCATE {table} CASCADE")
        for sql in ("UPDATE audit_events SET detail = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(psycopg.IntegrityError, match=locks.AUDIT_LOCKED):
                conn.execute(sql)
        conn.execute("SET ROLE clarity_owner")  # the tables' owner is held too
        with pytest.raises(psycopg.IntegrityError, match=LOCKED):
            conn.execute(f"DELETE FROM notes WHERE id = {r.note}")
    with server.connect(DANA.login, DANA.password) as conn:
        for sql in ("UPDATE audit_events SET detail = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    assert server.snapshot() == before


SWITCH_OFF = (
    "DROP TRIGGER trg_notes_locked ON notes",
    "ALTER TABLE notes DISABLE TRIGGER trg_notes_locked",
    "ALTER TABLE plan_goals DISABLE TRIGGER ALL",
    "ALTER TABLE addenda ENABLE REPLICA TRIGGER trg_addenda_locked",
    "SET session_replication_role = replica",
    "CREATE OR REPLACE FUNCTION lock_with_note() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN RETURN NEW; END $$",
    "ALTER FUNCTION lock_with_session() SECURITY INVOKER",
    "DROP FUNCTION lock_with_plan() CASCADE",
)


def test_a_staff_login_cannot_switch_a_lock_off(
    practice: OpenPractice, couple_case: CaseDetail, server: Server
) -> None:
    from tests.pg_practice import ADMIN, DANA

    r = build(practice, couple_case, server)
    for person in (DANA, ADMIN):
        with server.connect(person.login, person.password) as conn:
            for sql in SWITCH_OFF:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)
    assert practices.integrity_problems(practice) == []
    with server.superuser() as conn:
        owners = conn.execute(
            "SELECT proname, pg_get_userbyid(proowner), prosecdef FROM pg_proc "
            "WHERE pronamespace = 'clarity'::regnamespace AND proname = ANY(%s)",
            (list(locks.FUNCTIONS),),
        ).fetchall()
    assert sorted(owners) == [(name, "clarity_owner", True) for name in sorted(locks.FUNCTIONS)]
    with (
        server.connect(DANA.login, DANA.password) as conn,
        pytest.raises(psycopg.IntegrityError, match=LOCKED),
    ):
        conn.execute(f"DELETE FROM note_steps WHERE note_id = {r.note}")


def _put_back(name: str) -> str:
    return locks.TRIGGERS[name].create_sql()


# (what the superuser does, the lock check must name, what puts it back)
SABOTAGE = {
    "drop": (
        "DROP TRIGGER trg_plan_goals_locked ON plan_goals",
        "trg_plan_goals_locked",
        _put_back("trg_plan_goals_locked"),
    ),
    "disable": (
        "ALTER TABLE session_markers DISABLE TRIGGER trg_session_markers_locked",
        "trg_session_markers_locked",
        "ALTER TABLE session_markers ENABLE TRIGGER trg_session_markers_locked",
    ),
    "replica-only": (
        "ALTER TABLE notes ENABLE REPLICA TRIGGER trg_notes_locked",
        "trg_notes_locked",
        "ALTER TABLE notes ENABLE TRIGGER trg_notes_locked",
    ),
    "no-op-function": (
        "CREATE OR REPLACE FUNCTION lock_addendum() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RETURN NEW; END $$",
        "trg_addenda_locked",
        locks.function_sql("lock_addendum", replace=True),
    ),
    "fewer-events": (
        "DROP TRIGGER trg_measure_responses_locked ON measure_responses; "
        "CREATE TRIGGER trg_measure_responses_locked BEFORE DELETE ON measure_responses "
        "FOR EACH ROW EXECUTE FUNCTION lock_with_session('session_id')",
        "trg_measure_responses_locked",
        "DROP TRIGGER trg_measure_responses_locked ON measure_responses; "
        + _put_back("trg_measure_responses_locked"),
    ),
    "truncate-allowed": (
        "DROP TRIGGER trg_audit_events_no_truncate ON audit_events",
        "trg_audit_events_no_truncate",
        _put_back("trg_audit_events_no_truncate"),
    ),
}


@pytest.mark.parametrize("how", list(SABOTAGE))
def test_the_integrity_check_names_a_lock_the_superuser_switched_off(
    practice: OpenPractice, server: Server, how: str
) -> None:
    sabotage, named, repair = SABOTAGE[how]
    assert practices.integrity_problems(practice) == []
    with server.superuser() as conn:
        conn.execute(sabotage)
        try:
            (found,) = practices.integrity_problems(practice)
            assert found.code is ErrorCode.INTEGRITY_LOCKS_MISSING
            assert found.params["names"] == (named,)
        finally:  # the server's practice may be shared by the tests after this one
            conn.execute(repair)
    assert practices.integrity_problems(practice) == []

"""A write into a case one cannot see tells nothing about what is in it.

Eli (a clinician not assigned to Dana's case) writes with his own raw login against Dana's
records: rows for her signed note, her draft note and a note that does not exist; for her
signed session, a session with a draft note and no session; for her signed plan, her draft
plan and no plan; and rows of his own case moved onto each of those. Every one must be
refused, and refused the same way for all three targets: the same error class, SQLSTATE
and message, so that neither whether the record exists nor whether it is signed leaks
through a record lock (which reads past row security, as the schema's owner). Failed on
main: the locks answered "signed note is locked" only for a signed target.

Nor may a new case's id name one that exists: the trigger that assigns a new case to its
creator ran before the insert's conflict check, so ``INSERT ... ON CONFLICT DO NOTHING``
with the id of Dana's case gave Eli access to it (failed on main too).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.plans import Goal, Objective, PlanContent
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, plans, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.pg_cluster import PgCluster
from tests.pg_practice import DANA, ELI, PgPractices
from tests.store.pg_case import Practice, connect, counts, dana_case, superuser_counts

T = "'2024-01-01 00:00:00'"
NOWHERE = 987_654  # an id no row has


@dataclass(frozen=True)
class Targets:
    """(signed, unsigned, nonexistent) of each kind in Dana's case; Eli's own rows."""

    case: int
    partner: int
    note: tuple[int, int, int]
    session: tuple[int, int, int]
    plan: tuple[int, int, int]
    goal: tuple[int, int, int]
    eli_case: int
    eli_partner: int
    eli_session: int
    eli_note: int
    eli_plan: int
    eli_goal: int


def _draft_note(practice: OpenPractice, case_id: int, day: int) -> tuple[int, int]:
    made = sessions.create_session(
        practice.uow(), case_id, SessionInput(starts_at=datetime(2025, 3, day, 10, 0))
    )
    assert made.note_id is not None
    notes.save_draft(
        practice.uow(),
        made.note_id,
        NoteDraft(Template.FIVE_STEPS, {"focus": "A draft."}, frozenset({Step.LEAN_IN}), {}, False),
    )
    return made.id, made.note_id


def _plans(practice: OpenPractice, case_id: int, *, sign: bool) -> tuple[int, int]:
    """(signed version 1, draft version 2) when *sign*, else (draft, draft)."""
    goal = Goal(None, "Slow down together", (Objective("Talk weekly", date.today()),))
    v1 = plans.start_version(practice.uow(), case_id).draft
    assert v1 is not None
    plans.save_draft(
        practice.uow(), v1.id, PlanContent(goals=(goal,), review_on=date.today() + timedelta(30))
    )
    if not sign:
        return v1.id, v1.id
    plans.sign_plan(practice.uow(), v1.id)
    v2 = plans.start_version(practice.uow(), case_id).draft
    assert v2 is not None
    return v1.id, v2.id


def _goal_of(cluster: PgCluster, dbname: str, plan_id: int) -> int:
    out = cluster.psql(f"SELECT min(id) FROM clarity.plan_goals WHERE plan_id = {plan_id}", dbname)
    return int(out.strip())


@pytest.fixture
def targets(
    pg_cluster: PgCluster, pg_practices: PgPractices, tmp_path: Path
) -> Iterator[tuple[Practice, Targets]]:
    with dana_case(pg_practices, tmp_path) as p:
        dana = pg_practices.unlock(p.dbname, DANA, tmp_path / "dana-more")
        eli = pg_practices.unlock(p.dbname, ELI, tmp_path / "eli")
        try:
            draft_session, draft_note = _draft_note(dana, p.case_id, 11)
            signed_plan, draft_plan = _plans(dana, p.case_id, sign=True)
            own = cases.create_case(
                eli.uow(),
                CaseInput(
                    CaseKind.COUPLE, "", (PartnerInput(name="Ines"), PartnerInput(name="Jo"))
                ),
            )
            eli_session, eli_note = _draft_note(eli, own.id, 12)
            eli_plan, _ = _plans(eli, own.id, sign=False)
            partner = cases.open_case(dana.uow(), p.case_id).partners[0].id
        finally:
            eli.close()
            dana.close()
        yield (
            p,
            Targets(
                case=p.case_id,
                partner=partner,
                note=(p.note_id, draft_note, NOWHERE),
                session=(p.session_id, draft_session, NOWHERE),
                plan=(signed_plan, draft_plan, NOWHERE),
                goal=(
                    _goal_of(pg_cluster, p.dbname, signed_plan),
                    _goal_of(pg_cluster, p.dbname, draft_plan),
                    NOWHERE,
                ),
                eli_case=own.id,
                eli_partner=own.partners[0].id,
                eli_session=eli_session,
                eli_note=eli_note,
                eli_plan=eli_plan,
                eli_goal=_goal_of(pg_cluster, p.dbname, eli_plan),
            ),
        )


def writes(t: Targets) -> list[tuple[str, str]]:
    """(what Eli tries, the kind of target {x} stands for)."""
    case, partner = t.case, t.partner
    return [
        (f"INSERT INTO addenda (note_id, created_at, author, body) VALUES ({{x}}, {T}, 'E', 'x')",
         "note"),
        ("INSERT INTO note_steps (note_id, step) VALUES ({x}, 2)", "note"),
        (f"INSERT INTO note_partner_steps VALUES ({{x}}, {partner}, 2)", "note"),
        ("INSERT INTO partner_readings (note_id, partner_id, flooded, flooding_note) "
         f"VALUES ({{x}}, {partner}, true, '')", "note"),
        ("INSERT INTO couple_readings (note_id, loops, loop_other, trigger, co_regulation_note) "
         "VALUES ({x}, '[]', '', '', '')", "note"),
        ("INSERT INTO note_goals VALUES ({x}, 'g-x', 'steady', '')", "note"),
        ("INSERT INTO note_reviews (note_id, state, by_user_id, by_name, at, comment) "
         f"VALUES ({{x}}, 'cosigned', me(), 'Eli', {T}, '')", "note"),
        ("INSERT INTO notes (session_id, template, sections, private, created_at, updated_at) "
         f"VALUES ({{x}}, 'five_steps', '{{{{}}}}', false, {T}, {T})", "session"),
        ("INSERT INTO session_markers (session_id, at, kind, text, created_at) "
         f"VALUES ({{x}}, {T}, 'co_regulation', '', {T})", "session"),
        ("INSERT INTO measure_responses (case_id, partner_id, session_id, instrument, "
         "instrument_version, answered_on, source, answers, created_at, updated_at) "
         f"VALUES ({case}, {partner}, {{x}}, 'x', 1, '2024-03-01', 'paper', '{{{{}}}}', {T}, {T})",
         "session"),
        # Eli's own case, Dana's session: a row of his that would point into her case.
        ("INSERT INTO measure_responses (case_id, partner_id, session_id, instrument, "
         "instrument_version, answered_on, source, answers, created_at, updated_at) "
         f"VALUES ({t.eli_case}, {t.eli_partner}, {{x}}, 'x', 1, '2024-03-01', 'paper', '{{{{}}}}', {T}, {T})",
         "session"),
        ("INSERT INTO plan_concerns (plan_id, partner_id, position, text) "
         "VALUES ({x}, NULL, 5, 'x')", "plan"),
        ("INSERT INTO plan_goals (plan_id, goal_key, partner_id, position, text) "
         "VALUES ({x}, 'g-new', NULL, 9, 'x')", "plan"),
        ("INSERT INTO plan_objectives (goal_id, position, text) VALUES ({x}, 9, 'x')", "goal"),
        # Eli's own rows moved onto Dana's records.
        (f"UPDATE note_steps SET note_id = {{x}} WHERE note_id = {t.eli_note}", "note"),
        (f"UPDATE notes SET session_id = {{x}} WHERE id = {t.eli_note}", "session"),
        (f"UPDATE plan_goals SET plan_id = {{x}} WHERE plan_id = {t.eli_plan}", "plan"),
        (f"UPDATE plan_objectives SET goal_id = {{x}} WHERE goal_id = {t.eli_goal}", "goal"),
    ]  # fmt: skip


def _answer(conn: psycopg.Connection[Any], statement: str) -> tuple[str, str | None, str]:
    """What the server says: (error class, SQLSTATE, message), or what happened."""
    try:
        with conn.transaction():
            cur = conn.execute(statement)  # type: ignore[call-overload]
            rowcount = cur.rowcount
            raise _Undo(rowcount)
    except _Undo as done:
        return ("no error", None, f"{done.rowcount} rows")
    except psycopg.Error as exc:
        return (type(exc).__name__, exc.sqlstate, exc.diag.message_primary or "")


class _Undo(Exception):
    def __init__(self, rowcount: int) -> None:
        self.rowcount = rowcount


def test_a_write_into_an_unseen_case_is_refused_alike_whatever_its_target(
    pg_cluster: PgCluster, targets: tuple[Practice, Targets]
) -> None:
    p, t = targets
    before = superuser_counts(pg_cluster, p)
    kinds = {"note": t.note, "session": t.session, "plan": t.plan, "goal": t.goal}
    told: list[tuple[str, list[tuple[str, str | None, str]]]] = []
    with connect(pg_cluster, ELI, p.dbname) as eli:
        for template, kind in writes(t):
            answers = [_answer(eli, template.format(x=x)) for x in kinds[kind]]
            refused_alike = len(set(answers)) == 1 and answers[0][1] == "42501"
            if not refused_alike:
                told.append((template, answers))
    assert told == [], "\n".join(f"{s}\n   {a}" for s, a in told)
    assert superuser_counts(pg_cluster, p) == before


def test_the_refusal_is_row_security_s_own(
    pg_cluster: PgCluster, targets: tuple[Practice, Targets]
) -> None:
    """The same words as a write the locks never see (a partner added to the case)."""
    p, t = targets
    with connect(pg_cluster, ELI, p.dbname) as eli:
        plain = _answer(
            eli, f"INSERT INTO partners (case_id, position, name) VALUES ({t.case}, 3, 'x')"
        )
        locked = _answer(eli, f"INSERT INTO note_steps (note_id, step) VALUES ({t.note[0]}, 2)")
    assert plain[:2] == locked[:2] == ("InsufficientPrivilege", "42501")
    assert locked[2] == plain[2].replace('"partners"', '"note_steps"')


def test_the_locks_still_hold_for_the_case_s_own_clinician(
    pg_cluster: PgCluster, targets: tuple[Practice, Targets]
) -> None:
    p, t = targets
    with connect(pg_cluster, DANA, p.dbname) as dana:
        said = _answer(dana, f"INSERT INTO note_steps (note_id, step) VALUES ({t.note[0]}, 2)")
        assert said[:2] == ("IntegrityConstraintViolation", "23000")
        assert "signed note is locked" in said[2]
        nowhere = _answer(dana, f"INSERT INTO note_steps (note_id, step) VALUES ({NOWHERE}, 2)")
        assert nowhere[1] == "42501"  # no note of hers: as for Eli


def test_a_new_case_cannot_take_the_id_of_one_that_exists(
    pg_cluster: PgCluster, targets: tuple[Practice, Targets]
) -> None:
    """An id of one's own choosing is refused alike whether a case has it or not; a case
    numbered by the server (one or several in one statement) is still made."""
    p, t = targets
    columns = (
        "kind, display_name, relationship_structure, status, opened_on, safety_flag, "
        "safety_note, created_at, updated_at"
    )
    # Shaped like ciphertext: plain text would be refused by its own rule (ciphertext_checks).
    values = f"'couple', 'c1.x', 'c1.', 'active', '2024-01-01', false, 'c1.', {T}, {T}"
    with connect(pg_cluster, ELI, p.dbname) as eli:
        answers = [
            _answer(
                eli,
                f"INSERT INTO cases (id, {columns}) VALUES ({x}, {values}) ON CONFLICT DO NOTHING",
            )
            for x in (t.case, NOWHERE)
        ]
        assert answers[0] == answers[1] and answers[0][1] == "42501"
        assert counts(eli, p) == dict.fromkeys(counts(eli, p), 0)
        made = eli.execute(f"INSERT INTO cases ({columns}) VALUES ({values}), ({values})")
        assert made.rowcount == 2
        mine = eli.execute("SELECT count(*) FROM case_access WHERE user_id = me()").fetchone()
        assert mine == (3,)  # his first case and these two

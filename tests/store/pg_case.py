"""A practice server with one case of Dana's in it, for the tests that try each login's
access with raw connections (test_pg_row_security.py, test_pg_emergency.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import NoteDraft
from tests.pg_cluster import PgCluster
from tests.pg_practice import DANA, Person, PgPractices


@dataclass(frozen=True)
class Practice:
    dbname: str
    case_id: int
    session_id: int
    note_id: int
    scratch: Path


@contextlib.contextmanager
def dana_case(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Practice]:
    """A fresh practice where Dana has a couple case (with a safety note) and one signed
    note with readings and an addendum, all made through the services."""
    dbname = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(dbname, DANA, tmp_path / "dana")
    try:
        case = cases.create_case(
            dana.uow(),
            CaseInput(
                kind=CaseKind.COUPLE,
                display_name="",
                partners=(
                    PartnerInput(name="Zoë", email="zoe@example.org", phone="555 0101"),
                    PartnerInput(name="Łukasz"),
                ),
                relationship_structure="Married",
                safety_flag=True,
                safety_note="Raised voices at home in March.",
                opened_on=date(2024, 1, 15),
            ),
        )
        a, b = (p.id for p in case.partners)
        made = sessions.create_session(
            dana.uow(), case.id, SessionInput(datetime(2025, 3, 4, 10, 0))
        )
        assert made.note_id is not None
        notes.save_draft(
            dana.uow(),
            made.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": "Both named the loop at the kitchen table."},
                frozenset({Step.LEAN_IN}),
                {a: Step.LEAN_IN},
                False,
                partner_readings={a: PartnerReading(position=3, stance=6, clarity=4)},
                couple_reading=CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=6),
            ),
        )
        notes.sign_note(dana.uow(), made.note_id)
        notes.add_addendum(dana.uow(), made.note_id, "Zoë called to add a detail.")
        assert b
    finally:
        dana.close()
    try:
        yield Practice(dbname, case.id, made.id, made.note_id, tmp_path)
    finally:
        pg_practices.drop(dbname)


def connect(cluster: PgCluster, person: Person, dbname: str) -> psycopg.Connection[Any]:
    conn = psycopg.connect(cluster.conninfo(person.login, person.password, dbname), autocommit=True)
    conn.execute("SET search_path = clarity")
    return conn


# What each table's rows of the case are, as a WHERE clause on that table.
OF_THE_CASE = {
    "cases": "id = %(case)s",
    "partners": "case_id = %(case)s",
    "sessions": "case_id = %(case)s",
    "notes": "session_id = %(session)s",
    "note_steps": "note_id = %(note)s",
    "note_partner_steps": "note_id = %(note)s",
    "partner_readings": "note_id = %(note)s",
    "couple_readings": "note_id = %(note)s",
    "addenda": "note_id = %(note)s",
    "note_search": "note_id = %(note)s",
    "audit_events": "case_id = %(case)s",
}


def counts(conn: psycopg.Connection[Any], p: Practice) -> dict[str, int]:
    where = {"case": p.case_id, "session": p.session_id, "note": p.note_id}
    out = {}
    for table, rule in OF_THE_CASE.items():
        row = conn.execute(f"SELECT count(*) FROM {table} WHERE {rule}", where).fetchone()
        assert row is not None
        out[table] = int(row[0])
    return out


def superuser_counts(cluster: PgCluster, p: Practice) -> dict[str, int]:
    info = cluster.conninfo(cluster.superuser, cluster.superuser_password, p.dbname)
    with psycopg.connect(info) as conn:
        conn.execute("SET search_path = clarity")
        return counts(conn, p)

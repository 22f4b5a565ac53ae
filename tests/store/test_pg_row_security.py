"""Row-level security on a practice server, tried as each login with raw connections: what
the server itself lets each staff member see and write, whatever program they connect with.

Dana (clinician) keeps a couple case with a signed note; Eli (another clinician) sees none
of it until an administrator assigns it to him; Sam (supervisor) sees it once he supervises
Dana; Fran (front desk) and Ada (administrator) see who the clients are, never what is said.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import cases, staff
from clarity_desktop.store.postgres.encryption.values import is_encrypted
from clarity_desktop.store.postgres.roles import GROUP
from tests.pg_cluster import PgCluster
from tests.pg_practice import ADMIN, DANA, ELI, FRAN, SAM, Person, PgPractices
from tests.store.pg_case import (
    OF_THE_CASE,
    Practice,
    connect,
    counts,
    dana_case,
    superuser_counts,
)


@pytest.fixture
def server_case(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Practice]:
    with dana_case(pg_practices, tmp_path) as made:
        yield made


def test_every_table_of_the_practice_has_row_security_forced(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    """A table added later without row security fails here: it would be readable whole by
    any login with a grant on it."""
    rows = pg_cluster.psql(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'clarity' AND c.relkind IN ('r', 'p') ORDER BY 1",
        server_case.dbname,
    )
    table_rows = [line.split("|") for line in rows.strip().splitlines()]
    tables = {r[0] for r in table_rows}
    assert {"cases", "notes", "audit_events", "staff", "emergency_grants"} <= tables
    unguarded = [r[0] for r in table_rows if r[1:] != ["t", "t"]]
    assert unguarded == []


def test_the_whole_case_is_there_for_its_clinician(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    everything = superuser_counts(pg_cluster, server_case)
    assert all(everything.values()), everything  # the fixture made a row of every kind
    with connect(pg_cluster, DANA, server_case.dbname) as dana:
        assert counts(dana, server_case) == everything


def test_an_unassigned_clinician_sees_nothing_of_the_case(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    with connect(pg_cluster, ELI, server_case.dbname) as eli:
        assert counts(eli, server_case) == dict.fromkeys(OF_THE_CASE, 0)


def _refused_or_nothing(conn: psycopg.Connection[Any], statement: str, **params: Any) -> None:
    """The server refuses the write, or it touches no row."""
    try:
        cur = conn.execute(statement, params)
    except psycopg.errors.InsufficientPrivilege:
        return
    assert cur.rowcount == 0, statement


def test_an_unassigned_clinician_cannot_write_into_the_case(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    p = server_case
    before = superuser_counts(pg_cluster, p)
    with connect(pg_cluster, ELI, p.dbname) as eli:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            eli.execute(
                "INSERT INTO sessions (case_id, starts_at, duration_minutes, modality, created_at) "
                "VALUES (%s, now(), 50, 'in_person', now())",
                (p.case_id,),
            )
        # A record lock says nothing of a note he may not see: row security refuses.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            eli.execute(
                "INSERT INTO notes (session_id, template, sections, private, created_at, "
                "updated_at) VALUES (%s, 'five_steps', '{}', false, now(), now())",
                (p.session_id,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            eli.execute(
                "INSERT INTO addenda (note_id, created_at, author, body) "
                "VALUES (%s, now(), 'Eli', 'mine')",
                (p.note_id,),
            )
        for statement in (
            "UPDATE cases SET display_name = 'taken' WHERE id = %(case)s",
            "UPDATE partners SET email = 'x@example.org' WHERE case_id = %(case)s",
            "UPDATE sessions SET duration_minutes = 1 WHERE case_id = %(case)s",
            "DELETE FROM partner_readings WHERE note_id = %(note)s",
            "DELETE FROM couple_readings WHERE note_id = %(note)s",
            "DELETE FROM note_steps WHERE note_id = %(note)s",
            "DELETE FROM partners WHERE case_id = %(case)s",
            "DELETE FROM sessions WHERE case_id = %(case)s",
        ):
            _refused_or_nothing(eli, statement, case=p.case_id, note=p.note_id)
    assert superuser_counts(pg_cluster, p) == before


def test_assigning_the_case_shows_it_and_taking_it_back_hides_it(
    pg_cluster: PgCluster, pg_practices: PgPractices, server_case: Practice
) -> None:
    p = server_case
    ada = pg_practices.unlock(p.dbname, ADMIN, p.scratch / "ada")
    eli_app = pg_practices.unlock(p.dbname, ELI, p.scratch / "eli")
    try:
        with connect(pg_cluster, ELI, p.dbname) as eli:
            assert cases.list_cases(eli_app.uow()) == []
            with pytest.raises(NotFound):
                cases.open_case(eli_app.uow(), p.case_id)
            staff.assign_case(ada, p.case_id, ELI.login)
            assert counts(eli, p) == superuser_counts(pg_cluster, p)
            assert [c.id for c in cases.list_cases(eli_app.uow())] == [p.case_id]
            staff.assign_case(ada, p.case_id, ELI.login, remove=True)
            assert counts(eli, p) == dict.fromkeys(OF_THE_CASE, 0)
            assert cases.list_cases(eli_app.uow()) == []
    finally:
        eli_app.close()
        ada.close()


def test_a_supervisor_sees_the_cases_of_whom_he_supervises_while_he_does(
    pg_cluster: PgCluster, pg_practices: PgPractices, server_case: Practice
) -> None:
    p = server_case
    folder = p.scratch / "ada"
    ada = pg_practices.unlock(p.dbname, ADMIN, folder)
    try:
        with connect(pg_cluster, SAM, p.dbname) as sam:
            assert counts(sam, p) == dict.fromkeys(OF_THE_CASE, 0)
            staff.set_supervision(ada, SAM.login, DANA.login, SupervisionMode.VIEW)
            assert counts(sam, p) == superuser_counts(pg_cluster, p)
            staff.set_supervision(ada, SAM.login, DANA.login, None)
            assert counts(sam, p) == dict.fromkeys(OF_THE_CASE, 0)
        # Only a supervisor supervises, and never themselves.
        for supervisor, supervisee, why in (
            (ELI, DANA, ErrorCode.SERVER_SUPERVISION_INVALID),
            (SAM, SAM, ErrorCode.SUPERVISION_SELF),
            (SAM, FRAN, ErrorCode.SERVER_SUPERVISION_INVALID),
        ):
            with pytest.raises(ValidationError) as refused:
                staff.set_supervision(ada, supervisor.login, supervisee.login, SupervisionMode.VIEW)
            assert refused.value.code is why
    finally:
        ada.close()
    rows = [(r[0], r[5]) for r in pg_practices.audit_rows(folder) if r[0].startswith("superv")]
    assert rows == [
        ("supervision_set", "sam supervises dana (view)"),
        ("supervision_ended", "sam supervises dana"),
    ]


def test_only_an_administrator_links_a_supervisor(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    """Sam cannot make himself Dana's supervisor with his own login."""
    with connect(pg_cluster, SAM, server_case.dbname) as sam:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute(
                "INSERT INTO supervision (supervisor_id, supervisee_id, mode) SELECT me(), "
                "(SELECT user_id FROM staff WHERE login = 'dana'), 'view'"
            )
        assert counts(sam, server_case) == dict.fromkeys(OF_THE_CASE, 0)


def _denied(conn: psycopg.Connection[Any], statement: str) -> bool:
    try:
        conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


CLINICAL_READS = (
    "SELECT safety_note FROM cases",
    "SELECT relationship_structure FROM cases",
    "SELECT * FROM cases",
    "SELECT date_of_birth FROM partners",
    "SELECT status_reason FROM sessions",
    "SELECT sections FROM notes",
    "SELECT * FROM partner_readings",
    "SELECT * FROM couple_readings",
    "SELECT body FROM addenda",
    "SELECT tokens FROM note_search",
    "SELECT * FROM treatment_plans",
    "SELECT * FROM measure_responses",
)


def test_the_front_desk_sees_the_schedule_and_contacts_and_no_clinical_text(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    p = server_case
    with connect(pg_cluster, FRAN, p.dbname) as fran:
        # She may read the columns; their values are the directory key's ciphertext, which
        # her program opens (tests/services/test_directory_key.py), never plain text here.
        [(case_id, name, status)] = fran.execute(
            "SELECT id, display_name, status FROM cases"
        ).fetchall()
        assert (case_id, status) == (p.case_id, "active") and is_encrypted(name)
        contacts = fran.execute("SELECT name, email, phone FROM partners ORDER BY position")
        found = [v for row in contacts.fetchall() for v in row]
        assert len(found) == 6 and all(is_encrypted(v) for v in found)
        assert fran.execute("SELECT id, starts_at FROM sessions").fetchall() == [
            (p.session_id, datetime(2025, 3, 4, 10, 0))
        ]
        refused = [s for s in (*CLINICAL_READS, "SELECT * FROM audit_events") if _denied(fran, s)]
        assert refused == [*CLINICAL_READS, "SELECT * FROM audit_events"]


def test_the_administrator_reads_every_audit_row_and_no_clinical_text(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    p = server_case
    with connect(pg_cluster, ADMIN, p.dbname) as ada:
        everything = pg_cluster.psql("SELECT count(*) FROM clarity.audit_events", p.dbname)
        row = ada.execute("SELECT count(*) FROM audit_events").fetchone()
        assert row is not None and row[0] == int(everything) > 0
        [(name,)] = ada.execute("SELECT display_name FROM cases").fetchall()
        assert is_encrypted(name)  # her program opens it with the directory key
        refused = [s for s in CLINICAL_READS if _denied(ada, s)]
        assert refused == list(CLINICAL_READS)


def test_the_front_desk_signs_in_though_it_reads_no_audit_row(
    pg_practices: PgPractices, server_case: Practice
) -> None:
    """Signing in appends an "unlocked" row: the front desk may append, never read."""
    folder = server_case.scratch / "fran"
    fran = pg_practices.unlock(server_case.dbname, FRAN, folder)
    try:
        assert fran.principal.display_name == FRAN.name
    finally:
        fran.close()
    action, *_, actor, _detail = pg_practices.audit_rows(folder)[-1]
    assert (action, actor) == ("unlocked", FRAN.name)


@pytest.fixture
def restore_logins(pg_cluster: PgCluster) -> Iterator[None]:
    """Logins are the server's, shared by every practice database on it: one disabled in a
    test is let in again afterwards, for the tests that follow on this server."""
    yield
    pg_cluster.psql("".join(f"ALTER ROLE {p.login} LOGIN;" for p in (ADMIN, DANA, FRAN)))


# What each person could read before being disabled, all of which must then be gone.
SEEN = {
    DANA.login: [f"SELECT count(*) FROM {t}" for t in OF_THE_CASE]
    + ["SELECT count(*) FROM users", "SELECT count(*) FROM case_access"],
    FRAN.login: [f"SELECT count(id) FROM {t}" for t in ("cases", "partners", "sessions")]
    + ["SELECT count(*) FROM users", "SELECT count(*) FROM staff"],
    ADMIN.login: [
        f"SELECT count(*) FROM {t}" for t in ("audit_events", "users", "staff", "case_access")
    ]
    + ["SELECT count(id) FROM cases"],
}


@pytest.mark.parametrize("person", [DANA, FRAN, ADMIN], ids=lambda p: p.login)
@pytest.mark.usefixtures("restore_logins")
def test_a_disabled_login_sees_nothing_at_once_on_a_connection_already_open(
    pg_cluster: PgCluster, pg_practices: PgPractices, server_case: Practice, person: Person
) -> None:
    p = server_case
    with connect(pg_cluster, person, p.dbname) as conn:

        def seen() -> list[int]:
            return [int(conn.execute(q).fetchone()[0]) for q in SEEN[person.login]]  # type: ignore[index]

        assert all(seen()), seen()
        if person is ADMIN:  # nobody else may disable the administrator: the DBA does
            pg_cluster.psql(
                "UPDATE clarity.users SET disabled = true WHERE id = "
                "(SELECT user_id FROM clarity.staff WHERE login = 'ada'); ALTER ROLE ada NOLOGIN",
                p.dbname,
            )
        else:
            ada = pg_practices.unlock(p.dbname, ADMIN, p.scratch / "ada")
            try:
                staff.disable_staff(ada, person.login)
            finally:
                ada.close()
        assert seen() == [0] * len(SEEN[person.login])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO audit_events (id, at, actor, action, entity, user_id) "
                "VALUES (9999, now(), 'x', 'viewed', 'case', "
                "(SELECT user_id FROM staff WHERE login = %s))",
                (person.login,),
            )
    with pytest.raises(psycopg.OperationalError):
        connect(pg_cluster, person, p.dbname)


OTHERS = ("dana", "ada", "postgres", "clarity_owner", "clarity_registrar", *GROUP.values())


@pytest.mark.parametrize("person", [ELI, FRAN, ADMIN], ids=lambda p: p.login)
def test_a_login_cannot_become_anyone_else(
    pg_cluster: PgCluster, server_case: Practice, person: Person
) -> None:
    """Identity is session_user: no SET ROLE, SET SESSION AUTHORIZATION or setting lets a
    login act as another, and a login holds no other role it could take on."""
    p = server_case
    with connect(pg_cluster, person, p.dbname) as conn:
        for other in OTHERS:
            if other == person.login:
                continue
            for statement in (f"SET ROLE {other}", f"SET SESSION AUTHORIZATION {other}"):
                if other == GROUP[person.role] and statement.startswith("SET ROLE"):
                    continue  # its own group: below
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"GRANT {other} TO {person.login}")
        # Its own group is all it can SET to, and that changes nothing: still itself.
        groups = conn.execute(
            "SELECT r.rolname FROM pg_roles r WHERE pg_has_role(session_user, r.oid, 'MEMBER') "
            "AND r.rolname <> session_user"
        ).fetchall()
        assert len(groups) == 1
        conn.execute(f"SET ROLE {groups[0][0]}")
        conn.execute("SET application_name = 'dana'")
        conn.execute("SET clarity.login = 'dana'")
        row = conn.execute("SELECT login FROM staff WHERE user_id = me()").fetchone()
        assert row == (person.login,)
        if person is ELI:
            assert counts(conn, p) == dict.fromkeys(OF_THE_CASE, 0)


def _plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _plan_nodes(child)


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT id, display_name FROM cases ORDER BY display_name",
        "SELECT count(*) FROM notes",
        "SELECT r.* FROM partner_readings r JOIN notes n ON n.id = r.note_id "
        "JOIN sessions s ON s.id = n.session_id WHERE s.case_id = %(case)s",
        "SELECT count(*) FROM audit_events",
    ],
)
def test_the_login_s_cases_are_gathered_once_per_table_not_once_per_row(
    pg_cluster: PgCluster, server_case: Practice, statement: str
) -> None:
    """Each policy's my_cases() is an init plan run once; no policy is a correlated
    subplan run for every row (which at 400,000 notes is the difference between
    milliseconds and seconds)."""
    with connect(pg_cluster, DANA, server_case.dbname) as dana:
        row = dana.execute(
            f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", {"case": server_case.case_id}
        ).fetchone()
    assert row is not None
    nodes = list(_plan_nodes(row[0][0]["Plan"]))
    init_plans = [n for n in nodes if n.get("Parent Relationship") == "InitPlan"]
    assert init_plans and all(n["Actual Loops"] == 1 for n in init_plans)
    assert [n for n in nodes if n.get("Parent Relationship") == "SubPlan"] == []

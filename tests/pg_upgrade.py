"""Practice servers an older Clarity Desktop left behind, for ``server upgrade``'s tests.

Each test gets a database of its own (pg_practices.copy_database: these tests change the
schema, which the shared template must never see) with records made through the services:
Dana's couple with a signed note, its addendum and a draft, and Eli's individual client.
The superuser then makes it "older" the ways a server kept for years would be: a record
lock's function weaker than this version's, a function this version added missing, a row
policy and a grant of the front desk's missing, or the schema one revision behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.store.postgres import upgrade
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.connect import make_engine
from tests.pg_practice import DANA, ELI, PgPractices
from tests.services.conftest import note_draft

MONDAY = date(2026, 3, 2)
# The lock on signed notes as an older version might have had it: it lets everything by.
WEAKER_NOTE_LOCK = """CREATE OR REPLACE FUNCTION clarity.lock_signed_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$"""
OLDER_RULES = (
    WEAKER_NOTE_LOCK,
    "DROP FUNCTION clarity.case_names()",
    "DROP POLICY desk_read ON clarity.cases",
    "REVOKE SELECT ON clarity.case_access FROM clarity_front_desk",
)
# Revision 0012 undone: a server as 0011 left it, but for the columns 0012 widens to text,
# which keep their type here (they hold encrypted values too long for the older one).
ONE_REVISION_BACK = (
    *(
        f"ALTER TABLE clarity.{table} DROP COLUMN row_version"
        for table in (
            "partner_readings",
            "couple_readings",
            "note_goals",
            "plan_concerns",
            "plan_goals",
            "plan_objectives",
        )
    ),
    "UPDATE clarity.alembic_version SET version_num = '0011'",
)


@dataclass(frozen=True)
class Built:
    dbname: str
    couple_id: int
    note_id: int  # Dana's, signed, with an addendum
    draft_id: int  # Dana's, a draft


def build(pg: PgPractices, tmp: Path) -> Built:
    """A database of its own holding the template practice and a few records."""
    dbname = pg.copy_database(tmp)
    dana = pg.unlock(dbname, DANA, tmp / "dana-build")
    eli = pg.unlock(dbname, ELI, tmp / "eli-build")
    try:
        couple = cases.create_case(
            dana.uow(),
            CaseInput(
                kind=CaseKind.COUPLE,
                display_name="Zoë & Łukasz",
                partners=(
                    PartnerInput(name="Zoë Brandt", email="zoe@example.org", phone="555 0101"),
                    PartnerInput(name="Łukasz Nowak", phone="555 0102"),
                ),
                opened_on=date(2026, 1, 5),
            ),
        )
        held = sessions.create_session(
            dana.uow(), couple.id, SessionInput(datetime(2026, 3, 2, 10, 0))
        )
        assert held.note_id is not None
        notes.save_draft(dana.uow(), held.note_id, note_draft({"focus": "They named the loop."}))
        notes.sign_note(dana.uow(), held.note_id)
        notes.add_addendum(dana.uow(), held.note_id, "Zoë called to add a worry.")
        later = sessions.create_session(
            dana.uow(), couple.id, SessionInput(datetime(2026, 3, 3, 9, 0))
        )
        assert later.note_id is not None
        notes.save_draft(dana.uow(), later.note_id, note_draft({"focus": "Still a draft."}))
        cases.create_case(
            eli.uow(), CaseInput(CaseKind.INDIVIDUAL, "Robin Vale", (PartnerInput("Robin"),))
        )
    finally:
        dana.close()
        eli.close()
    return Built(dbname, couple.id, held.note_id, later.note_id)


def superuser(pg: PgPractices, dbname: str) -> ServerAddress:
    return pg.address(dbname, pg.cluster.superuser)


@contextlib.contextmanager
def as_superuser(pg: PgPractices, dbname: str) -> Iterator[psycopg.Connection[Any]]:
    """An autocommit connection as the server's superuser (a DBA at the server)."""
    cluster = pg.cluster
    with psycopg.connect(
        cluster.conninfo(cluster.superuser, cluster.superuser_password, dbname), autocommit=True
    ) as conn:
        yield conn


def run_sql(pg: PgPractices, dbname: str, *statements: str) -> None:
    with as_superuser(pg, dbname) as conn, conn.transaction():
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def records(pg: PgPractices, dbname: str) -> dict[str, tuple[int, str]]:
    """Every table of the practice: its row count and an md5 of all its rows (as text, in
    order), read as the superuser past row security."""
    out: dict[str, tuple[int, str]] = {}
    with as_superuser(pg, dbname) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'clarity' ORDER BY 1"
            )
        ]
        for table in tables:
            row = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f"FROM clarity.{table} AS t"  # type: ignore[arg-type]
            ).fetchone()
            assert row is not None
            out[table] = (int(row[0]), str(row[1]))
    return out


def catalog(pg: PgPractices, dbname: str) -> dict[str, str]:
    """The schema's every object as the server describes it (store/postgres/upgrade.py)."""
    engine = make_engine(superuser(pg, dbname), pg.cluster.superuser_password, pool_size=1)
    try:
        with engine.connect() as conn:
            return upgrade.catalog(conn)
    finally:
        engine.dispose()


def revision(pg: PgPractices, dbname: str) -> str:
    with as_superuser(pg, dbname) as conn:
        row = conn.execute("SELECT version_num FROM clarity.alembic_version").fetchone()
        assert row is not None
        return str(row[0])

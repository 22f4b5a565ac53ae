"""``server upgrade`` on a practice server an older Clarity Desktop left behind: its weaker
record lock, missing function, policy and grant are put back as this version makes them,
in one transaction, and no record changes. Upgrading twice changes nothing; a server newer
than the program is refused and left alone; an upgrade killed half-way leaves the server
exactly as it was. Failed on main: there was no way to upgrade a server at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.exc import DBAPIError

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.services import emergency, front_desk, server_admin
from clarity_desktop.store import migrate
from clarity_desktop.store.errors import PracticeDamaged, PracticeTooNew
from clarity_desktop.store.postgres import locks
from tests.pg_practice import ADMIN, DANA, ELI, FRAN, TEMPLATE, PgPractices
from tests.pg_upgrade import (
    MONDAY,
    OLDER_RULES,
    ONE_REVISION_BACK,
    Built,
    build,
    catalog,
    records,
    revision,
    run_sql,
)

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("function", "trigger", "policy")
HEAD = migrate.head_revision()
BEHIND = "0011"  # where ONE_REVISION_BACK leaves a server


@pytest.fixture
def older(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Built]:
    built = build(pg_practices, tmp_path)
    try:
        run_sql(pg_practices, built.dbname, *OLDER_RULES)
        yield built
    finally:
        pg_practices.drop(built.dbname)


def upgrade(pg: PgPractices, dbname: str) -> server_admin.ServerUpgrade:
    cluster = pg.cluster
    return server_admin.upgrade(
        cluster.url(cluster.superuser, dbname), cluster.ca_file, cluster.superuser_password
    )


def forge_signed_note(pg: PgPractices, dbname: str, note_id: int) -> None:
    """Dana, through her own login, rewrites her signed note (and rolls it back)."""
    with psycopg.connect(
        pg.cluster.conninfo(DANA.login, DANA.password, dbname),
        options="-c search_path=clarity",
    ) as conn:
        try:
            # Shaped like ciphertext, so only the record lock stands in its way (the
            # server refuses plain text in a sealed column outright: ciphertext_checks.py).
            conn.execute(
                "UPDATE notes SET sections = to_json('c1.forged'::text) WHERE id = %s", (note_id,)
            )
        finally:
            conn.rollback()


def check(pg: PgPractices, dbname: str, tmp: Path) -> server_admin.ServerCheck:
    ada = pg.unlock(dbname, ADMIN, tmp / "ada")
    try:
        return server_admin.check_server(ada)
    finally:
        ada.close()


def test_an_older_servers_rules_are_renewed_and_no_record_changes(
    pg_practices: PgPractices, older: Built, tmp_path: Path
) -> None:
    pg, db = pg_practices, older.dbname
    # What the older server does: check names the weakened lock, the weaker lock lets a
    # signed note be rewritten, a clinician's emergency list and the front desk's week fail.
    with pytest.raises(PracticeDamaged, match="trg_notes_locked") as damaged:
        check(pg, db, tmp_path)
    assert damaged.value.code == ErrorCode.PRACTICE_CHECK_FAILED
    forge_signed_note(pg, db, older.note_id)  # not refused
    eli = pg.unlock(db, ELI, tmp_path / "eli")
    fran = pg.unlock(db, FRAN, tmp_path / "fran")
    try:
        with pytest.raises(DBAPIError, match="case_names"):
            emergency.cases_to_open(eli)
        with pytest.raises(DBAPIError, match="permission denied for table case_access"):
            front_desk.schedule(fran.uow(), MONDAY, 1)
    finally:
        eli.close()
        fran.close()

    before = records(pg, db)
    done = upgrade(pg, db)
    assert records(pg, db) == before
    assert (done.before, done.after, done.applied) == (HEAD, HEAD, ())
    assert {
        "function case_names()",
        "function lock_signed_note()",
        "policy desk_read on cases",
        "privileges on case_access",
    } <= set(done.changed), done.changed
    fresh = catalog(pg, TEMPLATE)  # as server init makes them today
    counts = [sum(1 for k in fresh if k.startswith(f"{kind} ")) for kind in KINDS]
    assert [done.functions, done.triggers, done.policies] == counts
    assert min(counts) > 20

    assert check(pg, db, tmp_path).revision == HEAD
    with pytest.raises(psycopg.errors.IntegrityError, match=locks.LOCKED):
        forge_signed_note(pg, db, older.note_id)
    eli = pg.unlock(db, ELI, tmp_path / "eli")
    fran = pg.unlock(db, FRAN, tmp_path / "fran")
    try:
        assert [c.case_id for c in emergency.cases_to_open(eli)] == [older.couple_id]
        [monday] = front_desk.schedule(fran.uow(), MONDAY, 1).sessions
        assert (monday.client_name, monday.clinicians) == ("Zoë & Łukasz", (DANA.name,))
    finally:
        eli.close()
        fran.close()

    # A second upgrade finds nothing to change, and changes nothing.
    shape, rows = catalog(pg, db), records(pg, db)
    again = upgrade(pg, db)
    assert (again.before, again.after, again.applied, again.changed) == (HEAD, HEAD, (), ())
    assert (catalog(pg, db), records(pg, db)) == (shape, rows)


def test_a_server_newer_than_the_program_is_refused_and_left_alone(
    pg_practices: PgPractices, older: Built, tmp_path: Path
) -> None:
    pg, db = pg_practices, older.dbname
    run_sql(pg, db, "UPDATE clarity.alembic_version SET version_num = '0042'")
    shape, rows = catalog(pg, db), records(pg, db)
    with pytest.raises(PracticeTooNew) as refused:
        upgrade(pg, db)
    assert refused.value.code == ErrorCode.SERVER_UPGRADE_TOO_NEW
    assert "0042" in str(refused.value)
    assert (catalog(pg, db), records(pg, db), revision(pg, db)) == (shape, rows, "0042")

    # The same revision, but upgraded by a newer program since: refused too.
    run_sql(
        pg,
        db,
        f"UPDATE clarity.alembic_version SET version_num = '{HEAD}'",
        'COMMENT ON SCHEMA clarity IS \'{"program": "99.1.0"}\'',
    )
    shape, rows = catalog(pg, db), records(pg, db)
    with pytest.raises(PracticeTooNew, match="99.1.0"):
        upgrade(pg, db)
    assert (catalog(pg, db), records(pg, db)) == (shape, rows)


CHILD = """
import sys, time
from pathlib import Path
from clarity_desktop.services import server_admin
from clarity_desktop.store.postgres import locks

made = locks.statements
def slow():
    print("halfway", flush=True)  # the old rules are gone, the new ones half made
    time.sleep(600)
    return made()
locks.statements = slow
server_admin.upgrade(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
"""


def test_an_upgrade_killed_half_way_leaves_the_server_as_it_was(
    pg_practices: PgPractices, older: Built, tmp_path: Path
) -> None:
    pg, db, cluster = pg_practices, older.dbname, pg_practices.cluster
    run_sql(pg, db, *ONE_REVISION_BACK)
    shape, rows = catalog(pg, db), records(pg, db)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(CHILD),
            cluster.url(cluster.superuser, db),
            str(cluster.ca_file),
            cluster.superuser_password,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "halfway", child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    # The server notices the dropped connection and rolls its transaction back.
    cluster.psql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{db}' AND pid <> pg_backend_pid();",
        db,
    )
    assert (catalog(pg, db), records(pg, db), revision(pg, db)) == (shape, rows, BEHIND)
    with pytest.raises(PracticeTooNew) as behind:
        pg.unlock(db, DANA, tmp_path / "dana")
    assert behind.value.code == ErrorCode.SERVER_NEEDS_UPGRADE

    done = upgrade(pg, db)  # and the same upgrade, left to finish, goes through
    assert (done.before, done.after, done.applied) == (BEHIND, HEAD, (HEAD,))
    assert check(pg, db, tmp_path).revision == HEAD


# A server from before end-to-end encryption (issue 14): no key tables, no encryption key
# on the staff rows, and the search table holding each note's words as text.
BEFORE_ENCRYPTION = (
    "DROP FUNCTION clarity.case_keyless(integer)",
    "DROP TABLE clarity.key_wraps, clarity.practice_keys CASCADE",
    "ALTER TABLE clarity.staff DROP COLUMN box_public, DROP COLUMN box_certificate",
    "ALTER TABLE clarity.note_search DROP COLUMN tokens, "
    "ADD COLUMN body text NOT NULL DEFAULT 'marker words', "
    "ADD COLUMN doc tsvector NOT NULL DEFAULT to_tsvector('marker words')",
    "CREATE INDEX ix_note_search_doc ON clarity.note_search USING gin (doc)",
)


def test_a_server_from_before_encryption_gets_the_key_tables_and_loses_its_search_text(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    pg = pg_practices
    built = build(pg, tmp_path)
    try:
        # Its values written back in the clear too: an old server never held ciphertext.
        from tests.faults.test_pg_sealed_upgrade import _as_before_encryption

        _as_before_encryption(pg, built, tmp_path)
        ours = ("key_wraps", "practice_keys", "note_search", "case_keyless", "staff.box_")
        older = {k: v for k, v in catalog(pg, built.dbname).items() if any(o in k for o in ours)}
        fresh = {k: v for k, v in catalog(pg, TEMPLATE).items() if any(o in k for o in ours)}
        assert "column note_search.body" in older and "table key_wraps" not in older
        done = upgrade(pg, built.dbname)
        assert {"table key_wraps", "column staff.box_public", "column note_search.tokens"} <= set(
            done.changed
        )
        made = {k: v for k, v in catalog(pg, built.dbname).items() if any(o in k for o in ours)}
        assert made == fresh
        assert upgrade(pg, built.dbname).changed == ()
    finally:
        pg.drop(built.dbname)

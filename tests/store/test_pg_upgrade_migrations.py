"""The portable migrations on a practice server: every revision a server can meet runs on
PostgreSQL, as the schema's owner, and ``server upgrade`` leaves exactly the schema that
``server init`` makes today (tables, columns, keys, indexes, functions, triggers, row
policies, grants). A server one revision behind cannot be signed in to until upgraded,
and afterwards the feature that revision brought works through row security and its lock.

Servers began at revision 0009 (``server init`` stamps the revision it builds); 0009
itself is run here too, from a server without its tables, so its SQLite-only locks are
seen to stay on SQLite. A new revision needs a line in REWIND saying how to undo it on a
server: that is how this test runs it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.supervision import ReviewState, SupervisionMode
from clarity_desktop.services import key_sharing, server_admin, staff, supervision
from clarity_desktop.store import migrate
from clarity_desktop.store.errors import PracticeTooNew
from clarity_desktop.store.postgres import case_keys, keytables, leases, schema
from tests.pg_practice import ADMIN, DANA, SAM, TEMPLATE, PgPractices
from tests.pg_upgrade import ONE_REVISION_BACK, build, catalog, records, run_sql

# How each revision is undone on a server (newest first when several are): what it added
# is taken away, and the revision before it stamped. On an empty practice, so no record
# is lost on the way down.
DRAFT_ROWS = (  # the tables that gained row_version in 0012
    "partner_readings",
    "couple_readings",
    "note_goals",
    "plan_concerns",
    "plan_goals",
    "plan_objectives",
)
REWIND: dict[str, tuple[str, ...]] = {
    "0012": (
        *(f"ALTER TABLE clarity.{table} DROP COLUMN row_version" for table in DRAFT_ROWS),
        "ALTER TABLE clarity.cases ALTER COLUMN display_name TYPE varchar(120)",
        "ALTER TABLE clarity.cases ALTER COLUMN relationship_structure TYPE varchar(200)",
        "ALTER TABLE clarity.partners ALTER COLUMN name TYPE varchar(120)",
        *(
            f"ALTER TABLE clarity.partners ALTER COLUMN {c} TYPE varchar(200)"
            for c in ("pronouns", "email", "phone")
        ),
        # An older server had no rule against plain text (ciphertext_checks.py).
        "ALTER TABLE clarity.partners DROP CONSTRAINT sealed_date_of_birth",
        "ALTER TABLE clarity.partners ALTER COLUMN date_of_birth TYPE date "
        "USING date_of_birth::date",
    ),
    "0011": ("DROP TABLE clarity.note_reviews CASCADE",),
    "0010": tuple(
        f"ALTER TABLE clarity.{table} DROP COLUMN row_version"
        for table in (
            "cases",
            "partners",
            "sessions",
            "session_markers",
            "notes",
            "treatment_plans",
            "measure_responses",
        )
    ),
    "0009": tuple(
        f"DROP TABLE clarity.{table} CASCADE"
        for table in (
            "note_goals",
            "measure_responses",
            "plan_objectives",
            "plan_goals",
            "plan_concerns",
            "treatment_plans",
        )
    ),
}
SINCE = ("0009", "0010", "0011", "0012")  # the revisions a server can meet, oldest first


def test_every_revision_since_the_first_server_has_a_rewind() -> None:
    cfg_revisions = migrate.known_revisions()
    newer = sorted(r for r in cfg_revisions if r >= SINCE[0])
    assert newer == sorted(REWIND), "say in REWIND how to undo the new revision on a server"
    assert migrate.head_revision() == max(REWIND)


# Revisions 0009 and 0011 name their CHECKs in full, and Alembic puts the models' naming
# convention (ck_<table>_<name>) before that name again, on SQLite as here: the same check
# under a longer name.
_TWICE = re.compile(r"^constraint ck_(\w+?)_ck_\1_")


def same_checks(found: dict[str, str]) -> dict[str, str]:
    return {_TWICE.sub(r"constraint ck_\1_", k): v for k, v in found.items()}


@pytest.fixture
def empty_copy(pg_practices: PgPractices, tmp_path: Path) -> Iterator[str]:
    dbname = pg_practices.copy_database(tmp_path)
    try:
        yield dbname
    finally:
        pg_practices.drop(dbname)


@pytest.mark.parametrize("start", ["0008", "0009", "0010", "0011"])
def test_the_migrations_run_on_the_server_and_leave_what_init_makes(
    pg_practices: PgPractices, empty_copy: str, start: str
) -> None:
    undone = sorted((r for r in REWIND if r > start), reverse=True)
    statements = [s for r in undone for s in REWIND[r]]
    run_sql(
        pg_practices,
        empty_copy,
        *statements,
        f"UPDATE clarity.alembic_version SET version_num = '{start}'",
    )
    assert catalog(pg_practices, empty_copy) != catalog(pg_practices, TEMPLATE)
    cluster = pg_practices.cluster
    done = server_admin.upgrade(
        cluster.url(cluster.superuser, empty_copy), cluster.ca_file, cluster.superuser_password
    )
    assert (done.before, done.after, done.applied) == (
        start,
        migrate.head_revision(),
        tuple(undone[::-1]),
    )
    made = same_checks(catalog(pg_practices, empty_copy))
    fresh = catalog(pg_practices, TEMPLATE)
    differ = {k: (made.get(k), fresh.get(k)) for k in made.keys() | fresh.keys()}
    wrong = {k: v for k, v in differ.items() if v[0] != v[1]}
    assert not wrong, "\n".join(f"{k}: {v}" for k, v in sorted(wrong.items()))


def test_a_server_one_revision_behind_is_upgraded_and_reviews_work(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    pg = pg_practices
    built = build(pg, tmp_path)
    try:
        run_sql(pg, built.dbname, *ONE_REVISION_BACK)
        with pytest.raises(PracticeTooNew) as behind:
            pg.unlock(built.dbname, DANA, tmp_path / "dana")
        assert behind.value.code == ErrorCode.SERVER_NEEDS_UPGRADE
        before = records(pg, built.dbname)
        cluster = pg.cluster
        done = server_admin.upgrade(
            cluster.url(cluster.superuser, built.dbname),
            cluster.ca_file,
            cluster.superuser_password,
        )
        assert (done.before, done.after) == ("0011", "0012")
        assert "column plan_goals.row_version" in done.changed, done.changed
        after = records(pg, built.dbname)
        assert after.pop("alembic_version") != before.pop("alembic_version")  # 0011 -> 0012
        # The drafts' rows are all there, each now counting its saves from 1.
        for table in DRAFT_ROWS:
            assert after.pop(table)[0] == before.pop(table)[0]
        assert after == before

        people = [pg.unlock(built.dbname, p, tmp_path / p.login) for p in (DANA, SAM, ADMIN)]
        dana, sam, admin = people
        try:
            staff.set_supervision(admin, SAM.login, DANA.login, SupervisionMode.APPROVE)
            for request in key_sharing.pending_shares(dana):  # Sam's comment is encrypted
                key_sharing.share_case_key(dana, request.case_id, request.reader)
            supervision.submit(dana.uow(), built.draft_id)
            approved = supervision.approve(sam.uow(), built.draft_id, "Clear and careful.")
            assert approved.state is ReviewState.APPROVED
            assert server_admin.check_server(admin).revision == "0012"
        finally:
            for opened in people:
                opened.close()
    finally:
        pg.drop(built.dbname)


_MAKES = re.compile(r"\b(CREATE (TABLE|(UNIQUE )?INDEX)|ADD COLUMN)\b(?! IF NOT EXISTS)")


def test_what_an_upgrade_runs_again_makes_only_what_is_missing() -> None:
    """Tables, indexes and columns among the rules (schema.install_rules) are made only
    where missing: an upgrade runs them again on a server that has them."""
    statements = [*schema.GROUP_TABLES, *keytables.TABLES, *case_keys.statements()]
    statements += leases.STATEMENTS
    assert len(statements) > 20
    assert [s.splitlines()[0] for s in statements if _MAKES.search(s)] == []
    assert _MAKES.search("CREATE INDEX ix ON t (c)")  # the scan sees a plain one

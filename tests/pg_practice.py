"""Group practices on the test run's own PostgreSQL server (tests/pg_cluster.py).

One practice is built once per server through the real path (``server init``'s function,
then the administrator adding staff through services.staff). Each test then gets that
practice as it was built: the superuser puts every table back to a snapshot taken after
building (triggers off for the DBA only, sequences too), about 30 ms, where a new database
copied from a template took 0.3 to 1.1 s here. Logins are the server's and outlive a test:
a test that adds staff uses logins of its own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import create_engine

from clarity_desktop.domain.identity import Role
from clarity_desktop.services import key_sharing, practices, staff
from clarity_desktop.store import opening
from clarity_desktop.store.postgres import address, server, upgrade
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.practice import OpenPractice
from tests.pg_cluster import PgCluster

TEMPLATE = "clarity_template"
PRACTICE_NAME = "Riverside Relationship Practice"


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    role: Role
    credentials: str
    password: str


# The passwords are the solo practice tests' passphrase for Dana, so a service test reads
# the same on both stores.
ADMIN = Person("ada", "Ada Lind", Role.ADMINISTRATOR, "", "admin passphrase 1")
DANA = Person("dana", "Dana Reyes", Role.CLINICIAN, "LMFT", "correct horse battery")
ELI = Person("eli", "Eli Park", Role.CLINICIAN, "LPC", "eli passphrase 22")
SAM = Person("sam", "Sam Okafor", Role.SUPERVISOR, "PhD", "sam passphrase 33")
FRAN = Person("fran", "Fran Diaz", Role.FRONT_DESK, "", "fran passphrase 44")
STAFF = (DANA, ELI, SAM, FRAN)


def first_password(person: Person) -> str:
    """The password the administrator gives a person, which their first sign-in changes."""
    return f"first {person.password}"


SERVERS: list[PgPractices] = []  # this worker's, once a test has asked for one


def rows(practice: OpenPractice, statement: str) -> list[tuple[Any, ...]]:
    """Rows of *statement* read straight from the practice's store, past the program (and,
    on a server, as its superuser past row-level security): what a test checks was
    really written. Plain SQL both stores understand; tables unqualified."""
    if practice.backend.name != "postgresql":
        from clarity_desktop.store.sqlite.engine import connect_raw

        conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
        try:
            return [tuple(r) for r in conn.execute(statement)]
        finally:
            conn.close()
    cluster = SERVERS[-1].cluster
    dbname = address.read(practice.folder).dbname
    with psycopg.connect(
        cluster.conninfo(cluster.superuser, cluster.superuser_password, dbname),
        options="-c search_path=clarity",
    ) as conn:
        return [tuple(r) for r in conn.execute(statement)]  # type: ignore[arg-type]


def as_dba(practice: OpenPractice, statement: str, *, triggers_off: bool = True) -> None:
    """*statement* run on the server as its superuser, by default with every trigger off
    (session_replication_role = replica): a hostile database administrator, past the record
    locks, the foreign keys and row-level security."""
    cluster = SERVERS[-1].cluster
    dbname = address.read(practice.folder).dbname
    with psycopg.connect(
        cluster.conninfo(cluster.superuser, cluster.superuser_password, dbname),
        options="-c search_path=clarity",
    ) as conn:
        if triggers_off:
            conn.execute("SET session_replication_role = replica")
        conn.execute(statement)  # type: ignore[arg-type]


class PgPractices:
    def __init__(self, cluster: PgCluster) -> None:
        SERVERS.append(self)
        self.cluster = cluster
        self._admin: psycopg.Connection[Any] = psycopg.connect(
            cluster.conninfo(cluster.superuser, cluster.superuser_password, "postgres"),
            autocommit=True,
        )
        self._built = False
        # The recovery sheet of every practice built here (its private half stays here).
        self.recovery_key = recovery.new_recovery_key()

    def address(self, dbname: str, login: str) -> ServerAddress:
        return ServerAddress(
            self.cluster.host, self.cluster.port, dbname, login, self.cluster.ca_file
        )

    def _build_template(self, folder: Path) -> None:
        self._execute("CREATE DATABASE {}", TEMPLATE)
        self._build(folder)
        self._snapshot()
        self._built = True

    def _build(self, folder: Path) -> None:
        server.initialise(
            self.address(TEMPLATE, self.cluster.superuser),
            self.cluster.superuser_password,
            practice_name=PRACTICE_NAME,
            admin_login=ADMIN.login,
            admin_name=ADMIN.name,
            admin_password=ADMIN.password,
            recovery_public=wrapping.public_bytes(self.recovery_key.public_key()),
            recovery_signer=wrapping.signer_hex(wrapping.practice_signer(self.recovery_key)),
        )
        opened = self.unlock(TEMPLATE, ADMIN, folder / "template-admin")
        try:
            for p in STAFF:
                staff.add_staff(
                    opened, p.login, p.name, p.role, first_password(p), credentials=p.credentials
                )
        finally:
            opened.close()
        # Each person's first sign-in: they choose their own password, and their program
        # makes their encryption key (as a new colleague's first sign-in does).
        for p in STAFF:
            first = practices.unlock_practice(
                self.folder(TEMPLATE, p, folder / f"first-{p.login}"), first_password(p)
            )
            try:
                practices.change_passphrase(first, first_password(p), p.password, p.password)
            finally:
                first.close()
        # Ada's program made the practice's directory key (client names) at her first
        # sign-in; she approves each colleague's request for it, as on her Today view.
        self.share_directory(TEMPLATE, folder / "template-admin")

    def share_directory(self, dbname: str, folder: Path) -> None:
        """Ada approves every new colleague's request for the client directory (a person
        added in a test reads "Name locked" and cannot write a name until then)."""
        opened = self.unlock(dbname, ADMIN, folder)
        try:
            for request in key_sharing.pending_shares(opened):
                assert request.is_directory, request
                key_sharing.share_case_key(opened, request.case_id, request.reader)
        finally:
            opened.close()

    def _database(self) -> psycopg.Connection[Any]:
        return psycopg.connect(
            self.cluster.conninfo(
                self.cluster.superuser, self.cluster.superuser_password, TEMPLATE
            ),
            autocommit=True,
        )

    def _snapshot(self) -> None:
        with self._database() as conn:
            self._tables = [
                str(r[0])
                for r in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'clarity' ORDER BY 1"
                )
            ]
            self._catalog = self._schema_catalog()
            conn.execute("CREATE SCHEMA snapshot")
            for table in self._tables:
                conn.execute(f"CREATE TABLE snapshot.{table} AS TABLE clarity.{table}")
            # Logins belong to the server, not the database: a test that changes a
            # person's password or disables them would leave the next test's person
            # unable to sign in. Their stored SCRAM verifiers are put back on reset.
            self._logins = [
                (str(r[0]), str(r[1]))
                for r in conn.execute(
                    "SELECT rolname, rolpassword FROM pg_authid WHERE rolname = ANY(%s)",
                    ([p.login for p in (ADMIN, *STAFF)],),
                )
            ]
            self._sequences = [
                (str(r[0]), int(r[1]), bool(r[2]))
                for r in conn.execute(
                    "SELECT format('clarity.%I', sequencename), coalesce(last_value, 1), "
                    "last_value IS NOT NULL FROM pg_sequences WHERE schemaname = 'clarity'"
                )
            ]

    def _reset(self) -> None:
        """Every table back as built; anyone still connected is put out first."""
        with self._database() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (TEMPLATE,),
            )
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                for table in self._tables:
                    conn.execute(f"DELETE FROM clarity.{table}")
                for table in self._tables:
                    conn.execute(f"INSERT INTO clarity.{table} TABLE snapshot.{table}")
                for name, value, called in self._sequences:
                    conn.execute("SELECT setval(%s, %s, %s)", (name, value, called))
                for login, verifier in self._logins:
                    conn.execute(
                        sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                            sql.Identifier(login), sql.Literal(verifier)
                        )
                    )

    def _execute(self, statement: str, *names: str) -> None:
        self._admin.execute(sql.SQL(statement).format(*(sql.Identifier(n) for n in names)))

    def _schema_catalog(self) -> dict[str, str]:
        """Every function, trigger, policy and grant of the practice's schema, as the
        server has it (what `server upgrade` compares)."""
        engine = create_engine("postgresql+psycopg://", creator=self._database)
        try:
            with engine.connect() as conn:
                return upgrade.catalog(conn)
        finally:
            engine.dispose()

    def new_database(self, scratch: Path) -> str:
        """The practice as it was built (one database per server, reset for each test);
        its name. A schema a test left changed (a function or trigger of its own, a
        policy dropped) is put back as the program makes it (`server upgrade`, which
        drops what it did not make), so the next test never meets it."""
        if not self._built:
            self._build_template(scratch)
            return TEMPLATE
        self._reset()
        if self._schema_catalog() != self._catalog:
            where = self.address(TEMPLATE, self.cluster.superuser)
            upgrade.upgrade(where, self.cluster.superuser_password)
            left = self._schema_catalog()
            if left != self._catalog:  # never expected: say what differs
                changed = sorted(set(left.items()) ^ set(self._catalog.items()))
                raise RuntimeError(f"the test server's schema stayed changed: {changed[:4]}")
        return TEMPLATE

    def copy_database(self, scratch: Path) -> str:
        """A database of its own, for a test that needs two practices at once (slower)."""
        self.new_database(scratch)
        name = f"p_{uuid.uuid4().hex[:12]}"
        self._execute("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY", name, TEMPLATE)
        return name

    def folder(self, dbname: str, person: Person, folder: Path) -> Path:
        """A workstation folder that signs in to *dbname* as *person*."""
        opening.remember_server(
            folder,
            f"postgresql://{person.login}@{self.cluster.host}:{self.cluster.port}/{dbname}",
            self.cluster.ca_file,
        )
        return folder

    def unlock(self, dbname: str, person: Person, folder: Path) -> opening.OpenPractice:
        return practices.unlock_practice(self.folder(dbname, person, folder), person.password)

    def audit_rows(self, folder: Path) -> list[tuple[Any, ...]]:
        """(action, entity, entity_id, case_id, actor, detail) of every audit row of the
        practice *folder* signs in to, oldest first, read as the superuser."""
        dbname = address.read(folder).dbname
        with psycopg.connect(
            self.cluster.conninfo(self.cluster.superuser, self.cluster.superuser_password, dbname)
        ) as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    "SELECT action, entity, entity_id, case_id, actor, detail "
                    "FROM clarity.audit_events ORDER BY id"
                )
            ]

    def drop(self, dbname: str) -> None:
        if dbname != TEMPLATE:
            self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)", dbname)

    def close(self) -> None:
        self._admin.close()

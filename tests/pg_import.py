"""A fresh practice server and a solo practice to move onto it (``server
import-practice``): the helpers its service tests and fault tests share. Import the
fixtures ``solo``, ``source`` and ``fresh`` into a test module to use them."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.records import CaseInput, CaseKind, Modality, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, demo, notes, practices, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.services.server_import import PracticeMoved, import_practice
from clarity_desktop.store import keyring, opening
from clarity_desktop.store.postgres import server
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.transfer import TABLES
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.pg_cluster import PgCluster

NEW_PASSWORD = "a new server password"
ADMIN_PASSWORD = "admin passphrase 1"


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file under *folder* by name, with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def source_counts(folder: Path, passphrase: str, scratch: Path) -> dict[str, int]:
    """Rows per table of a solo practice, read from a copy (the original stays untouched)."""
    scratch.mkdir()
    copy = scratch / "practice.clarity"
    shutil.copyfile(folder / "practice.clarity", copy)
    conn = connect_raw(copy, keyring.unlock_key(folder, passphrase))
    try:
        return {
            t.name: int(conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0])
            for t in TABLES
        }
    finally:
        conn.close()


class Server:
    """A database fresh from ``server init``, on the test run's PostgreSQL."""

    def __init__(self, cluster: PgCluster, dbname: str) -> None:
        self.cluster = cluster
        self.dbname = dbname
        self.admin = f"adm_{uuid.uuid4().hex[:10]}"
        self.login = f"dana_{uuid.uuid4().hex[:10]}"  # logins are the whole server's
        self.url = cluster.url(cluster.superuser, dbname)

    def move(self, source: Path, **changes: Any) -> PracticeMoved:
        args: dict[str, Any] = {
            "url": self.url,
            "ca_file": self.cluster.ca_file,
            "superuser_password": self.cluster.superuser_password,
            "source": source,
            "passphrase": demo.DEMO_PASSPHRASE,
            "login": self.login,
            "new_password": NEW_PASSWORD,
            "repeat": NEW_PASSWORD,
        } | changes
        return import_practice(**args)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """As the superuser, past row-level security."""
        with psycopg.connect(
            self.cluster.conninfo(
                self.cluster.superuser, self.cluster.superuser_password, self.dbname
            )
        ) as conn:
            conn.execute("SET search_path = clarity")
            return [tuple(r) for r in conn.execute(sql)]  # type: ignore[arg-type]

    def count(self, table: str) -> int:
        return int(self.rows(f"SELECT count(*) FROM {table}")[0][0])

    def has_login(self, login: str) -> bool:
        return bool(self.rows(f"SELECT count(*) FROM pg_roles WHERE rolname = '{login}'")[0][0])

    def sign_in(self, folder: Path, login: str, password: str) -> opening.OpenPractice:
        opening.remember_server(folder, self.cluster.url(login, self.dbname), self.cluster.ca_file)
        return practices.unlock_practice(folder, password)


@pytest.fixture
def fresh(pg_cluster: PgCluster) -> Iterator[Server]:
    dbname = f"imp_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(dbname)
    made = Server(pg_cluster, dbname)
    server.initialise(
        ServerAddress(
            pg_cluster.host, pg_cluster.port, dbname, pg_cluster.superuser, pg_cluster.ca_file
        ),
        pg_cluster.superuser_password,
        practice_name="Riverside Relationship Practice",
        admin_login=made.admin,
        admin_name="Ada Lind",
        admin_password=ADMIN_PASSWORD,
        recovery_public=wrapping.public_bytes(recovery.new_recovery_key().public_key()),
    )
    yield made
    pg_cluster.drop_database(dbname)


@pytest.fixture(scope="module")
def solo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo practice, built once, closed: every test moves a copy of it."""
    folder = tmp_path_factory.mktemp("solo") / "practice"
    demo.build_demo(folder).close()
    return folder


@pytest.fixture
def source(solo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "solo"
    shutil.copytree(solo, folder)
    return folder


def small_practice(folder: Path, passphrase: str) -> int:
    """A solo practice with one couple, one signed note and its addendum, closed; the
    note's id."""
    opened, _recovery = practices.create_practice(
        folder, passphrase, passphrase, "Dana Reyes", "LMFT"
    )
    try:
        case = cases.create_case(
            opened.uow(),
            CaseInput(
                kind=CaseKind.COUPLE,
                display_name="",
                partners=(PartnerInput(name="Zoë"), PartnerInput(name="Łukasz")),
                opened_on=date(2024, 1, 15),
            ),
        )
        session = sessions.create_session(
            opened.uow(),
            case.id,
            SessionInput(
                starts_at=datetime(2025, 3, 4, 10, 0),
                duration_minutes=50,
                modality=Modality.IN_PERSON,
                attending_partner_id=None,
            ),
        )
        note_id = session.note_id
        assert note_id is not None
        notes.save_draft(
            opened.uow(),
            note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": "Named the pursue and withdraw loop together."},
                frozenset({Step.NAME_WHATS_HAPPENING}),
                {},
                False,
            ),
        )
        notes.sign_note(opened.uow(), note_id)
        notes.add_addendum(opened.uow(), note_id, "Zoë called to say the week went calmer.")
    finally:
        opened.close()
    return note_id

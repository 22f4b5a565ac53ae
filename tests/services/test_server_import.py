"""A solo practice moved onto a practice server, whole (``server import-practice``).

A real solo practice (the demo: signed notes, addenda, plans, measures' answers) moves
onto a real server fresh from ``server init``; its clinician then signs in there and finds
everything as it was, signatures included, while the solo folder is byte for byte as
before."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ClarityError, ValidationError
from clarity_desktop.services import cases, demo, integrity, notes, practices, search
from clarity_desktop.services.server_import import PracticeMoved, import_practice
from clarity_desktop.store import audit_chain, keyring, opening
from clarity_desktop.store.errors import PracticeError, WrongPassphrase
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.store.postgres import server
from clarity_desktop.store.postgres.address import ServerAddress
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
    )
    yield made
    pg_cluster.drop_database(dbname)


def test_the_whole_practice_moves_and_the_solo_folder_is_untouched(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    assert expected["notes"] > 10 and expected["addenda"] and expected["treatment_plans"]
    assert expected["measure_responses"] and expected["audit_events"] > 100
    before = folder_digest(source)

    moved = fresh.move(source)

    assert folder_digest(source) == before  # not one file added, removed or changed
    assert dict(moved.rows) == expected
    for table, n in expected.items():
        where = " WHERE id < 101" if table == "users" else ""
        extra = 1 if table == "audit_events" else 0  # the import's own entry
        assert fresh.count(table + where) == n + extra, table
    assert moved.user_id == 1 and moved.login == fresh.login


def test_the_audit_chain_goes_on_with_the_import_and_ids_are_kept(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    moved = fresh.move(source)
    assert moved.audit_id == expected["audit_events"] + 1
    last = fresh.rows("SELECT id, action, user_id, detail FROM audit_events ORDER BY id DESC")[0]
    assert last[:3] == (moved.audit_id, AuditAction.IMPORTED.value, None)
    assert moved.source_practice_id in last[3]
    # The whole chain, read as the superuser, holds from entry 1 to the import's.
    engine = create_engine(
        "postgresql+psycopg://",
        creator=lambda: psycopg.connect(
            fresh.cluster.conninfo(
                fresh.cluster.superuser, fresh.cluster.superuser_password, fresh.dbname
            ),
            options="-c search_path=clarity",
        ),
    )
    try:
        with Session(engine) as s:
            report = audit_chain.verify(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    finally:
        engine.dispose()
    assert report.ok and report.rows == moved.audit_id
    # New ids continue past the moved ones.
    seq = fresh.rows("SELECT last_value FROM cases_id_seq")[0][0]
    assert seq == fresh.rows("SELECT max(id) FROM cases")[0][0]


def test_the_clinician_signs_in_and_finds_her_cases_notes_and_signatures(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    fresh.move(source)

    dana = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:
        assert dana.principal.user_id == 1
        assert dana.clinician.name == demo.DEMO_CLINICIAN.name
        assert len(cases.list_cases(dana.uow())) == expected["cases"]
        signed = fresh.rows("SELECT min(id) FROM notes WHERE signed_at IS NOT NULL")[0][0]
        note = notes.open_note(dana.uow(), signed)
        assert note.signed and note.signed_by == demo.DEMO_CLINICIAN.signature
        word = next(w for w in notes.full_text(dict(note.sections)).split() if len(w) > 6)
        assert signed in {h.note_id for h in search.search_notes(dana.uow(), word)}
        assert integrity.verify_seals(dana) == []  # every seal holds, under her kept key
        assert practices.integrity_problems(dana) == []
        # She signs on the server with the key she signed with at home.
        home_key = keyring.read_key_file(source).signer_public
        assert dana.backend.trusted_keys(dana) >= {home_key}
    finally:
        dana.close()
    # The administrator made at init is still there, and still sees no clinical text.
    admin = fresh.sign_in(tmp_path / "ada", fresh.admin, ADMIN_PASSWORD)
    admin.close()


def test_a_server_that_already_has_records_is_refused_and_left_as_it_was(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    fresh.move(source)
    audit = fresh.count("audit_events")
    other = f"eli_{uuid.uuid4().hex[:10]}"
    with pytest.raises(PracticeError, match=r"already holds records of its own \(cases: \d+"):
        fresh.move(source, login=other)
    assert not fresh.has_login(other)
    assert fresh.count("audit_events") == audit


def test_a_server_someone_signed_in_to_is_not_fresh(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    fresh.sign_in(tmp_path / "ada", fresh.admin, ADMIN_PASSWORD).close()  # writes "unlocked"
    with pytest.raises(PracticeError, match=r"audit_events: 1.*before anyone signs in"):
        fresh.move(source)
    assert not fresh.has_login(fresh.login) and fresh.count("cases") == 0


def test_only_the_superuser_can_move_a_practice_in(source: Path, fresh: Server) -> None:
    with pytest.raises(PracticeError, match="not the server's superuser"):
        fresh.move(
            source,
            url=fresh.cluster.url(fresh.admin, fresh.dbname),
            superuser_password=ADMIN_PASSWORD,
        )
    assert not fresh.has_login(fresh.login) and fresh.count("cases") == 0


def test_a_wrong_passphrase_or_a_taken_login_changes_nothing(source: Path, fresh: Server) -> None:
    before = folder_digest(source)
    with pytest.raises(WrongPassphrase):
        fresh.move(source, passphrase="not the passphrase")
    with pytest.raises(ValidationError, match="already has a login named"):
        fresh.move(source, login=fresh.admin)
    with pytest.raises(ValidationError, match="do not match"):
        fresh.move(source, repeat="something else entirely")
    assert fresh.count("cases") == 0 and fresh.count("audit_events") == 0
    assert not fresh.has_login(fresh.login)
    assert folder_digest(source) == before


def test_a_practice_open_in_another_program_is_not_moved(source: Path, fresh: Server) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from clarity_desktop.store import oslock; "
            f"h = oslock.hold_shared(Path({str(source)!r})); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(ClarityError, match="open in another Clarity program"):
            fresh.move(source)
    finally:
        holder.communicate("")
    assert fresh.count("cases") == 0 and not fresh.has_login(fresh.login)

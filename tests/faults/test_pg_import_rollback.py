"""Fault injection for moving a solo practice onto a server: a row lost or changed on the
way, a solo practice tampered with behind its back, the import killed half-way. Each time
the server is left exactly as ``server init`` made it (no login, no rows, every record
lock enabled), and the solo practice as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import Connection, Table, text

from clarity_desktop.store import keyring
from clarity_desktop.store.errors import PracticeDamaged
from clarity_desktop.store.postgres import locks, transfer
from clarity_desktop.store.sqlite import triggers
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.pg_import import (
    NEW_PASSWORD,
    Server,
    folder_digest,
    fresh,
    small_practice,
    solo,
    source,
)

__all__ = ["fresh", "solo", "source"]  # fixtures

ROOT = Path(__file__).resolve().parents[2]


def assert_as_init_left_it(server: Server) -> None:
    assert not server.has_login(server.login)
    for table in ("cases", "notes", "addenda", "audit_events", "case_access", "note_search"):
        assert server.count(table) == 0, table
    assert server.count("users") == 1 and server.count("staff") == 1  # the administrator
    assert server.rows(locks.missing_sql()) == []  # every record lock back and enabled
    disabled = server.rows(
        "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'clarity' AND NOT t.tgisinternal AND t.tgenabled = 'D'"
    )
    assert disabled == [(0,)]


def after_copying(monkeypatch: pytest.MonkeyPatch, table_name: str, sql: str) -> None:
    """Run *sql* on the server right after *table_name* is copied (a fault on the way)."""
    original = transfer._copy

    def faulty(src: Connection, conn: Connection, table: Table) -> int:
        n = original(src, conn, table)
        if table.name == table_name:
            conn.execute(text(sql))
        return n

    monkeypatch.setattr(transfer, "_copy", faulty)


def test_a_row_lost_on_the_way_rolls_the_whole_move_back(
    source: Path, fresh: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    after_copying(
        monkeypatch, "addenda", "DELETE FROM addenda WHERE id = (SELECT max(id) FROM addenda)"
    )
    with pytest.raises(PracticeDamaged, match=r"did not match .*addenda: \d+ rows in the solo"):
        fresh.move(source)
    assert_as_init_left_it(fresh)


def test_a_value_changed_on_the_way_rolls_the_whole_move_back(
    source: Path, fresh: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    after_copying(
        monkeypatch, "partners", "UPDATE partners SET email = 'someone@else.example' WHERE id = 1"
    )
    with pytest.raises(PracticeDamaged, match="rows of partners arrived changed"):
        fresh.move(source)
    assert_as_init_left_it(fresh)
    monkeypatch.undo()
    fresh.move(source)  # and, once the fault is gone, the same move goes through
    assert fresh.has_login(fresh.login)


def test_a_solo_practice_with_a_signed_note_changed_behind_its_back_is_not_moved(
    fresh: Server, tmp_path: Path
) -> None:
    folder = tmp_path / "solo"
    note_id = small_practice(folder, NEW_PASSWORD)
    conn = connect_raw(folder / "practice.clarity", keyring.unlock_key(folder, NEW_PASSWORD))
    try:
        conn.execute("DROP TRIGGER trg_notes_signed_no_update")
        conn.execute(
            f'UPDATE notes SET sections = \'{{"focus": "Rewritten."}}\' WHERE id = {note_id}'
        )
        conn.execute(triggers.TRIGGERS["trg_notes_signed_no_update"])
    finally:
        conn.close()
    before = folder_digest(folder)
    with pytest.raises(PracticeDamaged, match=f"did not match .*Note {note_id}.*changed after"):
        fresh.move(folder, passphrase=NEW_PASSWORD)
    assert_as_init_left_it(fresh)
    assert folder_digest(folder) == before


CHILD = """
import os, sys, time
from pathlib import Path
from clarity_desktop.store.postgres import transfer
from clarity_desktop.services.server_import import import_practice

original = transfer._copy
def slow(src, conn, table):
    n = original(src, conn, table)
    if table.name == "notes":
        print("halfway", flush=True)
        time.sleep(600)
    return n
transfer._copy = slow
import_practice(
    sys.argv[1], Path(sys.argv[2]), os.environ["SUPER"], Path(sys.argv[3]), "demo",
    sys.argv[4], os.environ["NEWPW"], os.environ["NEWPW"],
)
"""


def test_an_import_killed_half_way_leaves_nothing_on_the_server(
    source: Path, fresh: Server
) -> None:
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "SUPER": fresh.cluster.superuser_password,
        "NEWPW": NEW_PASSWORD,
    }
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(CHILD),
            fresh.url,
            str(fresh.cluster.ca_file),
            str(source),
            fresh.login,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "halfway", child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    # The server notices the dropped connection and rolls its transaction back.
    fresh.cluster.psql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{fresh.dbname}' AND pid <> pg_backend_pid();",
        fresh.dbname,
    )
    assert_as_init_left_it(fresh)
    moved = fresh.move(source)  # the folder was left free and whole: it moves now
    assert moved.count("cases") > 0

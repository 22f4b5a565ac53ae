"""``clarity-desktop server upgrade`` as a server's administrator would type it, against the
test run's own PostgreSQL server (a database of its own set up with ``server init``):
what it says it did, that ``server check`` is clean after it, and its one-sentence
refusals (a staff login instead of the superuser, a server newer than the program)."""

from __future__ import annotations

from tests.test_cli import assert_clean_error
from tests.test_cli_server import ADMIN_PW, Result, Server, practice, run, server

__all__ = ["practice", "server"]  # fixtures


def upgrade(s: Server, login: str, password: str) -> Result:
    return run("server", "upgrade", "--url", s.url(login), "--ca", s.ca, server=password)


def test_upgrade_says_what_it_renewed_and_check_is_clean_after(practice: Server) -> None:
    s = practice
    s.sql(
        "DROP FUNCTION clarity.case_names(); DROP POLICY desk_read ON clarity.sessions; "
        "ALTER TABLE clarity.notes DISABLE TRIGGER trg_notes_locked;"
    )
    broken = s.as_admin("check")
    assert_clean_error(broken, "trg_notes_locked")

    done = upgrade(s, s.cluster.superuser, s.cluster.superuser_password)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"Upgraded {s.cluster.superuser}@") and "0012" in lines[0]
    assert "already at schema revision 0012" in lines[0]
    assert "function case_names()" in lines[1]
    assert "policy desk_read on sessions" in lines[1]
    assert "trigger trg_notes_locked on notes" in lines[1]
    assert "No record was added or removed" in done.stdout
    assert s.as_admin("check").returncode == 0

    again = upgrade(s, s.cluster.superuser, s.cluster.superuser_password)
    assert again.returncode == 0, again.stderr
    assert "matched this version" in again.stdout


def test_upgrade_needs_the_servers_superuser(practice: Server) -> None:
    refused = upgrade(practice, practice.login("ada"), ADMIN_PW)
    assert_clean_error(refused, "may not upgrade the practice's schema")
    assert practice.as_admin("check").returncode == 0


def test_upgrade_refuses_a_server_newer_than_the_program(practice: Server) -> None:
    practice.sql("UPDATE clarity.alembic_version SET version_num = '0042';")
    refused = upgrade(practice, practice.cluster.superuser, practice.cluster.superuser_password)
    assert_clean_error(refused, "newer Clarity Desktop")
    assert "0042" in refused.stderr and "nothing was changed" in refused.stderr
    assert practice.sql("SELECT version_num FROM clarity.alembic_version;") == "0042"

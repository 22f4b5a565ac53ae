"""``clarity-desktop server ...`` as an administrator would type it, against the test
run's own PostgreSQL server (tests/pg_cluster.py): set up, connect, staff, check and
back up a practice, and the one-sentence errors on the way. Each test has a database of
its own; logins are cluster-wide, so each test's logins carry the test's own suffix.

Every command runs through cli.main() in this process with its own environment, stdin
not a terminal (passwords come from the environment, as in a script)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.records import Modality, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import notes, practices, sessions
from clarity_desktop.services.dto import NoteDraft
from tests.pg_cluster import PgCluster, cert_pem, make_ca
from tests.test_cli import assert_clean_error

Result = subprocess.CompletedProcess[str]
SUPER_ENV = "CLARITY_SERVER_PASSWORD"
NEW_ENV = "CLARITY_NEW_PASSWORD"
ENV_NAMES = ("CLARITY_PASSPHRASE", SUPER_ENV, NEW_ENV, "CLARITY_DEBUG")
ADMIN_PW = "admin passphrase 1"
DANA_PW = "dana passphrase 22"
ELI_PW = "eli passphrase 333"


def run(*args: str | Path, **env: str) -> Result:
    """``clarity-desktop ARGS`` in this process with exactly the password variables
    given (passphrase=, server=, new=), never CLARITY_DEBUG."""
    names = {"passphrase": "CLARITY_PASSPHRASE", "server": SUPER_ENV, "new": NEW_ENV}
    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in args]
    with pytest.MonkeyPatch.context() as mp:
        for name in ENV_NAMES:
            mp.delenv(name, raising=False)
        for key, value in env.items():
            mp.setenv(names[key], value)
        mp.setattr(sys, "stdin", io.StringIO(""))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


@dataclass
class Server:
    """One test's database on the test server, and the logins that test makes."""

    cluster: PgCluster
    dbname: str
    tmp: Path
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    sheet: str = ""  # the recovery key ``server init`` printed, once it ran

    def login(self, name: str) -> str:
        return f"{name}_{self.suffix}"

    def url(self, login: str) -> str:
        return self.cluster.url(login, self.dbname)

    @property
    def super_url(self) -> str:
        return self.url(self.cluster.superuser)

    @property
    def ca(self) -> Path:
        return self.cluster.ca_file

    def init(self) -> Result:
        return run(
            "server",
            "init",
            "--url",
            self.super_url,
            "--ca",
            self.ca,
            "--practice",
            "Riverside Relationship Practice",
            "--admin-login",
            self.login("ada"),
            "--admin-name",
            "Ada Lind",
            "--recovery-sheet-out",
            self.sheet_file,
            server=self.cluster.superuser_password,
            new=ADMIN_PW,
        )

    @property
    def sheet_file(self) -> Path:
        """Where ``init`` writes the recovery key (no terminal here to show it on)."""
        return self.tmp / f"recovery-sheet-{self.suffix}.txt"

    def folder(self, name: str) -> Path:
        return self.tmp / f"{name}-workstation"

    def connect(self, name: str, password: str) -> Result:
        return run(
            "server",
            "connect",
            "--data-dir",
            self.folder(name),
            "--url",
            self.url(self.login(name)),
            "--ca",
            self.ca,
            passphrase=password,
        )

    def as_admin(self, *args: str | Path) -> Result:
        return run(
            "server", args[0], "--data-dir", self.folder("ada"), *args[1:], passphrase=ADMIN_PW
        )

    def add_user(self, name: str, full_name: str, role: str, password: str) -> Result:
        return run(
            "server",
            "add-user",
            "--data-dir",
            self.folder("ada"),
            "--login",
            self.login(name),
            "--name",
            full_name,
            "--role",
            role,
            passphrase=ADMIN_PW,
            new=password,
        )

    def sql(self, statement: str) -> str:
        return self.cluster.psql(statement, self.dbname).strip()


@pytest.fixture
def server(pg_cluster: PgCluster, tmp_path: Path) -> Iterator[Server]:
    dbname = f"cli_{uuid.uuid4().hex[:10]}"
    pg_cluster.create_database(dbname)
    try:
        yield Server(pg_cluster, dbname, tmp_path)
    finally:
        pg_cluster.drop_database(dbname)


@pytest.fixture
def practice(server: Server) -> Server:
    """Set up, with Ada the administrator connected and clinicians Dana and Eli added and
    connected."""
    made = server.init()
    assert made.returncode == 0
    written = server.sheet_file.read_text(encoding="utf-8")
    server.sheet = "\n".join(re.findall(r"^[A-Z2-9]{4}(?:-[A-Z2-9]{4}){6}$", written, re.M))
    assert server.sheet.count("\n") == 1  # both lines of the key
    assert server.sheet_file.stat().st_mode & 0o077 == 0
    assert server.connect("ada", ADMIN_PW).returncode == 0
    for name, full, pw in (("dana", "Dana Reyes", DANA_PW), ("eli", "Eli Park", ELI_PW)):
        first = f"first {pw}"  # the administrator's; the first sign-in changes it
        added = server.add_user(name, full, "clinician", first)
        assert added.returncode == 0, added.stderr
        assert server.connect(name, first).returncode == 0
        opened = practices.unlock_practice(server.folder(name), first)
        try:
            practices.change_passphrase(opened, first, pw, pw)
        finally:
            opened.close()
    # Ada's program made the client directory at her first sign-in: she shares it.
    waiting = server.as_admin("share-directory")
    assert "Dana Reyes" in waiting.stdout and "Eli Park" in waiting.stdout, waiting.stderr
    shared = server.as_admin("share-directory", "--all")
    assert shared.returncode == 0, shared.stderr
    assert "The client directory is shared with Dana Reyes." in shared.stdout
    return server


def import_clients(server: Server, name: str, password: str, *clients: str) -> None:
    csv = server.tmp / f"{name}-clients.csv"
    csv.write_text("Name\n" + "\n".join(clients) + "\n", encoding="utf-8")
    done = run("import", "--data-dir", server.folder(name), csv, passphrase=password)
    assert done.returncode == 0, done.stderr


def case_names(server: Server, name: str, password: str) -> dict[str, int]:
    listed = run("cases", "--data-dir", server.folder(name), "--json", passphrase=password)
    assert listed.returncode == 0, listed.stderr
    return {c["name"]: c["id"] for c in json.loads(listed.stdout)}


def sign_a_note(server: Server, case_id: int) -> int:
    """Dana records a session and signs its note (through the services: the command line
    has no note editor)."""
    opened = practices.unlock_practice(server.folder("dana"), DANA_PW)
    try:
        made = sessions.create_session(
            opened.uow(),
            case_id,
            SessionInput(
                starts_at=datetime(2025, 3, 4, 10, 0),
                duration_minutes=50,
                modality=Modality.IN_PERSON,
            ),
        )
        assert made.note_id is not None
        draft = NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "Both named the pull to stay and to go."},
            frozenset({Step.NAME_WHATS_HAPPENING}),
            {},
            False,
        )
        notes.save_draft(opened.uow(), made.note_id, draft)
        notes.sign_note(opened.uow(), made.note_id)
        return made.note_id
    finally:
        opened.close()


# Setting up, connecting, staff -----------------------------------------------------


def test_init_connect_add_user_and_assign_give_each_clinician_their_own_cases(
    practice: Server,
) -> None:
    s = practice
    import_clients(s, "dana", DANA_PW, "Maya Ortiz", "Jonah Reed")
    import_clients(s, "eli", ELI_PW, "Priya Nair")
    assert set(case_names(s, "dana", DANA_PW)) == {"Maya Ortiz", "Jonah Reed"}
    elis = case_names(s, "eli", ELI_PW)
    assert set(elis) == {"Priya Nair"}

    given = s.as_admin("assign", "--case", str(elis["Priya Nair"]), "--user", s.login("dana"))
    assert given.returncode == 0, given.stderr
    assert given.stdout.strip() == f"Case {elis['Priya Nair']} is assigned to {s.login('dana')}."
    assert set(case_names(s, "dana", DANA_PW)) == {"Maya Ortiz", "Jonah Reed", "Priya Nair"}
    taken = s.as_admin(
        "assign", "--case", str(elis["Priya Nair"]), "--user", s.login("dana"), "--remove"
    )
    assert taken.returncode == 0, taken.stderr
    assert set(case_names(s, "dana", DANA_PW)) == {"Maya Ortiz", "Jonah Reed"}

    listed = s.as_admin("staff", "--json")
    assert listed.returncode == 0, listed.stderr
    staff = {p["login"]: p for p in json.loads(listed.stdout)}
    assert {k: (v["role"], v["cases"]) for k, v in staff.items()} == {
        s.login("ada"): ("administrator", 0),
        s.login("dana"): ("clinician", 2),
        s.login("eli"): ("clinician", 1),
    }
    table = s.as_admin("staff")
    assert "Dana Reyes" in table.stdout and "2 cases" in table.stdout


def test_init_says_what_it_made_and_the_server_holds_one_administrator(server: Server) -> None:
    made = server.init()
    assert made.returncode == 0, made.stderr
    admin = f"{server.login('ada')}@{server.cluster.host}:{server.cluster.port}/{server.dbname}"
    assert "Riverside Relationship Practice" in made.stdout and admin in made.stdout
    assert "server connect" in made.stdout
    assert server.sql("SELECT login FROM clarity.staff") == server.login("ada")
    assert (
        server.sql(f"SELECT rolcanlogin FROM pg_roles WHERE rolname = '{server.login('ada')}'")
        == "t"
    )
    connected = server.connect("ada", ADMIN_PW)
    assert connected.returncode == 0, connected.stderr
    assert "signed in as Ada Lind (administrator)" in connected.stdout
    assert json.loads((server.folder("ada") / "server.json").read_text())["user"] == (
        server.login("ada")
    )
    assert ADMIN_PW not in (server.folder("ada") / "server.json").read_text()


def test_a_second_init_on_the_same_database_is_refused_and_changes_nothing(
    server: Server,
) -> None:
    assert server.init().returncode == 0
    before = server.sql(
        "SELECT count(*) FROM clarity.staff; SELECT practice_id FROM clarity.practice_info"
    )
    again = run(
        "server",
        "init",
        "--url",
        server.super_url,
        "--ca",
        server.ca,
        "--practice",
        "Another Practice",
        "--admin-login",
        server.login("bo"),
        "--admin-name",
        "Bo Berg",
        "--recovery-sheet-out",
        server.tmp / "second-sheet.txt",
        server=server.cluster.superuser_password,
        new=ADMIN_PW,
    )
    assert_clean_error(again, f"The database {server.dbname} on localhost already holds")
    assert not (server.tmp / "second-sheet.txt").exists()  # no key for nothing
    assert (
        server.sql(
            "SELECT count(*) FROM clarity.staff; SELECT practice_id FROM clarity.practice_info"
        )
        == before
    )
    assert (
        server.sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{server.login('bo')}'") == "0"
    )


def test_init_on_a_database_that_does_not_exist_says_to_create_it(server: Server) -> None:
    missing = run(
        "server",
        "init",
        "--url",
        server.cluster.url(server.cluster.superuser, "no_such_db"),
        "--ca",
        server.ca,
        "--practice",
        "P",
        "--admin-login",
        server.login("ada"),
        "--admin-name",
        "Ada Lind",
        server=server.cluster.superuser_password,
        new=ADMIN_PW,
    )
    assert_clean_error(missing, "has no database named no_such_db; create it first")


def test_init_as_a_login_that_is_not_the_superuser_is_refused_in_words(
    practice: Server,
) -> None:
    s = practice
    other = f"other_{uuid.uuid4().hex[:8]}"
    s.cluster.create_database(other)
    try:
        as_ada = run(
            "server",
            "init",
            "--url",
            s.cluster.url(s.login("ada"), other),
            "--ca",
            s.ca,
            "--practice",
            "P",
            "--admin-login",
            s.login("x"),
            "--admin-name",
            "X",
            server=ADMIN_PW,
            new=ADMIN_PW,
        )
        assert_clean_error(as_ada, f"{s.login('ada')} may not make the practice's schema")
        done = s.cluster.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'clarity'", other)
        assert done.strip() == "0"
    finally:
        s.cluster.drop_database(other)


def test_a_disabled_login_can_no_longer_sign_in(practice: Server) -> None:
    s = practice
    done = s.as_admin("disable-user", "--login", s.login("eli"))
    assert done.returncode == 0, done.stderr
    assert "can no longer sign in" in done.stdout
    refused = run("cases", "--data-dir", s.folder("eli"), passphrase=ELI_PW)
    assert_clean_error(refused, f"did not accept the password for {s.login('eli')}")
    listed = json.loads(s.as_admin("staff", "--json").stdout)
    assert [p["disabled"] for p in listed if p["login"] == s.login("eli")] == [True]


def test_connect_refuses_a_solo_practice_folder_and_a_failed_connect_leaves_nothing(
    practice: Server, tmp_path: Path
) -> None:
    s = practice
    solo = tmp_path / "solo"
    made = run("init", "--data-dir", solo, "--clinician", "Dana Reyes", passphrase=DANA_PW)
    assert made.returncode == 0
    into_solo = run(
        "server",
        "connect",
        "--data-dir",
        solo,
        "--url",
        s.url(s.login("dana")),
        "--ca",
        s.ca,
        passphrase=DANA_PW,
    )
    assert_clean_error(into_solo, f"There is already a practice in {solo}")
    assert not (solo / "server.json").exists()
    assert run("check", "--data-dir", solo, passphrase=DANA_PW).returncode == 0

    fresh = tmp_path / "fresh"
    wrong = run(
        "server",
        "connect",
        "--data-dir",
        fresh,
        "--url",
        s.url(s.login("dana")),
        "--ca",
        s.ca,
        passphrase="not her password",
    )
    assert_clean_error(wrong, "did not accept the password")
    assert not fresh.exists()
    on_solo = run("server", "staff", "--data-dir", solo, passphrase=DANA_PW)
    assert_clean_error(on_solo, "holds a solo practice")


# Errors, one sentence each ---------------------------------------------------------


def test_connection_errors_are_one_sentence_and_send_no_password(
    practice: Server, tmp_path: Path
) -> None:
    s = practice
    folder = tmp_path / "w"

    def connect(url: str, ca: Path = s.ca, password: str = DANA_PW) -> Result:
        return run(
            "server",
            "connect",
            "--data-dir",
            folder,
            "--url",
            url,
            "--ca",
            ca,
            passphrase=password,
        )

    assert_clean_error(connect("mysql://dana@localhost/db"), "is not a server address")
    assert_clean_error(
        connect(f"postgresql://dana:secret@localhost:{s.cluster.port}/{s.dbname}"),
        "Leave the password out of the server address",
    )
    from tests.pg_cluster import free_port

    closed = f"postgresql://{s.login('dana')}@localhost:{free_port()}/{s.dbname}"
    assert_clean_error(connect(closed), "Could not reach the practice server at localhost:")
    _, other_ca = make_ca("Someone else's CA")
    stranger = tmp_path / "other-ca.crt"
    stranger.write_bytes(cert_pem(other_ca))
    assert_clean_error(
        connect(s.url(s.login("dana")), stranger),
        "does not vouch for, or one made out to another name; Clarity did not send your password",
    )
    assert_clean_error(
        connect(s.url(s.login("dana")), tmp_path / "missing.crt"),
        "certificate authority file",
    )
    assert_clean_error(
        connect(s.url(s.login("dana")), password="wrong password here"),
        f"did not accept the password for {s.login('dana')}",
    )
    assert not folder.exists()


def test_staff_commands_need_an_administrator(practice: Server) -> None:
    s = practice
    as_dana = run(
        "server",
        "add-user",
        "--data-dir",
        s.folder("dana"),
        "--login",
        s.login("zed"),
        "--name",
        "Zed",
        "--role",
        "clinician",
        passphrase=DANA_PW,
        new="zed passphrase 1",
    )
    assert_clean_error(as_dana, "Dana Reyes is not permitted to manage staff logins")
    assert s.sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{s.login('zed')}'") == "0"
    listing = run("server", "staff", "--data-dir", s.folder("dana"), passphrase=DANA_PW)
    assert_clean_error(listing, "not permitted")
    check = run("server", "check", "--data-dir", s.folder("dana"), passphrase=DANA_PW)
    assert_clean_error(check, "Dana Reyes is not permitted to check the whole practice server")


def test_missing_passwords_and_bad_values_are_one_sentence(practice: Server) -> None:
    s = practice
    no_new = run(
        "server",
        "add-user",
        "--data-dir",
        s.folder("ada"),
        "--login",
        s.login("zed"),
        "--name",
        "Zed",
        "--role",
        "clinician",
        passphrase=ADMIN_PW,
    )
    assert_clean_error(no_new, "No new password given: set CLARITY_NEW_PASSWORD")
    # A server login has a password, not a passphrase, in every command's words.
    no_own = run("server", "staff", "--data-dir", s.folder("ada"))
    assert_clean_error(no_own, "No password given: set CLARITY_PASSPHRASE")
    no_own = run("cases", "--data-dir", s.folder("dana"))
    assert_clean_error(no_own, "No password given: set CLARITY_PASSPHRASE")
    short = s.add_user("zed", "Zed", "clinician", "short")
    assert_clean_error(short, "at least")
    bad_role = s.add_user("zed", "Zed", "janitor", "zed passphrase 1")
    assert_clean_error(
        bad_role, "--role is one of clinician, supervisor, administrator, front_desk"
    )
    bad_login = s.add_user("zed-1", "Zed", "clinician", "zed passphrase 1")
    assert_clean_error(bad_login, "cannot be used as a name on the server")
    no_super = run(
        "server",
        "init",
        "--url",
        s.super_url,
        "--ca",
        s.ca,
        "--practice",
        "P",
        "--admin-login",
        s.login("x"),
        "--admin-name",
        "X",
        new=ADMIN_PW,
    )
    assert_clean_error(no_super, "No server password given: set CLARITY_SERVER_PASSWORD")
    taken = s.add_user("dana", "Dana Again", "clinician", "dana passphrase 99")
    assert_clean_error(taken, f"already has a login named {s.login('dana')}")
    nobody = s.as_admin("assign", "--case", "1", "--user", s.login("nobody"))
    assert_clean_error(nobody, f"no staff member with the login {s.login('nobody')}")
    no_case = s.as_admin("assign", "--case", "999999", "--user", s.login("dana"))
    assert_clean_error(no_case, "There is no case 999999")
    assert_clean_error(run("server", "frob"), "There is no command 'frob'")


def test_a_password_file_serves_as_the_environment_does(practice: Server) -> None:
    s = practice
    secret = s.tmp / "ada.txt"
    secret.write_text(ADMIN_PW + "\n", encoding="utf-8")
    new = s.tmp / "fran.txt"
    new.write_text("fran passphrase 4\n", encoding="utf-8")
    added = run(
        "server",
        "add-user",
        "--data-dir",
        s.folder("ada"),
        "--passphrase-file",
        secret,
        "--login",
        s.login("fran"),
        "--name",
        "Fran Diaz",
        "--role",
        "front_desk",
        "--new-password-file",
        new,
    )
    assert added.returncode == 0, added.stderr
    assert "front desk" in added.stdout
    assert s.connect("fran", "fran passphrase 4").returncode == 0


# Checking ----------------------------------------------------------------------------


def test_check_as_a_clinician_and_server_check_as_the_administrator(practice: Server) -> None:
    s = practice
    # Their audit rows interleave: neither clinician can read the other's.
    import_clients(s, "dana", DANA_PW, "Maya Ortiz")
    import_clients(s, "eli", ELI_PW, "Priya Nair")
    import_clients(s, "dana", DANA_PW, "Jonah Reed")
    sign_a_note(s, case_names(s, "dana", DANA_PW)["Maya Ortiz"])

    mine = run("check", "--data-dir", s.folder("dana"), passphrase=DANA_PW)
    assert mine.returncode == 0, mine.stderr
    assert mine.stdout.startswith("ok: 2 cases, 1 notes (Dana Reyes)")
    assert "every link of the audit chain and the seal of every signed record" in mine.stdout
    assert "server check" in mine.stdout

    whole = s.as_admin("check")
    assert whole.returncode == 0, whole.stderr
    rows = int(s.sql("SELECT count(*) FROM clarity.audit_events"))
    assert f"every link of the audit chain verified ({rows} entries)" in whole.stdout
    assert "3 staff members (3 active), 3 cases" in whole.stdout
    assert "checked by each clinician's own" in whole.stdout
    assert_clean_error(
        run("check", "--data-dir", s.folder("ada"), passphrase=ADMIN_PW),
        "Ada Lind reads no clinical records",
    )
    verified = run("audit", "--data-dir", s.folder("dana"), "--verify", passphrase=DANA_PW)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith(f"ok: {rows + 1} audit entries")  # + this unlock


def test_server_check_finds_an_edited_audit_row_and_a_table_left_open(practice: Server) -> None:
    s = practice
    import_clients(s, "dana", DANA_PW, "Maya Ortiz")
    import_clients(s, "eli", ELI_PW, "Priya Nair")
    elis = s.sql(
        f"SELECT max(e.id) FROM clarity.audit_events e JOIN clarity.staff f "
        f"ON f.user_id = e.user_id WHERE e.action = 'imported' AND f.login = '{s.login('eli')}'"
    )
    s.sql(  # a DBA edits a row behind the program's back, past the record locks
        "SET session_replication_role = replica; "
        f"UPDATE clarity.audit_events SET detail = 'nothing to see' WHERE id = {elis}"
    )
    # Dana cannot read Eli's row: every link still holds from where she stands, and her
    # check says whose check recomputes the rows she cannot read.
    hers = run("check", "--data-dir", s.folder("dana"), passphrase=DANA_PW)
    assert hers.returncode == 0 and "server check" in hers.stdout
    assert_clean_error(
        run("check", "--data-dir", s.folder("eli"), passphrase=ELI_PW), f"broken at entry {elis}"
    )
    assert_clean_error(s.as_admin("check"), f"is broken at entry {elis}")

    s.sql("ALTER TABLE clarity.partners NO FORCE ROW LEVEL SECURITY")
    both = s.as_admin("check")
    assert_clean_error(both, "Row-level security is off or not enforced")
    assert "partners" in both.stderr and "(1 more problems found.)" in both.stderr


# Backing up -------------------------------------------------------------------------


def pg_restore_list(cluster: PgCluster, dump: Path) -> str:
    return subprocess.run(
        [str(cluster.bindir / "pg_restore"), "--list", str(dump)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def backup(s: Server, out: Path, *extra: str, url: str | None = None, **env: Any) -> Result:
    env.setdefault("server", s.cluster.superuser_password)
    return run(
        "server",
        "backup",
        "--url",
        url or s.super_url,
        "--ca",
        s.ca,
        "--out",
        out,
        *extra,
        **env,
    )


def test_backup_writes_a_custom_format_dump_holding_every_row(practice: Server) -> None:
    s = practice
    import_clients(s, "dana", DANA_PW, "Maya Ortiz", "Jonah Reed")
    import_clients(s, "eli", ELI_PW, "Priya Nair")
    out = s.tmp / "backups" / "practice.dump"
    out.parent.mkdir()
    made = backup(s, out)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Wrote {out} (") and "listed back with pg_restore" in made.stdout
    assert [p.name for p in out.parent.iterdir()] == ["practice.dump"]  # no part left
    assert out.read_bytes()[:5] == b"PGDMP"
    assert out.stat().st_mode & 0o077 == 0
    listing = pg_restore_list(s.cluster, out)
    assert "TABLE DATA clarity cases" in listing and "TABLE DATA clarity audit_events" in listing
    # Every case, whoever's it is (row-level security did not hide any from the dump).
    data = subprocess.run(
        [str(s.cluster.bindir / "pg_restore"), "--data-only", "--table=cases", "-f", "-", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Their names are in it as the directory key's ciphertext (issue 14), never plain.
    rows = [line for line in data.splitlines() if "\tc1." in line]
    assert len(rows) == 3
    assert not any(name in data for name in ("Maya Ortiz", "Jonah Reed", "Priya Nair"))

    again = backup(s, out)
    assert_clean_error(again, "already exists; choose another name or add --overwrite")
    assert backup(s, out, "--overwrite").returncode == 0


def test_backup_refuses_a_login_that_row_level_security_would_hide_rows_from(
    practice: Server,
) -> None:
    s = practice
    out = s.tmp / "as-ada.dump"
    as_admin = backup(s, out, url=s.url(s.login("ada")), server=ADMIN_PW)
    assert_clean_error(as_admin, "cannot read past row-level security")
    assert not out.exists()
    wrong = backup(s, out, server="not the superuser's password")
    assert_clean_error(wrong, "did not accept the password for postgres")
    not_practice = backup(s, out, url=s.cluster.url(s.cluster.superuser, "postgres"))
    assert_clean_error(not_practice, "is not a Clarity practice")
    assert not out.exists()


def test_a_backup_restored_into_a_new_database_is_the_same_practice(practice: Server) -> None:
    """What the README says to do with a backup: pg_restore into an empty database on the
    same server (its logins and group roles are the server's, not the dump's)."""
    s = practice
    import_clients(s, "dana", DANA_PW, "Maya Ortiz")
    sign_a_note(s, case_names(s, "dana", DANA_PW)["Maya Ortiz"])
    out = s.tmp / "practice.dump"
    assert backup(s, out).returncode == 0
    restored = f"restored_{uuid.uuid4().hex[:8]}"
    s.cluster.create_database(restored)
    try:
        env = dict(os.environ, PGPASSWORD=s.cluster.superuser_password)
        env |= {"PGSSLMODE": "verify-full", "PGSSLROOTCERT": str(s.ca)}
        argv = [str(s.cluster.bindir / "pg_restore"), "--exit-on-error", "--host=localhost"]
        argv += [f"--port={s.cluster.port}", "--username=postgres", f"--dbname={restored}"]
        done = subprocess.run([*argv, str(out)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        there = Server(s.cluster, restored, s.tmp / "restored", s.suffix)
        there.tmp.mkdir()
        assert there.connect("dana", DANA_PW).returncode == 0
        assert set(case_names(there, "dana", DANA_PW)) == {"Maya Ortiz"}
        mine = run("check", "--data-dir", there.folder("dana"), passphrase=DANA_PW)
        assert mine.returncode == 0, mine.stderr
        assert mine.stdout.startswith("ok: 1 cases, 1 notes")
        assert there.connect("ada", ADMIN_PW).returncode == 0
        whole = there.as_admin("check")
        assert whole.returncode == 0, whole.stderr
    finally:
        s.cluster.drop_database(restored)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_terminal_a_new_password_is_asked_twice(
    practice: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed, not given: the administrator's own password, then the new person's twice;
    two that differ add nobody."""
    import getpass

    s = practice
    prompts: list[str] = []

    def typed(answers: list[str]) -> None:
        def ask(prompt: str = "") -> str:
            prompts.append(prompt)
            return answers.pop(0)

        monkeypatch.setattr(getpass, "getpass", ask)

    def add(login: str) -> Result:
        argv = ["server", "add-user", "--data-dir", str(s.folder("ada")), "--login", login]
        argv += ["--name", "Zed Moss", "--role", "supervisor"]
        out, err = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as mp:
            for name in ENV_NAMES:
                mp.delenv(name, raising=False)
            mp.setattr(sys, "stdin", Terminal())
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.main(argv)
        return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())

    typed([ADMIN_PW, "zed passphrase 1", "zed passphrase 2"])
    assert_clean_error(add(s.login("zed")), "The two new passwords do not match.")
    assert s.sql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{s.login('zed')}'") == "0"
    prompts.clear()
    typed([ADMIN_PW, "zed passphrase 1", "zed passphrase 1"])
    added = add(s.login("zed"))
    assert added.returncode == 0, added.stderr
    assert prompts == ["Password: ", "Their new password: ", "Their new password again: "]
    assert s.connect("zed", "zed passphrase 1").returncode == 0

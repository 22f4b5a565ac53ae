"""The test PostgreSQL server is set up the way a practice's server must be: a staff member
gets in only over TLS to a server whose certificate names it, signed by the practice's CA,
and only with scram-sha-256. If the harness drifted (ssl off, a trust line, md5), these
fail before any group-practice test could pass on a server weaker than the real one."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tests.pg_cluster import PgCluster, PgClusterError, cert_pem, find_bindir, make_ca


@dataclass(frozen=True)
class Login:
    user: str
    password: str


def _new_role(pg_cluster: PgCluster, prefix: str, encryption: str) -> Login:
    login = Login(f"{prefix}_{secrets.token_hex(4)}", secrets.token_urlsafe(16))
    pg_cluster.psql(
        f"SET password_encryption = '{encryption}';\n"
        f"CREATE ROLE {login.user} LOGIN PASSWORD '{login.password}';\n"
    )
    return login


@pytest.fixture
def staff(pg_cluster: PgCluster) -> Iterator[Login]:
    """A staff member's own login, its password stored the server's way (scram)."""
    login = _new_role(pg_cluster, "staff", "scram-sha-256")
    yield login
    pg_cluster.psql(f"DROP ROLE {login.user};")


@pytest.fixture
def md5_staff(pg_cluster: PgCluster) -> Iterator[Login]:
    """A login whose password an old server stored as md5."""
    login = _new_role(pg_cluster, "md5staff", "md5")
    stored = pg_cluster.psql(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{login.user}';")
    assert stored.startswith("md5"), stored  # the set-up did what it says
    yield login
    pg_cluster.psql(f"DROP ROLE {login.user};")


def _connect(conninfo: str, **changes: str | None) -> psycopg.Connection[tuple[object, ...]]:
    params = {**conninfo_to_dict(conninfo), **changes}
    return psycopg.connect(make_conninfo("", **{k: v for k, v in params.items() if v is not None}))


def _refusal(conninfo: str, **changes: str | None) -> str:
    with pytest.raises(psycopg.OperationalError) as caught:
        _connect(conninfo, **changes).close()
    return str(caught.value)


def test_staff_login_over_tls_with_scram_works(pg_cluster: PgCluster, staff: Login) -> None:
    with psycopg.connect(pg_cluster.conninfo(staff.user, staff.password, "postgres")) as conn:
        row = conn.execute(
            "SELECT session_user, s.ssl, s.version FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()"
        ).fetchone()
    assert row is not None
    user, ssl, version = row
    assert user == staff.user
    assert ssl is True
    assert version in ("TLSv1.2", "TLSv1.3")


def test_the_certificate_also_names_the_loopback_address(
    pg_cluster: PgCluster, staff: Login
) -> None:
    conninfo = pg_cluster.conninfo(staff.user, staff.password, "postgres")
    with _connect(conninfo, host="127.0.0.1") as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_a_plain_connection_is_refused(pg_cluster: PgCluster, staff: Login) -> None:
    conninfo = pg_cluster.conninfo(staff.user, staff.password, "postgres")
    message = _refusal(conninfo, sslmode="disable")
    assert "no encryption" in message


def test_the_local_socket_is_refused(pg_cluster: PgCluster, staff: Login) -> None:
    conninfo = pg_cluster.conninfo(staff.user, staff.password, "postgres")
    message = _refusal(conninfo, host=str(pg_cluster.socket_dir), sslmode="disable")
    assert "[local]" in message and "rejects connection" in message


def test_a_client_trusting_another_ca_is_refused(
    pg_cluster: PgCluster, staff: Login, tmp_path: Path
) -> None:
    other_ca = tmp_path / "other-ca.crt"
    other_ca.write_bytes(cert_pem(make_ca("Somebody else's CA")[1]))
    conninfo = pg_cluster.conninfo(staff.user, staff.password, "postgres")
    message = _refusal(conninfo, sslrootcert=str(other_ca))
    assert "certificate verify failed" in message


def test_a_host_name_the_certificate_does_not_name_is_refused(
    pg_cluster: PgCluster, staff: Login
) -> None:
    # The same server at the same address, asked for under another name.
    conninfo = pg_cluster.conninfo(staff.user, staff.password, "postgres")
    message = _refusal(conninfo, host="practice-server.invalid", hostaddr="127.0.0.1")
    assert "does not match host name" in message


def test_a_wrong_password_is_refused(pg_cluster: PgCluster, staff: Login) -> None:
    message = _refusal(pg_cluster.conninfo(staff.user, "not-the-password", "postgres"))
    assert "password authentication failed" in message


def test_a_password_stored_as_md5_cannot_log_in(pg_cluster: PgCluster, md5_staff: Login) -> None:
    message = _refusal(pg_cluster.conninfo(md5_staff.user, md5_staff.password, "postgres"))
    assert "password authentication failed" in message


def test_the_client_refuses_a_server_that_asks_for_md5(
    pg_cluster: PgCluster, md5_staff: Login
) -> None:
    """Even where a server (misconfigured, or not the practice's) offers md5, the client
    requires scram-sha-256 and refuses to answer with the weaker hash."""
    conninfo = pg_cluster.conninfo(md5_staff.user, md5_staff.password, "postgres")
    rule = f"hostssl all {md5_staff.user} 127.0.0.1/32 md5"
    with pg_cluster.extra_hba(rule):
        # Proof the server now offers md5: a client without the requirement gets in
        # (once the server has reloaded its rules).
        deadline = time.monotonic() + 30
        while True:
            try:
                _connect(conninfo, require_auth=None).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        message = _refusal(conninfo)
    assert 'authentication method requirement "scram-sha-256" failed' in message


def test_psql_returns_rows_and_raises_on_bad_sql(pg_cluster: PgCluster) -> None:
    out = pg_cluster.psql("SELECT n, n * n FROM generate_series(1, 3) AS n;")
    assert out.splitlines() == ["1|1", "2|4", "3|9"]
    assert pg_cluster.psql("SHOW ssl;").strip() == "on"
    with pytest.raises(PgClusterError, match='relation "no_such_table" does not exist'):
        pg_cluster.psql("SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 2;")


def test_databases_are_created_from_templates_and_dropped_with_sessions_open(
    pg_cluster: PgCluster, staff: Login
) -> None:
    template, copy = f"tpl_{secrets.token_hex(4)}", f"copy {secrets.token_hex(4)}"
    pg_cluster.create_database(template)
    try:
        pg_cluster.psql(
            "CREATE TABLE marker (word text); INSERT INTO marker VALUES ('kept');", template
        )
        pg_cluster.create_database(copy, template=template)
        assert pg_cluster.psql("SELECT word FROM marker;", copy).strip() == "kept"
        pg_cluster.psql(f'GRANT CONNECT ON DATABASE "{copy}" TO {staff.user};')
        conninfo = pg_cluster.conninfo(staff.user, staff.password, copy)
        with psycopg.connect(conninfo) as open_session:
            pg_cluster.drop_database(copy)  # WITH (FORCE) ends the open session
            with pytest.raises(psycopg.OperationalError):
                open_session.execute("SELECT 1")
        assert "does not exist" in _refusal(conninfo)
    finally:
        pg_cluster.drop_database(copy)
        pg_cluster.drop_database(template)


def test_url_names_user_host_port_and_database_but_no_password(pg_cluster: PgCluster) -> None:
    assert pg_cluster.url("dana", "group practice") == (
        f"postgresql://dana@localhost:{pg_cluster.port}/group%20practice"
    )


def test_a_server_that_cannot_start_says_why_from_its_log(pg_cluster: PgCluster) -> None:
    clash = PgCluster(port=pg_cluster.port)  # the port the running server holds
    try:
        with pytest.raises(PgClusterError) as caught:
            clash.start()
    finally:
        clash.stop()
    assert "server log" in str(caught.value)
    assert "could not create any TCP/IP sockets" in str(caught.value)


def test_a_machine_without_postgresql_is_told_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (find_bindir() / "initdb").exists()  # this machine has it
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_config either
    with pytest.raises(PgClusterError, match="missing.*bash dev.sh test"):
        find_bindir(debian_root=tmp_path)


def test_a_killed_test_run_leaves_no_server_behind() -> None:
    """pg_ctl detaches the server, so a test run ended by `timeout` or SIGKILL would leave
    it running for good; the watchdog stops it and removes its folder."""
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from tests.pg_cluster import PgCluster\n"
            "c = PgCluster(); c.start()\n"
            "print(c.folder, c.port, flush=True)\n"
            "time.sleep(600)\n",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    folder = Path(child.stdout.readline().split()[0])
    assert (folder / "data" / "postmaster.pid").exists()  # it was running
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 60
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not folder.exists()
    running = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert f"{folder}/data" not in running

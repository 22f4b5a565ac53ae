"""A real, throwaway PostgreSQL server for the group-practice tests, set up the way a
practice's server must be: TLS only (a certificate from a CA the suite makes, checked with
verify-full), scram-sha-256 only, no local socket logins.

initdb and pg_ctl refuse to run as root, and the tests run as root here and in CI, so the
server's programs run as the `postgres` user then (runuser); the folder comes from
tempfile.mkdtemp rather than pytest's tmp_path, whose parent is 0700 root and cannot be
entered by postgres.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Self
from urllib.parse import quote

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from psycopg.conninfo import make_conninfo

SERVER_USER = "postgres"
SUPERUSER = "postgres"
HOST = "localhost"
LOG_TAIL_LINES = 40

# Runs beside the test process and outlives it: it reads its stdin, a pipe only the test
# process holds, so it wakes when that process ends however it ends (stop(), an error,
# Ctrl-C, `timeout`'s SIGTERM, SIGKILL) and then stops the server and removes the folder.
# Without it, a killed test run leaves a server running (pg_ctl detaches it) for good.
WATCHDOG = """
import os, shutil, subprocess, sys
sys.stdin.buffer.read()
*pg_ctl, data, base = sys.argv[1:]
if os.path.exists(os.path.join(data, "postmaster.pid")):
    subprocess.run([*pg_ctl, "-D", data, "stop", "-w", "-m", "immediate"], capture_output=True)
shutil.rmtree(base, ignore_errors=True)
"""


class PgClusterError(RuntimeError):
    """The test server could not be set up, started or asked something."""


def find_bindir(debian_root: Path = Path("/usr/lib/postgresql")) -> Path:
    """The newest Debian /usr/lib/postgresql/N/bin, else what pg_config (on PATH) names.
    Missing PostgreSQL is an error, not a skip: the group-practice tests must run
    everywhere, CI included."""
    candidates = [
        p for p in debian_root.glob("*/bin") if p.parent.name.isdigit() and (p / "initdb").exists()
    ]
    if candidates:
        return max(candidates, key=lambda p: int(p.parent.name))
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        bindir = Path(out.stdout.strip())
        if out.returncode == 0 and (bindir / "initdb").exists():
            return bindir
    raise PgClusterError(
        "PostgreSQL server programs (initdb, pg_ctl) are missing; "
        "`bash dev.sh test` installs Debian's postgresql package"
    )


def free_port() -> int:
    """A TCP port free on the loopback right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- certificates ---------------------------------------------------------------------


def _validity() -> tuple[datetime.datetime, datetime.datetime]:
    now = datetime.datetime.now(datetime.UTC)
    return now - datetime.timedelta(hours=1), now + datetime.timedelta(days=7)


def make_ca(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA (EC P-256) that exists only for this test run."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start, end = _validity()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A server certificate for DNS:localhost and IP:127.0.0.1, signed by the CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    start, end = _validity()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


# --- the cluster ----------------------------------------------------------------------


class PgCluster:
    """One PostgreSQL server on a temp folder and a loopback port. start() makes it
    (certificates, initdb, configuration) and starts it; stop() stops it and removes the
    folder. Usable as a context manager."""

    def __init__(self, port: int | None = None) -> None:
        self.bindir = find_bindir()
        self.host = HOST
        self.port = port if port is not None else free_port()
        self.port_chosen = port is None
        self.superuser = SUPERUSER
        self.superuser_password = secrets.token_urlsafe(24)
        self.as_root = os.geteuid() == 0
        self.base: Path | None = None
        self.started = False
        self.startup_seconds = 0.0
        self._watchdog: subprocess.Popen[bytes] | None = None

    # paths, valid once start() has made the folder
    @property
    def folder(self) -> Path:
        if self.base is None:
            raise PgClusterError("the test server has not been set up (call start())")
        return self.base

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def ca_file(self) -> Path:
        return self.folder / "tls" / "ca.crt"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    @property
    def socket_dir(self) -> Path:
        return self.folder / "sock"

    # life cycle
    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        began = time.monotonic()
        self.base = Path(tempfile.mkdtemp(prefix="clarity-pg-"))
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, *self._as_server(self.bindir / "pg_ctl")]
            + [str(self.data_dir), str(self.base)],
            stdin=subprocess.PIPE,
            cwd="/",
            start_new_session=True,  # Ctrl-C in the terminal must not end it first
        )
        self._give_to_server(self.base)
        self._write_tls()
        self._initdb()
        self._configure()
        for attempt in range(3):
            try:
                self._pg_ctl("start", "-w", "-t", "60", "-l", str(self.log_file))
                break
            except PgClusterError as exc:
                self._kill_leftover()
                # Another process (another xdist worker's server) may have taken the
                # port picked a moment ago: pick again, unless the caller chose it.
                if not (self.port_chosen and attempt < 2 and "Address already in use" in str(exc)):
                    raise
                self.port = free_port()
                with (self.data_dir / "postgresql.conf").open("a") as f:
                    f.write(f"port = '{self.port}'\n")
        self.started = True
        self.startup_seconds = time.monotonic() - began

    def stop(self) -> None:
        """Stop the server (fast: open sessions are ended) and remove its folder.
        Safe to call after a failed start and more than once."""
        try:
            if self.started:
                self.started = False
                self._pg_ctl("stop", "-w", "-m", "fast")
        finally:
            if self.base is not None:
                shutil.rmtree(self.base, ignore_errors=True)
                self.base = None
            if self._watchdog is not None:
                if self._watchdog.stdin is not None:
                    self._watchdog.stdin.close()
                self._watchdog.wait(timeout=60)
                self._watchdog = None

    # for tests
    def conninfo(self, user: str, password: str, dbname: str) -> str:
        """What a client of the practice's server uses: the server's name checked against
        the certificate from our CA, and scram-sha-256 demanded by the client itself."""
        return make_conninfo(
            host=self.host,
            port=str(self.port),
            dbname=dbname,
            user=user,
            password=password,
            sslmode="verify-full",
            sslrootcert=str(self.ca_file),
            require_auth="scram-sha-256",
            connect_timeout="10",
        )

    def url(self, user: str, dbname: str) -> str:
        return (
            f"postgresql://{quote(user, safe='')}@{self.host}:{self.port}/{quote(dbname, safe='')}"
        )

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        """Run *sql* through psql as the superuser over TLS (a DBA at the server, e.g. one
        tampering with rows behind the program's back). Unaligned tuples only, stops at
        the first error; returns what psql printed."""
        conninfo = make_conninfo(
            host=self.host,
            port=str(self.port),
            dbname=dbname,
            user=self.superuser,
            sslmode="verify-full",
            sslrootcert=str(self.ca_file),
        )
        env = self._clean_env()
        env["PGPASSWORD"] = self.superuser_password
        psql = self.bindir / "psql"
        argv = [
            str(psql if psql.exists() else "psql"),
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            conninfo,
            "-f",
            "-",
        ]
        out = subprocess.run(argv, input=sql, capture_output=True, text=True, env=env)
        if out.returncode != 0:
            raise PgClusterError(f"psql failed ({out.returncode}): {out.stderr.strip()}")
        return out.stdout

    def relation_files(self, dbname: str, schema: str = "clarity") -> bytes:
        """The bytes on disk of every table, TOAST table and index of *schema*, read after a
        checkpoint (so what was written is in the files): what a stolen disk holds."""
        self.psql("CHECKPOINT;", dbname)
        listing = self.psql(
            "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = '{schema}' AND c.relkind IN ('r', 'i', 't', 'm') "
            "UNION SELECT c.reltoastrelid FROM pg_class c JOIN pg_namespace n "
            f"ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.reltoastrelid <> 0 "
            "UNION SELECT i.indexrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
            "WHERE c.relnamespace = 'pg_toast'::regnamespace AND c.oid IN (SELECT reltoastrelid "
            f"FROM pg_class WHERE relnamespace = '{schema}'::regnamespace);",
            dbname,
        )
        oids = [line.strip() for line in listing.splitlines() if line.strip()]
        assert len(oids) > 40  # tables, indexes and TOAST: finding nothing would prove nothing
        return b"".join(
            bytes.fromhex(
                self.psql(
                    f"SELECT encode(pg_read_binary_file(pg_relation_filepath({oid})), 'hex');",
                    dbname,
                ).strip()
            )
            for oid in oids
        )

    def create_database(self, name: str, template: str | None = None) -> None:
        sql = f"CREATE DATABASE {quote_ident(name)}"
        if template is not None:
            sql += f" TEMPLATE {quote_ident(template)}"
        self.psql(sql + ";")

    def drop_database(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {quote_ident(name)} WITH (FORCE);")

    @contextlib.contextmanager
    def extra_hba(self, *lines: str) -> Iterator[None]:
        """pg_hba.conf with *lines* ahead of the usual rules while the block runs (then the
        usual file again). For a test that needs the server to offer something weaker, e.g.
        md5 for one role, to see the client refuse it; lines should name that test's own
        role so no other test notices. Reloading is asynchronous: a test retries until the
        new rule shows."""
        hba = self.data_dir / "pg_hba.conf"
        usual = hba.read_text()
        hba.write_text("\n".join(lines) + "\n" + usual)
        self.psql("SELECT pg_reload_conf();")
        try:
            yield
        finally:
            hba.write_text(usual)
            self.psql("SELECT pg_reload_conf();")

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError as exc:
            return f"(no server log: {exc})"
        return "\n".join(text.splitlines()[-lines:])

    # set-up steps
    def _server_ids(self) -> tuple[int, int]:
        entry = pwd.getpwnam(SERVER_USER)
        return entry.pw_uid, entry.pw_gid

    def _give_to_server(self, path: Path) -> None:
        """As root, the server's files belong to the postgres user; otherwise to us."""
        if self.as_root:
            uid, gid = self._server_ids()
            os.chown(path, uid, gid)

    def _write_secret(self, path: Path, data: bytes) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self._give_to_server(path)

    def _write_tls(self) -> None:
        tls = self.folder / "tls"
        tls.mkdir(mode=0o700)
        self._give_to_server(tls)
        ca_key, ca_cert = make_ca("Clarity test CA (throwaway)")
        key, cert = make_server_cert(ca_key, ca_cert)
        # The CA key is never written: nothing else is ever signed by it.
        self.ca_file.write_bytes(cert_pem(ca_cert))
        self.ca_file.chmod(0o644)
        (tls / "server.crt").write_bytes(cert_pem(cert))
        self._give_to_server(tls / "server.crt")
        self._write_secret(tls / "server.key", key_pem(key))

    def _initdb(self) -> None:
        pwfile = self.folder / "pwfile"
        self._write_secret(pwfile, self.superuser_password.encode() + b"\n")
        try:
            self._run(
                self.bindir / "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                self.superuser,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=reject",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",  # a throwaway cluster: no need to wait for the disk
                "--no-instructions",
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def _configure(self) -> None:
        self.socket_dir.mkdir(mode=0o700)
        self._give_to_server(self.socket_dir)
        tls = self.folder / "tls"
        settings = {
            "listen_addresses": "localhost",
            "port": str(self.port),
            "unix_socket_directories": str(self.socket_dir),
            "max_connections": "200",
            "ssl": "on",
            "ssl_cert_file": str(tls / "server.crt"),
            "ssl_key_file": str(tls / "server.key"),
            "ssl_min_protocol_version": "TLSv1.2",
            "password_encryption": "scram-sha-256",
            # TEST CLUSTER ONLY: a crash may lose or corrupt data with these three off,
            # which never matters for a server thrown away after the run. Never on a
            # practice's server.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        lines = ["", "# Clarity test cluster (tests/pg_cluster.py)"]
        lines += [f"{k} = '{v}'" for k, v in settings.items()]
        with (self.data_dir / "postgresql.conf").open("a") as f:
            f.write("\n".join(lines) + "\n")
        # Order matters: the first matching line decides.
        hba = (
            "# Clarity test cluster: TLS + scram-sha-256 over loopback, nothing else.\n"
            "local     all  all                reject\n"
            "hostssl   all  all  127.0.0.1/32  scram-sha-256\n"
            "hostssl   all  all  ::1/128       scram-sha-256\n"
            "hostnossl all  all  all           reject\n"
        )
        (self.data_dir / "pg_hba.conf").write_text(hba)

    def _kill_leftover(self) -> None:
        """After a failed start: a server that came up too slowly for pg_ctl -w would
        otherwise outlive the run."""
        if (self.data_dir / "postmaster.pid").exists():
            with contextlib.suppress(PgClusterError):
                self._run(
                    self.bindir / "pg_ctl", "-D", str(self.data_dir), "stop", "-m", "immediate"
                )

    def _pg_ctl(self, *args: str) -> None:
        try:
            self._run(self.bindir / "pg_ctl", "-D", str(self.data_dir), *args)
        except PgClusterError as exc:
            raise PgClusterError(
                f"{exc}\n--- server log ({self.log_file}), last lines ---\n{self.log_tail()}"
            ) from None

    def _as_server(self, program: Path) -> list[str]:
        """The command line that runs *program* as the server's user."""
        if self.as_root:
            return ["runuser", "-u", SERVER_USER, "--", str(program)]
        return [str(program)]

    def _run(self, program: Path, *args: str) -> None:
        argv = [*self._as_server(program), *args]
        out = subprocess.run(
            argv, cwd=self.folder, env=self._clean_env(), capture_output=True, text=True
        )
        if out.returncode != 0:
            detail = (out.stderr.strip() or out.stdout.strip())[-4000:]
            raise PgClusterError(f"{' '.join(argv)} failed ({out.returncode}): {detail}")

    @staticmethod
    def _clean_env() -> dict[str, str]:
        """The caller's environment minus libpq's PG* variables, so a developer's
        PGHOST or PGSSLMODE cannot point the tests somewhere else."""
        env = {k: v for k, v in os.environ.items() if not re.match(r"PG[A-Z]", k)}
        env["LC_ALL"] = "C.UTF-8"
        return env

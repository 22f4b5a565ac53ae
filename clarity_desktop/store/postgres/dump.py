"""A whole practice server's database in one file, with PostgreSQL's own tools.

``server backup`` runs pg_dump in its custom format (-Fc: compressed, restorable table by
table with pg_restore) and then reads the file back with ``pg_restore --list``: a backup
that cannot be listed, or lists no table data, is not a backup. It runs as a role that
bypasses row-level security (the server's superuser): every table FORCEs it, so a dump
made as anyone else would quietly leave rows out; that is refused up front, in words.

The password goes to the tools in their environment (PGPASSWORD), never on their command
line, where any user of the machine could read it; TLS is verify-full against the CA file,
as for every other connection to the server.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.errors import NotAPractice, PracticeError
from clarity_desktop.store.postgres import schema
from clarity_desktop.store.postgres.address import ServerAddress, check_name
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.server import is_practice

DEBIAN_ROOT = Path("/usr/lib/postgresql")
TIMEOUT_S = 6 * 3600  # a very large practice on a slow disk; a hung server still ends
# One line of `pg_restore --list`: "212; 0 16409 TABLE DATA clarity notes clarity_owner".
_TABLE_DATA = re.compile(r"^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) ")


class DumpFailed(PracticeError):
    """pg_dump or pg_restore failed, or the backup they made is not one."""


@dataclass(frozen=True)
class Dump:
    tables: int  # table data entries of the practice's schema in the backup
    size: int  # bytes
    tool_version: str


def find_tool(name: str, *, path: str | None = None, debian_root: Path | None = None) -> Path:
    """*name* (pg_dump, pg_restore) on PATH, else in the newest Debian
    /usr/lib/postgresql/N/bin; one sentence naming the package when neither has it."""
    found = shutil.which(name, path=path)
    if found:
        return Path(found)
    root = DEBIAN_ROOT if debian_root is None else debian_root
    versions = [p for p in root.glob("*/bin") if p.parent.name.isdigit()]
    for bindir in sorted(versions, key=lambda p: int(p.parent.name), reverse=True):
        if (bindir / name).is_file() and os.access(bindir / name, os.X_OK):
            return bindir / name
    raise DumpFailed(ErrorCode.SERVER_TOOLS_MISSING, tool=name)


def tool_env(where: ServerAddress, password: str) -> dict[str, str]:
    """The tools' environment: ours without any PG* setting of the caller's (a PGSERVICE
    or PGSSLMODE there must not loosen or redirect anything), then the connection's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env |= {
        "PGPASSWORD": password,
        "PGSSLMODE": "verify-full",
        "PGSSLROOTCERT": str(where.ca_file),
        "PGREQUIREAUTH": "scram-sha-256",  # honoured by libpq 16 and later
        "PGCONNECT_TIMEOUT": "10",
        "PGAPPNAME": "Clarity Desktop backup",
    }
    return env


def check_readable(where: ServerAddress, password: str) -> None:
    """The tools are there; sign in as they will (one sentence for a wrong password, an
    untrusted certificate, an unreachable server); the database is a practice and the
    role sees every row."""
    check_name(where.dbname, "database")
    find_tool("pg_dump"), find_tool("pg_restore")  # missing tools: said before signing in
    engine = make_engine(where, password, pool_size=1)
    try:
        with engine.connect() as conn:
            if not is_practice(conn):
                raise NotAPractice(
                    ErrorCode.SERVER_NOT_A_PRACTICE,
                    dbname=where.dbname,
                    host=where.host,
                    port=where.port,
                )
            sees_all = conn.execute(
                text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
            ).scalar()
            if not sees_all:
                raise DumpFailed(ErrorCode.SERVER_DUMP_NEEDS_BYPASS, user=where.user)
    finally:
        engine.dispose()


def dump(where: ServerAddress, password: str, part: Path, target: Path) -> Dump:
    """pg_dump -Fc of *where*'s database into *part* (an empty file the caller owns),
    then listed back with pg_restore. *target* is the name the user chose, for the words
    of an error; the caller renames *part* onto it."""
    pg_dump, pg_restore = find_tool("pg_dump"), find_tool("pg_restore")
    env = tool_env(where, password)
    argv = [
        str(pg_dump),
        "--format=custom",
        "--no-password",
        f"--host={where.host}",
        f"--port={where.port}",
        f"--username={where.user}",
        f"--dbname={where.dbname}",
        f"--file={part}",
    ]
    done = _run(argv, env, "pg_dump", where, target)
    if done.returncode != 0:
        raise DumpFailed(
            ErrorCode.SERVER_DUMP_FAILED,
            tool="pg_dump",
            dbname=where.dbname,
            detail=_first_line(done.stderr),
            path=target,
        )
    listed = _run([str(pg_restore), "--list", str(part)], env, "pg_restore", where, target)
    if listed.returncode != 0:
        raise DumpFailed(
            ErrorCode.SERVER_DUMP_UNREADABLE, detail=_first_line(listed.stderr), path=target
        )
    tables = count_table_data(listed.stdout)
    if tables == 0:
        raise DumpFailed(ErrorCode.SERVER_DUMP_EMPTY, path=target)
    version = _run([str(pg_dump), "--version"], env, "pg_dump", where, target).stdout.strip()
    return Dump(tables, part.stat().st_size, version)


def count_table_data(listing: str) -> int:
    """How many tables of the practice's schema have their rows in the backup."""
    return sum(
        1
        for line in listing.splitlines()
        if (m := _TABLE_DATA.match(line)) is not None and m.group(1) == schema.SCHEMA
    )


def _run(
    argv: list[str], env: dict[str, str], tool: str, where: ServerAddress, target: Path
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            argv,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DumpFailed(
            ErrorCode.SERVER_DUMP_FAILED,
            tool=tool,
            dbname=where.dbname,
            detail=_first_line(str(exc)),
            path=target,
        ) from exc


def _first_line(message: str) -> str:
    """The tool's own first line, without its "pg_dump: error: " prefix."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    first = lines[0] if lines else "no message"
    first = re.sub(r"^(pg_dump|pg_restore): (error: )?", "", first)
    return first.rstrip(".")

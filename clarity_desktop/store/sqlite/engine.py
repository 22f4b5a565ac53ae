"""SQLCipher engine: keyed connections, durable pragmas, explicit BEGIN.

pysqlite-style drivers manage transactions themselves and do not make DDL
transactional; we switch that off (isolation_level=None) and emit BEGIN ourselves,
SQLAlchemy's documented recipe, so a failed migration or save rolls back whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

DatabaseError = sqlcipher.DatabaseError


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect_raw(path: Path, key: bytes | bytearray, *, create: bool = False) -> Any:
    """One keyed DB-API connection. ``create=False`` opens read-write without create, so a
    mistyped path fails instead of making an empty database."""
    conn = sqlcipher.connect(
        _uri(path, "rwc" if create else "rw"),
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA foreign_keys = ON")
        # REPLACE deletes the row it replaces; with this on, that fires delete triggers.
        conn.execute("PRAGMA recursive_triggers = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        if create:
            conn.execute("PRAGMA journal_mode = WAL")  # persistent: stored in the file
    except Exception:
        conn.close()
        raise
    return conn


WRITER_OPTION = "clarity_writer"


def writer(engine: Engine) -> Engine:
    """The same engine and pool, beginning every transaction IMMEDIATE."""
    return engine.execution_options(**{WRITER_OPTION: True})


def make_engine(path: Path, key: bytes | bytearray, *, create: bool = False) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=lambda: connect_raw(path, key, create=create),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Units of work run on writer(engine) and begin IMMEDIATE: they take the write lock
        # at once, so an action that reads the audit chain's last link and appends to it
        # cannot interleave with another (busy_timeout makes the second wait). Plain reads
        # begin deferred and never wait for writers (WAL).
        immediate = conn.get_execution_options().get(WRITER_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine

"""Bring a practice's schema up to the program's head revision, inside one transaction."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}


def upgrade(conn: Connection, target: str = "head") -> None:
    """Run in the caller's transaction: the caller commits, or rolls everything back."""
    command.upgrade(_config(conn), target)


class MigrationFailed(Exception):
    """An upgrade left something inconsistent; it was rolled back whole."""


def upgrade_checked(engine: Engine) -> None:
    """Upgrade to head in one transaction with foreign keys off (so a batch table rebuild
    on SQLite cannot cascade-delete children), then require a clean foreign_key_check
    and every record-lock trigger in place before committing. Any failure rolls back
    everything: the practice stays exactly at its old revision."""
    from clarity_desktop.store import triggers

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        try:
            with conn.begin():
                upgrade(conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationFailed(
                        f"the upgrade left {len(broken)} records pointing nowhere"
                    )
                gone = triggers.missing(conn)
                if gone:
                    raise MigrationFailed(f"the upgrade lost record locks: {', '.join(gone)}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")

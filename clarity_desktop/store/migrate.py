"""Alembic, for every backend: the revisions known, a practice's current one, and running
the migrations in the caller's transaction. What a backend does around an upgrade (SQLite:
foreign keys off, checks before commit) is its own: store/sqlite/upgrade.py."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

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


def revisions_after(revision: str) -> list[str]:
    """The revisions an upgrade from *revision* runs, oldest first."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    newer: list[str] = []
    for script in ScriptDirectory.from_config(cfg).walk_revisions():  # newest first
        if script.revision == revision:
            break
        newer.append(script.revision)
    return newer[::-1]

"""Upgrading a SQLite practice's schema in one transaction that rolls back whole.

On SQLite, Alembic's batch mode rebuilds tables; with foreign keys on, dropping the old
table would cascade-delete children. So foreign keys go off around the upgrade (a pragma
that only takes effect outside a transaction), and before committing the upgrade must
leave a clean foreign_key_check and every record-lock trigger in place.
"""

from __future__ import annotations

from sqlalchemy import Engine

from clarity_desktop.store import migrate
from clarity_desktop.store.sqlite import triggers


class MigrationFailed(Exception):
    """An upgrade left something inconsistent; it was rolled back whole."""


def upgrade_checked(engine: Engine) -> None:
    """Upgrade to head in one transaction with foreign keys off (so a batch table rebuild
    on SQLite cannot cascade-delete children), then require a clean foreign_key_check
    and every record-lock trigger in place before committing. Any failure rolls back
    everything: the practice stays exactly at its old revision."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        try:
            with conn.begin():
                migrate.upgrade(conn)
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

"""Database-level locks (SQLite dialect). The service layer refuses these changes first;
the triggers make sure no other path (a script, a bug, raw SQL) can do them either.

PostgreSQL versions of the same rules belong here too when the shared server arrives.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

LOCKED = "signed note is locked"

_NOTE_SIGNED = "(SELECT signed_at FROM notes WHERE id = {row}.note_id) IS NOT NULL"

REVISION_0001: dict[str, str] = {
    "trg_notes_signed_no_update": f"""
        CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_notes_signed_no_delete": f"""
        CREATE TRIGGER trg_notes_signed_no_delete BEFORE DELETE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_update": f"""
        CREATE TRIGGER trg_sessions_signed_no_update BEFORE UPDATE ON sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_delete": f"""
        CREATE TRIGGER trg_sessions_signed_no_delete BEFORE DELETE ON sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_addenda_no_update": """
        CREATE TRIGGER trg_addenda_no_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END""",
    "trg_addenda_no_delete": """
        CREATE TRIGGER trg_addenda_no_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END""",
    "trg_addenda_only_signed": """
        CREATE TRIGGER trg_addenda_only_signed BEFORE INSERT ON addenda
        WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'addenda belong to signed notes'); END""",
    "trg_audit_no_update": """
        CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "trg_audit_no_delete": """
        CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
}


def locked_with_note(table: str) -> dict[str, str]:
    """Triggers that refuse insert, update and delete of *table*'s rows once their note
    (column note_id) is signed."""
    out = {}
    for op, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        name = f"trg_{table}_signed_no_{op.lower()}"
        out[name] = f"""
        CREATE TRIGGER {name} BEFORE {op} ON {table}
        WHEN {_NOTE_SIGNED.format(row=row)}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END"""
    return out


# Each revision's set is frozen once released: a migration creates exactly its own.
REVISION_0001.update(locked_with_note("note_steps"))
REVISION_0001.update(locked_with_note("note_partner_steps"))
REVISION_0002: dict[str, str] = {
    **locked_with_note("partner_readings"),
    **locked_with_note("couple_readings"),
}
TRIGGERS: dict[str, str] = {**REVISION_0001, **REVISION_0002}  # all a current practice has


def create(conn: Connection, which: dict[str, str]) -> None:
    for sql in which.values():
        conn.execute(text(sql))


def drop_all(conn: Connection) -> None:
    for name in TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))


def missing(conn: Connection) -> list[str]:
    present = {
        row[0]
        for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    return sorted(set(TRIGGERS) - present)

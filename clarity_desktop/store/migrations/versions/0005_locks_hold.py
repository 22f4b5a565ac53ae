"""Record locks that hold against every verb of SQL: REPLACE, UPSERT and UPDATE OR REPLACE
included, with or without recursive triggers (store/sqlite/triggers.py, REVISION_0005; the SQL is frozen below).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision: a migration never imports the live store/sqlite modules,
# which describe the newest schema and may change; tests/store/test_migrations_frozen.py.
# The record locks of revision 0005, all of them.
TRIGGERS = (
    """
    CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_notes_no_move BEFORE UPDATE ON notes
    WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id
    BEGIN SELECT RAISE(ABORT, 'a note stays with its session'); END""",
    """
    CREATE TRIGGER trg_notes_signed_no_delete BEFORE DELETE ON notes
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_notes_signed_no_replace BEFORE INSERT ON notes
    WHEN EXISTS (SELECT 1 FROM notes WHERE (id = NEW.id OR session_id = NEW.session_id)
                 AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_sessions_signed_no_update BEFORE UPDATE ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL) OR EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_sessions_signed_no_delete BEFORE DELETE ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_sessions_signed_no_replace BEFORE INSERT ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_addenda_no_update BEFORE UPDATE ON addenda
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END""",
    """
    CREATE TRIGGER trg_addenda_no_delete BEFORE DELETE ON addenda
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END""",
    """
    CREATE TRIGGER trg_addenda_only_signed BEFORE INSERT ON addenda
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'addenda belong to signed notes'); END""",
    """
    CREATE TRIGGER trg_addenda_no_replace BEFORE INSERT ON addenda
    WHEN EXISTS (SELECT 1 FROM addenda WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be replaced'); END""",
    """
    CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """
    CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """
    CREATE TRIGGER trg_audit_no_replace BEFORE INSERT ON audit_events
    WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """
    CREATE TRIGGER trg_note_steps_signed_no_insert BEFORE INSERT ON note_steps
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_steps_signed_no_update BEFORE UPDATE ON note_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL OR (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_steps_signed_no_delete BEFORE DELETE ON note_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_partner_steps_signed_no_insert BEFORE INSERT ON note_partner_steps
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_partner_steps_signed_no_update BEFORE UPDATE ON note_partner_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL OR (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_partner_steps_signed_no_delete BEFORE DELETE ON note_partner_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_partner_readings_signed_no_insert BEFORE INSERT ON partner_readings
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_partner_readings_signed_no_update BEFORE UPDATE ON partner_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL OR (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_partner_readings_signed_no_delete BEFORE DELETE ON partner_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_couple_readings_signed_no_insert BEFORE INSERT ON couple_readings
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_couple_readings_signed_no_update BEFORE UPDATE ON couple_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL OR (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_couple_readings_signed_no_delete BEFORE DELETE ON couple_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
)

# The names of every trigger the earlier revisions made, frozen here.
EARLIER = (
    "trg_notes_signed_no_update",
    "trg_notes_signed_no_delete",
    "trg_sessions_signed_no_update",
    "trg_sessions_signed_no_delete",
    "trg_addenda_no_update",
    "trg_addenda_no_delete",
    "trg_addenda_only_signed",
    "trg_audit_no_update",
    "trg_audit_no_delete",
    *(
        f"trg_{table}_signed_no_{op_}"
        for table in ("note_steps", "note_partner_steps", "partner_readings", "couple_readings")
        for op_ in ("insert", "update", "delete")
    ),
)


def upgrade() -> None:
    conn = op.get_bind()
    for name in EARLIER:
        conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    for sql in TRIGGERS:
        conn.execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

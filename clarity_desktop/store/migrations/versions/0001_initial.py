"""The first schema: practice, cases, partners, sessions, notes, addenda, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision: a migration never imports the live store/sqlite modules,
# which describe the newest schema and may change; tests/store/test_migrations_frozen.py.
SEARCH_TABLE = """
CREATE VIRTUAL TABLE note_search USING fts5(
    body, note_id UNINDEXED, addendum_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
)"""

# The record locks of revision 0001.
TRIGGERS = (
    """
    CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_notes_signed_no_delete BEFORE DELETE ON notes
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_sessions_signed_no_update BEFORE UPDATE ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_sessions_signed_no_delete BEFORE DELETE ON sessions
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
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
    CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """
    CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """
    CREATE TRIGGER trg_note_steps_signed_no_insert BEFORE INSERT ON note_steps
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_steps_signed_no_update BEFORE UPDATE ON note_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
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
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_partner_steps_signed_no_delete BEFORE DELETE ON note_partner_steps
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
)


def upgrade() -> None:
    op.create_table(
        "practice_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.String(36), nullable=False),
        sa.Column("signature", sa.String(40), nullable=False),
        sa.Column("clinician_name", sa.String(120), nullable=False),
        sa.Column("clinician_credentials", sa.String(120), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_practice_info"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("relationship_structure", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("safety_flag", sa.Boolean(), nullable=False),
        sa.Column("safety_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('couple', 'individual')", name="ck_cases_kind"),
        sa.CheckConstraint("status IN ('active', 'closed')", name="ck_cases_status"),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
    )
    op.create_index("ix_cases_display_name", "cases", ["display_name"])
    op.create_index("ix_cases_status", "cases", ["status"])
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("pronouns", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_partners_case_id_cases", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_partners"),
        sa.UniqueConstraint("case_id", "position", name="uq_partners_case_id"),
    )
    op.create_index("ix_partners_case_id", "partners", ["case_id"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("attending_partner_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("modality IN ('in_person', 'telehealth')", name="ck_sessions_modality"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_sessions_case_id_cases", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["attending_partner_id"],
            ["partners.id"],
            name="fk_sessions_attending_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_case_starts", "sessions", ["case_id", "starts_at"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(16), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by", sa.String(250), nullable=True),
        sa.CheckConstraint("template IN ('five_steps', 'dap', 'soap')", name="ck_notes_template"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_notes_session_id_sessions",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        sa.UniqueConstraint("session_id", name="uq_notes_session_id"),
    )
    op.create_table(
        "note_steps",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.CheckConstraint("step BETWEEN 1 AND 5", name="ck_note_steps_step"),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_note_steps_note_id_notes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", "step", name="pk_note_steps"),
    )
    op.create_table(
        "note_partner_steps",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.CheckConstraint("step BETWEEN 1 AND 5", name="ck_note_partner_steps_step"),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name="fk_note_partner_steps_note_id_notes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name="fk_note_partner_steps_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("note_id", "partner_id", name="pk_note_partner_steps"),
    )
    op.create_table(
        "addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(250), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_addenda_note_id_notes", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_addenda"),
    )
    op.create_index("ix_addenda_note_id", "addenda", ["note_id"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(250), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_index("ix_audit_events_action", "audit_events", ["action"])
    op.create_index("ix_audit_events_case_id", "audit_events", ["case_id"])

    conn = op.get_bind()
    conn.execute(sa.text(SEARCH_TABLE))
    for sql in TRIGGERS:
        conn.execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

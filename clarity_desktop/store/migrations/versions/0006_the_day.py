"""The therapist's day: sessions with a life cycle (scheduled, held, cancelled, late
cancelled, no-show; repeat series), the markers tapped during a session (locked with its
note, store/sqlite/triggers.py REVISION_0006), and which handout went to whom.

Existing sessions were all held: they get status 'held'.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-20
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision: a migration never imports the live store/sqlite modules,
# which describe the newest schema and may change; tests/store/test_migrations_frozen.py.
# The record locks new in revision 0006.
NEW_TRIGGERS = (
    """
    CREATE TRIGGER trg_session_markers_signed_no_insert BEFORE INSERT ON session_markers
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.session_id AND signed_at IS NOT NULL) OR EXISTS (SELECT 1 FROM session_markers AS m JOIN notes AS n ON n.session_id = m.session_id WHERE m.id = NEW.id AND n.signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_session_markers_signed_no_update BEFORE UPDATE ON session_markers
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.session_id AND signed_at IS NOT NULL)
      OR EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.session_id AND signed_at IS NOT NULL)
      OR EXISTS (SELECT 1 FROM session_markers AS m JOIN notes AS n ON n.session_id = m.session_id WHERE m.id = NEW.id AND n.signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_session_markers_signed_no_delete BEFORE DELETE ON session_markers
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.session_id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
)

STATUSES = "'scheduled', 'held', 'cancelled', 'late_cancelled', 'no_show'"


def upgrade() -> None:
    conn = op.get_bind()
    # A plain ADD COLUMN (no table rebuild): the sessions table keeps its triggers.
    conn.execute(
        sa.text(
            "ALTER TABLE sessions ADD COLUMN status VARCHAR(16) DEFAULT 'held' NOT NULL "
            f"CONSTRAINT ck_sessions_status CHECK (status IN ({STATUSES}))"
        )
    )
    conn.execute(sa.text("ALTER TABLE sessions ADD COLUMN status_reason TEXT DEFAULT '' NOT NULL"))
    op.add_column("sessions", sa.Column("status_changed_at", sa.DateTime(), nullable=True))
    op.add_column("sessions", sa.Column("series_id", sa.String(36), nullable=True))
    op.create_index("ix_sessions_starts_at", "sessions", ["starts_at"])
    # The day's list of unsigned notes reads only these, never the whole notes table.
    op.create_index(
        "ix_notes_unsigned",
        "notes",
        ["session_id"],
        sqlite_where=sa.text("signed_at IS NULL"),
        postgresql_where=sa.text("signed_at IS NULL"),
    )

    op.create_table(
        "session_markers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("other_partner_id", sa.Integer(), nullable=True),
        sa.Column("landed", sa.Boolean(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('loop_episode', 'flooding', 'co_regulation', 'repair_attempt', 'quote')",
            name="ck_session_markers_kind",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_session_markers_session_id_sessions",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name="fk_session_markers_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["other_partner_id"],
            ["partners.id"],
            name="fk_session_markers_other_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_session_markers"),
    )
    op.create_index("ix_session_markers_session_id", "session_markers", ["session_id"])

    op.create_table(
        "handouts_given",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("safety_aware", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("step BETWEEN 1 AND 5", name="ck_handouts_given_step"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_handouts_given_case_id_cases", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_handouts_given_session_id_sessions",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name="fk_handouts_given_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_handouts_given"),
    )
    op.create_index("ix_handouts_given_case_id", "handouts_given", ["case_id"])

    for sql in NEW_TRIGGERS:
        conn.execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

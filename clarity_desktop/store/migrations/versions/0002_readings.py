"""Readings: each partner's dynamics and the couple's loop, per session note.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision: a migration never imports the live store/sqlite modules,
# which describe the newest schema and may change; tests/store/test_migrations_frozen.py.
# The record locks of revision 0002.
TRIGGERS = (
    """
    CREATE TRIGGER trg_partner_readings_signed_no_insert BEFORE INSERT ON partner_readings
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_partner_readings_signed_no_update BEFORE UPDATE ON partner_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
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
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_couple_readings_signed_no_delete BEFORE DELETE ON couple_readings
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
)


def upgrade() -> None:
    op.create_table(
        "partner_readings",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("stance", sa.Integer(), nullable=True),
        sa.Column("clarity", sa.Integer(), nullable=True),
        sa.Column("flooded", sa.Boolean(), nullable=False),
        sa.Column("flooding_note", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(20), nullable=True),
        sa.CheckConstraint("position BETWEEN -3 AND 3", name="ck_partner_readings_position"),
        sa.CheckConstraint("stance BETWEEN 0 AND 10", name="ck_partner_readings_stance"),
        sa.CheckConstraint("clarity BETWEEN 0 AND 10", name="ck_partner_readings_clarity"),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name="fk_partner_readings_note_id_notes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name="fk_partner_readings_partner_id_partners",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("note_id", "partner_id", name="pk_partner_readings"),
    )
    op.create_table(
        "couple_readings",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("loops", sa.JSON(), nullable=False),
        sa.Column("loop_other", sa.Text(), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("co_regulation", sa.Boolean(), nullable=True),
        sa.Column("co_regulation_note", sa.Text(), nullable=False),
        sa.Column("repair_attempts", sa.Integer(), nullable=True),
        sa.Column("repairs_landed", sa.Integer(), nullable=True),
        sa.CheckConstraint("intensity BETWEEN 0 AND 10", name="ck_couple_readings_intensity"),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name="fk_couple_readings_note_id_notes",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("note_id", name="pk_couple_readings"),
    )
    for sql in TRIGGERS:
        op.get_bind().execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

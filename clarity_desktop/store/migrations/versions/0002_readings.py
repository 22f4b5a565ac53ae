"""Readings: each partner's dynamics and the couple's loop, per session note.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from clarity_desktop.store import triggers

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


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
    triggers.create(op.get_bind(), triggers.REVISION_0002)


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

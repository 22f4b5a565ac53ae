"""Supervision: a note's review by the clinician's supervisor (a group practice).

note_reviews holds one row per step of a note's review (submitted, returned with the
supervisor's comment, approved, co-signed), by whom and when; where the note stands is its
latest row. The rows are append-only, and a review follows the signature: steps before it
are refused once the note is signed, a co-signature before it. On a solo practice the table
stays empty (there is nobody to review), but it is there, so the two stores share one schema.
No existing row changes.

Revision ID: 0011
Revises: 0010
Create Date: 2027-04-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision's record locks; a migration never imports the live
# store/sqlite modules (tests/store/test_migrations_frozen.py).
NEW_TRIGGERS = (
    """
    CREATE TRIGGER trg_note_reviews_no_update BEFORE UPDATE ON note_reviews
    BEGIN SELECT RAISE(ABORT, 'a review step cannot be changed'); END""",
    """
    CREATE TRIGGER trg_note_reviews_no_delete BEFORE DELETE ON note_reviews
    BEGIN SELECT RAISE(ABORT, 'a review step cannot be deleted'); END""",
    """
    CREATE TRIGGER trg_note_reviews_no_replace BEFORE INSERT ON note_reviews
    WHEN EXISTS (SELECT 1 FROM note_reviews WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'a review step cannot be replaced'); END""",
    """
    CREATE TRIGGER trg_note_reviews_follow_signature BEFORE INSERT ON note_reviews
    WHEN (NEW.state = 'cosigned') = ((SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL)
    BEGIN SELECT RAISE(ABORT, 'a note is reviewed before it is signed, co-signed after'); END""",
)


def upgrade() -> None:
    op.create_table(
        "note_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=False),
        sa.Column("by_name", sa.String(250), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "state IN ('submitted', 'returned', 'approved', 'cosigned')",
            name="ck_note_reviews_state",
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_note_reviews_note_id_notes", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["by_user_id"], ["users.id"], name="fk_note_reviews_by_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_note_reviews"),
    )
    op.create_index("ix_note_reviews_note_id", "note_reviews", ["note_id"])
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":  # a server's locks are its own (store/postgres/locks.py)
        for sql in NEW_TRIGGERS:
            conn.execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

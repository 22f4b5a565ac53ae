"""Row versions for a note's readings and goal comments and a plan's concerns, goals and
objectives; on a practice server, room for encrypted text.

On a practice server these rows' texts are encrypted, each bound to its row_version, so
an older ciphertext put back after a newer save fails to open (issue 14, the lead's
answer 1). They are drafts rewritten in place, so they count their saves like the rows of
0010, and a stale save of them is refused too (SQLAlchemy's version_id_col). Plain ADD
COLUMNs: no table is rebuilt, every trigger and row stays.

On PostgreSQL only, the columns that will hold encrypted text and were short strings or
a date become ``text``: an encrypted value is longer than the plain one (a 200-character
structure no longer fits a varchar(200)), and a date of birth is kept as the encrypted
text of its ISO form. Values already there are kept (a date as its ISO text). SQLite has
no lengths to outgrow and keeps its columns as they were.

Revision ID: 0012
Revises: 0011
Create Date: 2027-05-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = (
    "partner_readings",
    "couple_readings",
    "note_goals",
    "plan_concerns",
    "plan_goals",
    "plan_objectives",
)

# table -> the columns widened to text on a server (both keys' columns: one revision)
WIDENED = {
    "cases": ("display_name", "relationship_structure"),
    "partners": ("name", "pronouns", "email", "phone"),
}


def upgrade() -> None:
    conn = op.get_bind()
    for table in TABLES:
        conn.execute(
            sa.text(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER DEFAULT 1 NOT NULL")
        )
    if conn.dialect.name != "postgresql":
        return
    for table, names in WIDENED.items():
        for name in names:
            conn.execute(sa.text(f"ALTER TABLE {table} ALTER COLUMN {name} TYPE text"))
    kind = conn.execute(
        sa.text(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = 'partners' AND column_name = 'date_of_birth'"
        )
    ).scalar()
    if kind == "date":  # its ISO form whatever the server's DateStyle
        conn.execute(
            sa.text(
                "ALTER TABLE partners ALTER COLUMN date_of_birth TYPE text "
                "USING to_char(date_of_birth, 'YYYY-MM-DD')"
            )
        )


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

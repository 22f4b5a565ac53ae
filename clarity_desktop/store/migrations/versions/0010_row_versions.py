"""Row versions: every editable record counts its saves, so a stale save never overwrites.

Two people can now keep the same records (a group practice's server; on a solo practice
the clinician's window and a command both writing). Each editable table gets row_version,
which SQLAlchemy bumps on every UPDATE and checks in its WHERE clause: a save made from a
copy read before someone else's save changes no row and is refused, never applied over
theirs. Plain ADD COLUMNs: no table is rebuilt, every trigger and row stays.

Revision ID: 0010
Revises: 0009
Create Date: 2027-03-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = (
    "cases",
    "partners",
    "sessions",
    "session_markers",
    "notes",
    "treatment_plans",
    "measure_responses",
)


def upgrade() -> None:
    conn = op.get_bind()
    for table in TABLES:
        conn.execute(
            sa.text(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER DEFAULT 1 NOT NULL")
        )


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

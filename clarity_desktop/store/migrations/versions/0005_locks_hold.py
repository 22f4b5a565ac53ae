"""Record locks that hold against every verb of SQL: REPLACE, UPSERT and UPDATE OR REPLACE
included, with or without recursive triggers (store/triggers.py, REVISION_0005).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from clarity_desktop.store import triggers

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

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
    triggers.create(conn, triggers.REVISION_0005)


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

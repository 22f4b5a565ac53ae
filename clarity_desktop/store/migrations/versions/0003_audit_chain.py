"""Chain the audit log: each row holds the previous row's hash and its own.

Existing rows are chained in id order. The append-only trigger is lifted for that one
UPDATE and put back, all inside the migration's transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from clarity_desktop.store import audit_chain, triggers

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "audit_events", sa.Column("prev_hash", sa.String(64), server_default="", nullable=False)
    )
    op.add_column(
        "audit_events", sa.Column("row_hash", sa.String(64), server_default="", nullable=False)
    )
    conn = op.get_bind()
    conn.execute(sa.text("DROP TRIGGER trg_audit_no_update"))
    rows = conn.execute(
        sa.text(
            "SELECT id, at, actor, action, entity, entity_id, case_id, detail "
            "FROM audit_events ORDER BY id"
        )
    ).all()
    prev = audit_chain.GENESIS
    for r in rows:
        at = r.at if isinstance(r.at, datetime) else datetime.fromisoformat(r.at)
        digest = audit_chain.row_digest(
            prev, r.id, at, r.actor, r.action, r.entity, r.entity_id, r.case_id, r.detail
        )
        conn.execute(
            sa.text("UPDATE audit_events SET prev_hash = :p, row_hash = :h WHERE id = :i"),
            {"p": prev, "h": digest, "i": r.id},
        )
        prev = digest
    conn.execute(sa.text(triggers.REVISION_0001["trg_audit_no_update"]))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

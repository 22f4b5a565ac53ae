"""Chain the audit log: each row holds the previous row's hash and its own.

Existing rows are chained in id order. The append-only trigger is lifted for that one
UPDATE and put back, all inside the migration's transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import hashlib
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen (SQLite) as this revision made them: a migration never imports the live store
# modules, which may change; tests/store/test_migrations_frozen.py. The digest is the
# chain's of revision 0003 (store/audit_chain.py row_digest, as it was then).
AUDIT_NO_UPDATE = """
    CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
GENESIS = "0" * 64


def _row_digest(
    prev_hash: str,
    row_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    detail: str,
) -> str:
    fields = [prev_hash, str(row_id), at.isoformat(), actor, action, entity]
    fields += [
        str(entity_id) if entity_id is not None else "",
        str(case_id) if case_id is not None else "",
    ]
    fields.append(detail)
    payload = "".join(f"{len(f)}:{f};" for f in fields).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


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
    prev = GENESIS
    for r in rows:
        at = r.at if isinstance(r.at, datetime) else datetime.fromisoformat(r.at)
        digest = _row_digest(
            prev, r.id, at, r.actor, r.action, r.entity, r.entity_id, r.case_id, r.detail
        )
        conn.execute(
            sa.text("UPDATE audit_events SET prev_hash = :p, row_hash = :h WHERE id = :i"),
            {"p": prev, "h": digest, "i": r.id},
        )
        prev = digest
    conn.execute(sa.text(AUDIT_NO_UPDATE))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

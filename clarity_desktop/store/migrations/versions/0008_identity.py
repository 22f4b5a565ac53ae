"""Identity: a users table, and every audit row, signature and addendum pointing at a user.

The practice's one clinician becomes user 1, made from practice_info (name, credentials,
the practice's creation time). Existing audit rows, signed notes and addenda are pointed
at that user. Their texts (actor, signed_by, author) stay as they were, so seals and the
audit chain made before this revision still verify: an existing audit row keeps hash
format 1, which does not hash user_id (store/audit_chain.py); rows written from now on
use format 2, which does.

The tables' record locks refuse those updates, so the triggers on the three tables are
set aside for the updates and put back from their own stored SQL, unchanged.

Revision ID: 0008
Revises: 0007
Create Date: 2027-01-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

POINTED = ("audit_events", "notes", "addenda")


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "CREATE TABLE users ("
            "id INTEGER NOT NULL, "
            "display_name VARCHAR(120) NOT NULL, "
            "role VARCHAR(16) NOT NULL, "
            "signature VARCHAR(250) NOT NULL, "
            "created_at DATETIME NOT NULL, "
            "disabled BOOLEAN NOT NULL, "
            "CONSTRAINT pk_users PRIMARY KEY (id), "
            "CONSTRAINT ck_users_role CHECK (role IN ('clinician', 'administrator')))"
        )
    )
    # Plain ADD COLUMNs (no table rebuild), each a nullable reference to users.
    for table, column in (
        ("audit_events", "user_id"),
        ("notes", "signed_by_id"),
        ("addenda", "author_id"),
    ):
        conn.execute(
            sa.text(
                f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                f"CONSTRAINT fk_{table}_{column}_users REFERENCES users (id)"
            )
        )
    conn.execute(
        sa.text("ALTER TABLE audit_events ADD COLUMN hash_format INTEGER DEFAULT 1 NOT NULL")
    )

    info = conn.execute(
        sa.text("SELECT clinician_name, clinician_credentials, created_at FROM practice_info")
    ).first()
    if info is None:  # a practice being created: its first user comes with practice_info
        return
    name, credentials, created_at = info
    signature = f"{name}, {credentials}" if credentials else name
    conn.execute(
        sa.text(
            "INSERT INTO users (id, display_name, role, signature, created_at, disabled) "
            "VALUES (1, :name, 'clinician', :signature, :created_at, 0)"
        ),
        {"name": name, "signature": signature, "created_at": created_at},
    )

    kept = conn.execute(
        sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            "('audit_events', 'notes', 'addenda') ORDER BY name"
        )
    ).all()
    for trigger, _sql in kept:
        conn.execute(sa.text(f"DROP TRIGGER {trigger}"))
    conn.execute(sa.text("UPDATE audit_events SET user_id = 1"))
    conn.execute(sa.text("UPDATE notes SET signed_by_id = 1 WHERE signed_at IS NOT NULL"))
    conn.execute(sa.text("UPDATE addenda SET author_id = 1"))
    for _trigger, sql in kept:
        conn.exec_driver_sql(sql)


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

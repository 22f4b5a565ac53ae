"""Give every search row a rowid that says what it indexes (note id, or minus the
addendum id), so re-indexing a note on autosave is a rowid lookup, not a full scan.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "CREATE VIRTUAL TABLE note_search_keyed USING fts5("
            "body, note_id UNINDEXED, addendum_id UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    )
    # One row per note text and per addendum; if an older version ever left two for the
    # same text, the newest is kept.
    conn.execute(
        sa.text(
            "INSERT INTO note_search_keyed (rowid, body, note_id, addendum_id) "
            "SELECT CASE WHEN addendum_id = 0 THEN note_id ELSE -addendum_id END, "
            "body, note_id, addendum_id FROM note_search "
            "WHERE rowid IN (SELECT max(rowid) FROM note_search GROUP BY note_id, addendum_id)"
        )
    )
    conn.execute(sa.text("DROP TABLE note_search"))
    conn.execute(sa.text("ALTER TABLE note_search_keyed RENAME TO note_search"))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

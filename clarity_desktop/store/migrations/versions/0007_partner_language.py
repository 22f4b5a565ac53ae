"""A partner's preferred handout language (partners.language), and the language each
handout was given in (handouts_given.language). Both are "en" for what came before:
every handout printed until now was in English.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen here: the codes of domain/languages.py when this revision was written.
LANGUAGES = "'en', 'es'"


def upgrade() -> None:
    conn = op.get_bind()
    # Plain ADD COLUMNs (no table rebuild): both tables keep their triggers and rows.
    for table in ("partners", "handouts_given"):
        conn.execute(
            sa.text(
                f"ALTER TABLE {table} ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL "
                f"CONSTRAINT ck_{table}_language CHECK (language IN ({LANGUAGES}))"
            )
        )


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

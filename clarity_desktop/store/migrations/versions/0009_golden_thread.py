"""The golden thread: a treatment plan every note serves, and measures each partner answers.

A plan is versioned (one row per version in treatment_plans, with its concerns, goals and
the goals' objectives); a signed version is locked like a signed note. A note links to the
goals it worked on (note_goals, by goal_key, which a goal keeps across versions), locked
with the note. A partner's answers to an instrument (measure_responses) are locked with the
linked session's note once it is signed. No existing row changes.

Revision ID: 0009
Revises: 0008
Create Date: 2027-02-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen DDL (SQLite) of this revision's record locks; a migration never imports the live
# store/sqlite modules (tests/store/test_migrations_frozen.py).
NEW_TRIGGERS = (
    """
    CREATE TRIGGER trg_treatment_plans_signed_no_update BEFORE UPDATE ON treatment_plans
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_treatment_plans_no_move BEFORE UPDATE ON treatment_plans
    WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
    OR NEW.version IS NOT OLD.version
    BEGIN SELECT RAISE(ABORT, 'a plan version stays with its case'); END""",
    """
    CREATE TRIGGER trg_treatment_plans_signed_no_delete BEFORE DELETE ON treatment_plans
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_treatment_plans_signed_no_replace BEFORE INSERT ON treatment_plans
    WHEN EXISTS (SELECT 1 FROM treatment_plans WHERE (id = NEW.id OR
    (case_id = NEW.case_id AND version = NEW.version)) AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_concerns_signed_no_insert BEFORE INSERT ON plan_concerns
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = NEW.plan_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_concerns AS t WHERE t.id = NEW.id AND (SELECT signed_at FROM treatment_plans WHERE id = t.plan_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_concerns_signed_no_update BEFORE UPDATE ON plan_concerns
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = OLD.plan_id) IS NOT NULL OR (SELECT signed_at FROM treatment_plans WHERE id = NEW.plan_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_concerns AS t WHERE t.id = NEW.id AND (SELECT signed_at FROM treatment_plans WHERE id = t.plan_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_concerns_signed_no_delete BEFORE DELETE ON plan_concerns
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = OLD.plan_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_goals_signed_no_insert BEFORE INSERT ON plan_goals
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = NEW.plan_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_goals AS t WHERE t.id = NEW.id AND (SELECT signed_at FROM treatment_plans WHERE id = t.plan_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_goals_signed_no_update BEFORE UPDATE ON plan_goals
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = OLD.plan_id) IS NOT NULL OR (SELECT signed_at FROM treatment_plans WHERE id = NEW.plan_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_goals AS t WHERE t.id = NEW.id AND (SELECT signed_at FROM treatment_plans WHERE id = t.plan_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_goals_signed_no_delete BEFORE DELETE ON plan_goals
    WHEN (SELECT signed_at FROM treatment_plans WHERE id = OLD.plan_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_objectives_signed_no_insert BEFORE INSERT ON plan_objectives
    WHEN (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = NEW.goal_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_objectives AS t WHERE t.id = NEW.id AND (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = t.goal_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_objectives_signed_no_update BEFORE UPDATE ON plan_objectives
    WHEN (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = OLD.goal_id) IS NOT NULL OR (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = NEW.goal_id) IS NOT NULL OR EXISTS (SELECT 1 FROM plan_objectives AS t WHERE t.id = NEW.id AND (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = t.goal_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_plan_objectives_signed_no_delete BEFORE DELETE ON plan_objectives
    WHEN (SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id WHERE g.id = OLD.goal_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed plan is locked'); END""",
    """
    CREATE TRIGGER trg_note_goals_signed_no_insert BEFORE INSERT ON note_goals
    WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_goals_signed_no_update BEFORE UPDATE ON note_goals
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL OR (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_note_goals_signed_no_delete BEFORE DELETE ON note_goals
    WHEN (SELECT signed_at FROM notes WHERE id = OLD.note_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_measure_responses_signed_no_insert BEFORE INSERT ON measure_responses
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.session_id AND signed_at IS NOT NULL) OR EXISTS (SELECT 1 FROM measure_responses AS r JOIN notes AS n ON n.session_id = r.session_id WHERE r.id = NEW.id AND n.signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_measure_responses_signed_no_update BEFORE UPDATE ON measure_responses
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.session_id AND signed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM notes WHERE session_id = NEW.session_id AND signed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM measure_responses AS r JOIN notes AS n ON n.session_id = r.session_id WHERE r.id = NEW.id AND n.signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
    """
    CREATE TRIGGER trg_measure_responses_signed_no_delete BEFORE DELETE ON measure_responses
    WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.session_id AND signed_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'signed note is locked'); END""",
)


def _fk(
    table: str, column: str, target: str, ondelete: str | None = "RESTRICT"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=f"fk_{table}_{column}_{target}",
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "treatment_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("interventions", sa.JSON(), nullable=False),
        sa.Column("agreement", sa.Text(), nullable=False),
        sa.Column("agreement_review_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by", sa.String(250), nullable=True),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("version >= 1", name="ck_treatment_plans_version"),
        _fk("treatment_plans", "case_id", "cases"),
        _fk("treatment_plans", "created_by_id", "users", None),
        _fk("treatment_plans", "signed_by_id", "users", None),
        sa.PrimaryKeyConstraint("id", name="pk_treatment_plans"),
        sa.UniqueConstraint("case_id", "version", name="uq_treatment_plans_case_id"),
    )
    op.create_table(
        "plan_concerns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _fk("plan_concerns", "plan_id", "treatment_plans"),
        _fk("plan_concerns", "partner_id", "partners"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_concerns"),
    )
    op.create_index("ix_plan_concerns_plan_id", "plan_concerns", ["plan_id"])
    op.create_table(
        "plan_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("goal_key", sa.String(36), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _fk("plan_goals", "plan_id", "treatment_plans"),
        _fk("plan_goals", "partner_id", "partners"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_goals"),
        sa.UniqueConstraint("plan_id", "goal_key", name="uq_plan_goals_plan_id"),
    )
    op.create_index("ix_plan_goals_plan_id", "plan_goals", ["plan_id"])
    op.create_table(
        "plan_objectives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        _fk("plan_objectives", "goal_id", "plan_goals"),
        sa.PrimaryKeyConstraint("id", name="pk_plan_objectives"),
    )
    op.create_index("ix_plan_objectives_goal_id", "plan_objectives", ["goal_id"])
    op.create_table(
        "note_goals",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("goal_key", sa.String(36), nullable=False),
        sa.Column("progress", sa.String(16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "progress IN ('worked_on', 'moving', 'steady', 'harder')",
            name="ck_note_goals_progress",
        ),
        _fk("note_goals", "note_id", "notes", "CASCADE"),
        sa.PrimaryKeyConstraint("note_id", "goal_key", name="pk_note_goals"),
    )
    op.create_table(
        "measure_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("instrument", sa.String(64), nullable=False),
        sa.Column("instrument_version", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("source IN ('screen', 'paper')", name="ck_measure_responses_source"),
        _fk("measure_responses", "case_id", "cases"),
        _fk("measure_responses", "partner_id", "partners"),
        _fk("measure_responses", "session_id", "sessions"),
        _fk("measure_responses", "created_by_id", "users", None),
        sa.PrimaryKeyConstraint("id", name="pk_measure_responses"),
    )
    op.create_index("ix_measure_responses_case_id", "measure_responses", ["case_id"])
    op.create_index("ix_measure_responses_session_id", "measure_responses", ["session_id"])

    conn = op.get_bind()
    if conn.dialect.name == "sqlite":  # a server's locks are its own (store/postgres/locks.py)
        for sql in NEW_TRIGGERS:
            conn.execute(sa.text(sql))


def downgrade() -> None:
    raise NotImplementedError("Clinical records are only ever migrated forward.")

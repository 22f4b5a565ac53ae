"""Database-level locks (SQLite dialect). The service layer refuses these changes first;
the triggers make sure no other path (a script, a bug, raw SQL) can do them either.

Revision 0005 closes the gaps of the first sets: INSERT OR REPLACE deletes the row it
replaces without firing delete triggers unless recursive_triggers is on (and a script with
the key may leave it off), and UPDATE OR REPLACE can move a draft's row onto a signed one.
So every locked table also refuses, before insert, a row whose key or unique column is
already taken by a locked row, and every update checks the row's new values as well as its
old ones. `check` compares each trigger's SQL text with these definitions, not its name.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

LOCKED = "signed note is locked"

_NOTE_SIGNED = "(SELECT signed_at FROM notes WHERE id = {row}.note_id) IS NOT NULL"

REVISION_0001: dict[str, str] = {
    "trg_notes_signed_no_update": f"""
        CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_notes_signed_no_delete": f"""
        CREATE TRIGGER trg_notes_signed_no_delete BEFORE DELETE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_update": f"""
        CREATE TRIGGER trg_sessions_signed_no_update BEFORE UPDATE ON sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_delete": f"""
        CREATE TRIGGER trg_sessions_signed_no_delete BEFORE DELETE ON sessions
        WHEN EXISTS (SELECT 1 FROM notes WHERE session_id = OLD.id AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_addenda_no_update": """
        CREATE TRIGGER trg_addenda_no_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END""",
    "trg_addenda_no_delete": """
        CREATE TRIGGER trg_addenda_no_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END""",
    "trg_addenda_only_signed": """
        CREATE TRIGGER trg_addenda_only_signed BEFORE INSERT ON addenda
        WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'addenda belong to signed notes'); END""",
    "trg_audit_no_update": """
        CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "trg_audit_no_delete": """
        CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
}


def locked_with_note(table: str) -> dict[str, str]:
    """Triggers that refuse insert, update and delete of *table*'s rows once their note
    (column note_id) is signed."""
    out = {}
    for op, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        name = f"trg_{table}_signed_no_{op.lower()}"
        out[name] = f"""
        CREATE TRIGGER {name} BEFORE {op} ON {table}
        WHEN {_NOTE_SIGNED.format(row=row)}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END"""
    return out


# Each revision's set is frozen once released: a migration creates exactly its own.
REVISION_0001.update(locked_with_note("note_steps"))
REVISION_0001.update(locked_with_note("note_partner_steps"))
REVISION_0002: dict[str, str] = {
    **locked_with_note("partner_readings"),
    **locked_with_note("couple_readings"),
}

_LOCKED_NOTE = "(SELECT signed_at FROM notes WHERE id = {row}.note_id) IS NOT NULL"


def _locked_with_note_0005(table: str) -> dict[str, str]:
    """Insert (REPLACE included: the new row names the signed note), update (old or new
    note signed) and delete refused for rows of a signed note."""
    new, old = _LOCKED_NOTE.format(row="NEW"), _LOCKED_NOTE.format(row="OLD")
    return {
        f"trg_{table}_signed_no_insert": f"""
        CREATE TRIGGER trg_{table}_signed_no_insert BEFORE INSERT ON {table}
        WHEN {new}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
        f"trg_{table}_signed_no_update": f"""
        CREATE TRIGGER trg_{table}_signed_no_update BEFORE UPDATE ON {table}
        WHEN {old} OR {new}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
        f"trg_{table}_signed_no_delete": f"""
        CREATE TRIGGER trg_{table}_signed_no_delete BEFORE DELETE ON {table}
        WHEN {old}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    }


_SIGNED_SESSION = "EXISTS (SELECT 1 FROM notes WHERE session_id = {id} AND signed_at IS NOT NULL)"

REVISION_0005: dict[str, str] = {
    "trg_notes_signed_no_update": f"""
        CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_notes_no_move": """
        CREATE TRIGGER trg_notes_no_move BEFORE UPDATE ON notes
        WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id
        BEGIN SELECT RAISE(ABORT, 'a note stays with its session'); END""",
    "trg_notes_signed_no_delete": f"""
        CREATE TRIGGER trg_notes_signed_no_delete BEFORE DELETE ON notes
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_notes_signed_no_replace": f"""
        CREATE TRIGGER trg_notes_signed_no_replace BEFORE INSERT ON notes
        WHEN EXISTS (SELECT 1 FROM notes WHERE (id = NEW.id OR session_id = NEW.session_id)
                     AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_update": f"""
        CREATE TRIGGER trg_sessions_signed_no_update BEFORE UPDATE ON sessions
        WHEN {_SIGNED_SESSION.format(id="OLD.id")} OR {_SIGNED_SESSION.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_delete": f"""
        CREATE TRIGGER trg_sessions_signed_no_delete BEFORE DELETE ON sessions
        WHEN {_SIGNED_SESSION.format(id="OLD.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_sessions_signed_no_replace": f"""
        CREATE TRIGGER trg_sessions_signed_no_replace BEFORE INSERT ON sessions
        WHEN {_SIGNED_SESSION.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_addenda_no_update": """
        CREATE TRIGGER trg_addenda_no_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END""",
    "trg_addenda_no_delete": """
        CREATE TRIGGER trg_addenda_no_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END""",
    "trg_addenda_only_signed": """
        CREATE TRIGGER trg_addenda_only_signed BEFORE INSERT ON addenda
        WHEN (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL
        BEGIN SELECT RAISE(ABORT, 'addenda belong to signed notes'); END""",
    "trg_addenda_no_replace": """
        CREATE TRIGGER trg_addenda_no_replace BEFORE INSERT ON addenda
        WHEN EXISTS (SELECT 1 FROM addenda WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'an addendum cannot be replaced'); END""",
    "trg_audit_no_update": """
        CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "trg_audit_no_delete": """
        CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "trg_audit_no_replace": """
        CREATE TRIGGER trg_audit_no_replace BEFORE INSERT ON audit_events
        WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    **_locked_with_note_0005("note_steps"),
    **_locked_with_note_0005("note_partner_steps"),
    **_locked_with_note_0005("partner_readings"),
    **_locked_with_note_0005("couple_readings"),
}

# Revision 0006: the markers tapped during a session are locked with its note. A marker's
# lock follows its session (column session_id), and its id may not be taken over by an
# insert or update that would replace a locked marker.
_SIGNED_MARKER = (
    "EXISTS (SELECT 1 FROM session_markers AS m JOIN notes AS n ON n.session_id = m.session_id "
    "WHERE m.id = {id} AND n.signed_at IS NOT NULL)"
)

NEW_IN_0006: dict[str, str] = {
    "trg_session_markers_signed_no_insert": f"""
        CREATE TRIGGER trg_session_markers_signed_no_insert BEFORE INSERT ON session_markers
        WHEN {_SIGNED_SESSION.format(id="NEW.session_id")} OR {_SIGNED_MARKER.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_session_markers_signed_no_update": f"""
        CREATE TRIGGER trg_session_markers_signed_no_update BEFORE UPDATE ON session_markers
        WHEN {_SIGNED_SESSION.format(id="OLD.session_id")}
          OR {_SIGNED_SESSION.format(id="NEW.session_id")}
          OR {_SIGNED_MARKER.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_session_markers_signed_no_delete": f"""
        CREATE TRIGGER trg_session_markers_signed_no_delete BEFORE DELETE ON session_markers
        WHEN {_SIGNED_SESSION.format(id="OLD.session_id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
}
REVISION_0006: dict[str, str] = {**REVISION_0005, **NEW_IN_0006}

# Revision 0009, the golden thread. A signed plan version is locked like a signed note: the
# version row (no update, no delete, no insert that replaces it or takes its case's version
# number), its concerns and goals (by plan_id) and its goals' objectives (by goal_id). A note's
# goal links are locked with the note. A partner's answer set is locked with its session's
# note, like the markers; an answer set linked to no session stays editable.
PLAN_LOCKED = "signed plan is locked"
_PLAN_SIGNED = "(SELECT signed_at FROM treatment_plans WHERE id = {plan}) IS NOT NULL"
_GOAL_PLAN_SIGNED = (
    "(SELECT p.signed_at FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id "
    "WHERE g.id = {goal}) IS NOT NULL"
)


def _locked_with_plan(table: str, owner: str) -> dict[str, str]:
    """Insert, update and delete refused for rows of *table* whose plan is signed; *owner*
    says how a row finds its plan's lock ('plan' via plan_id, 'goal' via goal_id), and a row
    whose id is a locked row's cannot be replaced or moved onto."""
    lock = _PLAN_SIGNED if owner == "plan" else _GOAL_PLAN_SIGNED
    key = "plan_id" if owner == "plan" else "goal_id"

    def signed(row: str) -> str:
        return lock.format(plan=f"{row}.{key}", goal=f"{row}.{key}")

    taken = (
        f"EXISTS (SELECT 1 FROM {table} AS t WHERE t.id = NEW.id AND "
        + lock.format(plan=f"t.{key}", goal=f"t.{key}")
        + ")"
    )
    return {
        f"trg_{table}_signed_no_insert": f"""
        CREATE TRIGGER trg_{table}_signed_no_insert BEFORE INSERT ON {table}
        WHEN {signed("NEW")} OR {taken}
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
        f"trg_{table}_signed_no_update": f"""
        CREATE TRIGGER trg_{table}_signed_no_update BEFORE UPDATE ON {table}
        WHEN {signed("OLD")} OR {signed("NEW")} OR {taken}
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
        f"trg_{table}_signed_no_delete": f"""
        CREATE TRIGGER trg_{table}_signed_no_delete BEFORE DELETE ON {table}
        WHEN {signed("OLD")}
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
    }


_SIGNED_ANSWERS = (
    "EXISTS (SELECT 1 FROM measure_responses AS r JOIN notes AS n ON n.session_id = r.session_id "
    "WHERE r.id = {id} AND n.signed_at IS NOT NULL)"
)

NEW_IN_0009: dict[str, str] = {
    "trg_treatment_plans_signed_no_update": f"""
        CREATE TRIGGER trg_treatment_plans_signed_no_update BEFORE UPDATE ON treatment_plans
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
    "trg_treatment_plans_no_move": """
        CREATE TRIGGER trg_treatment_plans_no_move BEFORE UPDATE ON treatment_plans
        WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
          OR NEW.version IS NOT OLD.version
        BEGIN SELECT RAISE(ABORT, 'a plan version stays with its case'); END""",
    "trg_treatment_plans_signed_no_delete": f"""
        CREATE TRIGGER trg_treatment_plans_signed_no_delete BEFORE DELETE ON treatment_plans
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
    "trg_treatment_plans_signed_no_replace": f"""
        CREATE TRIGGER trg_treatment_plans_signed_no_replace BEFORE INSERT ON treatment_plans
        WHEN EXISTS (SELECT 1 FROM treatment_plans WHERE (id = NEW.id OR
                     (case_id = NEW.case_id AND version = NEW.version)) AND signed_at IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '{PLAN_LOCKED}'); END""",
    **_locked_with_plan("plan_concerns", "plan"),
    **_locked_with_plan("plan_goals", "plan"),
    **_locked_with_plan("plan_objectives", "goal"),
    **_locked_with_note_0005("note_goals"),
    "trg_measure_responses_signed_no_insert": f"""
        CREATE TRIGGER trg_measure_responses_signed_no_insert BEFORE INSERT ON measure_responses
        WHEN {_SIGNED_SESSION.format(id="NEW.session_id")} OR {_SIGNED_ANSWERS.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_measure_responses_signed_no_update": f"""
        CREATE TRIGGER trg_measure_responses_signed_no_update BEFORE UPDATE ON measure_responses
        WHEN {_SIGNED_SESSION.format(id="OLD.session_id")}
          OR {_SIGNED_SESSION.format(id="NEW.session_id")}
          OR {_SIGNED_ANSWERS.format(id="NEW.id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    "trg_measure_responses_signed_no_delete": f"""
        CREATE TRIGGER trg_measure_responses_signed_no_delete BEFORE DELETE ON measure_responses
        WHEN {_SIGNED_SESSION.format(id="OLD.session_id")}
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
}
REVISION_0009: dict[str, str] = {**REVISION_0006, **NEW_IN_0009}

# Revision 0011, supervision: a note's review steps are append-only, and a review follows
# the signature (steps before it are refused once the note is signed, a co-signature before).
NEW_IN_0011: dict[str, str] = {
    "trg_note_reviews_no_update": """
        CREATE TRIGGER trg_note_reviews_no_update BEFORE UPDATE ON note_reviews
        BEGIN SELECT RAISE(ABORT, 'a review step cannot be changed'); END""",
    "trg_note_reviews_no_delete": """
        CREATE TRIGGER trg_note_reviews_no_delete BEFORE DELETE ON note_reviews
        BEGIN SELECT RAISE(ABORT, 'a review step cannot be deleted'); END""",
    "trg_note_reviews_no_replace": """
        CREATE TRIGGER trg_note_reviews_no_replace BEFORE INSERT ON note_reviews
        WHEN EXISTS (SELECT 1 FROM note_reviews WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'a review step cannot be replaced'); END""",
    "trg_note_reviews_follow_signature": """
        CREATE TRIGGER trg_note_reviews_follow_signature BEFORE INSERT ON note_reviews
        WHEN (NEW.state = 'cosigned') = ((SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL)
        BEGIN SELECT RAISE(ABORT, 'a note is reviewed before it is signed, co-signed after'); END""",
}
REVISION_0011: dict[str, str] = {**REVISION_0009, **NEW_IN_0011}

TRIGGERS: dict[str, str] = REVISION_0011  # all a current practice has
OLDER_NAMES = sorted({*REVISION_0001, *REVISION_0002} - set(TRIGGERS))


def create(conn: Connection, which: dict[str, str]) -> None:
    for sql in which.values():
        conn.execute(text(sql))


def drop_all(conn: Connection) -> None:
    for name in sorted({*TRIGGERS, *OLDER_NAMES}):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))


def _normal(sql: str) -> str:
    return " ".join(sql.split()).rstrip(";").lower()


def missing(conn: Connection) -> list[str]:
    """Record locks absent, or present under their name with other SQL (a no-op put in
    their place), or extra triggers nobody made: anything but exactly our set."""
    present = {
        str(row[0]): str(row[1] or "")
        for row in conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    }
    wrong = [n for n, sql in TRIGGERS.items() if _normal(present.get(n, "")) != _normal(sql)]
    extra = [n for n in present if n not in TRIGGERS]
    return sorted(wrong + extra)

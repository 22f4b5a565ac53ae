"""Record locks on the practice server (PL/pgSQL), the counterpart of store/sqlite/triggers.py.

The service layer refuses these changes first; these triggers make sure no other path (a
script with a staff login, psql, a bug) can make them either. They hold the same rules as
the solo practice's current set (revision 0009), with the same messages, raised in SQLSTATE
class 23 so SQLAlchemy raises IntegrityError on both stores.

The shape differs from SQLite's where the engines differ:
- One trigger function per kind of rule, and one BEFORE INSERT OR UPDATE OR DELETE row
  trigger per locked table. The rules for rows that belong to a signed note, session or
  plan are one function each, told by a trigger argument which column leads to the owner.
- PostgreSQL has no REPLACE: INSERT ... ON CONFLICT DO UPDATE fires the UPDATE trigger on
  the existing (locked) row, and a key or unique column taken by a locked row is refused by
  its constraint. So the "taken" checks SQLite needs for REPLACE are not repeated here;
  an update still checks the old row and the new one (a draft's row moved onto a signed note).
- TRUNCATE fires no row triggers, so every locked table refuses it outright.
- The functions are SECURITY DEFINER, owned by clarity_owner: a lock looks at the signed
  note or plan whatever the login may see through row-level security. Staff do not own the
  tables, so they can neither drop nor disable a trigger nor replace a function.
- BEFORE triggers run before row security's WITH CHECK, so a lock that looked at another
  case's note would tell a login what row security hides (that the note exists, that it is
  signed). So a lock speaks only of records the login may see (my_cases(), as row security
  asks): a new row in a case the login may not see, or naming a note, session, plan or goal
  that is not in one (or that does not exist), is refused first, in row security's own
  words and SQLSTATE, the same whatever is or is not there. A login that row security does
  not bind (the server's superuser) is held by every lock as before.

`check` (missing_sql) names a trigger that is gone, disabled (or set to fire only in replica
mode), moved to other events, table, arguments or function, or whose function's body is
no longer ours.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SCHEMA = "clarity"
LOCKED = "signed note is locked"
PLAN_LOCKED = "signed plan is locked"
AUDIT_LOCKED = "the audit log is append-only"
ERRCODE = "23000"  # integrity_constraint_violation: IntegrityError, as on SQLite

_SESSION_SIGNED = "EXISTS (SELECT 1 FROM notes WHERE session_id = {id} AND signed_at IS NOT NULL)"
_NOTE_SIGNED = "EXISTS (SELECT 1 FROM notes WHERE id = {id} AND signed_at IS NOT NULL)"
_PLAN_SIGNED = "EXISTS (SELECT 1 FROM treatment_plans WHERE id = {id} AND signed_at IS NOT NULL)"
_GOAL_SIGNED = (
    "EXISTS (SELECT 1 FROM plan_goals AS g JOIN treatment_plans AS p ON p.id = g.plan_id "
    "WHERE g.id = {id} AND p.signed_at IS NOT NULL)"
)
# The table holding each kind of owner (every one carries its case on the server).
_OWNER_TABLE = {
    _SESSION_SIGNED: "sessions",
    _NOTE_SIGNED: "notes",
    _PLAN_SIGNED: "treatment_plans",
    _GOAL_SIGNED: "plan_goals",
}
UNSEEN_ERRCODE = "42501"  # insufficient_privilege: what row security's WITH CHECK raises
_BYPASS = "(SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles AS r WHERE r.rolname = session_user)"


def _seen(case: str) -> str:
    """Whether the login may see case *case* (false for NULL): row security's own rule, or
    a login that row security does not bind."""
    return f"({_BYPASS} OR EXISTS (SELECT 1 FROM my_cases() AS m(id) WHERE m.id = {case}))"


def _refuse(message: str) -> str:
    """A RAISE without '%' (psycopg reads '%' in SQL as a placeholder)."""
    return f"RAISE EXCEPTION USING MESSAGE = '{message}', ERRCODE = '{ERRCODE}';"


# Word for word what row security says when a new row fails its WITH CHECK, so a row the
# login may not write reads the same whether a lock or row security refused it.
_REFUSE_UNSEEN = (
    "RAISE EXCEPTION USING MESSAGE = 'new row violates row-level security policy for table \"' "
    f"|| TG_TABLE_NAME || '\"', ERRCODE = '{UNSEEN_ERRCODE}';"
)


def _unseen_new_row(owner_seen: str = "") -> str:
    """Refuse a new row (insert, or update's new version) whose case, or whose owner's
    case, the login may not see: before any lock reads a record past row security."""
    also = f" OR NOT {owner_seen}" if owner_seen else ""
    return f"""
    IF TG_OP <> 'DELETE' AND (NOT {_seen("NEW.case_id")}{also}) THEN
        {_REFUSE_UNSEEN}
    END IF;"""


_RETURN = """
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;"""


def _owned_rows(signed: str, message: str) -> str:
    """Rows refused when their owner is signed: the old row on update and delete, the new
    row on insert and update. TG_ARGV[0] names the column that leads to the owner (or
    'id': the row is its own owner, a session). A new row's owner must be one the login
    may see (a row's case_id is its owner's, except a measure's, which names its own)."""
    owner = "(to_jsonb({row}) ->> TG_ARGV[0])::integer"
    old = signed.format(id=owner.format(row="OLD"))
    new = signed.format(id=owner.format(row="NEW"))
    new_owner = owner.format(row="NEW")
    owner_seen = (
        f"(TG_ARGV[0] = 'id' OR {new_owner} IS NULL OR EXISTS (SELECT 1 FROM "
        f"{_OWNER_TABLE[signed]} AS o WHERE o.id = {new_owner} AND {_seen('o.case_id')}))"
    )
    return f"""{_unseen_new_row(owner_seen)}
    IF TG_OP <> 'INSERT' AND {old} THEN
        {_refuse(message)}
    END IF;
    IF TG_OP <> 'DELETE' AND {new} THEN
        {_refuse(message)}
    END IF;{_RETURN}"""


def _signed_record(table_lock: str, moved: str, move_message: str, message: str) -> str:
    """A signed note or plan version itself: no change, no delete once signed; it never
    moves to another session (case, version); an insert may not take a signed one's place
    (a place in a case the login may not see is left to the table's keys, which say
    only that it is taken)."""
    return f"""{_unseen_new_row()}
    IF TG_OP = 'INSERT' AND {table_lock} THEN
        {_refuse(message)}
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.signed_at IS NOT NULL THEN
        {_refuse(message)}
    END IF;
    IF TG_OP = 'UPDATE' AND ({moved}) THEN
        {_refuse(move_message)}
    END IF;{_RETURN}"""


FUNCTIONS: dict[str, str] = {
    "lock_signed_note": _signed_record(
        "EXISTS (SELECT 1 FROM notes WHERE (id = NEW.id OR session_id = NEW.session_id) "
        f"AND signed_at IS NOT NULL AND {_seen('case_id')})",
        "NEW.id IS DISTINCT FROM OLD.id OR NEW.session_id IS DISTINCT FROM OLD.session_id",
        "a note stays with its session",
        LOCKED,
    ),
    "lock_signed_plan": _signed_record(
        "EXISTS (SELECT 1 FROM treatment_plans WHERE (id = NEW.id OR "
        "(case_id = NEW.case_id AND version = NEW.version)) AND signed_at IS NOT NULL "
        f"AND {_seen('case_id')})",
        "NEW.id IS DISTINCT FROM OLD.id OR NEW.case_id IS DISTINCT FROM OLD.case_id "
        "OR NEW.version IS DISTINCT FROM OLD.version",
        "a plan version stays with its case",
        PLAN_LOCKED,
    ),
    "lock_with_note": _owned_rows(_NOTE_SIGNED, LOCKED),
    "lock_with_session": _owned_rows(_SESSION_SIGNED, LOCKED),
    "lock_with_plan": _owned_rows(_PLAN_SIGNED, PLAN_LOCKED),
    "lock_with_goal": _owned_rows(_GOAL_SIGNED, PLAN_LOCKED),
    "lock_addendum": f"""
    IF TG_OP = 'UPDATE' THEN
        {_refuse("an addendum cannot be changed")}
    END IF;
    IF TG_OP = 'DELETE' THEN
        {_refuse("an addendum cannot be deleted")}
    END IF;{_unseen_new_row()}
    IF NOT {_NOTE_SIGNED.format(id="NEW.note_id")} THEN
        {_refuse("addenda belong to signed notes")}
    END IF;
    RETURN NEW;""",
    "lock_audit": f"""
    IF TG_OP <> 'INSERT' THEN
        {_refuse(AUDIT_LOCKED)}
    END IF;
    RETURN NEW;""",
    "lock_review": f"""
    IF TG_OP <> 'INSERT' THEN
        {_refuse("a review cannot be changed or removed")}
    END IF;{_unseen_new_row()}
    IF (NEW.state = 'cosigned') = (NOT {_NOTE_SIGNED.format(id="NEW.note_id")}) THEN
        {_refuse("a note is reviewed before it is signed, co-signed after")}
    END IF;
    RETURN NEW;""",
    "refuse_truncate": f"""
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = '{ERRCODE}';""",
}

# pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32.
_ROW_TYPE = 1 | 2 | 4 | 8 | 16
_TRUNCATE_TYPE = 2 | 32


@dataclass(frozen=True)
class Lock:
    """One trigger: on *table*, calling *function* with *args*."""

    name: str
    table: str
    function: str
    args: tuple[str, ...]
    truncate: bool = False

    def create_sql(self) -> str:
        args = ", ".join(f"'{a}'" for a in self.args)
        if self.truncate:
            when = f"BEFORE TRUNCATE ON {self.table} FOR EACH STATEMENT"
        else:
            when = f"BEFORE INSERT OR UPDATE OR DELETE ON {self.table} FOR EACH ROW"
        return f"CREATE TRIGGER {self.name} {when} EXECUTE FUNCTION {self.function}({args})"

    @property
    def tgtype(self) -> int:
        return _TRUNCATE_TYPE if self.truncate else _ROW_TYPE

    @property
    def args_hex(self) -> str:
        """pg_trigger.tgargs as hex: each argument followed by a zero byte."""
        return b"".join(a.encode() + b"\0" for a in self.args).hex()


# table -> (function, its argument, the message TRUNCATE is refused with)
_TABLES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "notes": ("lock_signed_note", (), LOCKED),
    "sessions": ("lock_with_session", ("id",), LOCKED),
    "note_steps": ("lock_with_note", ("note_id",), LOCKED),
    "note_partner_steps": ("lock_with_note", ("note_id",), LOCKED),
    "partner_readings": ("lock_with_note", ("note_id",), LOCKED),
    "couple_readings": ("lock_with_note", ("note_id",), LOCKED),
    "note_goals": ("lock_with_note", ("note_id",), LOCKED),
    "session_markers": ("lock_with_session", ("session_id",), LOCKED),
    "measure_responses": ("lock_with_session", ("session_id",), LOCKED),
    "addenda": ("lock_addendum", (), "an addendum cannot be deleted"),
    "audit_events": ("lock_audit", (), AUDIT_LOCKED),
    "note_reviews": ("lock_review", (), "a review cannot be changed or removed"),
    "treatment_plans": ("lock_signed_plan", (), PLAN_LOCKED),
    "plan_concerns": ("lock_with_plan", ("plan_id",), PLAN_LOCKED),
    "plan_goals": ("lock_with_plan", ("plan_id",), PLAN_LOCKED),
    "plan_objectives": ("lock_with_goal", ("goal_id",), PLAN_LOCKED),
}
LOCKED_TABLES = tuple(_TABLES)

TRIGGERS: dict[str, Lock] = {}
for _table, (_function, _args, _message) in _TABLES.items():
    TRIGGERS[f"trg_{_table}_locked"] = Lock(f"trg_{_table}_locked", _table, _function, _args)
    TRIGGERS[f"trg_{_table}_no_truncate"] = Lock(
        f"trg_{_table}_no_truncate", _table, "refuse_truncate", (_message,), truncate=True
    )


def function_sql(name: str, *, replace: bool = False) -> str:
    """CREATE (OR REPLACE, to put a changed one back) one of FUNCTIONS."""
    verb = "CREATE OR REPLACE" if replace else "CREATE"
    return (
        f"{verb} FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        f"SET search_path = {SCHEMA}, pg_temp AS $$ BEGIN{FUNCTIONS[name]}\nEND $$"
    )


def _stored_body(body: str) -> str:
    """The function's source as pg_proc.prosrc keeps it (the text between the $$)."""
    return f" BEGIN{body}\nEND "


def statements() -> list[str]:
    """The functions, then the triggers; run as the schema's owner (schema.install)."""
    out = [function_sql(name) for name in FUNCTIONS]
    out += [lock.create_sql() for lock in TRIGGERS.values()]
    return out


def missing_sql() -> str:
    """The names of TRIGGERS the clarity schema does not have exactly as made: gone,
    disabled, on other events, table, arguments or function, or the function's body
    replaced. In name order."""
    rows = ", ".join(
        f"('{lock.name}', '{lock.table}', '{lock.function}', {lock.tgtype}, "
        f"'{lock.args_hex}', '{_md5(_stored_body(FUNCTIONS[lock.function]))}')"
        for lock in TRIGGERS.values()
    )
    return (
        f"SELECT w.name FROM (VALUES {rows}) AS w(name, tbl, fn, kind, args, body) "
        "WHERE NOT EXISTS (SELECT 1 FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace s ON s.oid = c.relnamespace "
        "JOIN pg_proc p ON p.oid = t.tgfoid "
        f"WHERE s.nspname = '{SCHEMA}' AND p.pronamespace = s.oid AND t.tgname = w.name "
        "AND c.relname = w.tbl AND p.proname = w.fn AND t.tgtype = w.kind "
        "AND encode(t.tgargs, 'hex') = w.args AND md5(p.prosrc) = w.body "
        "AND t.tgenabled IN ('O', 'A')) ORDER BY w.name"
    )


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()

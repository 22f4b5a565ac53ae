"""Every clinical row on the server carries its case, so row security is one cheap test.

The portable models key a reading by its note, a note by its session, an objective by its
goal. Following those links inside every policy made each statement first gather all of a
clinician's notes (13,000 of 400,000 in the benchmark): tens of seconds for the case list.
On the server each such table gets a ``case_id`` of its own, filled by a trigger from the
row's parent (as the schema's owner, past row security) and indexed, so every policy reads
``case_id IN (SELECT my_cases())``: one small hashed set per statement, one probe per row.
The program never writes this column; SQLite has no need of it.
"""

from __future__ import annotations

# table -> (parent table, the column naming the parent)
PARENTS: dict[str, tuple[str, str]] = {
    "notes": ("sessions", "session_id"),
    "session_markers": ("sessions", "session_id"),
    "note_steps": ("notes", "note_id"),
    "note_partner_steps": ("notes", "note_id"),
    "partner_readings": ("notes", "note_id"),
    "couple_readings": ("notes", "note_id"),
    "note_goals": ("notes", "note_id"),
    "addenda": ("notes", "note_id"),
    "note_reviews": ("notes", "note_id"),
    "plan_concerns": ("treatment_plans", "plan_id"),
    "plan_goals": ("treatment_plans", "plan_id"),
    "plan_objectives": ("plan_goals", "goal_id"),
}

FILL = """CREATE FUNCTION fill_case_key() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
BEGIN
    EXECUTE 'SELECT case_id FROM ' || quote_ident(TG_ARGV[0]) || ' WHERE id = $1'
        INTO NEW.case_id USING (to_jsonb(NEW) ->> TG_ARGV[1])::integer;
    RETURN NEW;
END $$"""


def statements() -> list[str]:
    """In table order (a parent's column is filled before its children are made)."""
    out = [FILL]
    for table, (parent, column) in PARENTS.items():
        out += [
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS case_id integer REFERENCES cases(id)",
            f"CREATE INDEX IF NOT EXISTS ix_{table}_case_key ON {table} (case_id)",
            f"CREATE TRIGGER trg_{table}_case_key BEFORE INSERT OR UPDATE OF {column} "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION fill_case_key('{parent}', '{column}')",
        ]
    return out


def backfill_statements() -> list[str]:
    """Fill the column for rows written while the triggers were off (a practice moved in
    whole), parents first. Run with the record locks still off: signed rows get it too."""
    return [
        f"UPDATE {table} AS t SET case_id = p.case_id FROM {parent} AS p "
        f"WHERE p.id = t.{column} AND t.case_id IS NULL"
        for table, (parent, column) in PARENTS.items()
    ]

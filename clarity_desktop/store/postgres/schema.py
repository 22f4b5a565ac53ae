"""The practice server's schema: the portable tables of store/models.py, the group
practice's own tables, and the rules the server itself enforces (grants, row-level
security, record locks, the audit's append-only chain).

Who sees a case is decided by one function, ``clarity.my_cases()``: the cases assigned to
the login, those of the clinicians they supervise, and those under a live emergency grant.
Every clinical table's policy leads back to it, through the case, the session or the note
the row belongs to, so a row can never be seen when its note cannot. Identity is
``session_user`` (the login), looked up in ``clarity.staff``; a client cannot change it.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from clarity_desktop.store.models import Base
from clarity_desktop.store.postgres import locks
from clarity_desktop.store.postgres.roles import ALL_STAFF, CARE, GROUP, OWNER, Role

SCHEMA = "clarity"
DESK = (GROUP[Role.FRONT_DESK], GROUP[Role.ADMINISTRATOR])

GROUP_TABLES = (
    """CREATE TABLE staff (
    user_id integer PRIMARY KEY REFERENCES users(id),
    login text NOT NULL UNIQUE,
    credentials text NOT NULL DEFAULT '',
    public_key text NOT NULL,
    wrapped_key text NOT NULL
)""",
    """CREATE TABLE case_access (
    case_id integer NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    user_id integer NOT NULL REFERENCES users(id),
    granted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    PRIMARY KEY (case_id, user_id)
)""",
    "CREATE INDEX ix_case_access_user ON case_access (user_id)",
    """CREATE TABLE supervision (
    supervisor_id integer NOT NULL REFERENCES users(id),
    supervisee_id integer NOT NULL REFERENCES users(id),
    mode text NOT NULL CHECK (mode IN ('view', 'approve', 'cosign')),
    PRIMARY KEY (supervisor_id, supervisee_id),
    CHECK (supervisor_id <> supervisee_id)
)""",
    """CREATE TABLE emergency_grants (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id),
    case_id integer NOT NULL REFERENCES cases(id),
    reason text NOT NULL CHECK (length(btrim(reason)) >= 10),
    granted_at timestamp NOT NULL,
    until timestamp NOT NULL CHECK (until > granted_at)
)""",
    """CREATE TABLE note_search (
    note_id integer NOT NULL REFERENCES notes(id),
    addendum_id integer NOT NULL DEFAULT 0,
    body text NOT NULL,
    doc tsvector NOT NULL,
    PRIMARY KEY (note_id, addendum_id)
)""",
    "CREATE INDEX ix_note_search_doc ON note_search USING gin (doc)",
)

_DEFINER = f"SECURITY DEFINER SET search_path = {SCHEMA}, pg_temp"
FUNCTIONS = (
    f"""CREATE FUNCTION me() RETURNS integer LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT s.user_id FROM staff s JOIN users u ON u.id = s.user_id
    WHERE s.login = session_user AND NOT u.disabled
$$""",
    f"""CREATE FUNCTION my_cases() RETURNS SETOF integer LANGUAGE sql VOLATILE {_DEFINER} AS $$
    SELECT case_id FROM case_access WHERE user_id = me()
    UNION
    SELECT a.case_id FROM supervision v JOIN case_access a ON a.user_id = v.supervisee_id
    WHERE v.supervisor_id = me()
    UNION
    SELECT case_id FROM emergency_grants
    WHERE user_id = me() AND until > (now() AT TIME ZONE 'utc')
$$""",
    f"""CREATE FUNCTION assign_creator() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    IF me() IS NULL THEN
        RAISE EXCEPTION 'only staff of this practice can open a case' USING ERRCODE = '42501';
    END IF;
    INSERT INTO case_access (case_id, user_id) VALUES (NEW.id, me());
    RETURN NEW;
END $$""",
    """CREATE TRIGGER trg_cases_assign_creator BEFORE INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION assign_creator()""",
    f"""CREATE FUNCTION audit_links() RETURNS TABLE (id integer, prev_hash text, row_hash text)
LANGUAGE sql STABLE {_DEFINER} AS $$
    -- The chain's links are everyone's to check; the rows themselves are not.
    SELECT e.id, e.prev_hash, e.row_hash FROM audit_events e ORDER BY e.id
$$""",
    f"""CREATE FUNCTION audit_head(OUT id integer, OUT row_hash text) LANGUAGE plpgsql VOLATILE
{_DEFINER} AS $$
BEGIN
    -- One writer at a time appends: the lock is held until the caller's transaction ends.
    PERFORM pg_advisory_xact_lock(hashtext('clarity.audit_chain'));
    SELECT e.id, e.row_hash INTO id, row_hash FROM audit_events e ORDER BY e.id DESC LIMIT 1;
END $$""",
)

# Each clinical table: how its rows lead back to a case the login may see.
_CASE = "case_id IN (SELECT my_cases())"
_SESSION = "session_id IN (SELECT s.id FROM sessions s WHERE s.case_id IN (SELECT my_cases()))"
_NOTE = "note_id IN (SELECT n.id FROM notes n)"
CARE_RULES: dict[str, str] = {
    "cases": "id IN (SELECT my_cases())",
    "partners": _CASE,
    "sessions": _CASE,
    "treatment_plans": _CASE,
    "handouts_given": _CASE,
    "measure_responses": _CASE,
    "notes": _SESSION,
    "session_markers": _SESSION,
    "note_steps": _NOTE,
    "note_partner_steps": _NOTE,
    "partner_readings": _NOTE,
    "couple_readings": _NOTE,
    "note_goals": _NOTE,
    "addenda": _NOTE,
    "note_search": _NOTE,
    "plan_concerns": "plan_id IN (SELECT p.id FROM treatment_plans p)",
    "plan_goals": "plan_id IN (SELECT p.id FROM treatment_plans p)",
    "plan_objectives": "goal_id IN (SELECT g.id FROM plan_goals g)",
}
# The front desk and the administrator see who the clients are and when they come, not
# what is said: these columns of these tables, nothing else clinical.
DESK_COLUMNS: dict[str, str] = {
    "cases": "id, kind, display_name, status, opened_on, closed_on, safety_flag",
    "partners": "id, case_id, position, name, pronouns, email, phone, language",
    "sessions": "id, case_id, starts_at, duration_minutes, modality, attending_partner_id, status",
}
REFERENCE = ("users", "staff", "practice_info", "alembic_version")


def _policies() -> list[str]:
    care, desk, staff = ", ".join(CARE), ", ".join(DESK), ", ".join(ALL_STAFF)
    admin = GROUP[Role.ADMINISTRATOR]
    out: list[str] = []
    tables = [*CARE_RULES, "audit_events", *REFERENCE, "case_access", "supervision"]
    tables.append("emergency_grants")
    for table in tables:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.append(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        out.append(f"CREATE POLICY owner_all ON {table} TO {OWNER} USING (true) WITH CHECK (true)")
    for table, rule in CARE_RULES.items():
        check = "true" if table == "cases" else rule  # a new case is assigned as it is made
        out.append(f"CREATE POLICY care_read ON {table} FOR SELECT TO {care} USING ({rule})")
        out.append(f"CREATE POLICY care_add ON {table} FOR INSERT TO {care} WITH CHECK ({check})")
        out.append(
            f"CREATE POLICY care_change ON {table} FOR UPDATE TO {care} "
            f"USING ({rule}) WITH CHECK ({rule})"
        )
        out.append(f"CREATE POLICY care_remove ON {table} FOR DELETE TO {care} USING ({rule})")
        out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {care}")
    for table, columns in DESK_COLUMNS.items():
        out.append(f"CREATE POLICY desk_read ON {table} FOR SELECT TO {desk} USING (true)")
        out.append(f"GRANT SELECT ({columns}) ON {table} TO {desk}")
    for table in REFERENCE:
        out.append(
            f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING (me() IS NOT NULL)"
        )
        out.append(f"GRANT SELECT ON {table} TO {staff}")
    # The audit: everyone appends in their own name; you read your own rows and your
    # cases' rows; the administrator reads all. Nobody changes or removes a row.
    out += [
        f"CREATE POLICY append ON audit_events FOR INSERT TO {staff} WITH CHECK (user_id = me())",
        f"CREATE POLICY care_read ON audit_events FOR SELECT TO {care} "
        f"USING (user_id = me() OR case_id IN (SELECT my_cases()))",
        f"CREATE POLICY admin_read ON audit_events FOR SELECT TO {admin} USING (true)",
        f"GRANT SELECT, INSERT ON audit_events TO {staff}",
        f"CREATE POLICY own_rows ON case_access FOR SELECT TO {staff} USING (user_id = me())",
        f"CREATE POLICY admin_all ON case_access TO {admin} USING (true) WITH CHECK (true)",
        f"GRANT SELECT ON case_access TO {staff}",
        f"GRANT INSERT, DELETE ON case_access TO {admin}",
        f"CREATE POLICY own_rows ON supervision FOR SELECT TO {staff} "
        "USING (me() IN (supervisor_id, supervisee_id))",
        f"CREATE POLICY own_rows ON emergency_grants FOR SELECT TO {staff} USING (user_id = me())",
        f"GRANT SELECT ON supervision, emergency_grants TO {staff}",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {staff}",
        # The administrator keeps the staff list and who works with which case.
        f"CREATE POLICY admin_all ON users TO {admin} USING (true) WITH CHECK (true)",
        f"CREATE POLICY admin_all ON staff TO {admin} USING (true) WITH CHECK (true)",
        f"GRANT INSERT, UPDATE ON users, staff TO {admin}",
        f"CREATE POLICY admin_all ON supervision TO {admin} USING (true) WITH CHECK (true)",
        f"GRANT INSERT, UPDATE, DELETE ON supervision TO {admin}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {admin}",
        # Each person changes their own password and so re-wraps their own signing key.
        f"CREATE POLICY own_key ON staff FOR UPDATE TO {staff} "
        "USING (user_id = me()) WITH CHECK (user_id = me())",
        f"GRANT UPDATE (wrapped_key) ON staff TO {staff}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {care}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {staff}",
    ]
    return out


def install(conn: Connection, dbname: str) -> None:
    """Create the whole schema in *conn*'s database, in its transaction. *conn* belongs to
    a superuser (the server's administrator runs ``server init`` once)."""
    from clarity_desktop.store.postgres.roles import create_groups_sql

    conn.execute(text(create_groups_sql()))
    conn.execute(text(f"REVOKE ALL ON DATABASE {dbname} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT ON DATABASE {dbname} TO {', '.join(ALL_STAFF)}"))
    conn.execute(text(f"CREATE SCHEMA {SCHEMA} AUTHORIZATION {OWNER}"))
    conn.execute(text(f"SET LOCAL ROLE {OWNER}"))
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    Base.metadata.create_all(conn)
    conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
    for statement in (*GROUP_TABLES, *FUNCTIONS, *locks.statements()):
        conn.exec_driver_sql(statement)
    for statement in _policies():
        conn.exec_driver_sql(statement)
    conn.execute(text("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA clarity FROM PUBLIC"))
    conn.execute(
        text(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {', '.join(ALL_STAFF)}")
    )
    conn.execute(text("RESET ROLE"))
    from clarity_desktop.store.postgres import leases  # edit leases: their own module

    leases.install(conn)

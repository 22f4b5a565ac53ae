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

from clarity_desktop.domain.emergency import MAX_HOURS as EMERGENCY_HOURS
from clarity_desktop.store.models import Base
from clarity_desktop.store.postgres import (
    blind_search,
    case_keys,
    ciphertext_checks,
    directory_rows,
    emergency_key,
    key_sharing,
    keytables,
    locks,
)
from clarity_desktop.store.postgres.roles import ALL_STAFF, CARE, GROUP, OWNER, REGISTRAR, Role

SCHEMA = "clarity"
NOW = "(now() AT TIME ZONE 'utc')"  # timestamps are stored as naive UTC
DESK = (GROUP[Role.FRONT_DESK], GROUP[Role.ADMINISTRATOR])

GROUP_TABLES = (
    """CREATE TABLE IF NOT EXISTS staff (
    user_id integer PRIMARY KEY REFERENCES users(id),
    login text NOT NULL UNIQUE,
    credentials text NOT NULL DEFAULT '',
    public_key text NOT NULL,
    wrapped_key text NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS case_access (
    case_id integer NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    user_id integer NOT NULL REFERENCES users(id),
    granted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    PRIMARY KEY (case_id, user_id)
)""",
    "CREATE INDEX IF NOT EXISTS ix_case_access_user ON case_access (user_id)",
    """CREATE TABLE IF NOT EXISTS supervision (
    supervisor_id integer NOT NULL REFERENCES users(id),
    supervisee_id integer NOT NULL REFERENCES users(id),
    mode text NOT NULL CHECK (mode IN ('view', 'approve', 'cosign')),
    PRIMARY KEY (supervisor_id, supervisee_id),
    CHECK (supervisor_id <> supervisee_id)
)""",
    f"""CREATE TABLE IF NOT EXISTS emergency_grants (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id),
    case_id integer NOT NULL REFERENCES cases(id),
    reason text NOT NULL CHECK (length(btrim(reason)) >= 10),
    granted_at timestamp NOT NULL,
    until timestamp NOT NULL,
    CHECK (until > granted_at AND until <= granted_at + interval '{EMERGENCY_HOURS} hours')
)""",
    "CREATE INDEX IF NOT EXISTS ix_emergency_grants_user ON emergency_grants (user_id, until)",
    # No text: each row's blind tokens (blind_search.py), keyed hashes of its words under
    # its case's search key. case_id repeats the note's case so row security reads an index
    # before the overlap test (&&) runs.
    """CREATE TABLE IF NOT EXISTS note_search (
    note_id integer NOT NULL REFERENCES notes(id),
    addendum_id integer NOT NULL DEFAULT 0,
    case_id integer NOT NULL REFERENCES cases(id),
    tokens bigint[] NOT NULL,
    PRIMARY KEY (note_id, addendum_id)
)""",
    # A server from before encryption kept each note's words here as text (body, doc):
    # ``server upgrade`` drops them, and its rows keep empty tokens until the note is next
    # saved (the superuser holds no search key to make them).
    "ALTER TABLE note_search DROP COLUMN IF EXISTS doc",
    "ALTER TABLE note_search DROP COLUMN IF EXISTS body",
    "ALTER TABLE note_search ADD COLUMN IF NOT EXISTS tokens bigint[] NOT NULL DEFAULT '{}'",
    "ALTER TABLE note_search ALTER COLUMN tokens DROP DEFAULT",
    "CREATE INDEX IF NOT EXISTS ix_note_search_tokens ON note_search USING gin (tokens)",
    "CREATE INDEX IF NOT EXISTS ix_note_search_case ON note_search (case_id)",
    # Signing keys a staff member used before (a solo practice moved in whose key file
    # vouched for earlier keys): their seals stay trusted while the vouch, made by the
    # person's current key, verifies (logins.trusted_keys).
    """CREATE TABLE IF NOT EXISTS former_keys (
    public_key text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id),
    vouch text NOT NULL
)""",
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
    # Whether a case exists, for a clinician asking for emergency access to one they
    # cannot see yet: its id, nothing else.
    f"""CREATE FUNCTION case_exists(case_id integer) RETURNS boolean LANGUAGE sql STABLE
{_DEFINER} AS $$
    SELECT EXISTS (SELECT FROM cases c WHERE c.id = case_id)
$$""",
    # Every case's name and status, for live staff: a clinician choosing a case to open in
    # an emergency, and the emergency log naming the case (a supervisor may not see the
    # case itself). The columns the front desk reads anyway, nothing clinical.
    # The name is encrypted under the directory key (directory_rows.py): row_version comes
    # with it, as it is bound into the value, and the program opens and sorts them.
    f"""CREATE FUNCTION case_names() RETURNS TABLE (
    id integer, display_name text, status text, row_version integer
) LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT c.id, c.display_name::text, c.status::text, c.row_version FROM cases c
    WHERE me() IS NOT NULL
$$""",
    # A BEFORE trigger (the new case must be the login's by the time INSERT ... RETURNING
    # reads it back through row security), so it runs before the insert meets a key taken:
    # an id this connection did not draw from the sequence could name a case that exists
    # (or is being made) and, with ON CONFLICT DO NOTHING, open it to the login. Only the
    # sequence's own number for this connection is taken, whatever case has or lacks it.
    f"""CREATE FUNCTION assign_creator() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    drawn bigint;
BEGIN
    IF me() IS NULL THEN
        RAISE EXCEPTION 'only staff of this practice can open a case' USING ERRCODE = '42501';
    END IF;
    BEGIN
        drawn := currval(pg_get_serial_sequence('cases', 'id'));
    EXCEPTION WHEN object_not_in_prerequisite_state THEN
        drawn := NULL;  -- this connection drew no number at all
    END;
    IF NEW.id IS DISTINCT FROM drawn THEN
        RAISE EXCEPTION 'a new case takes the number the server gives it' USING ERRCODE = '42501';
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

# (No '%' in the bodies: the driver would read it as a placeholder.)
# Logins are made and closed only through these, run as the registrar (roles.py): the
# caller must be a live administrator (or the server's superuser, at ``server init``), the
# login a plain name, the password a SCRAM verifier, the group one of the practice's.
_GROUPS = "ARRAY[" + ", ".join(f"'{g}'" for g in ALL_STAFF) + "]"
_MANAGER = f"""
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
       AND NOT (me() IS NOT NULL AND pg_has_role(session_user, '{GROUP[Role.ADMINISTRATOR]}',
                                                 'MEMBER')) THEN
        RAISE EXCEPTION 'only an administrator manages logins' USING ERRCODE = '42501';
    END IF;
    IF login !~ '^[A-Za-z_][A-Za-z0-9_]{{0,62}}$' THEN
        RAISE EXCEPTION USING MESSAGE = 'not a login name: ' || login, ERRCODE = '22023';
    END IF;"""
_B64 = "[A-Za-z0-9+/=]+"
_SCRAM = f"^SCRAM-SHA-256\\$[0-9]+:{_B64}\\${_B64}:{_B64}$"
REGISTRAR_FUNCTIONS = (
    f"""CREATE FUNCTION open_login(login text, verifier text, grp text) RETURNS void
LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN{_MANAGER}
    IF verifier !~ '{_SCRAM}' THEN
        RAISE EXCEPTION 'a password must arrive as a SCRAM verifier' USING ERRCODE = '22023';
    END IF;
    IF NOT grp = ANY ({_GROUPS}) THEN
        RAISE EXCEPTION USING MESSAGE = 'not a staff group: ' || grp, ERRCODE = '22023';
    END IF;
    EXECUTE 'CREATE ROLE ' || quote_ident(lower(login)) || ' LOGIN PASSWORD '
        || quote_literal(verifier);
    EXECUTE 'GRANT ' || quote_ident(grp) || ' TO ' || quote_ident(lower(login));
END $$""",
    f"""CREATE FUNCTION close_login(login text) RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN{_MANAGER}
    IF NOT EXISTS (
        SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles r ON r.oid = m.member
        WHERE r.rolname = lower(login) AND r.rolcanlogin AND g.rolname = ANY ({_GROUPS})
    ) THEN
        RAISE EXCEPTION USING MESSAGE = 'not a staff login: ' || login, ERRCODE = '42501';
    END IF;
    EXECUTE 'ALTER ROLE ' || quote_ident(lower(login)) || ' NOLOGIN';
END $$""",
)

# Each clinical table: how its rows lead back to a case the login may see. Every one
# carries its case (case_keys.py) with an index, and the rule compares it with the array of
# the login's cases, computed once per statement (an init plan): the server can then start
# from the login's cases by index instead of reading a whole table and filtering it, which
# matters most where what follows is not leakproof (search's text match, @@).
_MINE = "ARRAY(SELECT my_cases())"
_CASE = f"case_id = ANY ({_MINE})"
CARE_RULES: dict[str, str] = {
    "cases": f"id = ANY ({_MINE})",
    **{
        table: _CASE
        for table in (
            "partners",
            "sessions",
            "treatment_plans",
            "handouts_given",
            "measure_responses",
            *case_keys.PARENTS,
        )
    },
    "note_search": _CASE,
}
# The front desk and the administrator see who the clients are and when they come, not
# what is said: these columns of these tables, nothing else clinical. Names and contacts
# are encrypted under the directory key (directory_rows.py); row_version is bound into
# each value, so they read it to open them.
DESK_COLUMNS: dict[str, str] = {
    "cases": "id, kind, display_name, status, opened_on, closed_on, safety_flag, row_version",
    "partners": "id, case_id, position, name, pronouns, email, phone, language, row_version",
    "sessions": "id, case_id, starts_at, duration_minutes, modality, attending_partner_id, status",
}
REFERENCE = (
    "users",
    "staff",
    "former_keys",
    "practice_info",
    "practice_keys",
    "alembic_version",
)


# The login's own staff id, evaluated once per statement (an InitPlan), not once per row:
# me() is a SECURITY DEFINER function, which the planner never inlines.
ME = "(SELECT me())"
LIVE = f"{ME} IS NOT NULL"  # a staff member who is not disabled


def _policies() -> list[str]:
    care, desk, staff = ", ".join(CARE), ", ".join(DESK), ", ".join(ALL_STAFF)
    admin = GROUP[Role.ADMINISTRATOR]
    overseers = ", ".join((GROUP[Role.SUPERVISOR], admin))
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
        out.append(f"CREATE POLICY desk_read ON {table} FOR SELECT TO {desk} USING ({LIVE})")
        out.append(f"GRANT SELECT ({columns}) ON {table} TO {desk}")
    for table in REFERENCE:
        out.append(f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING ({LIVE})")
        out.append(f"GRANT SELECT ON {table} TO {staff}")
    # The audit: everyone appends in their own name; you read your own rows and your
    # cases' rows; the administrator reads all. Nobody changes or removes a row. The
    # front desk appends (signing in is audited) but reads none.
    out += [
        f"CREATE POLICY append ON audit_events FOR INSERT TO {staff} WITH CHECK (user_id = {ME})",
        f"CREATE POLICY care_read ON audit_events FOR SELECT TO {care} "
        f"USING (user_id = {ME} OR {_CASE})",
        f"CREATE POLICY admin_read ON audit_events FOR SELECT TO {admin} USING ({LIVE})",
        f"GRANT INSERT ON audit_events TO {staff}",
        f"GRANT SELECT ON audit_events TO {care}, {admin}",
        # A note's review steps are written in their author's own name, nobody else's.
        f"CREATE POLICY own_name ON note_reviews AS RESTRICTIVE FOR INSERT TO {care} "
        f"WITH CHECK (by_user_id = {ME})",
        f"CREATE POLICY own_rows ON case_access FOR SELECT TO {staff} USING (user_id = {ME})",
        f"CREATE POLICY admin_all ON case_access TO {admin} USING ({LIVE}) WITH CHECK ({LIVE})",
        f"GRANT SELECT ON case_access TO {staff}",
        # The front desk books for every clinician: whose client each case is (not why).
        f"CREATE POLICY desk_read ON case_access FOR SELECT TO {GROUP[Role.FRONT_DESK]} "
        f"USING ({LIVE})",
        f"GRANT INSERT, DELETE ON case_access TO {admin}",
        f"CREATE POLICY own_rows ON supervision FOR SELECT TO {staff} "
        f"USING ({ME} IN (supervisor_id, supervisee_id))",
        f"GRANT SELECT ON supervision, emergency_grants TO {staff}",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {staff}",
        # The administrator keeps the staff list and who works with which case.
        f"CREATE POLICY admin_all ON users TO {admin} USING ({LIVE}) WITH CHECK ({LIVE})",
        # A staff row's keys are its person's alone: the administrator adds the row (with
        # the first signing key) and reads it, never rewrites it, so a colleague's key
        # cannot be swapped for one she holds (their certificate is checked against it).
        f"CREATE POLICY admin_read ON staff FOR SELECT TO {admin} USING ({LIVE})",
        f"CREATE POLICY admin_add ON staff FOR INSERT TO {admin} WITH CHECK ({LIVE})",
        f"GRANT INSERT, UPDATE ON users TO {admin}",
        f"GRANT INSERT (user_id, login, credentials, public_key, wrapped_key) ON staff TO {admin}",
        f"CREATE POLICY admin_all ON supervision TO {admin} USING ({LIVE}) WITH CHECK ({LIVE})",
        f"GRANT INSERT, UPDATE, DELETE ON supervision TO {admin}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {admin}",
        # Each person changes their own password and so re-wraps their own signing key.
        f"CREATE POLICY own_key ON staff FOR UPDATE TO {staff} "
        f"USING (user_id = {ME}) WITH CHECK (user_id = {ME})",
        f"GRANT UPDATE (wrapped_key) ON staff TO {staff}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {care}",
        # Emergency access: a clinician opens a case for themselves alone, for a short
        # window, never for someone else; supervisors and administrators see every grant.
        f"CREATE POLICY own_rows ON emergency_grants FOR SELECT TO {staff} USING (user_id = {ME})",
        f"CREATE POLICY oversee ON emergency_grants FOR SELECT TO {overseers} USING ({LIVE})",
        f"CREATE POLICY own_grant ON emergency_grants FOR INSERT TO {care} "
        f"WITH CHECK (user_id = {ME} AND granted_at <= {NOW} + interval '1 minute' "
        f"AND until <= {NOW} + interval '{EMERGENCY_HOURS} hours')",
        f"GRANT INSERT ON emergency_grants TO {care}",
    ]
    return out


def install(conn: Connection, dbname: str) -> None:
    """Create the whole schema in *conn*'s database, in its transaction. *conn* belongs to
    a superuser (the server's administrator runs ``server init`` once)."""
    from clarity_desktop.store.postgres.roles import create_groups_sql

    conn.execute(text(create_groups_sql()))
    conn.execute(text(f"CREATE SCHEMA {SCHEMA} AUTHORIZATION {OWNER}"))
    conn.execute(text(f"SET LOCAL ROLE {OWNER}"))
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    Base.metadata.create_all(conn)
    conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
    conn.execute(text("RESET ROLE"))
    install_rules(conn, dbname)


def install_rules(conn: Connection, dbname: str, *, backfill: bool = False) -> None:
    """Everything the program defines on the portable tables: the group tables (made only
    where missing), functions, case keys, record locks, row policies and grants, as
    ``install`` makes them. ``server upgrade`` (upgrade.py) runs it again after dropping
    the old ones; *backfill* fills the case key of rows a new table already holds. So a
    new column of a group table needs its own ``ADD COLUMN IF NOT EXISTS`` statement."""
    from clarity_desktop.store.postgres.roles import create_groups_sql

    conn.execute(text(create_groups_sql()))
    conn.execute(text(f"REVOKE ALL ON DATABASE {dbname} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT ON DATABASE {dbname} TO {', '.join(ALL_STAFF)}"))
    conn.execute(text(f"SET LOCAL ROLE {OWNER}"))
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    for statement in (
        *GROUP_TABLES,
        *keytables.TABLES,
        *emergency_key.TABLES,
        *FUNCTIONS,
        *case_keys.statements(),
    ):
        conn.exec_driver_sql(statement)
    for statement in directory_rows.WIDEN:  # encrypted names outgrow varchar(120)
        conn.exec_driver_sql(statement)
    for statement in ciphertext_checks.statements():  # no plain text where it is sealed
        conn.exec_driver_sql(statement)
    if backfill:  # as the superuser: no row policy lets the owner see rows yet
        conn.execute(text("RESET ROLE"))
        for statement in case_keys.backfill_statements():
            conn.exec_driver_sql(statement)
        conn.execute(text(f"SET LOCAL ROLE {OWNER}"))
    for statement in locks.statements():
        conn.exec_driver_sql(statement)
    for statement in (
        *_policies(),
        *keytables.policies(),
        *emergency_key.functions(),
        *key_sharing.FUNCTIONS,
        *blind_search.FUNCTIONS,
    ):
        conn.exec_driver_sql(statement)
    for statement in REGISTRAR_FUNCTIONS:
        conn.exec_driver_sql(statement)
    conn.execute(text("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA clarity FROM PUBLIC"))
    conn.execute(
        text(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {', '.join(ALL_STAFF)}")
    )
    conn.execute(text("RESET ROLE"))
    # The registrar runs open_login and close_login as their owner, and asks me() inside.
    conn.execute(text(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {REGISTRAR}"))
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION me() TO {REGISTRAR}"))
    for name in ("open_login(text, text, text)", "close_login(text)"):
        conn.execute(text(f"ALTER FUNCTION {name} OWNER TO {REGISTRAR}"))
        conn.execute(text(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC, {', '.join(CARE)}"))
        conn.execute(text(f"REVOKE ALL ON FUNCTION {name} FROM {GROUP[Role.FRONT_DESK]}"))
    from clarity_desktop.store.postgres import leases  # edit leases: their own module

    leases.install(conn)

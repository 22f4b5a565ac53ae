"""``server upgrade``: a practice server follows the program from version to version.

A practice keeps its server for years while the program changes, in two ways:
- the portable schema, by the Alembic revisions a solo practice runs too
  (store/migrations). On the server they run in schema ``clarity`` as its owner, so what
  they make is the owner's like everything else. Servers began at revision 0009
  (``server init`` builds the newest schema and stamps its revision), so only later
  revisions ever meet one, and each must run on both engines
  (tests/store/test_pg_upgrade_migrations.py);
- the server's own rules on those tables (schema.install_rules: functions, case keys,
  record locks, row policies, grants, leases). A version may change any of them without
  a revision (a lock's body, a new function, a grant), so every upgrade drops them all
  and makes them again exactly as this version's ``server init`` does: nothing an older
  version (or a hand since) left stays.

All in one transaction as the server's superuser: afterwards the server is this
version's, or it is as it was (a client killed half-way is rolled back by the server).
The record locks are dropped before the revisions run (a revision may rewrite rows, as
0008 did on SQLite) and made again after them. No row is written but the revision's
stamp and the case key of rows a new table already holds (and, on a server from before
encryption, the sealing below). The tables are locked as the
work reaches them, so staff still working wait for it, or it for them.

A server from before encryption is sealed in the same transaction (sealing.py): its
text and names encrypted for a new recovery key, shown before the commit, and its tables
rewritten afterwards so no old copy of the text stays in them.

Refused: a server a newer program has upgraded (a revision this one does not know, or a
newer version's stamp on the schema): this version would take its rules back to its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Connection, text

from clarity_desktop import __version__
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store import migrate
from clarity_desktop.store.errors import NotAPractice, PracticeError, PracticeTooNew
from clarity_desktop.store.postgres import schema, sealing
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.roles import ALL_STAFF, OWNER, REGISTRAR

SCHEMA = schema.SCHEMA
_ONE_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtext('clarity.server_upgrade'))"


@dataclass(frozen=True)
class Upgraded:
    server: str  # "superuser@host:port/database"
    before: str  # the schema revision found
    after: str  # the schema revision left
    applied: tuple[str, ...]  # the revisions run, oldest first
    functions: int  # the rules made again
    triggers: int
    policies: int
    changed: tuple[str, ...]  # objects made, dropped or changed, as catalog() names them
    rows: tuple[int, int]  # rows in all the practice's tables, before and after
    recovery_key: str | None = None  # printed once: a server from before encryption sealed
    sealed_cases: int = 0
    rewrite_failed: str | None = None  # why the old copies could not be cleared, if so


# Shown the new recovery sheet and the number of cases sealed, before the commit; raises
# if it cannot show it, and the server is left as it was (sealing.py).
ShowSheet = Callable[[str, int], None]


def upgrade(
    superuser: ServerAddress, password: str, show_sheet: ShowSheet | None = None
) -> Upgraded:
    """*show_sheet* is called inside the transaction when a server from before encryption
    was sealed; without it the sheet is only returned (after the commit)."""
    engine = make_engine(superuser, password, pool_size=1)
    try:
        with engine.begin() as conn:
            done = _upgrade(conn, superuser)
            if done.recovery_key is not None and show_sheet is not None:
                show_sheet(done.recovery_key, done.sealed_cases)
    finally:
        engine.dispose()
    if done.recovery_key is None:
        return done
    return replace(done, rewrite_failed=sealing.rewrite_tables(superuser, password))


def _upgrade(conn: Connection, where: ServerAddress) -> Upgraded:
    superuser = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    if not superuser.scalar():
        raise PracticeError(ErrorCode.SERVER_UPGRADE_NEEDS_SUPERUSER, user=where.user)
    conn.execute(text(_ONE_AT_A_TIME))
    ours = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": SCHEMA})
    if ours.first() is None:
        raise NotAPractice(
            ErrorCode.SERVER_NOT_A_PRACTICE, dbname=where.dbname, host=where.host, port=where.port
        )
    before = _revision(conn)
    newer = _newer(conn, before)
    if newer is not None:
        raise PracticeTooNew(ErrorCode.SERVER_UPGRADE_TOO_NEW, server=where.label(), newer=newer)
    found, rows = catalog(conn), _rows(conn)
    _drop(conn, _TRIGGERS)
    conn.execute(text(f"SET LOCAL ROLE {OWNER}"))
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    migrate.upgrade(conn)
    conn.execute(text("RESET ROLE"))
    for kind in (_TRIGGERS, _POLICIES, _FUNCTIONS):  # triggers a revision might have made
        _drop(conn, kind)
    _revoke_grants(conn)
    schema.install_rules(conn, where.dbname, backfill=True)
    conn.exec_driver_sql(f"COMMENT ON SCHEMA {SCHEMA} IS '{stamp()}'")
    made = catalog(conn)
    sheet, sealed = sealing.seal_if_plain(conn, f"{where.user} (server superuser)")
    return Upgraded(
        where.label(),
        before,
        _revision(conn),
        tuple(migrate.revisions_after(before)),
        sum(1 for k in made if k.startswith("function ")),
        sum(1 for k in made if k.startswith("trigger ")),
        sum(1 for k in made if k.startswith("policy ")),
        tuple(sorted(k for k in found.keys() | made.keys() if found.get(k) != made.get(k))),
        (sum(rows.values()), sum(_rows(conn).values())),
        sheet,
        sealed,
    )


def stamp() -> str:
    """What the schema's comment says of the program that last made its rules."""
    return json.dumps({"program": __version__})


def _version(words: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in words.split("."))


def _revision(conn: Connection) -> str:
    return str(conn.execute(text(f"SELECT version_num FROM {SCHEMA}.alembic_version")).scalar())


def _newer(conn: Connection, revision: str) -> str | None:
    """How a newer program has left the server ("schema revision 0042", "version 1.4.0"),
    or None."""
    if revision not in migrate.known_revisions():
        return f"schema revision {revision}"
    comment = conn.execute(text(f"SELECT obj_description('{SCHEMA}'::regnamespace)")).scalar()
    try:
        program = str(json.loads(comment or "{}").get("program", ""))
    except (ValueError, AttributeError):
        program = ""
    if program and _version(program) > _version(__version__):
        return f"version {program}"
    return None


def _rows(conn: Connection) -> dict[str, int]:
    tables = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY 1"), {"s": SCHEMA}
    ).scalars()
    return {
        t: int(conn.execute(text(f'SELECT count(*) FROM {SCHEMA}."{t}"')).scalar_one())
        for t in list(tables)
    }


# The drop statements for what install_rules makes, whatever made it.
_IN_SCHEMA = f"n.nspname = '{SCHEMA}'"
_TRIGGERS = (
    "SELECT 'DROP TRIGGER ' || quote_ident(t.tgname) || ' ON ' || quote_ident(n.nspname) || '.' "
    "|| quote_ident(c.relname) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_IN_SCHEMA} AND NOT t.tgisinternal"
)
_POLICIES = (
    "SELECT 'DROP POLICY ' || quote_ident(p.polname) || ' ON ' || quote_ident(n.nspname) || '.' "
    "|| quote_ident(c.relname) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
    f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_IN_SCHEMA}"
)
_FUNCTIONS = (
    "SELECT 'DROP FUNCTION ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' "
    "|| pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p "
    f"JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {_IN_SCHEMA} AND p.prokind = 'f'"
)
# Everyone granted anything on the schema or its tables, besides its owner.
_GRANTEES = (
    "SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee "
    f"WHERE {_IN_SCHEMA} AND r.rolname <> '{OWNER}' UNION "
    "SELECT r.rolname FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL aclexplode(t.attacl) a "
    f"JOIN pg_roles r ON r.oid = a.grantee WHERE {_IN_SCHEMA} AND r.rolname <> '{OWNER}' UNION "
    "SELECT r.rolname FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a "
    f"JOIN pg_roles r ON r.oid = a.grantee WHERE {_IN_SCHEMA} AND r.rolname <> '{OWNER}'"
)


def _drop(conn: Connection, kind: str) -> None:
    for statement in list(conn.execute(text(kind)).scalars()):
        conn.exec_driver_sql(statement)


def _revoke_grants(conn: Connection) -> None:
    """Every grant on the schema, its tables (their columns too) and sequences, to anyone
    but the owner: install_rules grants what this version grants, nothing else stays."""
    found = set(conn.execute(text(_GRANTEES)).scalars())
    grantees = ", ".join(["PUBLIC", *sorted({*ALL_STAFF, REGISTRAR, *found})])
    for what in (f"ALL TABLES IN SCHEMA {SCHEMA}", f"ALL SEQUENCES IN SCHEMA {SCHEMA}"):
        conn.exec_driver_sql(f"REVOKE ALL ON {what} FROM {grantees}")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM {grantees}")


# The schema as the server describes it, one (name, definition) row per object. Read
# with search_path = pg_catalog, so every name in a definition is schema-qualified alike.
_ACL = "coalesce((SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest({}) a), '')"
_CATALOG = (
    "SELECT 'schema ' || n.nspname, pg_get_userbyid(n.nspowner) || ' ' || "
    + _ACL.format("n.nspacl")
    + f" FROM pg_namespace n WHERE {_IN_SCHEMA}",
    "SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
    "pg_get_functiondef(p.oid) || ' owner ' || pg_get_userbyid(p.proowner) || ' ' || "
    + _ACL.format("p.proacl")
    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    f"WHERE {_IN_SCHEMA} AND p.prokind = 'f'",
    "SELECT 'trigger ' || t.tgname || ' on ' || c.relname, "
    "pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE {_IN_SCHEMA} AND NOT t.tgisinternal",
    "SELECT 'policy ' || p.polname || ' on ' || c.relname, concat_ws(' ', p.polcmd, "
    "p.polpermissive, (SELECT string_agg(CASE r WHEN 0 THEN 'public' "
    "ELSE pg_get_userbyid(r) END, ',' ORDER BY 1) FROM unnest(p.polroles) r), "
    "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)) "
    "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
    f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_IN_SCHEMA}",
    "SELECT CASE c.relkind WHEN 'i' THEN 'index ' WHEN 'S' THEN 'sequence ' ELSE 'table ' END "
    "|| c.relname, concat_ws(' ', c.relkind, pg_get_userbyid(c.relowner), c.relrowsecurity, "
    "c.relforcerowsecurity, CASE c.relkind WHEN 'i' THEN pg_get_indexdef(c.oid) END) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE {_IN_SCHEMA} AND c.relkind IN ('r', 'p', 'i', 'S', 'v', 'm')",
    "SELECT 'privileges on ' || c.relname, "
    + _ACL.format("c.relacl")
    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE {_IN_SCHEMA} AND c.relacl IS NOT NULL",
    "SELECT 'column ' || c.relname || '.' || t.attname, concat_ws(' ', "
    "format_type(t.atttypid, t.atttypmod), t.attnotnull, pg_get_expr(d.adbin, d.adrelid)) "
    "FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attrdef d ON d.adrelid = t.attrelid AND d.adnum = t.attnum "
    f"WHERE {_IN_SCHEMA} AND c.relkind IN ('r', 'p') AND t.attnum > 0 AND NOT t.attisdropped",
    "SELECT 'column privileges on ' || c.relname, string_agg(t.attname || ' ' || "
    + _ACL.format("t.attacl")
    + ", '; ' ORDER BY t.attname) FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    # A dropped column keeps the grants it had (a migration that rebuilt row_version,
    # which the desk now reads): inert, so not part of what the program defines.
    f"WHERE {_IN_SCHEMA} AND t.attacl IS NOT NULL AND NOT t.attisdropped GROUP BY c.relname",
    "SELECT 'constraint ' || o.conname || ' on ' || c.relname, pg_get_constraintdef(o.oid) "
    "FROM pg_constraint o JOIN pg_class c ON c.oid = o.conrelid "
    f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_IN_SCHEMA}",
)


def catalog(conn: Connection) -> dict[str, str]:
    """Every object of the practice's schema, named ("function clarity.me()" style, less
    the schema) and described as the server has it: what an upgrade changed is where two
    catalogs differ."""
    was = conn.execute(text("SELECT current_setting('search_path')")).scalar_one()
    conn.execute(text("SELECT set_config('search_path', 'pg_catalog', true)"))
    found = {
        str(name): str(definition)
        for query in _CATALOG
        for name, definition in conn.execute(text(query))
    }
    conn.execute(text("SELECT set_config('search_path', :p, true)"), {"p": was})
    return found

"""Making a practice server (``server init``) and the administrator's work on it.

``initialise`` runs once, as the server's superuser (the practice's database
administrator, with the database already created): it builds the schema, the roles and
the first administrator's login, and keeps the public half of the practice's recovery key
(encryption/recovery.py), whose private half the caller prints and the server never sees. Everything after is done by that administrator through
their own login, so the server's rules apply to them too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Connection, text

from clarity_desktop.domain.clock import utcnow
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.store import keys, migrate
from clarity_desktop.store.errors import PracticeExists
from clarity_desktop.store.postgres import keytables, logins, schema, upgrade
from clarity_desktop.store.postgres.address import ServerAddress, check_name
from clarity_desktop.store.postgres.connect import make_engine

SIGNATURE = "clarity-practice-server"
FIRST_STAFF_ID = 101


def is_practice(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema.SCHEMA}
    ).first()
    return found is not None


def initialise(
    superuser: ServerAddress,
    superuser_password: str,
    *,
    practice_name: str,
    admin_login: str,
    admin_name: str,
    admin_password: str,
    recovery_public: bytes,
    recovery_signer: str | None = None,
    kdf: keys.KdfParams | None = None,
    before_commit: Callable[[], None] | None = None,
) -> str:
    """Build the practice in *superuser*'s database, all in one transaction: either the
    whole practice is there afterwards, or nothing is. Returns the practice's id.
    *before_commit* runs last inside the transaction (the recovery sheet shown: if it
    raises, nothing was made)."""
    check_name(superuser.dbname, "database")
    check_name(admin_login, "login")
    engine = make_engine(superuser, superuser_password, pool_size=1)
    practice_id = str(uuid.uuid4())
    try:
        with engine.begin() as conn:
            if is_practice(conn):
                raise PracticeExists(
                    ErrorCode.SERVER_ALREADY_PRACTICE, dbname=superuser.dbname, host=superuser.host
                )
            schema.install(conn, superuser.dbname)
            conn.exec_driver_sql(f"COMMENT ON SCHEMA {schema.SCHEMA} IS '{upgrade.stamp()}'")
            conn.execute(text(f"SET LOCAL search_path = {schema.SCHEMA}"))
            conn.execute(
                text(
                    "INSERT INTO practice_info (id, practice_id, signature, clinician_name, "
                    "clinician_credentials, is_demo, created_at) "
                    "VALUES (1, :p, :s, :n, '', false, :at)"
                ),
                {"p": practice_id, "s": SIGNATURE, "n": practice_name.strip(), "at": _now()},
            )
            conn.execute(
                text("INSERT INTO alembic_version (version_num) VALUES (:v)"),
                {"v": migrate.head_revision()},
            )
            # Staff ids start past a solo practice's users (its clinician is user 1), so a
            # solo practice moved in keeps its ids, and its audit chain and seals hold.
            conn.execute(
                text(f"SELECT setval(pg_get_serial_sequence('users', 'id'), {FIRST_STAFF_ID - 1})")
            )
            logins.create_login(conn, admin_login, admin_password, Role.ADMINISTRATOR)
            keytables.set_practice_key(conn, keytables.RECOVERY, recovery_public, recovery_signer)
            logins.add_staff(
                conn,
                admin_login,
                admin_name,
                "",
                Role.ADMINISTRATOR,
                admin_password,
                kdf,
                own_password=True,  # she chose it herself, on this computer
            )
            if before_commit is not None:
                before_commit()
    finally:
        engine.dispose()
    return practice_id


def _now() -> object:
    return utcnow().replace(tzinfo=None)

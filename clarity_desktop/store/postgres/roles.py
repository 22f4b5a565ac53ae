"""The server's roles: who may log in and what each kind of staff member may touch.

Group roles are cluster-wide and shared by every practice database on the server; staff
logins are members of one of them. The schema and every table belong to ``clarity_owner``,
which cannot log in: nobody works as the owner, and row-level security is FORCEd so that
even the owner's functions see only what their policies let through.

Nobody's login may create or change roles either: CREATEROLE would let an administrator
grant herself the owner (or a clinician's group) and read every note. Logins are made and
closed by ``clarity_registrar``, which cannot log in and acts only through two functions
(schema.py's open_login and close_login) that an administrator may call and that accept
nothing but a staff login in one of the groups below.
"""

from __future__ import annotations

from clarity_desktop.domain.identity import Role

OWNER = "clarity_owner"
REGISTRAR = "clarity_registrar"
GROUP: dict[Role, str] = {
    Role.CLINICIAN: "clarity_clinician",
    Role.SUPERVISOR: "clarity_supervisor",
    Role.ADMINISTRATOR: "clarity_admin",
    Role.FRONT_DESK: "clarity_front_desk",
}
CARE = (GROUP[Role.CLINICIAN], GROUP[Role.SUPERVISOR])  # those who keep clinical records
ALL_STAFF = tuple(GROUP.values())


def create_groups_sql() -> str:
    """Idempotent: a second practice database on the same server reuses the roles."""
    names = (OWNER, *ALL_STAFF)
    lines = [
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{n}') THEN "
        f"CREATE ROLE {n} NOLOGIN; END IF;"
        for n in names
    ]
    lines.append(
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{REGISTRAR}') THEN "
        f"CREATE ROLE {REGISTRAR} NOLOGIN CREATEROLE; END IF;"
    )
    # From PostgreSQL 16 CREATEROLE alone no longer lets one hand out a role: the registrar
    # holds each group with ADMIN, but neither inherits its rights nor may SET to it.
    grants = " ".join(
        f"EXECUTE 'GRANT {g} TO {REGISTRAR} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE';"
        for g in ALL_STAFF
    )
    lines.append(f"IF current_setting('server_version_num')::int >= 160000 THEN {grants} END IF;")
    return "DO $$ BEGIN " + " ".join(lines) + " END $$"

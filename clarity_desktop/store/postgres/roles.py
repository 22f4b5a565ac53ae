"""The server's roles: who may log in and what each kind of staff member may touch.

Group roles are cluster-wide and shared by every practice database on the server; staff
logins are members of one of them. The schema and every table belong to ``clarity_owner``,
which cannot log in: nobody works as the owner, and row-level security is FORCEd so that
even the owner's functions see only what their policies let through.
"""

from __future__ import annotations

from clarity_desktop.domain.identity import Role

OWNER = "clarity_owner"
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
    return "DO $$ BEGIN " + " ".join(lines) + " END $$"

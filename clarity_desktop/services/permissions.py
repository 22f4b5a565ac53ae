"""Who may do what: the one place a service asks before it reads or writes.

A solo practice has one user, a clinician, who may do everything; they pass through the
same check a group practice will use, so nothing in the services knows there is only
one. The check comes before the unit of work is entered: a refused action reads and
writes nothing, not even an audit row. (In a group practice the database will enforce
access as well; this module is what the program itself asks.)
"""

from __future__ import annotations

from enum import StrEnum

from clarity_desktop.domain.errors import NotPermitted, Phrase
from clarity_desktop.domain.identity import Principal, Role


class Permission(StrEnum):
    READ_RECORDS = "read_records"  # cases, sessions, notes, readings, the day, search
    WRITE_RECORDS = "write_records"  # create and change cases, sessions, drafts, markers
    SIGN = "sign"  # sign a note, add an addendum
    MAKE_DOCUMENTS = "make_documents"  # print, export or preview a document or a case
    READ_AUDIT = "read_audit"  # the audit log
    RUN_PRACTICE = "run_practice"  # backups, imports
    MANAGE_STAFF = "manage_staff"  # a practice server's logins, assignments, supervision
    OVERSEE_ACCESS = "oversee_access"  # the practice's live emergency grants
    # The practice's schedule and its clients' contact details: who comes when, to whom,
    # and how to reach them; never what is said (services/front_desk.py).
    READ_SCHEDULE = "read_schedule"


# What each permission lets a person do, as the refusal says it.
DOING: dict[Permission, Phrase] = {
    Permission.READ_RECORDS: Phrase.READ_RECORDS,
    Permission.WRITE_RECORDS: Phrase.CHANGE_RECORDS,
    Permission.SIGN: Phrase.SIGN_RECORDS,
    Permission.MAKE_DOCUMENTS: Phrase.MAKE_DOCUMENTS,
    Permission.READ_AUDIT: Phrase.READ_AUDIT,
    Permission.RUN_PRACTICE: Phrase.RUN_PRACTICE,
    Permission.MANAGE_STAFF: Phrase.MANAGE_STAFF,
    Permission.OVERSEE_ACCESS: Phrase.OVERSEE_ACCESS,
    Permission.READ_SCHEDULE: Phrase.READ_SCHEDULE,
}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLINICIAN: frozenset(Permission) - {Permission.MANAGE_STAFF, Permission.OVERSEE_ACCESS},
    Role.ADMINISTRATOR: frozenset(
        {
            Permission.RUN_PRACTICE,
            Permission.READ_AUDIT,
            Permission.MANAGE_STAFF,
            Permission.OVERSEE_ACCESS,
        }
    ),
    Role.SUPERVISOR: frozenset(Permission) - {Permission.MANAGE_STAFF},
    # The front desk keeps the day running; the server gives them no clinical table at all.
    Role.FRONT_DESK: frozenset({Permission.READ_SCHEDULE}),
}


def allows(principal: Principal, permission: Permission) -> bool:
    return permission in GRANTS.get(principal.role, frozenset())


def require(principal: Principal, *permissions: Permission) -> None:
    """Raise NotPermitted, naming the user and what they may not do, unless *principal*
    holds every one of *permissions*."""
    for permission in permissions:
        if not allows(principal, permission):
            raise NotPermitted(principal.display_name, DOING[permission])

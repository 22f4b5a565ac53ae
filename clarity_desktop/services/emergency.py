"""Emergency access ("break the glass") in a group practice: a clinician opens a case not
assigned to them, for themselves alone and for a few hours at most, saying why. The grant
and its audit row commit together, so no grant exists that the audit does not show; the
server refuses a grant for anyone else or for longer than allowed (store/postgres/schema.py).

Supervisors and administrators see the live grants, to follow each one up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.emergency import check_request
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.roster import EmergencyGrant

DEFAULT_MINUTES = 60


@dataclass(frozen=True)
class Grant:
    id: int
    clinician: str  # who opened the case
    case_id: int
    reason: str
    since: datetime  # aware, UTC
    until: datetime


def open_in_emergency(
    opened: OpenPractice, case_id: int, reason: str, minutes: int = DEFAULT_MINUTES
) -> Grant:
    """Grant the signed-in clinician *case_id* for *minutes* (at most MAX_HOURS hours),
    with the audit row naming the reason. Returns the grant as the server stamped it."""
    require(opened.principal, Permission.READ_RECORDS)
    clean = check_request(reason, minutes)
    with opened.uow() as uow:
        grant_id = opened.backend.grant_emergency(uow.session, case_id, clean, minutes)
        uow.audit(
            AuditAction.EMERGENCY_ACCESS,
            "case",
            case_id,
            case_id,
            detail=f"{minutes} min: {clean}",
        )
        mine = [g for g in opened.backend.live_grants(uow.session) if g.id == grant_id]
        uow.commit()
    return _grant(mine[0])


def live_grants(opened: OpenPractice) -> list[Grant]:
    """Every emergency grant not yet ended, newest first, for a supervisor or an
    administrator to follow up."""
    require(opened.principal, Permission.OVERSEE_ACCESS)
    with opened.uow() as uow:
        return [_grant(g) for g in opened.backend.live_grants(uow.session)]


def my_grants(opened: OpenPractice) -> list[Grant]:
    """The signed-in clinician's own live grants (the server shows them only theirs)."""
    require(opened.principal, Permission.READ_RECORDS)
    with opened.uow() as uow:
        return [
            _grant(g)
            for g in opened.backend.live_grants(uow.session)
            if g.user_id == opened.principal.user_id
        ]


def _grant(g: EmergencyGrant) -> Grant:
    return Grant(g.id, g.display_name, g.case_id, g.reason, as_utc(g.granted_at), as_utc(g.until))

"""Emergency access ("break the glass") in a group practice: a clinician opens a case not
assigned to them, for themselves alone and for a few hours at most, saying why. The grant
and its audit row commit together, so no grant exists that the audit does not show; the
server refuses a grant for anyone else or for longer than allowed (store/postgres/schema.py).

Supervisors and administrators see the grants (grant_log: live and ended, newest first), to
follow each one up. A clinician chooses the case by name (cases_to_open): the server's
case_names() tells any live staff member every case's name and status, nothing more, and
the grant itself is what opens the case's rows to her.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.emergency import check_request
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.models import Case
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
    case_name: str = ""
    live: bool = True  # by the server's clock when it was read


@dataclass(frozen=True)
class CaseChoice:
    """A case the clinician cannot open now, by name only."""

    case_id: int
    display_name: str
    status: CaseStatus


def cases_to_open(opened: OpenPractice) -> list[CaseChoice]:
    """The practice's cases the signed-in clinician cannot open now (not assigned, not a
    supervisee's, no live grant), by name: the ones emergency access is for."""
    require(opened.principal, Permission.READ_RECORDS)
    with opened.uow().reading() as s:
        everyone = opened.backend.case_names(s)
        mine = set(s.scalars(select(Case.id)))
    return [
        CaseChoice(c.case_id, c.display_name, c.status) for c in everyone if c.case_id not in mine
    ]


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
            # The reason is kept with the grant, encrypted (grant_reasons.py): the audit
            # trail is in the clear on the server.
            detail=f"{minutes} min, grant {grant_id}",
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


def grant_log(opened: OpenPractice) -> list[Grant]:
    """Every emergency grant, live or ended, newest first, with its case's name: for a
    supervisor or an administrator to review."""
    require(opened.principal, Permission.OVERSEE_ACCESS)
    with opened.uow() as uow:
        return [_grant(g) for g in opened.backend.grant_log(uow.session)]


def live_grant_for(opened: OpenPractice, case_id: int) -> Grant | None:
    """The signed-in clinician's live grant of *case_id* (the one ending last), if any: the
    case shows how long it stays open to her."""
    mine = [g for g in my_grants(opened) if g.case_id == case_id]
    return max(mine, key=lambda g: g.until) if mine else None


def _grant(g: EmergencyGrant) -> Grant:
    return Grant(
        g.id,
        g.display_name,
        g.case_id,
        g.reason,
        as_utc(g.granted_at),
        as_utc(g.until),
        g.case_name,
        g.live,
    )

"""Sharing a case's key, never silently (issue 14, the lead's answer 4).

When someone is given access to a case (an administrator assigns it, a supervision link,
an emergency grant) the server lets them open the case but its text stays locked for them
(domain/locked_text.py). Those who hold the case's key see, on their Today view, "Eli
Brooks was given access to Robin Vale by Ada Lind: share the case's key?" and approve or
leave it for now. Approving checks the reader's key certificate against their own signing
key and wraps the key for them (store/postgres/key_sharing.py); the audit row says who
shared it with whom. Nobody's program shares a key on its own: an administrator who
assigns a case to a login of her own reads ciphertext until a holder approves.

A supervisor who holds the practice emergency key is asked the same way about each
further supervisor who does not (how EMERGENCY_KEY, no case): the key opens every case in
an emergency, so it is never handed over unasked either.

A solo practice has nobody to share with: its list is always empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.services.permissions import Permission, allows, require
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.models import Case
from clarity_desktop.store.roster import EMERGENCY_KEY, KeyShare

__all__ = ["EMERGENCY_KEY", "ShareRequest", "pending_shares", "share_case_key"]


@dataclass(frozen=True)
class ShareRequest:
    """*reader_name* was given access to *case_name* by *given_by* (*how*: assigned,
    supervision or emergency); the signed-in person holds the case's key and they do not."""

    case_id: int
    case_name: str
    reader: int
    reader_name: str
    how: str
    given_by: str


def pending_shares(opened: OpenPractice) -> list[ShareRequest]:
    """What the signed-in person is asked to share, oldest case first. Empty for anyone who
    keeps no clinical records (they hold no case key)."""
    if not allows(opened.principal, Permission.READ_RECORDS):
        return []
    with opened.uow().reading() as db:
        shares = opened.backend.key_shares(db)
        ids = sorted({s.case_id for s in shares})
        names = dict(db.execute(select(Case.id, Case.display_name).where(Case.id.in_(ids))).all())
    return [_request(s, str(names.get(s.case_id, ""))) for s in shares]


def share_case_key(opened: OpenPractice, case_id: int, reader: int) -> ShareRequest:
    """Approve one request: the key wrapped for *reader*, and the audit row, together."""
    require(opened.principal, Permission.READ_RECORDS)
    with opened.uow() as uow:
        shared = opened.backend.share_case_key(uow.session, case_id, reader)
        if shared.how == EMERGENCY_KEY:  # the practice's, not a case's
            detail = f"emergency key shared with {shared.reader_name}"
            uow.audit(AuditAction.KEY_SHARED, "user", reader, detail=detail)
            uow.commit()
            return _request(shared, "")
        name = uow.session.scalar(select(Case.display_name).where(Case.id == case_id)) or ""
        detail = f"shared with {shared.reader_name} ({shared.how}, given by {shared.given_by})"
        uow.audit(AuditAction.KEY_SHARED, "case", case_id, case_id, detail=detail)
        uow.commit()
    return _request(shared, str(name))


def _request(s: KeyShare, case_name: str) -> ShareRequest:
    return ShareRequest(s.case_id, case_name, s.reader, s.reader_name, s.how, s.given_by)

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

The practice's directory key (client names and contacts) is shared the same way: a new
staff member with a key pair of their own shows on every holder's list as "Fran Diaz
joined the practice: share the client directory?" (case 0, *how* "joined"); until then
every client's name reads to them as a short locked stand-in.

A solo practice has nobody to share with: its list is always empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.services.permissions import Permission, allows, require
from clarity_desktop.store import directory
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.roster import EMERGENCY_KEY, EMERGENCY_KEY_CASE, KeyShare

__all__ = [
    "DIRECTORY",
    "EMERGENCY_KEY",
    "EMERGENCY_KEY_CASE",
    "ShareRequest",
    "pending_shares",
    "share_case_key",
]

DIRECTORY = 0  # the case id of a request for the directory key
JOINED = "joined"


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

    @property
    def is_directory(self) -> bool:
        return self.case_id == DIRECTORY


def pending_shares(opened: OpenPractice) -> list[ShareRequest]:
    """What the signed-in person is asked to share: the directory first, then the cases,
    oldest first. Anyone holding the directory key (front desk and administrator too) is
    asked about it; case keys only those who keep clinical records hold."""
    records = allows(opened.principal, Permission.READ_RECORDS)
    with opened.uow().reading() as db:
        shares = [s for s in opened.backend.key_shares(db) if records or s.case_id == DIRECTORY]
        names = directory.case_names(db, {s.case_id for s in shares} - {DIRECTORY})
    return [_request(s, names.get(s.case_id, "")) for s in shares]


def share_case_key(opened: OpenPractice, case_id: int, reader: int) -> ShareRequest:
    """Approve one request: the key wrapped for *reader*, and the audit row, together."""
    if case_id != DIRECTORY:
        require(opened.principal, Permission.READ_RECORDS)
    with opened.uow() as uow:
        shared = opened.backend.share_case_key(uow.session, case_id, reader)
        if shared.how == EMERGENCY_KEY:  # the practice's, not a case's
            detail = f"emergency key shared with {shared.reader_name}"
            uow.audit(AuditAction.KEY_SHARED, "user", reader, detail=detail)
            uow.commit()
            return _request(shared, "")
        if case_id == DIRECTORY:
            detail = f"client directory shared with {shared.reader_name} (joined)"
            uow.audit(AuditAction.KEY_SHARED, "directory", None, None, detail=detail)
            name = ""
        else:
            name = directory.case_names(uow.session, {case_id}).get(case_id, "")
            detail = f"shared with {shared.reader_name} ({shared.how}, given by {shared.given_by})"
            uow.audit(AuditAction.KEY_SHARED, "case", case_id, case_id, detail=detail)
        uow.commit()
    return _request(shared, name)


def _request(s: KeyShare, case_name: str) -> ShareRequest:
    return ShareRequest(s.case_id, case_name, s.reader, s.reader_name, s.how, s.given_by)

"""Why a colleague opened a case in an emergency, encrypted under the client directory key.

The reason is free text typed in a hurry, and it often says something clinical ("she
called in crisis; Dana is away"). Supervisors and administrators read it to follow each
grant up, and they hold the directory key, as does the clinician who wrote it; the server
does not. It is bound to its grant (table, id, column), so a reason moved to another grant
does not open. The grant's audit row names the grant and its length, not the reason.

A reason stored before this version is plain text: it is shown as it is (the grant row is
no more tamper-evident than before: a superuser could always add a grant), and a sealed
server's rule (ciphertext_checks.py) refuses any new plain one.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clarity_desktop.domain.locked_text import LOCKED_REASON
from clarity_desktop.store.postgres import directory_rows
from clarity_desktop.store.postgres.encryption import values

TABLE, COLUMN = "emergency_grants", "reason"


def place(grant_id: int) -> values.Place:
    return values.Place(TABLE, (grant_id,), COLUMN, 0)


def seal(session: Session, grant_id: int, reason: str) -> str:
    """*reason* as stored for grant *grant_id* (its id taken before the INSERT)."""
    ring = directory_rows.ring_to_write(session)
    return values.encrypt(reason, ring.newest, place(grant_id))


def opened(session: Session, grant_id: int, stored: str, ring: values.KeyRing | None) -> str:
    """The reason as written; "Reason locked" for a reader without the directory key."""
    if not stored.startswith(values.PREFIX):
        return stored  # written before reasons were encrypted
    if ring is None:
        return LOCKED_REASON
    return values.decrypt(stored, ring, place(grant_id))

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

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.locked_text import LOCKED_REASON
from clarity_desktop.store.postgres import directory_rows
from clarity_desktop.store.postgres.encryption import values
from clarity_desktop.store.postgres.encryption.values import EncryptionError

TABLE, COLUMN = "emergency_grants", "reason"


def place(grant_id: int) -> values.Place:
    return values.Place(TABLE, (grant_id,), COLUMN, 0)


def seal(session: Session, grant_id: int, reason: str) -> str:
    """*reason* as stored for grant *grant_id* (its id taken before the INSERT); refused
    in words for someone the directory was not shared with yet."""
    try:
        return seal_words(session, place(grant_id), reason)
    except EncryptionError as exc:
        if exc.code is ErrorCode.ENCRYPTION_DIRECTORY_NOT_HELD:
            raise EncryptionError(ErrorCode.EMERGENCY_NEEDS_DIRECTORY) from exc
        raise


def opened(session: Session, grant_id: int, stored: str, ring: values.KeyRing | None) -> str:
    """The reason as written; "Reason locked" for a reader without the directory key."""
    return open_words(place(grant_id), stored, ring)


def seal_words(session: Session, where: values.Place, words: str) -> str:
    """Staff's free words (a reason) under the directory key, bound to *where*."""
    ring = directory_rows.ring_to_write(session)
    return values.encrypt(words, ring.newest, where)


def open_words(where: values.Place, stored: str, ring: values.KeyRing | None) -> str:
    if not stored.startswith(values.PREFIX):
        return stored  # written before such words were encrypted
    if ring is None:
        return LOCKED_REASON
    return values.decrypt(stored, ring, where)

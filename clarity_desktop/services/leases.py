"""Two people, one note: who has a note open for editing, and taking over from them.

The note editor takes a note's edit lease when it opens a draft and lets it go when it
leaves it; whoever opens the note meanwhile gets it read-only, with the holder's name and
since when. The lease only spares people the comparison of two versions; it is not what
keeps a save from overwriting another (row_version is: services/notes.py), so a lease
lost to a dropped connection never costs a word.

Taking over ("Take over editing") ends the holder's lease: for their supervisor, an
administrator, or the holder themself from another program. The server decides who may
(store/postgres/leases.py); the audit row naming the holder and the reason commits in the
same transaction. A solo practice has one clinician: every lease is granted, none is held.
"""

from __future__ import annotations

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, NotPermitted, Phrase, ValidationError
from clarity_desktop.services.permissions import Permission, allows
from clarity_desktop.store import directory
from clarity_desktop.store.backend import BreakOutcome, Lease, LeaseHolder, OpenPractice

__all__ = ["Lease", "LeaseHolder", "break_lease", "hold_lease", "lease_holder", "take_over"]

MAX_REASON = 500
_TRIES = 3  # the holder changed between our look and our break: look again


def reason_place(note_id: int) -> tuple[str, tuple[int, ...], str]:
    """Where a take-over's reason is bound: the note's audit rows (services/audit.py)."""
    return ("audit_events", (note_id,), "lease_reason")


def _require_staff(opened: OpenPractice) -> None:
    """Those who keep records, and the administrator (who reads no notes but may free
    one); the front desk has no part in notes at all."""
    p = opened.principal
    if not (allows(p, Permission.WRITE_RECORDS) or allows(p, Permission.MANAGE_STAFF)):
        raise NotPermitted(p.display_name, Phrase.TAKE_OVER_EDITING)


def hold_lease(opened: OpenPractice, note_id: int) -> Lease | LeaseHolder:
    """The note, ours to edit until the lease is released (or the program ends); or who
    has it open for editing now."""
    if not allows(opened.principal, Permission.WRITE_RECORDS):
        raise NotPermitted(opened.principal.display_name, Phrase.CHANGE_RECORDS)
    return opened.backend.hold_lease(opened, note_id)


def lease_holder(opened: OpenPractice, note_id: int) -> LeaseHolder | None:
    """Who has the note open for editing (None: nobody, or a program that has gone)."""
    _require_staff(opened)
    return opened.backend.lease_holder(opened, note_id)


def break_lease(opened: OpenPractice, note_id: int, reason: str) -> LeaseHolder | None:
    """End whoever's lease on the note, with *reason* in the audit row; the holder whose
    lease was ended, or None when nobody held it (nothing is written then)."""
    _require_staff(opened)
    why = " ".join(reason.split())
    if not why:
        raise ValidationError(ErrorCode.LEASE_REASON_NEEDED, "reason")
    why = why[:MAX_REASON]
    for _ in range(_TRIES):
        holder = opened.backend.lease_holder(opened, note_id)
        if holder is None:
            return None
        if not holder.may_take_over:
            raise NotPermitted(opened.principal.display_name, Phrase.TAKE_OVER_EDITING)
        with opened.uow() as uow:
            # On a practice server the reason is encrypted (the audit is in the clear there).
            said = directory.seal_words(uow.session, *reason_place(note_id), why)
            uow.audit(
                AuditAction.LEASE_BROKEN,
                "note",
                note_id,
                holder.case_id,
                detail=f"{holder.name} (user {holder.user_id}): {said}",
            )
            outcome = opened.backend.break_lease(uow.session, note_id, holder.user_id, why)
            if outcome is BreakOutcome.BROKEN:
                uow.commit()
                return holder
            if outcome is BreakOutcome.REFUSED:
                raise NotPermitted(opened.principal.display_name, Phrase.TAKE_OVER_EDITING)
            if outcome is BreakOutcome.FREE:
                return None  # let go meanwhile: the audit row is rolled back
    return None


def take_over(opened: OpenPractice, note_id: int, reason: str) -> Lease | LeaseHolder:
    """Take over editing: end the holder's lease (audited) and take it. Who holds it
    instead, should someone else have been quicker."""
    break_lease(opened, note_id, reason)
    return hold_lease(opened, note_id)

"""Every action the audit log records, in one enum.

The unit of work refuses any other value (store/uow.py), so a misspelt action can never
reach the hash-chained log, and the audit viewer's filter lists exactly these. The values
are what the log has always stored: rows written by earlier versions read as members.
"""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    # Records
    CREATED = "created"
    VIEWED = "viewed"
    CHANGED = "changed"
    SIGNED = "signed"
    SEALED = "sealed"
    ADDENDUM_ADDED = "addendum_added"
    CLOSED = "closed"
    REOPENED = "reopened"
    SEARCHED = "searched"
    # The therapist's day
    SCHEDULED = "scheduled"
    STARTED = "started"
    RESCHEDULED = "rescheduled"
    CORRECTED = "corrected"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    DISCARDED = "discarded"
    MARKER_ADDED = "marker_added"
    MARKER_CHANGED = "marker_changed"
    MARKER_REMOVED = "marker_removed"
    ANSWERS_REMOVED = "answers_removed"
    HANDOUT_GIVEN = "handout_given"
    # Documents: one row once the document exists
    EXPORTED = "exported"
    PRINTED = "printed"
    PREVIEWED = "previewed"
    # The practice
    UNLOCKED = "unlocked"
    UNLOCK_FAILED = "unlock_failed"
    ATTEMPTS_RECORD_ALTERED = "attempts_record_altered"
    ATTEMPTS_RECORD_UNVERIFIED = "attempts_record_unverified"
    ACCEPTED_MISSING_WORK = "accepted_missing_work"
    BACKUP = "backup"
    RESTORED = "restored"
    IMPORTED = "imported"
    PASSPHRASE_CHANGED = "passphrase_changed"
    PASSPHRASE_RESET = "passphrase_reset"
    # A practice server's staff
    STAFF_ADDED = "staff_added"
    STAFF_DISABLED = "staff_disabled"
    CASE_ASSIGNED = "case_assigned"
    CASE_UNASSIGNED = "case_unassigned"
    SUPERVISION_SET = "supervision_set"
    # Supervision: a note's review (services/supervision.py)
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    COSIGNED = "cosigned"
    SUPERVISION_ENDED = "supervision_ended"
    EMERGENCY_ACCESS = "emergency_access"  # a clinician opened a case not theirs, for a while
    KEY_SHARED = "key_shared"  # a case key holder wrapped it for someone given access
    KEY_ROTATED = "key_rotated"  # a new generation after someone who held the key left
    # Two people, one note: someone took over editing from whoever had it open
    LEASE_BROKEN = "lease_broken"


# What a document can be made for; each is also its audit row's action.
DOCUMENT_ACTIONS: tuple[AuditAction, ...] = (
    AuditAction.EXPORTED,
    AuditAction.PRINTED,
    AuditAction.PREVIEWED,
)

"""Supervision in a group practice: how closely a supervisor follows a supervisee's
notes, and where a note stands in its review.

A supervisee's mode (one per supervisor and supervisee, kept on the practice server):
view only (the supervisor reads the cases, nothing waits for them), review and approve
(a note is submitted, approved and only then signed), or review and co-sign (a note is
submitted, signed by its clinician and then co-signed by the supervisor in their own name).
A note's review is a list of dated rows, never changed; where it stands is the latest row.
"""

from __future__ import annotations

from enum import StrEnum


class SupervisionMode(StrEnum):
    VIEW = "view"
    APPROVE = "approve"
    COSIGN = "cosign"

    @property
    def reviews(self) -> bool:
        """Does the supervisor review notes before they are signed?"""
        return self is not SupervisionMode.VIEW


class ReviewState(StrEnum):
    SUBMITTED = "submitted"  # with the supervisor; the draft is read-only
    RETURNED = "returned"  # back with the supervisor's comment; a draft again
    APPROVED = "approved"  # the supervisor agrees with it as it stands; ready to sign
    COSIGNED = "cosigned"  # signed, then co-signed by the supervisor

    @property
    def holds_draft(self) -> bool:
        """While the supervisor has it, or has approved it as it stands, nobody edits it."""
        return self in (ReviewState.SUBMITTED, ReviewState.APPROVED)

"""Emergency access in a group practice: a clinician opens, for themselves and for a short
while, a case not assigned to them (a client in crisis while their clinician is away).

The rules are few and checked twice, here for a plain answer and again by the practice
server, which refuses a grant for anyone but the login itself or one that lasts longer
than MAX_HOURS (store/postgres/schema.py). Every grant is audited with its reason.
"""

from __future__ import annotations

from clarity_desktop.domain.errors import ErrorCode, ValidationError

MIN_REASON = 10  # characters: enough to say why, so the audit can be reviewed later
MAX_HOURS = 8  # one working day at most; a longer need is an assignment
MIN_MINUTES = 5


def check_request(reason: str, minutes: int) -> str:
    """The reason, trimmed; ValidationError when it is too short or the window is outside
    MIN_MINUTES..MAX_HOURS."""
    clean = reason.strip()
    if len(clean) < MIN_REASON:
        raise ValidationError(ErrorCode.EMERGENCY_REASON_SHORT, "reason", min_reason=MIN_REASON)
    if not MIN_MINUTES <= minutes <= MAX_HOURS * 60:
        raise ValidationError(ErrorCode.EMERGENCY_TOO_LONG, "minutes", max_hours=MAX_HOURS)
    return clean

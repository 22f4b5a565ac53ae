"""Errors a clinician can act on. Each message is one sentence in the user's words."""


class ClarityError(Exception):
    """Base for every error the program explains to its user."""


class ValidationError(ClarityError):
    """Input that cannot be saved as it is; nothing was changed."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(ClarityError):
    """A record the user asked for does not exist (any more)."""


class RecordLocked(ClarityError):
    """A signed note or an addendum cannot be changed."""


class PracticeBusy(ClarityError):
    """Another task held the practice's write lock for longer than we could wait; nothing
    was changed, and trying again shortly will work."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "Another task is writing to the practice just now (an import, a backup or "
            "another Clarity program); nothing was changed, so please try again in a moment."
        )

"""Errors a clinician can act on. Each carries a code and its parameters, never finished
text: ui/common/messages.py says it in the user's language, and the CLI prints the English of
domain/error_texts.py. str(error) is that English, so logs and tests read as before."""

from __future__ import annotations

from clarity_desktop.domain.error_codes import ErrorCode, Phrase
from clarity_desktop.domain.error_texts import english

__all__ = [
    "ClarityError",
    "DateWarning",
    "EditConflict",
    "ErrorCode",
    "NotFound",
    "NotPermitted",
    "Phrase",
    "PracticeBusy",
    "RecordLocked",
    "ValidationError",
    "Wording",
]


class ClarityError(Exception):
    """Base for every error the program explains to its user."""

    def __init__(self, code: ErrorCode, /, **params: object) -> None:
        if not isinstance(code, ErrorCode):  # finished text would never be translated
            raise TypeError(f"{type(self).__name__} needs an ErrorCode, not {code!r}")
        self.code = code
        self.params = params
        super().__init__(english(code, params))


class ValidationError(ClarityError):
    """Input that cannot be saved as it is; nothing was changed."""

    def __init__(self, code: ErrorCode, field: str | None = None, /, **params: object) -> None:
        super().__init__(code, **params)
        self.field = field


class DateWarning(ClarityError):
    """Never raised: a date that is possible but unlikely, for the user to confirm."""


class Wording(ClarityError):
    """Never raised: a part of another error's sentence, put in one of its slots (a reason,
    an item of a list), so that it is said in the user's language too."""


class NotFound(ClarityError):
    """A record the user asked for does not exist (any more)."""


class RecordLocked(ClarityError):
    """A signed note or an addendum cannot be changed."""


class EditConflict(ClarityError):
    """Someone else saved the record after this copy of it was read: nothing of this save
    was written. *theirs* is the record as it now stands, for the window to show beside
    the unsaved text so the clinician can choose or merge."""

    def __init__(self, code: ErrorCode, /, theirs: object = None, **params: object) -> None:
        super().__init__(code, **params)
        self.theirs = theirs


class PracticeBusy(ClarityError):
    """Another task held the practice's write lock for longer than we could wait; nothing
    was changed, and trying again shortly will work."""

    def __init__(self, code: ErrorCode = ErrorCode.PRACTICE_BUSY, /, **params: object) -> None:
        super().__init__(code, **params)


class NotPermitted(ClarityError):
    """The user acting may not do this; nothing was read or written."""

    def __init__(self, who: str, what: Phrase) -> None:
        super().__init__(ErrorCode.NOT_PERMITTED, who=who, what=what)
        self.who = who
        self.what = what

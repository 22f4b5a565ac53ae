"""What a reader sees in place of text whose key has not been shared with them.

On a practice server clinical text is encrypted per case (store/postgres/encryption). A
reader who may see a case but holds no key for it yet (a colleague just assigned, a
supervisor, an emergency grant before a key holder shares it) still opens the case: its
sessions, dates, steps and everything else kept plain. Each encrypted text then reads as
the one sentence below instead of raising, so no view has to know about keys; the window
shows it in the user's language (ui/common/locked.py), and anything that would write,
sign or seal such text is refused (ErrorCode.ENCRYPTION_KEY_NOT_HELD), and so is anything
that copies it into a document, brief or export (refuse_copy,
ErrorCode.ENCRYPTION_LOCKED_NOT_COPIED): on paper or in a file the sentence would read as
if it were what was written.

The store puts the sentence in as the value itself: a text column holds LOCKED_TEXT, a
note's sections hold {LOCKED_SECTION: LOCKED_TEXT}. Nobody writes exactly that sentence
as a whole note section by chance, and were they to, the worst is that it reads as locked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass

from clarity_desktop.domain.errors import ErrorCode, RecordLocked

LOCKED_TEXT = "This text is locked until someone who holds the case's key shares it with you."
LOCKED_SECTION = "locked"  # the one key of a locked note's sections
LOCKED_TITLE = "Locked text"
# A client's name or contact detail whose directory key this reader does not hold yet: a
# few words that fit a table cell, never the ciphertext (store/postgres/directory_rows.py).
LOCKED_NAME = "Name locked"
# The same for the reason a colleague gave for opening a case in an emergency.
LOCKED_REASON = "Reason locked"


def locked_sections() -> dict[str, str]:
    return {LOCKED_SECTION: LOCKED_TEXT}


def is_locked(value: object) -> bool:
    """Whether a stored text (or a note's sections) is the locked stand-in."""
    if isinstance(value, str):
        return value in (LOCKED_TEXT, LOCKED_NAME)
    if isinstance(value, Mapping):
        return dict(value) == locked_sections()
    return False


def any_locked(values: Mapping[str, object] | None) -> bool:
    """Whether any of a record's texts is locked (so it must not be signed or sealed)."""
    return any(is_locked(v) for v in (values or {}).values())


def holds_locked(value: object) -> bool:
    """Whether the sentence stands anywhere in *value*: a record's content as a seal holds
    it (nested lists and dicts, and JSON kept as text, such as a measure's answers), or a
    whole document or export made of frozen dataclasses, whatever part of it came from a
    locked column (a reading's words, a plan's goals, a marker's quote, a review comment)."""
    if isinstance(value, str):
        return LOCKED_TEXT in value
    if isinstance(value, Mapping):
        return any(holds_locked(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return any(holds_locked(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):  # a document, a view
        return any(holds_locked(getattr(value, f.name)) for f in fields(value))
    return False


def refuse_copy(values: Iterable[object]) -> None:
    """Refuse, in words, to copy a record's texts (sections, addenda, ...) into a document or
    export when any of them is locked: printed, the stand-in would pass for the note."""
    if any(is_locked(v) or holds_locked(v) for v in values):
        raise RecordLocked(ErrorCode.ENCRYPTION_LOCKED_NOT_COPIED)

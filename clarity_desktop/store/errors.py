"""The ways opening a practice can fail, each one clear sentence, and the tests that tell
a full disk and a read-only folder from damage."""

from __future__ import annotations

from pathlib import Path

from clarity_desktop.domain.errors import ClarityError, ErrorCode


class PracticeError(ClarityError):
    """Base for problems opening or creating a practice."""


class PracticeNotFound(PracticeError):
    pass


class NotAPractice(PracticeError):
    pass


class PracticeDamaged(PracticeError):
    pass


class WrongPassphrase(PracticeError):
    pass


class PracticeExists(PracticeError):
    pass


class PracticeTooNew(PracticeError):
    pass


class PracticeReadOnly(PracticeError):
    pass


class KeyFileDamaged(NotAPractice):
    """The key file is ours but damaged: said as such, never as a wrong passphrase."""


def key_file_damaged(folder: Path, exc: Exception) -> KeyFileDamaged:
    reason = str(exc).removeprefix("The practice key file is damaged.").strip()
    return KeyFileDamaged(
        ErrorCode.KEY_FILE_DAMAGED, detail=f" ({reason})" if reason else "", folder=folder
    )


class PracticeBehind(PracticeDamaged):
    """The database is behind its anchor: committed work is missing from it."""


class PracticeDiskFull(PracticeError):
    pass


ROOM_NEEDED = 1024 * 1024  # below this much free space, an I/O error means a full disk


def disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """SQLite's and the system's words for a full disk, as opposed to damage. SQLite often
    says only "disk I/O error" (its log or shared-memory file could not grow): then the
    free space on the practice's disk decides."""
    import errno
    import shutil

    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    words = str(exc).lower()
    if "disk is full" in words or "no space left" in words:
        return True
    if folder is not None and ("i/o error" in words or "unable to open" in words):
        try:
            return shutil.disk_usage(folder).free < ROOM_NEEDED
        except OSError:
            return False
    return False


def full_disk(folder: Path) -> PracticeDiskFull:
    return PracticeDiskFull(ErrorCode.DISK_FULL, folder=folder)


def read_only(folder: Path) -> PracticeReadOnly:
    return PracticeReadOnly(ErrorCode.FOLDER_READ_ONLY, folder=folder)


def cannot_write(exc: BaseException) -> bool:
    """SQLite's words for a folder or file it may not write (WAL needs to create files
    beside the database even to read), as opposed to a file it cannot make sense of."""
    text_ = str(exc).lower()
    return "readonly" in text_ or "unable to open database file" in text_

"""Wrong passphrases: written down at once, audited at the next unlock, and slowing the
unlock window down, across restarts and whichever front they were typed into.

Policy here, the file itself in store/attempts.py (which explains what its chain can and
cannot prove). Every front unlocks through services.practices, which wraps the unlock in
noting_failure() and, inside the transaction that writes the "unlocked" row, calls
move_into_audit(); after the commit rearm() starts a fresh record. Restoring a backup
(which checks the passphrase too) is wrapped in noting_failure() by its callers. A crash between the
commit and the re-arming leaves attempts already audited in the file: they are
recognised by their audit text (time, front, number) and not written twice.

Light on purpose: the unlock window imports this module to compute its wait before the
database layers have loaded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import utcnow
from clarity_desktop.store import attempts

if TYPE_CHECKING:
    from clarity_desktop.store.backend import OpenPractice
    from clarity_desktop.store.uow import UnitOfWork

FREE_SLIPS = 1  # the first wrong passphrase costs nothing
LONGEST_WAIT_S = 30
_front = "-"  # which front this program is: set once at start, written with each attempt
FRONT_WORDS = {"window": "window", "command-line": "command line", "-": ""}


def set_front(name: str) -> None:
    """'window' for the program's window, 'command-line' for a command."""
    global _front
    _front = name if name in attempts.FRONTS else "-"


def _now() -> datetime:
    return utcnow()


def note_failure(folder: Path, *, recovery: bool = False) -> None:
    """Write one wrong passphrase (or recovery key) beside the practice, durably. Never
    raises: a record that cannot be written must not hide why the unlock failed (and a
    folder that cannot be written cannot be unlocked either: SQLite needs to write there)."""
    how = "recovery-key" if recovery else "passphrase"
    with contextlib.suppress(OSError, attempts.Unreadable):
        attempts.append(folder, _now(), how, _front)


def wait_for(failures: int) -> int:
    """Seconds between tries after *failures* wrong ones: 0, then 2, 4, 8 … up to 30."""
    if failures <= FREE_SLIPS:
        return 0
    return min(2 ** (failures - FREE_SLIPS), LONGEST_WAIT_S)


def seconds_to_wait(folder: Path, now: datetime | None = None) -> float:
    """How long the unlock window still waits before the next try, from the failures
    since the last unlock (any front's). Read unchecked: deleting the file shortens the
    wait, which is one of the limits stated in README."""
    try:
        record = attempts.read(folder)
    except (OSError, attempts.Unreadable):
        return 0.0
    if record is None or record.last_at is None:
        return 0.0
    wait = wait_for(record.total)
    elapsed = ((now or _now()) - record.last_at).total_seconds()
    return float(min(max(wait - elapsed, 0.0), wait))  # a clock set back never waits longer


def secret_word(opened: OpenPractice) -> str:
    """What the person typed to get in, as the audit names it: a practice server's login
    has a password; the solo practice has a passphrase."""
    return "password" if opened.backend.name == "postgresql" else "passphrase"


def _detail(a: attempts.Attempt, word: str) -> str:
    what = "recovery key" if a.how == "recovery-key" else word
    front = FRONT_WORDS[a.front]
    where = f"{front}, attempt {a.number}" if front else f"attempt {a.number}"
    return f"wrong {what} at {a.at:%Y-%m-%d %H:%M:%S} UTC ({where})"


def move_into_audit(uow: UnitOfWork, opened: OpenPractice) -> bytes | None:
    """Inside the unlock's transaction, before its "unlocked" row: one "unlock_failed" row
    per attempt written since the last unlock, and a row saying so if the record was
    altered or could not be authenticated. Returns the file's bytes as read, for rearm()."""
    from sqlalchemy import select

    from clarity_desktop.store.models import AuditEvent

    try:
        record = attempts.read(opened.folder)
    except attempts.Unreadable:
        uow.audit(
            AuditAction.ATTEMPTS_RECORD_ALTERED,
            "practice",
            detail="The record of failed unlock attempts beside the practice could not be read "
            "(it was changed or damaged), so attempts since the last unlock may be missing.",
        )
        return attempts.path(opened.folder).read_bytes()
    if record is None:
        return None
    verdict = attempts.verify(record, opened.db_key)
    details = [_detail(a, secret_word(opened)) for a in verdict.trusted]
    if not verdict.problem and record.more:
        assert record.more_last is not None
        details.append(
            f"{record.more} more wrong {secret_word(opened)}s or recovery keys, the last at "
            f"{record.more_last:%Y-%m-%d %H:%M:%S} UTC (counted, not listed)"
        )
    done: set[str] = set()
    for start in range(0, len(details), 500):
        chunk = details[start : start + 500]
        done.update(
            uow.session.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.action == "unlock_failed", AuditEvent.detail.in_(chunk)
                )
            )
        )
    for detail in details:
        if detail not in done:
            uow.audit(AuditAction.UNLOCK_FAILED, "practice", detail=detail)
    if verdict.problem:
        uow.audit(
            AuditAction.ATTEMPTS_RECORD_ALTERED,
            "practice",
            detail="The record of failed unlock attempts beside the practice was altered "
            f"({verdict.problem}); only the {len(verdict.trusted)} attempts before that "
            "could be trusted and are listed.",
        )
    elif not verdict.authenticated:
        uow.audit(
            AuditAction.ATTEMPTS_RECORD_UNVERIFIED,
            "practice",
            detail="The record of failed unlock attempts was started afresh while the practice "
            "was locked (the one armed at the last unlock was missing or unreadable), so its "
            f"{record.total} attempts are listed as written but could not be authenticated.",
        )
    return record.raw


def rearm(opened: OpenPractice, consumed: bytes | None, *, force: bool = False) -> None:
    """After the commit: a fresh, empty record keyed to this practice, unless an attempt
    was written meanwhile (it stays for the next unlock). Failing to re-arm loses nothing:
    the next unlock recognises what is already in the audit."""
    with contextlib.suppress(OSError):
        attempts.arm(opened.folder, opened.db_key, consumed, force=force)


@contextlib.contextmanager
def noting_failure(folder: Path, *, recovery: bool = False) -> Iterator[None]:
    """Around anything that checks a passphrase (unlocking, restoring a backup): a wrong
    one is written down before the error goes on its way."""
    from clarity_desktop.store.errors import WrongPassphrase

    try:
        yield
    except WrongPassphrase:
        note_failure(folder, recovery=recovery)
        raise

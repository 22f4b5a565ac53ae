"""Wrong passphrases reach the audit once each, whatever happens between the unlock's
commit and the re-arming of the record; the wait between tries follows the record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clarity_desktop.services import practices, unlock_attempts
from clarity_desktop.store import attempts
from clarity_desktop.store.practice import OpenPractice
from tests.conftest import PASSPHRASE
from tests.services.conftest import AuditRow

# What only a solo practice has: the failed-unlock record kept beside a solo practice.
pytestmark = pytest.mark.solo_practice

AuditLog = Callable[[], list[AuditRow]]


def fail(folder: Path, times: int, *, recovery: bool = False) -> None:
    for i in range(times):
        with pytest.raises(practices.WrongPassphrase):
            practices.unlock_practice(folder, f"not it {i}", recovery=recovery)


def unlock(folder: Path) -> None:
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        assert practices.verify_audit(opened).ok
    finally:
        opened.close()


def rows(audit_log: AuditLog, action: str) -> list[str]:
    return [str(r[5]) for r in audit_log() if r[0] == action]


def test_the_detail_says_what_was_wrong_where_and_when(
    practice: OpenPractice, audit_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = practice.folder
    practice.close()
    monkeypatch.setattr(unlock_attempts, "_front", "-")  # a program that did not say
    fail(folder, 1)
    monkeypatch.setattr(unlock_attempts, "_front", "command-line")
    fail(folder, 1, recovery=True)
    unlock(folder)
    first, second = rows(audit_log, "unlock_failed")
    assert first.startswith("wrong passphrase at ") and first.endswith(" UTC (attempt 1)")
    assert second.startswith("wrong recovery key at ")
    assert second.endswith(" UTC (command line, attempt 2)")


def test_a_crash_before_re_arming_neither_loses_nor_repeats_an_attempt(
    practice: OpenPractice, audit_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = practice.folder
    practice.close()
    fail(folder, 3)

    def crash(*args: object, **kwargs: object) -> bool:
        raise OSError(5, "Input/output error")  # as if the program died right after commit

    monkeypatch.setattr(attempts, "arm", crash)
    unlock(folder)
    monkeypatch.undo()
    assert len(rows(audit_log, "unlock_failed")) == 3
    fail(folder, 2)  # written after the three already audited, in the same record
    unlock(folder)
    failed = rows(audit_log, "unlock_failed")
    assert len(failed) == 5 and len(set(failed)) == 5
    assert [d.rsplit(" ", 1)[-1] for d in failed] == ["1)", "2)", "3)", "4)", "5)"]
    unlock(folder)  # re-armed this time: nothing more
    assert len(rows(audit_log, "unlock_failed")) == 5


def test_an_attempt_written_during_the_unlock_waits_for_the_next_one(
    practice: OpenPractice, audit_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = practice.folder
    practice.close()
    fail(folder, 1)
    real = unlock_attempts.rearm

    def someone_else_fails_first(opened: OpenPractice, consumed: bytes | None) -> None:
        unlock_attempts.note_failure(folder)  # another program, between commit and re-arm
        real(opened, consumed)

    monkeypatch.setattr(unlock_attempts, "rearm", someone_else_fails_first)
    unlock(folder)
    monkeypatch.undo()
    assert len(rows(audit_log, "unlock_failed")) == 1
    unlock(folder)
    assert len(rows(audit_log, "unlock_failed")) == 2


def test_a_deleted_record_starts_an_open_one_that_the_audit_calls_unverified(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    folder = practice.folder
    practice.close()
    attempts.path(folder).unlink()
    fail(folder, 2)
    unlock(folder)
    assert len(rows(audit_log, "unlock_failed")) == 2
    (note,) = rows(audit_log, "attempts_record_unverified")
    assert "could not be authenticated" in note
    fail(folder, 1)  # re-armed by that unlock: authenticated again
    unlock(folder)
    assert len(rows(audit_log, "attempts_record_unverified")) == 1


def test_an_unreadable_record_is_said_in_the_audit(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    folder = practice.folder
    practice.close()
    attempts.path(folder).write_bytes(b"clarity-attempts 1\nthis is not it\n")
    unlock(folder)
    assert len(rows(audit_log, "attempts_record_altered")) == 1
    unlock(folder)  # re-armed: said once
    assert len(rows(audit_log, "attempts_record_altered")) == 1


def test_past_the_list_limit_the_rest_is_one_counted_row(
    practice: OpenPractice, audit_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attempts, "MAX_LISTED", 2)
    folder = practice.folder
    practice.close()
    fail(folder, 5)
    unlock(folder)
    failed = rows(audit_log, "unlock_failed")
    assert len(failed) == 3
    assert failed[-1].startswith("3 more wrong passphrases or recovery keys, the last at ")


def test_the_wait_grows_from_the_second_slip_and_stops_at_30_seconds() -> None:
    assert [unlock_attempts.wait_for(n) for n in range(9)] == [0, 0, 2, 4, 8, 16, 30, 30, 30]


def test_the_wait_counts_from_the_latest_failure(practice: OpenPractice) -> None:
    folder = practice.folder
    practice.close()
    assert unlock_attempts.seconds_to_wait(folder) == 0
    fail(folder, 3)  # 4 s after the third
    last = attempts.read(folder)
    assert last is not None and last.last_at is not None
    assert unlock_attempts.seconds_to_wait(folder, last.last_at + timedelta(seconds=1)) == 3
    assert unlock_attempts.seconds_to_wait(folder, last.last_at + timedelta(seconds=9)) == 0
    # A clock set back never makes the wait longer than the rule.
    assert unlock_attempts.seconds_to_wait(folder, datetime(2000, 1, 1, tzinfo=UTC)) == 4
    unlock(folder)
    assert unlock_attempts.seconds_to_wait(folder) == 0

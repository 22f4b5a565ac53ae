"""Checking a practice: the encryption of every page, the database structure, the links
between records and the record locks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from clarity_desktop.services import notes, practices
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice, PracticeDamaged, WrongPassphrase

PAGE = 4096


def test_fresh_practice_is_ok(practice: OpenPractice, practice_dir: Path, passphrase: str) -> None:
    practice.close()
    summary = practices.check_practice(practice_dir, passphrase)
    assert summary.clinician == "Dana Reyes, LMFT"
    assert summary.folder == str(practice_dir)
    assert (summary.case_count, summary.note_count, summary.is_demo) == (0, 0, False)


def test_counts_cases_and_notes(
    practice: OpenPractice,
    practice_dir: Path,
    passphrase: str,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    record_session(couple_case.id)
    record_session(individual_case.id)
    record_session(individual_case.id)
    summary = practices.check_practice(practice_dir, passphrase)  # while open, too
    assert (summary.case_count, summary.note_count) == (2, 3)


def test_wrong_passphrase_is_refused(practice: OpenPractice, practice_dir: Path) -> None:
    with pytest.raises(WrongPassphrase):
        practices.check_practice(practice_dir, "not the passphrase")


@pytest.mark.solo_practice
def test_a_damaged_page_deep_in_the_file_is_reported(
    practice: OpenPractice,
    practice_dir: Path,
    passphrase: str,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    for day in range(1, 21):
        note_id = record_session(couple_case.id, datetime(2025, 4, day, 10)).note_id
        assert note_id
        notes.save_draft(practice.uow(), note_id, draft({"focus": f"note {day} " * 200}))
    practice.close()
    db = practice_dir / "practice.clarity"
    pages = db.stat().st_size // PAGE
    assert pages > 20
    offset = (pages // 2) * PAGE + 1234  # one byte in the middle of a middle page
    with db.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x01]))
    # Found either while opening (if that page is read then) or by the full check.
    with pytest.raises(PracticeDamaged, match=r"damaged"):
        practices.check_practice(practice_dir, passphrase)


@pytest.mark.solo_practice  # the server's: tests/faults/test_pg_record_locks.py
def test_a_missing_record_lock_is_reported(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    with practice.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_addenda_no_update"))
    practice.close()
    with pytest.raises(PracticeDamaged, match="record locks missing or altered") as info:
        practices.check_practice(practice_dir, passphrase)
    assert "trg_addenda_no_update" in str(info.value)


@pytest.mark.solo_practice
def test_records_that_point_nowhere_are_reported(
    practice: OpenPractice, practice_dir: Path, passphrase: str, couple_case: CaseDetail
) -> None:
    practice.close()
    reopened = practices.unlock_practice(practice_dir, passphrase)
    raw = reopened.engine.raw_connection()
    try:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("UPDATE partners SET case_id = 999 WHERE case_id = ?", (couple_case.id,))
        raw.commit()
    finally:
        raw.close()
        reopened.close()
    with pytest.raises(PracticeDamaged, match="point nowhere"):
        practices.check_practice(practice_dir, passphrase)

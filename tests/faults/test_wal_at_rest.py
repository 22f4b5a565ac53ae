"""Item 6 of the trust issue: nothing committed lives only in the write-ahead log at rest.

A damaged log frame makes SQLite drop that frame and every later one, silently. Before the
fix, a practice closed cleanly could still hold committed work only in its log (another
connection, a pending checkpoint). Now a clean close and a lock fold the log into the
database and empty it, so damage to the log at rest costs nothing."""

from __future__ import annotations

from pathlib import Path

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, practices
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice


def wal_bytes(folder: Path) -> int:
    wal = db_path(folder).with_name(db_path(folder).name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_a_clean_close_leaves_the_log_empty_even_with_another_program_open(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    other = practices.unlock_practice(practice_dir, passphrase)  # keeps its connections
    with other.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    for i in range(20):
        cases.create_case(
            practice.uow(),
            CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(f"Client {i:02d}"),)),
        )
    assert wal_bytes(practice_dir) > 0  # while open, work sits in the log
    practice.close()
    assert wal_bytes(practice_dir) == 0
    other.close()


def test_garbage_in_the_log_at_rest_loses_nothing(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    for i in range(5):
        cases.create_case(
            practice.uow(),
            CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(f"Kept {i}"),)),
        )
    practice.close()
    wal = db_path(practice_dir).with_name(db_path(practice_dir).name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(range(256)) * 40)  # a damaged log
    opened = practices.unlock_practice(practice_dir, passphrase)
    try:
        names = {c.display_name for c in cases.list_cases(opened.uow())}
        assert {f"Kept {i}" for i in range(5)} <= names
        assert practices.integrity_problems(opened) == []
    finally:
        opened.close()

"""Changing the passphrase rewraps the key only; the recovery key resets it; the audit
viewer's service filters and exports."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.services import audit, cases, practices
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice, WrongPassphrase
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase"


@pytest.mark.solo_practice
def test_changing_the_passphrase_leaves_the_database_untouched(
    practice: OpenPractice, recovery_key: str
) -> None:
    folder = practice.folder
    db = folder / "practice.clarity"
    practice.close()
    reopened = practices.unlock_practice(folder, PASSPHRASE)
    before = db.read_bytes()
    practices.change_passphrase(reopened, PASSPHRASE, NEW, NEW)
    # Only the key file changed: the (checkpointed) database bytes are the same apart
    # from the audit row, which lives in the WAL until the next checkpoint.
    assert db.read_bytes() == before
    reopened.close()
    with pytest.raises(WrongPassphrase):
        practices.unlock_practice(folder, PASSPHRASE)
    practices.unlock_practice(folder, NEW).close()
    practices.unlock_practice(folder, recovery_key, recovery=True).close()  # still works


@pytest.mark.solo_practice
def test_a_wrong_current_passphrase_or_mismatch_changes_nothing(practice: OpenPractice) -> None:
    key_file = practice.folder / "practice.key"
    before = key_file.read_bytes()
    with pytest.raises(WrongPassphrase):
        practices.change_passphrase(practice, "not it at all", NEW, NEW)
    with pytest.raises(ValidationError, match="do not match"):
        practices.change_passphrase(practice, PASSPHRASE, NEW, NEW + "!")
    with pytest.raises(ValidationError, match="at least"):
        practices.change_passphrase(practice, PASSPHRASE, "short", "short")
    assert key_file.read_bytes() == before


@pytest.mark.solo_practice
def test_the_recovery_key_sets_a_new_passphrase(practice: OpenPractice, recovery_key: str) -> None:
    folder = practice.folder
    practice.close()
    opened = practices.unlock_practice(folder, recovery_key, recovery=True)
    practices.reset_passphrase(opened, recovery_key, NEW, NEW)
    opened.close()
    again = practices.unlock_practice(folder, NEW)
    try:
        actions = [r.action for r in audit.list_events(again.uow(), audit.AuditFilter())]
        assert "passphrase_reset" in actions
    finally:
        again.close()


def test_audit_filters_by_case_action_and_day_and_exports_csv(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail, tmp_path: Path
) -> None:
    cases.open_case(practice.uow(), couple_case.id)
    cases.open_case(practice.uow(), individual_case.id)
    only_couple = audit.list_events(practice.uow(), audit.AuditFilter(case_id=couple_case.id))
    assert {r.case_id for r in only_couple} == {couple_case.id}
    assert {r.case_name for r in only_couple} == {couple_case.display_name}
    viewed = audit.list_events(practice.uow(), audit.AuditFilter(action="viewed"))
    assert [r.case_id for r in viewed] == [individual_case.id, couple_case.id]  # newest first
    assert audit.list_events(practice.uow(), audit.AuditFilter(until=date(2000, 1, 1))) == []
    out = tmp_path / "audit.csv"
    count = audit.export_csv(practice.uow(), audit.AuditFilter(case_id=couple_case.id), out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == count and rows[0]["case"] == couple_case.display_name
    assert (
        audit.list_events(practice.uow(), audit.AuditFilter(action="exported"))[0].entity == "audit"
    )

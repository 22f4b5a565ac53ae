"""Identity and access: every action has a principal; the audit rows, signatures and
addenda it writes name that user; a user without the right is refused before anything
is read or written; the unit of work is one-shot and takes only known audit actions."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from clarity_desktop.domain.errors import NotPermitted
from clarity_desktop.domain.identity import Principal, Role
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import audit, cases, documents, export, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.store.uow import UnitOfWork, UnitOfWorkSpent
from tests import pg_practice

FRONT_DESK = Principal(7, "Front Desk", Role.ADMINISTRATOR)


def rows(practice: OpenPractice, sql: str) -> list[tuple[Any, ...]]:
    return pg_practice.rows(practice, sql)


def as_front_desk(practice: OpenPractice) -> UnitOfWork:
    return UnitOfWork(practice.session_factory(), FRONT_DESK, signer=practice.signer)


@pytest.fixture
def signed(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> SessionView:
    s = record_session(couple_case.id, datetime(2025, 3, 4, 10, 0))
    assert s.note_id is not None
    notes.save_draft(practice.uow(), s.note_id, draft({"focus": "The loop came up."}))
    notes.sign_note(practice.uow(), s.note_id)
    return s


@pytest.mark.solo_practice
def test_a_new_practice_has_its_clinician_as_its_one_user(practice: OpenPractice) -> None:
    assert rows(practice, "SELECT id, display_name, role, signature, disabled FROM users") == [
        (1, "Dana Reyes", "clinician", "Dana Reyes, LMFT", 0)
    ]
    assert practice.principal == Principal(1, "Dana Reyes", Role.CLINICIAN)


def test_audit_rows_signatures_and_addenda_name_the_user(
    practice: OpenPractice, signed: SessionView
) -> None:
    assert signed.note_id is not None
    notes.add_addendum(practice.uow(), signed.note_id, "Correction: it was a Tuesday.")
    me = practice.principal.user_id
    mine = f"SELECT DISTINCT user_id, hash_format FROM audit_events WHERE user_id = {me}"
    assert rows(practice, mine) == [(me, 2)]
    assert rows(practice, "SELECT signed_by_id FROM notes") == [(me,)]
    assert rows(practice, "SELECT author_id FROM addenda") == [(me,)]
    seals = [
        json.loads(d)
        for (d,) in rows(practice, "SELECT detail FROM audit_events WHERE action = 'sealed'")
    ]
    assert [(s["v"], s["user"]) for s in seals] == [(2, me), (2, me)]


ACTIONS: dict[str, Callable[[UnitOfWork, CaseDetail, SessionView, Path], object]] = {
    "create a case": lambda u, c, s, tmp: cases.create_case(
        u, CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(name="Ana"),))
    ),
    "open a case": lambda u, c, s, tmp: cases.open_case(u, c.id),
    "list cases": lambda u, c, s, tmp: cases.list_cases(u),
    "open a note": lambda u, c, s, tmp: notes.open_note(u, s.note_id or 0),
    "add an addendum": lambda u, c, s, tmp: notes.add_addendum(u, s.note_id or 0, "More."),
    "print a note": lambda u, c, s, tmp: documents.note_pdf(u, s.note_id or 0),
    "export a case": lambda u, c, s, tmp: export.export_case(u, c.id, tmp / "case.zip"),
}


@pytest.mark.parametrize("doing", sorted(ACTIONS))
def test_a_user_without_the_right_is_refused_and_nothing_is_written(
    practice: OpenPractice,
    couple_case: CaseDetail,
    signed: SessionView,
    doing: str,
    tmp_path: Path,
) -> None:
    before = rows(practice, "SELECT count(*) FROM audit_events")
    cases_before = rows(practice, "SELECT count(*) FROM cases")
    addenda_before = rows(practice, "SELECT count(*) FROM addenda")
    out = tmp_path / "documents"
    out.mkdir()
    with pytest.raises(NotPermitted) as refused:
        ACTIONS[doing](as_front_desk(practice), couple_case, signed, out)
    assert str(refused.value).startswith("Front Desk is not permitted to ")
    assert str(refused.value).endswith("; nothing was changed.")
    assert rows(practice, "SELECT count(*) FROM audit_events") == before
    assert rows(practice, "SELECT count(*) FROM cases") == cases_before
    assert rows(practice, "SELECT count(*) FROM addenda") == addenda_before
    assert not list(out.iterdir())  # no document or export was made either


def test_an_administrator_may_read_the_audit_log(practice: OpenPractice) -> None:
    assert audit.list_events(as_front_desk(practice), audit.AuditFilter())


def test_a_unit_of_work_is_entered_once(practice: OpenPractice, couple_case: CaseDetail) -> None:
    uow = practice.uow()
    cases.open_case(uow, couple_case.id)
    with pytest.raises(UnitOfWorkSpent):
        cases.open_case(uow, couple_case.id)


def test_the_unit_of_work_refuses_an_action_that_is_not_an_audit_action(
    practice: OpenPractice,
) -> None:
    before = rows(practice, "SELECT count(*) FROM audit_events")
    with pytest.raises(ValueError, match="not an audit action"), practice.uow() as uow:
        uow.audit("looked", "practice")  # type: ignore[arg-type]
        uow.commit()
    assert rows(practice, "SELECT count(*) FROM audit_events") == before


class Transactions:
    """Counts the transactions begun on the practice's engine."""

    def __init__(self, practice: OpenPractice) -> None:
        self.count = 0
        self._engine = practice.engine
        event.listen(self._engine, "begin", self._begun)

    def _begun(self, conn: object) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self._engine, "begin", self._begun)


def audit_count(practice: OpenPractice) -> int:
    return int(rows(practice, "SELECT count(*) FROM audit_events")[0][0])


def test_a_note_pdf_is_one_read_and_one_write_with_one_audit_row(
    practice: OpenPractice, signed: SessionView
) -> None:
    assert signed.note_id is not None
    before = audit_count(practice)
    counted = Transactions(practice)
    try:
        documents.note_pdf(practice.uow(), signed.note_id)
    finally:
        counted.close()
    assert counted.count == 2
    assert audit_count(practice) == before + 1
    assert rows(practice, "SELECT action, entity FROM audit_events ORDER BY id DESC LIMIT 1") == [
        ("exported", "note")
    ]


def test_adding_an_addendum_is_one_transaction_without_a_viewed_row(
    practice: OpenPractice, signed: SessionView
) -> None:
    assert signed.note_id is not None
    last = rows(practice, "SELECT max(id) FROM audit_events")[0][0]
    counted = Transactions(practice)
    try:
        note = notes.amend_note(practice.uow(), signed.note_id, "Correction: 55 minutes.")
    finally:
        counted.close()
    assert counted.count == 1
    assert [a.body for a in note.addenda] == ["Correction: 55 minutes."]
    assert rows(practice, f"SELECT action FROM audit_events WHERE id > {last} ORDER BY id") == [
        ("addendum_added",),
        ("sealed",),
    ]


def test_recording_a_session_returns_what_the_window_shows_in_one_transaction(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    from clarity_desktop.domain.records import Modality, SessionInput
    from clarity_desktop.services import sessions

    counted = Transactions(practice)
    try:
        done = sessions.record_session(
            practice.uow(),
            couple_case.id,
            SessionInput(datetime(2025, 3, 4, 10, 0), 50, Modality.IN_PERSON, None),
        )
    finally:
        counted.close()
    assert counted.count == 1
    assert [s.id for s in done.case.sessions] == [done.session.id]
    assert (done.row.id, done.row.session_count) == (couple_case.id, 1)
    assert done.row.last_session == datetime(2025, 3, 4, 10, 0)


@pytest.mark.solo_practice
def test_the_signing_key_names_its_user_and_a_stranger_key_is_refused(
    practice: OpenPractice, passphrase: str
) -> None:
    import dataclasses

    from clarity_desktop.services import practices
    from clarity_desktop.store import practice as store
    from clarity_desktop.store.errors import PracticeDamaged
    from clarity_desktop.store.files import key_path

    folder = practice.folder
    keyfile = store.read_key_file(folder)
    assert keyfile.signer_user == 1
    practice.close()
    dataclasses.replace(keyfile, signer_user=2).write_atomically(key_path(folder))
    with pytest.raises(PracticeDamaged, match="belongs to a user this practice does not have"):
        practices.unlock_practice(folder, passphrase)
    keyfile.write_atomically(key_path(folder))
    again = practices.unlock_practice(folder, passphrase)
    try:
        assert again.principal.user_id == 1
    finally:
        again.close()


@pytest.mark.parametrize(
    "edit",
    ["user_id = 2", "hash_format = 1", "user_id = NULL"],
    ids=["another user", "passed off as an old row", "no user"],
)
def test_changing_who_acted_breaks_the_audit_chain(
    practice: OpenPractice, couple_case: CaseDetail, edit: str
) -> None:
    from clarity_desktop.services import practices

    cases.open_case(practice.uow(), couple_case.id)
    assert practices.verify_audit(practice).ok
    (last,) = rows(practice, "SELECT max(id) FROM audit_events")[0]
    if practice.backend.name == "postgresql":
        pg_practice.as_dba(practice, f"UPDATE audit_events SET {edit} WHERE id = {last}")
        assert practices.verify_audit(practice).first_broken == last
        return
    conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TRIGGER trg_audit_no_update")
        conn.execute(f"UPDATE audit_events SET {edit} WHERE id = ?", (last,))
        conn.commit()
    finally:
        conn.close()
    assert practices.verify_audit(practice).first_broken == last

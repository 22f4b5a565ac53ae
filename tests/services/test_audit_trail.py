"""Who read, changed or signed what: one audit row per action, written in the action's
own transaction, so there is never an action without its row nor a row without its action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc, text

from clarity_desktop.domain.errors import NotFound, RecordLocked, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, notes, practices, search, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice, WrongPassphrase
from tests import pg_practice

ME = "Dana Reyes, LMFT"
AuditLog = Callable[[], list[tuple[Any, ...]]]


def new_rows(audit_log: AuditLog, action: Callable[[], object]) -> list[tuple[Any, ...]]:
    before = audit_log()
    action()
    after = audit_log()
    assert after[: len(before)] == before  # append-only
    return after[len(before) :]


@pytest.mark.solo_practice
def test_creating_a_practice_is_its_first_audit_row(audit_log: AuditLog) -> None:
    assert audit_log() == [("created", "practice", None, None, ME, "")]


def test_unlocking_is_recorded_with_the_passphrase(
    practice: OpenPractice, practice_dir: Path, passphrase: str, audit_log: AuditLog
) -> None:
    """(A practice server's login signs in with its password, and the row says so.)"""
    word = "password" if practice.backend.name == "postgresql" else "passphrase"
    practice.close()
    before = audit_log()
    practices.unlock_practice(practice_dir, passphrase).close()
    assert audit_log()[len(before) :] == [("unlocked", "practice", None, None, ME, word)]


@pytest.mark.solo_practice
def test_unlocking_with_the_recovery_key_is_recorded_as_such(
    practice: OpenPractice, practice_dir: Path, recovery_key: str, audit_log: AuditLog
) -> None:
    practice.close()
    before = audit_log()
    practices.unlock_practice(practice_dir, recovery_key, recovery=True).close()
    assert audit_log()[len(before) :] == [("unlocked", "practice", None, None, ME, "recovery key")]


def test_a_failed_unlock_leaves_no_row(
    practice: OpenPractice, practice_dir: Path, audit_log: AuditLog
) -> None:
    practice.close()
    before = audit_log()
    with pytest.raises(WrongPassphrase):
        practices.unlock_practice(practice_dir, "wrong wrong wrong")
    assert audit_log() == before


def test_case_actions_each_write_one_row(practice: OpenPractice, audit_log: AuditLog) -> None:
    data = CaseInput(CaseKind.COUPLE, "", (PartnerInput("Zoë"), PartnerInput("Łukasz")))
    created: list[CaseDetail] = []
    rows = new_rows(audit_log, lambda: created.append(cases.create_case(practice.uow(), data)))
    cid = created[0].id
    assert rows == [("created", "case", cid, cid, ME, "")]
    assert new_rows(audit_log, lambda: cases.open_case(practice.uow(), cid)) == [
        ("viewed", "case", cid, cid, ME, "")
    ]
    assert new_rows(audit_log, lambda: cases.update_case(practice.uow(), cid, data)) == [
        ("changed", "case", cid, cid, ME, "")
    ]
    assert new_rows(audit_log, lambda: cases.close_case(practice.uow(), cid)) == [
        ("closed", "case", cid, cid, ME, "")
    ]
    assert new_rows(audit_log, lambda: cases.reopen_case(practice.uow(), cid)) == [
        ("reopened", "case", cid, cid, ME, "")
    ]
    # listing is not reading a record
    assert new_rows(audit_log, lambda: cases.list_cases(practice.uow())) == []


def test_note_actions_each_write_one_row(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: AuditLog,
    draft: Callable[..., NoteDraft],
) -> None:
    cid = couple_case.id
    made: list[SessionView] = []
    rows = new_rows(
        audit_log,
        lambda: made.append(
            sessions.create_session(practice.uow(), cid, SessionInput(datetime(2025, 3, 4, 10)))
        ),
    )
    sid, nid = made[0].id, made[0].note_id
    assert nid is not None
    assert rows == [("created", "session", sid, cid, ME, "")]
    assert new_rows(audit_log, lambda: notes.open_note(practice.uow(), nid)) == [
        ("viewed", "note", nid, cid, ME, "")
    ]
    assert new_rows(
        audit_log, lambda: notes.save_draft(practice.uow(), nid, draft({"focus": "x"}))
    ) == [("changed", "note", nid, cid, ME, "")]
    signed = new_rows(audit_log, lambda: notes.sign_note(practice.uow(), nid))
    assert signed[0] == ("signed", "note", nid, cid, ME, "")
    assert [r[:5] for r in signed[1:]] == [("sealed", "note", nid, cid, ME)]
    added: list[Any] = []
    rows = new_rows(
        audit_log, lambda: added.append(notes.add_addendum(practice.uow(), nid, "Correction."))
    )
    assert rows[0] == ("addendum_added", "note", nid, cid, ME, f"addendum {added[0].id}")
    assert [r[:5] for r in rows[1:]] == [("sealed", "addendum", added[0].id, cid, ME)]


def test_searching_is_recorded_with_the_query_and_count(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    # On a practice server the audit is the server's to read: the count only, never the
    # words a clinician typed (they may be a client's).
    solo = practice.backend.name != "postgresql"
    detail = "'zoë money': 0 results" if solo else "0 results"
    assert new_rows(audit_log, lambda: search.search_notes(practice.uow(), "zoë money")) == [
        ("searched", "practice", None, None, ME, detail)
    ]


def test_autosave_is_coalesced_into_one_changed_row(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: AuditLog,
    draft: Callable[..., NoteDraft],
) -> None:
    nid = record_session(couple_case.id).note_id
    assert nid is not None

    def three_saves() -> None:
        for text_ in ("a", "ab", "abc"):
            notes.save_draft(practice.uow(), nid, draft({"focus": text_}))

    assert new_rows(audit_log, three_saves) == [("changed", "note", nid, couple_case.id, ME, "")]


def test_saves_further_apart_than_the_coalescing_period_are_each_recorded(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: AuditLog,
    draft: Callable[..., NoteDraft],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(notes, "AUDIT_COALESCE", timedelta(0))
    nid = record_session(couple_case.id).note_id
    assert nid is not None

    def two_saves() -> None:
        notes.save_draft(practice.uow(), nid, draft({"focus": "a"}))
        notes.save_draft(practice.uow(), nid, draft({"focus": "b"}))

    assert [r[0] for r in new_rows(audit_log, two_saves)] == ["changed", "changed"]


def test_coalescing_is_per_note(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: AuditLog,
    draft: Callable[..., NoteDraft],
) -> None:
    a = record_session(couple_case.id, datetime(2025, 3, 4, 10)).note_id
    b = record_session(couple_case.id, datetime(2025, 3, 5, 10)).note_id

    def save_both() -> None:
        notes.save_draft(practice.uow(), a, draft({"focus": "a"}))
        notes.save_draft(practice.uow(), b, draft({"focus": "b"}))
        notes.save_draft(practice.uow(), a, draft({"focus": "a2"}))

    assert [(r[0], r[2]) for r in new_rows(audit_log, save_both)] == [
        ("changed", a),
        ("changed", b),
    ]


def test_failed_actions_write_no_audit_row(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: AuditLog,
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    alone = record_session(couple_case.id, attending=zoe).note_id
    assert alone is not None
    before = audit_log()

    failures: list[tuple[type[Exception], Callable[[], object]]] = [
        (
            ValidationError,
            lambda: cases.create_case(
                practice.uow(), CaseInput(CaseKind.COUPLE, "", (PartnerInput("Zoë"),))
            ),
        ),
        (NotFound, lambda: cases.open_case(practice.uow(), 999)),
        (
            ValidationError,
            lambda: cases.close_case(practice.uow(), couple_case.id, date(2000, 1, 1)),
        ),
        (
            ValidationError,
            lambda: sessions.create_session(
                practice.uow(),
                couple_case.id,
                SessionInput(
                    datetime(2025, 1, 1), attending_partner_id=individual_case.partners[0].id
                ),
            ),
        ),
        (
            ValidationError,
            lambda: notes.save_draft(
                practice.uow(), alone, draft({"focus": "x"}, partner_steps={lukasz: Step(1)})
            ),
        ),
        (ValidationError, lambda: notes.sign_note(practice.uow(), alone)),
        (ValidationError, lambda: notes.add_addendum(practice.uow(), alone, "too early")),
        (NotFound, lambda: notes.open_note(practice.uow(), 12345)),
    ]
    for error, action in failures:
        with pytest.raises(error):
            action()
    assert audit_log() == before

    notes.save_draft(practice.uow(), alone, draft({"focus": "written"}))
    notes.sign_note(practice.uow(), alone)
    before = audit_log()
    with pytest.raises(RecordLocked):
        notes.save_draft(practice.uow(), alone, draft({"focus": "changed"}))
    with pytest.raises(RecordLocked):
        notes.sign_note(practice.uow(), alone)
    assert audit_log() == before


def test_if_the_audit_row_cannot_be_written_the_action_does_not_happen(
    practice: OpenPractice, couple_case: CaseDetail, draft: Callable[..., NoteDraft]
) -> None:
    """Proof that the action and its row share one transaction."""
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2025, 3, 4, 10))
    )
    assert s.note_id is not None
    on_server = practice.backend.name == "postgresql"
    if on_server:  # the schema's owner may add a trigger; the DBA stands in for them
        pg_practice.as_dba(
            practice,
            "CREATE FUNCTION test_no_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'audit refused' USING ERRCODE = '23000'; END $$; "
            "CREATE TRIGGER test_no_audit BEFORE INSERT ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION test_no_audit()",
            triggers_off=False,
        )
    else:
        with practice.engine.begin() as conn:
            conn.execute(
                text(
                    "CREATE TRIGGER test_no_audit BEFORE INSERT ON audit_events "
                    "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
                )
            )
    try:
        with pytest.raises(exc.IntegrityError, match="audit refused"):
            notes.save_draft(practice.uow(), s.note_id, draft({"focus": "must not stay"}))
        with pytest.raises(exc.IntegrityError, match="audit refused"):
            cases.create_case(
                practice.uow(),
                CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Never stored"),)),
            )
    finally:
        if on_server:
            pg_practice.as_dba(
                practice,  # the function too: the next test's practice is this database
                "DROP TRIGGER test_no_audit ON audit_events; DROP FUNCTION test_no_audit()",
                triggers_off=False,
            )
        else:
            with practice.engine.begin() as conn:
                conn.execute(text("DROP TRIGGER test_no_audit"))
    assert notes.open_note(practice.uow(), s.note_id).sections == {}
    assert search.search_notes(practice.uow(), "stay") == []  # the index rolled back too
    assert [c.display_name for c in cases.list_cases(practice.uow())] == ["Zoë & Łukasz"]

"""A reader who may see a case but holds no key for it opens the case all the same.

Eli Park is assigned to Dana's case by the administrator. Nobody has shared the case's
key with him yet, so its text is encrypted for people he is not. He opens the case: its
sessions and dates are there, and each note's text and addendum reads as one sentence
saying it is locked, never an error. His save of a note is refused in words, and
nothing on the server changes. Failed before: opening the case raised "not shared with
you" for the whole case, so an assigned colleague (or a supervisor) could not open it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.locked_text import LOCKED_TEXT, locked_sections
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, integrity, notes, sessions, staff
from clarity_desktop.store.practice import OpenPractice
from tests import pg_practice
from tests.pg_practice import ADMIN, DANA, ELI, PgPractices
from tests.services.conftest import note_draft

WRITTEN = "Robin said the Sunday calls felt like a test she kept failing."


@dataclass
class Shared:
    dana: OpenPractice
    eli: OpenPractice
    admin: OpenPractice
    case_id: int
    signed: int  # a signed note with an addendum
    draft: int


@pytest.fixture
def shared(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Shared]:
    dbname = pg_practices.new_database(tmp_path)
    people = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, ELI, ADMIN)]
    dana, eli, admin = people
    try:
        case = cases.create_case(
            dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin Vale"),))
        )
        ids = []
        for day in (2, 9):
            made = sessions.create_session(
                dana.uow(), case.id, SessionInput(datetime(2026, 3, day, 10))
            )
            assert made.note_id is not None
            notes.save_draft(dana.uow(), made.note_id, note_draft({"focus": WRITTEN}))
            ids.append(made.note_id)
        notes.sign_note(dana.uow(), ids[0])
        notes.add_addendum(dana.uow(), ids[0], "Robin called: the call went better.")
        staff.assign_case(admin, case.id, ELI.login)
        yield Shared(dana, eli, admin, case.id, ids[0], ids[1])
    finally:
        for opened in people:
            opened.close()


def test_an_assigned_colleague_without_the_key_opens_the_case(shared: Shared) -> None:
    detail = cases.open_case(shared.eli.uow(), shared.case_id)
    assert detail.display_name == "Robin Vale"
    assert [s.starts_at.day for s in detail.sessions] == [9, 2]

    signed = notes.read_note(shared.eli.uow(), shared.signed)
    assert signed.sections == locked_sections()
    assert [a.body for a in signed.addenda] == [LOCKED_TEXT]
    assert signed.signed_at is not None and signed.signed_by == "Dana Reyes, LMFT"
    draft = notes.read_note(shared.eli.uow(), shared.draft)
    assert draft.sections == locked_sections()
    assert WRITTEN not in str(draft)
    # His check does not call a seal over text he cannot read broken.
    assert integrity.verify_seals(shared.eli) == []
    # Dana, who holds the key, still reads what she wrote.
    assert notes.read_note(shared.dana.uow(), shared.draft).sections["focus"] == WRITTEN


def test_his_save_into_locked_text_is_refused_in_words(shared: Shared) -> None:
    before = pg_practice.rows(
        shared.dana, f"SELECT sections::text, row_version FROM notes WHERE id = {shared.draft}"
    )
    with pytest.raises(ClarityError) as refused:
        notes.save_draft(shared.eli.uow(), shared.draft, note_draft({"focus": "Eli's edit."}))
    assert refused.value.code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    assert "locked until someone who holds the case's key shares it with you" in str(refused.value)
    with pytest.raises(ClarityError) as addendum:
        notes.add_addendum(shared.eli.uow(), shared.signed, "Eli's addendum.")
    assert addendum.value.code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    after = pg_practice.rows(
        shared.dana, f"SELECT sections::text, row_version FROM notes WHERE id = {shared.draft}"
    )
    assert after == before
    assert pg_practice.rows(shared.dana, "SELECT count(*) FROM addenda")[0][0] == 1
    assert notes.read_note(shared.dana.uow(), shared.draft).sections["focus"] == WRITTEN

"""A practice server with a week that has something in it for the front desk: Dana's couple
(safety flag set, a signed note and a draft), Eli's individual client, sessions for both
clinicians on the same days. Used by the service test and the window test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from clarity_desktop.domain.records import CaseInput, CaseKind, Modality, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, sessions
from tests.pg_practice import DANA, ELI, PgPractices
from tests.services.conftest import note_draft

MONDAY = date(2026, 3, 2)
NOTE_PHRASE = "They named the kitchen-table loop together"
SAFETY_NOTE = "Raised voices at home after the move"
ADDENDUM = "Partner called afterwards to add a worry"


@dataclass(frozen=True)
class DeskWeek:
    dbname: str
    couple_id: int
    single_id: int
    held_id: int  # Dana's session with a signed note (Monday 10:00)
    booked_id: int  # Dana's, booked (Wednesday 15:00, telehealth, Zoë alone)
    eli_id: int  # Eli's, booked (Monday 11:00)
    draft_id: int  # Dana's with an unsigned draft (Tuesday 09:00)


@contextlib.contextmanager
def desk_week(pg_practices: PgPractices, tmp_path: Path) -> Iterator[DeskWeek]:
    dbname = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(dbname, DANA, tmp_path / "dana")
    eli = pg_practices.unlock(dbname, ELI, tmp_path / "eli")
    try:
        couple = cases.create_case(
            dana.uow(),
            CaseInput(
                kind=CaseKind.COUPLE,
                display_name="Zoë & Łukasz",
                partners=(
                    PartnerInput(name="Zoë Brandt", email="zoe@example.org", phone="555 0101"),
                    PartnerInput(name="Łukasz Nowak", phone="555 0102", pronouns="he/him"),
                ),
                safety_flag=True,
                safety_note=SAFETY_NOTE,
                opened_on=date(2026, 1, 5),
            ),
        )
        zoe = couple.partners[0].id
        held = sessions.create_session(
            dana.uow(), couple.id, SessionInput(datetime(2026, 3, 2, 10, 0))
        )
        assert held.note_id is not None
        notes.save_draft(dana.uow(), held.note_id, note_draft({"focus": NOTE_PHRASE}))
        notes.sign_note(dana.uow(), held.note_id)
        notes.add_addendum(dana.uow(), held.note_id, ADDENDUM)
        draft = sessions.create_session(
            dana.uow(), couple.id, SessionInput(datetime(2026, 3, 3, 9, 0))
        )
        assert draft.note_id is not None
        notes.save_draft(dana.uow(), draft.note_id, note_draft({"focus": "Draft words, private"}))
        booked = sessions.schedule_sessions(
            dana.uow(),
            couple.id,
            SessionInput(datetime(2026, 3, 4, 15, 0), 80, Modality.TELEHEALTH, zoe),
        ).sessions[0]
        single = cases.create_case(
            eli.uow(),
            CaseInput(
                kind=CaseKind.INDIVIDUAL,
                display_name="Robin Vale",
                partners=(PartnerInput(name="Robin Vale", email="robin@example.org"),),
                opened_on=date(2026, 2, 1),
            ),
        )
        eli_session = sessions.schedule_sessions(
            eli.uow(), single.id, SessionInput(datetime(2026, 3, 2, 11, 0))
        ).sessions[0]
    finally:
        dana.close()
        eli.close()
    try:
        yield DeskWeek(dbname, couple.id, single.id, held.id, booked.id, eli_session.id, draft.id)
    finally:
        pg_practices.drop(dbname)

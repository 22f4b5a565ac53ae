"""Readings are saved with the draft, validated, locked by the signature, and come back
in the case timeline in session order."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import RecordLocked, ValidationError
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import dynamics, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.practices import OpenPractice


def draft(**kw: object) -> NoteDraft:
    base: dict[str, object] = {
        "template": Template.FIVE_STEPS,
        "sections": {"focus": "Worked on the loop."},
        "steps": frozenset({Step.LEAN_IN}),
        "partner_steps": {},
        "private": False,
    }
    base.update(kw)
    return NoteDraft(**base)  # type: ignore[arg-type]


def new_note(
    practice: OpenPractice, case: CaseDetail, when: datetime, partner: int | None = None
) -> int:
    s = sessions.create_session(
        practice.uow(), case.id, SessionInput(when, attending_partner_id=partner)
    )
    assert s.note_id is not None
    return s.note_id


def test_readings_round_trip_and_empty_ones_are_dropped(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    a, b = (p.id for p in couple_case.partners)
    note_id = new_note(practice, couple_case, datetime(2026, 10, 1, 10))
    couple = CoupleReading(
        loops=frozenset({Loop.PURSUE_WITHDRAW}),
        intensity=7,
        trigger="A late reply to a message",
        co_regulation=True,
        co_regulation_note="Slowed breathing together",
        repair_attempts=2,
        repairs_landed=1,
    )
    saved = notes.save_draft(
        practice.uow(),
        note_id,
        draft(
            partner_steps={a: Step.FIND_YOUR_DIRECTION},
            partner_readings={
                a: PartnerReading(position=3, stance=7, clarity=4, direction=Direction.REPAIR),
                b: PartnerReading(),  # nothing observed: not stored
            },
            couple_reading=couple,
        ),
    )
    assert saved.partner_readings == {a: PartnerReading(3, 7, 4, False, "", Direction.REPAIR)}
    assert saved.couple_reading == couple
    again = notes.open_note(practice.uow(), note_id)
    assert again.partner_readings == saved.partner_readings
    # Clearing the couple reading removes it.
    cleared = notes.save_draft(practice.uow(), note_id, draft(couple_reading=CoupleReading()))
    assert cleared.couple_reading is None and cleared.partner_readings == {}


@pytest.mark.parametrize(
    ("reading", "fragment"),
    [
        (PartnerReading(position=4), "from -3 to 3"),
        (PartnerReading(stance=11), "from 0 to 10"),
        (PartnerReading(clarity=-1), "from 0 to 10"),
    ],
)
def test_out_of_range_readings_are_refused_and_nothing_changes(
    practice: OpenPractice, couple_case: CaseDetail, reading: PartnerReading, fragment: str
) -> None:
    a = couple_case.partners[0].id
    note_id = new_note(practice, couple_case, datetime(2026, 10, 1, 10))
    with pytest.raises(ValidationError, match=fragment):
        notes.save_draft(practice.uow(), note_id, draft(partner_readings={a: reading}))
    assert notes.open_note(practice.uow(), note_id).sections == {}


def test_individual_sessions_record_only_the_partner_who_came(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    a, b = (p.id for p in couple_case.partners)
    note_id = new_note(practice, couple_case, datetime(2026, 10, 2, 10), partner=a)
    with pytest.raises(ValidationError, match="attended"):
        notes.save_draft(
            practice.uow(), note_id, draft(partner_readings={b: PartnerReading(position=1)})
        )
    with pytest.raises(ValidationError, match="joint sessions only"):
        notes.save_draft(practice.uow(), note_id, draft(couple_reading=CoupleReading(intensity=3)))
    ok = notes.save_draft(
        practice.uow(),
        note_id,
        draft(partner_readings={a: PartnerReading(flooded=True, flooding_note="  at the start  ")}),
    )
    assert ok.partner_readings[a].flooding_note == "at the start"


def test_more_repairs_landed_than_attempted_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    note_id = new_note(practice, couple_case, datetime(2026, 10, 3, 10))
    with pytest.raises(ValidationError, match="More repairs landed"):
        notes.save_draft(
            practice.uow(),
            note_id,
            draft(couple_reading=CoupleReading(repair_attempts=1, repairs_landed=2)),
        )


def test_signed_readings_refuse_changes_in_the_service_and_the_database(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    a = couple_case.partners[0].id
    note_id = new_note(practice, couple_case, datetime(2026, 10, 4, 10))
    notes.save_draft(
        practice.uow(),
        note_id,
        draft(
            partner_readings={a: PartnerReading(position=-2)},
            couple_reading=CoupleReading(intensity=5),
        ),
    )
    notes.sign_note(practice.uow(), note_id)
    with pytest.raises(RecordLocked):
        notes.save_draft(
            practice.uow(), note_id, draft(partner_readings={a: PartnerReading(position=2)})
        )
    statements = [
        "UPDATE partner_readings SET position = 2 WHERE note_id = :n",
        "DELETE FROM partner_readings WHERE note_id = :n",
        "UPDATE couple_readings SET intensity = 0 WHERE note_id = :n",
        "DELETE FROM couple_readings WHERE note_id = :n",
        f"INSERT INTO partner_readings (note_id, partner_id, flooded, flooding_note) VALUES (:n, {couple_case.partners[1].id}, false, '')",
    ]
    for sql in statements:
        with (
            pytest.raises(IntegrityError, match="signed note is locked"),
            practice.engine.begin() as conn,
        ):
            conn.execute(text(sql), {"n": note_id})
    view = notes.open_note(practice.uow(), note_id)
    assert view.partner_readings[a].position == -2
    assert view.couple_reading is not None and view.couple_reading.intensity == 5


def test_timeline_lists_sessions_oldest_first_with_steps_and_readings(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    a, b = (p.id for p in couple_case.partners)
    later = new_note(practice, couple_case, datetime(2026, 10, 20, 10))
    earlier = new_note(practice, couple_case, datetime(2026, 10, 6, 10))
    solo = new_note(practice, couple_case, datetime(2026, 10, 13, 10), partner=b)
    notes.save_draft(
        practice.uow(),
        earlier,
        draft(
            partner_steps={a: Step.LEAN_IN, b: Step.NOTICE_THE_SHIFT},
            couple_reading=CoupleReading(intensity=8),
        ),
    )
    notes.save_draft(practice.uow(), solo, draft(partner_readings={b: PartnerReading(clarity=3)}))
    notes.save_draft(practice.uow(), later, draft(couple_reading=CoupleReading(intensity=5)))
    timeline = dynamics.case_timeline(practice.uow(), couple_case.id)
    assert timeline.partner_ids == (a, b)
    assert [p.starts_at.day for p in timeline.points] == [6, 13, 20]
    assert [p.joint for p in timeline.points] == [True, False, True]
    assert timeline.points[0].steps == {a: Step.LEAN_IN, b: Step.NOTICE_THE_SHIFT}
    assert [p.couple.intensity if p.couple else None for p in timeline.points] == [8, None, 5]
    assert timeline.points[1].partners == {b: PartnerReading(clarity=3)}

"""The note's record copy from a real practice carries the readings saved with the note,
as they were when it was signed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.services import documents, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools


def test_a_signed_notes_readings_are_in_its_record_copy(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    note_id = record_session(couple_case.id, datetime(2025, 3, 4, 10, 0)).note_id
    assert note_id is not None
    base = draft({"focus": "The move."}, steps={Step.LEAN_IN})
    notes.save_draft(
        practice.uow(),
        note_id,
        replace(
            base,
            partner_readings={
                zoe: PartnerReading(position=3, clarity=2, flooded=True, flooding_note="Tears."),
                lukasz: PartnerReading(stance=8, direction=Direction.NOT_YET_CLEAR),
            },
            couple_reading=CoupleReading(
                loops=frozenset({Loop.ATTACK_ATTACK}), intensity=9, co_regulation=False
            ),
        ),
    )
    notes.sign_note(practice.uow(), note_id)
    data = documents.note_pdf(practice.uow(), note_id)
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    readings = text[text.index("Readings") : text.index("Signed electronically")]
    assert "Zoë Pursue/withdraw +3 (Strongly pursuing) · Clarity 2 of 10 · Flooded: Tears." in (
        readings
    )
    assert "Łukasz Stance 8 (0 leaning to leave, 10 leaning to stay)" in readings
    assert "Direction taking shape: Not yet clear" in readings
    assert "Loops: Attack – attack · Intensity 9 of 10 · Co-regulation: no." in readings
    assert readings.index("Zoë") < readings.index("Łukasz")

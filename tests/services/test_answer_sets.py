"""Answer sets on a real practice: recorded for one partner, checked against the
definition, changed or removed until the session's note is signed (then refused by the
service and by the database), scored over the case with the gap between the partners."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy.exc

from clarity_desktop.domain.errors import ErrorCode, RecordLocked, ValidationError
from clarity_desktop.domain.instruments import TOTAL, AnswerSource, Band, Change, Instrument
from clarity_desktop.services import measures, notes
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.domain.instrument_examples import LICENSED
from tests.services.conftest import AuditRow, note_draft

CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}


@pytest.fixture
def catalogue(practice: OpenPractice) -> tuple[Instrument, ...]:
    folder = practice.folder / "measures"
    folder.mkdir()
    (folder / "practice_scale.toml").write_text(LICENSED, encoding="utf-8")
    return measures.catalogue(practice.folder)


def check_in(found: tuple[Instrument, ...]) -> Instrument:
    return measures.find(found, "session_check_in")


def test_each_partner_s_answers_are_stored_and_scored_with_the_gap_between_them(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    catalogue: tuple[Instrument, ...],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    a, b = (p.id for p in couple_case.partners)
    first = record_session(couple_case.id, datetime(2025, 3, 4, 10))
    second = record_session(couple_case.id, datetime(2025, 3, 11, 10))
    instrument = check_in(catalogue)
    uow = practice.uow
    measures.record_answers(uow(), instrument, couple_case.id, a, CALM, session_id=first.id)
    measures.record_answers(
        uow(),
        instrument,
        couple_case.id,
        b,
        {**CALM, "pressure": 4},
        session_id=first.id,
        source=AnswerSource.PAPER,
    )
    saved = measures.record_answers(
        uow(), instrument, couple_case.id, a, {**CALM, "hope": None}, session_id=second.id
    )
    assert saved.answered_on == date(2025, 3, 11) and saved.answers["hope"] is None
    found = measures.case_measures(uow(), couple_case.id, catalogue)
    (course,) = found.instruments
    total = course.scores[0]
    assert total.scoring_id == TOTAL
    assert [p.value for p in total.by_partner[a]] == [pytest.approx(3.2), pytest.approx(3.25)]
    assert [p.source for p in total.by_partner[b]] == [AnswerSource.PAPER]
    assert [(g.session_id, round(g.gap, 2)) for g in total.gaps] == [(first.id, 0.8)]
    rows = [r for r in audit_log() if r[1] == "measure_response"]
    assert [r[0] for r in rows] == ["created"] * 3


def test_an_answer_set_that_does_not_fit_its_definition_is_refused_and_nothing_stored(
    practice: OpenPractice, couple_case: CaseDetail, catalogue: tuple[Instrument, ...]
) -> None:
    a = couple_case.partners[0].id
    instrument = check_in(catalogue)
    with pytest.raises(ValidationError) as caught:
        measures.record_answers(practice.uow(), instrument, couple_case.id, a, {**CALM, "heard": 9})
    assert caught.value.code is ErrorCode.MEASURE_ANSWER_OFF_SCALE
    with pytest.raises(ValidationError) as other:
        measures.record_answers(practice.uow(), instrument, couple_case.id, 999_999, CALM)
    assert other.value.code is ErrorCode.PARTNER_NOT_IN_CASE
    assert measures.case_measures(practice.uow(), couple_case.id, catalogue).instruments == ()


def test_only_the_partner_at_an_individual_session_answers_for_it(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    catalogue: tuple[Instrument, ...],
) -> None:
    a, b = (p.id for p in couple_case.partners)
    alone = record_session(couple_case.id, attending=a)
    with pytest.raises(ValidationError) as caught:
        measures.record_answers(
            practice.uow(), check_in(catalogue), couple_case.id, b, CALM, session_id=alone.id
        )
    assert caught.value.code is ErrorCode.MEASURE_PARTNER_NOT_AT_SESSION


def test_answers_change_until_the_note_is_signed_then_the_service_and_database_refuse(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    catalogue: tuple[Instrument, ...],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    a = couple_case.partners[0].id
    session = record_session(couple_case.id)
    instrument = check_in(catalogue)
    saved = measures.record_answers(
        practice.uow(), instrument, couple_case.id, a, CALM, session_id=session.id
    )
    changed = measures.change_answers(practice.uow(), instrument, saved.id, {**CALM, "heard": 0})
    assert changed.answers["heard"] == 0
    extra = measures.record_answers(
        practice.uow(), instrument, couple_case.id, a, CALM, session_id=session.id
    )
    measures.remove_answers(practice.uow(), extra.id)
    assert session.note_id is not None
    notes.save_draft(practice.uow(), session.note_id, note_draft({"focus": "Held."}))
    notes.sign_note(practice.uow(), session.note_id)
    with pytest.raises(RecordLocked):
        measures.change_answers(practice.uow(), instrument, saved.id, CALM)
    with pytest.raises(RecordLocked):
        measures.remove_answers(practice.uow(), saved.id)
    with pytest.raises(RecordLocked):
        measures.record_answers(
            practice.uow(), instrument, couple_case.id, a, CALM, session_id=session.id
        )
    with pytest.raises(sqlalchemy.exc.IntegrityError), practice.uow() as uow:
        uow.session.execute(sqlalchemy.text("UPDATE measure_responses SET answers = '{}'"))
    found = measures.case_measures(practice.uow(), couple_case.id, catalogue)
    (answer_set,) = found.instruments[0].answer_sets
    assert answer_set.locked and answer_set.answers["heard"] == 0
    actions = [r[0] for r in audit_log() if r[1] == "measure_response"]
    assert actions == ["created", "changed", "created", "answers_removed"]


def test_an_answer_set_with_no_session_stays_editable(
    practice: OpenPractice, couple_case: CaseDetail, catalogue: tuple[Instrument, ...]
) -> None:
    a = couple_case.partners[0].id
    instrument = check_in(catalogue)
    saved = measures.record_answers(
        practice.uow(), instrument, couple_case.id, a, CALM, answered_on=date(2025, 2, 1)
    )
    assert saved.session_id is None and saved.answered_on == date(2025, 2, 1)
    measures.change_answers(practice.uow(), instrument, saved.id, {**CALM, "hope": 0})


def test_cut_off_bands_and_reliable_change_come_from_the_practice_s_own_definition(
    practice: OpenPractice, couple_case: CaseDetail, catalogue: tuple[Instrument, ...]
) -> None:
    a = couple_case.partners[0].id
    scale = measures.find(catalogue, "practice_scale")
    assert not scale.shipped
    for day, value in ((1, 1), (8, 5), (15, 6)):
        answers = {"a": value, "b": 7 - value, "c": value, "d": value}  # b reversed
        measures.record_answers(
            practice.uow(), scale, couple_case.id, a, answers, answered_on=date(2025, 1, day)
        )
    found = measures.case_measures(practice.uow(), couple_case.id, catalogue)
    total = found.instruments[0].scores[0]
    points = total.by_partner[a]
    assert [p.value for p in points] == [4, 20, 24]
    assert [p.band for p in points] == [Band.BELOW, Band.AT_OR_ABOVE, Band.AT_OR_ABOVE]
    assert [p.change for p in points] == [None, Change.RELIABLE_RISE, Change.WITHIN_NOISE]


def test_a_practice_definition_taking_our_id_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "measures"
    folder.mkdir()
    (folder / "mine.toml").write_text(
        LICENSED.replace('"practice_scale"', '"session_check_in"'), encoding="utf-8"
    )
    with pytest.raises(Exception) as caught:
        measures.catalogue(tmp_path)
    assert getattr(caught.value, "code", None) is ErrorCode.MEASURE_ID_TAKEN

"""Recording sessions: joint or with one partner, and the privacy that follows from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.records import Modality, SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice


def test_joint_session_of_a_couple_has_a_shared_draft_note(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    s = sessions.create_session(
        practice.uow(),
        couple_case.id,
        SessionInput(datetime(2025, 3, 4, 10, 0, 42, 999), 80, Modality.TELEHEALTH),
    )
    assert s.attending_partner_id is None
    assert s.attending_label == "Both partners"
    assert s.starts_at == datetime(2025, 3, 4, 10, 0)  # seconds are noise in a diary
    assert (s.duration_minutes, s.modality) == (80, Modality.TELEHEALTH)
    assert s.note_id is not None and not s.note_signed
    assert s.note_private is False
    note = notes.open_note(practice.uow(), s.note_id)
    assert note.template is Template.FIVE_STEPS
    assert note.sections == {} and not note.signed


def test_individual_session_within_couples_work_is_private_by_default(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    zoe, lukasz = couple_case.partners
    s = record_session(couple_case.id, attending=lukasz.id)
    assert s.attending_partner_id == lukasz.id
    assert s.attending_label == "Łukasz"
    assert s.note_private is True
    assert s.note_id is not None
    assert notes.open_note(practice.uow(), s.note_id).private is True


def test_session_of_an_individual_case_is_not_marked_private(
    practice: OpenPractice,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    (client,) = individual_case.partners
    s = record_session(individual_case.id, attending=client.id)
    assert s.attending_partner_id is None
    assert s.attending_label == "Søren Ødegård"
    assert s.note_private is False


def test_a_partner_from_another_case_is_refused(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    stranger = individual_case.partners[0].id
    with pytest.raises(ValidationError, match="does not belong to this case") as info:
        record_session(couple_case.id, attending=stranger)
    assert info.value.field == "attending"
    assert cases.open_case(practice.uow(), couple_case.id).sessions == ()


def test_session_for_an_unknown_case_is_not_found(
    record_session: Callable[..., SessionView],
) -> None:
    with pytest.raises(NotFound):
        record_session(999)


@pytest.mark.parametrize("minutes", [0, 481])
def test_impossible_length_is_refused_and_nothing_recorded(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    minutes: int,
) -> None:
    with pytest.raises(ValidationError):
        record_session(couple_case.id, minutes=minutes)
    assert cases.open_case(practice.uow(), couple_case.id).sessions == ()


def test_case_shows_sessions_newest_first(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    a = record_session(couple_case.id, datetime(2025, 3, 4, 10))
    b = record_session(couple_case.id, datetime(2025, 5, 6, 10))
    c = record_session(couple_case.id, datetime(2025, 4, 1, 10))
    detail = cases.open_case(practice.uow(), couple_case.id)
    assert [s.id for s in detail.sessions] == [b.id, c.id, a.id]


def test_note_for_session_opens_that_sessions_note(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    s = record_session(couple_case.id)
    assert notes.note_for_session(practice.uow(), s.id).id == s.note_id
    with pytest.raises(NotFound):
        notes.note_for_session(practice.uow(), s.id + 100)

"""Sessions with a life cycle: scheduled ahead (one or a series), started, rescheduled,
cancelled (late too) or missed with a reason, corrected while a draft, discarded when
made by mistake. Every action is audited; a signed session never changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import RecordLocked, ValidationError
from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.domain.records import Modality, SessionInput
from clarity_desktop.domain.schedule import Repeat, SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, markers, notes, search, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.services.conftest import AuditRow, note_draft

MON = datetime(2025, 3, 3, 10, 0)


def book(practice: OpenPractice, case_id: int, at: datetime = MON, **kw: object) -> SessionView:
    planned = sessions.schedule_sessions(practice.uow(), case_id, SessionInput(at, **kw))  # type: ignore[arg-type]
    [only] = planned.sessions
    return only


def detail(practice: OpenPractice, case_id: int) -> CaseDetail:
    return cases.read_case(practice.uow(), case_id)


def test_a_scheduled_session_has_no_note_until_it_is_started(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: Callable[[], list[AuditRow]]
) -> None:
    s = book(practice, couple_case.id, MON.replace(second=30), duration_minutes=80)
    assert s.status is SessionStatus.SCHEDULED and s.note_id is None
    assert (s.starts_at, s.duration_minutes) == (MON, 80)
    assert ("scheduled", "session", s.id) == audit_log()[-1][:3]
    # Nothing to write in, nothing to sign, not counted as a session that took place.
    assert cases.list_cases(practice.uow())[0].session_count == 0
    started = sessions.start_session(practice.uow(), s.id)
    assert started.status is SessionStatus.HELD and started.note_id is not None
    assert not started.note_signed and started.starts_at == MON
    assert audit_log()[-1][:3] == ("started", "session", s.id)
    assert notes.open_note(practice.uow(), started.note_id).sections == {}
    summary = cases.list_cases(practice.uow())[0]
    assert (summary.session_count, summary.last_session) == (1, MON)


def test_starting_twice_or_after_a_cancellation_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    s = book(practice, couple_case.id)
    sessions.start_session(practice.uow(), s.id)
    with pytest.raises(ValidationError, match="already been started"):
        sessions.start_session(practice.uow(), s.id)
    other = book(practice, couple_case.id, MON + timedelta(days=7))
    sessions.cancel_session(practice.uow(), other.id, "Flu")
    with pytest.raises(ValidationError, match="cannot be started"):
        sessions.start_session(practice.uow(), other.id)


def test_an_individual_session_started_from_the_schedule_is_private(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    zoe = couple_case.partners[0]
    s = book(practice, couple_case.id, attending_partner_id=zoe.id)
    started = sessions.start_session(practice.uow(), s.id)
    assert started.note_private and started.attending_label == "Zoë"


@pytest.mark.parametrize(("repeat", "gap"), [(Repeat.WEEKLY, 7), (Repeat.FORTNIGHTLY, 14)])
def test_a_series_books_every_session_at_the_same_hour(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: Callable[[], list[AuditRow]],
    repeat: Repeat,
    gap: int,
) -> None:
    planned = sessions.schedule_sessions(
        practice.uow(), couple_case.id, SessionInput(MON, 50, Modality.TELEHEALTH), repeat, 6
    )
    starts = [s.starts_at for s in planned.sessions]
    assert starts == [MON + timedelta(days=gap * i) for i in range(6)]
    assert len({s.series_id for s in planned.sessions}) == 1
    assert planned.sessions[0].series_id is not None
    assert all(s.modality is Modality.TELEHEALTH for s in planned.sessions)
    booked = [r for r in audit_log() if r[0] == "scheduled"]
    assert [r[5].split(", ")[-1] for r in booked] == [
        f"{repeat.value} {i} of 6" for i in range(1, 7)
    ]
    assert len(detail(practice, couple_case.id).sessions) == 6


def test_a_series_needs_a_repeat_and_a_sensible_count(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with pytest.raises(ValidationError, match="weekly or fortnightly"):
        sessions.schedule_sessions(practice.uow(), couple_case.id, SessionInput(MON), None, 3)
    with pytest.raises(ValidationError, match="between 1 and 52"):
        sessions.schedule_sessions(
            practice.uow(), couple_case.id, SessionInput(MON), Repeat.WEEKLY, 53
        )
    assert detail(practice, couple_case.id).sessions == ()


def test_a_closed_case_is_not_scheduled(practice: OpenPractice, couple_case: CaseDetail) -> None:
    cases.close_case(practice.uow(), couple_case.id)
    with pytest.raises(ValidationError, match="closed"):
        book(practice, couple_case.id)


def test_overlapping_sessions_of_the_practice_are_reported_not_refused(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    first = book(practice, couple_case.id)  # 10:00-10:50
    planned = sessions.schedule_sessions(
        practice.uow(), individual_case.id, SessionInput(MON + timedelta(minutes=30))
    )
    assert len(planned.sessions) == 1  # booked all the same
    [clash] = planned.clashes
    assert (clash.session_id, clash.case_name, clash.starts_at) == (
        first.id,
        "Zoë & Łukasz",
        MON,
    )
    # Back to back is fine; a cancelled session frees its time.
    assert sessions.find_clashes(practice.uow(), [(MON - timedelta(minutes=50), 50)]) == []
    sessions.cancel_session(practice.uow(), first.id)
    clashes = sessions.find_clashes(practice.uow(), [(MON, 50)])
    assert [c.case_name for c in clashes] == ["Søren Ødegård"]
    # A session never clashes with itself when it moves.
    moved = sessions.reschedule_session(
        practice.uow(), planned.sessions[0].id, SessionInput(MON + timedelta(minutes=45))
    )
    assert moved.clashes == ()


def test_rescheduling_moves_a_booking_and_says_where_from(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: Callable[[], list[AuditRow]]
) -> None:
    s = book(practice, couple_case.id)
    later = MON + timedelta(days=2, hours=4)
    moved = sessions.reschedule_session(practice.uow(), s.id, SessionInput(later, 60))
    assert (moved.sessions[0].starts_at, moved.sessions[0].duration_minutes) == (later, 60)
    action, _e, sid, _c, _a, text = audit_log()[-1]
    assert (action, sid) == ("rescheduled", s.id)
    assert text == "2025-03-03 10:00, 50 min -> 2025-03-05 14:00, 60 min"
    sessions.start_session(practice.uow(), s.id)
    with pytest.raises(ValidationError, match="Only a scheduled session"):
        sessions.reschedule_session(practice.uow(), s.id, SessionInput(MON))


@pytest.mark.parametrize(
    ("late", "status", "action", "words"),
    [
        (False, SessionStatus.CANCELLED, "cancelled", "cancelled"),
        (True, SessionStatus.LATE_CANCELLED, "cancelled", "late cancellation"),
    ],
)
def test_a_cancellation_stays_in_the_record_with_its_reason(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: Callable[[], list[AuditRow]],
    late: bool,
    status: SessionStatus,
    action: str,
    words: str,
) -> None:
    s = book(practice, couple_case.id)
    out = sessions.cancel_session(practice.uow(), s.id, "  Their child is ill.  ", late=late)
    assert (out.status, out.status_reason) == (status, "Their child is ill.")
    assert out.status_changed_at is not None
    [kept] = detail(practice, couple_case.id).sessions
    assert (kept.status, kept.status_reason) == (status, "Their child is ill.")
    row = audit_log()[-1]
    assert row[:3] == (action, "session", s.id)
    assert row[5] == f"{words}, session of 2025-03-03 10:00, reason recorded"
    assert "ill" not in row[5]  # the reason stays with the session, not in the log
    with pytest.raises(ValidationError, match="already marked"):
        sessions.mark_no_show(practice.uow(), s.id)
    with pytest.raises(ValidationError, match="stays in the record"):
        sessions.discard_session(practice.uow(), s.id)


def test_a_no_show_of_a_session_started_by_mistake_drops_the_empty_draft(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: Callable[[], list[AuditRow]]
) -> None:
    s = book(practice, couple_case.id)
    started = sessions.start_session(practice.uow(), s.id)
    out = sessions.mark_no_show(practice.uow(), s.id, "")
    assert (out.status, out.note_id, out.status_reason) == (SessionStatus.NO_SHOW, None, "")
    assert audit_log()[-1][5] == "no-show, session of 2025-03-03 10:00, its empty draft removed"
    assert started.note_id is not None
    with pytest.raises(Exception, match="no note"):
        notes.open_note(practice.uow(), started.note_id)


def test_a_session_with_writing_cannot_be_called_off_or_discarded(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    s = record_session(couple_case.id, MON)
    assert s.note_id is not None
    notes.save_draft(practice.uow(), s.note_id, note_draft({"focus": "They spoke of the move."}))
    with pytest.raises(ValidationError, match="took place"):
        sessions.cancel_session(practice.uow(), s.id, "mistake")
    with pytest.raises(ValidationError, match="not discarded"):
        sessions.discard_session(practice.uow(), s.id)
    notes.sign_note(practice.uow(), s.note_id)
    for attempt in (
        lambda: sessions.cancel_session(practice.uow(), s.id),
        lambda: sessions.mark_no_show(practice.uow(), s.id),
        lambda: sessions.discard_session(practice.uow(), s.id),
        lambda: sessions.correct_session(practice.uow(), s.id, SessionInput(MON, 30)),
    ):
        with pytest.raises(RecordLocked, match="signed and locked"):
            attempt()
    [kept] = detail(practice, couple_case.id).sessions
    assert (kept.status, kept.duration_minutes, kept.note_signed) == (
        SessionStatus.HELD,
        50,
        True,
    )


def test_a_drafts_details_can_be_corrected_and_the_log_says_what_changed(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    s = record_session(couple_case.id, MON)
    fixed = sessions.correct_session(
        practice.uow(),
        s.id,
        SessionInput(MON - timedelta(days=1, hours=1), 80, Modality.TELEHEALTH),
    )
    assert (fixed.starts_at, fixed.duration_minutes, fixed.modality) == (
        MON - timedelta(days=1, hours=1),
        80,
        Modality.TELEHEALTH,
    )
    assert audit_log()[-1][:3] == ("corrected", "session", s.id)
    assert audit_log()[-1][5] == (
        "time 2025-03-03 10:00 -> 2025-03-02 09:00; duration 50 -> 80 min; "
        "setting in person -> telehealth"
    )
    before = len(audit_log())
    same = sessions.correct_session(
        practice.uow(), s.id, SessionInput(fixed.starts_at, 80, Modality.TELEHEALTH)
    )
    assert same == fixed and len(audit_log()) == before  # nothing changed, nothing logged


def test_correcting_attendance_keeps_what_the_draft_records_consistent(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    zoe, lukasz = couple_case.partners
    s = record_session(couple_case.id, MON)
    assert s.note_id is not None
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=notes.open_note(practice.uow(), s.note_id).template,
            sections={},
            steps=frozenset(),
            partner_steps={lukasz.id: Step.LEAN_IN},
            private=False,
            partner_readings={lukasz.id: PartnerReading(position=1)},
            couple_reading=CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW})),
        ),
    )
    with pytest.raises(ValidationError, match="no longer have attended"):
        sessions.correct_session(
            practice.uow(), s.id, SessionInput(MON, attending_partner_id=zoe.id)
        )
    with pytest.raises(ValidationError, match="couple's loop"):
        sessions.correct_session(
            practice.uow(), s.id, SessionInput(MON, attending_partner_id=lukasz.id)
        )
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=notes.open_note(practice.uow(), s.note_id).template,
            sections={},
            steps=frozenset(),
            partner_steps={lukasz.id: Step.LEAN_IN},
            private=False,
        ),
    )
    alone = sessions.correct_session(
        practice.uow(), s.id, SessionInput(MON, attending_partner_id=lukasz.id)
    )
    # Now an individual session: its note becomes private, as such notes start.
    assert (alone.attending_label, alone.note_private) == ("Łukasz", True)


def test_a_scheduled_session_is_corrected_by_rescheduling(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    s = book(practice, couple_case.id)
    with pytest.raises(ValidationError, match="reschedule"):
        sessions.correct_session(practice.uow(), s.id, SessionInput(MON, 30))


def test_an_empty_draft_or_a_mistaken_booking_can_be_discarded(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    draft = record_session(couple_case.id, MON)
    assert draft.note_id is not None
    notes.save_draft(practice.uow(), draft.note_id, note_draft({"focus": "typed by mistake"}))
    assert search.search_notes(practice.uow(), "mistake")
    notes.save_draft(practice.uow(), draft.note_id, note_draft({}))  # cleared again
    booked = book(practice, couple_case.id, MON + timedelta(days=7))
    sessions.discard_session(practice.uow(), draft.id)
    sessions.discard_session(practice.uow(), booked.id)
    assert detail(practice, couple_case.id).sessions == ()
    assert search.search_notes(practice.uow(), "mistake") == []
    gone = [r for r in audit_log() if r[0] == "discarded"]
    assert [(r[2], r[5]) for r in gone] == [
        (draft.id, "empty draft of 2025-03-03 10:00"),
        (booked.id, "scheduled session of 2025-03-10 10:00"),
    ]


def test_a_draft_with_markers_is_not_discarded(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    s = record_session(couple_case.id, MON)
    markers.add_marker(practice.uow(), s.id, MarkerKind.CO_REGULATION)
    with pytest.raises(ValidationError, match="Markers or handouts"):
        sessions.discard_session(practice.uow(), s.id)
    assert len(detail(practice, couple_case.id).sessions) == 1


def test_a_reason_has_a_length_limit(practice: OpenPractice, couple_case: CaseDetail) -> None:
    s = book(practice, couple_case.id)
    with pytest.raises(ValidationError, match="too long"):
        sessions.cancel_session(practice.uow(), s.id, "x" * 501)
    assert detail(practice, couple_case.id).sessions[0].status is SessionStatus.SCHEDULED

"""The day's plan: sessions of the day and the days after, bookings left without an
outcome, unsigned drafts with their age, handouts given at the last session, and cases
gone quiet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import text

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.schedule import DraftAge, SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, notes, sessions, today
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.services.conftest import AuditRow, note_draft

NOW = datetime(2025, 3, 12, 9, 30)  # a Wednesday morning
DAY = NOW.date()


def book(practice: OpenPractice, case_id: int, at: datetime, **kw: object) -> SessionView:
    return sessions.schedule_sessions(practice.uow(), case_id, SessionInput(at, **kw)).sessions[0]  # type: ignore[arg-type]


def give_handout(
    practice: OpenPractice, case_id: int, session_id: int | None, partner_id: int | None, step: int
) -> None:
    """What the session engineer's 'record which handout went to whom' writes."""
    at = datetime(2025, 3, 5, 11, 0)
    with practice.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO handouts_given (case_id, session_id, partner_id, step, given_at, "
                "safety_aware, created_at) VALUES (:case, :session, :partner, :step, :at, "
                "false, :at)"
            ),
            {"case": case_id, "session": session_id, "partner": partner_id, "step": step, "at": at},
        )


def test_the_day_lists_its_sessions_and_the_week_after_in_time_order(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    later = book(practice, couple_case.id, NOW.replace(hour=15))
    first = book(practice, individual_case.id, NOW.replace(hour=8))
    friday = book(practice, couple_case.id, NOW + timedelta(days=2))
    book(practice, couple_case.id, NOW + timedelta(days=7))  # outside the seven days
    off = book(practice, individual_case.id, NOW + timedelta(days=1))
    sessions.cancel_session(practice.uow(), off.id, "Travelling", late=True)
    plan = today.day_plan(practice.uow(), NOW)
    assert [s.session_id for s in plan.sessions] == [first.id, later.id, off.id, friday.id]
    assert [s.session_id for s in plan.on(DAY)] == [first.id, later.id]
    cancelled = plan.sessions[2]
    assert (cancelled.status, cancelled.status_reason) == (
        SessionStatus.LATE_CANCELLED,
        "Travelling",
    )
    assert plan.sessions[0].attending_label == "Søren Ødegård"
    assert plan.sessions[1].attending_label == "Both partners"
    assert plan.sessions[1].ends_at == NOW.replace(hour=16, minute=20)


def test_a_booking_whose_time_passed_without_an_outcome_is_listed_as_overdue(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    missed = book(practice, couple_case.id, NOW - timedelta(days=2))
    done = book(practice, couple_case.id, NOW - timedelta(days=9))
    sessions.start_session(practice.uow(), done.id)
    plan = today.day_plan(practice.uow(), NOW)
    assert [s.session_id for s in plan.overdue] == [missed.id]


def test_every_unsigned_draft_is_listed_with_its_age(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    fresh = record_session(couple_case.id, NOW - timedelta(hours=2))
    amber = record_session(couple_case.id, NOW - timedelta(hours=30))
    red = record_session(couple_case.id, NOW - timedelta(days=5))
    signed = record_session(couple_case.id, NOW - timedelta(days=6))
    assert signed.note_id is not None
    notes.save_draft(practice.uow(), signed.note_id, note_draft({"focus": "done"}))
    notes.sign_note(practice.uow(), signed.note_id)
    plan = today.day_plan(practice.uow(), NOW)
    assert [(d.session_id, d.age_days, d.age) for d in plan.drafts] == [
        (red.id, 5, DraftAge.OVER_THREE_DAYS),
        (amber.id, 1, DraftAge.OVER_A_DAY),
        (fresh.id, 0, DraftAge.FRESH),
    ]
    assert [d.session_id for d in plan.drafts_from(DAY)] == [fresh.id]
    assert [d.session_id for d in today.unsigned_from(practice.uow(), DAY)] == [fresh.id]


def test_handouts_given_at_the_last_session_are_shown_for_the_next_one(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    zoe, _lukasz = couple_case.partners
    older = record_session(couple_case.id, NOW - timedelta(days=14))
    last = record_session(couple_case.id, NOW - timedelta(days=7))
    give_handout(practice, couple_case.id, older.id, None, 1)  # not from the last session
    give_handout(practice, couple_case.id, last.id, zoe.id, 3)
    give_handout(practice, couple_case.id, last.id, None, 2)
    assert today.day_plan(practice.uow(), NOW).handouts == ()  # no session coming
    coming = book(practice, couple_case.id, NOW + timedelta(days=1))
    plan = today.day_plan(practice.uow(), NOW)
    assert [(h.partner_name, h.step) for h in plan.handouts] == [
        ("Zoë", Step.LEAN_IN),
        (None, Step.NAME_WHATS_HAPPENING),
    ]
    assert {(h.last_session, h.next_session) for h in plan.handouts} == {
        (last.starts_at, coming.starts_at)
    }


def test_cases_with_no_session_for_thirty_days_are_listed(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    record_session(couple_case.id, NOW - timedelta(days=40))
    booked = book(practice, couple_case.id, NOW + timedelta(days=3))
    record_session(individual_case.id, NOW - timedelta(days=10))
    new = cases.create_case(
        practice.uow(),
        CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Ana"),), opened_on=DAY),
        today=DAY,
    )
    plan = today.day_plan(practice.uow(), NOW)
    assert [(q.case_id, q.days_quiet, q.next_session) for q in plan.quiet] == [
        (couple_case.id, 40, booked.starts_at)
    ]
    assert new.id not in {q.case_id for q in plan.quiet}  # opened today: not quiet yet
    cases.close_case(practice.uow(), couple_case.id)
    assert today.day_plan(practice.uow(), NOW).quiet == ()  # closed cases are left alone


def test_looking_at_the_day_is_audited_once_and_a_refresh_is_not(
    practice: OpenPractice, audit_log: Callable[[], list[AuditRow]]
) -> None:
    before = len(audit_log())
    today.day_plan(practice.uow(), NOW)
    assert audit_log()[-1][:2] == ("viewed", "practice")
    assert audit_log()[-1][5] == "today 2025-03-12"
    today.day_plan(practice.uow(), NOW, record_view=False)
    assert len(audit_log()) == before + 1


def test_another_date_shows_that_day(practice: OpenPractice, couple_case: CaseDetail) -> None:
    s = book(practice, couple_case.id, datetime(2025, 4, 1, 10, 0))
    plan = today.day_plan(practice.uow(), NOW, date(2025, 4, 1))
    assert [x.session_id for x in plan.on(date(2025, 4, 1))] == [s.id]

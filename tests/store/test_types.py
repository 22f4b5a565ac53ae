"""Typed columns store exactly the text they stored as plain strings, so older practices
need no migration, and hand the program enum members and aware UTC times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality, SessionInput
from clarity_desktop.services import sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.models import AuditEvent, Case, Session
from clarity_desktop.store.practice import OpenPractice


def test_a_case_reads_as_enums_and_is_stored_as_before(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with practice.uow() as uow:
        case = uow.session.get(Case, couple_case.id)
        assert case is not None
        assert (case.kind, case.status) == (CaseKind.COUPLE, CaseStatus.ACTIVE)
        raw = uow.session.execute(
            text("SELECT kind, status FROM cases WHERE id = :id"), {"id": couple_case.id}
        ).one()
    assert tuple(raw) == ("couple", "active")


def test_a_mistyped_value_is_refused_before_it_is_written(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with practice.uow() as uow:
        case = uow.session.get(Case, couple_case.id)
        assert case is not None
        case.status = "actve"  # type: ignore[assignment]  # what mypy now catches
        with pytest.raises(StatementError, match="actve"):
            uow.session.flush()


def test_times_are_stored_as_naive_utc_and_read_as_aware_utc(practice: OpenPractice) -> None:
    with practice.uow() as uow:
        uow.audit(AuditAction.VIEWED, "practice")  # stamped now, in UTC
        uow.commit()
    with practice.uow() as uow:
        row_id, at = uow.session.execute(
            select(AuditEvent.id, AuditEvent.at).order_by(AuditEvent.id.desc()).limit(1)
        ).one()
        raw = uow.session.execute(
            text("SELECT at FROM audit_events WHERE id = :id"), {"id": row_id}
        ).scalar_one()
    assert at.tzinfo is UTC and abs(datetime.now(UTC) - at) < timedelta(minutes=5)
    # as stored before: UTC wall time, no zone in the text
    assert datetime.fromisoformat(raw) == at.replace(tzinfo=None) and "+" not in raw


def test_a_session_start_stays_the_wall_clock_time_entered_and_refuses_a_zone(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    booked = sessions.create_session(
        practice.uow(),
        couple_case.id,
        SessionInput(
            starts_at=datetime(2025, 3, 30, 10, 0), duration_minutes=50, modality=Modality.IN_PERSON
        ),
    )
    with practice.uow() as uow:
        row = uow.session.get(Session, booked.id)
        assert row is not None and row.starts_at == datetime(2025, 3, 30, 10, 0)
        raw = uow.session.execute(
            text("SELECT starts_at FROM sessions WHERE id = :id"), {"id": booked.id}
        ).scalar_one()
        assert datetime.fromisoformat(raw) == datetime(2025, 3, 30, 10, 0)
        row.starts_at = datetime(2025, 3, 30, 10, 0, tzinfo=UTC)
        with pytest.raises(StatementError, match="wall-clock time carries no zone"):
            uow.session.flush()

"""What each partner answers: one answer set per partner and instrument, usually linked to a
session, recorded from the clinic screen or copied in from a printed form, and the course
of those scores over a case.

An answer set is checked whole against its instrument's definition (domain/instruments.py)
before anything is written. It stays changeable until the linked session's note is signed;
after that it is part of the signed record and refused here and by the database's triggers
(revision 0009). One with no session stays changeable, each change audited.

Definitions come from resources/measures and the practice folder's measures/
(:func:`catalogue`), read on each call so an added file shows the next time. Scores are
always worked out from the stored answers and the current definition, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, NotFound, RecordLocked, ValidationError
from clarity_desktop.domain.instruments import (
    AnswerSource,
    Band,
    Change,
    Instrument,
    band,
    change,
    check_answers,
    scores,
)
from clarity_desktop.services.measure_forms import catalogue as catalogue  # re-exported
from clarity_desktop.services.measure_forms import find as find
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import Case, MeasureResponse
from clarity_desktop.store.models import Session as SessionRow
from clarity_desktop.store.uow import UnitOfWork, utcnow

ENTITY = "measure_response"


@dataclass(frozen=True)
class AnswerSet:
    id: int
    case_id: int
    partner_id: int
    session_id: int | None
    instrument: str
    instrument_version: int
    answered_on: date
    source: AnswerSource
    answers: dict[str, int | None]
    locked: bool  # its session's note is signed


def _view(row: MeasureResponse, locked: bool) -> AnswerSet:
    return AnswerSet(
        id=row.id,
        case_id=row.case_id,
        partner_id=row.partner_id,
        session_id=row.session_id,
        instrument=row.instrument,
        instrument_version=row.instrument_version,
        answered_on=row.answered_on,
        source=AnswerSource(row.source),
        answers=dict(row.answers),
        locked=locked,
    )


def _case(db: DbSession, case_id: int) -> Case:
    case = db.execute(
        select(Case).where(Case.id == case_id).options(selectinload(Case.partners))
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    return case


def _signed(session: SessionRow | None) -> bool:
    return session is not None and session.note is not None and session.note.signed_at is not None


def _linked_session(uow: UnitOfWork, case: Case, session_id: int | None) -> SessionRow | None:
    if session_id is None:
        return None
    session = uow.session.execute(
        select(SessionRow).where(SessionRow.id == session_id).options(selectinload(SessionRow.note))
    ).scalar_one_or_none()
    if session is None:
        raise NotFound(ErrorCode.NO_SUCH_SESSION, session_id=session_id)
    if session.case_id != case.id:
        raise ValidationError(ErrorCode.SESSION_NOT_IN_CASE, "session", session_id=session_id)
    return session


def _check_partner(case: Case, session: SessionRow | None, partner_id: int) -> None:
    if partner_id not in {p.id for p in case.partners}:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "partner")
    attending = None if session is None else session.attending_partner_id
    if attending is not None and attending != partner_id:
        raise ValidationError(ErrorCode.MEASURE_PARTNER_NOT_AT_SESSION, "partner")


def record_answers(
    uow: UnitOfWork,
    instrument: Instrument,
    case_id: int,
    partner_id: int,
    answers: dict[str, int | None],
    *,
    session_id: int | None = None,
    answered_on: date | None = None,
    source: AnswerSource = AnswerSource.SCREEN,
) -> AnswerSet:
    """Store one partner's answers to *instrument* (checked whole first). *answered_on*
    defaults to the linked session's day, else today."""
    require(uow.principal, Permission.WRITE_RECORDS)
    checked = check_answers(instrument, answers)
    with uow:
        case = _case(uow.session, case_id)
        session = _linked_session(uow, case, session_id)
        _check_partner(case, session, partner_id)
        if _signed(session):
            raise RecordLocked(ErrorCode.MEASURE_ANSWERS_LOCKED)
        day = answered_on or (session.starts_at.date() if session else date.today())
        now = utcnow()
        row = MeasureResponse(
            case_id=case.id,
            partner_id=partner_id,
            session_id=session_id,
            instrument=instrument.id,
            instrument_version=instrument.version,
            answered_on=day,
            source=source.value,
            answers=checked,
            created_at=now,
            updated_at=now,
            created_by_id=uow.principal.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(AuditAction.CREATED, ENTITY, row.id, case.id, f"{instrument.id} ({source.value})")
        view = _view(row, False)
        uow.commit()
        return view


def _answer_set(uow: UnitOfWork, answer_set_id: int) -> tuple[MeasureResponse, SessionRow | None]:
    row = uow.session.get(MeasureResponse, answer_set_id)
    if row is None:
        raise NotFound(ErrorCode.NO_SUCH_ANSWER_SET, answer_set_id=answer_set_id)
    session = _linked_session(uow, _case(uow.session, row.case_id), row.session_id)
    if _signed(session):
        raise RecordLocked(ErrorCode.MEASURE_ANSWERS_LOCKED)
    return row, session


def change_answers(
    uow: UnitOfWork,
    instrument: Instrument,
    answer_set_id: int,
    answers: dict[str, int | None],
    *,
    answered_on: date | None = None,
) -> AnswerSet:
    """Correct an answer set while its session's note is unsigned."""
    require(uow.principal, Permission.WRITE_RECORDS)
    checked = check_answers(instrument, answers)
    with uow:
        row, _session = _answer_set(uow, answer_set_id)
        if row.instrument != instrument.id:
            raise NotFound(ErrorCode.NO_SUCH_MEASURE, measure=instrument.id)
        row.answers = checked
        row.instrument_version = instrument.version
        if answered_on is not None:
            row.answered_on = answered_on
        row.updated_at = utcnow()
        uow.audit(AuditAction.CHANGED, ENTITY, row.id, row.case_id, row.instrument)
        view = _view(row, False)
        uow.commit()
        return view


def remove_answers(uow: UnitOfWork, answer_set_id: int) -> None:
    """Remove an answer set entered by mistake, while its session's note is unsigned."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        row, _session = _answer_set(uow, answer_set_id)
        case_id, what = row.case_id, row.instrument
        uow.session.delete(row)
        uow.audit(AuditAction.ANSWERS_REMOVED, ENTITY, answer_set_id, case_id, what)
        uow.commit()


# -- the course over a case -----------------------------------------------------------


@dataclass(frozen=True)
class ScorePoint:
    answer_set_id: int
    answered_on: date
    session_id: int | None
    value: float | None  # None: too many items skipped for this score
    band: Band | None  # only where the definition gives a cut-off
    change: Change | None  # against this partner's previous score, where the definition
    # gives a reliable-change value
    source: AnswerSource


@dataclass(frozen=True)
class Gap:
    session_id: int
    answered_on: date
    gap: float  # the absolute difference between the partners' scores at this session


@dataclass(frozen=True)
class ScoreCourse:
    scoring_id: str
    by_partner: dict[int, tuple[ScorePoint, ...]]  # partner id -> oldest first
    gaps: tuple[Gap, ...]  # sessions where both partners have a score


@dataclass(frozen=True)
class InstrumentCourse:
    instrument: Instrument
    scores: tuple[ScoreCourse, ...]  # in the definition's order
    answer_sets: tuple[AnswerSet, ...]


@dataclass(frozen=True)
class CaseMeasures:
    case_id: int
    partners: tuple[tuple[int, str, str], ...]  # (id, name, language) in case order
    instruments: tuple[InstrumentCourse, ...]  # only those with answers, catalogue order
    unknown: tuple[str, ...]  # instruments answered whose definition is gone


def case_measures(uow: UnitOfWork, case_id: int, instruments: Sequence[Instrument]) -> CaseMeasures:
    """Every answer set of the case, scored, per instrument, score and partner."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        found = scored_measures(uow.session, case_id, instruments)
        uow.audit(AuditAction.VIEWED, "case", case_id, case_id, "measures")
        uow.commit()
    return found


def scored_measures(db: DbSession, case_id: int, instruments: Sequence[Instrument]) -> CaseMeasures:
    """:func:`case_measures` on a session the caller already holds, neither checking
    permission nor auditing: for a service that reads the measures as part of its own
    audited action (the plan review, services/plan_goals.py)."""
    case = _case(db, case_id)
    rows = (
        db.execute(
            select(MeasureResponse)
            .where(MeasureResponse.case_id == case_id)
            .order_by(MeasureResponse.answered_on, MeasureResponse.id)
        )
        .scalars()
        .all()
    )
    signed = _signed_sessions(db, {r.session_id for r in rows if r.session_id})
    views = [_view(r, r.session_id in signed) for r in rows]
    partners = tuple(
        (p.id, p.name, p.language) for p in sorted(case.partners, key=lambda p: p.position)
    )
    known = {i.id for i in instruments}
    courses = tuple(
        _course(instrument, [v for v in views if v.instrument == instrument.id], partners)
        for instrument in instruments
        if any(v.instrument == instrument.id for v in views)
    )
    unknown = tuple(sorted({v.instrument for v in views} - known))
    return CaseMeasures(case_id, partners, courses, unknown)


def _signed_sessions(db: DbSession, ids: set[Any]) -> set[int]:
    if not ids:
        return set()
    sessions = (
        db.execute(
            select(SessionRow).where(SessionRow.id.in_(ids)).options(selectinload(SessionRow.note))
        )
        .scalars()
        .all()
    )
    return {s.id for s in sessions if _signed(s)}


def _course(
    instrument: Instrument,
    views: list[AnswerSet],
    partners: tuple[tuple[int, str, str], ...],
) -> InstrumentCourse:
    courses = []
    for scoring in instrument.scores:
        by_partner: dict[int, tuple[ScorePoint, ...]] = {}
        for partner_id, _name, _language in partners:
            points: list[ScorePoint] = []
            previous: float | None = None
            for view in (v for v in views if v.partner_id == partner_id):
                value = scores(instrument, view.answers).get(scoring.id)
                points.append(
                    ScorePoint(
                        view.id,
                        view.answered_on,
                        view.session_id,
                        value,
                        band(scoring, value),
                        change(scoring, previous, value),
                        view.source,
                    )
                )
                if value is not None:
                    previous = value
            by_partner[partner_id] = tuple(points)
        courses.append(ScoreCourse(scoring.id, by_partner, _gaps(by_partner)))
    return InstrumentCourse(instrument, tuple(courses), tuple(views))


def _gaps(by_partner: dict[int, tuple[ScorePoint, ...]]) -> tuple[Gap, ...]:
    if len(by_partner) != 2:
        return ()
    first, second = by_partner.values()
    theirs = {p.session_id: p for p in second if p.session_id and p.value is not None}
    gaps = [
        Gap(p.session_id, p.answered_on, abs(p.value - theirs[p.session_id].value))  # type: ignore[operator]
        for p in first
        if p.session_id in theirs and p.value is not None
    ]
    return tuple(g for g in gaps if g.session_id is not None)

"""A case's readings over time, for the dashboard, the overview and the reports."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.errors import ErrorCode, NotFound
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.services import views
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import Case, Note, Session
from clarity_desktop.store.uow import UnitOfWork


def case_timeline(uow: UnitOfWork, case_id: int) -> Timeline:
    """Every session of the case that took place, oldest first, with steps and readings."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return load_timeline(db, case_id)


def load_timeline(db: DbSession, case_id: int) -> Timeline:
    """The case's timeline in the caller's open session. Four queries whatever the number
    of sessions (selectin loading), so 300 sessions stay quick."""
    case = db.execute(
        select(Case).where(Case.id == case_id).options(selectinload(Case.partners))
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    sessions = (
        db.execute(
            select(Session)
            .where(Session.case_id == case_id, Session.status == SessionStatus.HELD)
            .order_by(Session.starts_at, Session.id)
            .options(
                selectinload(Session.note).selectinload(Note.partner_steps),
                selectinload(Session.note).selectinload(Note.partner_readings),
                selectinload(Session.note).selectinload(Note.couple_reading),
            )
        )
        .scalars()
        .all()
    )
    return Timeline(
        case_id=case.id,
        partner_ids=tuple(p.id for p in case.partners),
        partner_names=tuple(p.name for p in case.partners),
        safety_flag=case.safety_flag,
        points=tuple(_point(s, case.kind is CaseKind.COUPLE) for s in sessions),
    )


def _point(s: Session, couple_case: bool) -> SessionPoint:
    joint = couple_case and s.attending_partner_id is None
    note = s.note
    if note is None:
        return SessionPoint(s.id, s.starts_at, joint, {}, {}, None)
    return SessionPoint(
        session_id=s.id,
        starts_at=s.starts_at,
        joint=joint,
        steps={ps.partner_id: Step(ps.step) for ps in note.partner_steps},
        partners={r.partner_id: views.partner_reading(r) for r in note.partner_readings},
        couple=views.couple_reading(note.couple_reading) if note.couple_reading else None,
        private=note.private,
    )

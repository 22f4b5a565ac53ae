"""Building the read-only views from models, shared by the services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import object_session, selectinload

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import ErrorCode, NotFound
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.supervision import ReviewState
from clarity_desktop.services.dto import (
    AddendumView,
    CaseDetail,
    NoteView,
    PartnerView,
    SessionView,
)
from clarity_desktop.store.models import (
    Case,
    CoupleReadingRow,
    Note,
    NotePartnerStep,
    NoteReview,
    Partner,
    PartnerReadingRow,
    Session,
)


def load_note(db: DbSession, note_id: int) -> Note:
    """The note with everything its view shows, in the caller's open session: the loader
    other services build on, so an action that needs a note stays one transaction."""
    note = db.execute(
        select(Note)
        .where(Note.id == note_id)
        .options(
            selectinload(Note.steps),
            selectinload(Note.partner_steps),
            selectinload(Note.partner_readings),
            selectinload(Note.couple_reading),
            selectinload(Note.addenda),
            selectinload(Note.session).selectinload(Session.case),
        )
    ).scalar_one_or_none()
    if note is None:
        raise NotFound(ErrorCode.NO_SUCH_NOTE, note_id=note_id)
    return note


def attending_label(case: Case, partner_id: int | None) -> str:
    if partner_id is None:
        return "Both partners" if case.kind is CaseKind.COUPLE else case.partners[0].name
    for p in case.partners:
        if p.id == partner_id:
            return p.name
    return "Unknown"


def current_steps(db: DbSession, case_id: int) -> dict[int, Step]:
    """Each partner's step from the newest session whose note records it."""
    rows = db.execute(
        select(NotePartnerStep.partner_id, NotePartnerStep.step)
        .join(Note, Note.id == NotePartnerStep.note_id)
        .join(Session, Session.id == Note.session_id)
        .where(Session.case_id == case_id)
        .order_by(Session.starts_at.desc(), Session.id.desc())
    ).all()
    out: dict[int, Step] = {}
    for partner_id, step in rows:
        out.setdefault(partner_id, Step(step))
    return out


def session_view(case: Case, s: Session) -> SessionView:
    note = s.note
    return SessionView(
        id=s.id,
        case_id=s.case_id,
        starts_at=s.starts_at,
        duration_minutes=s.duration_minutes,
        modality=s.modality,
        attending_partner_id=s.attending_partner_id,
        attending_label=attending_label(case, s.attending_partner_id),
        note_id=note.id if note else None,
        note_signed=bool(note and note.signed_at),
        note_private=bool(note and note.private),
        steps=tuple(Step(t.step) for t in note.steps) if note else (),
        status=s.status,
        status_reason=s.status_reason,
        status_changed_at=s.status_changed_at,
        series_id=s.series_id,
    )


def case_detail(db: DbSession, case_id: int) -> CaseDetail:
    case = db.execute(
        select(Case)
        .where(Case.id == case_id)
        .options(
            selectinload(Case.partners),
            selectinload(Case.sessions).selectinload(Session.note).selectinload(Note.steps),
        )
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    steps = current_steps(db, case_id)
    sessions = sorted(case.sessions, key=lambda s: (s.starts_at, s.id), reverse=True)
    return CaseDetail(
        id=case.id,
        kind=case.kind,
        display_name=case.display_name,
        relationship_structure=case.relationship_structure,
        status=case.status,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        safety_flag=case.safety_flag,
        safety_note=case.safety_note,
        partners=tuple(partner_view(p, steps.get(p.id)) for p in case.partners),
        sessions=tuple(session_view(case, s) for s in sessions),
    )


def partner_view(p: Partner, step: Step | None) -> PartnerView:
    return PartnerView(
        id=p.id,
        position=p.position,
        name=p.name,
        pronouns=p.pronouns,
        date_of_birth=p.date_of_birth,
        email=p.email,
        phone=p.phone,
        current_step=step,
        language=Language(p.language),
    )


def note_view(note: Note) -> NoteView:
    session = note.session
    cosigned = _cosignature(note)
    case = session.case
    return NoteView(
        id=note.id,
        session_id=session.id,
        case_id=case.id,
        case_name=case.display_name,
        session_starts_at=session.starts_at,
        attending_partner_id=session.attending_partner_id,
        attending_label=attending_label(case, session.attending_partner_id),
        template=note.template,
        sections={str(k): str(v) for k, v in (note.sections or {}).items()},
        steps=tuple(Step(t.step) for t in note.steps),
        partner_steps={ps.partner_id: Step(ps.step) for ps in note.partner_steps},
        private=note.private,
        partner_readings={r.partner_id: partner_reading(r) for r in note.partner_readings},
        couple_reading=couple_reading(note.couple_reading) if note.couple_reading else None,
        updated_at=note.updated_at,
        signed_at=note.signed_at,
        signed_by=note.signed_by,
        row_version=note.row_version,
        cosigned_by=cosigned[0],
        cosigned_at=cosigned[1],
        addenda=tuple(
            AddendumView(a.id, a.note_id, a.created_at, a.author, a.body) for a in note.addenda
        ),
    )


def _cosignature(note: Note) -> tuple[str | None, datetime | None]:
    """Who co-signed a signed note, and when: one query, for signed notes only (a draft,
    saved every few seconds, never has one)."""
    db = object_session(note)
    if note.signed_at is None or db is None:
        return None, None
    row = db.execute(
        select(NoteReview.by_name, NoteReview.at)
        .where(NoteReview.note_id == note.id, NoteReview.state == ReviewState.COSIGNED)
        .order_by(NoteReview.id.desc())
        .limit(1)
    ).first()
    return (None, None) if row is None else (row[0], row[1])


def partner_reading(r: PartnerReadingRow) -> PartnerReading:
    return PartnerReading(
        position=r.position,
        stance=r.stance,
        clarity=r.clarity,
        flooded=r.flooded,
        flooding_note=r.flooding_note,
        direction=r.direction,
    )


def couple_reading(r: CoupleReadingRow) -> CoupleReading:
    return CoupleReading(
        loops=frozenset(Loop(v) for v in (r.loops or [])),
        loop_other=r.loop_other,
        intensity=r.intensity,
        trigger=r.trigger,
        co_regulation=r.co_regulation,
        co_regulation_note=r.co_regulation_note,
        repair_attempts=r.repair_attempts,
        repairs_landed=r.repairs_landed,
    )

"""What the session actions share: loading a session with its case and note, checking
who attends, and the words an audit row uses for a session's time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.errors import ErrorCode, NotFound, Phrase, RecordLocked, ValidationError
from clarity_desktop.domain.records import CaseKind, CaseStatus, SessionInput, validate_session
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.store.models import Case, Note, Session
from clarity_desktop.store.uow import UnitOfWork


def load(uow: UnitOfWork, session_id: int) -> Session:
    session = uow.session.execute(
        select(Session)
        .where(Session.id == session_id)
        .options(
            selectinload(Session.case).selectinload(Case.partners),
            selectinload(Session.note).selectinload(Note.steps),
            selectinload(Session.note).selectinload(Note.partner_steps),
            selectinload(Session.note).selectinload(Note.partner_readings),
            selectinload(Session.note).selectinload(Note.couple_reading),
        )
    ).scalar_one_or_none()
    if session is None:
        raise NotFound(ErrorCode.NO_SUCH_SESSION, session_id=session_id)
    return session


def load_case(uow: UnitOfWork, case_id: int) -> Case:
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    return case


def require_active(case: Case, doing: Phrase) -> None:
    if case.status is CaseStatus.CLOSED:
        raise ValidationError(ErrorCode.CASE_CLOSED_REOPEN, "case", doing=doing)


def attending(case: Case, data: SessionInput) -> int | None:
    """The one partner attending, or None for a joint session (and always for an
    individual case, whose one client attends their own sessions)."""
    validate_session(data)
    partner_id = data.attending_partner_id
    if partner_id is not None and partner_id not in {p.id for p in case.partners}:
        raise ValidationError(ErrorCode.ATTENDING_PARTNER_DOES_NOT_BELONG, "attending")
    return None if case.kind is CaseKind.INDIVIDUAL else partner_id


def status_of(session: Session) -> SessionStatus:
    return session.status


def refuse_signed(session: Session, doing: Phrase) -> None:
    if session.note is not None and session.note.signed_at is not None:
        raise RecordLocked(ErrorCode.SESSION_NOTE_SIGNED, doing=doing)


def minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def is_empty_note(note: Note) -> bool:
    """Nothing written or recorded: no text, no step tags, no partner steps, no readings."""
    return (
        not any(str(v).strip() for v in (note.sections or {}).values())
        and not note.steps
        and not note.partner_steps
        and not note.partner_readings
        and note.couple_reading is None
    )

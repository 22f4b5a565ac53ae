"""Sessions that take place: recorded now, started from the schedule, corrected while
their note is a draft, or discarded when made by mistake."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, Phrase, RecordLocked, ValidationError
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, views
from clarity_desktop.services.dto import CaseDetail, CaseSummary, SessionView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.services.sessions.common import (
    attending,
    is_empty_note,
    load,
    load_case,
    minute,
    refuse_signed,
    require_active,
    status_of,
    when,
)
from clarity_desktop.store.models import Case, HandoutGiven, Note, Session, SessionMarker
from clarity_desktop.store.uow import UnitOfWork, utcnow


def get_session(uow: UnitOfWork, session_id: int) -> SessionView:
    """One session's details (no note text), to act on it; not audited, like a list row."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        session = load(uow, session_id)
        return views.session_view(session.case, session)


def _new_note(template: Template, attending_partner_id: int | None) -> Note:
    now = utcnow()
    # An individual session within couples work is private by default: what one
    # partner says alone must not reach the couple unless the therapist decides so.
    return Note(
        template=template,
        sections={},
        private=attending_partner_id is not None,
        created_at=now,
        updated_at=now,
    )


def create_session(
    uow: UnitOfWork, case_id: int, data: SessionInput, template: Template = Template.FIVE_STEPS
) -> SessionView:
    """A session recorded as it happens (or just after): held, with its draft note, so
    there is always exactly one place to write about it."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case, session = _create(uow, case_id, data, template)
        view = views.session_view(case, session)
        uow.commit()
        return view


@dataclass(frozen=True)
class RecordedSession:
    """What the window shows after a session is recorded, from the same transaction: the
    session, the case as it now stands, and the case's row in the case list (the list
    updates that row; it does not read every case again)."""

    session: SessionView
    case: CaseDetail
    row: CaseSummary


def record_session(
    uow: UnitOfWork, case_id: int, data: SessionInput, template: Template = Template.FIVE_STEPS
) -> RecordedSession:
    """create_session, returning everything the window needs in one transaction."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case, session = _create(uow, case_id, data, template)
        done = RecordedSession(
            views.session_view(case, session),
            views.case_detail(uow.session, case.id),
            cases.case_row(uow.session, case.id),
        )
        uow.commit()
        return done


def _create(
    uow: UnitOfWork, case_id: int, data: SessionInput, template: Template
) -> tuple[Case, Session]:
    case = load_case(uow, case_id)
    require_active(case, Phrase.RECORD_SESSION)
    partner_id = attending(case, data)
    session = Session(
        case_id=case.id,
        starts_at=minute(data.starts_at),
        duration_minutes=data.duration_minutes,
        modality=data.modality,
        attending_partner_id=partner_id,
        created_at=utcnow(),
        status=SessionStatus.HELD,
        status_reason="",
    )
    session.note = _new_note(template, partner_id)
    uow.session.add(session)
    uow.session.flush()
    uow.audit(AuditAction.CREATED, "session", session.id, case.id)
    return case, session


def start_session(
    uow: UnitOfWork, session_id: int, template: Template = Template.FIVE_STEPS
) -> SessionView:
    """A scheduled session begins: its note is made (a draft) and it counts as held."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        session = load(uow, session_id)
        status = status_of(session)
        if status is SessionStatus.HELD:
            raise ValidationError(ErrorCode.SESSION_HAS_ALREADY_BEEN_STARTED, "status")
        if status is not SessionStatus.SCHEDULED:
            raise ValidationError(
                ErrorCode.SESSION_MARKED_CANNOT_STARTED_SCHEDULE,
                "status",
                status=status,
            )
        require_active(session.case, Phrase.START_SESSION)
        session.note = _new_note(template, session.attending_partner_id)
        session.status = SessionStatus.HELD
        session.status_changed_at = utcnow()
        uow.session.flush()
        uow.audit(
            AuditAction.STARTED, "session", session.id, session.case_id, when(session.starts_at)
        )
        view = views.session_view(session.case, session)
        uow.commit()
        return view


def correct_session(uow: UnitOfWork, session_id: int, data: SessionInput) -> SessionView:
    """Correct a draft's date, time, duration, modality or attendance (a session entered
    with the wrong details). Refused once the note is signed: then the record stands and
    an addendum says what was wrong."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        session = load(uow, session_id)
        refuse_signed(session, Phrase.CORRECTED)
        if status_of(session) is not SessionStatus.HELD or session.note is None:
            raise ValidationError(
                ErrorCode.ONLY_SESSION_DRAFT_NOTE_CAN,
                "status",
            )
        case = session.case
        partner_id = attending(case, data)
        note = session.note
        changes = []
        new_start = minute(data.starts_at)
        if new_start != session.starts_at:
            changes.append(f"time {when(session.starts_at)} -> {when(new_start)}")
        if data.duration_minutes != session.duration_minutes:
            changes.append(f"duration {session.duration_minutes} -> {data.duration_minutes} min")
        if data.modality is not session.modality:
            old = session.modality.title.lower()
            changes.append(f"setting {old} -> {data.modality.title.lower()}")
        if partner_id != session.attending_partner_id:
            _check_attendance_change(session, note, partner_id)
            changes.append(
                "attendance "
                f"{_attendance_word(session.attending_partner_id)} -> {_attendance_word(partner_id)}"
            )
            if partner_id is not None and not note.private:
                # Now an individual session: its note is private, as such notes start.
                note.private = True
                changes.append("note made private")
        if not changes:
            return views.session_view(case, session)
        session.starts_at = new_start
        session.duration_minutes = data.duration_minutes
        session.modality = data.modality
        session.attending_partner_id = partner_id
        uow.session.flush()
        uow.audit(AuditAction.CORRECTED, "session", session.id, case.id, "; ".join(changes))
        view = views.session_view(case, session)
        uow.commit()
        return view


def _attendance_word(partner_id: int | None) -> str:
    return "joint" if partner_id is None else "individual"


def _check_attendance_change(session: Session, note: Note, partner_id: int | None) -> None:
    """What the draft already records must still belong to someone who attended."""
    if partner_id is None:
        return  # joint: everyone attended, so every recorded partner still fits
    recorded = {ps.partner_id for ps in note.partner_steps} | {
        r.partner_id for r in note.partner_readings
    }
    if recorded - {partner_id}:
        raise ValidationError(
            ErrorCode.DRAFT_RECORDS_STEPS_READINGS_PARTNER,
            "attending",
        )
    if note.couple_reading is not None:
        raise ValidationError(
            ErrorCode.DRAFT_RECORDS_COUPLE_S_LOOP,
            "attending",
        )


def discard_session(uow: UnitOfWork, session_id: int) -> None:
    """Remove a session made by mistake: a scheduled one, or one whose draft note is
    empty. Never a signed note, never a note with anything in it, and never a
    cancellation or no-show (those stay in the record). The audit trail keeps that it
    existed and was discarded."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        session = load(uow, session_id)
        refuse_signed(session, Phrase.DISCARDED)
        status = status_of(session)
        if status.called_off:
            raise ValidationError(ErrorCode.SESSION_MARKED_STAYS_RECORD, "status", status=status)
        note = session.note
        if note is not None and not is_empty_note(note):
            raise ValidationError(
                ErrorCode.DRAFT_HAS_WRITING_STEPS_READINGS,
                "note",
            )
        markers = uow.session.scalar(
            select(func.count(SessionMarker.id)).where(SessionMarker.session_id == session.id)
        )
        handouts = uow.session.scalar(
            select(func.count(HandoutGiven.id)).where(HandoutGiven.session_id == session.id)
        )
        if markers or handouts:
            raise ValidationError(
                ErrorCode.MARKERS_HANDOUTS_ARE_RECORDED_SESSION,
                "note",
            )
        case_id = session.case_id
        what = "scheduled session" if note is None else "empty draft"
        detail = f"{what} of {when(session.starts_at)}"
        if note is not None:
            if note.signed_at is not None:  # refuse_signed said so; the trigger would too
                raise RecordLocked(ErrorCode.SIGNED_NOTE_CANNOT_DISCARDED)
            uow.search.index_note(uow.session, note.id, "")  # drops its search row
            uow.session.delete(note)
            uow.session.flush()
        uow.session.delete(session)
        uow.session.flush()
        uow.audit(AuditAction.DISCARDED, "session", session_id, case_id, detail)
        uow.commit()

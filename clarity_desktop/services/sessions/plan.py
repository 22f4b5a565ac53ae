"""Sessions ahead: scheduling (one, or a weekly or fortnightly series), rescheduling,
cancelling (late or not) and no-shows, and the overlaps worth a warning."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, Phrase, ValidationError
from clarity_desktop.domain.records import MAX_SESSION_MINUTES, SessionInput
from clarity_desktop.domain.schedule import (
    Repeat,
    SessionStatus,
    clean_reason,
    overlaps,
    series_starts,
)
from clarity_desktop.services import views
from clarity_desktop.services.dto import Planned, SessionClash, SessionView
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
from clarity_desktop.store import directory
from clarity_desktop.store.models import Case, Session
from clarity_desktop.store.uow import UnitOfWork, utcnow

# Sessions that take up the therapist's time: a cancelled one frees it.
_OCCUPYING = (SessionStatus.SCHEDULED, SessionStatus.HELD)


def find_clashes(
    uow: UnitOfWork,
    planned: Iterable[tuple[datetime, int]],
    exclude_session_id: int | None = None,
) -> list[SessionClash]:
    """Sessions of the practice, any case, that overlap one of *planned* (start, minutes).
    Read-only; a warning to show, never a refusal."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        return _clashes(uow, list(planned), exclude_session_id)


def _clashes(
    uow: UnitOfWork, planned: list[tuple[datetime, int]], exclude: int | None
) -> list[SessionClash]:
    if not planned:
        return []
    lo = min(start for start, _ in planned) - timedelta(minutes=MAX_SESSION_MINUTES)
    hi = max(start + timedelta(minutes=m) for start, m in planned)
    rows = uow.session.execute(
        select(
            Session.id,
            Session.case_id,
            Case.display_name,
            Session.starts_at,
            Session.duration_minutes,
            Session.status,
            Case.row_version,
        )
        .join(Case, Case.id == Session.case_id)
        .where(Session.starts_at >= lo, Session.starts_at < hi)
        .where(Session.status.in_(_OCCUPYING))
        .order_by(Session.starts_at, Session.id)
    ).all()
    rows = directory.reveal(uow.session, rows, "cases", 1, 6, {2: "display_name"})
    found = []
    for start, minutes in planned:
        for sid, case_id, name, s_start, s_minutes, s_status, _v in rows:
            if sid != exclude and overlaps(start, minutes, s_start, s_minutes):
                found.append(SessionClash(sid, case_id, name, s_start, s_minutes, s_status, start))
    return found


def schedule_sessions(
    uow: UnitOfWork,
    case_id: int,
    data: SessionInput,
    repeat: Repeat | None = None,
    count: int = 1,
) -> Planned:
    """Book one session ahead, or *count* sessions a week or a fortnight apart (one
    series). No note is made until a session is started. Overlaps with other sessions
    are returned as warnings; the sessions are booked all the same."""
    starts = [minute(s) for s in series_starts(data.starts_at, repeat, count)]
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = load_case(uow, case_id)
        require_active(case, Phrase.SCHEDULE_SESSION)
        partner_id = attending(case, data)
        clashes = _clashes(uow, [(s, data.duration_minutes) for s in starts], None)
        series = str(uuid.uuid4()) if len(starts) > 1 else None
        made = []
        for start in starts:
            session = Session(
                case_id=case.id,
                starts_at=start,
                duration_minutes=data.duration_minutes,
                modality=data.modality,
                attending_partner_id=partner_id,
                created_at=utcnow(),
                status=SessionStatus.SCHEDULED,
                status_reason="",
                series_id=series,
            )
            uow.session.add(session)
            made.append(session)
        uow.session.flush()
        for i, session in enumerate(made, start=1):
            detail = f"{when(session.starts_at)}, {session.duration_minutes} min"
            if repeat is not None:
                detail += f", {repeat.value} {i} of {len(made)}"
            uow.audit(AuditAction.SCHEDULED, "session", session.id, case.id, detail)
        views_ = tuple(views.session_view(case, s) for s in made)
        uow.commit()
        return Planned(views_, tuple(clashes))


def reschedule_session(uow: UnitOfWork, session_id: int, data: SessionInput) -> Planned:
    """Move a scheduled session (and change its length, setting or who comes)."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        session = load(uow, session_id)
        if status_of(session) is not SessionStatus.SCHEDULED:
            raise ValidationError(
                ErrorCode.ONLY_SCHEDULED_SESSION_CAN_RESCHEDULED,
                "status",
            )
        case = session.case
        require_active(case, Phrase.RESCHEDULE_SESSION)
        partner_id = attending(case, data)
        start = minute(data.starts_at)
        clashes = _clashes(uow, [(start, data.duration_minutes)], session.id)
        before = f"{when(session.starts_at)}, {session.duration_minutes} min"
        session.starts_at = start
        session.duration_minutes = data.duration_minutes
        session.modality = data.modality
        session.attending_partner_id = partner_id
        uow.session.flush()
        after = f"{when(start)}, {data.duration_minutes} min"
        uow.audit(AuditAction.RESCHEDULED, "session", session.id, case.id, f"{before} -> {after}")
        view = views.session_view(case, session)
        uow.commit()
        return Planned((view,), tuple(clashes))


def cancel_session(
    uow: UnitOfWork, session_id: int, reason: str = "", *, late: bool = False
) -> SessionView:
    """The session will not take place: cancelled, or cancelled late (inside the notice
    the practice asks for). It stays in the record with its reason."""
    status = SessionStatus.LATE_CANCELLED if late else SessionStatus.CANCELLED
    return _call_off(uow, session_id, status, reason)


def mark_no_show(uow: UnitOfWork, session_id: int, reason: str = "") -> SessionView:
    """Nobody came (or not the one expected). It stays in the record with its reason."""
    return _call_off(uow, session_id, SessionStatus.NO_SHOW, reason)


_AUDIT = {
    SessionStatus.CANCELLED: (AuditAction.CANCELLED, "cancelled"),
    SessionStatus.LATE_CANCELLED: (AuditAction.CANCELLED, "late cancellation"),
    SessionStatus.NO_SHOW: (AuditAction.NO_SHOW, "no-show"),
}


def _call_off(uow: UnitOfWork, session_id: int, status: SessionStatus, reason: str) -> SessionView:
    text = clean_reason(reason)
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        session = load(uow, session_id)
        refuse_signed(session, Phrase.CANCELLED)
        current = status_of(session)
        if current.called_off:
            raise ValidationError(ErrorCode.SESSION_ALREADY_MARKED, "status", status=current)
        note = session.note
        if note is not None and not is_empty_note(note):
            raise ValidationError(
                ErrorCode.SESSION_S_NOTE_HAS_WRITING,
                "status",
            )
        if note is not None:  # started by mistake, nothing written: the draft goes
            uow.search.index_note(uow.session, note.id, "")
            uow.session.delete(note)
            session.note = None
            uow.session.flush()
        session.status = status
        session.status_reason = text
        session.status_changed_at = utcnow()
        uow.session.flush()
        action, words = _AUDIT[status]
        detail = f"{words}, session of {when(session.starts_at)}"
        if text:
            detail += ", reason recorded"  # the reason itself stays with the session
        if note is not None:
            detail += ", its empty draft removed"
        uow.audit(action, "session", session.id, session.case_id, detail)
        view = views.session_view(session.case, session)
        uow.commit()
        return view

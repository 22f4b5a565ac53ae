"""The markers tapped in session mode: each tap is written at once, in its own small
transaction with its audit row, so a crash or a killed program loses none of them.

Markers belong to a session and are locked with its note: once the note is signed they
are refused here, and by the triggers of revision 0006 underneath. Undo removes the
last tap while the note is a draft (audited too); the quote's words never go into the
audit trail, only that a quote was marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.errors import ErrorCode, NotFound, RecordLocked, ValidationError
from clarity_desktop.domain.markers import Marker, MarkerKind, validate_marker
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import Case, SessionMarker
from clarity_desktop.store.models import Session as SessionRow
from clarity_desktop.store.uow import UnitOfWork, utcnow

NOT_HELD = {
    SessionStatus.CANCELLED: ErrorCode.SESSION_CANCELLED_NO_MARKERS,
    SessionStatus.LATE_CANCELLED: ErrorCode.SESSION_CANCELLED_NO_MARKERS,
    SessionStatus.NO_SHOW: ErrorCode.SESSION_NO_SHOW_NO_MARKERS,
    SessionStatus.SCHEDULED: ErrorCode.SESSION_NOT_STARTED_NO_MARKERS,
}

# Between the partners: only where both are in the room.
JOINT_ONLY = (MarkerKind.LOOP_EPISODE, MarkerKind.CO_REGULATION, MarkerKind.REPAIR_ATTEMPT)


@dataclass(frozen=True)
class MarkerView:
    id: int
    session_id: int
    at: datetime  # UTC
    kind: MarkerKind
    partner_id: int | None
    other_partner_id: int | None
    landed: bool | None
    text: str

    def local(self) -> Marker:
        """The domain's marker, its time on the local clock."""
        at = as_utc(self.at).astimezone().replace(tzinfo=None)
        return Marker(
            self.id, at, self.kind, self.partner_id, self.other_partner_id, self.landed, self.text
        )


def _view(m: SessionMarker) -> MarkerView:
    return MarkerView(
        id=m.id,
        session_id=m.session_id,
        at=m.at,
        kind=m.kind,
        partner_id=m.partner_id,
        other_partner_id=m.other_partner_id,
        landed=m.landed,
        text=m.text,
    )


def _session(uow: UnitOfWork, session_id: int) -> SessionRow:
    session = uow.session.execute(
        select(SessionRow)
        .where(SessionRow.id == session_id)
        .options(
            selectinload(SessionRow.note),
            selectinload(SessionRow.case).selectinload(Case.partners),
        )
    ).scalar_one_or_none()
    if session is None:
        raise NotFound(ErrorCode.NO_SUCH_SESSION, session_id=session_id)
    return session


def _writable(session: SessionRow) -> None:
    if session.note is not None and session.note.signed_at is not None:
        raise RecordLocked(ErrorCode.MARKERS_LOCKED)
    reason = NOT_HELD.get(session.status)
    if reason:
        raise ValidationError(reason, "session")


def in_the_room(session: SessionRow) -> set[int]:
    """The partners at this session: both at a joint one, else the one who came."""
    if session.attending_partner_id is not None:
        return {session.attending_partner_id}
    return {p.id for p in session.case.partners}


def add_marker(
    uow: UnitOfWork,
    session_id: int,
    kind: MarkerKind,
    *,
    partner_id: int | None = None,
    other_partner_id: int | None = None,
    text: str = "",
    at: datetime | None = None,
    wait: float | None = None,
) -> MarkerView:
    """Write one marker now (committed before this returns). *at* is UTC, default now.
    With *wait*, give up after that many seconds if another task holds the write lock
    (PracticeBusy; nothing written): session mode keeps the tap and tries again."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    with uow:
        session = _session(uow, session_id)
        _writable(session)
        joint = session.case.kind is CaseKind.COUPLE and session.attending_partner_id is None
        if kind in JOINT_ONLY and not joint:
            raise ValidationError(ErrorCode.LOOP_BETWEEN_PARTNERS_MARKED_JOINT, "kind")
        clean = validate_marker(kind, partner_id, other_partner_id, text, in_the_room(session))
        now = utcnow()
        row = SessionMarker(
            session_id=session.id,
            at=at or now,
            kind=kind,
            partner_id=partner_id,
            other_partner_id=other_partner_id,
            landed=None,
            text=clean,
            created_at=now,
        )
        uow.session.add(row)
        uow.session.flush()
        uow.audit(
            AuditAction.MARKER_ADDED,
            "session",
            session.id,
            session.case_id,
            kind.value.replace("_", " "),
        )
        view = _view(row)
        uow.commit()
        return view


def _marker(uow: UnitOfWork, marker_id: int) -> tuple[SessionMarker, SessionRow]:
    row = uow.session.get(SessionMarker, marker_id)
    if row is None:
        raise NotFound(ErrorCode.NO_SUCH_MARKER, marker_id=marker_id)
    return row, _session(uow, row.session_id)


def set_landed(
    uow: UnitOfWork, marker_id: int, landed: bool | None, *, wait: float | None = None
) -> MarkerView:
    """Say whether a repair attempt landed (None: not said; *wait* as for add_marker)."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    with uow:
        row, session = _marker(uow, marker_id)
        _writable(session)
        if row.kind is not MarkerKind.REPAIR_ATTEMPT:
            raise ValidationError(ErrorCode.ONLY_REPAIR_ATTEMPT_LANDS_DOES, "landed")
        row.landed = landed
        word = {True: "landed", False: "did not land", None: "not said"}[landed]
        uow.audit(
            AuditAction.MARKER_CHANGED, "session", session.id, session.case_id, f"repair {word}"
        )
        view = _view(row)
        uow.commit()
        return view


def remove_marker(uow: UnitOfWork, marker_id: int, *, wait: float | None = None) -> None:
    """Undo a tap while the note is a draft (*wait* as for :func:`add_marker`)."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    with uow:
        row, session = _marker(uow, marker_id)
        _writable(session)
        kind = row.kind.value.replace("_", " ")
        uow.session.delete(row)
        uow.audit(AuditAction.MARKER_REMOVED, "session", session.id, session.case_id, kind)
        uow.commit()


def session_markers(uow: UnitOfWork, session_id: int) -> tuple[MarkerView, ...]:
    """Every marker of the session, oldest first."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return load_markers(db, session_id)


def load_markers(db: DbSession, session_id: int) -> tuple[MarkerView, ...]:
    """session_markers in the caller's open session."""
    rows = db.execute(
        select(SessionMarker)
        .where(SessionMarker.session_id == session_id)
        .order_by(SessionMarker.at, SessionMarker.id)
    ).scalars()
    return tuple(_view(r) for r in rows)

"""Which handout went to whom, at which session: recorded when the therapist prints or
saves a handout (the document dialog offers it, ticked), read by the session brief, the
case summary and the Today view.

A handout given at a session whose note is private (an individual session in couples
work) carries that session's privacy mark: which step one partner was handed alone says
where they stand, so the brief and the summary leave it out unless private sessions are
included on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import INDIVIDUAL_SESSION, PRIVATE_SESSION
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import Case, HandoutGiven, Note
from clarity_desktop.store.models import Session as SessionRow
from clarity_desktop.store.uow import UnitOfWork, utcnow

BOTH = "Both partners"


@dataclass(frozen=True)
class HandoutGivenView:
    id: int
    case_id: int
    session_id: int | None
    session_starts_at: datetime | None  # local wall-clock time, as booked
    partner_id: int | None  # None: both partners
    to: str  # "Both partners", or the partner's name
    step: Step
    given_at: datetime  # UTC
    safety_aware: bool
    privacy_mark: str  # "" / "individual session" / "private session"
    language: Language = DEFAULT_LANGUAGE  # the language it was printed in

    @property
    def given_on(self) -> date:
        """The session's day, else the day (local) it was recorded."""
        if self.session_starts_at is not None:
            return self.session_starts_at.date()
        return as_utc(self.given_at).astimezone().date()


def _mark(session: SessionRow | None) -> str:
    if session is None or session.note is None or not session.note.private:
        return ""
    return INDIVIDUAL_SESSION if session.attending_partner_id is not None else PRIVATE_SESSION


def _view(row: HandoutGiven, case: Case, session: SessionRow | None) -> HandoutGivenView:
    names = {p.id: p.name for p in case.partners}
    return HandoutGivenView(
        id=row.id,
        case_id=row.case_id,
        session_id=row.session_id,
        session_starts_at=session.starts_at if session is not None else None,
        partner_id=row.partner_id,
        to=BOTH if row.partner_id is None else names.get(row.partner_id, "A partner"),
        step=Step(row.step),
        given_at=row.given_at,
        safety_aware=bool(row.safety_aware),
        privacy_mark=_mark(session),
        language=Language(row.language),
    )


def record_given(
    uow: UnitOfWork,
    case_id: int,
    step: Step,
    *,
    partner_id: int | None = None,
    session_id: int | None = None,
    language: Language | str | None = None,
) -> HandoutGivenView:
    """Record that the handout for *step* went to *partner_id* (None in a couple case:
    both partners) at *session_id*, in *language* (None: the language the handout
    service would choose, the partner's own). Whether it was the safety-aware version
    follows the case's safety flag, as the handout itself does."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = uow.session.execute(
            select(Case).where(Case.id == case_id).options(selectinload(Case.partners))
        ).scalar_one_or_none()
        if case is None:
            raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
        ids = {p.id for p in case.partners}
        if partner_id is not None and partner_id not in ids:
            raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "partner_id")
        if case.kind is CaseKind.INDIVIDUAL:
            partner_id = case.partners[0].id  # the one client
        session = None
        if session_id is not None:
            session = uow.session.execute(
                select(SessionRow)
                .where(SessionRow.id == session_id)
                .options(selectinload(SessionRow.note))
            ).scalar_one_or_none()
            if session is None or session.case_id != case.id:
                raise ValidationError(
                    ErrorCode.SESSION_NOT_IN_CASE, "session", session_id=session_id
                )
        if language:
            lang = Language(language)
        else:
            preferred = {p.language for p in case.partners if partner_id in (None, p.id)}
            lang = Language(preferred.pop()) if len(preferred) == 1 else DEFAULT_LANGUAGE
        now = utcnow()
        row = HandoutGiven(
            case_id=case.id,
            session_id=session_id,
            partner_id=partner_id,
            step=int(Step(step)),
            given_at=now,
            safety_aware=case.safety_flag,
            created_at=now,
            language=lang.value,
        )
        uow.session.add(row)
        uow.session.flush()
        who = "both partners" if partner_id is None else f"partner {partner_id}"
        where = f", session {session_id}" if session_id is not None else ""
        said = "" if lang is DEFAULT_LANGUAGE else f", in {lang.display_name}"
        detail = f"step {int(step)}, {who}{where}{said}"
        uow.audit(AuditAction.HANDOUT_GIVEN, "case", case.id, case.id, detail)
        view = _view(row, case, session)
        uow.commit()
        return view


def _views(db: DbSession, rows: Iterable[HandoutGiven]) -> list[HandoutGivenView]:
    rows = list(rows)
    case_ids = {r.case_id for r in rows}
    session_ids = {r.session_id for r in rows if r.session_id is not None}
    cases = {
        c.id: c
        for c in db.execute(
            select(Case).where(Case.id.in_(case_ids)).options(selectinload(Case.partners))
        ).scalars()
    }
    sessions = {
        s.id: s
        for s in db.execute(
            select(SessionRow)
            .where(SessionRow.id.in_(session_ids))
            .options(selectinload(SessionRow.note).load_only(Note.private))
        ).scalars()
    }
    return [
        _view(r, cases[r.case_id], sessions.get(r.session_id) if r.session_id else None)
        for r in rows
    ]


def given_for_case(uow: UnitOfWork, case_id: int) -> tuple[HandoutGivenView, ...]:
    """Every handout recorded as given in the case, newest first."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return load_given(db, case_id)


def load_given(db: DbSession, case_id: int) -> tuple[HandoutGivenView, ...]:
    """given_for_case in the caller's open session."""
    rows = db.execute(
        select(HandoutGiven)
        .where(HandoutGiven.case_id == case_id)
        .order_by(HandoutGiven.given_at.desc(), HandoutGiven.id.desc())
    ).scalars()
    return tuple(_views(db, rows))


def given_at_sessions(
    uow: UnitOfWork, session_ids: Iterable[int]
) -> dict[int, tuple[HandoutGivenView, ...]]:
    """The handouts given at each of *session_ids* (for the Today view: what was
    promised or handed out last time), oldest first per session."""
    wanted = set(session_ids)
    if not wanted:
        return {}
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        rows = uow.session.execute(
            select(HandoutGiven)
            .where(HandoutGiven.session_id.in_(wanted))
            .order_by(HandoutGiven.given_at, HandoutGiven.id)
        ).scalars()
        out: dict[int, list[HandoutGivenView]] = {}
        for v in _views(uow.session, rows):
            assert v.session_id is not None
            out.setdefault(v.session_id, []).append(v)
        return {sid: tuple(vs) for sid, vs in out.items()}


def default_session(
    case: CaseDetail, note_session_id: int | None = None, today: date | None = None
) -> SessionView | None:
    """The session a handout printed now is most likely given at: the open note's, else
    the newest session with a note on or before today."""
    if note_session_id is not None:
        found = next((s for s in case.sessions if s.id == note_session_id), None)
        if found is not None:
            return found
    day = today or date.today()
    held = [s for s in case.sessions if s.note_id is not None and s.starts_at.date() <= day]
    return max(held, key=lambda s: (s.starts_at, s.id)) if held else None

"""The therapist's day: the sessions of a day and the days after it, scheduled sessions
whose time has passed without an outcome, every unsigned draft with its age, the
handouts given at the last session of each case seen soon, and active cases with no
session for a while.

Read in a handful of bulk queries whatever the size of the practice, outside the write
lock (so autosave never waits), with one audit row when a person looks at it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality
from clarity_desktop.domain.schedule import (
    DayWindow,
    DraftAge,
    SessionStatus,
    age_in_days,
    draft_age,
)
from clarity_desktop.domain.steps import Step
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.models import Case, HandoutGiven, Note, Partner, Session
from clarity_desktop.store.uow import UnitOfWork

QUIET_DAYS = 30
DAYS_AHEAD = 7  # the day itself and the six after it


@dataclass(frozen=True)
class DaySession:
    session_id: int
    case_id: int
    case_name: str
    case_kind: CaseKind
    safety_flag: bool
    starts_at: datetime  # local wall-clock time
    duration_minutes: int
    modality: Modality
    attending_label: str  # "Both partners", or the one partner who comes
    status: SessionStatus
    status_reason: str
    note_id: int | None
    note_signed: bool

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True)
class DraftItem:
    """An unsigned note, and how long it has waited since its session."""

    note_id: int
    session_id: int
    case_id: int
    case_name: str
    starts_at: datetime
    age_days: int
    age: DraftAge


@dataclass(frozen=True)
class HandoutReminder:
    """A handout given at a case's last session, for the case's next session."""

    handout_id: int
    case_id: int
    case_name: str
    partner_name: str | None  # None: given to both partners
    step: Step
    given_at: datetime  # UTC
    safety_aware: bool
    last_session: datetime
    next_session: datetime
    language: Language = DEFAULT_LANGUAGE  # the language it was printed in


@dataclass(frozen=True)
class QuietCase:
    case_id: int
    case_name: str
    last_session: datetime | None  # the last session that took place; None: none yet
    next_session: datetime | None  # the next one scheduled, if any
    days_quiet: int  # days since the last session, or since the case was opened


@dataclass(frozen=True)
class DayPlan:
    day: date
    sessions: tuple[DaySession, ...]  # the day and the days after it, in time order
    overdue: tuple[DaySession, ...]  # scheduled before the day, neither started nor called off
    drafts: tuple[DraftItem, ...]  # oldest first
    handouts: tuple[HandoutReminder, ...]
    quiet: tuple[QuietCase, ...]  # longest quiet first

    def on(self, day: date) -> tuple[DaySession, ...]:
        return tuple(s for s in self.sessions if s.starts_at.date() == day)

    def drafts_from(self, day: date) -> tuple[DraftItem, ...]:
        """Unsigned notes of the sessions held on *day* (what quitting asks about)."""
        return tuple(d for d in self.drafts if d.starts_at.date() == day)


def day_plan(
    uow: UnitOfWork,
    now: datetime | None = None,
    day: date | None = None,
    *,
    days: int = DAYS_AHEAD,
    record_view: bool = True,
) -> DayPlan:
    """The plan for *day* (default: today), with draft ages measured at *now* (local
    time). Looking at it is audited once; a window refreshing what it already shows
    passes record_view=False."""
    now = now or datetime.now()
    day = day or now.date()
    window = DayWindow(day, days)
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        plan = _read(db, window, now)
    if record_view:
        with uow:
            uow.audit(AuditAction.VIEWED, "practice", detail=f"today {day.isoformat()}")
            uow.commit()
    return plan


def unsigned_from(uow: UnitOfWork, day: date) -> tuple[DraftItem, ...]:
    """The unsigned notes of sessions held on *day*; not audited (only counted)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        drafts = _drafts(db, datetime.combine(day, datetime.max.time()))
    return tuple(d for d in drafts if d.starts_at.date() == day)


@dataclass(frozen=True)
class _CaseInfo:
    name: str
    kind: CaseKind
    safety_flag: bool
    active: bool
    opened_on: date


def _read(db: DbSession, window: DayWindow, now: datetime) -> DayPlan:
    cases = {
        cid: _CaseInfo(name, kind, bool(flag), status is CaseStatus.ACTIVE, opened)
        for cid, name, kind, flag, status, opened, _v in directory.reveal(
            db,
            db.execute(
                select(
                    Case.id,
                    Case.display_name,
                    Case.kind,
                    Case.safety_flag,
                    Case.status,
                    Case.opened_on,
                    Case.row_version,
                )
            ).all(),
            "cases",
            0,
            6,
            {1: "display_name"},
        )
    }
    names = {cid: c.name for cid, c in cases.items()}
    partners = _partners(db)
    upcoming = _sessions(
        db, cases, partners, Session.starts_at >= window.start, Session.starts_at < window.end
    )
    overdue = _sessions(
        db,
        cases,
        partners,
        Session.starts_at < window.start,
        Session.status == SessionStatus.SCHEDULED,
    )
    return DayPlan(
        day=window.first,
        sessions=upcoming,
        overdue=overdue,
        drafts=_drafts(db, now),
        handouts=_handouts(db, upcoming, names, partners),
        quiet=_quiet(db, cases, now),
    )


def _partners(db: DbSession) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    found = db.execute(
        select(Partner.case_id, Partner.id, Partner.name, Partner.row_version).order_by(
            Partner.position
        )
    ).all()
    for case_id, pid, name, _v in directory.reveal(db, found, "partners", 1, 3, {2: "name"}):
        out[case_id].append((pid, name))
    return out


def _sessions(
    db: DbSession,
    cases: dict[int, _CaseInfo],
    partners: dict[int, list[tuple[int, str]]],
    *where: ColumnElement[bool],
) -> tuple[DaySession, ...]:
    rows = db.execute(
        select(
            Session.id,
            Session.case_id,
            Session.starts_at,
            Session.duration_minutes,
            Session.modality,
            Session.attending_partner_id,
            Session.status,
            Note.id,
            Note.signed_at,
        )
        .outerjoin(Note, Note.session_id == Session.id)
        .where(*where)
        .order_by(Session.starts_at, Session.id)
    ).all()
    reasons = _reasons(db, [r[0] for r in rows if r[6].called_off])
    out = []
    for sid, cid, starts, minutes, modality, attending, status, note_id, signed in rows:
        case = cases[cid]
        kind = case.kind
        out.append(
            DaySession(
                session_id=sid,
                case_id=cid,
                case_name=case.name,
                case_kind=kind,
                safety_flag=case.safety_flag,
                starts_at=starts,
                duration_minutes=minutes,
                modality=modality,
                attending_label=_attending(kind, partners.get(cid, []), attending),
                status=status,
                status_reason=reasons.get(sid, ""),
                note_id=note_id,
                note_signed=signed is not None,
            )
        )
    return tuple(out)


def _reasons(db: DbSession, session_ids: list[int]) -> dict[int, str]:
    """Why the day's called-off sessions were called off, read as whole rows: on a
    practice server the reason is encrypted and the program opens it as it loads the row
    (store/postgres/encrypted_rows.py); a column read past that would be ciphertext. Only
    a called-off session has a reason, so the day's few are all that is read."""
    if not session_ids:
        return {}
    found = db.scalars(select(Session).where(Session.id.in_(session_ids))).all()
    return {s.id: s.status_reason for s in found}


def _attending(kind: CaseKind, partners: list[tuple[int, str]], attending: int | None) -> str:
    if attending is None:
        if kind is CaseKind.COUPLE or not partners:
            return "Both partners"
        return partners[0][1]
    return next((name for pid, name in partners if pid == attending), "Unknown")


def _drafts(db: DbSession, now: datetime) -> tuple[DraftItem, ...]:
    # From the partial index of unsigned notes first (it covers id and session_id), then
    # their sessions: a join driven from sessions would read every note row to test it.
    unsigned = dict(
        (sid, nid)
        for nid, sid in db.execute(select(Note.id, Note.session_id).where(Note.signed_at.is_(None)))
    )
    rows: list[tuple[int, int, int, str, datetime]] = []
    ids = list(unsigned)
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        found = db.execute(
            select(
                Session.id, Session.case_id, Case.display_name, Session.starts_at, Case.row_version
            )
            .join(Case, Case.id == Session.case_id)
            .where(Session.id.in_(chunk))
        ).all()
        for sid, cid, name, starts, _v in directory.reveal(
            db, found, "cases", 1, 4, {2: "display_name"}
        ):
            rows.append((unsigned[sid], sid, cid, name, starts))
    rows.sort(key=lambda r: (r[4], r[1]))
    return tuple(
        DraftItem(
            note_id=note_id,
            session_id=sid,
            case_id=cid,
            case_name=name,
            starts_at=starts,
            age_days=age_in_days(starts, now),
            age=draft_age(starts, now),
        )
        for note_id, sid, cid, name, starts in rows
    )


def _handouts(
    db: DbSession,
    upcoming: tuple[DaySession, ...],
    names: dict[int, str],
    partners: dict[int, list[tuple[int, str]]],
) -> tuple[HandoutReminder, ...]:
    """For each case with a session coming (scheduled or held, not called off), the
    handouts given at its last session before that one."""
    nxt: dict[int, datetime] = {}
    for s in upcoming:
        if not s.status.called_off:
            nxt.setdefault(s.case_id, s.starts_at)
    if not nxt:
        return ()
    held = db.execute(
        select(Session.id, Session.case_id, Session.starts_at)
        .where(Session.case_id.in_(nxt), Session.status == SessionStatus.HELD)
        .order_by(Session.starts_at, Session.id)
    ).all()
    last: dict[int, tuple[int, datetime]] = {}
    for sid, cid, starts in held:
        if starts < nxt[cid]:
            last[cid] = (sid, starts)  # ordered: the latest before the next one wins
    if not last:
        return ()
    given = db.execute(
        select(HandoutGiven)
        .where(HandoutGiven.session_id.in_([sid for sid, _ in last.values()]))
        .order_by(HandoutGiven.case_id, HandoutGiven.given_at, HandoutGiven.id)
    ).scalars()
    partner_names = {pid: name for rows in partners.values() for pid, name in rows}
    out = [
        HandoutReminder(
            handout_id=h.id,
            case_id=h.case_id,
            case_name=names.get(h.case_id, ""),
            partner_name=partner_names.get(h.partner_id) if h.partner_id is not None else None,
            step=Step(h.step),
            given_at=h.given_at,
            safety_aware=h.safety_aware,
            last_session=last[h.case_id][1],
            next_session=nxt[h.case_id],
            language=Language(h.language),
        )
        for h in given
        if h.case_id in last
    ]
    out.sort(key=lambda r: (r.next_session, r.case_name, r.given_at))
    return tuple(out)


def _quiet(db: DbSession, cases: dict[int, _CaseInfo], now: datetime) -> tuple[QuietCase, ...]:
    # One row per case, from the (case, starts_at) index: never every session.
    last: dict[int, datetime] = {
        cid: at
        for cid, at in db.execute(
            select(Session.case_id, func.max(Session.starts_at))
            .where(Session.status == SessionStatus.HELD, Session.starts_at <= now)
            .group_by(Session.case_id)
        )
    }
    upcoming: dict[int, datetime] = {
        cid: at
        for cid, at in db.execute(
            select(Session.case_id, func.min(Session.starts_at))
            .where(Session.status == SessionStatus.SCHEDULED, Session.starts_at > now)
            .group_by(Session.case_id)
        )
    }
    out = []
    for cid, case in cases.items():
        if not case.active:
            continue
        seen = last.get(cid)
        since = seen.date() if seen else case.opened_on
        days = (now.date() - since).days
        if days > QUIET_DAYS:
            out.append(QuietCase(cid, case.name, seen, upcoming.get(cid), days))
    out.sort(key=lambda q: (-q.days_quiet, q.case_name))
    return tuple(out)

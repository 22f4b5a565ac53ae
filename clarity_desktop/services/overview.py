"""The practice overview: every active case in one row, with each partner's current step,
the loop's latest intensity and trend, and what needs attention.

A practice can hold thousands of cases, so the overview is read in five bulk queries
whatever their number (cases with partners, sessions, partner steps, partner readings,
couple readings), grouped in Python into the same domain Timelines the case dashboard
uses, and measured by the same domain functions. One query per case would make opening
the overview grow from milliseconds to seconds as a practice grows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Select, literal, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain import measures
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.measures import AttentionFlag, Trend
from clarity_desktop.domain.movement import Movement, intensity_movement
from clarity_desktop.domain.records import CaseKind, CaseStatus, name_sort_key
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.services import views
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.models import (
    Case,
    CoupleReadingRow,
    Note,
    NotePartnerStep,
    Partner,
    PartnerReadingRow,
    Session,
)
from clarity_desktop.store.uow import UnitOfWork

QUIET_DAYS = measures.DEFAULT_QUIET_DAYS
_STEPS = {int(step): step for step in Step}


@dataclass(frozen=True)
class OverviewRow:
    """One active case as the overview shows it. Everything the filters and sort keys need
    is computed here once, so the table never recomputes a measure while sorting."""

    case_id: int
    display_name: str
    kind: CaseKind
    safety_flag: bool
    partner_names: tuple[str, ...]
    current_steps: tuple[Step | None, ...]  # aligned with partner_names; None: no step yet
    latest_intensity: int | None
    intensity: Movement  # the latest change and the trend, in the domain's words
    last_session: datetime | None  # the newest session that took place
    flags: tuple[AttentionFlag, ...]
    # Partners at different current steps (both recorded); never for one-partner cases.
    steps_differ: bool
    # No session within QUIET_DAYS of today, a case that never had one included (unlike
    # the no_recent_session attention flag, which leaves a brand-new case alone).
    no_recent_session: bool

    @property
    def intensity_trend(self) -> Trend:
        return self.intensity.trend


def practice_overview(uow: UnitOfWork, today: date | None = None) -> list[OverviewRow]:
    """All active cases, sorted by name. Read-only apart from its one audit row."""
    today = today or date.today()
    # The long read runs outside the write lock, so autosave never waits behind it.
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as session:
        timelines, names, kinds = _active_timelines(session)
    rows = [
        _row(timelines[case_id], names[case_id], kinds[case_id], today) for case_id in timelines
    ]
    with uow:
        uow.audit(AuditAction.VIEWED, "practice", detail="overview")
        uow.commit()
    rows.sort(key=lambda r: (name_sort_key(r.display_name), r.case_id))
    return rows


def _row(tl: Timeline, name: str, kind: CaseKind, today: date) -> OverviewRow:
    steps_by_partner = measures.current_steps(tl)
    steps = tuple(steps_by_partner.get(pid) for pid in tl.partner_ids)
    known = {s for s in steps if s is not None}
    last = max((p.starts_at for p in tl.points), default=None)
    return OverviewRow(
        case_id=tl.case_id,
        display_name=name,
        kind=kind,
        safety_flag=tl.safety_flag,
        partner_names=tl.partner_names,
        current_steps=steps,
        latest_intensity=measures.latest_intensity(tl),
        intensity=intensity_movement(tl),
        last_session=last,
        flags=tuple(measures.attention_flags(tl, today, QUIET_DAYS)),
        steps_differ=len(known) > 1,
        no_recent_session=last is None or (today - last.date()).days > QUIET_DAYS,
    )


def _active_timelines(
    session: DbSession,
) -> tuple[dict[int, Timeline], dict[int, str], dict[int, CaseKind]]:
    """Every active case's Timeline (as services.dynamics.case_timeline builds one case's),
    with its display name and kind, in five queries."""
    partner_ids: dict[int, list[int]] = defaultdict(list)
    partner_names: dict[int, list[str]] = defaultdict(list)
    names: dict[int, str] = {}
    kinds: dict[int, CaseKind] = {}
    safety: dict[int, bool] = {}
    # Columns only, read through the Core connection of the same transaction and fetched
    # whole (.all()): the ORM's per-row bookkeeping and row-by-row fetching were most of
    # the time with thousands of cases.
    db = session.connection()
    case_rows = db.execute(
        select(
            Case.id,
            Case.display_name,
            Case.kind,
            Case.safety_flag,
            Partner.id,
            Partner.name,
            Case.row_version,
            Partner.row_version,
        )
        .outerjoin(Partner, Partner.case_id == Case.id)
        .where(Case.status == CaseStatus.ACTIVE)
        .order_by(Case.id, Partner.position)
    ).all()
    case_rows = directory.reveal(session, case_rows, "cases", 0, 6, {1: "display_name"})
    case_rows = directory.reveal(session, case_rows, "partners", 4, 7, {5: "name"})
    for case_id, display_name, kind, safety_flag, partner_id, partner_name, *_v in case_rows:
        names[case_id] = display_name
        kinds[case_id] = kind
        safety[case_id] = bool(safety_flag)
        if partner_id is not None:
            partner_ids[case_id].append(partner_id)
            partner_names[case_id].append(partner_name)

    # Everything below is keyed by session id; notes are one per session. Readings are
    # plain rows, not ORM objects; the views converters only read attributes, and a row of
    # the table's columns has the same attribute names, hence the casts.
    steps: dict[int, dict[int, Step]] = defaultdict(dict)
    for session_id, partner_id, step in db.execute(
        _per_note(NotePartnerStep, NotePartnerStep.partner_id, NotePartnerStep.step)
    ).all():
        steps[session_id][partner_id] = _STEPS[step]
    readings: dict[int, dict[int, PartnerReading]] = defaultdict(dict)
    for row in db.execute(_per_note(PartnerReadingRow, *_measures_only(PartnerReadingRow))).all():
        reading = views.partner_reading(cast(PartnerReadingRow, row))
        readings[row.session_id][row.partner_id] = reading
    couples: dict[int, CoupleReading] = {}
    for row in db.execute(_per_note(CoupleReadingRow, *_measures_only(CoupleReadingRow))).all():
        couples[row.session_id] = views.couple_reading(cast(CoupleReadingRow, row))

    points: dict[int, list[SessionPoint]] = defaultdict(list)
    sessions = db.execute(
        select(
            Session.id,
            Session.case_id,
            Session.starts_at,
            Session.attending_partner_id,
            Note.private,
        )
        .join(Case, Case.id == Session.case_id)
        .outerjoin(Note, Note.session_id == Session.id)
        .where(Case.status == CaseStatus.ACTIVE, Session.status == SessionStatus.HELD)
        .order_by(Session.case_id, Session.starts_at, Session.id)
    ).all()
    for session_id, case_id, starts_at, attending, private in sessions:
        if case_id not in kinds:
            continue  # not possible inside one transaction; cheap to be sure
        points[case_id].append(
            SessionPoint(
                session_id=session_id,
                starts_at=starts_at,
                joint=kinds[case_id] is CaseKind.COUPLE and attending is None,
                steps=steps.get(session_id, {}),
                partners=readings.get(session_id, {}),
                couple=couples.get(session_id),
                private=bool(private),
            )
        )
    timelines = {
        case_id: Timeline(
            case_id=case_id,
            partner_ids=tuple(partner_ids[case_id]),
            partner_names=tuple(partner_names[case_id]),
            safety_flag=safety[case_id],
            points=tuple(points[case_id]),
        )
        for case_id in names
    }
    return timelines, names, kinds


# A reading's words (the therapist's own notes on flooding, a loop, what helped): the
# overview counts and charts, and never shows them, so it never reads them. On a practice
# server they are encrypted, and a column read outside the ORM would be ciphertext.
_WORDS = frozenset({"flooding_note", "loop_other", "trigger", "co_regulation_note"})


def _measures_only(table: type[PartnerReadingRow] | type[CoupleReadingRow]) -> list[Any]:
    """The table's columns, each of its words read as "" instead."""
    return [literal("").label(c.name) if c.name in _WORDS else c for c in table.__table__.columns]


def _per_note(
    table: type[NotePartnerStep] | type[PartnerReadingRow] | type[CoupleReadingRow],
    *columns: Any,
) -> Select[Any]:
    """(session id, *columns) for every row of *table* whose note belongs to an active case."""
    return (
        select(Note.session_id, *columns)
        .select_from(table)
        .join(Note, Note.id == table.note_id)
        .join(Session, Session.id == Note.session_id)
        .join(Case, Case.id == Session.case_id)
        .where(Case.status == CaseStatus.ACTIVE)
    )

"""The goals each note worked on, and the plan review.

A note records which goals of the case's plan it worked on, with a progress mark each
(domain/plans.py ProgressMark). The links name a goal by its key, which a goal keeps from
version to version, so they hold when the plan is revised. They are part of the note's draft
(audited as a change to the note) and are locked and sealed with its signature (store/seals.py
note_content; the triggers of revision 0009 underneath).

The plan review gathers, per goal of the plan in force, the notes linked to it since that
version was signed, and the course of the measures over the same time
(services/review_measures.py measures_course).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, Phrase, RecordLocked, ValidationError
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.plans import MAX_PROGRESS_COMMENT, Goal, ProgressMark
from clarity_desktop.services import notes, views
from clarity_desktop.services.measure_forms import catalogue
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.services.plans import ENTITY, PlanVersion, case_plan_of, local_day
from clarity_desktop.services.review_measures import MeasureCourse, measures_course
from clarity_desktop.services.sessions.common import load_case
from clarity_desktop.store.models import Case, Note, NoteGoal, PlanGoal, TreatmentPlan
from clarity_desktop.store.models import Session as SessionRow
from clarity_desktop.store.uow import UnitOfWork, utcnow

# -- goals worked on in a note --------------------------------------------------------------


@dataclass(frozen=True)
class GoalChoice:
    """A goal a note can link to."""

    key: str
    owner: int | None
    text: str
    in_plan: bool  # in the plan in force (False: an older version's goal a link still names)


@dataclass(frozen=True)
class GoalLink:
    key: str
    progress: ProgressMark
    comment: str = ""


@dataclass(frozen=True)
class NoteGoals:
    note_id: int
    case_id: int
    signed: bool
    choices: tuple[GoalChoice, ...]
    links: tuple[GoalLink, ...]


def _goal_texts(db: DbSession, case_id: int) -> tuple[dict[str, PlanGoal], set[str]]:
    """Every goal the case's plan ever had, by key (newest wording), and the keys of the
    plan in force (the newest signed version)."""
    rows = db.execute(
        select(PlanGoal, TreatmentPlan.version, TreatmentPlan.signed_at)
        .join(TreatmentPlan, PlanGoal.plan_id == TreatmentPlan.id)
        .where(TreatmentPlan.case_id == case_id)
        .order_by(TreatmentPlan.version, PlanGoal.position)
    ).all()
    by_key: dict[str, PlanGoal] = {}
    signed_versions = [v for _, v, signed_at in rows if signed_at is not None]
    newest = max(signed_versions, default=None)
    current: set[str] = set()
    for goal, version, _signed in rows:
        if version == newest:
            current.add(goal.goal_key)
        if newest is None or version <= newest or goal.goal_key not in by_key:
            by_key[goal.goal_key] = goal
    return by_key, current


def _note_goals(db: DbSession, note: Note) -> NoteGoals:
    case_id = note.session.case_id
    by_key, current = _goal_texts(db, case_id)
    links = db.scalars(select(NoteGoal).where(NoteGoal.note_id == note.id)).all()
    linked = {link.goal_key for link in links}
    choices = tuple(
        GoalChoice(key, g.partner_id, g.text, key in current)
        for key, g in by_key.items()
        if key in current or key in linked
    )
    return NoteGoals(
        note.id,
        case_id,
        note.signed_at is not None,
        choices,
        tuple(
            GoalLink(link.goal_key, ProgressMark(link.progress), link.comment or "")
            for link in sorted(links, key=lambda link: link.goal_key)
        ),
    )


def note_goals(uow: UnitOfWork, note_id: int) -> NoteGoals:
    """The goals a note can link to, and those it links to, with their marks."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return _note_goals(db, views.load_note(db, note_id))


def set_note_goals(
    uow: UnitOfWork,
    note_id: int,
    links: Mapping[str, tuple[ProgressMark, str]],
    *,
    wait: float | None = None,
) -> NoteGoals:
    """The goals the note worked on, {goal key: (mark, comment)}, while it is a draft;
    saved with the draft (a change to the note in the audit trail)."""
    require(uow.principal, Permission.WRITE_RECORDS)
    cleaned: dict[str, tuple[ProgressMark, str]] = {}
    for key, (mark, comment) in links.items():
        text = " ".join(comment.split())
        if len(text) > MAX_PROGRESS_COMMENT:
            raise ValidationError(
                ErrorCode.TEXT_TOO_LONG,
                f"goal:{key}",
                what=Phrase.PROGRESS_COMMENT,
                max_short=MAX_PROGRESS_COMMENT,
            )
        cleaned[key] = (ProgressMark(mark), text)
    if wait is not None:
        uow.waiting_at_most(wait)
    with uow:
        db = uow.session
        note = views.load_note(db, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_SIGNED_LOCKED_ADD_ADDENDUM)
        by_key, _current = _goal_texts(db, note.session.case_id)
        stray = sorted(set(cleaned) - set(by_key))
        if stray:
            raise ValidationError(ErrorCode.PLAN_GOAL_NOT_IN_CASE, f"goal:{stray[0]}")
        rows = {
            r.goal_key: r for r in db.scalars(select(NoteGoal).where(NoteGoal.note_id == note.id))
        }
        changed = False
        for key, gone in rows.items():
            if key not in cleaned:
                db.delete(gone)
                changed = True
        for key, (mark, comment) in cleaned.items():
            row = rows.get(key)
            if row is None:
                db.add(
                    NoteGoal(note_id=note.id, goal_key=key, progress=mark.value, comment=comment)
                )
                changed = True
            elif (row.progress, row.comment) != (mark.value, comment):
                row.progress, row.comment = mark.value, comment
                changed = True
        if changed:
            note.updated_at = utcnow()
            db.flush()
            if not notes._recently_audited(uow, note.id):
                uow.audit(AuditAction.CHANGED, "note", note.id, note.session.case_id)
        view = _note_goals(db, note)
        uow.commit()
        return view


# -- the plan review --------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedNote:
    note_id: int
    session_id: int
    starts_at: datetime  # local wall-clock time, as booked
    signed: bool
    private: bool
    progress: ProgressMark
    comment: str


@dataclass(frozen=True)
class GoalReview:
    goal: Goal
    notes: tuple[LinkedNote, ...]  # oldest first

    def count(self, mark: ProgressMark) -> int:
        return sum(1 for n in self.notes if n.progress is mark)


@dataclass(frozen=True)
class PlanReview:
    case_id: int
    version: PlanVersion | None  # the version reviewed: the newest signed one
    since: date | None  # the notes counted are of sessions from this day (None: all)
    goals: tuple[GoalReview, ...]
    measures: tuple[MeasureCourse, ...]  # instruments the case has answers to
    case_name: str = ""
    names: tuple[tuple[int, str], ...] = ()  # the partners (id, name) in the case's order
    earlier: int = 0  # goal links of sessions before *since*, left out of this review
    first_linked_on: date | None = None  # the day of the earliest linked session


def plan_review(
    uow: UnitOfWork,
    case_id: int,
    *,
    since: date | None = None,
    instruments: Sequence[Instrument] | None = None,
) -> PlanReview:
    """Per goal of the plan in force, the notes linked to it since that version was signed
    (or since *since*), with their marks; and the measures' course over the same time,
    scored with *instruments* (the practice's catalogue; None: ours only)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        case = load_case(uow, case_id)
        review = review_in(uow.session, case, since=since, instruments=instruments)
        version = review.version
        uow.audit(AuditAction.VIEWED, ENTITY, version.id if version else None, case.id, "review")
        uow.commit()
        return review


def review_in(
    db: DbSession,
    case: Case,
    *,
    since: date | None = None,
    instruments: Sequence[Instrument] | None = None,
) -> PlanReview:
    """:func:`plan_review` on a session the caller already holds, neither checking
    permission nor auditing: for a service that reads the review as part of its own
    audited action (the progress report, services/progress_report.py)."""
    if instruments is None:
        instruments = catalogue()
    plan = case_plan_of(db, case)
    version = plan.current
    if since is None and version is not None and version.signed_at is not None:
        since = local_day(version.signed_at)
    rows = db.execute(
        select(NoteGoal, Note, SessionRow)
        .join(Note, NoteGoal.note_id == Note.id)
        .join(SessionRow, Note.session_id == SessionRow.id)
        .where(SessionRow.case_id == case.id)
        .order_by(SessionRow.starts_at, Note.id)
    ).all()
    by_goal: dict[str, list[LinkedNote]] = {}
    earlier = 0
    for link, note, session in rows:
        if since is not None and session.starts_at.date() < since:
            earlier += 1
            continue
        by_goal.setdefault(link.goal_key, []).append(
            LinkedNote(
                note.id,
                session.id,
                session.starts_at,
                note.signed_at is not None,
                bool(note.private),
                ProgressMark(link.progress),
                link.comment or "",
            )
        )
    goals = () if version is None else version.content.goals
    return PlanReview(
        case.id,
        version,
        since,
        tuple(GoalReview(g, tuple(by_goal.get(g.key, ()))) for g in goals),
        measures_course(db, case.id, since, instruments),
        plan.case_name,
        plan.names,
        earlier,
        rows[0][2].starts_at.date() if rows else None,
    )

"""Supervision of a group practice's notes: submit, return with comments, approve, sign,
co-sign (issue 13).

How closely a supervisor follows a supervisee is the supervisee's mode
(domain/supervision.py), kept on the practice server; a solo practice has no supervision,
so every rule here lets it be. A note's review is a list of rows (note_reviews), one per
step, never changed: where it stands is the latest. The rules:

- approve mode: the clinician submits the note, the supervisor approves it (or returns it
  with a comment), and only then may the clinician sign it;
- co-sign mode: the clinician submits it and may sign it while it is submitted; the
  supervisor then co-signs the signed note, with a seal in their own name over the same
  content the clinician's seal covers (so `check` verifies both signatures);
- while a note is submitted (or approved as it stands) its draft is read-only.

services/notes.py asks check_draft before saving and check_signing before signing; the
rest is here. Who supervises whom comes from the unit of work's roster (store/roster.py);
an administrator sets it with services/staff.py's set_supervision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import (
    ErrorCode,
    RecordLocked,
    ValidationError,
)
from clarity_desktop.domain.supervision import ReviewState, SupervisionMode
from clarity_desktop.domain.templates import MAX_NOTE_CHARS
from clarity_desktop.services import views
from clarity_desktop.services.dto import NoteView
from clarity_desktop.services.integrity import COSIGNATURE
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import seals
from clarity_desktop.store.models import Case, Note, NoteReview, Session
from clarity_desktop.store.roster import Supervision
from clarity_desktop.store.uow import UnitOfWork, utcnow

# The entity of a co-signature's seal is its own (services/integrity.py COSIGNATURE), so
# the clinician's seal of the same note (entity "note") stays the one `check` holds the
# note's signature to, and both are checked.


@dataclass(frozen=True)
class ReviewStep:
    state: ReviewState
    by: str  # the name as it read then ("Sam Okafor, PhD")
    at: datetime  # UTC
    comment: str


@dataclass(frozen=True)
class ReviewStatus:
    """Where a note stands in its review, and what the person asking may do with it."""

    note_id: int
    state: ReviewState | None  # None: never submitted
    steps: tuple[ReviewStep, ...]  # oldest first
    supervisor: str | None  # who reviews the note's clinician (None: nobody)
    mode: SupervisionMode | None
    can_submit: bool  # the clinician, in approve or co-sign mode, with a draft
    can_review: bool  # their supervisor, while the note waits: return or approve
    can_cosign: bool  # their supervisor in co-sign mode, once the clinician signed

    @property
    def last(self) -> ReviewStep | None:
        return self.steps[-1] if self.steps else None


@dataclass(frozen=True)
class ReviewItem:
    """A note waiting for the supervisor: for review (submitted) or for co-signing."""

    note_id: int
    case_id: int
    session_id: int
    case_name: str
    session_starts_at: datetime
    supervisee: str
    cosign: bool  # False: submitted for review; True: signed, waiting for a co-signature
    since: datetime  # UTC: submitted, or signed


@dataclass(frozen=True)
class ReviewQueue:
    """What waits for a supervisor; supervisees is empty for someone who supervises nobody
    (the Today view shows no queue to them at all)."""

    supervisees: tuple[str, ...]
    items: tuple[ReviewItem, ...]  # oldest first


# ----- the rules ------------------------------------------------------------------------


def _steps(db: DbSession, note_id: int) -> list[NoteReview]:
    return list(
        db.scalars(select(NoteReview).where(NoteReview.note_id == note_id).order_by(NoteReview.id))
    )


def _latest(steps: list[NoteReview]) -> ReviewState | None:
    return steps[-1].state if steps else None


def _clinician(note: Note, steps: list[NoteReview]) -> int | None:
    """Whose note it is, for supervision: who signed it, or who submitted it."""
    if note.signed_by_id is not None:
        return note.signed_by_id
    submitted = [s.by_user_id for s in steps if s.state is ReviewState.SUBMITTED]
    return submitted[-1] if submitted else None


def _supervisor_of(uow: UnitOfWork, db: DbSession, user_id: int | None) -> Supervision | None:
    if uow.roster is None or user_id is None:
        return None
    return uow.roster.supervisor_of(db, user_id)


def _my_supervisee(uow: UnitOfWork, db: DbSession, user_id: int | None) -> Supervision | None:
    """The acting user's supervision of *user_id*, if they supervise them."""
    if uow.roster is None or user_id is None:
        return None
    mine = uow.roster.supervisees_of(db, uow.principal.user_id)
    return next((s for s in mine if s.user_id == user_id), None)


def check_draft(uow: UnitOfWork, note: Note) -> None:
    """Refuse to change a draft that is with its clinician's supervisor (submitted), or
    that they approved as it stands, until it is returned."""
    steps = _steps(uow.session, note.id)
    state = _latest(steps)
    if state is None or not state.holds_draft:
        return
    supervisor = _supervisor_of(uow, uow.session, _clinician(note, steps))
    if supervisor is None or not supervisor.mode.reviews:
        return  # nobody reviews it any more: it is a plain draft again
    code = (
        ErrorCode.SUPERVISION_HELD_FOR_REVIEW
        if state is ReviewState.SUBMITTED
        else ErrorCode.SUPERVISION_HELD_APPROVED
    )
    raise RecordLocked(code, supervisor=supervisor.name)


def check_signing(uow: UnitOfWork, note: Note) -> None:
    """A supervisee in approve mode signs an approved note; in co-sign mode a submitted
    (or approved) one. Everyone else signs as before."""
    supervisor = _supervisor_of(uow, uow.session, uow.principal.user_id)
    if supervisor is None or not supervisor.mode.reviews:
        return
    state = _latest(_steps(uow.session, note.id))
    if supervisor.mode is SupervisionMode.APPROVE:
        if state is ReviewState.APPROVED:
            return
        code = (
            ErrorCode.SUPERVISION_APPROVAL_NEEDED
            if state is ReviewState.SUBMITTED
            else ErrorCode.SUPERVISION_SUBMIT_FIRST
        )
        raise ValidationError(code, "review", supervisor=supervisor.name)
    if state not in (ReviewState.SUBMITTED, ReviewState.APPROVED):
        raise ValidationError(
            ErrorCode.SUPERVISION_SUBMIT_FIRST, "review", supervisor=supervisor.name
        )


# ----- the steps ------------------------------------------------------------------------


def _add_step(
    uow: UnitOfWork, note: Note, state: ReviewState, action: AuditAction, comment: str = ""
) -> None:
    uow.session.add(
        NoteReview(
            note_id=note.id,
            state=state,
            by_user_id=uow.principal.user_id,
            by_name=uow.actor,
            at=utcnow(),
            comment=comment,
        )
    )
    uow.session.flush()
    uow.audit(action, "note", note.id, note.session.case_id)


def submit(uow: UnitOfWork, note_id: int) -> ReviewStatus:
    """The clinician hands the draft to their supervisor; it is read-only until returned."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        db = uow.session
        note = views.load_note(db, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_ALREADY_SIGNED)
        supervisor = _supervisor_of(uow, db, uow.principal.user_id)
        if supervisor is None or not supervisor.mode.reviews:
            raise ValidationError(ErrorCode.SUPERVISION_NO_REVIEW_NEEDED, "review")
        state = _latest(_steps(db, note.id))
        if state is ReviewState.SUBMITTED:
            raise ValidationError(
                ErrorCode.SUPERVISION_ALREADY_SUBMITTED, "review", supervisor=supervisor.name
            )
        if state is ReviewState.APPROVED:
            raise ValidationError(
                ErrorCode.SUPERVISION_HELD_APPROVED, "review", supervisor=supervisor.name
            )
        if not any(str(v).strip() for v in (note.sections or {}).values()):
            raise ValidationError(ErrorCode.EMPTY_NOTE_CANNOT_BE_SIGNED, "sections")
        _add_step(uow, note, ReviewState.SUBMITTED, AuditAction.SUBMITTED)
        status = _status(uow, db, note)
        uow.commit()
        return status


def _reviewing(uow: UnitOfWork, note: Note, steps: list[NoteReview]) -> Supervision:
    link = _my_supervisee(uow, uow.session, _clinician(note, steps))
    if link is None or not link.mode.reviews:
        raise ValidationError(ErrorCode.SUPERVISION_NOT_THEIR_SUPERVISOR, "review")
    return link


def return_note(uow: UnitOfWork, note_id: int, comment: str) -> ReviewStatus:
    """The supervisor gives the draft back with what should change (required)."""
    text = comment.strip()
    if not text:
        raise ValidationError(ErrorCode.SUPERVISION_COMMENT_NEEDED, "comment")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError(ErrorCode.ADDENDUM_TOO_LONG_SAVE, "comment")
    return _review(uow, note_id, ReviewState.RETURNED, text)


def approve(uow: UnitOfWork, note_id: int, comment: str = "") -> ReviewStatus:
    """The supervisor agrees with the note as it stands: its clinician may sign it."""
    return _review(uow, note_id, ReviewState.APPROVED, comment.strip()[:MAX_NOTE_CHARS])


def _review(uow: UnitOfWork, note_id: int, state: ReviewState, comment: str) -> ReviewStatus:
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        db = uow.session
        note = views.load_note(db, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_ALREADY_SIGNED)
        steps = _steps(db, note.id)
        waiting: tuple[ReviewState, ...] = (ReviewState.SUBMITTED,)
        if state is ReviewState.RETURNED:  # an approval can be taken back too
            waiting = (ReviewState.SUBMITTED, ReviewState.APPROVED)
        if _latest(steps) not in waiting:
            raise ValidationError(ErrorCode.SUPERVISION_NOT_WAITING, "review")
        _reviewing(uow, note, steps)
        action = AuditAction.RETURNED if state is ReviewState.RETURNED else AuditAction.APPROVED
        _add_step(uow, note, state, action, comment)
        status = _status(uow, db, note)
        uow.commit()
        return status


def cosign(uow: UnitOfWork, note_id: int) -> NoteView:
    """The supervisor co-signs a signed note: a review row, and a seal in their own name
    (their own key) over the note as its clinician signed it."""
    require(uow.principal, Permission.SIGN)
    with uow:
        db = uow.session
        note = views.load_note(db, note_id)
        if note.signed_at is None:
            raise ValidationError(ErrorCode.SUPERVISION_COSIGN_AFTER_SIGNING, "review")
        steps = _steps(db, note.id)
        if _latest(steps) is ReviewState.COSIGNED:
            raise RecordLocked(ErrorCode.SUPERVISION_ALREADY_COSIGNED)
        link = _reviewing(uow, note, steps)
        if link.mode is not SupervisionMode.COSIGN:
            raise ValidationError(
                ErrorCode.SUPERVISION_NOT_COSIGN_MODE, "review", supervisee=link.name
            )
        _add_step(uow, note, ReviewState.COSIGNED, AuditAction.COSIGNED)
        uow.seal(COSIGNATURE, note.id, note.session.case_id, seals.note_content(note))
        view = views.note_view(note)
        uow.commit()
        return view


# ----- reading --------------------------------------------------------------------------


def _status(uow: UnitOfWork, db: DbSession, note: Note) -> ReviewStatus:
    steps = _steps(db, note.id)
    state = _latest(steps)
    me = uow.principal.user_id
    clinician = _clinician(note, steps)
    mine = clinician in (None, me) and note.signed_at is None  # a draft I may submit
    supervisor = _supervisor_of(uow, db, me if mine else clinician)
    link = _my_supervisee(uow, db, clinician)
    reviews = supervisor is not None and supervisor.mode.reviews
    return ReviewStatus(
        note_id=note.id,
        state=state,
        steps=tuple(ReviewStep(s.state, s.by_name, s.at, s.comment) for s in steps),
        supervisor=supervisor.name if supervisor is not None else None,
        mode=supervisor.mode if supervisor is not None else None,
        can_submit=mine and reviews and state not in (ReviewState.SUBMITTED, ReviewState.APPROVED),
        can_review=note.signed_at is None
        and link is not None
        and link.mode.reviews
        and state is ReviewState.SUBMITTED,
        can_cosign=note.signed_at is not None
        and link is not None
        and link.mode is SupervisionMode.COSIGN
        and state is not ReviewState.COSIGNED,
    )


def review_status(uow: UnitOfWork, note_id: int) -> ReviewStatus:
    """Where the note stands in its review, for the note on screen (opening the note is
    what is audited; this reads nothing else)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return _status(uow, db, views.load_note(db, note_id))


def queue(uow: UnitOfWork) -> ReviewQueue:
    """The supervisor's notes to look at, oldest first: drafts their supervisees submitted
    for review, and notes signed in co-sign mode that wait for their co-signature."""
    require(uow.principal, Permission.READ_RECORDS)
    if uow.roster is None:
        return ReviewQueue((), ())
    with uow.reading() as db:
        people = {s.user_id: s for s in uow.roster.supervisees_of(db, uow.principal.user_id)}
        names = tuple(s.name for s in people.values())
        reviewed = [i for i, s in people.items() if s.mode.reviews]
        if not reviewed:
            return ReviewQueue(names, ())
        cosigning = [i for i, s in people.items() if s.mode is SupervisionMode.COSIGN]
        latest = select(func.max(NoteReview.id)).group_by(NoteReview.note_id).scalar_subquery()
        base = (
            select(Note, Session, Case, NoteReview)
            .join(Session, Session.id == Note.session_id)
            .join(Case, Case.id == Session.case_id)
            .join(NoteReview, NoteReview.note_id == Note.id)
            .where(NoteReview.id.in_(latest))
        )
        items: list[ReviewItem] = []
        waiting = db.execute(
            base.where(
                NoteReview.state == ReviewState.SUBMITTED,
                NoteReview.by_user_id.in_(reviewed),
                Note.signed_at.is_(None),
            )
        )
        for note, session, case, step in waiting:
            items.append(_item(note, session, case, people[step.by_user_id].name, False, step.at))
        if cosigning:
            signed = db.execute(
                base.where(
                    NoteReview.state != ReviewState.COSIGNED,
                    Note.signed_by_id.in_(cosigning),
                    Note.signed_at.is_not(None),
                )
            )
            for note, session, case, _step in signed:
                assert note.signed_by_id is not None and note.signed_at is not None
                name = people[note.signed_by_id].name
                items.append(_item(note, session, case, name, True, note.signed_at))
    return ReviewQueue(names, tuple(sorted(items, key=lambda i: (i.since, i.note_id))))


def _item(
    note: Note, session: Session, case: Case, who: str, cosign: bool, since: datetime
) -> ReviewItem:
    return ReviewItem(
        note.id, case.id, session.id, case.display_name, session.starts_at, who, cosign, since
    )

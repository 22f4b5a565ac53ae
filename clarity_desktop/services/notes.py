"""Writing, signing and amending session notes.

A signed note is a legal record: every change is refused here first, and by database
triggers underneath. Corrections are addenda: dated, attributed, appended, immutable.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm.exc import StaleDataError

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.dynamics import (
    CoupleReading,
    PartnerReading,
    validate_couple_reading,
    validate_partner_reading,
)
from clarity_desktop.domain.errors import (
    EditConflict,
    ErrorCode,
    NotFound,
    RecordLocked,
    ValidationError,
)
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.templates import MAX_NOTE_CHARS
from clarity_desktop.services import supervision, views
from clarity_desktop.services.dto import AddendumView, NoteDraft, NoteView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.services.views import load_note
from clarity_desktop.store import seals
from clarity_desktop.store.models import (
    Addendum,
    AuditEvent,
    CoupleReadingRow,
    Note,
    NotePartnerStep,
    NoteStep,
    PartnerReadingRow,
)
from clarity_desktop.store.uow import UnitOfWork, utcnow

# Autosave writes often; one "changed" audit row per note per this period is enough.
AUDIT_COALESCE = timedelta(minutes=10)


def _load(uow: UnitOfWork, note_id: int) -> Note:
    return load_note(uow.session, note_id)


def note_id_for_session(db: DbSession, session_id: int) -> int:
    note_id = db.execute(select(Note.id).where(Note.session_id == session_id)).scalar_one_or_none()
    if note_id is None:
        raise NotFound(ErrorCode.NO_NOTE_FOR_SESSION, session_id=session_id)
    return note_id


def note_for_session(uow: UnitOfWork, session_id: int) -> NoteView:
    """Open the note of a session: one transaction, one "viewed" row."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        return _open(uow, note_id_for_session(uow.session, session_id))


def open_note(uow: UnitOfWork, note_id: int) -> NoteView:
    """The note, for a clinician who opens it: the reading is audited ("viewed")."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        return _open(uow, note_id)


def open_loaded(uow: UnitOfWork, note_id: int) -> NoteView:
    """Within an open unit of work: the note's view and its "viewed" row (not committed)."""
    note = _load(uow, note_id)
    view = views.note_view(note)
    uow.audit(AuditAction.VIEWED, "note", note.id, view.case_id)
    return view


def _open(uow: UnitOfWork, note_id: int) -> NoteView:
    view = open_loaded(uow, note_id)
    uow.commit()
    return view


def read_note(uow: UnitOfWork, note_id: int) -> NoteView:
    """The note as it stands, without an audit row: for refreshing what is already on
    screen, or for building on in the same action (a document audits itself)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return views.note_view(load_note(db, note_id))


def full_text(sections: dict[str, str]) -> str:
    return "\n\n".join(t for t in sections.values() if t.strip())


def save_draft(
    uow: UnitOfWork,
    note_id: int,
    draft: NoteDraft,
    *,
    wait: float | None = None,
    base_version: int | None = None,
) -> NoteView:
    """Save the note's draft. With *wait*, give up after that many seconds if another
    task holds the write lock (PracticeBusy; nothing changed): autosave tries again
    later instead of keeping the window waiting. With *base_version* (the row_version of
    the note the editor opened or last saved), a note saved by someone else since is not
    overwritten: EditConflict carries theirs, and nothing of this save is written."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    sections = {k: v for k, v in draft.sections.items() if v.strip()}
    body = full_text(sections)
    if len(body) > MAX_NOTE_CHARS:
        raise ValidationError(
            ErrorCode.NOTE_TOO_LONG_SAVE_MORE, "sections", max_note_chars=MAX_NOTE_CHARS
        )
    with uow:
        note = _load(uow, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_SIGNED_LOCKED_ADD_ADDENDUM)
        supervision.check_draft(uow, note)  # not while it is with a supervisor
        if base_version is not None and note.row_version != base_version:
            raise EditConflict(ErrorCode.NOTE_CHANGED_ELSEWHERE, theirs=views.note_view(note))
        session = note.session
        case = session.case
        allowed = (
            {p.id for p in case.partners}
            if session.attending_partner_id is None
            else {session.attending_partner_id}
        )
        stray = (set(draft.partner_steps) | set(draft.partner_readings)) - allowed
        if stray:
            raise ValidationError(
                ErrorCode.STEPS_READINGS_CAN_ONLY_RECORDED,
                "partner_steps",
            )
        readings = {
            pid: validate_partner_reading(r)
            for pid, r in draft.partner_readings.items()
            if not r.is_empty
        }
        couple = draft.couple_reading
        if couple is not None and couple.is_empty:
            couple = None
        if couple is not None:
            if session.attending_partner_id is not None or case.kind is not CaseKind.COUPLE:
                raise ValidationError(ErrorCode.COUPLE_S_LOOP_RECORDED_JOINT, "couple_reading")
            couple = validate_couple_reading(couple)
        note.template = draft.template
        note.sections = sections
        note.private = draft.private
        note.updated_at = utcnow()
        wanted = {int(s) for s in draft.steps}
        note.steps = [t for t in note.steps if t.step in wanted] + [
            NoteStep(step=s) for s in sorted(wanted - {t.step for t in note.steps})
        ]
        by_partner = {ps.partner_id: ps for ps in note.partner_steps}
        kept = []
        for pid, step in draft.partner_steps.items():
            row = by_partner.get(pid) or NotePartnerStep(partner_id=pid, step=int(step))
            row.step = int(step)
            kept.append(row)
        note.partner_steps = kept
        _store_readings(note, readings, couple)
        try:
            uow.session.flush()
        except StaleDataError as exc:  # saved by someone else between our read and write
            raise EditConflict(ErrorCode.NOTE_CHANGED_ELSEWHERE) from exc
        uow.search.index_note(uow.session, note.id, body)
        if not _recently_audited(uow, note.id):
            uow.audit(AuditAction.CHANGED, "note", note.id, case.id)
        # The view is built from what was just flushed (the session does not expire on
        # commit): reloading it afterwards cost seven more queries on every autosave.
        view = views.note_view(note)
        uow.commit()
        return view


def _store_readings(
    note: Note, readings: dict[int, PartnerReading], couple: CoupleReading | None
) -> None:
    """Update rows in place (an unchanged reading writes nothing), drop cleared ones."""
    rows = {r.partner_id: r for r in note.partner_readings}
    kept = []
    for pid, r in readings.items():
        row = rows.get(pid) or PartnerReadingRow(partner_id=pid)
        row.position, row.stance, row.clarity = r.position, r.stance, r.clarity
        row.flooded, row.flooding_note = r.flooded, r.flooding_note
        row.direction = r.direction
        kept.append(row)
    note.partner_readings = kept
    if couple is None:
        note.couple_reading = None
        return
    row_c = note.couple_reading or CoupleReadingRow()
    row_c.loops = sorted(loop.value for loop in couple.loops)
    row_c.loop_other, row_c.intensity, row_c.trigger = (
        couple.loop_other,
        couple.intensity,
        couple.trigger,
    )
    row_c.co_regulation, row_c.co_regulation_note = couple.co_regulation, couple.co_regulation_note
    row_c.repair_attempts, row_c.repairs_landed = couple.repair_attempts, couple.repairs_landed
    note.couple_reading = row_c


def _recently_audited(uow: UnitOfWork, note_id: int) -> bool:
    last = uow.session.execute(
        select(AuditEvent.at)
        .where(
            AuditEvent.entity == "note",
            AuditEvent.entity_id == note_id,
            AuditEvent.action == "changed",
            AuditEvent.actor == uow.actor,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return last is not None and utcnow() - last < AUDIT_COALESCE


def sign_problem(sections: dict[str, str]) -> ValidationError | None:
    """Why a note with these sections cannot be signed, or None. The editor asks this
    before it asks "Sign?", so nobody confirms a signature that is then refused."""
    if not any(v.strip() for v in sections.values()):
        return ValidationError(ErrorCode.EMPTY_NOTE_CANNOT_BE_SIGNED, "sections")
    return None


def sign_note(uow: UnitOfWork, note_id: int) -> NoteView:
    require(uow.principal, Permission.SIGN)
    with uow:
        note = _load(uow, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_ALREADY_SIGNED)
        problem = sign_problem({str(k): str(v) for k, v in (note.sections or {}).items()})
        if problem is not None:
            raise problem
        supervision.check_signing(uow, note)  # a supervisee's note, reviewed first
        note.signed_at = utcnow()
        note.signed_by = uow.actor
        note.signed_by_id = uow.principal.user_id
        uow.session.flush()
        uow.audit(AuditAction.SIGNED, "note", note.id, note.session.case_id)
        uow.seal("note", note.id, note.session.case_id, seals.note_content(note))
        view = views.note_view(note)
        uow.commit()
        return view


def add_addendum(uow: UnitOfWork, note_id: int, body: str) -> AddendumView:
    """Append a dated, signed addendum to a signed note."""
    text = _addendum_text(body)
    require(uow.principal, Permission.SIGN)
    with uow:
        addendum = _add_addendum(uow, _load(uow, note_id), text)
        uow.commit()
        return AddendumView(
            addendum.id, addendum.note_id, addendum.created_at, addendum.author, addendum.body
        )


def amend_note(uow: UnitOfWork, note_id: int, body: str) -> NoteView:
    """Add an addendum and return the note as it now stands, in one transaction: the
    editor shows it without reading it again (and without a second "viewed" row)."""
    text = _addendum_text(body)
    require(uow.principal, Permission.SIGN)
    with uow:
        note = _load(uow, note_id)
        _add_addendum(uow, note, text)
        uow.session.flush()
        uow.session.refresh(note, ["addenda"])
        view = views.note_view(note)
        uow.commit()
        return view


def _addendum_text(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationError(ErrorCode.PLEASE_WRITE_ADDENDUM_BEFORE_ADDING, "body")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError(ErrorCode.ADDENDUM_TOO_LONG_SAVE, "body")
    return text


def _add_addendum(uow: UnitOfWork, note: Note, text: str) -> Addendum:
    if note.signed_at is None:
        raise ValidationError(ErrorCode.ADDENDA_ARE_SIGNED_NOTES_WHILE, "body")
    addendum = Addendum(
        note_id=note.id,
        created_at=utcnow(),
        author=uow.actor,
        author_id=uow.principal.user_id,
        body=text,
    )
    uow.session.add(addendum)
    uow.session.flush()
    uow.search.index_addendum(uow.session, note.id, addendum.id, text)
    uow.audit(
        AuditAction.ADDENDUM_ADDED, "note", note.id, note.session.case_id, f"addendum {addendum.id}"
    )
    uow.seal("addendum", addendum.id, note.session.case_id, seals.addendum_content(addendum))
    return addendum

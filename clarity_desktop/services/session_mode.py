"""Session mode's writes into the note: the note pad, and the review at the session's
end that fills the Dynamics readings and the "Moments" section from the markers.

The pad is its own section of the note (domain/templates.SESSION_PAD), saved like any
draft (a second after typing pauses, at least every two seconds while typing goes on),
so session mode never overwrites what the note editor wrote in the other sections.
The review proposes; only :func:`apply_review`, after the therapist confirmed or changed
every value, writes to the note.
"""

from __future__ import annotations

from dataclasses import dataclass

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.errors import ErrorCode, RecordLocked, ValidationError
from clarity_desktop.domain.markers import MOMENTS_KEY, PAD_KEY, Suggestion, moments_text, suggest
from clarity_desktop.domain.templates import MAX_NOTE_CHARS
from clarity_desktop.services import markers, notes, views
from clarity_desktop.services.dto import NoteDraft, NoteView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork, utcnow


def save_pad(uow: UnitOfWork, note_id: int, text: str, *, wait: float | None = None) -> NoteView:
    """Write the note pad's text into its section of the draft (empty text removes it).
    With *wait*, give up after that many seconds if another task is writing
    (PracticeBusy; nothing changed), as the note editor's autosave does."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError(ErrorCode.NOTE_PAD_HOLDS_TOO_MUCH, "pad")
    with uow:
        note = notes._load(uow, note_id)
        if note.signed_at is not None:
            raise RecordLocked(ErrorCode.NOTE_SIGNED_LOCKED_ADD_ADDENDUM)
        sections = {str(k): str(v) for k, v in (note.sections or {}).items()}
        if text.strip():
            sections[PAD_KEY] = text
        else:
            sections.pop(PAD_KEY, None)
        body = notes.full_text(sections)
        if len(body) > MAX_NOTE_CHARS:
            raise ValidationError(ErrorCode.NOTE_TOO_LONG_SAVE, "pad")
        note.sections = sections  # a new dict: the JSON column sees the change
        note.updated_at = utcnow()
        uow.session.flush()
        uow.search.index_note(uow.session, note.id, body)
        if not notes._recently_audited(uow, note.id):
            uow.audit(AuditAction.CHANGED, "note", note.id, note.session.case_id)
        view = views.note_view(note)
        uow.commit()
        return view


@dataclass(frozen=True)
class SessionReview:
    """What the end of session mode proposes for the note."""

    note: NoteView
    markers: tuple[markers.MarkerView, ...]
    names: dict[int, str]  # the partners in the room
    joint: bool
    suggestion: Suggestion
    moments: str


def review(uow: UnitOfWork, note_id: int, names: dict[int, str]) -> SessionReview:
    """The readings and the "Moments" text the markers suggest for *note_id*. *names*:
    the partners in the session, id to the name to write."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:  # the note is opened for review (audited) with its markers, in one transaction
        note = notes.open_loaded(uow, note_id)
        marks = markers.load_markers(uow.session, note.session_id)
        uow.commit()
    if note.signed:
        raise RecordLocked(ErrorCode.NOTE_SIGNED_LOCKED_READINGS_CANNOT)
    local = [m.local() for m in marks]
    joint = note.attending_partner_id is None and len(names) >= 2
    suggestion = suggest(local, names, note.partner_readings, note.couple_reading, joint)
    return SessionReview(note, marks, names, joint, suggestion, moments_text(local, names))


def apply_review(
    uow: UnitOfWork,
    note_id: int,
    partner_readings: dict[int, PartnerReading],
    couple: CoupleReading | None,
    moments: str,
) -> NoteView:
    """Save what the therapist confirmed: the readings, and the "Moments" section (empty
    text leaves the section out). Everything else in the note stays as it is. One read
    (the note as it stands), one write (the draft, through notes.save_draft)."""
    note = notes.read_note(uow, note_id)
    sections = dict(note.sections)
    if moments.strip():
        sections[MOMENTS_KEY] = moments.strip()
    else:
        sections.pop(MOMENTS_KEY, None)
    draft = NoteDraft(
        template=note.template,
        sections=sections,
        steps=frozenset(note.steps),
        partner_steps=dict(note.partner_steps),
        private=note.private,
        partner_readings=partner_readings,
        couple_reading=couple,
    )
    return notes.save_draft(uow, note_id, draft)

"""Printing and exporting the clinician's documents: the session note, the case summary
and the progress report (client handouts: handout_documents.py).

Each function reads what the document shows in one read (the services' loaders on one
session, outside the write lock), hands plain dataclasses to clarity_desktop.reports, and
writes one audit row ("exported", "printed" or "previewed") in one write once the
document exists (document_audit.py), so the log never claims a document that was not made.

Privacy: the case summary and the progress report print the case's structure and
readings and no note text at all. Readings from private sessions and the safety note's
text are left out unless the clinician includes them on purpose (both off by default,
and the audit row says when they were included).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.locked_text import refuse_copy
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.reports import layout, summary
from clarity_desktop.reports.brief_facts import HandoutGiven
from clarity_desktop.reports.clinician_words import ENGLISH, Words, words
from clarity_desktop.reports.layout import Destination
from clarity_desktop.reports.note import AddendumEntry, NoteDocument, PartnerStep, build_note
from clarity_desktop.reports.note_readings import PartnerReadingRow
from clarity_desktop.reports.progress_plan import MeasureTable, PlanInPeriod
from clarity_desktop.services import dynamics, handouts_given, views
from clarity_desktop.services.document_audit import (
    DocumentAction,
    audit,
    check_action,
    detail,
    in_language,
    local,
)
from clarity_desktop.services.dto import CaseDetail, NoteView, SessionView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork

# The session note ------------------------------------------------------------------


def _attendance(note: NoteView, case: CaseDetail, w: Words = ENGLISH) -> str:
    if note.attending_partner_id is not None:
        return w("{name} (individual session)", name=note.attending_label)
    if case.kind is CaseKind.COUPLE:
        return w("Both partners ({names})", names=", ".join(p.name for p in case.partners))
    return note.attending_label


def _names(case: CaseDetail) -> list[str]:
    """Who the clients are: "Name locked" for a reader without the client directory, which
    must no more be printed as a name than the locked sentence as a note."""
    return [case.display_name, *(p.name for p in case.partners)]


def note_document(
    note: NoteView, case: CaseDetail, clinician: str, language: Language | str = DEFAULT_LANGUAGE
) -> NoteDocument:
    """What the printed note shows, from the views the services return, with the
    program's words in *language*. A note whose text is locked for this reader (its case's
    key not shared with them) is refused in words, never printed with the stand-in."""
    refuse_copy([note.sections, *(a.body for a in note.addenda), *_names(case)])
    w = words(language)
    session = next((s for s in case.sessions if s.id == note.session_id), None)
    names = {p.id: p.name for p in case.partners}
    order = {p.id: p.position for p in case.partners}
    partner_steps = tuple(
        PartnerStep(names.get(pid, "Unknown"), step)
        for pid, step in sorted(note.partner_steps.items(), key=lambda kv: order.get(kv[0], 0))
    )
    return NoteDocument(
        clinician=clinician,
        case_id=case.id,
        case_name=case.display_name,
        case_kind=case.kind.title,
        relationship_structure=case.relationship_structure,
        session_starts_at=note.session_starts_at,
        duration_minutes=session.duration_minutes if session else None,
        modality=session.modality.title if session else "",
        attendance=_attendance(note, case, w),
        private=note.private,
        template=note.template,
        sections=dict(note.sections),
        steps=tuple(sorted(note.steps)),
        partner_steps=partner_steps,
        signed_by=note.signed_by,
        signed_at=local(note.signed_at) if note.signed_at else None,
        cosigned_by=note.cosigned_by,
        cosigned_at=local(note.cosigned_at) if note.cosigned_at else None,
        last_saved=local(note.updated_at),
        addenda=tuple(
            AddendumEntry(local(a.created_at), a.author, a.body)
            for a in sorted(note.addenda, key=lambda a: (a.created_at, a.id))
        ),
        printed_at=datetime.now().astimezone(),
        partner_readings=tuple(
            PartnerReadingRow(names.get(pid, "Unknown"), reading)
            for pid, reading in sorted(
                note.partner_readings.items(), key=lambda kv: order.get(kv[0], 0)
            )
            if not reading.is_empty
        ),
        couple=note.couple_reading,
        language=w.language,
    )


def note_pdf(
    uow: UnitOfWork,
    note_id: int,
    out: Destination = None,
    *,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str = DEFAULT_LANGUAGE,
) -> bytes | None:
    """The note as a PDF record copy (signed, or marked DRAFT), its program words in
    *language*. Returns the bytes when *out* is None."""
    check_action(action)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    size = layout.page_size_name(page_size)
    with uow.reading() as db:  # the facts, in one read; the audit row, in one write
        note = views.note_view(views.load_note(db, note_id))
        case = views.case_detail(db, note.case_id)
    doc = note_document(note, case, uow.actor, language)
    data = build_note(doc, out, page_size=size, password=password or None, progress=progress)
    what = "session note PDF" if note.signed else "session note PDF (unsigned draft)"
    what += in_language(doc.language)
    audit(uow, action, "note", note.id, note.case_id, detail(what, out, password))
    return data


# The case summary and the progress report -------------------------------------------


def _note_state(session: SessionView, now: datetime) -> str:
    if session.note_id is None:
        return "No note"
    if session.note_signed:
        return "Signed"
    return "Booked" if session.starts_at > now else "Draft"


def _session_row(session: SessionView, case: CaseDetail, now: datetime) -> summary.SessionRow:
    if session.attending_partner_id is None:
        attendance = "Joint" if case.kind is CaseKind.COUPLE else session.attending_label
    else:
        attendance = session.attending_label
    return summary.SessionRow(
        session_id=session.id,
        starts_at=session.starts_at,
        attendance=attendance,
        modality=session.modality.title,
        steps=tuple(sorted(session.steps)),
        note=_note_state(session, now),
        private=session.note_private,
    )


def summary_document(
    case: CaseDetail,
    timeline: Timeline,
    clinician: str,
    period: summary.Period | None = None,
    now: datetime | None = None,
    *,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    handouts: tuple[HandoutGiven, ...] = (),
    language: Language | str = DEFAULT_LANGUAGE,
) -> summary.SummaryDocument:
    """What the case summary (no *period*) or progress report shows, from the views the
    services return. No note text is read: sessions come as SessionViews (structure only)
    and readings from the timeline. Private sessions' readings and the safety note are
    printed only when included on purpose."""
    refuse_copy(
        [
            case.relationship_structure,
            case.safety_note if include_safety_note else "",
            *_names(case),
        ]
    )
    printed = now or datetime.now()
    # Sessions that took place; scheduled, cancelled and missed ones are in the app and
    # in the export, not in a summary of the work done.
    held = (s for s in case.sessions if s.status is SessionStatus.HELD)
    sessions = sorted(held, key=lambda s: (s.starts_at, s.id))
    if period is not None:
        sessions = [s for s in sessions if s.starts_at in period]
        timeline = summary.in_period(timeline, period)
        handouts = tuple(h for h in handouts if h.given_on in period)
    doc = summary.SummaryDocument(
        clinician=clinician,
        case_id=case.id,
        case_name=case.display_name,
        case_kind=case.kind.title,
        relationship_structure=case.relationship_structure,
        status=case.status.title,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        safety_flag=case.safety_flag,
        safety_note=case.safety_note,
        partners=tuple(summary.PartnerRow(p.id, p.name, p.pronouns) for p in case.partners),
        sessions=tuple(_session_row(s, case, printed) for s in sessions),
        timeline=timeline,
        period=period,
        printed_at=printed.astimezone(),
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        handouts=handouts,
        language=Language(language),
    )
    # A reading's words still locked for this reader refuse it too (the timeline's texts).
    refuse_copy([doc if include_safety_note else replace(doc, safety_note="")])
    return doc


def _handouts(db: DbSession, case_id: int) -> tuple[HandoutGiven, ...]:
    """The handouts recorded as given in the case, as the documents show them."""
    return tuple(
        HandoutGiven(h.given_on, h.step, h.to, h.safety_aware, h.privacy_mark, h.language)
        for h in handouts_given.load_given(db, case_id)
    )


# What the progress report adds from the plan and the measures, read in the same read as
# the rest of its facts (services/progress_report.py gives it).
Gather = Callable[[DbSession, CaseDetail], tuple[PlanInPeriod | None, tuple[MeasureTable, ...]]]


def _case_facts(
    uow: UnitOfWork, case_id: int, gather: Gather | None = None
) -> tuple[
    CaseDetail, Timeline, tuple[HandoutGiven, ...], PlanInPeriod | None, tuple[MeasureTable, ...]
]:
    """What a case summary or progress report shows, in one read."""
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    with uow.reading() as db:
        case = views.case_detail(db, case_id)
        plan, measures = (None, ()) if gather is None else gather(db, case)
        return (
            case,
            dynamics.load_timeline(db, case_id),
            _handouts(db, case_id),
            plan,
            measures,
        )


def _included(doc: summary.SummaryDocument) -> str:
    """What the audit row adds when the clinician included something on purpose."""
    bits = []
    if doc.include_private_readings:
        bits.append(", private sessions' readings included")
    if doc.safety_note_printed:
        bits.append(", safety note included")
    return "".join(bits)


def check_period(start: date, end: date) -> summary.Period:
    if start > end:
        raise ValidationError(
            ErrorCode.PERIOD_REVERSED,
            "period",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return summary.Period(start, end)


def summary_pdf(
    uow: UnitOfWork,
    case_id: int,
    out: Destination = None,
    *,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    language: Language | str = DEFAULT_LANGUAGE,
) -> bytes | None:
    """The case summary (clinician-facing; no note text; private sessions' readings and
    the safety note only when included) as a PDF, its program words in *language*.
    Returns the bytes when *out* is None."""
    check_action(action)
    size = layout.page_size_name(page_size)
    case, timeline, given, _plan, _measures = _case_facts(uow, case_id)
    doc = summary_document(
        case,
        timeline,
        uow.actor,
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        handouts=given,
        language=language,
    )
    data = summary.build_summary(
        doc, out, page_size=size, password=password or None, progress=progress
    )
    what = (
        f"case summary PDF, {len(doc.sessions)} sessions{_included(doc)}{in_language(doc.language)}"
    )
    audit(uow, action, "case", case.id, case.id, detail(what, out, password))
    return data


def progress_pdf(
    uow: UnitOfWork,
    case_id: int,
    start: date,
    end: date,
    out: Destination = None,
    *,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    language: Language | str = DEFAULT_LANGUAGE,
    gather: Gather | None = None,
) -> bytes | None:
    """The progress report for the sessions from *start* to *end* (both days included),
    with the same choices as :func:`summary_pdf`; *gather* reads its goals and check-in
    scores in the same read (services/progress_report.py gives it; the fronts call there).
    Returns the bytes when *out* is None."""
    check_action(action)
    size = layout.page_size_name(page_size)
    period = check_period(start, end)
    case, timeline, given, plan, measures = _case_facts(uow, case_id, gather)
    doc = summary_document(
        case,
        timeline,
        uow.actor,
        period,
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        handouts=given,
        language=language,
    )
    doc = replace(doc, plan=plan, measures=measures)
    refuse_copy([doc if include_safety_note else replace(doc, safety_note="")])
    data = summary.build_progress(
        doc, out, page_size=size, password=password or None, progress=progress
    )
    what = (
        f"progress report PDF, {start.isoformat()} to {end.isoformat()}, "
        f"{len(doc.sessions)} sessions{_included(doc)}{in_language(doc.language)}"
    )
    audit(uow, action, "case", case.id, case.id, detail(what, out, password))
    return data


def note_for(case: CaseDetail, session_id: int | None = None) -> int:
    """The note of *session_id*, or of the case's latest session, as a note id."""
    if session_id is None:
        with_notes = [s for s in case.sessions if s.note_id is not None]  # newest first
        if not with_notes:
            raise ValidationError(ErrorCode.CASE_HAS_NO_SESSION_NOTES, "session")
        session = with_notes[0]
    else:
        found = [s for s in case.sessions if s.id == session_id]
        if not found:
            raise ValidationError(ErrorCode.SESSION_NOT_IN_CASE, "session", session_id=session_id)
        session = found[0]
    if session.note_id is None:
        raise ValidationError(ErrorCode.SESSION_HAS_NO_NOTE, "session", id=session.id)
    return session.note_id

"""Printing and exporting documents: the session note, client handouts, the overview,
the case summary and the progress report.

Each function reads what the document shows in one read (the services' loaders on one
session, outside the write lock), hands plain dataclasses to clarity_desktop.reports, and
writes one audit row ("exported", "printed" or "previewed") in one write once the
document exists, so the log never claims a document that was not made.

Privacy: the case summary and the progress report print the case's structure and
readings and no note text at all. Readings from private sessions and the safety note's
text are left out unless the clinician includes them on purpose (both off by default,
and the audit row says when they were included); a handout is
made from the step, the first names the therapist chose and the
therapist's message, and nothing else: no note, reading or case detail is read for it.

Safety: in a case with a safety flag every handout (joint, one partner's, an individual
client's) is the safety-aware version, with practices for one person in place of joint
exercises, and is refused until the therapist confirms (acknowledge_safety).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import DOCUMENT_ACTIONS, AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.csv_clients import name_key
from clarity_desktop.domain.errors import ErrorCode, ValidationError, Wording
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.locked_text import refuse_copy
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.reports import handouts, layout, summary
from clarity_desktop.reports.brief_facts import HandoutGiven
from clarity_desktop.reports.clinician_words import ENGLISH, Words, words
from clarity_desktop.reports.layout import Destination
from clarity_desktop.reports.note import AddendumEntry, NoteDocument, PartnerStep, build_note
from clarity_desktop.reports.note_readings import PartnerReadingRow
from clarity_desktop.reports.progress_plan import MeasureTable, PlanInPeriod
from clarity_desktop.services import dynamics, handout_language, handouts_given, views
from clarity_desktop.services.dto import CaseDetail, NoteView, PartnerView, SessionView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork

# What a document is made for; each is also its audit row's action (domain/audit_actions.py).
DocumentAction = Literal[AuditAction.EXPORTED, AuditAction.PRINTED, AuditAction.PREVIEWED]
ACTIONS: tuple[AuditAction, ...] = DOCUMENT_ACTIONS

MAX_FIRST_NAMES = 4
MAX_FIRST_NAME = 60
MAX_MESSAGE = 3000


def local(utc: datetime) -> datetime:
    """A stored UTC time as an aware local time, which prints its zone."""
    return as_utc(utc).astimezone()


def first_name(name: str) -> str:
    """The first word of a stored name: what a handout calls a partner by default."""
    words = name.split()
    return words[0] if words else ""


def _check_action(action: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown document action {action!r}")


def _detail(what: str, out: Destination, password: str | None) -> str:
    bits = [what]
    if password:
        bits.append("password-protected")
    if isinstance(out, str | os.PathLike):
        bits.append(f"to {os.fspath(out)}")
    return ", ".join(bits)


def _audit(
    uow: UnitOfWork,
    action: DocumentAction,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    detail: str,
) -> None:
    with uow:
        uow.audit(AuditAction(action), entity, entity_id, case_id, detail=detail)
        uow.commit()


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
    _check_action(action)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    size = layout.page_size_name(page_size)
    with uow.reading() as db:  # the facts, in one read; the audit row, in one write
        note = views.note_view(views.load_note(db, note_id))
        case = views.case_detail(db, note.case_id)
    doc = note_document(note, case, uow.actor, language)
    data = build_note(doc, out, page_size=size, password=password or None, progress=progress)
    what = "session note PDF" if note.signed else "session note PDF (unsigned draft)"
    what += _in(doc.language)
    _audit(uow, action, "note", note.id, note.case_id, _detail(what, out, password))
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
    _check_action(action)
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
    what = f"case summary PDF, {len(doc.sessions)} sessions{_included(doc)}{_in(doc.language)}"
    _audit(uow, action, "case", case.id, case.id, _detail(what, out, password))
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
    _check_action(action)
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
        f"{len(doc.sessions)} sessions{_included(doc)}{_in(doc.language)}"
    )
    _audit(uow, action, "case", case.id, case.id, _detail(what, out, password))
    return data


# Handouts ---------------------------------------------------------------------------


def _in(language: Language) -> str:
    """What the audit row adds about the language: nothing for English (as before)."""
    return "" if language is DEFAULT_LANGUAGE else f", in {language.display_name}"


def clean_first_names(first_names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(" ".join(n.split()) for n in first_names if n and n.strip())
    if not names:
        raise ValidationError(ErrorCode.PLEASE_GIVE_FIRST_NAME_NAMES, "first_names")
    if len(names) > MAX_FIRST_NAMES:
        raise ValidationError(
            ErrorCode.HANDOUT_ADDRESSED_MOST_PEOPLE, "first_names", max_first_names=MAX_FIRST_NAMES
        )
    if any(len(n) > MAX_FIRST_NAME for n in names):
        raise ValidationError(
            ErrorCode.FIRST_NAME_HANDOUT_HAS_MOST, "first_names", max_first_name=MAX_FIRST_NAME
        )
    return names


def clean_message(message: str) -> str:
    text = (message or "").strip()
    if len(text) > MAX_MESSAGE:
        raise ValidationError(
            ErrorCode.MESSAGE_TOO_LONG_HANDOUT_MOST,
            "message",
            max_message=MAX_MESSAGE,
        )
    return text


def handout_pdf(
    uow: UnitOfWork,
    case_id: int,
    step: Step,
    first_names: list[str] | tuple[str, ...],
    message: str = "",
    out: Destination = None,
    *,
    partner_id: int | None = None,
    acknowledge_safety: bool = False,
    given_on: date | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str | None = None,
) -> bytes | None:
    """One step's client handout. *partner_id* None in a couple case means a joint
    handout (both partners). In a case with a safety flag every handout is the
    safety-aware version and needs *acknowledge_safety*. *language* None: the
    partner's preferred language (services.handout_language)."""
    _check_action(action)
    size = layout.page_size_name(page_size)
    names = clean_first_names(first_names)
    text = clean_message(message)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    with uow.reading() as db:
        case = views.case_detail(db, case_id)
    if partner_id is not None and partner_id not in {p.id for p in case.partners}:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "partner_id")
    joint = case.kind is CaseKind.COUPLE and partner_id is None
    if case.safety_flag and not acknowledge_safety:
        code = ErrorCode.SAFETY_FLAG_JOINT if joint else ErrorCode.SAFETY_FLAG_INDIVIDUAL
        raise ValidationError(code, "acknowledge_safety")
    lang = handout_language.choose(case, partner_id, language)
    handout = handouts.HandoutInput(
        step=Step(step),
        first_names=names,
        message=text,
        given_on=given_on or date.today(),
        author=uow.actor,
        safety_aware=case.safety_flag,
        language=lang,
    )
    data = handouts.build_handout(
        handout, out, page_size=size, password=password or None, progress=progress
    )
    who = "joint" if joint else f"partner {partner_id}" if partner_id else "client"
    what = f"client handout PDF, step {int(step)}, {who}{_in(lang)}"
    if case.safety_flag:
        what = f"{what}, safety-aware version, safety flag acknowledged"
    _audit(uow, action, "case", case.id, case.id, _detail(what, out, password))
    return data


def steps_overview_pdf(
    uow: UnitOfWork,
    out: Destination = None,
    *,
    case_id: int | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str | None = None,
) -> bytes | None:
    """The one-page overview of the five steps for clients; *case_id* links the audit
    row to the case it was given for, and (without *language*) prints it in the
    language the couple prefer (English when they differ)."""
    _check_action(action)
    size = layout.page_size_name(page_size)
    require(uow.principal, Permission.MAKE_DOCUMENTS)
    case = None
    if case_id is not None:
        with uow.reading() as db:
            case = views.case_detail(db, case_id)  # a clear error for a wrong number
    lang = handout_language.choose(case, None, language)
    data = handouts.build_overview(
        out,
        author=uow.actor,
        page_size=size,
        password=password or None,
        progress=progress,
        language=lang,
    )
    entity, entity_id = ("case", case_id) if case_id is not None else ("practice", None)
    what = _detail(f"five steps overview PDF{_in(lang)}", out, password)
    _audit(uow, action, entity, entity_id, case_id, what)
    return data


# Choosing what to print (the command line and the program share these rules) ---------


@dataclass(frozen=True)
class HandoutPlan:
    step: Step
    first_names: tuple[str, ...]
    partner_id: int | None  # None: a joint handout


def find_partner(case: CaseDetail, name: str) -> PartnerView:
    """The partner called *name*, by full or first name, ignoring case, accents, spaces
    and punctuation ("zoe" finds "Zoë", "Lukasz" finds "Łukasz")."""
    wanted = name_key(name)
    matches = [p for p in case.partners if wanted and name_key(p.name) == wanted]
    if not matches:
        matches = [p for p in case.partners if wanted and name_key(first_name(p.name)) == wanted]
    known = ", ".join(p.name for p in case.partners)
    if len(matches) > 1:
        raise ValidationError(
            ErrorCode.MORE_THAN_ONE_PARTNER_CALLED,
            "partner_name",
            name=name,
            known=known,
        )
    if not matches:
        raise ValidationError(
            ErrorCode.THERE_NO_PARTNER_CALLED_CASE,
            "partner_name",
            name=name,
            known=known,
        )
    return matches[0]


def plan_handout(
    case: CaseDetail, *, partner: str | None = None, joint: bool = False, step: Step | None = None
) -> HandoutPlan:
    """Who a handout is for and at which step: one partner (by name) at their own step, or
    both partners when they stand at the same step. *step* overrides the recorded step."""
    if case.kind is CaseKind.INDIVIDUAL:
        if joint:
            raise ValidationError(ErrorCode.JOINT_HANDOUT_COUPLES_INDIVIDUAL_CASE)
        chosen = find_partner(case, partner) if partner else case.partners[0]
    elif joint and partner:
        raise ValidationError(ErrorCode.CHOOSE_JOINT_HANDOUT_ONE_PARTNER)
    elif joint:
        names = tuple(first_name(p.name) for p in case.partners)
        if step is None:
            steps = {p.current_step for p in case.partners}
            if len(steps) != 1 or None in steps:
                where = tuple(
                    Wording(ErrorCode.PARTNER_AT_STEP, name=p.name, step=int(p.current_step))
                    if p.current_step
                    else Wording(ErrorCode.PARTNER_AT_NO_STEP, name=p.name)
                    for p in case.partners
                )
                raise ValidationError(
                    ErrorCode.PARTNERS_DO_NOT_STAND_ONE,
                    "step",
                    where=where,
                )
            step = steps.pop()
        assert step is not None
        return HandoutPlan(Step(step), names, None)
    elif partner:
        chosen = find_partner(case, partner)
    else:
        raise ValidationError(ErrorCode.COUPLE_CHOOSE_JOINT_HANDOUT_ONE, "partner")
    chosen_step = step or chosen.current_step
    if chosen_step is None:
        raise ValidationError(ErrorCode.NO_STEP_RECORDED_YET_CHOOSE, "step", name=chosen.name)
    return HandoutPlan(Step(chosen_step), (first_name(chosen.name),), chosen.id)


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

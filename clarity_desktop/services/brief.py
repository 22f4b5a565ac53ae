"""The session brief: gathered here, described in reports/brief_facts.py, printed by
reports/brief.py and shown by ui/documents/brief_view.py.

A brief prepares one session (or, with no session chosen, the case as it stands today):
it reads only what was recorded before that session. Reading it is audited once
("viewed", "session brief"), as it shows the plan from the last session's note; each
print, save or preview of its PDF is audited like every other document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import DEFAULT, Language
from clarity_desktop.domain.locked_text import refuse_copy
from clarity_desktop.domain.plans import owners
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template, section_titles
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.reports import brief_facts as facts
from clarity_desktop.reports.brief_plan import BriefGoal, BriefPlan
from clarity_desktop.reports.clinician_words import ENGLISH, Words, words
from clarity_desktop.reports.layout import Destination
from clarity_desktop.services import dynamics, guidance, handouts_given, plans, views
from clarity_desktop.services.document_audit import DocumentAction, audit, check_action, detail
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import Case, Note
from clarity_desktop.store.uow import UnitOfWork


def _attendance(s: SessionView, case: CaseDetail, w: Words = ENGLISH) -> tuple[str, bool]:
    """("Zoë and Łukasz together", True) or ("Zoë, individual session", False), in the
    brief's language."""
    if case.kind is CaseKind.INDIVIDUAL:
        return s.attending_label, False
    if s.attending_partner_id is None:
        return w("{names} together", names=w.join_names([p.name for p in case.partners])), True
    return w("{name}, individual session", name=s.attending_label), False


def _before(s: SessionView, session: SessionView | None, now: datetime) -> bool:
    if session is None:
        return s.starts_at <= now
    return (s.starts_at, s.id) < (session.starts_at, session.id)


def _earlier(
    db: DbSession, s: SessionView, case: CaseDetail, w: Words = ENGLISH
) -> facts.EarlierNote:
    note = db.execute(
        select(Note).where(Note.id == s.note_id).options(selectinload(Note.steps))
    ).scalar_one()
    refuse_copy([note.sections or {}])  # a locked note's plan would be left out unsaid
    template = note.template
    sections = {str(k): str(v) for k, v in (note.sections or {}).items()}
    signed = note.signed_at is not None
    titles: dict[str, str] = {}
    for t in Template:
        titles.update(section_titles(t))
    titles.update(section_titles(template))
    plan = tuple(
        (titles.get(key, key), sections[key].strip())
        for key in facts.PLAN_KEYS
        if sections.get(key, "").strip()
    )
    return facts.EarlierNote(
        session_id=s.id,
        starts_at=s.starts_at,
        attendance=_attendance(s, case, w)[0],
        private=s.note_private,
        signed=signed,
        plan=plan,
        steps=tuple(sorted(s.steps)),
    )


def _plan_in_force(db: DbSession, case_id: int) -> BriefPlan | None:
    """The goals and agreement of the newest signed plan version (None: none signed)."""
    row = db.get(Case, case_id)
    assert row is not None  # views.case_detail found it in this same read
    plan = plans.case_plan_of(db, row)
    current = plan.current
    if current is None:
        return None
    names = dict(plan.names)
    content = current.content
    return BriefPlan(
        current.version,
        tuple(  # in the plan's own order: the couple's, then each partner's
            BriefGoal("" if owner is None else names.get(owner, "?"), g.text)
            for owner in owners(list(names), plan.couple)
            for g in content.goals_of(owner)
        ),
        content.agreement,
        content.agreement_review_on,
    )


def _guidance(steps: set[int], language: Language | str) -> dict[Step, facts.StepGuidance]:
    out: dict[Step, facts.StepGuidance] = {}
    for number in sorted(steps):
        step = Step(number)
        try:
            g = guidance.step_guidance(step, language=language)
        except guidance.GuidanceError as exc:
            out[step] = facts.StepGuidance(step, (), (), "", problem=str(exc))
            continue
        out[step] = facts.StepGuidance(step, tuple(g.explore), tuple(g.avoid), g.handout)
    return out


def brief_document(
    uow: UnitOfWork,
    case_id: int,
    session_id: int | None = None,
    *,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    now: datetime | None = None,
    language: Language | str = DEFAULT,
) -> facts.BriefDocument:
    """The brief for *session_id*, or for the case as it stands at *now* (default: the
    present) when no session is chosen. The step guidance is in *language* (the
    interface's, passed by the ui). Not audited: see :func:`session_brief`."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return _brief_facts(
            db,
            uow.actor,
            case_id,
            session_id,
            include_private_readings=include_private_readings,
            include_safety_note=include_safety_note,
            now=now,
            language=language,
        )


def _brief_facts(
    db: DbSession,
    clinician: str,
    case_id: int,
    session_id: int | None,
    *,
    include_private_readings: bool,
    include_safety_note: bool,
    now: datetime | None,
    language: Language | str = DEFAULT,
) -> facts.BriefDocument:
    """Everything the brief shows, read in the caller's one open session."""
    moment = now or datetime.now()
    w = words(language)
    case = views.case_detail(db, case_id)
    session = None
    if session_id is not None:
        session = next((s for s in case.sessions if s.id == session_id), None)
        if session is None:
            raise ValidationError(ErrorCode.SESSION_NOT_IN_CASE, "session", session_id=session_id)
    earlier = [  # newest first; sessions that did not take place tell nothing
        s for s in case.sessions if _before(s, session, moment) and s.status is SessionStatus.HELD
    ]
    ids = {s.id for s in earlier}
    full = dynamics.load_timeline(db, case_id)
    timeline = Timeline(
        case_id=full.case_id,
        partner_ids=full.partner_ids,
        partner_names=full.partner_names,
        safety_flag=full.safety_flag,
        points=tuple(p for p in full.points if p.session_id in ids),
    )
    with_notes = [s for s in earlier if s.note_id is not None]
    last = _earlier(db, with_notes[0], case, w) if with_notes else None
    shared = next((s for s in with_notes if not s.note_private), None)
    if last is not None and shared is not None and shared.id == last.session_id:
        last_shared: facts.EarlierNote | None = last
    else:
        last_shared = _earlier(db, shared, case, w) if shared is not None else None
    steps = {int(st) for p in timeline.points for st in p.steps.values()}
    brief_session = None
    if session is not None:
        attendance, joint = _attendance(session, case, w)
        brief_session = facts.BriefSession(
            session_id=session.id,
            starts_at=session.starts_at,
            duration_minutes=session.duration_minutes,
            modality=session.modality.title,
            attendance=attendance,
            joint=joint,
            status=session.status.title,
        )
    given = [
        facts.HandoutGiven(h.given_on, h.step, h.to, h.safety_aware, h.privacy_mark, h.language)
        for h in handouts_given.load_given(db, case_id)
        if (h.session_id in ids)
        or (h.session_id is None and (session is None or h.given_on <= session.starts_at.date()))
    ]
    doc = facts.BriefDocument(
        clinician=clinician,
        case_id=case.id,
        case_name=case.display_name,
        case_kind=case.kind.title,
        relationship_structure=case.relationship_structure,
        as_of=session.starts_at.date() if session is not None else moment.date(),
        session=brief_session,
        partners=tuple(facts.PartnerName(p.id, p.name) for p in case.partners),
        timeline=timeline,
        last=last,
        last_shared=last_shared,
        safety_flag=case.safety_flag,
        safety_note=case.safety_note,
        handouts=tuple(given),
        guidance=_guidance(steps, language),
        printed_at=moment.astimezone(),
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        language=w.language,
        plan=_plan_in_force(db, case.id),
    )
    # Any locked text (a reading's words, the plan, the structure) refuses the brief: the
    # safety note only when it is printed.
    refuse_copy([doc if include_safety_note else replace(doc, safety_note="")])
    return doc


def _included(doc: facts.BriefDocument) -> str:
    bits = []
    if doc.include_private_readings:
        bits.append(", private sessions included")
    if doc.safety_note_shown:
        bits.append(", safety note included")
    return "".join(bits)


def _what(doc: facts.BriefDocument) -> str:
    where = f"session {doc.session.session_id}" if doc.session else "no session chosen"
    return f"session brief, {where}{_included(doc)}"


def session_brief(
    uow: UnitOfWork,
    case_id: int,
    session_id: int | None = None,
    *,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    now: datetime | None = None,
    language: Language | str = DEFAULT,
) -> facts.BriefDocument:
    """The brief to show on screen; its reading is audited ("viewed", "session brief")."""
    doc = brief_document(
        uow,
        case_id,
        session_id,
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        now=now,
        language=language,
    )
    with uow:
        uow.audit(AuditAction.VIEWED, "case", case_id, case_id, _what(doc))
        uow.commit()
    return doc


def brief_pdf(
    uow: UnitOfWork,
    case_id: int,
    session_id: int | None = None,
    out: Destination = None,
    *,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    now: datetime | None = None,
    language: Language | str = DEFAULT,
) -> bytes | None:
    """The brief as a one-page clinician PDF. Returns the bytes when *out* is None."""
    from clarity_desktop.reports import brief, layout

    check_action(action)
    require(uow.principal, Permission.MAKE_DOCUMENTS)
    size = layout.page_size_name(page_size)
    doc = brief_document(
        uow,
        case_id,
        session_id,
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        now=now,
        language=language,
    )
    data = brief.build_brief(doc, out, page_size=size, password=password or None, progress=progress)
    audit(uow, action, "case", case_id, case_id, detail(f"{_what(doc)} PDF", out, password))
    return data


def next_session(case: CaseDetail, today: date | None = None) -> SessionView | None:
    """The session a brief most likely prepares: the first one from today on that is
    booked or under way, else none."""
    day = today or date.today()
    upcoming = [s for s in case.sessions if s.starts_at.date() >= day and not s.status.called_off]
    return min(upcoming, key=lambda s: (s.starts_at, s.id)) if upcoming else None

"""The demo practice: fictional cases to explore the program with, passphrase "demo".

Everything after creating the practice goes through the same service functions a
therapist's actions use (create a case, record a session, write, sign and amend a note,
close a case), so the demo exercises the real paths, audit rows included. The content
is data: one TOML file per case under resources/demo/ (read and checked by
domain/demo_content.py, all of them before anything is built); each session's readings
are saved with its draft before it is signed (and before a closed case is closed), as a
therapist would. Dates are relative to the build day so the demo always looks current.

A case's treatment plan is started, written and signed at its place in the case's timeline
(before the sessions of the week it names), so the notes that link to its goals are signed
after it, as in a therapist's practice; each such note's goal links and the partners'
answers for its session are saved while it is a draft, then it is signed. Both go through
the same services the note editor and the check-in screen use.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.demo_content import CaseSpec, PersonSpec, SessionSpec, load_case
from clarity_desktop.domain.demo_plans import PlanVersionSpec
from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.domain.instruments import AnswerSource, Instrument
from clarity_desktop.domain.records import CaseInput, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, measures, notes, plan_goals, plans, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.services.guidance import resources_dir
from clarity_desktop.store import opening
from clarity_desktop.store.backend import Clinician, OpenPractice

# Deliberately shorter than the services' minimum passphrase length: the demo holds only
# invented people and must be easy to open, so build_demo calls the store directly
# instead of services.practices.create_practice, which would refuse it.
DEMO_PASSPHRASE = "demo"
DEMO_CLINICIAN = Clinician("Dr. Morgan Ellis", "PhD, LMFT")
# Goal keys are uuids, as the plan editor makes them, but the same on every build: made
# from the case file's name and the goal's short name in the file.
_GOAL_KEYS = uuid.UUID("6f1c2d0e-3b5a-4c7e-9a41-2d8e5f0b7c93")


def demo_folder() -> Path:
    return resources_dir() / "demo"


def demo_cases(folder: Path | None = None) -> tuple[CaseSpec, ...]:
    """Every case under *folder* (default: resources/demo), in the order of the files'
    names. Raises DemoContentError, naming the file and line or field, for a bad one."""
    files = sorted((folder or demo_folder()).glob("*.toml"))
    known = {i.id: i for i in _instruments()}
    return tuple(load_case(f.read_text(encoding="utf-8"), f.name, known) for f in files)


def _instruments() -> tuple[Instrument, ...]:
    """Our own measure definitions (never a practice's: the demo is built before it has a
    folder of its own measures)."""
    return load_instruments(resources_dir() / "measures")


def build_demo(folder: Path, today: date | None = None) -> OpenPractice:
    """Create the demo practice in *folder* and return it unlocked.

    Raises store.PracticeExists if *folder* already holds a practice (nothing is touched
    then). If filling the new practice fails, the half-built practice is removed again so
    that a later attempt can start afresh.
    """
    today = today or date.today()
    specs = demo_cases()  # a bad file fails here, before any practice is made
    opened, _recovery = opening.create(folder, DEMO_PASSPHRASE, DEMO_CLINICIAN, is_demo=True)
    try:
        with opened.uow() as uow:
            uow.audit(AuditAction.CREATED, "practice", detail="demo practice")
            uow.commit()
        for spec in specs:
            _build_case(opened, spec, today)
    except BaseException:
        opened.close()
        opened.backend.discard_new(folder)
        raise
    return opened


def _build_case(opened: OpenPractice, spec: CaseSpec, today: date) -> None:
    slot = _last_slot(today, spec.weekday)
    planned = sorted(
        ((_starts_at(spec, s, slot), s) for s in spec.sessions), key=lambda pair: pair[0]
    )
    case = cases.create_case(
        opened.uow(),
        CaseInput(
            kind=spec.kind,
            display_name="",  # named after the partners
            partners=tuple(_partner(p, today) for p in spec.people),
            relationship_structure=spec.structure,
            opened_on=planned[0][0].date(),
            safety_flag=bool(spec.safety_note),
            safety_note=spec.safety_note,
        ),
        today,
    )
    partner_id = {p.position: p.id for p in case.partners}
    instruments = {i.id: i for i in _instruments()}
    versions = list(spec.plan.versions) if spec.plan else []
    for starts_at, s in planned:
        while versions and versions[0].weeks_ago >= s.weeks_ago:
            _sign_plan(opened, case.id, spec, versions.pop(0), partner_id, today)
        attending = partner_id[s.attending] if s.attending is not None else None
        session = sessions.create_session(
            opened.uow(),
            case.id,
            SessionInput(
                starts_at=starts_at,
                duration_minutes=s.minutes or spec.minutes,
                modality=s.modality or spec.modality,
                attending_partner_id=attending,
            ),
            s.template,
        )
        if session.note_id is None:  # create_session always makes the note
            raise RuntimeError("The demo session has no note.")
        notes.save_draft(
            opened.uow(),
            session.note_id,
            NoteDraft(
                template=s.template,
                sections=s.sections,
                steps=frozenset(Step(n) for n in s.steps),
                partner_steps={partner_id[pos]: Step(n) for pos, n in s.partner_steps.items()},
                private=attending is not None,
                partner_readings={partner_id[pos]: r for pos, r in s.readings.items()},
                couple_reading=s.couple,
            ),
        )
        if s.goals:
            links = {_goal_key(spec, name): link for name, link in s.goals.items()}
            plan_goals.set_note_goals(opened.uow(), session.note_id, links)
        for position, answered in s.answers.items():
            for measure, answers in answered.items():
                measures.record_answers(
                    opened.uow(),
                    instruments[measure],
                    case.id,
                    partner_id[position],
                    answers,
                    session_id=session.id,
                    source=AnswerSource.PAPER if s.on_paper else AnswerSource.SCREEN,
                )
        if s.signed:
            notes.sign_note(opened.uow(), session.note_id)
        if s.addendum:
            notes.add_addendum(opened.uow(), session.note_id, s.addendum)
    for version in versions:  # signed after the last session
        _sign_plan(opened, case.id, spec, version, partner_id, today)
    if spec.closed_days_after_last is not None:
        closed_on = planned[-1][0].date() + timedelta(days=spec.closed_days_after_last)
        cases.close_case(opened.uow(), case.id, min(closed_on, today))


def _sign_plan(
    opened: OpenPractice,
    case_id: int,
    spec: CaseSpec,
    version: PlanVersionSpec,
    partner_id: dict[int, int],
    today: date,
) -> None:
    """Write and sign one version of the case's plan, as the plan tab does: a draft (the
    first, or a copy of the signed one with its goal keys), saved, then signed. Its dates
    count from the day it is signed: the build day, or the real day if that is later (a
    plan cannot be signed with a review date already passed)."""
    day = max(today, date.today())
    draft = plans.start_version(opened.uow(), case_id).draft
    if draft is None:  # start_version always leaves a draft
        raise RuntimeError("The demo plan has no draft.")
    content = version.content(day, partner_id, lambda name: _goal_key(spec, name))
    plans.save_draft(opened.uow(), draft.id, content)
    plans.sign_plan(opened.uow(), draft.id, today=day)


def _goal_key(spec: CaseSpec, name: str) -> str:
    return str(uuid.uuid5(_GOAL_KEYS, f"{spec.name}/{name}"))


def _last_slot(today: date, weekday: int) -> date:
    """The most recent *weekday* strictly before *today* (1 to 7 days back)."""
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _starts_at(spec: CaseSpec, s: SessionSpec, slot: date) -> datetime:
    day = slot - timedelta(weeks=s.weeks_ago)
    if s.weekday is not None:  # another day of the same calendar week
        day += timedelta(days=s.weekday - day.weekday())
    return datetime.combine(day, s.at or spec.at)


def _partner(p: PersonSpec, today: date) -> PartnerInput:
    month, day = p.birthday
    born = date(today.year - p.age, month, day)
    return PartnerInput(
        name=p.name, pronouns=p.pronouns, date_of_birth=born, email=p.email, phone=p.phone
    )

"""One couple answering measures over sessions before and after their plan is signed (today),
for the plan review's service, window and command-line tests.

  today-14  joint  practice_scale Zoë 8; ambivalence check Zoë (all "somewhat")
  today-7   joint  practice_scale Zoë 10, Łukasz 16 (gap 6); goal g-couple: moving
  today     joint  practice_scale Zoë 14; check-in Łukasz (pressure 0); g-couple: moving
                   "asked before assuming", g-lukasz: harder for now
  today+7   joint  practice_scale Zoë 17, Łukasz 13 (gap 4); check-in Łukasz (pressure 4);
                   g-couple: steady

practice_scale (tests/domain/instrument_examples.py) is a sum with a cut-off of 14 and a
reliable-change value of 5.5; the shipped check-ins give neither. The plan (signed by
:func:`sign_plan`, not here, so a test can look before it) has the goals g-couple and
g-lukasz.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.plans import Goal, PlanContent, ProgressMark
from clarity_desktop.domain.records import Modality, SessionInput
from clarity_desktop.services import measures, plan_goals, plans, sessions
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.domain.instrument_examples import LICENSED

TODAY = date.today()
CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}


def scale(a: int, b: int, c: int, d: int) -> dict[str, int | None]:
    """practice_scale answers; its total is a + (7 - b) + c + d (b is reversed)."""
    return {"a": a, "b": b, "c": c, "d": d}


@dataclass(frozen=True)
class ReviewCase:
    case: CaseDetail
    catalogue: tuple[Instrument, ...]
    sessions: tuple[SessionView, ...]  # today-14, today-7, today, today+7


def practice_catalogue(practice: OpenPractice) -> tuple[Instrument, ...]:
    folder = practice.folder / "measures"
    folder.mkdir(exist_ok=True)
    (folder / "practice_scale.toml").write_text(LICENSED, encoding="utf-8")
    return measures.catalogue(practice.folder)


def sign_plan(practice: OpenPractice, case: CaseDetail) -> plans.PlanVersion:
    lukasz = case.partners[1].id
    draft = plans.start_version(practice.uow(), case.id).draft
    assert draft is not None
    goals = (
        Goal(None, "Stay curious about each other while unsure", key="g-couple"),
        Goal(lukasz, "Say what he needs before he goes quiet", key="g-lukasz"),
    )
    content = PlanContent(goals=goals, review_on=TODAY + timedelta(days=60))
    plans.save_draft(practice.uow(), draft.id, content)
    return plans.sign_plan(practice.uow(), draft.id)


def make_review_case(practice: OpenPractice, case: CaseDetail, *, links: bool = True) -> ReviewCase:
    """The answers (and, with *links*, the goals each note worked on: the plan is signed
    first, since a note links only to a goal of a plan)."""
    zoe, lukasz = (p.id for p in case.partners)
    catalogue = practice_catalogue(practice)
    at = tuple(
        sessions.create_session(
            practice.uow(),
            case.id,
            SessionInput(
                starts_at=datetime.combine(TODAY + timedelta(days=d), datetime.min.time()).replace(
                    hour=10
                ),
                duration_minutes=50,
                modality=Modality.IN_PERSON,
            ),
        )
        for d in (-14, -7, 0, 7)
    )
    licensed = measures.find(catalogue, "practice_scale")
    check_in = measures.find(catalogue, "session_check_in")
    ambivalence = measures.find(catalogue, "ambivalence_check")
    record = measures.record_answers
    for s, answers in zip(
        at,
        (scale(2, 6, 2, 3), scale(2, 5, 3, 3), scale(4, 4, 4, 3), scale(5, 3, 4, 4)),
        strict=True,
    ):  # Zoë: 8, 10 | 14, 17
        record(practice.uow(), licensed, case.id, zoe, answers, session_id=s.id)
    for s, answers in ((at[1], scale(4, 3, 4, 4)), (at[3], scale(3, 4, 3, 4))):  # Łukasz 16 | 13
        record(practice.uow(), licensed, case.id, lukasz, answers, session_id=s.id)
    for s, pressure in ((at[2], 0), (at[3], 4)):  # Łukasz's check-ins, only since the review
        answers = {**CALM, "pressure": pressure}
        record(practice.uow(), check_in, case.id, lukasz, answers, session_id=s.id)
    neutral: dict[str, int | None] = dict.fromkeys((i.id for i in ambivalence.items), 2)
    record(practice.uow(), ambivalence, case.id, zoe, neutral, session_id=at[0].id)
    if links:
        sign_plan(practice, case)
        marks = (
            (at[1], {"g-couple": (ProgressMark.MOVING, "")}),
            (
                at[2],
                {
                    "g-couple": (ProgressMark.MOVING, "asked before assuming"),
                    "g-lukasz": (ProgressMark.HARDER, ""),
                },
            ),
            (at[3], {"g-couple": (ProgressMark.STEADY, "")}),
        )
        for s, chosen in marks:
            assert s.note_id is not None
            plan_goals.set_note_goals(practice.uow(), s.note_id, chosen)
    return ReviewCase(case, catalogue, at)

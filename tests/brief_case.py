"""One couple's recent sessions, for the brief and session mode tests: three joint
sessions and, between them, a private individual session with Łukasz holding a marker
phrase that must never reach the couple unless the therapist includes it.

  4 Mar  joint       steps Zoë 2, Łukasz 2; intensity 7; next steps JOINT-PLAN-1
  11 Mar Łukasz alone (private note): step 4, letting go, clarity 9, flooded;
         next steps and flooding note carry PRIVATE-PHRASE-7Q; handout step 4 to Łukasz
  18 Mar joint       Zoë step 3; intensity 5; next steps JOINT-PLAN-3; joint handout step 3
  25 Mar joint       the session to prepare (nothing written yet)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, handouts_given, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice

PRIVATE_PHRASE = "PRIVATE-PHRASE-7Q"
PLAN_1 = "JOINT-PLAN-1 try the ten-minute check-in"
PLAN_3 = "JOINT-PLAN-3 slow the evening talks down"


@dataclass(frozen=True)
class BriefCase:
    case: CaseDetail
    zoe: int
    lukasz: int
    first: SessionView
    alone: SessionView
    third: SessionView
    next: SessionView


def _session(practice: OpenPractice, case_id: int, when: datetime, who: int | None) -> SessionView:
    return sessions.create_session(
        practice.uow(), case_id, SessionInput(starts_at=when, attending_partner_id=who)
    )


def _write(
    practice: OpenPractice,
    view: SessionView,
    sections: dict[str, str],
    partner_steps: dict[int, Step],
    readings: dict[int, PartnerReading],
    couple: CoupleReading | None,
    private: bool = False,
) -> None:
    assert view.note_id is not None
    notes.save_draft(
        practice.uow(),
        view.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            sections,
            frozenset(partner_steps.values()),
            partner_steps,
            private,
            readings,
            couple,
        ),
    )


def make_brief_case(practice: OpenPractice, *, safety_note: str = "") -> BriefCase:
    case = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Zoë"), PartnerInput(name="Łukasz")),
            relationship_structure="Married",
            safety_flag=bool(safety_note),
            safety_note=safety_note,
        ),
    )
    zoe, lukasz = (p.id for p in case.partners)
    first = _session(practice, case.id, datetime(2025, 3, 4, 10), None)
    _write(
        practice,
        first,
        {"focus": "The distance since the move.", "intention": PLAN_1},
        {zoe: Step.NAME_WHATS_HAPPENING, lukasz: Step.NAME_WHATS_HAPPENING},
        {
            zoe: PartnerReading(position=2, stance=6, clarity=4),
            lukasz: PartnerReading(position=-2, stance=5, clarity=5),
        },
        CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=7),
    )
    alone = _session(practice, case.id, datetime(2025, 3, 11, 10), lukasz)
    _write(
        practice,
        alone,
        {"focus": "Alone today.", "intention": f"{PRIVATE_PHRASE} think about leaving"},
        {lukasz: Step.FIND_YOUR_DIRECTION},
        {
            lukasz: PartnerReading(
                stance=1,
                clarity=9,
                flooded=True,
                flooding_note=f"{PRIVATE_PHRASE} shaking",
                direction=Direction.LETTING_GO,
            )
        },
        None,
        private=True,
    )
    handouts_given.record_given(
        practice.uow(), case.id, Step.FIND_YOUR_DIRECTION, partner_id=lukasz, session_id=alone.id
    )
    third = _session(practice, case.id, datetime(2025, 3, 18, 10), None)
    _write(
        practice,
        third,
        {"focus": "A calmer week.", "intention": PLAN_3},
        {zoe: Step.LEAN_IN},
        {
            zoe: PartnerReading(position=1, stance=6, clarity=5),
            lukasz: PartnerReading(position=-1),
        },
        CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=5, co_regulation=True),
    )
    handouts_given.record_given(practice.uow(), case.id, Step.LEAN_IN, session_id=third.id)
    nxt = _session(practice, case.id, datetime(2025, 3, 25, 10), None)
    detail = cases.read_case(practice.uow(), case.id)
    return BriefCase(detail, zoe, lukasz, first, alone, third, nxt)

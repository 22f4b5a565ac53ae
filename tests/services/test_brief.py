"""The session brief, gathered on a real practice: the last plan, where each partner
stands, the loop in the domain's words, flags, handouts given, step guidance; its
audit rows; and the one-page PDF read back with poppler."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from clarity_desktop.domain import movement
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import brief_facts as facts
from clarity_desktop.services import brief, cases, guidance, sessions
from clarity_desktop.store.practice import OpenPractice
from tests.brief_case import PLAN_1, PLAN_3, PRIVATE_PHRASE, BriefCase, make_brief_case
from tests.reports import pdftools
from tests.services.conftest import AuditRow


@pytest.fixture
def bc(practice: OpenPractice) -> BriefCase:
    return make_brief_case(practice)


def test_the_brief_prepares_the_next_session_from_the_last_one(
    practice: OpenPractice, bc: BriefCase
) -> None:
    doc = brief.brief_document(practice.uow(), bc.case.id, bc.next.id)
    assert doc.session is not None and doc.session.session_id == bc.next.id
    assert "Tue 25 Mar 2025, 10:00" in facts.session_line(doc)
    assert "Zoë and Łukasz together" in facts.session_line(doc)
    note = facts.last_note(doc)
    assert note is not None and note.session_id == bc.third.id
    assert note.plan == (("Next steps", PLAN_3),)
    # Only what came before the session: nothing of the session itself or later.
    assert {p.session_id for p in doc.timeline.points} == {bc.first.id, bc.alone.id, bc.third.id}


def test_each_partner_stands_where_the_shared_sessions_left_them(
    practice: OpenPractice, bc: BriefCase
) -> None:
    doc = brief.brief_document(practice.uow(), bc.case.id, bc.next.id)
    zoe, lukasz = facts.standings(doc)
    assert zoe.step == "3 · Lean In (18 Mar 2025)"
    assert zoe.position == "+1 · Leaning to pursue (18 Mar 2025)"
    assert zoe.stance == "6 of 10 (18 Mar 2025)"
    assert (
        zoe.clarity == "5 of 10, up from 4 last time (18 Mar 2025) · too few readings for a trend"
    )
    # Łukasz's step 4, clarity 9 and "letting go" were heard only in private.
    assert lukasz.step == "2 · Name What's Happening (4 Mar 2025)"
    assert lukasz.direction == "None recorded"
    assert (
        lukasz.clarity == "5 of 10 (the first reading) (4 Mar 2025) · too few readings for a trend"
    )
    assert lukasz.stance == "5 of 10 (4 Mar 2025)"


def test_the_loop_is_told_in_the_domain_words_and_never_against_its_numbers(
    practice: OpenPractice, bc: BriefCase
) -> None:
    doc = brief.brief_document(practice.uow(), bc.case.id, bc.next.id)
    course = facts.loop_course(doc)
    expected = movement.intensity_movement(doc.shown).sentence("Loop intensity", facts.RECENT)
    assert course[0] == expected
    assert course[0].startswith("Loop intensity: 5 of 10 at the latest reading (18 Mar 2025)")
    assert "down from 7 at the one before (4 Mar 2025)" in course[0]
    assert "the partners on pursue/withdraw: 2 points apart" in course[1]
    assert course[2] == (
        "At the last joint session that recorded the loop (18 Mar 2025): loops: Pursue – "
        "withdraw; intensity 5 of 10; co-regulation noted."
    )


def test_private_sessions_are_left_out_unless_included(
    practice: OpenPractice, bc: BriefCase
) -> None:
    hidden = brief.brief_document(practice.uow(), bc.case.id, bc.third.id)
    # The newest earlier note is the private one: its plan stays out, the joint one shows.
    note = facts.last_note(hidden)
    assert note is not None and note.session_id == bc.first.id
    assert note.plan == (("Next steps", PLAN_1),)
    assert "A later private session (11 Mar 2025, Łukasz, individual session)" in (
        facts.private_last_left_out(hidden)
    )
    assert [h.to for h in facts.handouts(hidden)] == []
    assert "What was recorded at 1 private session is left out." in facts.contents_statement(hidden)

    shown = brief.brief_document(
        practice.uow(), bc.case.id, bc.third.id, include_private_readings=True
    )
    note = facts.last_note(shown)
    assert note is not None and note.session_id == bc.alone.id
    assert PRIVATE_PHRASE in note.plan[0][1]
    lukasz = facts.standings(shown)[1]
    assert lukasz.step == "4 · Find Your Direction (11 Mar 2025, individual session)"
    assert lukasz.direction == "Letting go (11 Mar 2025, individual session)"
    assert lukasz.flooded_last
    assert [facts.handout_line(h) for h in facts.handouts(shown)] == [
        "11 Mar 2025: 4 · Find Your Direction, to Łukasz (individual session)"
    ]


def test_handouts_flags_and_guidance(practice: OpenPractice, bc: BriefCase) -> None:
    doc = brief.brief_document(practice.uow(), bc.case.id, bc.next.id, now=datetime(2025, 3, 24))
    assert [facts.handout_line(h) for h in facts.handouts(doc)] == [
        "18 Mar 2025: 3 · Lean In, to Both partners"
    ]
    assert [f.code for f in facts.flags(doc)] == []
    blocks = facts.guidance(doc)
    assert [(b.guidance.step, b.names) for b in blocks] == [
        (Step.NAME_WHATS_HAPPENING, ("Łukasz",)),
        (Step.LEAN_IN, ("Zoë",)),
    ]
    lean_in = guidance.step_guidance(Step.LEAN_IN)
    assert blocks[1].guidance.explore == tuple(lean_in.explore)
    assert blocks[1].guidance.handout == lean_in.handout


def test_the_guidance_and_its_pdf_follow_the_language_asked_for(
    practice: OpenPractice, bc: BriefCase
) -> None:
    doc = brief.brief_document(
        practice.uow(), bc.case.id, bc.next.id, now=datetime(2025, 3, 24), language="es"
    )
    lean_in = facts.guidance(doc)[1].guidance
    assert lean_in.step == Step.LEAN_IN
    assert lean_in.handout == guidance.step_guidance(Step.LEAN_IN, language="es").handout
    assert lean_in.handout.startswith("“Explorar sin prisa” (paso 3)")
    data = brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id, language="es")
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    assert "Explorar sin prisa” (paso 3)" in text
    assert "Lean In” (step 3)" not in text


def test_a_session_after_a_long_gap_raises_the_quiet_flag(
    practice: OpenPractice, bc: BriefCase, record_session: Callable[..., object]
) -> None:
    late = record_session(bc.case.id, datetime(2025, 6, 2, 10))
    doc = brief.brief_document(practice.uow(), bc.case.id, late.id)  # type: ignore[attr-defined]
    assert [f.code for f in facts.flags(doc)] == ["no_recent_session"]


def test_no_session_chosen_is_the_case_as_it_stands(practice: OpenPractice, bc: BriefCase) -> None:
    doc = brief.brief_document(practice.uow(), bc.case.id, None, now=datetime(2025, 3, 20))
    assert doc.session is None
    assert facts.session_line(doc) == "No session chosen: the case as it stands on 20 Mar 2025."
    note = facts.last_note(doc)
    assert note is not None and note.session_id == bc.third.id


def test_a_session_of_another_case_is_refused(practice: OpenPractice, bc: BriefCase) -> None:
    other = make_brief_case(practice)
    with pytest.raises(ValidationError, match="is not a session of this case"):
        brief.brief_document(practice.uow(), bc.case.id, other.next.id)


def test_reading_the_brief_and_its_pdf_are_audited(
    practice: OpenPractice, bc: BriefCase, audit_log: Callable[[], list[AuditRow]]
) -> None:
    brief.session_brief(practice.uow(), bc.case.id, bc.next.id, include_private_readings=True)
    brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id, action="printed")
    rows = [r for r in audit_log() if "session brief" in r[5]]
    assert [(r[0], r[5]) for r in rows] == [
        ("viewed", f"session brief, session {bc.next.id}, private sessions included"),
        ("printed", f"session brief, session {bc.next.id} PDF"),
    ]


def test_the_pdf_is_one_page_for_clinicians(practice: OpenPractice, bc: BriefCase) -> None:
    data = brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id)
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    assert pdftools.info(data)["Pages"] == "1"
    assert "Confidential clinical record · For clinicians – not for clients" in text
    assert "Session brief" in text
    assert PLAN_3 in text
    assert "Loop intensity: 5 of 10 at the latest reading (18 Mar 2025)" in text
    assert "18 Mar 2025: 3 · Lean In, to Both partners" in text
    assert PRIVATE_PHRASE not in text


def test_a_full_case_still_fits_one_page(
    practice: OpenPractice, bc: BriefCase, record_session: Callable[..., object]
) -> None:
    from clarity_desktop.services import handouts_given, notes
    from tests.services.conftest import note_draft

    long_plan = " ".join(f"word{i}" for i in range(1500))
    assert bc.next.note_id is not None
    notes.save_draft(
        practice.uow(), bc.next.note_id, note_draft({"intention": long_plan, "plan": long_plan})
    )
    for step in Step:
        for _ in range(3):
            handouts_given.record_given(practice.uow(), bc.case.id, step, session_id=bc.next.id)
    later = sessions.create_session(
        practice.uow(), bc.case.id, SessionInput(starts_at=datetime(2025, 4, 1, 10))
    )
    data = brief.brief_pdf(practice.uow(), bc.case.id, later.id)
    assert data is not None
    assert pdftools.info(data)["Pages"] == "1"
    assert "(continued in the note)" in pdftools.flat(pdftools.text(data))


def test_sessions_that_did_not_take_place_tell_nothing(
    practice: OpenPractice, bc: BriefCase
) -> None:
    booked = sessions.schedule_sessions(
        practice.uow(), bc.case.id, SessionInput(starts_at=datetime(2025, 4, 1, 10))
    ).sessions[0]
    called_off = sessions.schedule_sessions(
        practice.uow(), bc.case.id, SessionInput(starts_at=datetime(2025, 3, 28, 10))
    ).sessions[0]
    sessions.cancel_session(practice.uow(), called_off.id, "flu", late=True)
    doc = brief.brief_document(practice.uow(), bc.case.id, booked.id)
    assert doc.session is not None and doc.session.status == "Scheduled"
    assert called_off.id not in {p.session_id for p in doc.timeline.points}
    note = facts.last_note(doc)
    assert note is not None and note.session_id == bc.next.id  # held, not the cancelled one
    case = cases.read_case(practice.uow(), bc.case.id)
    found = brief.next_session(case, today=datetime(2025, 3, 26).date())
    assert found is not None and found.id == booked.id  # the cancelled one is skipped


# The brief's English headings and fixed words: none may appear in a Spanish brief.
BRIEF_ENGLISH = (
    "Session brief",
    "Confidential clinical record",
    "For clinicians",
    "Last session",
    "Where each partner stands",
    "Pursue / withdraw",
    "Stance (0 leave",
    "Clarity",
    "Direction",
    "The loop, recently",
    "Loop intensity",
    "at the latest reading",
    "Attention",
    "Handouts given",
    "Step guidance",
    "Explore:",
    "Go gently:",
    "Handout:",
    "Both partners",
    "Lean In",
    "Shows the plan",
    "Clinician",
    "together",
    "Mar 2025",
)


def test_a_spanish_brief_has_no_english_heading(practice: OpenPractice, bc: BriefCase) -> None:
    data = brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id, language="es")
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    assert pdftools.info(data)["Pages"] == "1"
    assert "Resumen previo a la sesión" in text
    assert "Registro clínico confidencial · Solo para profesionales" in text
    assert "Intensidad del ciclo: 5 de 10 en la última lectura (18 mar 2025)" in text
    assert "18 mar 2025: 3 · Explorar sin prisa, para Ambos" in text
    assert "Explorar: " in text and "Con cuidado: " in text
    assert [e for e in BRIEF_ENGLISH if e in text] == []
    english = pdftools.flat(pdftools.text(brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id)))
    assert [e for e in BRIEF_ENGLISH if e in english] == list(BRIEF_ENGLISH)  # the list is real

"""The session brief and the treatment plan, on a real practice: the goals of the plan in
force (never the draft's) and the "while we are unsure" agreement with its review date,
flagged once the day the brief prepares has reached it; on the page in both languages."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.reports import brief_plan
from clarity_desktop.services import brief, sessions
from clarity_desktop.store.practice import OpenPractice
from tests.brief_case import make_brief_case
from tests.reports import pdftools
from tests.services.test_plan_document import LATER, write_plan

AGREEMENT = "No big practical steps before the review."


def test_the_brief_holds_the_plan_in_force_and_its_agreement(practice: OpenPractice) -> None:
    bc = make_brief_case(practice)
    before = brief.brief_document(practice.uow(), bc.case.id, bc.next.id)
    assert before.plan is None
    text = pdftools.flat(
        pdftools.text(brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id) or b"")
    )
    assert "No treatment plan is signed yet." in text and "While we are unsure" not in text

    write_plan(practice, bc.case)  # version 1 signed, version 2 a draft with a third goal
    doc = brief.brief_document(practice.uow(), bc.case.id, bc.next.id)
    assert doc.plan is not None and doc.plan.version == 1
    assert brief_plan.goal_lines(doc.plan) == [
        "The couple: Stay curious about each other while unsure",
        "Łukasz: Say what he needs before going quiet",
    ]
    assert not brief_plan.agreement_due(doc.plan, doc.as_of)
    data = brief.brief_pdf(practice.uow(), bc.case.id, bc.next.id)
    assert data is not None
    pages = pdftools.pages(data)
    assert len(pages) == 1  # still one page
    text = pdftools.flat(pages[0])
    assert f"While we are unsure {AGREEMENT} Review on {LATER.day} " in text
    assert "Goals of the plan (version 1)" in text
    assert "The couple: Stay curious about each other while unsure" in text
    assert "Name the pull to leave" not in text  # the draft's goal


def test_a_review_date_reached_is_flagged_in_both_languages(practice: OpenPractice) -> None:
    bc = make_brief_case(practice)
    write_plan(practice, bc.case)
    on_the_day = datetime.combine(LATER, time(9, 0))
    doc = brief.brief_document(practice.uow(), bc.case.id, None, now=on_the_day)
    assert brief_plan.agreement_due(doc.plan, doc.as_of)
    text = pdftools.flat(
        pdftools.text(brief.brief_pdf(practice.uow(), bc.case.id, None, now=on_the_day) or b"")
    )
    assert f"Review due: {LATER.day} " in text
    later = sessions.create_session(
        practice.uow(), bc.case.id, SessionInput(starts_at=on_the_day + timedelta(days=1))
    )
    spanish = brief.brief_pdf(practice.uow(), bc.case.id, later.id, language="es")
    text = pdftools.flat(pdftools.text(spanish or b""))
    for said in (
        f"Mientras no lo tengamos claro {AGREEMENT} Revisión pendiente: {LATER.day} ",
        "Objetivos del plan (versión 1)",
        "La pareja: Stay curious about each other while unsure",
    ):
        assert said in text, said
    assert "Goals of the plan" not in text and "Review due" not in text

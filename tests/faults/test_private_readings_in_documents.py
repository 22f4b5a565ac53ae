"""Privacy faults in the clinician documents a therapist may show the couple.

What one partner voiced in a private individual session (here Łukasz: "letting go" at
step 4, clarity 9, flooding) must not reach the case summary or the progress report
unless the clinician includes it on purpose; included, it is marked "individual
session" wherever it shows. The safety note (an IPV disclosure) is printed only on
purpose too, and the page's statement of what the document holds stays true either way.
Read back with pdftotext, as a user's tools would.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import audit, cases, documents, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools

FIRST = datetime(2025, 3, 3, 10, 0)
ALONE = datetime(2025, 3, 24, 10, 0)  # Łukasz's individual session
SAFETY_TEXT = "SAFETY-DISCLOSURE-9Z afraid during arguments"
CLINICIANS_ONLY = "For clinicians – not for clients"


def flat_text(data: bytes | None) -> str:
    assert data is not None
    return pdftools.flat(pdftools.text(data))


def layout_text(data: bytes | None) -> str:
    """Rows kept together on a line, as a reader scans a table."""
    assert data is not None
    done = pdftools._run("pdftotext", data, "-layout", "-enc", "UTF-8")
    assert done.returncode == 0, done.stderr
    return pdftools.flat(done.stdout)


def record(
    practice: OpenPractice,
    case: CaseDetail,
    when: datetime,
    attending: int | None,
    partner_steps: dict[int, Step],
    readings: dict[int, PartnerReading],
    couple: CoupleReading | None,
) -> None:
    view = sessions.create_session(
        practice.uow(), case.id, SessionInput(starts_at=when, attending_partner_id=attending)
    )
    assert view.note_id is not None
    notes.save_draft(
        practice.uow(),
        view.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "Session."},
            frozenset(partner_steps.values()),
            partner_steps,
            attending is not None,  # an individual session's note is private
            readings,
            couple,
        ),
    )


@pytest.fixture
def confided(practice: OpenPractice, couple_case: CaseDetail) -> CaseDetail:
    """Three joint sessions at steps 2-3 with no direction, then Łukasz alone (private):
    step 4, direction letting go, clarity 9, flooded."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    for week in range(3):
        record(
            practice,
            couple_case,
            FIRST + timedelta(weeks=week),
            None,
            {zoe: Step.LEAN_IN, lukasz: Step.NAME_WHATS_HAPPENING},
            {
                zoe: PartnerReading(position=2, clarity=5),
                lukasz: PartnerReading(position=-2, clarity=3 + week),
            },
            CoupleReading(intensity=6 - week),
        )
    record(
        practice,
        couple_case,
        ALONE,
        lukasz,
        {lukasz: Step.FIND_YOUR_DIRECTION},
        {
            lukasz: PartnerReading(
                position=-3, clarity=9, flooded=True, direction=Direction.LETTING_GO
            )
        },
        None,
    )
    return couple_case


def made(practice: OpenPractice, case: CaseDetail, **choices: bool) -> dict[str, bytes | None]:
    return {
        "summary": documents.summary_pdf(practice.uow(), case.id, **choices),
        "progress": documents.progress_pdf(
            practice.uow(), case.id, date(2025, 3, 1), date(2025, 3, 31), **choices
        ),
    }


def test_a_private_direction_step_and_clarity_stay_out_by_default(
    practice: OpenPractice, confided: CaseDetail
) -> None:
    for kind, data in made(practice, confided).items():
        text = flat_text(data)
        rows = layout_text(data)
        assert "letting go" not in text.lower(), kind
        assert "Łukasz flooded" not in text, kind
        # His latest recorded step is the one from the joint sessions.
        assert "2 · Name What's Happening (17 Mar 2025) None recorded" in text, kind
        assert "Find Your Direction (24 Mar" not in text, kind
        assert "individual session" not in text.replace("1 private individual session", ""), kind
        assert "hollow" not in text, kind
        assert "Steps and readings from 1 private individual session are left out" in text
        assert "24 Mar 2025, 10:00 Łukasz In person not shown (private) Draft Private" in rows
    moved = flat_text(made(practice, confided)["progress"])
    assert "9 of 10" not in moved
    assert (
        "Łukasz's clarity: 5 of 10 at the latest reading (17 Mar 2025), up from 4 at the one "
        "before (10 Mar 2025)" in moved
    )
    assert (
        "Łukasz's step: 2 · Name What's Happening at the start of the period (3 Mar 2025) "
        "and at its end (17 Mar 2025)." in moved
    )


def test_included_on_purpose_they_are_marked_individual_session(
    practice: OpenPractice, confided: CaseDetail
) -> None:
    for kind, data in made(practice, confided, include_private_readings=True).items():
        text = flat_text(data)
        rows = layout_text(data)
        assert "Letting go (24 Mar 2025, individual session)" in text, kind
        assert "4 · Find Your Direction (24 Mar 2025, individual session)" in text, kind
        assert "24 Mar 2025, 10:00 Łukasz In person 4 · Find Your Direction Draft Private" in rows
        assert "hollow: individual session (private)" in text, kind  # the charts' key
        assert "letting go" in text  # the direction marker's key
        assert "Readings from private individual sessions are included" in text
        assert "Łukasz in 1 session (individual session: 1)" in text
    moved = flat_text(made(practice, confided, include_private_readings=True)["progress"])
    assert (
        "Łukasz's clarity: 9 of 10 at the latest reading (24 Mar 2025, individual session)" in moved
    )


def test_the_choices_are_in_the_audit_trail(practice: OpenPractice, confided: CaseDetail) -> None:
    documents.summary_pdf(practice.uow(), confided.id, include_private_readings=True)
    details = [
        e.detail for e in audit.list_events(practice.uow(), audit.AuditFilter(case_id=confided.id))
    ]
    assert details[0] == "case summary PDF, 4 sessions, private sessions' readings included"


@pytest.fixture
def flagged(practice: OpenPractice, confided: CaseDetail) -> CaseDetail:
    case = cases.read_case(practice.uow(), confided.id)
    data = CaseInput(
        kind=CaseKind.COUPLE,
        display_name=case.display_name,
        partners=tuple(PartnerInput(name=p.name, pronouns=p.pronouns) for p in case.partners),
        relationship_structure=case.relationship_structure,
        safety_flag=True,
        safety_note=SAFETY_TEXT,
    )
    return cases.update_case(practice.uow(), case.id, data)


def test_the_safety_note_is_printed_only_on_purpose(
    practice: OpenPractice, flagged: CaseDetail
) -> None:
    for kind, data in made(practice, flagged).items():
        text = flat_text(data)
        assert "SAFETY-DISCLOSURE" not in text, kind
        assert "Safety flag set. The safety note is not included in this document." in text
        assert "The safety note is left out." in text
    for kind, data in made(practice, flagged, include_safety_note=True).items():
        text = flat_text(data)
        assert f"Safety flag set. Safety note: {SAFETY_TEXT}" in text, kind
        assert "The safety note is included above, as the clinician chose." in text
        # The statement under it no longer claims structure and readings only.
        assert "structure and recorded readings only" not in text


def test_every_page_says_who_it_is_for(practice: OpenPractice, confided: CaseDetail) -> None:
    for kind, data in made(practice, confided).items():
        assert data is not None
        pages = pdftools.pages(data)
        assert pages
        for number, page in enumerate(pages, start=1):
            assert CLINICIANS_ONLY in pdftools.flat(page), (kind, number)

"""The case summary and the progress report from a real practice: content, privacy,
the period, charts, cases without readings, individual cases and the audit rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.progress import CallbackProgress
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, documents, dynamics, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import went_to

ME = "Dana Reyes, LMFT"
MARKER = "PRIVATE-MARKER-7Q"
FREE_TEXT = "FREE-TEXT-MARKER-3K"
AuditLog = Callable[[], list[tuple[Any, ...]]]
Recorder = Callable[..., SessionView]

# (when, joint, zoe step, łukasz step, zoe position, łukasz position, intensity)
PLAN = [
    (datetime(2025, 1, 7, 10, 0), True, 1, 1, 3, -3, 8),
    (datetime(2025, 1, 21, 10, 0), True, 2, 1, 3, -2, 7),
    (datetime(2025, 2, 4, 10, 0), False, 2, None, None, None, None),  # Zoë alone, private
    (datetime(2025, 2, 18, 10, 0), True, 3, 2, 2, -2, 6),
    (datetime(2025, 3, 4, 17, 30), True, 3, 3, 1, -1, 4),
    (datetime(2025, 3, 18, 10, 0), True, 4, 3, 1, -1, 3),
]


def layout_pages(data: bytes | Path) -> list[str]:
    """Each page's text in reading layout (a table row stays on one line), white space
    folded: pdftotext's default order reads a table column by column."""
    done = pdftools._run("pdftotext", data, "-layout", "-enc", "UTF-8")
    assert done.returncode == 0, done.stderr
    pages = done.stdout.split("\f")
    pages = pages[:-1] if pages and not pages[-1].strip() else pages
    return [pdftools.flat(page) for page in pages]


def checked_pages(data: bytes | Path) -> list[str]:
    """The pages' text (rows kept together), after checking every page's furniture."""
    pages = layout_pages(data)
    for number, page in enumerate(pages, start=1):
        assert "Confidential" in page
        assert f"Page {number} of {len(pages)}" in page
    return pages


@pytest.fixture
def stepped(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Recorder
) -> CaseDetail:
    """Zoë & Łukasz over six sessions with steps and readings; the third is Zoë's
    individual session with a private note holding a marker phrase in every section."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    for when, joint, zs, ls, zp, lp, intensity in PLAN:
        session = record_session(couple_case.id, when, attending=None if joint else zoe)
        assert session.note_id is not None
        partner_steps = {zoe: Step(zs)} | ({lukasz: Step(ls)} if ls else {})
        readings = {
            zoe: PartnerReading(
                position=zp,
                clarity=3 + zs,
                flooded=intensity == 8,
                flooding_note=f"flooding {FREE_TEXT}" if intensity == 8 else "",
                direction=Direction.REPAIR if zs == 4 else None,
            )
        }
        couple = None
        if joint:
            assert ls is not None and intensity is not None
            readings[lukasz] = PartnerReading(position=lp, clarity=2 + ls)
            couple = CoupleReading(
                loops=frozenset(
                    {Loop.PURSUE_WITHDRAW} | ({Loop.TALK_SHUT_DOWN} if zs < 3 else set())
                ),
                loop_other=f"other {FREE_TEXT}" if zs == 3 else "",
                intensity=intensity,
                trigger=f"trigger {FREE_TEXT}",
                co_regulation=intensity <= 4,
                co_regulation_note=f"helped {FREE_TEXT}",
            )
        text = MARKER if not joint else "Joint work."
        notes.save_draft(
            practice.uow(),
            session.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": f"Focus {text}", "leaning_in": f"Leaning {text}"},
                frozenset({Step(zs)}),
                partner_steps,
                not joint,
                readings,
                couple,
            ),
        )
        if when < datetime(2025, 3, 18):
            notes.sign_note(practice.uow(), session.note_id)
    return couple_case


def test_the_summary_shows_the_case_without_any_note_text(
    practice: OpenPractice, stepped: CaseDetail, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    assert documents.summary_pdf(practice.uow(), stepped.id, out) is None
    text = " ".join(checked_pages(out))
    for expected in (
        "Case summary",
        "Zoë & Łukasz",
        f"(case {stepped.id}) · Couple",
        "Married",
        "Opened 15 Jan 2024 · active",
        "No safety flag.",
        "6 recorded (5 joint, 1 individual), 7 Jan 2025 to 18 Mar 2025.",
        "Zoë she/her 4 · Find Your Direction (18 Mar 2025) Repair (18 Mar 2025)",
        "Łukasz he/him 3 · Lean In (18 Mar 2025) None recorded",
        "7 Jan 2025, 10:00 Joint In person 1 · Notice the Shift Signed",
        # A private note's step tags are the clinician's to include; by default not.
        "4 Feb 2025, 10:00 Zoë In person not shown (private) Signed Private",
        "18 Mar 2025, 10:00 Joint In person 4 · Find Your Direction Draft",
        "Pursue – withdraw 5 7 Jan 2025 18 Mar 2025",
        "Talk – shut down 2 7 Jan 2025 21 Jan 2025",
        "Other (in the therapist's words) 2",
        "Flooding recorded: Zoë in 1 session; Łukasz in 0 sessions.",
        "Co-regulation noted in 2 of the 5 sessions that recorded whether it happened.",
    ):
        assert expected in text, expected
    # The charts: their axes and legends are text of their own.
    for label in (
        "Steps over time",
        "5 · Move Forward",
        "1 · Notice the Shift",
        "repair",
        "pursuing +3",
        "withdrawing −3",
        "distance between them",
        "Loop intensity (0–10)",
        "Zoë flooded",  # and not Łukasz, who did not
        "co-regulation noted",
        "Jan 2025",
    ):
        assert label in text, label
    assert "Łukasz flooded" not in text
    # Structure and readings only: no section, no free text of a reading.
    for leaked in (MARKER, FREE_TEXT, "Joint work.", "Focus", "flooding FREE"):
        assert leaked not in text
    info = pdftools.info(out)
    assert info["Title"] == "Case summary — Zoë & Łukasz"
    assert info["Author"] == ME


def test_the_progress_report_holds_only_the_period(
    practice: OpenPractice, stepped: CaseDetail
) -> None:
    data = documents.progress_pdf(
        practice.uow(), stepped.id, date(2025, 1, 21), date(2025, 3, 4), page_size="Letter"
    )
    assert data is not None
    text = " ".join(checked_pages(data))
    assert "Progress report" in text
    assert "21 Jan 2025 to 4 Mar 2025 (both days included)" in text
    assert "4 in this period (3 joint, 1 individual), 21 Jan 2025 to 4 Mar 2025." in text
    for inside in ("21 Jan 2025, 10:00", "4 Feb 2025, 10:00", "18 Feb 2025, 10:00"):
        assert inside in text
    assert "4 Mar 2025, 17:30" in text  # the last day counts whatever the hour
    for outside in ("7 Jan 2025", "18 Mar 2025"):
        assert outside not in text
    assert "What moved in this period" in text
    assert (
        "Loop intensity: 4 of 10 at the latest reading (4 Mar 2025), down from 6 at the one "
        "before (18 Feb 2025); over 3 readings in this period, from 7 to 4, it eased." in text
    )
    assert (
        "The distance between the partners on pursue/withdraw: 2 points apart at the latest "
        "reading (4 Mar 2025), down from 4 at the one before (18 Feb 2025); over 3 readings "
        "in this period, from 5 to 2, it narrowed: the partners moved closer." in text
    )
    # Zoë's individual session is private: by default her clarity there is left out.
    assert "over 3 readings in this period, from 5 to 6, it grew." in text
    assert (
        "Zoë's step: 2 · Name What's Happening at the start of the period (21 Jan 2025), "
        "3 · Lean In at its end (4 Mar 2025)." in text
    )
    assert "Łukasz's step: 1 · Notice the Shift at the start of the period" in text
    assert "pursuing +3" in text and "Loop intensity (0–10)" in text
    assert MARKER not in text and FREE_TEXT not in text
    assert "letter" in pdftools.info(data)["Page size"]
    assert pdftools.info(data)["Title"] == (
        "Progress report — Zoë & Łukasz — 21 Jan 2025 to 4 Mar 2025"
    )


def test_a_period_without_sessions_says_so(practice: OpenPractice, stepped: CaseDetail) -> None:
    data = documents.progress_pdf(practice.uow(), stepped.id, date(2024, 5, 1), date(2024, 5, 31))
    assert data is not None
    text = " ".join(checked_pages(data))
    assert "None in this period." in text
    assert "No sessions in this period." in text
    assert "No steps or readings have been recorded in this period, so there are no charts." in text
    assert "pursuing" not in text


def test_a_case_without_readings_gets_sentences_instead_of_charts(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Recorder
) -> None:
    for week in range(3):
        record_session(couple_case.id, datetime(2025, 4, 1, 9, 0) + timedelta(weeks=week))
    data = documents.summary_pdf(practice.uow(), couple_case.id)
    assert data is not None
    text = " ".join(checked_pages(data))
    assert "No steps or readings have been recorded for this case, so there are no charts." in text
    for chart_label in ("pursuing", "Loop intensity (0–10)", "distance between them"):
        assert chart_label not in text
    assert "1 Apr 2025, 09:00 Joint In person — Draft" in text
    assert "No loops have been recorded for this case." in text


def test_a_case_without_sessions(practice: OpenPractice, couple_case: CaseDetail) -> None:
    data = documents.summary_pdf(practice.uow(), couple_case.id)
    text = " ".join(checked_pages(data or b""))
    assert "None recorded." in text and "No sessions yet." in text


def test_one_chart_missing_is_one_sentence(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Recorder
) -> None:
    """Steps recorded but no positions or loop: the steps chart and two sentences."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    session = record_session(couple_case.id, datetime(2025, 4, 1, 9, 0))
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "x"},
            frozenset(),
            {zoe: Step.LEAN_IN, lukasz: Step.LEAN_IN},
            False,
        ),
    )
    text = " ".join(checked_pages(documents.summary_pdf(practice.uow(), couple_case.id) or b""))
    assert "5 · Move Forward" in text  # the step chart's axis
    assert "No pursue/withdraw positions have been recorded for this case." in text
    assert "No loop intensity, flooding or co-regulation has been recorded for this case." in text


def test_an_individual_case(
    practice: OpenPractice, individual_case: CaseDetail, record_session: Recorder
) -> None:
    (soren,) = (p.id for p in individual_case.partners)
    for i, step in enumerate((Step.NOTICE_THE_SHIFT, Step.NAME_WHATS_HAPPENING, Step.LEAN_IN)):
        session = record_session(
            individual_case.id, datetime(2025, 5, 2, 11, 0) + timedelta(weeks=i)
        )
        assert session.note_id is not None
        notes.save_draft(
            practice.uow(),
            session.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": f"Alone {MARKER}"},
                frozenset({step}),
                {soren: step},
                False,
                {soren: PartnerReading(clarity=2 + i)},
            ),
        )
    data = documents.summary_pdf(practice.uow(), individual_case.id)
    text = " ".join(checked_pages(data or b""))
    assert "Søren Ødegård" in text
    assert "· Individual" in text
    assert "3 recorded, 2 May 2025 to 16 May 2025." in text
    assert "2 May 2025, 11:00 Søren Ødegård In person 1 · Notice the Shift Draft" in text
    assert "Steps over time" in text and "1 · Notice the Shift" in text
    # No couple loop for one person: neither its charts nor empty sections about it.
    assert "Pursue and withdraw" not in text and "Recurring loops" not in text
    assert MARKER not in text
    progress = documents.progress_pdf(
        practice.uow(), individual_case.id, date(2025, 5, 1), date(2025, 5, 31)
    )
    moved = " ".join(checked_pages(progress or b""))
    assert "Søren Ødegård's clarity: too few readings" not in moved
    assert "over 3 readings in this period, from 2 to 4, it grew." in moved
    assert "Loop intensity" not in moved


def test_a_long_case_numbers_every_page(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Recorder
) -> None:
    first = datetime(2024, 2, 1, 9, 0)
    for week in range(70):
        record_session(couple_case.id, first + timedelta(weeks=week))
    shares: list[float] = []
    data = documents.summary_pdf(
        practice.uow(), couple_case.id, progress=CallbackProgress(lambda d, t: shares.append(d / t))
    )
    pages = checked_pages(data or b"")
    assert len(pages) >= 3
    assert shares[0] == 0.0 and shares[-1] == 1.0
    assert shares == sorted(shares)
    # The sessions table repeats its header on every page it spans.
    assert all("Date Attendance Modality" in p for p in pages[-2:])


def test_the_summary_and_progress_report_are_audited(
    practice: OpenPractice, stepped: CaseDetail, tmp_path: Path, audit_log: AuditLog
) -> None:
    cid = stepped.id
    out = tmp_path / "s.pdf"

    def made(action: Callable[[], object]) -> list[tuple[Any, ...]]:
        before = audit_log()
        action()
        return [r for r in audit_log()[len(before) :] if r[0] != "viewed"]

    assert made(lambda: documents.summary_pdf(practice.uow(), cid, out, password="pw pw")) == [
        (
            "exported",
            "case",
            cid,
            cid,
            ME,
            f"case summary PDF, 6 sessions, password-protected, {went_to(practice, out)}",
        )
    ]
    assert not pdftools.readable(out)
    assert "Zoë & Łukasz" in pdftools.text(out, "pw pw")
    assert made(lambda: documents.summary_pdf(practice.uow(), cid, action="printed")) == [
        ("printed", "case", cid, cid, ME, "case summary PDF, 6 sessions")
    ]
    start, end = date(2025, 2, 1), date(2025, 2, 28)
    assert made(
        lambda: documents.progress_pdf(practice.uow(), cid, start, end, action="previewed")
    ) == [
        (
            "previewed",
            "case",
            cid,
            cid,
            ME,
            "progress report PDF, 2025-02-01 to 2025-02-28, 2 sessions",
        )
    ]


def test_nothing_is_audited_when_nothing_was_made(
    practice: OpenPractice, stepped: CaseDetail, audit_log: AuditLog
) -> None:
    before = audit_log()
    with pytest.raises(ValidationError, match=re.escape("2025-03-01 is after 2025-02-01")):
        documents.progress_pdf(practice.uow(), stepped.id, date(2025, 3, 1), date(2025, 2, 1))
    with pytest.raises(NotFound):
        documents.summary_pdf(practice.uow(), 9999)
    with pytest.raises(ValidationError, match="A4 or Letter"):
        documents.summary_pdf(practice.uow(), stepped.id, page_size="A5")
    with pytest.raises(ValueError, match="unknown document action"):
        documents.progress_pdf(
            practice.uow(), stepped.id, date(2025, 1, 1), date(2025, 2, 1), action="faxed"
        )  # type: ignore[arg-type]
    with pytest.raises(OSError):
        documents.summary_pdf(practice.uow(), stepped.id, Path("/nonexistent/folder/s.pdf"))
    assert [r for r in audit_log()[len(before) :] if r[0] != "viewed"] == []


def test_a_booked_session_is_not_called_a_draft(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Recorder
) -> None:
    record_session(couple_case.id, datetime(2025, 4, 1, 9, 0))
    record_session(couple_case.id, datetime(2025, 4, 8, 9, 0))
    case = cases.read_case(practice.uow(), couple_case.id)
    doc = documents.summary_document(
        case, dynamics.case_timeline(practice.uow(), case.id), ME, now=datetime(2025, 4, 5, 12, 0)
    )
    assert [r.note for r in doc.sessions] == ["Draft", "Booked"]

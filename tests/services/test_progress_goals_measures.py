"""The progress report's goals and measures on a real practice: per goal of the plan in
force the marks the period's notes gave it, per partner the check-in scores with the gap
between them, in the report's language; and what one partner said in a private
individual session (a goal mark, a check-in) left out unless the clinician includes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clarity_desktop import cli
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.services import measures, notes, plan_goals, plans, progress_report
from clarity_desktop.services.document_request import DocumentRequest, render
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import note_draft
from tests.services.test_plan_document import write_plan

CALM = {"safe_to_speak": 4, "heard": 4, "clarity": 4, "hope": 4, "pressure": 0}
TENSE = {"safe_to_speak": 2, "heard": 2, "clarity": 1, "hope": 1, "pressure": 4}
ALONE = {"safe_to_speak": 1, "heard": 1, "clarity": 1, "hope": 1, "pressure": 3}
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@pytest.fixture
def worked(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> CaseDetail:
    """March: two joint sessions and Łukasz alone (a private note) in between, each note
    marking a goal and each partner present answering the session check-in; April: one
    more joint session, outside the period."""
    write_plan(practice, couple_case)
    current = plans.read_plan(practice.uow(), couple_case.id).current
    assert current is not None
    couple_goal, lukasz_goal = (g.key for g in current.content.goals)
    zoe, lukasz = (p.id for p in couple_case.partners)
    check_in = measures.find(measures.catalogue(), "session_check_in")
    plan: list[tuple[datetime, int | None, str, ProgressMark, dict[int, dict[str, int]]]] = [
        (
            datetime(2025, 3, 4, 10),
            None,
            couple_goal,
            ProgressMark.MOVING,
            {zoe: CALM, lukasz: TENSE},
        ),
        (datetime(2025, 3, 11, 10), lukasz, lukasz_goal, ProgressMark.HARDER, {lukasz: ALONE}),
        (
            datetime(2025, 3, 18, 10),
            None,
            couple_goal,
            ProgressMark.STEADY,
            {zoe: CALM, lukasz: CALM},
        ),
        (datetime(2025, 4, 8, 10), None, couple_goal, ProgressMark.MOVING, {zoe: TENSE}),
    ]
    for when, attending, goal, mark, answers in plan:
        session = record_session(couple_case.id, when, attending)
        assert session.note_id is not None
        notes.save_draft(
            practice.uow(),
            session.note_id,
            note_draft({"focus": "NOTE-TEXT-3X"}, private=attending is not None),
        )
        plan_goals.set_note_goals(
            practice.uow(), session.note_id, {goal: (mark, "COMMENT-TEXT-9Z")}
        )
        for partner, given in answers.items():
            measures.record_answers(
                practice.uow(), check_in, couple_case.id, partner, given, session_id=session.id
            )
    return couple_case


def report_text(practice: OpenPractice, case: CaseDetail, **options: object) -> str:
    data = progress_report.progress_pdf(practice.uow(), case.id, *MARCH, **options)  # type: ignore[arg-type]
    assert data is not None
    return pdftools.flat(pdftools.text(data))


def test_goals_and_both_partners_scores_with_the_gap(
    practice: OpenPractice, worked: CaseDetail
) -> None:
    text = report_text(practice, worked)
    assert "Goals of the plan" in text and "(version 1)" in text
    assert "The couple: Stay curious about each other while unsure" in text
    assert "4 Mar 2025: Moving; 18 Mar 2025: Steady" in text
    assert "Łukasz: Say what he needs before going quiet Not marked in this period" in text
    assert "8 Apr 2025" not in text  # outside the period
    assert "Check-in measures" in text and "How today's session felt" in text
    assert "Date Zoë Łukasz Gap" in text
    scores = measures.case_measures(practice.uow(), worked.id, measures.catalogue())
    course = scores.instruments[0].scores[0]
    zoe, lukasz = (p.id for p in worked.partners)
    first_zoe, first_lukasz = course.by_partner[zoe][0].value, course.by_partner[lukasz][0].value
    assert first_zoe is not None and first_lukasz is not None
    gap = abs(first_zoe - first_lukasz)
    assert f"4 Mar 2025 {first_zoe:g} {first_lukasz:g} {gap:g}" in text
    # Never note text, not even a goal's comment.
    assert "NOTE-TEXT-3X" not in text and "COMMENT-TEXT-9Z" not in text


def test_what_lukasz_said_alone_stays_out_unless_included(
    practice: OpenPractice, worked: CaseDetail
) -> None:
    text = report_text(practice, worked)
    # The sessions table lists the session itself (structure only, marked private) ...
    assert "11 Mar 2025, 10:00 Łukasz" in text
    # ... but neither his goal mark nor his check-in from it.
    assert "11 Mar 2025:" not in text and "11 Mar 2025 (" not in text
    assert "Harder for now" not in text
    assert "1 goal mark from a private session is left out." in text
    assert "1 check-in from a private session is left out." in text
    included = report_text(practice, worked, include_private_readings=True)
    assert "11 Mar 2025: Harder for now (individual session)" in included
    assert "11 Mar 2025 (individual session)" in included
    assert "left out" not in included.split("Check-in measures")[1].split("Charts")[0]


def test_spanish_and_the_dialog_s_request(
    practice: OpenPractice, worked: CaseDetail, tmp_path: Path
) -> None:
    request = DocumentRequest(
        DocumentKind.PROGRESS, worked.id, date_from=MARCH[0], date_to=MARCH[1], language=Language.ES
    )
    out = tmp_path / "progress-es.pdf"
    render(practice.uow(), request.to(out, AuditAction.EXPORTED))
    text = pdftools.flat(pdftools.text(out))
    for said in (
        "Objetivos del plan",
        "La pareja: Stay curious about each other while unsure",
        "4 mar 2025: Avanzando; 18 mar 2025: Estable",
        "Cuestionarios de seguimiento",
        "Cómo fue la sesión de hoy",
        "Fecha Zoë Łukasz Diferencia",
        "Se omite 1 cuestionario de una sesión privada.",
    ):
        assert said in text, said
    for english in ("Goals of the plan", "Check-in measures", "Moving", "Gap"):
        assert english not in text, english


def test_report_progress_from_the_command_line_has_them_too(
    practice: OpenPractice,
    worked: CaseDetail,
    monkeypatch: pytest.MonkeyPatch,
    passphrase: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.chdir(tmp_path)
    args = ["report", "progress", "--case", str(worked.id), "--from", "2025-03-01"]
    args += ["--to", "2025-03-31", "--data-dir", str(practice.folder)]
    assert cli.main(args) == 0, capsys.readouterr().err
    text = pdftools.flat(
        pdftools.text(tmp_path / f"progress-{worked.id}-2025-03-01-to-2025-03-31.pdf")
    )
    assert "The couple: Stay curious about each other while unsure 4 Mar 2025: Moving" in text
    assert "Date Zoë Łukasz Gap" in text


def test_the_report_is_one_read_and_one_audit_row(
    practice: OpenPractice, worked: CaseDetail
) -> None:
    """One action, one transaction: the plan review and the measures are read in the
    report's own read, so the audit log gains the export and nothing else."""
    with practice.uow().reading() as db:
        before = db.scalar(select(func.max(AuditEvent.id)))
    report_text(practice, worked)
    with practice.uow().reading() as db:
        added = db.execute(
            select(AuditEvent.action, AuditEvent.detail).where(AuditEvent.id > before)
        ).all()
    assert [action for action, _detail in added] == [AuditAction.EXPORTED], added
    assert "progress report PDF" in added[0][1]

"""The treatment plan as a PDF on a real practice: `report plan` from the command line and
the same request the document dialog sends; the plan in force or a chosen version, a
draft marked DRAFT, Spanish headings, a clear sentence for a case with no plan, and one
audit row per document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent
from clarity_desktop.services import plans
from clarity_desktop.services.document_request import DocumentRequest, render
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import AuditRow

LATER = date.today() + timedelta(days=40)


def write_plan(practice: OpenPractice, case: CaseDetail) -> None:
    """Version 1 signed (two goals, the agreement); version 2 a draft with a third goal."""
    zoe, lukasz = (p.id for p in case.partners)
    first = plans.start_version(practice.uow(), case.id).draft
    assert first is not None
    plans.save_draft(
        practice.uow(),
        first.id,
        PlanContent(
            concerns=(Concern(None, "The move keeps coming back"),),
            goals=(
                Goal(
                    None,
                    "Stay curious about each other while unsure",
                    (Objective("Ask first", LATER),),
                ),
                Goal(lukasz, "Say what he needs before going quiet"),
            ),
            review_on=LATER,
            agreement="No big practical steps before the review.",
            agreement_review_on=LATER,
        ),
    )
    plans.sign_plan(practice.uow(), first.id)
    second = plans.start_version(practice.uow(), case.id).draft
    assert second is not None
    goals = (*second.content.goals, Goal(zoe, "Name the pull to leave without acting on it"))
    plans.save_draft(
        practice.uow(), second.id, PlanContent(**{**second.content.__dict__, "goals": goals})
    )


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(
    capsys: pytest.CaptureFixture[str], practice: OpenPractice, *args: str
) -> tuple[int, str, str]:
    code = cli.main(["report", *args, "--data-dir", str(practice.folder)])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_plan_prints_the_plan_in_force_by_default(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    write_plan(practice, couple_case)
    code, out, err = report(
        capsys, practice, "plan", "--case", str(couple_case.id), "--acknowledgement"
    )
    assert code == 0, err
    path = env / f"treatment-plan-{couple_case.id}.pdf"
    assert out.strip() == f"Wrote {path.name}."
    text = pdftools.flat(pdftools.text(path))
    assert "version 1" in text and "DRAFT" not in text
    assert "Goal 1: Stay curious about each other while unsure" in text
    assert "Say what he needs before going quiet" in text
    assert "Name the pull to leave" not in text  # only in the draft
    assert "While we are unsure No big practical steps before the review." in text
    assert text.count("Signature") == 2
    last = audit_log()[-1]
    assert last[:2] == (AuditAction.EXPORTED.value, plans.ENTITY)
    assert last[3] == couple_case.id
    assert "treatment plan PDF, version 1, with acknowledgement lines" in last[5]


def test_a_chosen_draft_prints_marked_draft_in_spanish(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    write_plan(practice, couple_case)
    args = ("plan", "--case", str(couple_case.id), "--version", "2", "--language", "es")
    code, out, err = report(capsys, practice, *args)
    assert code == 0, err
    path = env / f"treatment-plan-{couple_case.id}-v2-es.pdf"
    text = pdftools.flat(pdftools.text(path))
    assert "BORRADOR — sin firmar" in text
    for heading in ("Plan de tratamiento", "versión 2", "La pareja", "Objetivo 1:", "Revisión"):
        assert heading in text, heading
    assert "Mientras no lo tengamos claro" in text
    assert "Name the pull to leave without acting on it" in text  # what was written, whole
    for english in ("Treatment plan", "Goal 1", "The couple", "While we are unsure"):
        assert english not in text, english
    assert "(unsigned draft), in Spanish" in audit_log()[-1][5]


def test_a_case_without_a_plan_or_version_is_said_in_one_sentence(
    env: Path, practice: OpenPractice, couple_case: CaseDetail, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = report(capsys, practice, "plan", "--case", str(couple_case.id))
    assert code == 2
    assert "This case has no treatment plan yet" in err and "Traceback" not in err
    assert not list(env.glob("*.pdf"))
    write_plan(practice, couple_case)
    code, _, err = report(capsys, practice, "plan", "--case", str(couple_case.id), "--version", "7")
    assert code == 2
    assert "has no version 7; its versions are 1, 2" in err
    code, _, err = report(
        capsys, practice, "summary", "--case", str(couple_case.id), "--version", "1"
    )
    assert code == 2 and "--version is for the plan report only" in err


def test_the_dialog_s_request_makes_the_same_plan(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: Callable[[], list[AuditRow]]
) -> None:
    request = DocumentRequest(DocumentKind.PLAN, couple_case.id, language=Language.EN)
    with pytest.raises(ValidationError) as caught:
        render(practice.uow(), request.to(None, AuditAction.PREVIEWED))
    assert caught.value.code is ErrorCode.CASE_HAS_NO_PLAN
    write_plan(practice, couple_case)
    data = render(practice.uow(), request.to(None, AuditAction.PREVIEWED))
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    assert "Stay curious about each other while unsure" in text and "DRAFT" not in text
    assert audit_log()[-1][0] == AuditAction.PREVIEWED.value

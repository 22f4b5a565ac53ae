"""Every document through the one DocumentRequest both fronts build: each of the five
kinds rendered from a real practice, to a file or as bytes, with its audit row; a
password; what a request lacks said plainly; the safety-flag check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop.cli import report as cli_report
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, notes
from clarity_desktop.services.document_request import KINDS, DocumentRequest, render
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import went_to

AuditLog = Callable[[], list[tuple[Any, ...]]]


@pytest.fixture
def signed_note(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> int:
    note_id = record_session(couple_case.id, datetime(2025, 3, 4, 10, 0)).note_id
    assert note_id is not None
    notes.save_draft(
        practice.uow(),
        note_id,
        draft({"focus": "Request-focus-text", "direction": "Nothing decided."}),
    )
    notes.sign_note(practice.uow(), note_id)
    return note_id


def test_the_cli_offers_exactly_the_kinds_the_request_knows() -> None:
    assert cli_report.REPORTS == KINDS


def test_an_unknown_kind_is_refused_when_the_request_is_made() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        DocumentRequest("letter", 1)  # type: ignore[arg-type]


def test_a_request_made_from_the_word_holds_the_kind() -> None:
    request = DocumentRequest("handout", 1)  # type: ignore[arg-type]
    assert request.kind is DocumentKind.HANDOUT


def test_a_note_request_renders_the_note_as_bytes_and_audits_a_preview(
    practice: OpenPractice, signed_note: int, couple_case: CaseDetail, audit_log: AuditLog
) -> None:
    request = DocumentRequest("note", couple_case.id, note_id=signed_note)
    data = render(practice.uow(), request.to(None, "previewed"))
    assert isinstance(data, bytes)
    assert "Request-focus-text" in pdftools.flat(pdftools.text(data))
    action, entity, entity_id, case_id, _actor, detail = audit_log()[-1]
    assert (action, entity, entity_id, case_id) == (
        "previewed",
        "note",
        signed_note,
        couple_case.id,
    )
    assert detail == "session note PDF"


def test_a_summary_request_writes_its_file_and_says_so_in_the_audit(
    practice: OpenPractice,
    signed_note: int,
    couple_case: CaseDetail,
    audit_log: AuditLog,
    tmp_path: Path,
) -> None:
    out = tmp_path / "summary.pdf"
    request = DocumentRequest("summary", couple_case.id, include_safety_note=True)
    assert render(practice.uow(), request.to(out, "exported")) is None
    assert couple_case.display_name in pdftools.flat(pdftools.text(out))
    action, entity, _id, case_id, _actor, detail = audit_log()[-1]
    assert (action, entity, case_id) == ("exported", "case", couple_case.id)
    assert detail.startswith("case summary PDF, 1 sessions")
    assert detail.endswith(went_to(practice, out))


def test_a_progress_request_covers_its_period_and_needs_both_days(
    practice: OpenPractice,
    signed_note: int,
    couple_case: CaseDetail,
    audit_log: AuditLog,
    tmp_path: Path,
) -> None:
    out = tmp_path / "progress.pdf"
    request = DocumentRequest(
        "progress", couple_case.id, date_from=date(2025, 3, 1), date_to=date(2025, 3, 31)
    )
    render(practice.uow(), request.to(out, "exported"))
    assert pdftools.readable(out)
    detail = audit_log()[-1][5]
    assert detail.startswith("progress report PDF, 2025-03-01 to 2025-03-31, 1 sessions")
    rows = len(audit_log())
    with pytest.raises(ValidationError, match="the last day of the period"):
        render(
            practice.uow(), DocumentRequest("progress", couple_case.id, date_from=date(2025, 3, 1))
        )
    assert len(audit_log()) == rows  # nothing made, nothing claimed


def test_a_handout_request_prints_the_names_and_message_given(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: AuditLog, tmp_path: Path
) -> None:
    zoe = couple_case.partners[0]
    out = tmp_path / "handout.pdf"
    request = DocumentRequest(
        "handout",
        couple_case.id,
        partner_id=zoe.id,
        step=Step.LEAN_IN,
        first_names=("Zoë",),
        message="See you Thursday-request",
        page_size="Letter",
    )
    render(practice.uow(), request.to(out, "printed"))
    text = pdftools.flat(pdftools.text(out))
    assert "Zoë" in text and "See you Thursday-request" in text
    assert "Łukasz" not in text
    assert pdftools.info(out)["Page size"].startswith("612 x 792")  # Letter
    action, _e, _id, _c, _a, detail = audit_log()[-1]
    assert action == "printed"
    assert detail.startswith(f"client handout PDF, step {int(Step.LEAN_IN)}, partner {zoe.id}")


def test_a_handout_request_in_a_flagged_case_needs_the_safety_acknowledged(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    flagged = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Ana Ruiz"), PartnerInput(name="Ben Ode")),
            relationship_structure="Married",
            opened_on=date(2024, 1, 15),
            safety_flag=True,
            safety_note="Raised voices at home.",
        ),
    )
    request = DocumentRequest(
        "handout", flagged.id, step=Step.NAME_WHATS_HAPPENING, first_names=("Ana", "Ben")
    )
    rows = len(audit_log())
    with pytest.raises(ValidationError) as refused:
        render(practice.uow(), request)
    assert refused.value.field == "acknowledge_safety"
    assert len(audit_log()) == rows
    data = render(practice.uow(), replace(request, acknowledge_safety=True))
    assert data is not None and pdftools.readable(data)
    assert "safety flag acknowledged" in audit_log()[-1][5]


def test_a_steps_request_without_a_case_is_the_practices_and_can_carry_a_password(
    practice: OpenPractice, audit_log: AuditLog, tmp_path: Path
) -> None:
    out = tmp_path / "steps.pdf"
    render(practice.uow(), DocumentRequest("steps").to(out, "exported", "a long password"))
    assert not pdftools.readable(out)
    assert pdftools.readable(out, "a long password")
    action, entity, entity_id, case_id, _actor, detail = audit_log()[-1]
    assert (action, entity, entity_id, case_id) == ("exported", "practice", None, None)
    assert detail.startswith("five steps overview PDF, password-protected")


def test_a_note_request_without_a_note_is_refused_in_a_sentence(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with pytest.raises(ValidationError, match="Please choose the session note."):
        render(practice.uow(), DocumentRequest("note", couple_case.id))

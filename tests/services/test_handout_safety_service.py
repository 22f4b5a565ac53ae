"""In a case with a safety flag every handout, not only the joint one, is the
safety-aware version and needs the therapist's confirmation; elsewhere nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, handout_documents
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools

AuditLog = Callable[[], list[tuple[Any, ...]]]


def flagged(practice: OpenPractice, kind: CaseKind = CaseKind.COUPLE) -> CaseDetail:
    partners = (PartnerInput(name="Ngozi Eze"), PartnerInput(name="Marcus Hale"))
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=kind,
            display_name="",
            partners=partners if kind is CaseKind.COUPLE else partners[:1],
            safety_flag=True,
            safety_note="Screened at intake.",
            opened_on=date(2024, 5, 1),
        ),
    )


@pytest.mark.parametrize("who", ["one partner", "individual client"])
def test_every_handout_in_a_flagged_case_needs_confirming(
    practice: OpenPractice, audit_log: AuditLog, who: str
) -> None:
    kind = CaseKind.COUPLE if who == "one partner" else CaseKind.INDIVIDUAL
    case = flagged(practice, kind)
    ngozi = case.partners[0].id
    before = audit_log()
    with pytest.raises(ValidationError) as refused:
        handout_documents.handout_pdf(
            practice.uow(), case.id, Step.LEAN_IN, ["Ngozi"], partner_id=ngozi
        )
    assert refused.value.field == "acknowledge_safety"
    assert str(refused.value) == (
        "This case has a safety flag, so the handout has practices for one person in place "
        "of joint exercises; confirm to make it."
    )
    assert [r for r in audit_log()[len(before) :] if r[0] != "viewed"] == []

    data = handout_documents.handout_pdf(
        practice.uow(), case.id, Step.LEAN_IN, ["Ngozi"], partner_id=ngozi, acknowledge_safety=True
    )
    assert data is not None
    text = pdftools.flat(pdftools.text(data))
    assert "Ask each other" not in text
    assert "Notice what helps you feel steady in yourself" in text  # a safer practice
    assert audit_log()[-1][5] == (
        f"client handout PDF, step 3, partner {ngozi}, safety-aware version, "
        "safety flag acknowledged"
    )


def test_without_a_flag_the_usual_handout_is_made_without_asking(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: AuditLog
) -> None:
    zoe = couple_case.partners[0].id
    data = handout_documents.handout_pdf(
        practice.uow(), couple_case.id, Step.LEAN_IN, ["Zoë"], partner_id=zoe
    )
    assert data is not None
    assert "Ask each other" in pdftools.text(data)
    assert audit_log()[-1][5] == f"client handout PDF, step 3, partner {zoe}"


def test_the_command_line_refuses_one_partners_handout_without_acknowledging(
    practice: OpenPractice,
    practice_dir: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = flagged(practice)
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    out = tmp_path / "h.pdf"
    args = ["report", "handout", "--data-dir", str(practice_dir), "--case", str(case.id)]
    args += ["--partner", "marcus", "--step", "2", "--out", str(out)]
    assert cli.main(args) == 2
    assert capsys.readouterr().err == (
        "clarity-desktop: This case has a safety flag, so the handout has practices for one "
        "person in place of joint exercises; add --acknowledge-safety to make it.\n"
    )
    assert not out.exists()
    assert cli.main([*args, "--acknowledge-safety"]) == 0
    text = pdftools.flat(pdftools.text(out))
    assert "For Marcus" in text and "Take turns" not in text

"""The treatment plan PDF: for clinicians, sections per owner, the agreement, the signature
line, DRAFT while unsigned, and the optional acknowledgement with a line per partner."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent
from clarity_desktop.reports.plan import PlanDocument, build_plan

CONTENT = PlanContent(
    concerns=(Concern(None, "The move keeps coming back"), Concern(2, "Feels alone in trying")),
    goals=(
        Goal(
            None,
            "Stay curious about each other while unsure",
            (Objective("Ask first", date(2027, 4, 1)),),
        ),
        Goal(3, "Say what he needs before going quiet"),
    ),
    interventions=("Slowing the loop in session",),
    review_on=date(2027, 5, 1),
    agreement="Explore both directions for six sessions; no big practical steps.",
    agreement_review_on=date(2027, 4, 15),
)


def document(**kw: object) -> PlanDocument:
    base = dict(
        clinician="Dana Reyes, LMFT",
        case_id=7,
        case_name="Zoë & Łukasz",
        owners=((None, "The couple"), (2, "Zoë"), (3, "Łukasz")),
        version=2,
        content=CONTENT,
        signed_by="Dana Reyes, LMFT",
        signed_at=datetime(2027, 3, 10, 14, 5),
        partners=("Zoë", "Łukasz"),
    )
    base.update(kw)
    return PlanDocument(**base)  # type: ignore[arg-type]


def text_of(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_signed_plan_reads_as_a_clinician_document(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    build_plan(document(acknowledgement=True), out)
    text = text_of(out)
    assert "For clinicians – not for clients" in text
    assert "DRAFT" not in text
    for words in (
        "Treatment plan",
        "The couple",
        "The move keeps coming back",
        "Goal 1: Stay curious about each other while unsure",
        "Ask first — by 1 Apr 2027",
        "Łukasz",
        "Slowing the loop in session",
        "While we are unsure",
        "This plan was signed electronically by Dana Reyes, LMFT",
        "Acknowledgement",
        "asks no decision of either of us",
    ):
        assert words in text, words
    assert text.count("Signature") == 2  # one line per partner


def test_a_draft_says_so_and_has_no_acknowledgement_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    build_plan(document(signed_at=None, signed_by=None), out)
    text = text_of(out)
    assert "DRAFT — not signed" in text and "Acknowledgement" not in text

"""Clinician documents in Spanish: the program's own words around what the clinician
wrote are Spanish, and no English heading is left (the CLI and the dialog pass the
language through DocumentRequest)."""

from __future__ import annotations

from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.languages import Language
from clarity_desktop.services import document_request
from clarity_desktop.services.document_request import DocumentRequest
from clarity_desktop.store.practice import OpenPractice
from tests.brief_case import PLAN_3, make_brief_case
from tests.reports import pdftools

# The note's English headings and labels: none may appear in a Spanish note.
NOTE_ENGLISH = (
    "Session note",
    "Confidential clinical record",
    "Clinician",
    "Case",
    "Attendance",
    "Both partners",
    "Note template",
    "Five steps",
    "Steps worked on",
    "Partners' steps",
    "Next steps",
    "Readings",
    "Pursue/withdraw",
    "Stance",
    "Clarity",
    "The couple's loop",
    "Intensity",
    "Co-regulation",
    "DRAFT",
    "not signed",
    "Last saved",
    "Lean In",
    "Mar 2025",
    "In person",
)


def _note_pdf(practice: OpenPractice, language: Language | None) -> str:
    bc = make_brief_case(practice)
    assert bc.third.note_id is not None
    request = DocumentRequest(
        DocumentKind.NOTE, bc.case.id, note_id=bc.third.note_id, language=language
    )
    data = document_request.render(practice.uow(), request)
    assert data is not None
    return pdftools.flat(pdftools.text(data))


def test_a_spanish_note_has_no_english_heading(practice: OpenPractice) -> None:
    text = _note_pdf(practice, Language.ES)
    assert "Nota de sesión" in text and "Registro clínico confidencial" in text
    assert "Ambos miembros (Zoë, Łukasz)" in text
    assert "Próximos pasos" in text and PLAN_3 in text  # the clinician's words, whole
    assert "Lecturas" in text and "BORRADOR — sin firmar" in text
    assert "mar 2025" in text
    assert [e for e in NOTE_ENGLISH if e in text] == []


def test_without_a_language_the_note_stays_english(practice: OpenPractice) -> None:
    text = _note_pdf(practice, None)
    assert [e for e in NOTE_ENGLISH if e not in text] == []  # the list is real


# The case summary's and progress report's English headings and labels.
SUMMARY_ENGLISH = (
    "Case summary",
    "Progress report",
    "Confidential clinical record",
    "For clinicians",
    "Clinician",
    "Relationship",
    "Case dates",
    "Sessions",
    "Safety",
    "This document shows",
    "Partners",
    "Pronouns",
    "Step (latest recorded)",
    "Direction (latest)",
    "Steps over time",
    "Pursue and withdraw",
    "Loop intensity",
    "distance between them",
    "pursuing",
    "withdrawing",
    "co-regulation",
    "flooding",
    "Recurring loops",
    "First recorded",
    "Themes",
    "Steps worked on",
    "Handouts given",
    "Attendance",
    "Modality",
    "Joint",
    "In person",
    "Draft",
    "Lean In",
    "Mar 2025",
    "Page 1 of",
)
PROGRESS_ENGLISH = (
    "What moved in this period",
    "at the latest reading",
    "'s clarity",
    "'s step",
    "Each measure gives",
    "both days included",
)


def _case_pdf(practice: OpenPractice, kind: DocumentKind, language: Language | None) -> str:
    from datetime import date

    bc = make_brief_case(practice)
    period = {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}
    request = DocumentRequest(
        kind, bc.case.id, language=language, **(period if kind is DocumentKind.PROGRESS else {})
    )
    data = document_request.render(practice.uow(), request)
    assert data is not None
    return pdftools.flat(pdftools.text(data))


def test_a_spanish_summary_has_no_english_heading(practice: OpenPractice) -> None:
    text = _case_pdf(practice, DocumentKind.SUMMARY, Language.ES)
    assert "Resumen del caso" in text and "Página 1 de" in text
    assert "Pasos a lo largo del tiempo" in text and "Conjunta" in text
    assert [e for e in SUMMARY_ENGLISH if e in text] == []


def test_a_spanish_progress_report_has_no_english_heading(practice: OpenPractice) -> None:
    text = _case_pdf(practice, DocumentKind.PROGRESS, Language.ES)
    assert "Informe de evolución" in text and "Qué se movió en este periodo" in text
    assert "Intensidad del ciclo: 5 de 10 en la última lectura (18 mar 2025)" in text
    english = [e for e in SUMMARY_ENGLISH + PROGRESS_ENGLISH if e in text]
    assert [e for e in english if e != "Case summary"] == []


def test_the_summary_and_progress_lists_are_real(practice: OpenPractice) -> None:
    summary = _case_pdf(practice, DocumentKind.SUMMARY, None)
    assert [e for e in SUMMARY_ENGLISH if e not in summary] == ["Progress report"]
    progress = _case_pdf(practice, DocumentKind.PROGRESS, None)
    assert [e for e in PROGRESS_ENGLISH if e not in progress] == []

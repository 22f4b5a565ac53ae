"""A document's file name stays off the server's audit trail.

The server keeps the audit trail in the clear (who did what, when), and clinicians often
name a file after its client ("Quillfeather-Marrow summary.pdf"). On a practice server
each document's audit row therefore says only that it went to a file; a solo practice,
whose whole database is encrypted on the clinician's own computer, keeps the path as
before.

Failed before: the server's audit row held the whole path, client's name and all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.services import audit, documents, handout_documents
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import rows

CLIENT = "Quillfeather-Marrow"


@pytest.mark.parametrize("store_kind", ["postgres", "sqlite"], indirect=True)
def test_the_file_a_document_went_to_is_named_only_on_a_solo_practice(
    practice: OpenPractice, couple_case: CaseDetail, tmp_path: Path, store_kind: str
) -> None:
    summary = tmp_path / f"{CLIENT} summary.pdf"
    handout = tmp_path / f"{CLIENT} handout.pdf"
    documents.summary_pdf(practice.uow(), couple_case.id, out=summary)
    handout_documents.handout_pdf(
        practice.uow(), couple_case.id, Step.LEAN_IN, ["Zoë", "Łukasz"], out=handout
    )
    assert summary.exists() and handout.exists()
    found = audit.list_events(practice.uow(), audit.AuditFilter(action="exported"))
    details = [e.detail for e in found]
    assert len(details) == 2
    if store_kind == "postgres":
        assert all(d.endswith(", to a file") for d in details), details
        stored = rows(practice, "SELECT detail FROM audit_events")
        assert CLIENT not in str(stored)
    else:
        assert sorted(d.rsplit(", to ", 1)[1] for d in details) == sorted(
            [str(handout), str(summary)]
        )

"""The locked sentence is never printed or exported as if it were the text (issue 14).

Eli is assigned Dana's case but holds no key for it yet: his note PDF, case export and
session brief are refused in words (ENCRYPTION_LOCKED_NOT_COPIED), no file is left
behind and no "exported" row claims one was made. Once Dana shares the key, the same PDF
carries what she wrote. On a real practice server. Failed before: the PDF and the export
carried "This text is locked until ..." where the note's words belong."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ErrorCode, RecordLocked
from clarity_desktop.domain.locked_text import LOCKED_TEXT
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import brief, documents, export, key_sharing, sessions, staff
from tests.pg_practice import ELI
from tests.services.test_key_sharing import WRITTEN, Practice, group

__all__ = ["group"]


def exported_rows(p: Practice) -> list[str]:
    return [str(r[4]) for r in p.pg.audit_rows(p.dana.folder) if r[0] == "exported"]


def test_a_locked_note_is_refused_in_a_pdf_and_an_export_until_shared(
    group: Practice, tmp_path: Path
) -> None:
    later = sessions.create_session(
        group.dana.uow(), group.case_id, SessionInput(datetime(2026, 3, 9, 10))
    )  # its brief reads the note before it
    staff.assign_case(group.admin, group.case_id, ELI.login)
    assert group.focus(group.eli) == "LOCKED"  # he opens it, its text stands in locked

    pdf, zipped = tmp_path / "note.pdf", tmp_path / "case.zip"
    with pytest.raises(RecordLocked) as refused:
        documents.note_pdf(group.eli.uow(), group.note_id, pdf)
    assert refused.value.code is ErrorCode.ENCRYPTION_LOCKED_NOT_COPIED
    assert "cannot go into a document or an export" in str(refused.value)
    with pytest.raises(RecordLocked, match="cannot go into a document or an export"):
        export.export_case(group.eli.uow(), group.case_id, zipped)
    with pytest.raises(RecordLocked, match="cannot go into a document or an export"):
        brief.brief_pdf(group.eli.uow(), group.case_id, later.id, tmp_path / "brief.pdf")
    assert not pdf.exists() and not zipped.exists() and not (tmp_path / "brief.pdf").exists()
    assert exported_rows(group) == []

    [request] = key_sharing.pending_shares(group.dana)
    key_sharing.share_case_key(group.dana, request.case_id, request.reader)
    documents.note_pdf(group.eli.uow(), group.note_id, pdf)
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    words = " ".join(printed.stdout.split())
    assert WRITTEN in words and LOCKED_TEXT not in words
    export.export_case(group.eli.uow(), group.case_id, zipped)
    brief.brief_pdf(group.eli.uow(), group.case_id, later.id, tmp_path / "brief.pdf")
    assert exported_rows(group) == ["Eli Park, LPC"] * 3

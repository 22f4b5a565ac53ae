"""The export dialog: the whole record, or a copy for one partner with what is withheld
listed on screen before and after, in the ZIP too."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.documents.export_dialog import ExportDialog

PRIVATE = "Łukasz said alone: PRIVATE-7Z"


@pytest.fixture(autouse=True)
def exports_finish(practice: OpenPractice) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(15000)


@pytest.fixture
def case(practice: OpenPractice, couple_case: CaseDetail) -> CaseDetail:
    """Zoë & Łukasz: a joint note, and Łukasz's private individual note."""
    lukasz = couple_case.partners[1]
    for when, attending, text in (
        (datetime(2025, 3, 4, 10, 0), None, "Joint: the move."),
        (datetime(2025, 3, 11, 9, 30), lukasz.id, PRIVATE),
    ):
        s = sessions.create_session(
            practice.uow(),
            couple_case.id,
            SessionInput(starts_at=when, attending_partner_id=attending),
        )
        assert s.note_id is not None
        notes.save_draft(
            practice.uow(),
            s.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": text},
                frozenset({Step.LEAN_IN}),
                {},
                attending is not None,
            ),
        )
        notes.sign_note(practice.uow(), s.note_id)
    return cases.read_case(practice.uow(), couple_case.id)


def items(dialog: ExportDialog) -> list[str]:
    return [dialog.withheld.item(i).text() for i in range(dialog.withheld.count())]


def test_the_whole_record_is_the_default(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, tmp_path: Path
) -> None:
    dialog = ExportDialog(practice, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.for_partner() is None
    assert not dialog.withheld.isVisible()
    assert dialog.suggested_name() == f"case-{case.id}-records.zip"
    with qtbot.waitSignal(dialog.exported, timeout=15000):
        dialog.export_to(tmp_path / "whole.zip")
    assert "not encrypted" in dialog.status.text()
    with zipfile.ZipFile(tmp_path / "whole.zip") as z:
        assert PRIVATE in z.read("case.json").decode()


def test_a_copy_for_one_partner_lists_what_is_withheld_before_and_after(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zoe = case.partners[0]
    dialog = ExportDialog(practice, case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_partner(zoe.id)
    assert dialog.withheld.isVisible()
    before = items(dialog)
    assert any("individual session with Łukasz on 11 Mar 2025" in t for t in before)
    assert any("Łukasz's contact details" in t for t in before)
    assert all("withheld because" in t for t in before)
    assert "For Zoë alone" in dialog.explain.text()

    target = tmp_path / "for-zoe.zip"
    suggested: list[str] = []

    def save(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    with qtbot.waitSignal(dialog.exported, timeout=15000) as done:
        dialog.export()
    assert suggested == [f"case-{case.id}-records-partner-1.zip"]  # no name in it
    assert done.args[0].for_partner == "Zoë"
    assert "A copy for Zoë" in dialog.status.text()
    assert items(dialog) == before
    with zipfile.ZipFile(target) as z:
        everything = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        payload = json.loads(z.read("case.json"))
    assert "PRIVATE-7Z" not in everything
    assert "A copy for: Zoë" in everything
    assert len(payload["release"]["withheld"]) == len(before)


def test_an_individual_case_has_no_partner_copy(
    qtbot: QtBot, practice: OpenPractice, individual_case: CaseDetail
) -> None:
    dialog = ExportDialog(practice, individual_case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.one.isEnabled() and not dialog.partner.isEnabled()


def test_the_dialog_renders(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, tmp_path: Path
) -> None:
    dialog = ExportDialog(practice, case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_partner(case.partners[0].id)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "export-dialog.png"))

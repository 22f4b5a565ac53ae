"""Printing or saving a handout in the document dialog records which handout went to whom
at which session (one tick, on by default), and nothing when it is cleared or when the
document is not a handout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, handouts_given
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.documents.document_dialog import DocumentDialog
from tests.ui.test_document_dialog import WAIT_MS, open_dialog, signed_note


@pytest.fixture(autouse=True)
def builds_finish(practice: OpenPractice) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_saving_a_handout_records_it_as_given_at_the_note_s_session(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    note = signed_note(practice, couple_case)
    case = cases.open_case(practice.uow(), couple_case.id)
    zoe = case.partners[0]
    dialog = open_dialog(qtbot, practice, case, settings, note, initial="handout")
    assert dialog.choices.record_given.isChecked()
    assert dialog.choices.record_given.text() == "Record it as &given at the session of 17 Nov 2026"
    dialog.choices.choose_who(zoe.id)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (str(tmp_path / "h.pdf"), "PDF files (*.pdf)")),
    )
    with qtbot.waitSignal(dialog.given_recorded, timeout=WAIT_MS) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    view = recorded.args[0]
    assert (view.to, view.step, view.session_id) == ("Zoë", Step.LEAN_IN, note.session_id)
    assert "Recorded as given." in dialog.status.text()

    # Printed for both, the tick cleared: printed, and nothing more recorded.
    dialog.choices.choose_who(0)
    dialog.choices.record_given.setChecked(False)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    # Ticked again, a print records the joint handout.
    dialog.choices.record_given.setChecked(True)
    with qtbot.waitSignal(dialog.given_recorded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    given = handouts_given.given_for_case(practice.uow(), case.id)
    assert [(g.to, g.step) for g in given] == [
        ("Both partners", Step.NAME_WHATS_HAPPENING),
        ("Zoë", Step.LEAN_IN),
    ]


def test_other_documents_record_nothing(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    note = signed_note(practice, couple_case)
    case = cases.open_case(practice.uow(), couple_case.id)
    dialog = open_dialog(qtbot, practice, case, settings, note, initial="summary")
    assert dialog.choices.given() is None
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (str(tmp_path / "s.pdf"), "PDF files (*.pdf)")),
    )
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert handouts_given.given_for_case(practice.uow(), case.id) == ()


def test_a_case_without_sessions_records_the_handout_without_one(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    dialog = DocumentDialog(practice, couple_case, None, settings=settings, initial="handout")
    qtbot.addWidget(dialog)
    assert dialog.choices.record_given.text() == "Record it as &given (no session recorded yet)"
    assert dialog.choices.given() == (Step.NOTICE_THE_SHIFT, None, None, Language.EN)

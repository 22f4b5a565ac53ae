"""The document dialog's "What it includes" choices for the case summary and the
progress report: both off each time the dialog opens, and the preview follows them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QThreadPool
from pytestqt.qtbot import QtBot

from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.documents.document_dialog import DocumentDialog
from tests.faults.test_private_readings_in_documents import SAFETY_TEXT, confided, flagged
from tests.ui.test_document_dialog import WAIT_MS, open_dialog, preview_text

__all__ = ["confided", "flagged"]  # fixtures, used by name below


@pytest.fixture(autouse=True)
def builds_finish(practice: OpenPractice) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def text(dialog: DocumentDialog) -> str:
    return " ".join(preview_text(dialog).split())


@pytest.mark.parametrize("kind", ["summary", "progress"])
def test_private_readings_and_the_safety_note_only_when_ticked(
    qtbot: QtBot, practice: OpenPractice, flagged: CaseDetail, settings: Settings, kind: str
) -> None:
    case = cases.open_case(practice.uow(), flagged.id)
    dialog = open_dialog(qtbot, practice, case, settings, initial=kind)
    choices = dialog.choices
    if kind == "progress":
        with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
            choices.date_from.setDate(QDate(2025, 3, 1))
            choices.date_to.setDate(QDate(2025, 3, 31))
    assert choices.contents_group.isVisible()
    assert not choices.include_private.isChecked() and not choices.include_safety.isChecked()
    assert choices.include_safety.isVisible()
    shown = text(dialog)
    assert "letting go" not in shown.lower() and "SAFETY-DISCLOSURE" not in shown
    assert "For clinicians – not for clients" in shown

    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.include_private.setChecked(True)
    assert "Letting go (24 Mar 2025, individual session)" in text(dialog)
    assert "SAFETY-DISCLOSURE" not in text(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.include_safety.setChecked(True)
    assert SAFETY_TEXT in text(dialog)

    # Another document hides the choices; they never reach it.
    choices.choose_kind("steps")
    assert not choices.contents_group.isVisible()
    assert not choices.choice().include_private_readings
    assert not choices.choice().include_safety_note

    # Opened again, the dialog starts with both left out.
    again = open_dialog(qtbot, practice, case, settings, initial=kind)
    assert not again.choices.include_private.isChecked()
    assert not again.choices.include_safety.isChecked()


def test_no_safety_note_no_choice_about_it(
    qtbot: QtBot, practice: OpenPractice, confided: CaseDetail, settings: Settings
) -> None:
    case = cases.open_case(practice.uow(), confided.id)
    dialog = open_dialog(qtbot, practice, case, settings, initial="summary")
    assert dialog.choices.include_private.isVisible()
    assert not dialog.choices.include_safety.isVisible()
